import CPROJ

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

    /// Shortest geodesic distance in metres from a point to the segment a–b,
    /// found by golden-section search along the segment's geodesic.
    public func distanceToSegment(lon: Double, lat: Double,
                                  a: (lon: Double, lat: Double), b: (lon: Double, lat: Double)) -> Double {
        let ab = inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat)
        if ab.distance == 0 { return inverse(lon1: lon, lat1: lat, lon2: a.lon, lat2: a.lat).distance }
        func distanceAt(_ t: Double) -> Double {
            let p = direct(lon: a.lon, lat: a.lat, azimuth: ab.initialAzimuth, distance: t * ab.distance)
            return inverse(lon1: lon, lat1: lat, lon2: p.lon, lat2: p.lat).distance
        }
        // The distance along a short geodesic segment is unimodal; 60 golden steps reach ~1e-12 of its length.
        let phi = (5.0.squareRoot() - 1) / 2
        var lo = 0.0, hi = 1.0
        var c = hi - phi * (hi - lo), d = lo + phi * (hi - lo)
        var fc = distanceAt(c), fd = distanceAt(d)
        for _ in 0..<60 {
            if fc < fd { hi = d; d = c; fd = fc; c = hi - phi * (hi - lo); fc = distanceAt(c) }
            else { lo = c; c = d; fc = fd; d = lo + phi * (hi - lo); fd = distanceAt(d) }
        }
        return min(distanceAt((lo + hi) / 2), distanceAt(0), distanceAt(1))
    }
}
