import Foundation
import Gazetteer
import Geometry
import Projection
import XCTest

/// Where data ends, the tool says so: no country, no province and no border distance it cannot
/// measure, never a plausible wrong figure. The bundled data covers the world (see `WorldTests`);
/// a regional build declares its box, and near its edge a border beyond it could be nearer.
final class CoverageTests: ScratchTestCase {
    func testTheMarginToTheCoverageEdgeNeverExceedsTheGeodesicDistance() throws {
        // The bundled data covers the world; a regional build (sources.json with a "coverage" box) has an edge.
        XCTAssertEqual(try Gazetteer.load().coverage, Gazetteer.world)
        XCTAssertEqual(try Gazetteer.load().coverageMarginKm(LonLat(lon: 30.52, lat: 50.45)), .infinity)
        let gz = Gazetteer(places: [], countries: [], provinces: [], borders: [], coverage: BoundingBox(minX: 40, minY: 12, maxX: 80, maxY: 42))
        let c = gz.coverage
        for p in [LonLat(lon: 62.3, lat: 27.3), LonLat(lon: 40.5, lat: 15.5), LonLat(lon: 79.9, lat: 41.9), LonLat(lon: 60, lat: 13)] {
            let margin = gz.coverageMarginKm(p)
            // The true distance to each edge, by sampling the edge densely with PROJ's geodesic.
            var nearest = Double.infinity
            for k in 0...2000 {
                let t = Double(k) / 2000
                for q in [LonLat(lon: c.minX + t * c.width, lat: c.minY), LonLat(lon: c.minX + t * c.width, lat: c.maxY),
                          LonLat(lon: c.minX, lat: c.minY + t * c.height), LonLat(lon: c.maxX, lat: c.minY + t * c.height)] {
                    nearest = min(nearest, Geodesic.wgs84.inverse(lon1: p.lon, lat1: p.lat, lon2: q.lon, lat2: q.lat).distance / 1000)
                }
            }
            XCTAssertLessThanOrEqual(margin, nearest, "\(p)")
            XCTAssertGreaterThan(margin, nearest * 0.97, "\(p): the bound should be tight")
        }
        XCTAssertEqual(gz.coverageMarginKm(LonLat(lon: 30.52, lat: 50.45)), 0)
        XCTAssertFalse(gz.covers(LonLat(lon: 30.52, lat: 50.45)))
    }
}
