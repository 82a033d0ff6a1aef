/// Fixed-digit decimal formatting that does not depend on locale and gives the
/// same bytes for the same value on every platform.
public enum NumberFormat {
    static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

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
        var n = UInt64(scaled)
        if n == 0 { out.append(UInt8(ascii: "0")); return }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var frac = [UInt8](repeating: UInt8(ascii: "0"), count: d)
        var i = d - 1
        while i >= 0 {
            frac[i] = UInt8(ascii: "0") + UInt8(n % 10)
            n /= 10
            i -= 1
        }
        appendInteger(n, to: &out)
        var end = d
        while end > 0 && frac[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end > 0 {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: frac[0..<end])
        }
    }

    static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        if value == 0 { out.append(UInt8(ascii: "0")); return }
        var digits: [UInt8] = []
        var v = value
        while v > 0 { digits.append(UInt8(ascii: "0") + UInt8(v % 10)); v /= 10 }
        out.append(contentsOf: digits.reversed())
    }
}
