/// Days of the proleptic Gregorian calendar as numbers (days since 1970-01-01), so that a timeline
/// can place them linearly; the inverse gives back the calendar date of a tick.
/// (The algorithms are Howard Hinnant's `days_from_civil` and `civil_from_days`.)
public enum CivilDay {
    /// The number of `year`-`month`-`day` (month 1–12).
    public static func number(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of day `n`.
    public static func date(_ n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1)
    }

    /// The weekday of day `n`: 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday).
    public static func weekday(_ n: Int) -> Int { ((n + 3) % 7 + 7) % 7 }

    /// Whether day `n` is a Monday.
    static func isMonday(_ n: Int) -> Bool { weekday(n) == 0 }

    /// ISO 8601 `YYYY-MM-DD` of day `n`.
    static func iso(_ n: Int) -> String {
        let d = date(n)
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
    }
}
