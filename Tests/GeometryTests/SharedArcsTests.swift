import Geometry
import XCTest

/// Shared edges are simplified once for every polygon that has them.
final class SharedArcsTests: XCTestCase {
    func ring(_ pts: [(Double, Double)]) -> Ring {
        (pts + [pts[0]]).map { LonLat(lon: $0.0, lat: $0.1) }
    }

    func area(_ r: Ring) -> Double {
        abs(PlanarOps.area(r.map { XY(x: $0.lon, y: $0.lat) }))
    }

    /// Two squares whose common edge wiggles by ±0.1 (less than the tolerance).
    let wiggle: [(Double, Double)] = [(10, 0), (10.1, 2), (9.9, 4), (10.1, 6), (9.9, 8), (10, 10)]

    func testANeighboursEdgeIsSimplifiedTheSameWayForBoth() {
        let left = Polygon(exterior: ring([(0, 0)] + wiggle + [(0, 10)]))
        // The right square runs along the same edge the other way.
        let right = Polygon(exterior: ring(Array(wiggle.reversed()) + [(20, 0), (20, 10)]))
        let out = SharedArcs.simplify([[left], [right]], epsilon: 0.5)
        XCTAssertEqual(out.count, 2)
        let a = out[0][0].exterior, b = out[1][0].exterior
        // The wiggle is gone from both, and both keep the same ends: the squares still tile 20 × 10.
        XCTAssertEqual(a.count, 5, "\(a)")
        XCTAssertEqual(b.count, 5, "\(b)")
        XCTAssertEqual(area(a) + area(b), 200, accuracy: 1e-9)
        XCTAssertTrue(a.contains(LonLat(lon: 10, lat: 0)) && a.contains(LonLat(lon: 10, lat: 10)))
        XCTAssertTrue(b.contains(LonLat(lon: 10, lat: 0)) && b.contains(LonLat(lon: 10, lat: 10)))
    }

    func testAnEdgeSharedOnlyInPartKeepsItsJunctions() {
        // The right polygon is shorter: it shares the lower half of the wiggle only.
        let left = Polygon(exterior: ring([(0, 0)] + wiggle + [(0, 10)]))
        let right = Polygon(exterior: ring([(9.9, 4), (10.1, 2), (10, 0), (20, 0), (20, 4)]))
        let out = SharedArcs.simplify([[left], [right]], epsilon: 0.5)
        // (9.9, 4) is where the two stop running together: both keep it.
        XCTAssertTrue(out[0][0].exterior.contains(LonLat(lon: 9.9, lat: 4)))
        XCTAssertTrue(out[1][0].exterior.contains(LonLat(lon: 9.9, lat: 4)))
        // Between (10, 0) and (9.9, 4) both now run straight, and the same way.
        XCTAssertFalse(out[0][0].exterior.contains(LonLat(lon: 10.1, lat: 2)))
        XCTAssertFalse(out[1][0].exterior.contains(LonLat(lon: 10.1, lat: 2)))
    }

    func testAnIslandKeepsItsShapeAndADegenerateRingIsDropped() {
        let island = Polygon(exterior: ring([(0, 0), (5, 0.05), (10, 0), (10, 10), (0, 10)]),
                             holes: [ring([(4, 4), (4.01, 4), (4, 4.01)])])
        let out = SharedArcs.simplify([[island]], epsilon: 0.5)
        XCTAssertEqual(out[0].count, 1)
        XCTAssertEqual(area(out[0][0].exterior), 100, accuracy: 1e-9)
        XCTAssertEqual(out[0][0].exterior.count, 5)
        // The tiny hole collapses below three vertices and is dropped, not left degenerate.
        XCTAssertEqual(out[0][0].holes.count, 0)
    }
}
