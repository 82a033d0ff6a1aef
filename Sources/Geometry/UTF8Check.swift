/// UTF-8 validation over bytes (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
public enum UTF8Check {
    /// The offset of the first byte that breaks UTF-8, or nil when all is valid.
    public static func firstInvalidByte(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var v: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; v = UInt32(c & 0x1F); min = 0x80
            case 0xE0...0xEF: need = 2; v = UInt32(c & 0x0F); min = 0x800
            case 0xF0...0xF4: need = 3; v = UInt32(c & 0x07); min = 0x10000
            default: return i
            }
            guard i + need < n else { return i }
            for k in 1...need {
                let d = b[i + k]
                guard d & 0xC0 == 0x80 else { return i }
                v = (v << 6) | UInt32(d & 0x3F)
            }
            if v < min || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            i += need + 1
        }
        return nil
    }

    /// Convenience over an array.
    public static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidByte($0) }
    }
}
