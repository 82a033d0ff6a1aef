import Foundation
import Gazetteer
import Geometry
@testable import Pipeline
import Projection
import XCTest

/// The grid-and-cache search of `BorderDistance` against testing every border segment.
final class BorderDistanceTests: XCTestCase {
    /// The exhaustive answer: the geodesic distance from `p` to the nearest point (by a local
    /// planar estimate) of every segment of every border, and for segments over 5 km, to the
    /// nearest point of the segment's geodesic and of its line in longitude and latitude, found by
    /// a golden-section search (a different method from the tool's); the smallest kept.
    static func exhaustive(_ p: LonLat, _ borders: [BorderLine]) -> (String, Double) {
        let k = cos(p.lat * .pi / 180)
        var best = (id: "", km: Double.infinity)
        // Geodesics only where the planar estimate is within half again of its best and 50 km
        // (a far looser margin than the 2 % under test), except far away, where all are measured.
        var estimates: [(String, LonLat, Double, LonLat, LonLat)] = []
        for b in borders {
            for line in b.lines where line.count > 1 {
                for i in 1..<line.count {
                    let a = line[i - 1], c = line[i]
                    let ax = (a.lon - p.lon) * k, ay = a.lat - p.lat, dx = (c.lon - a.lon) * k, dy = c.lat - a.lat
                    let len2 = dx * dx + dy * dy
                    let t = len2 == 0 ? 0 : max(0, min(1, -(ax * dx + ay * dy) / len2))
                    let q = LonLat(lon: a.lon + t * (c.lon - a.lon), lat: a.lat + t * (c.lat - a.lat))
                    let x = ax + t * dx, y = ay + t * dy
                    estimates.append((b.id, q, (x * x + y * y).squareRoot() * 111.2, a, c))
                }
            }
        }
        let least = estimates.map(\.2).min()!
        var measured: [(String, Double, LonLat, LonLat)] = []
        for (id, q, e, a, c) in estimates where least > 900 || e <= least * 1.5 + 50 {
            let km = Geodesic.wgs84.inverse(lon1: p.lon, lat1: p.lat, lon2: q.lon, lat2: q.lat).distance / 1000
            measured.append((id, km, a, c))
            if km < best.km { best = (id, km) }
        }
        for (id, km, a, c) in measured where km <= best.km * 1.05 + 1 && Self.kmLong(a, c) > 5 {
            // Along the geodesic, and along the line in longitude and latitude (the tool takes the
            // nearer of its point on each).
            let along = min(goldenSection(p, a, c), goldenSection(p, a, c, inDegrees: true)) / 1000
            if along < best.km { best = (id, along) }
        }
        return best
    }

    static func kmLong(_ a: LonLat, _ b: LonLat) -> Double {
        Geodesic.wgs84.distance(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat) / 1000
    }

    /// The least distance (m) from `p` to the geodesic a–b (or its line in longitude and latitude),
    /// by golden-section search on distances alone (60 steps: about 1e-12 of the segment).
    static func goldenSection(_ p: LonLat, _ a: LonLat, _ b: LonLat, inDegrees: Bool = false) -> Double {
        let g = Geodesic.wgs84
        let ab = g.inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat)
        func distanceAt(_ t: Double) -> Double {
            let q = inDegrees ? (lon: a.lon + t * (b.lon - a.lon), lat: a.lat + t * (b.lat - a.lat))
                : g.direct(lon: a.lon, lat: a.lat, azimuth: ab.initialAzimuth, distance: t * ab.distance)
            return g.distance(lon1: p.lon, lat1: p.lat, lon2: q.lon, lat2: q.lat)
        }
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

    func testNearestBorderMatchesTestingEverySegment() throws {
        let gz = try Gazetteer.load()
        let measure = BorderDistance(borders: gz.borders)
        // Points near the borders (where the nearest changes between segments and borders), inside
        // countries far from any border, and off the grid; a fixed generator, so the run repeats.
        var state: UInt64 = 0x2024_0116
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var points: [LonLat] = []
        let vertices = gz.borders.flatMap { $0.lines.flatMap { $0 } }
        for _ in 0..<200 {
            let v = vertices[Int(next() * Double(vertices.count))]
            points.append(LonLat(lon: v.lon + (next() - 0.5) * 0.6, lat: v.lat + (next() - 0.5) * 0.6))
        }
        for _ in 0..<200 { points.append(LonLat(lon: 35 + next() * 50, lat: 10 + next() * 45)) }
        points += [LonLat(lon: -120, lat: 40), LonLat(lon: 170, lat: -60), LonLat(lon: 62.0, lat: 27.5)]
        // Near and far from long straight borders: the Sahara's, the 141st meridian (Alaska–Yukon)
        // from Chukotka and from the Yukon, the 49th parallel.
        points += [LonLat(lon: 25, lat: 21.5), LonLat(lon: 31, lat: 23), LonLat(lon: 2, lat: 24), LonLat(lon: 177.5, lat: 64.7),
                   LonLat(lon: -139, lat: 64), LonLat(lon: -105, lat: 49.4), LonLat(lon: -98, lat: 51)]
        // Near the Arctic borders, where the cosine of latitude changes most across a cell (the
        // candidates' order from the cell's centre bounds a point's estimates only up to it).
        points += [LonLat(lon: 30.8, lat: 69.6), LonLat(lon: 28.9, lat: 69.05), LonLat(lon: -140.7, lat: 69.5), LonLat(lon: 20.5, lat: 69.0),
                   LonLat(lon: 29.1, lat: 69.9), LonLat(lon: 26.0, lat: 69.8)]
        // Far from every land border, where the candidates come from straight-line bounds through
        // the Earth, on the grid and off it (it spans the borders' extent, 141° E at most): Australia,
        // New Zealand, Hawaii, Japan, Iceland, Madagascar, Sri Lanka, Easter Island, the Arabian Sea,
        // both sides of the antimeridian, the poles; and points spread over Oceania.
        points += [LonLat(lon: 133.9, lat: -23.7), LonLat(lon: 151.2, lat: -33.9), LonLat(lon: 115.9, lat: -31.95), LonLat(lon: 174.8, lat: -41.3),
                   LonLat(lon: -157.8, lat: 21.3), LonLat(lon: 139.7, lat: 35.7), LonLat(lon: -21.9, lat: 64.1), LonLat(lon: 47.5, lat: -18.9),
                   LonLat(lon: 79.9, lat: 6.9), LonLat(lon: -109.35, lat: -27.1), LonLat(lon: 62, lat: 12), LonLat(lon: 179.95, lat: -17),
                   LonLat(lon: -179.95, lat: -17), LonLat(lon: 0, lat: -89.5), LonLat(lon: 170, lat: 89.9)]
        for _ in 0..<40 { points.append(LonLat(lon: 110 + next() * 70, lat: -45 + next() * 35)) }
        // Hundreds of km from a border in the north, where a planar estimate of distances had chosen
        // the candidates and missed the nearest by up to 8 km (Yukon to CA-US, the White Sea to
        // FI-RU); and points spread over the whole globe.
        points += [LonLat(lon: -124.2919, lat: 64.7017), LonLat(lon: 42.3848, lat: 65.2123), LonLat(lon: -129.7991, lat: 63.9214)]
        for _ in 0..<30 { points.append(LonLat(lon: -180 + next() * 360, lat: asin(2 * next() - 1) * 180 / .pi)) }
        // Many points in one cell: the cell's candidate list is built once and must serve them all.
        for _ in 0..<100 { points.append(LonLat(lon: 62.25 + next() * 0.25, lat: 27.25 + next() * 0.25)) }
        // Measured from several threads at once, as the render's workers do.
        let queried = points
        let results = concurrentMap(queried.count) { measure.nearest(to: queried[$0]) }
        for (p, r) in zip(points, results) {
            let got = try XCTUnwrap(r)
            let want = Self.exhaustive(p, gz.borders)
            XCTAssertEqual(got.distanceKm, want.1, accuracy: 0.001, "\(p)")
            if abs(got.distanceKm - want.1) < 1e-9 { continue }
            XCTAssertEqual(got.borderID, want.0, "\(p)")
        }
    }

    /// A point off a coast is measured only to the runs of the outline within reach of it
    /// (`OutlineRuns`): within `Coasts.toleranceKm` it must get the distance the whole outline
    /// gives, bit for bit, and beyond it nothing. Points within 10 km of the coasts of large and
    /// scattered countries (Canada, Russia and Fiji across the antimeridian, Indonesia, Norway,
    /// Chile, Antarctica), and beside the middle of the provinces' segments whose geodesic bows
    /// furthest out of its ends' box.
    func testAPointOffACoastIsMeasuredToTheRunsWithinReachAsToTheWholeOutline() throws {
        let gz = try Gazetteer.load()
        var state: UInt64 = 0x2024_0118
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let geodesic = Geodesic.wgs84
        var within = 0, beyond = 0, nearLong = 0
        for code in ["CA", "RU", "FJ", "ID", "NO", "CL", "AQ", "GR", "BS"] {
            let country = try XCTUnwrap(gz.country(code: code), code)
            let rings = country.geometry.polygons.flatMap(\.rings).filter { $0.count > 1 }
            let whole = BorderDistance(borders: [BorderLine(id: code, countries: [code], name: code, lengthKm: 0, dataset: "", lines: rings)])
            let vertices = rings.flatMap { $0 }
            var points: [LonLat] = []
            for _ in 0..<150 {
                let v = vertices[Int(next() * Double(vertices.count))]
                let k = max(0.05, cos(v.lat * .pi / 180))
                points.append(LonLat(lon: v.lon + (next() - 0.5) * 0.18 / k, lat: max(-90, min(90, v.lat + (next() - 0.5) * 0.18))))
            }
            // Just across the edge of a vertex's cell of `Coasts.localCell` degrees, south and
            // west: measured to runs taken for the neighbouring cell, which must reach this far.
            let c = Coasts.localCell
            for v in vertices.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
                let south = (v.lat / c).rounded(.down) * c, west = (v.lon / c).rounded(.down) * c
                if v.lat - south < 0.03, south - 0.0005 > -90 { points.append(LonLat(lon: v.lon, lat: south - 0.0005)) }
                if v.lon - west < 0.03 / max(0.05, cos(v.lat * .pi / 180)) { points.append(LonLat(lon: west - 0.0005, lat: v.lat)) }
            }
            let coasts = Coasts()
            for p in points {
                let want = try XCTUnwrap(whole.nearest(to: p)).distanceKm
                let got = coasts.nearest(p, among: [country], key: { "country \($0.id)" })
                if want <= Coasts.toleranceKm {
                    within += 1
                    XCTAssertEqual(got?.km, want, "\(code) \(p)")
                } else {
                    beyond += 1
                    XCTAssertNil(got, "\(code) \(p): \(want) km")
                }
            }
        }
        // Beside the middle of the segments whose geodesic bows furthest from their line in
        // longitude and latitude (about L² tan φ / 8R: straight provincial lines along parallels
        // in the north, such as Canada's 60th), off that geodesic either way by up to 4 km.
        var bowing: [(Region, LonLat, LonLat, Double)] = []
        for province in gz.provinces {
            for ring in province.geometry.polygons.flatMap(\.rings) where ring.count > 1 {
                for i in 1..<ring.count {
                    let a = ring[i - 1], b = ring[i], km = BorderDistanceTests.kmLong(a, b)
                    let lat = min(80, max(abs(a.lat), abs(b.lat)))
                    bowing.append((province, a, b, km * km * tan(lat * .pi / 180) / (8 * 6371)))
                }
            }
        }
        let coasts = Coasts()
        for (province, a, b, bow) in bowing.sorted(by: { $0.3 > $1.3 }).prefix(12) {
            XCTAssertGreaterThan(bow, 5, "\(province.id)")
            let line = geodesic.inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat)
            let mid = geodesic.direct(lon: a.lon, lat: a.lat, azimuth: line.initialAzimuth, distance: line.distance / 2)
            for off in [-4000.0, -1000, 0, 1000, 4000] {
                let q = geodesic.direct(lon: mid.lon, lat: mid.lat, azimuth: line.initialAzimuth + 90, distance: off)
                let p = LonLat(lon: q.lon, lat: q.lat)
                let rings = province.geometry.polygons.flatMap(\.rings).filter { $0.count > 1 }
                let want = try XCTUnwrap(BorderDistance(borders: [BorderLine(id: province.id, countries: [province.country], name: "", lengthKm: 0, dataset: "", lines: rings)]).nearest(to: p)).distanceKm
                XCTAssertLessThanOrEqual(want, Coasts.toleranceKm, "\(province.id) \(p)")
                let got = coasts.nearest(p, among: [province], key: { "province \($0.id)" })?.km
                // A point beyond the province's own bounds is not measured at all (the bow of a
                // northern boundary along a parallel); one inside them must find the geodesic.
                if Coasts.mayReach(province.bounds, p) {
                    XCTAssertEqual(got, want, "\(province.id) \(p)")
                    nearLong += 1
                } else {
                    XCTAssertNil(got, "\(province.id) \(p)")
                }
            }
        }
        // Both sides of the limit were tried, and the long segments were found.
        XCTAssertGreaterThan(within, 300)
        XCTAssertGreaterThan(beyond, 100)
        XCTAssertGreaterThan(nearLong, 20)
    }

    /// A point that is not on the globe has no nearest border, rather than stopping the program
    /// (inputs are range-checked before any is measured; a caller that is not is still safe).
    func testAPointOffTheGlobeHasNoNearestBorder() throws {
        let measure = BorderDistance(borders: try Gazetteer.load().borders)
        for p in [LonLat(lon: 10, lat: -90.0005), LonLat(lon: 10, lat: 91), LonLat(lon: .nan, lat: 10), LonLat(lon: 10, lat: .infinity)] {
            XCTAssertNil(measure.nearest(to: p), "\(p)")
        }
        XCTAssertEqual(measure.nearest(to: LonLat(lon: 62.0, lat: 27.5))?.borderID.contains("PK"), true)
    }

    func testWhereBordersMeetThePointsOwnBorderIsNamed() throws {
        // Around every tripoint of the data (a vertex three or more borders end at), points whose
        // nearest border point is the tripoint are as near to each of those borders: the one named
        // must be a border of the point's own country when one meets there, and else the first
        // listed; the same with no country given.
        let gz = try Gazetteer.load()
        let measure = BorderDistance(borders: gz.borders)
        var meeting: [LonLat: Set<Int>] = [:]
        for (i, b) in gz.borders.enumerated() {
            for line in b.lines { for v in [line.first, line.last].compactMap({ $0 }) { meeting[v, default: []].insert(i) } }
        }
        let tripoints = meeting.filter { $0.value.count >= 3 }.sorted { ($0.key.lon, $0.key.lat) < ($1.key.lon, $1.key.lat) }
        XCTAssertGreaterThan(tripoints.count, 100, "the world's borders meet at a few hundred tripoints")
        var checked = 0, own = 0, notFirst = 0
        for (t, indices) in tripoints.prefix(400) {
            for step in 0..<72 {
                let azimuth = Double(step) * 5 + 2.5
                let p = Geodesic.wgs84.direct(lon: t.lon, lat: t.lat, azimuth: azimuth, distance: [3_000.0, 20_000, 80_000][step % 3])
                let point = LonLat(lon: p.lon, lat: p.lat)
                let toTripoint = Geodesic.wgs84.distance(lon1: point.lon, lat1: point.lat, lon2: t.lon, lat2: t.lat) / 1000
                let country = gz.countryID(at: point)
                guard let got = measure.nearest(to: point, in: country), got.distanceKm == toTripoint else { continue }
                let here = indices.sorted().map { gz.borders[$0] }
                checked += 1
                if let country, let first = here.first(where: { $0.countries.contains(country) }) {
                    XCTAssertEqual(got.borderID, first.id, "\(point) in \(country), nearest the \(here.map(\.id)) tripoint")
                    own += 1
                    if first.id != here[0].id { notFirst += 1 }
                }
                let unplaced = try XCTUnwrap(measure.nearest(to: point))
                XCTAssertEqual(unplaced.distanceKm, got.distanceKm)
                XCTAssertEqual(unplaced.borderID, here[0].id, "\(point), no country given")
            }
        }
        XCTAssertGreaterThan(checked, 50, "points nearest a tripoint")
        XCTAssertGreaterThan(own, 50, "points in a country whose border meets there")
        XCTAssertGreaterThan(notFirst, 10, "points whose own border is not the first listed there")
    }
}
