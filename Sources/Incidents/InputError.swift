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

    public var description: String {
        var s = line > 0 ? "\(file):\(line): " : "\(file): "
        if isWarning { s += "warning: " }
        if let field { s += "\(field): " }
        return s + message
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
