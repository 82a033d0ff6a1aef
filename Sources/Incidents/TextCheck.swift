/// Checks that an input file is UTF-8 text before a reader parses it.
///
/// One pass over the bytes, eight at a time while they are ASCII. The line of
/// the first offending byte is counted only when there is one.
enum TextCheck {
    /// Why the bytes are not text, and the line of the first offending byte (0 for the whole file).
    struct Failure: Equatable {
        var line: Int
        var message: String
    }

    /// 3 when the bytes start with a UTF-8 byte order mark, else 0.
    static func bomLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    /// Signatures of files people mistake for text exports, with what to tell them.
    static let signatures: [([UInt8], String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "binary file (a ZIP archive, e.g. an .xlsx workbook: export it as CSV)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "binary file (an old Office document, e.g. .xls: export it as CSV)"),
        ([0x1F, 0x8B], "binary file (gzip-compressed: decompress it first)"),
        (Array("%PDF".utf8), "binary file (PDF)"),
        ([0x89, 0x50, 0x4E, 0x47], "binary file (PNG image)"),
        (Array("SQLite format 3".utf8), "binary file (SQLite database)"),
        ([0xFF, 0xFE], "not UTF-8 text (UTF-16 byte order mark: save the file as UTF-8)"),
        ([0xFE, 0xFF], "not UTF-8 text (UTF-16 byte order mark: save the file as UTF-8)"),
    ]

    /// nil when `b` is UTF-8 text without NUL bytes, else what is wrong and where.
    /// `progress` is told the offset checked so far every 16 MB.
    static func check(_ b: UnsafeBufferPointer<UInt8>, progress: (Int) -> Void = { _ in }) -> Failure? {
        for (magic, message) in signatures where b.count >= magic.count && b.starts(with: magic) {
            return Failure(line: 0, message: message)
        }
        guard let base = b.baseAddress else { return nil }
        let n = b.count
        var i = 0
        var report = 1 << 24
        while i < n {
            if i >= report {
                progress(i)
                report += 1 << 24
            }
            // ASCII fast path: eight bytes with no high bit and no zero byte.
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let highBits: UInt64 = 0x8080_8080_8080_8080
                let hasZero = (w &- 0x0101_0101_0101_0101) & ~w & highBits
                if w & highBits == 0 && hasZero == 0 { i += 8; continue }
            }
            let c = base[i]
            if c == 0 {
                return Failure(line: line(at: i, in: b), message: "binary file (NUL byte on this line; expected UTF-8 text)")
            }
            if c < 0x80 { i += 1; continue }
            let length = sequenceLength(base, i, n)
            if length == 0 {
                let hex = String(c, radix: 16, uppercase: true)
                return Failure(line: line(at: i, in: b),
                               message: "not UTF-8 text (byte 0x\(hex) on this line is not valid UTF-8; save the file as UTF-8)")
            }
            i += length
        }
        return nil
    }

    /// Length of the valid UTF-8 sequence starting at `i` (lead byte ≥ 0x80), or 0 when it is not valid.
    /// Rejects overlong forms, surrogates and values above U+10FFFF (Unicode table 3-7).
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let c = p[i]
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && p[i + k] >= lo && p[i + k] <= hi
        }
        switch c {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// The 1-based line of the first physical line longer than `limit` bytes (its line end not counted), or nil.
    static func firstLine(longerThan limit: Int, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        var line = 1, start = 0, i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                if i - start > limit { return line }
                if c == 0x0D && i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                line += 1
                start = i + 1
            }
            i += 1
        }
        return n - start > limit ? line : nil
    }

    /// The 1-based line of byte `offset`, counting LF, CRLF and a lone CR as one line end each.
    static func line(at offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var i = 0
        let end = min(offset, b.count)
        while i < end {
            let c = b[i]
            if c == 0x0A || (c == 0x0D && (i + 1 >= b.count || b[i + 1] != 0x0A)) { line += 1 }
            i += 1
        }
        return line
    }
}
