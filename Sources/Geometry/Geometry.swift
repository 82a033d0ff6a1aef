/// A closed ring of positions; the first position is repeated at the end.
public typealias Ring = [LonLat]

/// A polygon: one exterior ring and zero or more holes.
public struct Polygon: Equatable, Sendable {
    /// The outer boundary.
    public var exterior: Ring
    /// Holes inside the exterior.
    public var holes: [Ring]

    /// Creates a polygon.
    public init(exterior: Ring, holes: [Ring] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// All rings, exterior first.
    public var rings: [Ring] { [exterior] + holes }
}

/// The geometry types this project reads and writes (RFC 7946 subset).
public enum Geometry: Equatable, Sendable {
    case point(LonLat)
    case lineString([LonLat])
    case multiLineString([[LonLat]])
    case polygon(Polygon)
    case multiPolygon([Polygon])

    /// The polygons of a polygonal geometry (empty for others).
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): return [p]
        case .multiPolygon(let ps): return ps
        default: return []
        }
    }

    /// The lines of a linear geometry (empty for others).
    public var lines: [[LonLat]] {
        switch self {
        case .lineString(let l): return [l]
        case .multiLineString(let ls): return ls
        default: return []
        }
    }

    /// Every position of the geometry.
    public var positions: [LonLat] {
        switch self {
        case .point(let p): return [p]
        case .lineString(let l): return l
        case .multiLineString(let ls): return ls.flatMap { $0 }
        case .polygon(let p): return p.rings.flatMap { $0 }
        case .multiPolygon(let ps): return ps.flatMap { $0.rings.flatMap { $0 } }
        }
    }

    /// The longitude/latitude bounding box, or nil for an empty geometry.
    public var bounds: BoundingBox? {
        BoundingBox(points: positions.lazy.map { XY(x: $0.lon, y: $0.lat) })
    }
}
