import Geometry
import Projection
import Topology

/// Where an incident given as an area, a line or several points stands, and how far it reaches.
///
/// The point is the one PostGIS's `ST_PointOnSurface` gives: inside a polygon, on the lines of
/// several, or the given point nearest the middle of several; a single line's middle, as
/// `ST_LineInterpolatePoint(line, 0.5)` gives it. The database input takes the same rules. How far
/// the geometry reaches from that point (the geodesic distance to its farthest position) sets the
/// incident's location precision when the input declares none, as a radius of uncertainty does.
public struct AreaPlacement: Equatable, Sendable {
    /// The incident's point.
    public var point: LonLat
    /// Geodesic distance from `point` to the farthest position of the geometry (km).
    public var extentKm: Double

    /// A placement at `point` reaching `extentKm`.
    public init(point: LonLat, extentKm: Double) {
        self.point = point
        self.extentKm = extentKm
    }

    /// The placement of `parts`, the members of one GeoJSON geometry; nil when they hold nothing
    /// to stand on (no position, or only rings of no area). A geometry that reaches across the
    /// antimeridian (its longitudes spread over more than 180°) is worked out with its western
    /// longitudes moved by 360° so that its parts meet, as RFC 7946 §3.1.9 splits them.
    public static func of(_ parts: [Geometry], engine: GeometryEngine) throws -> AreaPlacement? {
        let positions = parts.flatMap(\.positions)
        guard let first = positions.first else { return nil }
        var (west, east) = (first.lon, first.lon)
        for p in positions { west = min(west, p.lon); east = max(east, p.lon) }
        let wraps = east - west > 180
        let shifted = wraps ? parts.map { $0.mapPositions { $0.lon < 0 ? LonLat(lon: $0.lon + 360, lat: $0.lat) : $0 } } : parts
        // A single line: its middle, half its length from either end (a point on surface would be
        // one of its vertices, an end when it has two).
        var point: LonLat
        if shifted.count == 1, case .lineString(let l) = shifted[0], l.count >= 2 {
            point = try engine.pointAlong(l, fraction: 0.5)
        } else {
            guard let p = try engine.pointOnSurface(shifted) else { return nil }
            point = p
        }
        if point.lon > 180 { point.lon -= 360 }
        var extent = 0.0
        for p in positions {
            extent = max(extent, Geodesic.wgs84.distance(lon1: point.lon, lat1: point.lat, lon2: p.lon, lat2: p.lat))
        }
        return AreaPlacement(point: point, extentKm: extent / 1000)
    }

    /// The location precision whose radius covers the geometry: exact within 1 km (a building, a
    /// compound), then the smallest radius of `LocationPrecision` at least `extentKm`; province
    /// beyond (its 100 km then understates an area wider than that, which `extentKm` tells).
    public var precision: LocationPrecision {
        if extentKm <= 1 { return .exact }
        return LocationPrecision.allCases.first { $0.radiusKm >= extentKm } ?? .province
    }
}

extension Geometry {
    /// The same geometry with every position replaced by `transform`'s.
    func mapPositions(_ transform: (LonLat) -> LonLat) -> Geometry {
        func ring(_ r: [LonLat]) -> [LonLat] { r.map(transform) }
        func polygon(_ p: Polygon) -> Polygon { Polygon(exterior: ring(p.exterior), holes: p.holes.map(ring)) }
        switch self {
        case .point(let p): return .point(transform(p))
        case .lineString(let l): return .lineString(ring(l))
        case .multiLineString(let ls): return .multiLineString(ls.map(ring))
        case .polygon(let p): return .polygon(polygon(p))
        case .multiPolygon(let ps): return .multiPolygon(ps.map(polygon))
        }
    }
}
