/// Parses the date forms incident files use.
///
/// Accepted: ISO `2024-01-16`, `2024-01` (month), `2024` (year), ranges
/// `2024-01-16/2024-01-18` and `2024-01-16..2024-01-18`, ACLED's
/// `16 January 2024` and `16-January-2024`, `January 16, 2024`, and
/// `16/01/2024` and `16.01.2024` (day first, as ACLED's European exports and German, Russian and
/// Ukrainian sources write it).
public enum DateParsing {
    /// The date, or a message saying what is wrong.
    public static func parse(_ raw: String) -> Result<IncidentDate, DateError> {
        if let d = common(raw) { return .success(IncidentDate(start: d)) }
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .failure(DateError("empty date")) }
        for sep in ["/", ".."] where text.contains(sep) && text.count > 10 {
            let parts = text.components(separatedBy: sep)
            if parts.count == 2, let a = day(parts[0]), let b = day(parts[1]) {
                guard case .success(let s) = a, case .success(let e) = b else {
                    if case .failure(let err) = a { return .failure(err) }
                    if case .failure(let err) = b { return .failure(err) }
                    break
                }
                if e < s { return .failure(DateError("range ends (\(e)) before it starts (\(s))")) }
                return .success(IncidentDate(start: s, end: e, precision: s == e ? .day : .range))
            }
        }
        if let d = day(text) { return d.map { IncidentDate(start: $0) } }
        // Month or year precision.
        let digits = text.split(separator: "-")
        if digits.count == 2, digits[0].count == 4, let y = Int(digits[0]), let m = Int(digits[1]) {
            guard let start = CalendarDate(year: y, month: m, day: 1) else { return .failure(DateError("no month \(m) in \"\(text)\"")) }
            return .success(IncidentDate(start: start, end: CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y)), precision: .month))
        }
        if text.count == 4, let y = Int(text), let s = CalendarDate(year: y, month: 1, day: 1) {
            return .success(IncidentDate(start: s, end: CalendarDate(year: y, month: 12, day: 31), precision: .year))
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" })
        if words.count == 2, let m = month(words[0]), let y = Int(words[1]), let s = CalendarDate(year: y, month: m, day: 1) {
            return .success(IncidentDate(start: s, end: CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y)), precision: .month))
        }
        return .failure(DateError("cannot read \"\(text)\" as a date (expected e.g. 2024-01-16, 16 January 2024, 16/01/2024, 16.01.2024, 2024-01 or 2024-01-16/2024-01-18)"))
    }

    /// The two forms exports write on every row, read from the bytes: `2024-01-16` and ACLED's
    /// `16 January 2024` (a month name of three letters or more, any case). Nil for anything
    /// else, including a day the calendar lacks: the general path says what is wrong.
    static func common(_ raw: String) -> CalendarDate? {
        var raw = raw
        return raw.withUTF8 { b -> CalendarDate? in
            func digits(_ from: Int, _ to: Int) -> Int? {
                guard from < to, to <= b.count else { return nil }
                var v = 0
                for i in from..<to {
                    let c = b[i]
                    guard c >= 0x30 && c <= 0x39 else { return nil }
                    v = v * 10 + Int(c - 0x30)
                }
                return v
            }
            if b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let y = digits(0, 4), let m = digits(5, 7), let d = digits(8, 10) {
                return CalendarDate(year: y, month: m, day: d)
            }
            // D[D] Month YYYY
            guard b.count >= 10, b.count <= 17 else { return nil }
            let dayEnd = b[1] == 0x20 ? 1 : 2
            guard b[dayEnd] == 0x20, let d = digits(0, dayEnd) else { return nil }
            let nameStart = dayEnd + 1, nameEnd = b.count - 5
            guard b[nameEnd] == 0x20, nameEnd - nameStart >= 3, let y = digits(nameEnd + 1, b.count) else { return nil }
            var name: [UInt8] = []
            for i in nameStart..<nameEnd {
                let c = b[i] | 0x20
                guard c >= 0x61 && c <= 0x7A else { return nil }
                name.append(c)
            }
            guard let m = monthNameBytes.firstIndex(where: { $0.starts(with: name) }) else { return nil }
            return CalendarDate(year: y, month: m + 1, day: d)
        }
    }

    static let monthNameBytes: [[UInt8]] = CalendarDate.monthNames.map { Array($0.lowercased().utf8) }

    /// A single day, nil when `text` is not in a day form at all, a failure when it is but does not exist.
    static func day(_ text: String) -> Result<CalendarDate, DateError>? {
        let t = text.trimmingCharacters(in: .whitespaces)
        var y: Int?, m: Int?, d: Int?
        let iso = t.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            y = Int(iso[0]); m = Int(iso[1]); d = Int(iso[2].prefix(2))
        } else if iso.count == 3, let first = iso.first, first.count == 4, Int(first) != nil,
                  iso[2].count > 2, iso[2].dropFirst(2).first == "T" || iso[2].dropFirst(2).first == " " {
            // ISO date-time, or a database's "2023-04-15 00:00:00.000" (UCDP GED): keep the day.
            y = Int(iso[0]); m = Int(iso[1]); d = Int(iso[2].prefix(2))
        } else {
            // Day first: 16/01/2024 and, as German, Russian and Ukrainian write it, 16.01.2024.
            let slash = t.split(separator: "/"), dots = t.split(separator: ".", omittingEmptySubsequences: false)
            let parts = slash.count == 3 ? slash : dots
            if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }), parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
                d = Int(parts[0]); m = Int(parts[1]); y = Int(parts[2])
                if let m, m > 12, let d, d <= 12 {
                    return .failure(DateError("\"\(t)\" has no month \(m): dates written with / or . are read day first (16/01/2024); a file that writes the month first (01/16/2024) needs its dates as 2024-01-16"))
                }
            } else {
                let words = t.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "-" })
                if words.count == 3 {
                    if let dd = Int(words[0]), let mm = month(words[1]), let yy = Int(words[2]) { d = dd; m = mm; y = yy }
                    else if let mm = month(words[0]), let dd = Int(words[1]), let yy = Int(words[2]) { d = dd; m = mm; y = yy }
                }
            }
        }
        guard let y, let m, let d else { return nil }
        guard let date = CalendarDate(year: y, month: m, day: d) else {
            return .failure(DateError("\"\(t)\" is not a day of the calendar"))
        }
        return .success(date)
    }

    static func month<S: StringProtocol>(_ word: S) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        return CalendarDate.monthNames.firstIndex { $0.lowercased().hasPrefix(w) }.map { $0 + 1 }
    }
}

/// Why a date could not be read.
public struct DateError: Error, Sendable, Equatable {
    /// The message.
    public var message: String
    init(_ message: String) { self.message = message }
}
