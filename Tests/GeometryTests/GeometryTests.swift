import Foundation
import Geometry
import XCTest

final class GeometryTests: XCTestCase {
    let square: Ring = [LonLat(lon: 0, lat: 0), LonLat(lon: 10, lat: 0), LonLat(lon: 10, lat: 10), LonLat(lon: 0, lat: 10), LonLat(lon: 0, lat: 0)]

    func testPointInPolygonWithHole() {
        let hole: Ring = [LonLat(lon: 4, lat: 4), LonLat(lon: 6, lat: 4), LonLat(lon: 6, lat: 6), LonLat(lon: 4, lat: 6), LonLat(lon: 4, lat: 4)]
        let poly = Polygon(exterior: square, holes: [hole])
        XCTAssertTrue(PointInPolygon.contains(poly, LonLat(lon: 2, lat: 2)))
        XCTAssertFalse(PointInPolygon.contains(poly, LonLat(lon: 5, lat: 5)))
        XCTAssertFalse(PointInPolygon.contains(poly, LonLat(lon: 11, lat: 5)))
    }

    func testReadsFeatureCollectionAndReportsPaths() throws {
        let good = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[62.3,27.4]},"properties":{"name":"Saravan","n":2,"ok":true}}]}"#
        let fs = try GeoJSONReader.features(from: Data(good.utf8))
        XCTAssertEqual(fs.count, 1)
        XCTAssertEqual(fs[0].geometry, .point(LonLat(lon: 62.3, lat: 27.4)))
        XCTAssertEqual(fs[0].string("name"), "Saravan")
        XCTAssertEqual(fs[0].properties["ok"], .bool(true))
        XCTAssertEqual(fs[0].properties["n"], .number(2))
        let bad = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[262.3,27.4]},"properties":{}}]}"#
        XCTAssertThrowsError(try GeoJSONReader.features(from: Data(bad.utf8))) { e in
            XCTAssertEqual((e as? GeoJSONError)?.path, "features[0].geometry.coordinates")
        }
    }

    func testClipRingToRectangle() {
        let ring = square.map { XY(x: $0.lon, y: $0.lat) }
        let clipped = PlanarOps.clip(ring: ring, to: BoundingBox(minX: 5, minY: -5, maxX: 15, maxY: 5))
        XCTAssertEqual(PlanarOps.area(clipped), 25, accuracy: 1e-9)
        XCTAssertEqual(clipped.first, clipped.last)
    }

    func testClipLineKeepsInsideParts() {
        let line = [XY(x: -5, y: 1), XY(x: 5, y: 1), XY(x: 5, y: 20), XY(x: 8, y: 2)]
        let parts = PlanarOps.clip(line: line, to: BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 10))
        XCTAssertEqual(parts.count, 2)
        XCTAssertEqual(parts[0].first, XY(x: 0, y: 1))
        XCTAssertEqual(parts[0].last, XY(x: 5, y: 10))
    }

    func testSimplifyKeepsEndsAndDropsNearlyStraightPoints() {
        // A tent with 0.01 of jitter: only the ends and the peak matter at a tolerance of 0.5.
        var pts: [XY] = []
        for i in 0...100 {
            let tent = Double(min(i, 100 - i)) / 10
            let jitter: Double = (i == 0 || i == 50 || i == 100) ? 0 : 0.01 * Double(i % 2)
            pts.append(XY(x: Double(i), y: tent + jitter))
        }
        let s = PlanarOps.simplify(pts, epsilon: 0.5)
        XCTAssertEqual(s, [XY(x: 0, y: 0), XY(x: 50, y: 5), XY(x: 100, y: 0)])
    }

    func testInteriorPointOfAConcaveRingIsInside() {
        // A U shape: its centroid falls in the gap, the interior point must not.
        let u = [XY(x: 0, y: 0), XY(x: 30, y: 0), XY(x: 30, y: 30), XY(x: 20, y: 30), XY(x: 20, y: 5), XY(x: 10, y: 5),
                 XY(x: 10, y: 30), XY(x: 0, y: 30), XY(x: 0, y: 0)]
        let (p, room) = try! XCTUnwrap(PlanarOps.interiorPoint(u))
        XCTAssertTrue(PlanarOps.contains(u, p))
        XCTAssertGreaterThan(room, 2)
    }
}

final class AntimeridianTests: XCTestCase {
    func testLineCrossingTheAntimeridianIsCutThere() {
        let line = [LonLat(lon: 179, lat: -17), LonLat(lon: -179, lat: -18)]
        guard case .multiLineString(let parts) = Antimeridian.split(.lineString(line)) else { return XCTFail("not split") }
        XCTAssertEqual(parts.count, 2)
        XCTAssertEqual(parts[0].last?.lon ?? 0, 180, accuracy: 1e-9)
        XCTAssertEqual(parts[1].first?.lon ?? 0, -180, accuracy: 1e-9)
        XCTAssertEqual(parts[0].last?.lat ?? 0, -17.5, accuracy: 1e-9)
        XCTAssertEqual(Antimeridian.split(.lineString([LonLat(lon: 60, lat: 27), LonLat(lon: 64, lat: 26)])),
                       .lineString([LonLat(lon: 60, lat: 27), LonLat(lon: 64, lat: 26)]))
    }

    func testPolygonCrossingTheAntimeridianBecomesTwo() {
        let ring = [LonLat(lon: 178, lat: -16), LonLat(lon: -178, lat: -16), LonLat(lon: -178, lat: -18), LonLat(lon: 178, lat: -18), LonLat(lon: 178, lat: -16)]
        guard case .multiPolygon(let ps) = Antimeridian.split(.polygon(Polygon(exterior: ring))) else { return XCTFail("not split") }
        XCTAssertEqual(ps.count, 2)
        for p in ps { for q in p.exterior { XCTAssertTrue(q.isValid) } }
    }

    func testAHoleGoesWithThePartThatHoldsItWhole() {
        let ring = [LonLat(lon: 170, lat: -10), LonLat(lon: -170, lat: -10), LonLat(lon: -170, lat: -20), LonLat(lon: 170, lat: -20), LonLat(lon: 170, lat: -10)]
        let west = [LonLat(lon: 174, lat: -14), LonLat(lon: 174, lat: -16), LonLat(lon: 176, lat: -16), LonLat(lon: 176, lat: -14), LonLat(lon: 174, lat: -14)]
        let east = [LonLat(lon: -176, lat: -12), LonLat(lon: -176, lat: -13), LonLat(lon: -175, lat: -13), LonLat(lon: -175, lat: -12), LonLat(lon: -176, lat: -12)]
        let across = [LonLat(lon: 179, lat: -17), LonLat(lon: 179, lat: -18), LonLat(lon: -179, lat: -18), LonLat(lon: -179, lat: -17), LonLat(lon: 179, lat: -17)]
        let parts = Antimeridian.split(polygon: Polygon(exterior: ring, holes: [west, east, across]))
        XCTAssertEqual(parts.count, 2)
        let eastern = parts.first { $0.exterior.allSatisfy { $0.lon >= 0 } }
        let western = parts.first { $0.exterior.allSatisfy { $0.lon <= 0 } }
        XCTAssertEqual(eastern?.holes, [west], "the hole at 174–176°E stays with the part at 170–180°E")
        XCTAssertEqual(western?.holes, [east], "the hole at 175–176°W stays with the part at 170–180°W; the one across 180° is dropped")
    }
}
