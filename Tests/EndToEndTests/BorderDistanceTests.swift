import Foundation
import Gazetteer
import Geometry
import Pipeline
import Projection
import XCTest

/// The grid-and-cache search of `BorderDistance` against testing every border segment.
final class BorderDistanceTests: XCTestCase {
    /// The exhaustive answer: the geodesic distance from `p` to the nearest point (by a local
    /// planar estimate) of every segment of every border, the smallest kept.
    static func exhaustive(_ p: LonLat, _ borders: [BorderLine]) -> (String, Double) {
        let k = cos(p.lat * .pi / 180)
        var best = (id: "", km: Double.infinity)
        // Geodesics only where the planar estimate is within half again of its best and 50 km
        // (a far looser margin than the 2 % under test), except far away, where all are measured.
        var estimates: [(String, LonLat, Double)] = []
        for b in borders {
            for line in b.lines where line.count > 1 {
                for i in 1..<line.count {
                    let a = line[i - 1], c = line[i]
                    let ax = (a.lon - p.lon) * k, ay = a.lat - p.lat, dx = (c.lon - a.lon) * k, dy = c.lat - a.lat
                    let len2 = dx * dx + dy * dy
                    let t = len2 == 0 ? 0 : max(0, min(1, -(ax * dx + ay * dy) / len2))
                    let q = LonLat(lon: a.lon + t * (c.lon - a.lon), lat: a.lat + t * (c.lat - a.lat))
                    let x = ax + t * dx, y = ay + t * dy
                    estimates.append((b.id, q, (x * x + y * y).squareRoot() * 111.2))
                }
            }
        }
        let least = estimates.map(\.2).min()!
        for (id, q, e) in estimates where least > 900 || e <= least * 1.5 + 50 {
            let km = Geodesic.wgs84.inverse(lon1: p.lon, lat1: p.lat, lon2: q.lon, lat2: q.lat).distance / 1000
            if km < best.km { best = (id, km) }
        }
        return best
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
}
