/// Ring orientation by the shoelace formula.
public enum Orientation {
    /// Twice the signed area of the ring in its own units (positive: counter-clockwise).
    public static func signedArea2(_ ring: [LonLat]) -> Double {
        guard ring.count > 2 else { return 0 }
        var s = 0.0
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            s += a.lon * b.lat - b.lon * a.lat
        }
        return s
    }

    /// The ring, reversed if needed so that it turns the requested way.
    public static func oriented(_ ring: [LonLat], counterClockwise: Bool) -> [LonLat] {
        (signedArea2(ring) > 0) == counterClockwise ? ring : ring.reversed()
    }

    /// The polygon with its exterior counter-clockwise and its holes clockwise (RFC 7946 §3.1.6),
    /// positive area meaning counter-clockwise in the ring's own axes.
    public static func oriented(_ p: Polygon) -> Polygon {
        Polygon(exterior: oriented(p.exterior, counterClockwise: true), holes: p.holes.map { oriented($0, counterClockwise: false) })
    }
}
