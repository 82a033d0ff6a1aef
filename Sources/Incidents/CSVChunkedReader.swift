import Foundation

/// Reads a CSV file of incidents in chunks of rows that can be read on several threads.
///
/// One thread checks the text, reads the header and splits the rows into chunks with
/// `next(rows:)`: it walks the records with the same parser that reads them (so quoted
/// line ends split nothing) but stores only their first field, and it reports what only a
/// pass in order can see (empty lines before the last row, too many rows). Any thread then
/// reads a chunk's incidents with `read(_:)`, with its own caches. Ids used twice are found
/// by `DuplicateIDs`, fed the chunks' ids in file order.
public final class CSVChunkedReader: @unchecked Sendable {
    /// Rows per chunk unless asked otherwise.
    public static let defaultRows = 4_096

    /// A run of rows: where it starts and how many rows (not counting empty lines) it holds.
    public struct Chunk: Sendable {
        let start: Int
        let line: Int
        /// Number (1-based) of the chunk's first row.
        public let firstRow: Int
        /// Rows in the chunk.
        public let rows: Int
        /// Offset just past the chunk's last row.
        public let end: Int
    }

    /// What `read(_:)` found in a chunk.
    public struct Rows {
        /// The incidents of the rows without problems, in order.
        public var incidents: [Incident]
        /// Problems of the chunk's rows.
        public var problems: [InputProblem]
        /// Id and line of every row with an id (good or not), in order, for `DuplicateIDs`.
        public var ids: [(id: String, line: Int)]
    }

    private let data: Data
    private var template: CSVIncidentReader.Reader
    private var problems: [InputProblem] = []
    private var position = 0, line = 1, rows = 0, dataStart = 0
    private var blankLines: [Int] = []
    private var began = false, done = false

    /// Checks the text of `data` (read from `path`) and reads its header; the problems found
    /// come out of `finish()`. `consumed` is told the offset checked every 16 MB. Rows after
    /// the first `fullRows` are read briefly (see `CSVIncidentReader.read`).
    public init(_ data: Data, path: String, limits: CSVIncidentReader.Limits = .init(), fullRows: Int = .max,
                consumed: (Int) -> Void = { _ in }) {
        self.data = data
        template = CSVIncidentReader.Reader(path: path, limits: limits)
        template.fullRows = fullRows
        let start: CSVParser? = data.withUnsafeBytes { raw in template.begin(raw.bindMemory(to: UInt8.self), consumed: consumed) }
        problems = template.problems
        template.problems = []
        if let start {
            began = true
            position = start.position
            dataStart = position
            line = start.line
        } else {
            done = true
        }
    }

    /// Rows the file holds at the rate of the rows split so far (at most 2,000,000: short first
    /// rows must not reserve gigabytes).
    public var estimatedRows: Int {
        guard rows > 0, position > dataStart else { return 0 }
        return min(template.limits.maxRows, 2_000_000, (data.count - dataStart) / max(1, (position - dataStart) / rows) + 1)
    }

    /// The header's name of the id column, when the file has one.
    public var idColumn: String? { template.columns[.id].map { template.names[$0] } }

    /// The next chunk of up to `wanted` rows, or nil at the end of the rows.
    ///
    /// Lines without a double quote are records of their own, found by looking for line ends;
    /// from a line with a quote on, the chunk is walked with the parser (a quoted field may
    /// hold line ends).
    public func next(rows wanted: Int) -> Chunk? {
        guard !done else { return nil }
        return data.withUnsafeBytes { raw -> Chunk? in
            let all = raw.bindMemory(to: UInt8.self)
            let n = all.count
            let start = position, startLine = line, firstRow = rows + 1
            var count = 0, end = position

            // Takes one record; false when no more may be read.
            func take(line recordLine: Int, blank: Bool, endingAt after: Int) -> Bool {
                if blank {
                    // An error unless only empty lines follow.
                    blankLines.append(recordLine)
                    return true
                }
                for l in blankLines {
                    problems.append(InputProblem(file: template.path, line: l, field: nil,
                                                 message: "empty line (expected \(template.names.count) fields as in the header; only the last lines may be empty)"))
                }
                blankLines.removeAll()
                rows += 1
                if rows > template.limits.maxRows {
                    problems.append(InputProblem(file: template.path, line: recordLine, field: nil,
                                                 message: "more than \(template.limits.maxRows) rows; split the file"))
                    done = true
                    return false
                }
                count += 1
                end = after
                return true
            }

            var p = position, ln = line
            var quoted = false
            while count < wanted && p < n && !done {
                var q = p
                while q < n {
                    let c = all[q]
                    if c == 0x0A || c == 0x0D || c == 0x22 { break }
                    q += 1
                }
                if q < n && all[q] == 0x22 {
                    quoted = true
                    break
                }
                let recordLine = ln, blank = q == p
                if q < n {
                    q += (all[q] == 0x0D && q + 1 < n && all[q + 1] == 0x0A) ? 2 : 1
                    ln += 1
                }
                p = q
                if !take(line: recordLine, blank: blank, endingAt: p) { break }
            }
            if quoted && !done {
                var parser = template.parser(all, from: p, line: ln, storing: 1)
                var record = CSVRecord()
                while count < wanted {
                    guard parser.next(into: &record) else { break }
                    if !take(line: record.line, blank: record.isBlank, endingAt: parser.position) { break }
                }
                p = parser.position
                ln = parser.line
            }
            if p >= n { done = true }
            position = p
            line = ln
            return count == 0 ? nil : Chunk(start: start, line: startLine, firstRow: firstRow, rows: count, end: end)
        }
    }

    /// Reads the rows of `chunk` (on any thread).
    public func read(_ chunk: Chunk) -> Rows {
        var reader = template
        return data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            var parser = reader.parser(all, from: chunk.start, line: chunk.line, storing: reader.names.count + 1)
            var record = CSVRecord()
            var out = Rows(incidents: [], problems: [], ids: [])
            out.incidents.reserveCapacity(chunk.rows)
            let idColumn = reader.columns[.id]
            var number = chunk.firstRow
            while number < chunk.firstRow + chunk.rows, parser.next(into: &record) {
                if record.isBlank { continue }
                if let incident = reader.row(record, number: number) {
                    out.incidents.append(incident)
                    if idColumn != nil { out.ids.append((incident.id, record.line)) }
                } else if let c = idColumn, record.issues.isEmpty, record.fieldCount == reader.names.count {
                    let id = record.bytes.withUnsafeBufferPointer { String(decoding: CSVIncidentReader.trimmed($0, record.range(c)), as: UTF8.self) }
                    if !id.isEmpty { out.ids.append((id, record.line)) }
                }
                number += 1
            }
            out.problems = reader.problems
            return out
        }
    }

    /// The problems only the pass in order sees (the text, the header, empty lines, the row
    /// count); call after the last chunk.
    public func finish() -> [InputProblem] {
        if began && rows == 0 {
            problems.append(InputProblem(file: template.path, line: 0, field: nil, message: "no rows: the file has a header line but no incidents"))
        }
        return problems
    }

    /// The file as read (its incidents went to the chunks).
    public var file: IncidentFile { IncidentFile(path: template.path, title: nil, summary: nil, incidents: []) }

    /// A checker of ids for this file.
    public func duplicateIDs() -> DuplicateIDs { DuplicateIDs(path: template.path, column: idColumn) }

    /// Problems sorted by line; those of one line in the order they were found.
    public static func inLineOrder(_ problems: [InputProblem]) -> [InputProblem] {
        problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}

/// Ids used twice in one file, fed in file order.
public struct DuplicateIDs {
    let path: String
    let column: String?
    private var seen = IDTable()

    init(path: String, column: String?) {
        self.path = path
        self.column = column
    }

    /// Makes room for `n` ids.
    public mutating func reserve(_ n: Int) {
        if column != nil { seen.reserve(n) }
    }

    /// The problem when `id` was used by an earlier row, else nil (and `id` is remembered).
    public mutating func check(id: String, line: Int) -> InputProblem? {
        guard column != nil else { return nil }
        if let first = seen.insert(id, line: line) {
            return InputProblem(file: path, line: line, field: column, message: "duplicate id \"\(id)\" (first at \(path):\(first))")
        }
        return nil
    }

    /// Checks every id of `rows`; the problems, and the lines of the incidents to drop.
    public mutating func check(_ rows: CSVChunkedReader.Rows) -> (problems: [InputProblem], lines: Set<Int>) {
        var problems: [InputProblem] = [], lines = Set<Int>()
        for (id, line) in rows.ids {
            if let p = check(id: id, line: line) {
                problems.append(p)
                lines.insert(line)
            }
        }
        return (problems, lines)
    }
}

/// Ids with the line each was first used on: an open-addressing table on a fast hash of the
/// id's bytes (a million ids went through `Dictionary`'s seeded hashing noticeably slower).
struct IDTable {
    /// Index + 1 into the entries per slot, 0 when free (linear probing).
    private var slots: [Int32] = []
    private var ids: [String] = []
    private var hashes: [Int] = []
    private var lines: [Int] = []

    mutating func reserve(_ n: Int) {
        guard n > ids.count else { return }
        ids.reserveCapacity(n)
        hashes.reserveCapacity(n)
        lines.reserveCapacity(n)
        var size = max(1024, slots.count)
        while size < 2 * n { size *= 2 }
        if size > slots.count { rehash(size) }
    }

    /// The first line of `id` when it was inserted before; else inserts it with `line` and returns nil.
    mutating func insert(_ id: String, line: Int) -> Int? {
        if slots.isEmpty { rehash(1024) }
        var copy = id
        let hash = copy.withUTF8 { $0.isEmpty ? 0 : StringPool.hash($0) }
        var i = hash & (slots.count - 1)
        while slots[i] != 0 {
            let k = Int(slots[i]) - 1
            if hashes[k] == hash && ids[k] == id { return lines[k] }
            i = (i + 1) & (slots.count - 1)
        }
        ids.append(id)
        hashes.append(hash)
        lines.append(line)
        slots[i] = Int32(ids.count)
        if ids.count * 2 > slots.count { rehash(slots.count * 2) }
        return nil
    }

    private mutating func rehash(_ size: Int) {
        var fresh = [Int32](repeating: 0, count: size)
        for (k, h) in hashes.enumerated() {
            var i = h & (size - 1)
            while fresh[i] != 0 { i = (i + 1) & (size - 1) }
            fresh[i] = Int32(k + 1)
        }
        slots = fresh
    }
}
