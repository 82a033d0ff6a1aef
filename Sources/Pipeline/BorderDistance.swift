import Gazetteer
import Geometry
import Projection

/// The nearest international border to a point, by geodesic distance.
public struct BorderProximity: Sendable, Equatable {
    /// Border id, e.g. `IR-PK`.
    public var borderID: String
    /// Geodesic distance in km.
    public var distanceKm: Double
}

/// Measures geodesic distances from points to the bundled border lines.
///
/// Exact on the ellipsoid for the segments that can hold the nearest point:
/// the distance to every vertex is computed first, and only segments with an
/// end within (nearest vertex distance + segment length) are searched.
public final class BorderDistance: @unchecked Sendable {
    struct Segment { var border: Int; var a: LonLat; var b: LonLat; var length: Double }
    private let borders: [BorderLine]
    private var segments: [Segment] = []
    private let geodesic = Geodesic.wgs84

    /// Prepares the segments of `borders`.
    public init(borders: [BorderLine]) {
        self.borders = borders
        for (bi, border) in borders.enumerated() {
            for line in border.lines where line.count > 1 {
                for i in 1..<line.count {
                    let a = line[i - 1], b = line[i]
                    let len = geodesic.inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat).distance
                    segments.append(Segment(border: bi, a: a, b: b, length: len))
                }
            }
        }
    }

    /// The nearest border to `p`, or nil when there are no borders.
    public func nearest(to p: LonLat) -> BorderProximity? {
        guard !segments.isEmpty else { return nil }
        var endDistance = [Double](repeating: 0, count: segments.count)
        var best = Double.infinity
        for (i, s) in segments.enumerated() {
            let da = geodesic.inverse(lon1: p.lon, lat1: p.lat, lon2: s.a.lon, lat2: s.a.lat).distance
            endDistance[i] = da
            best = min(best, da)
        }
        var bestBorder = -1
        var bestDistance = Double.infinity
        for (i, s) in segments.enumerated() where endDistance[i] <= best + s.length {
            let d = geodesic.distanceToSegment(lon: p.lon, lat: p.lat, a: (s.a.lon, s.a.lat), b: (s.b.lon, s.b.lat))
            if d < bestDistance { bestDistance = d; bestBorder = s.border }
        }
        return BorderProximity(borderID: borders[bestBorder].id, distanceKm: bestDistance / 1000)
    }
}
