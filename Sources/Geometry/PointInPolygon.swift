/// Even–odd ray casting in longitude/latitude. Adequate for the regional
/// polygons of this project (none crosses the antimeridian or a pole).
public enum PointInPolygon {
    /// True when `p` is inside `ring` (points on an edge count as inside
    /// for one of the two polygons sharing it, consistently).
    public static func contains(_ ring: Ring, _ p: LonLat) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            if crosses(ring[i], ring[j], p) { inside.toggle() }
            j = i
        }
        return inside
    }

    /// Whether the ray from `p` towards increasing longitude crosses edge (`a`, `b`) (`a` the
    /// later vertex of the ring): one step of the even–odd rule, for callers that keep their
    /// own subsets of a ring's edges.
    @inline(__always)
    public static func crosses(_ a: LonLat, _ b: LonLat, _ p: LonLat) -> Bool {
        guard (a.lat > p.lat) != (b.lat > p.lat) else { return false }
        return p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
    }

    /// True when `p` is inside the polygon's exterior and outside its holes.
    public static func contains(_ polygon: Polygon, _ p: LonLat) -> Bool {
        guard contains(polygon.exterior, p) else { return false }
        return !polygon.holes.contains { contains($0, p) }
    }

    /// True when `p` is inside any polygon of the geometry.
    public static func contains(_ geometry: Geometry, _ p: LonLat) -> Bool {
        geometry.polygons.contains { contains($0, p) }
    }
}
