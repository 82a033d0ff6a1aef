import Foundation
import Projection
import XCTest

/// Places of the January 2024 incidents and the region (longitude, latitude).
let regionPoints: [(lon: Double, lat: Double)] = [
    (62.33096, 27.37089),  // Saravan
    (64.09459, 26.97186),  // Panjgur
    (60.8629, 29.4963),    // Zahedan
    (67.00141, 30.18414),  // Quetta
    (61.754, 26.0794),     // Pishin (Iran)
    (60.643, 25.2919),     // Chabahar
]

final class ProjectionTests: XCTestCase {
    func testForwardAgreesWithCs2csToOneMillimetre() throws {
        let aeqd = "+proj=aeqd +lat_0=27.2 +lon_0=63.2 +datum=WGS84 +units=m"
        for (crs, toolArgs) in [("EPSG:32641", ["EPSG:32641"]), ("EPSG:3857", ["EPSG:3857"]),
                                (aeqd + " +type=crs", ["+to"] + aeqd.split(separator: " ").map(String.init))] {
            let proj = try Projection(from: "EPSG:4326", to: crs)
            // cs2cs takes EPSG:4326 in its official order: latitude, longitude.
            let input = regionPoints.map { "\($0.lat) \($0.lon)" }.joined(separator: "\n") + "\n"
            let reference = numbers(try runTool("cs2cs", ["-f", "%.6f", "EPSG:4326"] + toolArgs, input: input))
            XCTAssertEqual(reference.count, regionPoints.count, "cs2cs output for \(crs)")
            for (i, p) in regionPoints.enumerated() {
                let ours = try proj.forward(p.lon, p.lat)
                XCTAssertEqual(ours.x, reference[i][0], accuracy: 0.001, "x of point \(i) in \(crs)")
                XCTAssertEqual(ours.y, reference[i][1], accuracy: 0.001, "y of point \(i) in \(crs)")
            }
        }
    }

    func testAxisOrderIsLongitudeLatitude() throws {
        // 63°E is the central meridian of UTM zone 41N: the easting there is exactly 500 km,
        // and 27°N maps to a northing of 2,986.4 km of the equator. Swapped axes would give neither.
        let utm = try Projection(from: "EPSG:4326", to: "EPSG:32641")
        let p = try utm.forward(63, 27)
        XCTAssertEqual(p.x, 500_000, accuracy: 0.001)
        XCTAssertEqual(p.y, 2_986_435.24, accuracy: 0.01)
        // The inverse returns longitude first too.
        let back = try utm.inverse(p.x, p.y)
        XCTAssertEqual(back.x, 63, accuracy: 1e-9)
        XCTAssertEqual(back.y, 27, accuracy: 1e-9)
    }

    func testBatchEqualsSingleCalls() throws {
        let proj = try Projection(from: "EPSG:4326", to: "EPSG:32641")
        var xs = regionPoints.map(\.lon), ys = regionPoints.map(\.lat)
        try proj.forward(xs: &xs, ys: &ys)
        for (i, p) in regionPoints.enumerated() {
            let single = try proj.forward(p.lon, p.lat)
            XCTAssertEqual(xs[i], single.x)
            XCTAssertEqual(ys[i], single.y)
        }
    }

    func testAcceptsPROJStringsAndWKT() throws {
        let byCode = try Projection(from: "EPSG:4326", to: "EPSG:32641")
        let wkt = try XCTUnwrap(byCode.targetWKT())
        XCTAssertTrue(wkt.contains("UTM zone 41N"), wkt)
        let byWKT = try Projection(from: "EPSG:4326", to: wkt)
        let byString = try Projection(from: "EPSG:4326", to: "+proj=utm +zone=41 +datum=WGS84 +units=m +type=crs")
        for p in regionPoints {
            let a = try byCode.forward(p.lon, p.lat), b = try byWKT.forward(p.lon, p.lat), c = try byString.forward(p.lon, p.lat)
            XCTAssertEqual(a.x, b.x, accuracy: 1e-6)
            XCTAssertEqual(a.y, b.y, accuracy: 1e-6)
            XCTAssertEqual(a.x, c.x, accuracy: 1e-3)
            XCTAssertEqual(a.y, c.y, accuracy: 1e-3)
        }
    }

    func testUnknownCRSFailsWithPROJsMessageNamingIt() {
        XCTAssertThrowsError(try Projection(from: "EPSG:4326", to: "EPSG:999999")) { error in
            let e = error as? ProjectionError
            XCTAssertNotNil(e)
            XCTAssertTrue(String(describing: error).contains("999999"), "\(error)")
            XCTAssertFalse(e?.message.isEmpty ?? true)
        }
        XCTAssertThrowsError(try Projection(from: "EPSG:4326", to: "+proj=nonsense +type=crs")) { error in
            XCTAssertTrue(String(describing: error).lowercased().contains("nonsense") || String(describing: error).contains("unknown"), "\(error)")
        }
    }

    func testAFailedCallDoesNotPoisonTheNext() throws {
        // A point on the far side of the globe has no orthographic image.
        let ortho = try Projection(from: "EPSG:4326", to: "+proj=ortho +lat_0=27 +lon_0=63 +datum=WGS84 +type=crs")
        XCTAssertThrowsError(try ortho.forward(-117, -27))
        let ok = try ortho.forward(63, 27)
        XCTAssertEqual(ok.x, 0, accuracy: 1e-6)
        XCTAssertEqual(ok.y, 0, accuracy: 1e-6)
        var xs = [63.0, -117.0], ys = [27.0, -27.0]
        XCTAssertThrowsError(try ortho.forward(xs: &xs, ys: &ys))
        var good = [63.0], goodY = [27.0]
        XCTAssertNoThrow(try ortho.forward(xs: &good, ys: &goodY))
        // A failed construction leaves other projections working.
        XCTAssertThrowsError(try Projection(from: "EPSG:4326", to: "EPSG:999999"))
        XCTAssertNoThrow(try Projection(from: "EPSG:4326", to: "EPSG:32641").forward(63, 27))
        // Lenient batches report failures instead of throwing.
        var lx = [63.0, -117.0], ly = [27.0, -27.0]
        XCTAssertEqual(ortho.forwardAllowingFailures(xs: &lx, ys: &ly), 1)
        XCTAssertTrue(lx[0].isFinite && !lx[1].isFinite)
    }

    func testGeodesicAgreesWithGeodToOneMillimetre() throws {
        var pairs: [((lon: Double, lat: Double), (lon: Double, lat: Double))] = []
        for i in 0..<regionPoints.count { for j in 0..<regionPoints.count where i != j { pairs.append((regionPoints[i], regionPoints[j])) } }
        // geod -I reads lat1 lon1 lat2 lon2 and prints az1 az2 distance.
        let input = pairs.map { "\($0.0.lat) \($0.0.lon) \($0.1.lat) \($0.1.lon)" }.joined(separator: "\n") + "\n"
        let reference = numbers(try runTool("geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.10f"], input: input))
        XCTAssertEqual(reference.count, pairs.count)
        for (k, (a, b)) in pairs.enumerated() {
            let g = Geodesic.wgs84.inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat)
            XCTAssertEqual(g.distance, reference[k][2], accuracy: 0.001, "distance \(k)")
            XCTAssertEqual(g.initialAzimuth, reference[k][0], accuracy: 1e-7, "azimuth \(k)")
        }
    }

    func testGeodesicDirectInvertsInverse() {
        let g = Geodesic.wgs84.inverse(lon1: 62.33096, lat1: 27.37089, lon2: 64.09459, lat2: 26.97186)
        let p = Geodesic.wgs84.direct(lon: 62.33096, lat: 27.37089, azimuth: g.initialAzimuth, distance: g.distance)
        XCTAssertEqual(p.lon, 64.09459, accuracy: 1e-9)
        XCTAssertEqual(p.lat, 26.97186, accuracy: 1e-9)
    }

    func testDistanceToSegmentIsTheMinimumAlongIt() {
        // A short segment with the point beside it; a 700 km meridian seen from 1,900 km away (Chukotka
        // and the Alaska–Yukon line); a point beyond an end; a point on the segment; a long parallel-ish line.
        let cases: [((lon: Double, lat: Double), (lon: Double, lat: Double), (lon: Double, lat: Double))] = [
            ((62.0, 27.0), (63.0, 28.0), (62.8, 27.2)),
            ((-141.0, 60.3), (-141.0, 69.6), (177.5, 64.7)),
            ((-141.0, 60.3), (-141.0, 69.6), (-139.0, 64.0)),
            ((10.0, 20.0), (12.0, 20.0), (14.0, 21.0)),
            ((10.0, 20.0), (12.0, 20.0), (11.0, 20.0)),
            ((-120.0, 49.0), (-95.0, 49.0), (-105.0, 49.4)),
        ]
        for (a, b, p) in cases {
            let d = Geodesic.wgs84.distanceToSegment(lon: p.lon, lat: p.lat, a: a, b: b)
            // Brute force along the geodesic a→b.
            let ab = Geodesic.wgs84.inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat)
            var best = Double.infinity
            for i in 0...20_000 {
                let q = Geodesic.wgs84.direct(lon: a.lon, lat: a.lat, azimuth: ab.initialAzimuth, distance: ab.distance * Double(i) / 20_000)
                best = min(best, Geodesic.wgs84.inverse(lon1: p.lon, lat1: p.lat, lon2: q.lon, lat2: q.lat).distance)
            }
            XCTAssertEqual(d, best, accuracy: 0.05, "\(p) to \(a)–\(b)")
            XCTAssertLessThanOrEqual(d, best + 1e-6, "\(p) to \(a)–\(b)")
        }
    }

    func testDistanceToAPreparedSegmentIsTheMinimumWhateverTheGuess() {
        // Segments of 6 km to 3,000 km, at the equator, at mid and high latitudes and across the
        // antimeridian, seen from beside them, beyond their ends, on them and half a world away;
        // a fixed generator, so the run repeats.
        var state: UInt64 = 0x2024_0118
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let g = Geodesic.wgs84
        for k in 0..<24 {
            let lat = [-70.0, -30, 0, 25, 48, 69][k % 6] + next() * 4
            let lon = k % 4 == 3 ? 179.0 + next() : -180 + next() * 360
            let length = [6_000.0, 60_000, 400_000, 3_000_000][k % 4]
            let azimuth = next() * 360
            let end = g.direct(lon: lon, lat: lat, azimuth: azimuth, distance: length)
            let segment = g.segment(from: (lon, lat), to: end)
            XCTAssertEqual(segment.length, length, accuracy: 1e-6)
            // A point on either side, one beyond an end, one on the segment, one 9,000 km away.
            let along = g.direct(lon: lon, lat: lat, azimuth: azimuth, distance: length * next())
            let points = [
                g.direct(lon: along.lon, lat: along.lat, azimuth: azimuth + 90, distance: 1_000 + next() * 500_000),
                g.direct(lon: along.lon, lat: along.lat, azimuth: azimuth - 90, distance: 1_000 + next() * 50_000),
                g.direct(lon: lon, lat: lat, azimuth: azimuth + 180 + (next() - 0.5) * 60, distance: 20_000 + next() * 200_000),
                along,
                g.direct(lon: along.lon, lat: along.lat, azimuth: azimuth + 60, distance: 9_000_000),
            ]
            for p in points {
                // Brute force along the geodesic, then refined around the least sample.
                let ab = g.inverse(lon1: lon, lat1: lat, lon2: end.lon, lat2: end.lat)
                func distanceAt(_ s: Double) -> Double {
                    let q = g.direct(lon: lon, lat: lat, azimuth: ab.initialAzimuth, distance: min(max(s, 0), length))
                    return g.distance(lon1: p.lon, lat1: p.lat, lon2: q.lon, lat2: q.lat)
                }
                var bestS = 0.0, best = Double.infinity
                for i in 0...2_000 {
                    let s = length * Double(i) / 2_000
                    let d = distanceAt(s)
                    if d < best { (best, bestS) = (d, s) }
                }
                var (lo, hi) = (max(0, bestS - length / 2_000), min(length, bestS + length / 2_000))
                for _ in 0..<80 {
                    let (m1, m2) = (lo + (hi - lo) / 3, hi - (hi - lo) / 3)
                    if distanceAt(m1) < distanceAt(m2) { hi = m2 } else { lo = m1 }
                }
                best = min(best, distanceAt((lo + hi) / 2))
                for guess in [0.0, 0.37, 1.0, bestS / length] {
                    let d = g.distance(lon: p.lon, lat: p.lat, to: segment, near: guess)
                    XCTAssertEqual(d, best, accuracy: 0.01, "segment \(k), point \(p), guess \(guess)")
                    XCTAssertGreaterThanOrEqual(d, best - 0.001, "segment \(k): nothing is nearer than the nearest")
                }
            }
        }
    }
}
