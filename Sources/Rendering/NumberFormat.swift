/// Fixed-digit decimal formatting that does not depend on locale and gives the
/// same bytes for the same value on every platform.
public enum NumberFormat {
    static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

    /// Names as English lists them: "Iran", "Iran and Pakistan", "Afghanistan, Iran and Pakistan".
    public static func list(_ names: [String]) -> String {
        names.count <= 2 ? names.joined(separator: " and ") : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// An integer with thousands separated by commas, as English text writes it: 1,234,567.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// A distance as a reader takes it in: whole and grouped from 10 up ("35", "1,200"), else
    /// to one decimal ("4.5").
    public static func rounded(_ value: Double) -> String {
        value >= 10 ? grouped(Int(value.rounded())) : fixed(value, 1)
    }

    /// `value` rounded half away from zero to `decimals` (0–9) places, trailing zeros removed: 61.5, -0.25, 3.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        var out: [UInt8] = []
        append(value, decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `fixed(value, decimals)` as UTF-8 bytes.
    public static func append(_ value: Double, _ decimals: Int, to out: inout [UInt8]) {
        precondition(value.isFinite, "only finite numbers are written")
        let d = max(0, min(decimals, 9))
        let scaled = (abs(value) * powers[d]).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else {
            // Beyond Int64: fall back to Swift's shortest representation.
            out.append(contentsOf: Array("\(value)".utf8))
            return
        }
        let n = UInt64(scaled)
        if n == 0 { out.append(UInt8(ascii: "0")); return }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let unit = UInt64(powers[d])
        appendInteger(n / unit, to: &out)
        var frac = n % unit
        guard frac > 0 else { return }
        // The decimals without trailing zeros.
        var width = d
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        out.append(UInt8(ascii: "."))
        appendDigits(frac, width: width, to: &out)
    }

    /// Appends a non-negative integer in decimal.
    public static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        var width = 1
        var v = value
        while v >= 10 { v /= 10; width += 1 }
        appendDigits(value, width: width, to: &out)
    }

    /// Appends the last `width` decimal digits of `value`, with leading zeros.
    public static func appendDigits(_ value: UInt64, width: Int, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        var v = value
        out.withUnsafeMutableBufferPointer { b in
            var i = start + width - 1
            while i >= start {
                b[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                i -= 1
            }
        }
    }
}
