import Foundation
import Geometry
import Incidents

/// Which incidents a run keeps: `--from`, `--to`, `--bbox`, `--country`.
public struct IncidentFilter: Sendable, Equatable {
    /// Keep incidents that end on or after this day.
    public var from: CalendarDate?
    /// Keep incidents that start on or before this day.
    public var to: CalendarDate?
    /// Keep incidents whose point is inside (west, south, east, north).
    public var bbox: BoundingBox?
    /// Keep incidents whose point falls in one of these countries (alpha-2).
    public var countries: Set<String> = []

    /// Creates a filter that keeps everything.
    public init() {}

    /// True when nothing is filtered out.
    public var isEmpty: Bool { from == nil && to == nil && bbox == nil && countries.isEmpty }

    /// Whether `r` passes.
    public func keeps(_ r: ResolvedIncident) -> Bool {
        if let from, r.incident.date.end < from { return false }
        if let to, r.incident.date.start > to { return false }
        if let b = bbox, !b.contains(XY(x: r.point.lon, y: r.point.lat)) { return false }
        if !countries.isEmpty, !countries.contains(r.country ?? "") { return false }
        return true
    }

    /// Whether an event without a place falls within `--from`/`--to` (the other filters are about places).
    public func keeps(_ e: TimelineEvent) -> Bool {
        if let from, e.date.end < from { return false }
        if let to, e.date.start > to { return false }
        return true
    }

    /// Parses a day given to `--from`/`--to`.
    public static func day(_ text: String, option: String) throws -> CalendarDate {
        switch DateParsing.parse(text) {
        case .success(let d) where d.precision == .day: return d.start
        case .success(let d): return option == "--to" ? d.end : d.start
        case .failure(let e): throw FilterError(message: "\(option): \(e.message)")
        }
    }

    /// Parses `--bbox W,S,E,N` (degrees).
    public static func bbox(_ text: String) throws -> BoundingBox {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3],
              [w, s, e, n].allSatisfy(\.isFinite) else {
            throw FilterError(message: "--bbox: expected W,S,E,N in degrees, e.g. 60,24,67,31; got \"\(text)\"")
        }
        guard abs(w) <= 180, abs(e) <= 180, abs(s) <= 90, abs(n) <= 90, w < e, s < n else {
            throw FilterError(message: "--bbox: \(text) is not a box (need -180 ≤ W < E ≤ 180 and -90 ≤ S < N ≤ 90)")
        }
        return BoundingBox(minX: w, minY: s, maxX: e, maxY: n)
    }
}

/// A filter option that could not be read.
public struct FilterError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var message: String
    /// The request cannot be met with the data at all (an option asks for what the data lacks):
    /// a usage error (exit 64), not a data error.
    public var isUsage = false
    /// Creates the error.
    public init(message: String, isUsage: Bool = false) {
        self.message = message
        self.isUsage = isUsage
    }
    public var description: String { message }
}
