@testable import Pipeline
import Geometry
import XCTest

/// The per-chunk memo of a point's facts: one lookup per distinct point where points repeat, and
/// none kept where they do not.
final class PointMemoTests: XCTestCase {
    func facts(_ name: String) -> PointFacts {
        PointFacts(country: name, province: nil, district: nil, border: nil, covered: true)
    }

    func testRepeatedPointsAreLookedUpOnce() {
        var memo = PointMemo()
        var made = 0
        let towns = (0..<50).map { LonLat(lon: 60 + Double($0) / 7, lat: 27 + Double($0) / 13) }
        for i in 0..<4_096 {
            let p = towns[i % towns.count]
            let f = memo.facts(at: p) { made += 1; return facts("\(p.lon),\(p.lat)") }
            XCTAssertEqual(f.country, "\(p.lon),\(p.lat)", "the facts of its own point")
        }
        XCTAssertEqual(made, towns.count)
        // -0.0 and 0.0 are equal as numbers but not the same coordinates bit for bit: both are looked up.
        _ = memo.facts(at: LonLat(lon: 0, lat: 0)) { made += 1; return facts("a") }
        _ = memo.facts(at: LonLat(lon: -0.0, lat: 0)) { made += 1; return facts("b") }
        XCTAssertEqual(made, towns.count + 2)
    }

    func testDistinctPointsStopBeingKept() {
        var memo = PointMemo()
        var made = 0
        for i in 0..<2_000 {
            _ = memo.facts(at: LonLat(lon: Double(i) / 1_000, lat: 10)) { made += 1; return facts("x") }
        }
        // After 512 distinct points the memo is off: a point seen again is looked up again.
        _ = memo.facts(at: LonLat(lon: 0, lat: 10)) { made += 1; return facts("x") }
        XCTAssertEqual(made, 2_001)
    }
}
