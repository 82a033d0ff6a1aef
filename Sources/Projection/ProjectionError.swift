/// A failure reported by PROJ, carrying PROJ's own words.
public struct ProjectionError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was being attempted, e.g. `create transformation EPSG:4326 → EPSG:999999`.
    public var operation: String
    /// PROJ's message: the text of its log callback, else its errno string.
    public var message: String
    /// PROJ's error number (0 when PROJ did not set one).
    public var code: Int32

    /// Creates an error value.
    public init(operation: String, message: String, code: Int32) {
        self.operation = operation
        self.message = message
        self.code = code
    }

    public var description: String { "PROJ could not \(operation): \(message)" }
}
