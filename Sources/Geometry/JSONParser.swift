/// A JSON text that could not be parsed: where and why.
public struct JSONParseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column (in bytes) of the problem.
    public var column: Int
    /// What is wrong.
    public var message: String
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes that keeps object member
/// order, limits nesting depth, and reports the line and column of an error.
/// Faster than JSONSerialization for the coordinate-heavy GeoJSON this
/// project reads, and it never builds Foundation objects.
public struct JSONParser {
    /// Deepest nesting of arrays and objects accepted.
    public var maxDepth: Int

    /// Creates a parser.
    public init(maxDepth: Int = 64) { self.maxDepth = maxDepth }

    /// Parses one JSON value that fills `bytes` (whitespace around it allowed; a UTF-8 BOM is skipped).
    public func parse<C: Collection>(_ bytes: C) throws -> JSONValue where C.Element == UInt8 {
        try Array(bytes).withUnsafeBufferPointer { buf in
            var state = State(buf: buf, maxDepth: maxDepth)
            return try state.document()
        }
    }

    struct State {
        let buf: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var i = 0
        /// Member names leading from the root to the array whose element offsets are recorded.
        var target: [String] = []
        /// How many names of `target` lead to the value about to be parsed, or -1 when it is off that path.
        var chain = -1
        /// Byte offsets of the elements of the first array reached through `target`.
        var elementOffsets: [Int] = []
        var recorded = false

        init(buf: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.buf = buf
            self.maxDepth = maxDepth
        }

        /// The whole text as one value: a BOM skipped, UTF-8 checked, nothing after the value.
        mutating func document() throws -> JSONValue {
            if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { i = 3 }
            if let bad = UTF8Check.firstInvalidByte(buf) {
                i = bad
                throw error("not UTF-8 text (invalid byte 0x\(String(buf[bad], radix: 16)))")
            }
            skipSpace()
            let v = try value(depth: 0)
            skipSpace()
            if i < buf.count { throw error("unexpected text after the JSON value") }
            return v
        }

        func error(_ message: String) -> JSONParseError {
            var line = 1, col = 1
            for k in 0..<min(i, buf.count) {
                if buf[k] == 0x0A { line += 1; col = 1 } else { col += 1 }
            }
            return JSONParseError(line: line, column: col, message: message)
        }

        mutating func skipSpace() {
            while i < buf.count, buf[i] == 0x20 || buf[i] == 0x0A || buf[i] == 0x0D || buf[i] == 0x09 { i += 1 }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard i < buf.count else { throw error("unexpected end of input") }
            switch buf[i] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("unexpected character '\(Unicode.Scalar(buf[i]))'")
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard i + w.count <= buf.count else { throw error("unexpected end of input") }
            for k in 0..<w.count where buf[i + k] != w[k] { throw error("invalid literal") }
            i += w.count
        }

        mutating func object(depth: Int) throws -> JSONValue {
            if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
            let entered = chain
            i += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if i < buf.count, buf[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipSpace()
                guard i < buf.count, buf[i] == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
                let key = try string()
                skipSpace()
                guard i < buf.count, buf[i] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
                i += 1
                skipSpace()
                if entered >= 0 { chain = entered < target.count && target[entered] == key ? entered + 1 : -1 }
                members.append((key, try value(depth: depth)))
                skipSpace()
                guard i < buf.count else { throw error("unterminated object") }
                if buf[i] == UInt8(ascii: ",") { i += 1; continue }
                if buf[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw error("expected ',' or '}' in an object")
            }
        }

        mutating func array(depth: Int) throws -> JSONValue {
            if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
            let entered = chain
            let recording = entered == target.count && !recorded
            if recording { recorded = true }
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < buf.count, buf[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipSpace()
                if entered >= 0 {
                    chain = -1
                    if recording { elementOffsets.append(i) }
                }
                items.append(try value(depth: depth))
                skipSpace()
                guard i < buf.count else { throw error("unterminated array") }
                if buf[i] == UInt8(ascii: ",") { i += 1; continue }
                if buf[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error("expected ',' or ']' in an array")
            }
        }

        mutating func string() throws -> String {
            i += 1
            let start = i
            // Fast path: no escapes.
            while i < buf.count {
                let c = buf[i]
                if c == UInt8(ascii: "\"") {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                if c == UInt8(ascii: "\\") { break }
                if c < 0x20 { throw error("control character in a string") }
                i += 1
            }
            var bytes = Array(buf[start..<i])
            while i < buf.count {
                let c = buf[i]
                if c == UInt8(ascii: "\"") { i += 1; return String(decoding: bytes, as: UTF8.self) }
                if c < 0x20 { throw error("control character in a string") }
                if c != UInt8(ascii: "\\") { bytes.append(c); i += 1; continue }
                i += 1
                guard i < buf.count else { break }
                switch buf[i] {
                case UInt8(ascii: "\""): bytes.append(0x22)
                case UInt8(ascii: "\\"): bytes.append(0x5C)
                case UInt8(ascii: "/"): bytes.append(0x2F)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), i + 2 < buf.count, buf[i + 1] == UInt8(ascii: "\\"), buf[i + 2] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape (lone surrogate)") }
                    bytes.append(contentsOf: Array(String(scalar).utf8))
                default: throw error("invalid escape")
                }
                i += 1
            }
            throw error("unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 < buf.count else { throw error("unterminated \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                i += 1
                let c = buf[i]
                v <<= 4
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v |= UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v |= UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v |= UInt32(c - UInt8(ascii: "A") + 10)
                default: throw error("invalid \\u escape")
                }
            }
            return v
        }

        mutating func number() throws -> Double {
            let start = i
            if buf[i] == UInt8(ascii: "-") { i += 1 }
            var mantissa: UInt64 = 0, digits = 0, fractionDigits = 0
            guard i < buf.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buf[i]) else { throw error("invalid number") }
            if buf[i] == UInt8(ascii: "0"), i + 1 < buf.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buf[i + 1]) {
                throw error("invalid number (leading zero)")
            }
            while i < buf.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buf[i]) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(buf[i] - UInt8(ascii: "0")) }
                digits += 1
                i += 1
            }
            if i < buf.count, buf[i] == UInt8(ascii: ".") {
                i += 1
                guard i < buf.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buf[i]) else { throw error("invalid number") }
                while i < buf.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buf[i]) {
                    if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(buf[i] - UInt8(ascii: "0")); fractionDigits += 1 }
                    digits += 1
                    i += 1
                }
            }
            var hasExponent = false
            if i < buf.count, buf[i] == UInt8(ascii: "e") || buf[i] == UInt8(ascii: "E") {
                hasExponent = true
                i += 1
                if i < buf.count, buf[i] == UInt8(ascii: "+") || buf[i] == UInt8(ascii: "-") { i += 1 }
                guard i < buf.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buf[i]) else { throw error("invalid number") }
                while i < buf.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buf[i]) { i += 1 }
            }
            // Exact fast path (Clinger): an integer mantissa below 2^53 divided by an exact power of ten.
            if !hasExponent, digits <= 15, fractionDigits <= 22 {
                let v = Double(mantissa) / JSONParser.powersOfTen[fractionDigits]
                return buf[start] == UInt8(ascii: "-") ? -v : v
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)
            guard let v = Double(text), v.isFinite else { throw error("number out of range: \(text)") }
            return v
        }
    }

    static let powersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { x, _ in x * 10 } }
}

extension JSONParser {
    /// Parses like `parse(_:)` and also tells the 1-based line (counted as in `JSONParseError`)
    /// where each element of one array starts: the array reached from the root through the
    /// object members named `path` (the first of each name, as `JSONValue[key]` finds them;
    /// `[]` is the root itself). `elementLines` is empty when there is no such array.
    public func parse<C: Collection>(_ bytes: C, elementLinesOf path: [String]) throws -> (value: JSONValue, elementLines: [Int])
    where C.Element == UInt8 {
        try Array(bytes).withUnsafeBufferPointer { buf in
            var state = State(buf: buf, maxDepth: maxDepth)
            state.target = path
            state.chain = 0
            let v = try state.document()
            // The offsets ascend: one pass counts the line feeds before each.
            var lines: [Int] = []
            lines.reserveCapacity(state.elementOffsets.count)
            var line = 1, k = 0
            for offset in state.elementOffsets {
                while k < offset {
                    if buf[k] == 0x0A { line += 1 }
                    k += 1
                }
                lines.append(line)
            }
            return (v, lines)
        }
    }
}

extension JSONParseError {
    /// True when the text nests arrays and objects deeper than the parser's `maxDepth`.
    public var isNestingTooDeep: Bool { message.hasPrefix("nesting deeper than ") }
}
