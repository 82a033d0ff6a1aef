import Foundation
import Incidents

/// What `incidentmap check` found: one summary per input, the warnings, and the problems.
public struct CheckResult: Sendable {
    /// One per input, in input order.
    public var summaries: [InputSummary]
    /// Warnings to show.
    public var warnings: [InputProblem]
    /// Problems, as `render` and `report` would report them (nil when there are none).
    public var problems: InputErrors?
    /// Whether any filter was given (the summaries then say how many incidents pass).
    public var filtered: Bool
}

/// Reads and places every incident as `render` does, writing nothing.
public enum CheckJob {
    /// Runs the check; throws only for what stops any run (a CRS PROJ rejects, missing data).
    public static func run(_ request: RenderRequest) throws -> CheckResult {
        let stream = try IncidentStream(request, measuresDetail: false, fullRows: .max)
        try stream.run(sinks: [])
        return CheckResult(summaries: stream.summaries, warnings: stream.shownWarnings, problems: stream.failure,
                           filtered: !stream.filter.isEmpty)
    }

    /// `check`'s line for one input: "a.csv: ok, 3 incidents (…)" or "a.csv: 2 problems".
    public static func line(_ s: InputSummary, filtered: Bool) -> String {
        guard s.problems == 0 else { return "\(s.path): \(s.problems) problem\(s.problems == 1 ? "" : "s")" }
        var line = "\(s.path): ok, \(s.placed) incident\(s.placed == 1 ? "" : "s")"
        line += " (\(s.placed - s.byName) with coordinates, \(s.byName) placed by name"
        if s.acceptedAmbiguous > 0 { line += ", \(s.acceptedAmbiguous) ambiguous accepted" }
        line += ")"
        if filtered { line += ", \(s.kept) pass the filters" }
        if s.warnings > 0 { line += ", \(s.warnings) warning\(s.warnings == 1 ? "" : "s")" }
        return line
    }
}
