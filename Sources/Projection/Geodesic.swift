import CPROJ
import Foundation

/// The solution of the inverse geodesic problem between two points.
public struct GeodesicLine: Equatable, Sendable {
    /// Distance along the ellipsoid in metres.
    public var distance: Double
    /// Forward azimuth at the first point, degrees clockwise from north.
    public var initialAzimuth: Double
    /// Forward azimuth at the second point, degrees clockwise from north.
    public var finalAzimuth: Double
}

/// Geodesics on the WGS84 ellipsoid through PROJ's `geod_*` routines (Karney's algorithms).
public struct Geodesic: Sendable {
    /// The ellipsoid's constants (some 50 doubles), allocated once: passed by pointer, not copied
    /// into every call (border distances make millions of them).
    private final class Constants: @unchecked Sendable {
        // Safe: written once by geod_init, then only read.
        let pointer = UnsafeMutablePointer<geod_geodesic>.allocate(capacity: 1)
        deinit { pointer.deallocate() }
    }
    private let constants = Constants()
    private var geod: UnsafePointer<geod_geodesic> { UnsafePointer(constants.pointer) }

    /// WGS84's equatorial radius (m).
    public static let wgs84EquatorialRadius = 6_378_137.0
    /// WGS84's flattening.
    public static let wgs84Flattening = 1 / 298.257223563
    /// The WGS84 ellipsoid: a = 6378137 m, f = 1/298.257223563.
    public static let wgs84 = Geodesic(equatorialRadius: wgs84EquatorialRadius, flattening: wgs84Flattening)

    /// An ellipsoid of the given equatorial radius (m) and flattening.
    public init(equatorialRadius: Double, flattening: Double) {
        geod_init(constants.pointer, equatorialRadius, flattening)
    }

    /// Distance and azimuths from (lon1, lat1) to (lon2, lat2), degrees.
    public func inverse(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> GeodesicLine {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        geod_inverse(geod, lat1, lon1, lat2, lon2, &s12, &azi1, &azi2)
        return GeodesicLine(distance: s12, initialAzimuth: azi1, finalAzimuth: azi2)
    }

    /// Distance in metres from (lon1, lat1) to (lon2, lat2), degrees; cheaper than `inverse`,
    /// since PROJ skips the azimuths when they are not asked for (their pointers are null).
    public func distance(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
        var s12 = 0.0
        geod_inverse(geod, lat1, lon1, lat2, lon2, &s12, nil, nil)
        return s12
    }

    /// The point reached from (lon, lat) after `distance` metres on `azimuth` degrees.
    public func direct(lon: Double, lat: Double, azimuth: Double, distance: Double) -> (lon: Double, lat: Double) {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        geod_direct(geod, lat, lon, azimuth, distance, &lat2, &lon2, &azi2)
        return (lon2, lat2)
    }

    /// Geodesic length in metres of a line through `points` (longitude, latitude).
    public func length(of points: [(lon: Double, lat: Double)]) -> Double {
        guard points.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<points.count {
            total += distance(lon1: points[i - 1].lon, lat1: points[i - 1].lat, lon2: points[i].lon, lat2: points[i].lat)
        }
        return total
    }

    /// Shortest geodesic distance in metres from a point to the geodesic segment a–b.
    public func distanceToSegment(lon: Double, lat: Double, a: (lon: Double, lat: Double), b: (lon: Double, lat: Double),
                                  tolerance: Double = 0.01) -> Double {
        distance(lon: lon, lat: lat, to: segment(from: a, to: b), near: 0.5, tolerance: tolerance)
    }

    /// The geodesic from a to b, prepared once (PROJ's `geod_inverseline`) for measuring many
    /// points against it.
    public func segment(from a: (lon: Double, lat: Double), to b: (lon: Double, lat: Double)) -> GeodesicSegment {
        var line = geod_geodesicline()
        geod_inverseline(&line, geod, a.lat, a.lon, b.lat, b.lon, 0)
        return GeodesicSegment(line: line, a: a, b: b)
    }

    /// Shortest geodesic distance in metres from a point to `segment`; `near` is where along it (0 at
    /// a, 1 at b) the nearest point is expected, e.g. by a planar estimate. Any guess gives the same
    /// distance, a good one in fewer PROJ calls.
    ///
    /// Moving a point q along the segment, the distance d from the point to q changes at the rate
    /// cos θ, θ the angle at q between the segment and the geodesic arriving from the point (the
    /// first variation of arc length). The nearest q is an end where that rate says so, else where
    /// cos θ = 0. From q the foot of the perpendicular is taken to lie x back along the segment
    /// with tan(x/R) = tan(d/R) cos θ, as on a sphere of radius R; on the ellipsoid that step is
    /// right to a part in a few hundred, so two or three steps settle within `tolerance` metres.
    /// Should they not, regula falsi (the Illinois variant) between the ends decides.
    public func distance(lon: Double, lat: Double, to segment: GeodesicSegment, near: Double,
                         tolerance: Double = 0.01) -> Double {
        let length = segment.length
        // The distance from the point to q(s), s metres from a, and the rate at which it grows with s.
        func at(_ s: Double) -> (distance: Double, rate: Double) {
            var qlat = 0.0, qlon = 0.0, qazi = 0.0
            // The ends as given, not as computed: a vertex two segments share is one point to both.
            if s == 0 {
                (qlat, qlon, qazi) = (segment.a.lat, segment.a.lon, segment.line.azi1)
            } else {
                withUnsafePointer(to: segment.line) { _ = geod_genposition($0, 0, s, &qlat, &qlon, &qazi, nil, nil, nil, nil, nil) }
                if s == length { (qlat, qlon) = (segment.b.lat, segment.b.lon) }
            }
            var d = 0.0, azi1 = 0.0, azi2 = 0.0
            geod_inverse(geod, lat, lon, qlat, qlon, &d, &azi1, &azi2)
            if d == 0 { return (0, 0) }
            return (d, cos((qazi - azi2) * .pi / 180))
        }
        guard length > 0 else { return at(0).distance }
        let radius = 6_371_008.8
        var s = min(max(near.isFinite ? near * length : 0, 0), length)
        var best = Double.infinity
        for _ in 0..<8 {
            let m = at(s)
            best = min(best, m.distance)
            if m.distance <= tolerance { return best }
            let x = radius * atan(tan(min(m.distance / radius, 1.5)) * m.rate)
            let next = min(max(s - x, 0), length)
            // An end whose rate points away from the segment, or a step within the tolerance.
            if abs(next - s) <= tolerance { return best }
            s = next
        }
        return min(best, bracketed(at, length: length, tolerance: tolerance))
    }

    /// The least distance `at` gives between 0 and `length`, by regula falsi on its rate.
    private func bracketed(_ at: (Double) -> (distance: Double, rate: Double), length: Double, tolerance: Double) -> Double {
        let start = at(0)
        if start.rate >= 0 { return start.distance }
        let end = at(length)
        if end.rate <= 0 { return end.distance }
        var lo = (s: 0.0, rate: start.rate), hi = (s: length, rate: end.rate)
        var best = min(start.distance, end.distance)
        var side = 0
        for _ in 0..<100 where hi.s - lo.s > tolerance {
            let s = min(max((lo.s * hi.rate - hi.s * lo.rate) / (hi.rate - lo.rate), lo.s), hi.s)
            let m = at(s)
            best = min(best, m.distance)
            if m.rate == 0 { break }
            if m.rate < 0 {
                lo = (s, m.rate)
                if side == -1 { hi.rate /= 2 }  // Illinois: the end that stays put weighs half
                side = -1
            } else {
                hi = (s, m.rate)
                if side == 1 { lo.rate /= 2 }
                side = 1
            }
        }
        return best
    }
}

/// A geodesic segment prepared for measuring distances from points (see `Geodesic.segment`).
public struct GeodesicSegment: @unchecked Sendable {
    // Safe: a plain C value, only read after geod_inverseline fills it.
    fileprivate let line: geod_geodesicline
    fileprivate let a: (lon: Double, lat: Double), b: (lon: Double, lat: Double)
    /// Its length in metres.
    public var length: Double { line.s13 }
}

