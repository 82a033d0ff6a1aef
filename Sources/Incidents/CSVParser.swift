private let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, space: UInt8 = 0x20, tab: UInt8 = 0x09

/// A problem in the CSV syntax itself, found before any column is interpreted.
enum CSVIssue: Equatable {
    /// A quoted field the file never closes; `line` is where its opening quote is.
    case unterminatedQuote(line: Int, field: Int)
    /// Text between a closing quote and the next separator (`"abc"def`).
    case textAfterQuote(line: Int, field: Int)
    /// A field longer than the limit; `line` is where the field starts.
    case fieldTooLong(line: Int, field: Int)
    /// A physical line longer than the limit.
    case lineTooLong(line: Int)
    /// A record whose fields together are longer than the limit.
    case recordTooLong(line: Int)
}

/// One CSV record: the unescaped bytes of its fields back to back, and where each ends.
///
/// A reader keeps one record and lets the parser refill it, so reading a file
/// allocates nothing per field: values become Strings only when a reader asks.
struct CSVRecord {
    /// Physical line (1-based) where the record starts.
    var line = 0
    /// The fields' bytes, quotes removed, doubled quotes undone, line ends inside quotes as LF.
    var bytes: [UInt8] = []
    /// End offset in `bytes` of each stored field; field `i` starts where field `i - 1` ends.
    var ends: [Int] = []
    /// Physical line where each stored field starts.
    var lines: [Int] = []
    /// Fields in the record, including any beyond the parser's storage cap.
    var fieldCount = 0
    /// Syntax problems of this record.
    var issues: [CSVIssue] = []
    /// True when the first field was quoted (so `""` is not a blank line).
    var firstFieldQuoted = false

    /// True for a completely empty line.
    var isBlank: Bool { fieldCount == 1 && bytes.isEmpty && !firstFieldQuoted }

    mutating func reset(line: Int) {
        self.line = line
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        fieldCount = 0
        issues.removeAll(keepingCapacity: true)
        firstFieldQuoted = false
    }

    /// The byte range of stored field `i`.
    func range(_ i: Int) -> Range<Int> {
        (i == 0 ? 0 : ends[i - 1])..<ends[i]
    }
}

/// Reads RFC 4180 records from UTF-8 bytes.
///
/// Line ends may be CRLF, LF or a lone CR, inside quotes too, and are counted
/// as physical lines so every record and field knows its line. A quote opens a
/// quoted field only at the start of a field (after optional spaces); elsewhere
/// it is an ordinary character. Limits bound memory: a field or record over its
/// limit is reported and no longer stored, but parsing goes on to the end of it
/// so the next record starts where it should.
struct CSVParser {
    let input: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    let maxFieldBytes: Int
    let maxLineBytes: Int
    let maxRecordBytes: Int
    /// Fields stored per record; more are counted, not kept.
    var maxStoredFields: Int
    /// Offset of the next record.
    private(set) var position: Int
    /// Physical line of `position`.
    private(set) var line = 1
    private var lineStart: Int

    /// A parser from offset `start`, which is the start of physical line `line`.
    init(input: UnsafeBufferPointer<UInt8>, start: Int, line: Int = 1, separator: UInt8, maxFieldBytes: Int, maxLineBytes: Int,
         maxStoredFields: Int) {
        self.input = input
        self.line = line
        self.separator = separator
        self.maxFieldBytes = maxFieldBytes
        self.maxLineBytes = maxLineBytes
        self.maxRecordBytes = 4 * maxLineBytes
        self.maxStoredFields = maxStoredFields
        self.position = start
        self.lineStart = start
    }

    /// True when every record has been read.
    var atEnd: Bool { position >= input.count }

    /// The separator a header line suggests: a comma when it has one, else `;` or tab
    /// (whichever it has more of), else a comma. Quoted text is not counted.
    static func detectSeparator(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0, inQuotes = false
        var i = start
        // The first line that is not empty.
        while i < b.count, b[i] == cr || b[i] == lf { i += 1 }
        while i < b.count {
            let c = b[i]
            if c == quote { inQuotes.toggle() }
            else if !inQuotes {
                if c == cr || c == lf { break }
                if c == 0x2C { commas += 1 } else if c == 0x3B { semicolons += 1 } else if c == tab { tabs += 1 }
            }
            i += 1
        }
        if commas > 0 || (semicolons == 0 && tabs == 0) { return 0x2C }
        return semicolons >= tabs ? 0x3B : tab
    }

    /// Reads the next record into `r`; false when the input is exhausted.
    mutating func next(into r: inout CSVRecord) -> Bool {
        let n = input.count
        guard position < n, let base = input.baseAddress else { return false }
        r.reset(line: line)
        let sep = separator
        var p = position
        var recordBytes = 0
        var recordTooLong = false

        // Checks the length of the physical line that ends at `end`.
        func lineEnded(at end: Int) {
            if end - lineStart > maxLineBytes { r.issues.append(.lineTooLong(line: line)) }
        }

        while true {
            // One field.
            let fieldIndex = r.fieldCount
            let fieldLine = line
            let storing = fieldIndex < maxStoredFields
            var fieldBytes = 0
            var fieldTooLong = false

            // Appends input[from..<to] to the field, within the limits.
            func take(_ from: Int, _ to: Int) {
                let count = to - from
                guard count > 0 else { return }
                fieldBytes += count
                recordBytes += count
                if fieldBytes > maxFieldBytes { fieldTooLong = true }
                if recordBytes > maxRecordBytes { recordTooLong = true }
                if storing && !fieldTooLong && !recordTooLong {
                    r.bytes.append(contentsOf: UnsafeBufferPointer(start: base + from, count: count))
                }
            }
            func takeByte(_ c: UInt8) {
                fieldBytes += 1
                recordBytes += 1
                if fieldBytes > maxFieldBytes { fieldTooLong = true }
                if recordBytes > maxRecordBytes { recordTooLong = true }
                if storing && !fieldTooLong && !recordTooLong { r.bytes.append(c) }
            }
            // Appends input from `p` up to the next separator or line end.
            func takeUnquoted() {
                let from = p
                while p < n {
                    let c = base[p]
                    if c == sep || c == lf || c == cr { break }
                    p += 1
                }
                take(from, p)
            }

            var q = p
            while q < n, base[q] == space || (base[q] == tab && sep != tab) { q += 1 }
            if q < n && base[q] == quote {
                if fieldIndex == 0 { r.firstFieldQuoted = true }
                p = q + 1
                var chunk = p
                var closed = false
                while true {
                    while p < n {
                        let c = base[p]
                        if c == quote || c == lf || c == cr { break }
                        p += 1
                    }
                    take(chunk, p)
                    guard p < n else { break }
                    let c = base[p]
                    if c == quote {
                        if p + 1 < n && base[p + 1] == quote {
                            takeByte(quote)
                            p += 2
                            chunk = p
                            continue
                        }
                        p += 1
                        closed = true
                        break
                    }
                    // A line end inside the quotes: part of the value, and a new physical line.
                    lineEnded(at: p)
                    takeByte(lf)
                    p += (c == cr && p + 1 < n && base[p + 1] == lf) ? 2 : 1
                    line += 1
                    lineStart = p
                    chunk = p
                }
                if !closed {
                    r.issues.append(.unterminatedQuote(line: fieldLine, field: fieldIndex))
                } else {
                    while p < n, base[p] == space || (base[p] == tab && sep != tab) { p += 1 }
                    if p < n && base[p] != sep && base[p] != lf && base[p] != cr {
                        r.issues.append(.textAfterQuote(line: fieldLine, field: fieldIndex))
                        takeUnquoted()
                    }
                }
            } else {
                takeUnquoted()
            }
            if fieldTooLong { r.issues.append(.fieldTooLong(line: fieldLine, field: fieldIndex)) }
            if storing {
                r.ends.append(r.bytes.count)
                r.lines.append(fieldLine)
            }
            r.fieldCount += 1

            // What ends the field.
            if p >= n {
                lineEnded(at: n)
                break
            }
            let c = base[p]
            if c == sep {
                p += 1
                continue
            }
            lineEnded(at: p)
            p += (c == cr && p + 1 < n && base[p + 1] == lf) ? 2 : 1
            line += 1
            lineStart = p
            break
        }
        if recordTooLong { r.issues.append(.recordTooLong(line: r.line)) }
        position = p
        return true
    }
}
