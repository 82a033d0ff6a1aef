import Foundation
import Gazetteer
import Geometry
import Projection
import XCTest

/// Where the bundled data ends, the tool says so: no country, no province and no border
/// distance it cannot measure, never a plausible wrong figure.
final class CoverageTests: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: tmp)
    }

    func testTheMarginToTheCoverageEdgeNeverExceedsTheGeodesicDistance() throws {
        let gz = try Gazetteer.load()
        let c = gz.coverage
        XCTAssertNotEqual(c, Gazetteer.world, "the bundled data is regional; this test checks its edge")
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

    func testIncidentsBeyondTheDataHaveNoCountryNorBorderAndSaySo() throws {
        let csv = tmp.appendingPathComponent("world.csv")
        try """
        id,date,latitude,longitude,location,event_type
        kyiv,2024-03-01,50.45,30.52,Kyiv,Battles
        khartoum,2024-03-02,15.55,32.53,Khartoum,Battles
        saravan,2024-03-03,27.37,62.33,Saravan,Battles

        """.write(to: csv, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("out")
        let r = try incidentmap(["render", csv.path, "--svg", "--geojson", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("world.csv:2: warning: latitude: the point (50.45, 30.52) is outside the bundled data"), r.stderr)
        XCTAssertTrue(r.stderr.contains("world.csv:3: warning: latitude:"), r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("incidents.geojson"))) as! [String: Any]
        var byID: [String: [String: Any]] = [:]
        for f in json["features"] as! [[String: Any]] {
            let p = f["properties"] as! [String: Any]
            byID[p["id"] as! String] = p
        }
        for id in ["kyiv", "khartoum"] {
            XCTAssertTrue(byID[id]?["country"] is NSNull, id)
            XCTAssertTrue(byID[id]?["nearest_border"] is NSNull, id)
            XCTAssertTrue(byID[id]?["border_distance_km"] is NSNull, id)
        }
        XCTAssertEqual(byID["saravan"]?["country"] as? String, "IR")
        XCTAssertEqual(byID["saravan"]?["nearest_border"] as? String, "IR-PK")
        let svg = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("Outside the bundled data (40°E–80°E, 12°N–42°N): country and border not known."))
        XCTAssertTrue(svg.contains("The bundled data covers 40°E–80°E, 12°N–42°N only"))
        XCTAssertFalse(svg.contains("km from the GE-TR border"), "no border of the data's edge is offered as the nearest to Kyiv")
        XCTAssertTrue(svg.contains("km from the IR-PK border"), "the border of an incident well inside the data is still measured")
        // check warns the same way and still passes the file.
        let check = try incidentmap(["check", csv.path])
        XCTAssertEqual(check.status, 0)
        XCTAssertTrue(check.stdoutText.contains("2 warnings"), check.stdoutText)
    }

    func testAPointAtSeaInsideTheDataIsAtSea() throws {
        // The Gulf of Oman, well inside the data: no country, "at sea" in the key.
        let csv = tmp.appendingPathComponent("sea.csv")
        try "id,date,latitude,longitude,event_type\nship,2024-03-01,24.9,58.6,Attack\nland,2024-03-02,27.37,62.33,Attack\n".write(to: csv, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("sea")
        let r = try incidentmap(["render", csv.path, "--svg", "--geojson", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("outside the bundled data"), r.stderr)
        let svg = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("At sea (in no country's polygon)."))
    }
}
