/// Splits geometries that cross the antimeridian, as RFC 7946 §3.1.9 asks:
/// a line or ring that jumps more than 180° in longitude between two
/// vertices is taken to cross ±180°, and is cut there into parts that stay
/// on either side.
public enum Antimeridian {
    /// True when consecutive positions jump by more than 180° of longitude.
    public static func crosses(_ line: [LonLat]) -> Bool {
        zip(line, line.dropFirst()).contains { abs($0.lon - $1.lon) > 180 }
    }

    /// The positions unwrapped so that no step exceeds 180° (longitudes may leave ±180).
    static func unwrapped(_ line: [LonLat]) -> [LonLat] {
        guard var prev = line.first else { return [] }
        var out = [prev]
        for p in line.dropFirst() {
            var lon = p.lon
            while lon - prev.lon > 180 { lon -= 360 }
            while lon - prev.lon < -180 { lon += 360 }
            let q = LonLat(lon: lon, lat: p.lat)
            out.append(q)
            prev = q
        }
        return out
    }

    /// The parts of `line`, cut at ±180°, in the line's order.
    public static func split(line: [LonLat]) -> [[LonLat]] {
        guard crosses(line) else { return [line] }
        let u = unwrapped(line)
        func band(_ lon: Double) -> Double { ((lon + 180) / 360).rounded(.down) }
        func wrap(_ p: LonLat) -> LonLat { LonLat(lon: p.lon - band(p.lon) * 360, lat: p.lat) }
        var parts: [[LonLat]] = [[wrap(u[0])]]
        for (a, b) in zip(u, u.dropFirst()) {
            let ka = band(a.lon), kb = band(b.lon)
            if ka != kb {
                // One step of at most 180° crosses one boundary, at unwrapped longitude `edge`.
                let edge = max(ka, kb) * 360 - 180
                let t = (edge - a.lon) / (b.lon - a.lon)
                let lat = a.lat + t * (b.lat - a.lat)
                let eastward = kb > ka
                parts[parts.count - 1].append(LonLat(lon: eastward ? 180 : -180, lat: lat))
                parts.append([LonLat(lon: eastward ? -180 : 180, lat: lat)])
            }
            parts[parts.count - 1].append(wrap(b))
        }
        return parts.filter { $0.count > 1 }
    }

    /// The parts of `polygon`, cut at ±180°. A hole goes with the part whose side of ±180° holds
    /// it whole; a hole that itself crosses ±180° is dropped (clipping it would put the hole on
    /// the part's edge, which is not a valid polygon): the parts then cover it.
    public static func split(polygon: Polygon) -> [Polygon] {
        guard crosses(polygon.exterior) else { return [polygon] }
        let unwrappedExterior = unwrapped(polygon.exterior)
        let ext = unwrappedExterior.map { XY(x: $0.lon, y: $0.lat) }
        let reference = unwrappedExterior[0].lon
        // Each hole in the exterior's unwrapped longitudes: shifted by whole turns so that its
        // first vertex is within 180° of the exterior's first.
        let holes: [[LonLat]] = polygon.holes.compactMap { hole in
            guard !crosses(hole), let first = hole.first else { return nil }
            let turns = ((first.lon - reference) / 360).rounded()
            return hole.map { LonLat(lon: $0.lon - turns * 360, lat: $0.lat) }
        }
        var out: [Polygon] = []
        for shift in [-360.0, 0, 360] {
            let window = BoundingBox(minX: -180 - shift, minY: -90, maxX: 180 - shift, maxY: 90)
            let ring = PlanarOps.clip(ring: ext, to: window)
            guard ring.count >= 4 else { continue }
            let inside = holes.filter { h in h.allSatisfy { $0.lon > window.minX && $0.lon < window.maxX } }
            out.append(Polygon(exterior: ring.map { LonLat(lon: $0.x + shift, lat: $0.y) },
                               holes: inside.map { h in h.map { LonLat(lon: $0.lon + shift, lat: $0.lat) } }))
        }
        return out
    }

    /// The geometry with every crossing part split (a line may become a MultiLineString,
    /// a polygon a MultiPolygon).
    public static func split(_ g: Geometry) -> Geometry {
        switch g {
        case .point: return g
        case .lineString(let l):
            let parts = split(line: l)
            return parts.count == 1 ? .lineString(parts[0]) : .multiLineString(parts)
        case .multiLineString(let ls): return .multiLineString(ls.flatMap { split(line: $0) })
        case .polygon(let p):
            let parts = split(polygon: p)
            return parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts)
        case .multiPolygon(let ps): return .multiPolygon(ps.flatMap { split(polygon: $0) })
        }
    }
}
