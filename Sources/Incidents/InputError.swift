/// One problem found in an input file: `FILE:LINE: field: message`.
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as given on the command line.
    public var file: String
    /// 1-based line, 0 when no line applies.
    public var line: Int
    /// The field (column, YAML key or JSON path), or nil for the whole file.
    public var field: String?
    /// What is wrong and, where possible, what was expected.
    public var message: String
    /// Warnings do not stop a run.
    public var isWarning: Bool

    /// Creates a problem.
    public init(file: String, line: Int, field: String?, message: String, isWarning: Bool = false) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.isWarning = isWarning
    }

    /// The problem as one line of text. Control characters (an input's value may hold terminal
    /// escape sequences) and bidirectional controls are written as `\u{…}`, so a message cannot
    /// drive or reorder the terminal it is printed on.
    public var description: String {
        var s = line > 0 ? "\(file):\(line): " : "\(file): "
        if isWarning { s += "warning: " }
        if let field { s += "\(field): " }
        return InputProblem.visible(s + message)
    }

    /// `text` with C0 and C1 controls (but tab), DEL and bidirectional controls escaped.
    static func visible(_ text: String) -> String {
        func hidden(_ u: Unicode.Scalar) -> Bool {
            let v = u.value
            return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if !hidden(u) { out.append(u); continue }
            switch u {
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(out)
    }
}

/// Every problem found in one or more input files; thrown when any is an error.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file and line order.
    public var problems: [InputProblem]

    /// Creates the error.
    public init(_ problems: [InputProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
