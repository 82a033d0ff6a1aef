import Foundation
import Geometry

/// Reads incidents from CSV: ACLED exports and generic tables of points or place names.
///
/// Columns are found by their header names (case-insensitive, trimmed), never by
/// position; `IncidentField.names` lists the names each model field accepts, ACLED's
/// first (`event_id_cnty`, `event_date`, `latitude`, `location`, `actor1`, …). A file
/// without an id column gets ids `<file name>-<row>`. Every column the model does not
/// take is kept in `Incident.extra`, in header order, as text. RFC 4180: quoted fields
/// may hold separators, doubled quotes and line ends; CRLF, LF and CR end lines; the
/// separator is a comma unless the header has none but has `;` or tabs. Every problem
/// of the file is collected, each with the line where its record starts and the column
/// name, and thrown together.
///
/// `Incident.fieldLines` lists, by column name and by model name (`place` for
/// `location`), only the fields that start on a later line than their record (after a
/// line end inside quotes); every other field is on `Incident.location.line`. Read a
/// field's line as `fieldLines[name] ?? location.line`. (A dictionary of all 31 ACLED
/// columns would cost more time and memory than the rest of the incident.)
public enum CSVIncidentReader {
    /// Bounds on one file; beyond them the reader reports a problem rather than use unbounded memory.
    public struct Limits: Sendable {
        /// Longest field, in bytes.
        public var maxFieldBytes: Int
        /// Longest physical line, in bytes.
        public var maxLineBytes: Int
        /// Most data rows.
        public var maxRows: Int

        /// Creates limits; the defaults are 1 MB per field, 4 MB per line and 10,000,000 rows.
        public init(maxFieldBytes: Int = 1 << 20, maxLineBytes: Int = 4 << 20, maxRows: Int = 10_000_000) {
            self.maxFieldBytes = maxFieldBytes
            self.maxLineBytes = maxLineBytes
            self.maxRows = maxRows
        }
    }

    /// Reads `data` read from `path`, with the default limits.
    public static func read(_ data: Data, path: String) throws -> IncidentFile {
        try read(data, path: path, limits: Limits())
    }

    /// Reads `data` read from `path`; throws `InputErrors` with every problem of the file.
    public static func read(_ data: Data, path: String, limits: Limits) throws -> IncidentFile {
        var incidents: [Incident] = []
        var file = try read(data, path: path, limits: limits, reserve: { incidents.reserveCapacity($0) }) { incidents.append($0) }
        file.incidents = incidents
        return file
    }

    /// Reads `data` row by row, handing each incident to `each` as soon as it is read, so that a
    /// large file need not be held as incidents. Problems are collected and thrown at the end
    /// (after `each` has seen every good row): a caller that writes must not publish its
    /// output until this returns. The returned file has no incidents.
    ///
    /// `consumed` is told, every few MB, the offset of `data` before which the reader will not
    /// look again (once while checking the text, then while parsing it): a caller that mapped
    /// the file may drop those pages, and may show progress.
    ///
    /// Rows after the first `fullRows` are read briefly, for a caller that only counts and places
    /// them (a map that bins a large file): every field is still checked, but the actor, target,
    /// notes, time and the columns kept in `extra` are left out.
    public static func read(_ data: Data, path: String, limits: Limits = Limits(), fullRows: Int = .max,
                            reserve: (Int) -> Void = { _ in }, consumed: (Int) -> Void = { _ in },
                            each: (Incident) -> Void) throws -> IncidentFile {
        let reader = CSVChunkedReader(data, path: path, limits: limits, fullRows: fullRows, consumed: consumed)
        var duplicates = reader.duplicateIDs()
        var problems: [InputProblem] = []
        while let chunk = reader.next(rows: CSVChunkedReader.defaultRows) {
            if chunk.firstRow == 1 {
                // Room for the rows the file holds at the rate of the first chunk.
                let estimate = reader.estimatedRows
                duplicates.reserve(estimate)
                reserve(estimate)
            }
            let rows = reader.read(chunk)
            let (twice, drop) = duplicates.check(rows)
            problems += rows.problems + twice
            for incident in rows.incidents where !drop.contains(incident.location.line) { each(incident) }
            consumed(chunk.end)
        }
        problems += reader.finish()
        guard problems.isEmpty else { throw InputErrors(CSVChunkedReader.inLineOrder(problems)) }
        return IncidentFile(path: path, title: nil, summary: nil, incidents: [])
    }

    /// The most header columns read.
    static let maxColumns = 65_536

    struct Reader {
        let path: String
        let limits: Limits
        var problems: [InputProblem] = []
        /// Column names as written (trimmed); an unnamed column is "column N".
        var names: [String] = []
        /// The column of each model field the header has.
        var columns = FieldColumns([:])
        /// Columns kept in `extra`, in header order.
        var extraColumns: [Int] = []
        /// Model names (`fieldLines` keys) of each column beyond its own name.
        var modelNames: [[String]] = []
        var isACLED = false
        /// A UCDP GED export (`IncidentField.isUCDP`): its kinds, precisions and fatalities are its own.
        var isUCDP = false
        /// The kind column is UCDP GED's type_of_violence (1, 2 or 3).
        var kindIsViolenceType = false
        var separator: UInt8 = 0x2C
        var pools: [StringPool] = []
        var dates: [String: Result<IncidentDate, DateError>] = [:]
        var sourceCache: [String: (outlets: [SourceRef], author: String)] = [:]
        var statements: [String] = []
        /// Rows after this many are read briefly (see `read(_:path:limits:fullRows:…)`).
        var fullRows = Int.max
        /// The prefix of generated ids (`<prefix>-<row>`); nil: the file's name without extension.
        var idPrefix: String?

        init(path: String, limits: Limits) {
            self.path = path
            self.limits = limits
        }

        mutating func problem(_ line: Int, _ field: String?, _ message: String) {
            problems.append(InputProblem(file: path, line: line, field: field, message: message))
        }

        /// Checks the text and reads the header; the parser positioned at the first row, or nil
        /// (with the problems reported) when no row can be read.
        mutating func begin(_ all: UnsafeBufferPointer<UInt8>, consumed: (Int) -> Void) -> CSVParser? {
            if let failure = TextCheck.check(all, progress: consumed) {
                problem(failure.line, nil, failure.message)
                return nil
            }
            let start = TextCheck.bomLength(all)
            if all[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                problem(0, nil, "empty file: expected a header line and rows of incidents")
                return nil
            }
            separator = CSVParser.detectSeparator(all, from: start)
            var parser = CSVParser(input: all, start: start, separator: separator, maxFieldBytes: limits.maxFieldBytes,
                                   maxLineBytes: limits.maxLineBytes, maxStoredFields: CSVIncidentReader.maxColumns)
            var record = CSVRecord()
            // The header is the first line that is not empty.
            repeat {
                guard parser.next(into: &record) else { return nil }
            } while record.isBlank
            guard header(record) else { return nil }
            parser.maxStoredFields = names.count + 1
            return parser
        }

        /// A parser over `all` for the rows of `chunk`.
        func parser(_ all: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, storing: Int) -> CSVParser {
            CSVParser(input: all, start: start, line: line, separator: separator, maxFieldBytes: limits.maxFieldBytes,
                      maxLineBytes: limits.maxLineBytes, maxStoredFields: storing)
        }

        /// Reads the header; false when rows cannot be read against it.
        mutating func header(_ r: CSVRecord) -> Bool {
            let line = r.line
            if !r.issues.isEmpty {
                report(r, columnName: { "column \($0 + 1) of the header" })
                return false
            }
            if r.fieldCount > r.ends.count {
                problem(line, nil, "more than \(CSVIncidentReader.maxColumns) columns in the header")
                return false
            }
            r.bytes.withUnsafeBufferPointer { b in
                for i in 0..<r.fieldCount {
                    let name = String(decoding: CSVIncidentReader.trimmed(b, r.range(i)), as: UTF8.self)
                    names.append(name.isEmpty ? "column \(i + 1)" : name)
                }
            }
            let keys = names.map { $0.lowercased() }
            var seen: [String: Int] = [:]
            for (i, k) in keys.enumerated() {
                if let j = seen[k] {
                    problem(line, names[i], "appears twice in the header (columns \(j + 1) and \(i + 1))")
                } else {
                    seen[k] = i
                }
            }
            columns = FieldColumns(IncidentField.locate(keys, skipping: [.claims]))
            if columns[.date] == nil {
                problem(line, "date", "missing column: every incident needs a date (a column named event_date or date)")
            }
            switch (columns[.latitude], columns[.longitude]) {
            case (nil, _?): problem(line, "latitude", "missing column: latitude and longitude go together")
            case (_?, nil): problem(line, "longitude", "missing column: latitude and longitude go together")
            case (nil, nil) where columns[.place] == nil:
                problem(line, "location", "missing column: the file needs latitude and longitude columns or a place column (location, place, location_name or name)")
            default: break
            }
            isACLED = keys.contains("event_id_cnty")
            isUCDP = IncidentField.isUCDP(keys)
            kindIsViolenceType = isUCDP && columns[.kind].map { keys[$0] == "type_of_violence" } == true
            var taken = Set<Int>()
            modelNames = Array(repeating: [], count: names.count)
            for (field, c) in columns.all {
                if !field.alsoExtra { taken.insert(c) }
                if keys[c] != field.modelName { modelNames[c].append(field.modelName) }
            }
            // Both precision columns are read (the named one first), so neither goes to extra.
            if let c = columns[.geoPrecision] { taken.insert(c) }
            extraColumns = names.indices.filter { !taken.contains($0) }
            pools = Array(repeating: StringPool(), count: names.count)
            return true
        }

        /// Reports the syntax problems of a record.
        mutating func report(_ r: CSVRecord, columnName: (Int) -> String?) {
            for issue in r.issues {
                switch issue {
                case .unterminatedQuote(let line, let field):
                    problem(line, columnName(field), "unterminated quoted field: the double quote that opens it on this line is never closed")
                case .textAfterQuote(_, let field):
                    problem(r.line, columnName(field), "text after the closing double quote (a quote inside a quoted field is written twice: \"\")")
                case .fieldTooLong(_, let field):
                    problem(r.line, columnName(field), "field longer than \(CSVIncidentReader.size(limits.maxFieldBytes)) (an unterminated quote?)")
                case .lineTooLong(let line):
                    problem(line, nil, "line longer than \(CSVIncidentReader.size(limits.maxLineBytes))")
                case .recordTooLong:
                    problem(r.line, nil, "record longer than \(CSVIncidentReader.size(4 * limits.maxLineBytes))")
                }
            }
        }

        /// The incident of one data row, or nil (with its problems reported).
        mutating func row(_ r: CSVRecord, number: Int) -> Incident? {
            if !r.issues.isEmpty {
                let count = names.count
                let names = self.names
                report(r, columnName: { $0 < count ? names[$0] : nil })
                return nil
            }
            guard r.fieldCount == names.count else {
                let n = r.fieldCount, expected = names.count
                if n > expected {
                    let sep = separator == 0x2C ? "a comma" : separator == 0x3B ? "a semicolon" : "a tab"
                    problem(r.line, nil, "\(n) fields, expected \(expected) as in the header (a value with \(sep) in it must be in double quotes)")
                } else {
                    let missing = names[n...].prefix(3).joined(separator: ", ") + (expected - n > 3 ? ", …" : "")
                    problem(r.line, nil, "\(n) field\(n == 1 ? "" : "s"), expected \(expected) as in the header (no \(missing))")
                }
                return nil
            }
            return r.bytes.withUnsafeBufferPointer { incident(r, $0, number: number) }
        }

        /// The outlets of a `source` value and who a fatalities figure is then attributed to.
        /// Exports repeat a few hundred source texts, so each is split once.
        mutating func sources(_ raw: String?) -> (outlets: [SourceRef], author: String) {
            let key = raw ?? ""
            if let known = sourceCache[key] { return known }
            let outlets = raw.map(FieldRules.outlets) ?? []
            let entry = (outlets, FieldRules.fatalitiesAuthor(acled: isACLED, ucdp: isUCDP, sources: outlets))
            if sourceCache.count < 100_000 { sourceCache[key] = entry }
            return entry
        }

        /// The statement of a fatalities figure, made once per figure.
        mutating func fatalitiesStatement(_ n: Int) -> String {
            if n < statements.count { return statements[n] }
            if n < 10_000 {
                for k in statements.count...n { statements.append(FieldRules.fatalitiesStatement(k, acled: isACLED, ucdp: isUCDP)) }
                return statements[n]
            }
            return FieldRules.fatalitiesStatement(n, acled: isACLED, ucdp: isUCDP)
        }

        /// The trimmed value of column `c`, nil when empty.
        mutating func text(_ c: Int?, _ r: CSVRecord, _ b: UnsafeBufferPointer<UInt8>) -> String? {
            guard let c else { return nil }
            let v = CSVIncidentReader.trimmed(b, r.range(c))
            return v.isEmpty ? nil : pools[c].string(v)
        }

        mutating func text(_ f: IncidentField, _ r: CSVRecord, _ b: UnsafeBufferPointer<UInt8>) -> String? {
            text(columns[f], r, b)
        }

        mutating func incident(_ r: CSVRecord, _ b: UnsafeBufferPointer<UInt8>, number: Int) -> Incident? {
            let line = r.line
            let before = problems.count
            func name(_ f: IncidentField) -> String { names[columns[f]!] }

            var id = ""
            if let c = columns[.id] {
                if let v = text(c, r, b) { id = v } else { problem(line, names[c], "missing: every row needs an id") }
            } else {
                id = "\(idPrefix ?? FieldRules.basename(path))-\(number)"
            }

            var date: IncidentDate?
            if let c = columns[.date] {
                if let v = text(c, r, b) {
                    switch FieldRules.date(v, cache: &dates) {
                    case .success(let d): date = d
                    case .failure(let e): problem(line, names[c], e.message)
                    }
                } else {
                    problem(line, names[c], "missing: every incident needs a date")
                }
            }
            // The day it ended (`date_end`, as UCDP GED and others give it): a range.
            if let start = date, let v = text(.dateEnd, r, b) {
                switch FieldRules.ending(start, v, cache: &dates) {
                case .success(let d): date = d
                case .failure(let e): problem(line, name(.dateEnd), e.message)
                }
            }

            var coordinates: LonLat?
            let latC = columns[.latitude], lonC = columns[.longitude]
            let latB = latC.map { CSVIncidentReader.trimmed(b, r.range($0)) } ?? UnsafeBufferPointer(start: nil, count: 0)
            let lonB = lonC.map { CSVIncidentReader.trimmed(b, r.range($0)) } ?? UnsafeBufferPointer(start: nil, count: 0)
            let hasCoordinates = !latB.isEmpty || !lonB.isEmpty
            if let latC, let lonC, hasCoordinates {
                if latB.isEmpty {
                    problem(line, names[latC], "missing (latitude and longitude go together; longitude is \(String(decoding: lonB, as: UTF8.self)))")
                } else if lonB.isEmpty {
                    problem(line, names[lonC], "missing (latitude and longitude go together; latitude is \(String(decoding: latB, as: UTF8.self)))")
                } else {
                    let la = CSVIncidentReader.number(latB), lo = CSVIncidentReader.number(lonB)
                    let lat = FieldRules.coordinate(la, raw: String(decoding: latB, as: UTF8.self), limit: 90)
                    let lon = FieldRules.coordinate(lo, raw: String(decoding: lonB, as: UTF8.self), limit: 180)
                    switch (lat, lon) {
                    case (.success(let la), .success(let lo)): coordinates = LonLat(lon: lo, lat: la)
                    default:
                        if case .failure(let e) = lat { problem(line, names[latC], e.message + FieldRules.swapHint(lat: la, lon: lo)) }
                        if case .failure(let e) = lon { problem(line, names[lonC], e.message) }
                    }
                }
            }

            let place = text(.place, r, b)
            if !hasCoordinates && place == nil {
                if let c = columns[.place] {
                    problem(line, names[c], "missing: a row without latitude and longitude needs a place name")
                } else if let c = latC ?? lonC {
                    problem(line, names[c], "missing: the file has no place column, so every row needs latitude and longitude")
                }
            }

            var precision: LocationPrecision?
            if let v = text(.locationPrecision, r, b) {
                switch FieldRules.locationPrecision(v) {
                case .success(let p): precision = p
                case .failure(let e): problem(line, name(.locationPrecision), e.message)
                }
            } else if let v = text(.geoPrecision, r, b) {
                switch FieldRules.geoPrecision(v) {
                case .success(let p): precision = p
                case .failure(let e): problem(line, name(.geoPrecision), e.message)
                }
            } else if let v = text(.wherePrecision, r, b) {
                switch FieldRules.wherePrecision(v) {
                case .success(let p): precision = p
                case .failure(let e): problem(line, name(.wherePrecision), e.message)
                }
            }

            let (sources, author) = self.sources(text(.source, r, b))
            var claims: [Claim] = []
            if let v = text(.fatalities, r, b) {
                switch FieldRules.count(v) {
                case .success(let n): claims.append(Claim(statement: fatalitiesStatement(n), by: author, killed: n, fromFigures: true))
                case .failure(let e): problem(line, name(.fatalities), e.message)
                }
            }

            // A UCDP GED export's kind is its type_of_violence, a number.
            var kindText = text(.kind, r, b)
            if kindIsViolenceType, let v = kindText, let c = columns[.kind] {
                switch FieldRules.ucdpKind(v) {
                case .success(let k): kindText = k
                case .failure(let e): problem(line, names[c], e.message)
                }
            }

            guard problems.count == before, var d = date else { return nil }

            let brief = number > fullRows
            if !brief {
                d.time = text(.time, r, b)
                d.timeZone = text(.timeZone, r, b)
            }
            let kind = kindText ?? text(.subEventType, r, b) ?? text(.eventType, r, b) ?? Incident.unspecifiedKind
            var inc = Incident(id: id, date: d, place: place ?? "", kind: kind, location: InputLocation(file: path, line: line))
            inc.country = text(.country, r, b)
            inc.admin1 = text(.admin1, r, b)
            inc.admin2 = text(.admin2, r, b)
            inc.coordinates = coordinates
            inc.locationPrecision = precision
            inc.origin = text(.origin, r, b)
            inc.claims = claims
            inc.sources = sources
            if !brief {
                inc.actor = text(.actor, r, b)
                inc.target = text(.target, r, b)
                inc.notes = text(.notes, r, b)
            }
            if !brief {
                addExtra(&inc, r, b)
            }
            // Only fields that start on a later line than their record (after a line end inside
            // quotes) are listed: the others are on `location.line`.
            if r.lines[names.count - 1] != line {
                for c in names.indices where r.lines[c] != line {
                    inc.fieldLines[names[c]] = r.lines[c]
                    for m in modelNames[c] where inc.fieldLines[m] == nil { inc.fieldLines[m] = r.lines[c] }
                }
            }
            return inc
        }

        /// Every column the model does not take, as text, in header order.
        mutating func addExtra(_ inc: inout Incident, _ r: CSVRecord, _ b: UnsafeBufferPointer<UInt8>) {
            inc.extra.reserveCapacity(extraColumns.count)
            for c in extraColumns {
                if let v = text(c, r, b) { inc.extra.append((names[c], .string(v))) }
            }
        }
    }

    /// The bytes of `range` in `b` without leading and trailing spaces, tabs and line ends.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        var lo = range.lowerBound, hi = range.upperBound
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        while lo < hi && isSpace(b[lo]) { lo += 1 }
        while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// A decimal number (no hexadecimal), exactly rounded.
    ///
    /// Digits with at most 19 significant figures and 22 decimals below 2^53 are
    /// divided by an exact power of ten, which is correctly rounded (Clinger's fast
    /// path); anything else (exponents, "NaN", "inf", long digit strings) goes to `Double(_:)`.
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !b.isEmpty else { return nil }
        var i = 0
        var negative = false
        if b[0] == 0x2D || b[0] == 0x2B {
            negative = b[0] == 0x2D
            i = 1
        }
        var mantissa: UInt64 = 0, digits = 0, decimals = 0, sawDot = false
        var fast = i < b.count
        while i < b.count && fast {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                if digits == 19 { fast = false; break }
                mantissa = mantissa * 10 + UInt64(c - 0x30)
                if mantissa > 0 { digits += 1 }
                if sawDot { decimals += 1 }
            } else if c == 0x2E && !sawDot {
                sawDot = true
            } else {
                fast = false
            }
            i += 1
        }
        if fast && (digits > 0 || b.contains(where: { $0 == 0x30 })) && mantissa < (1 << 53) && decimals <= 22 {
            let v = Double(mantissa) / powersOfTen[decimals]
            return negative ? -v : v
        }
        if b.contains(where: { $0 == 0x78 || $0 == 0x58 }) { return nil }
        return Double(String(decoding: b, as: UTF8.self))
    }

    /// "1 MB", "4 MB", or a number of bytes.
    static func size(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }
}
