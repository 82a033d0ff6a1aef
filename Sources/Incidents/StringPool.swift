import Foundation

/// One shared String per distinct value of a column.
///
/// Exports repeat the same actors, event types and outlets on every row; pooling
/// them makes a million rows hold one copy of "Military Forces of Pakistan (2018-)"
/// instead of a million. Values of up to 15 UTF-8 bytes are stored inside the String
/// itself and are never pooled. A column whose values are mostly distinct (notes,
/// ids) turns pooling off after a few thousand rows.
struct StringPool {
    /// Index + 1 into `entries` per hash slot, 0 when free (linear probing).
    private var slots: [Int32] = []
    private var entries: [(hash: Int, string: String)] = []
    private var lookups = 0
    private var hits = 0
    private var enabled = true
    static let maxEntries = 1 << 16

    /// The String for UTF-8 bytes `b` (already validated), shared with earlier equal values.
    mutating func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        guard enabled, b.count > 15 else { return String(decoding: b, as: UTF8.self) }
        lookups += 1
        let hash = StringPool.hash(b)
        if slots.isEmpty { slots = Array(repeating: 0, count: 1024) }
        var i = hash & (slots.count - 1)
        while slots[i] != 0 {
            let e = entries[Int(slots[i]) - 1]
            if e.hash == hash && StringPool.equal(e.string, b) {
                hits += 1
                return e.string
            }
            i = (i + 1) & (slots.count - 1)
        }
        let s = String(decoding: b, as: UTF8.self)
        if lookups >= 4096 && hits * 4 < lookups {
            enabled = false
            slots = []
            entries = []
        } else if entries.count < StringPool.maxEntries {
            entries.append((hash, s))
            slots[i] = Int32(entries.count)
            if entries.count * 2 > slots.count { grow() }
        }
        return s
    }

    /// A hash of the bytes, eight at a time (multiply and fold, as in splitmix64).
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h = UInt64(b.count) &* 0x9E37_79B9_7F4A_7C15
        let raw = UnsafeRawPointer(b.baseAddress!)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        while i < b.count {
            h = (h ^ UInt64(b[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        h = (h ^ (h >> 29)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        for (k, e) in entries.enumerated() {
            var i = e.hash & (bigger.count - 1)
            while bigger[i] != 0 { i = (i + 1) & (bigger.count - 1) }
            bigger[i] = Int32(k + 1)
        }
        slots = bigger
    }

    static func equal(_ s: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = s
        return s.withUTF8 { u in
            u.count == b.count && (b.count == 0 || memcmp(u.baseAddress!, b.baseAddress!, b.count) == 0)
        }
    }
}
