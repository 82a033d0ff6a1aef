import Foundation
import Geometry
import XCTest

/// Incidents given in GeoJSON as areas, lines or several points (a strike zone, a stretch of road,
/// the positions of ships) are placed on them, as the database input places them with
/// `ST_PointOnSurface`: inside the polygon, on the line, at the middle point. How far the geometry
/// reaches from there, by `geod`, is written beside the point and sets the precision.
final class AreaIncidentTests: ScratchTestCase {
    struct Case { var id: String; var geometry: String; var contains: (LonLat) -> Bool }

    /// The point half the length of the line through `pts` from its start (lengths in degrees).
    static func middle(_ pts: [(Double, Double)]) -> LonLat {
        let lengths = zip(pts, pts.dropFirst()).map { a, b in ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot() }
        var left = lengths.reduce(0, +) / 2
        for (i, l) in lengths.enumerated() {
            if left <= l {
                let t = left / l, a = pts[i], b = pts[i + 1]
                return LonLat(lon: a.0 + t * (b.0 - a.0), lat: a.1 + t * (b.1 - a.1))
            }
            left -= l
        }
        return LonLat(lon: pts.last!.0, lat: pts.last!.1)
    }

    /// Within a millionth of a degree (the layer's precision).
    static func near(_ p: LonLat, _ q: LonLat) -> Bool { abs(p.lon - q.lon) <= 1e-6 && abs(p.lat - q.lat) <= 1e-6 }

    func testAreasLinesAndPointSetsArePlacedOnThemWithTheirReach() throws {
        func ring(_ pts: [(Double, Double)]) -> Ring { pts.map { LonLat(lon: $0.0, lat: $0.1) } }
        func inside(_ pts: [(Double, Double)]) -> (LonLat) -> Bool { { PointInPolygon.contains(Polygon(exterior: ring(pts)), $0) } }
        // A crescent in Darfur whose middle is in its bay; a self-crossing "bow tie" near
        // Khartoum (placed in one of its two triangles); a road in Donetsk oblast; ships off
        // Yemen; a lagoon on both sides of the antimeridian in Fiji, split as RFC 7946 asks; a
        // compound in Gaza 200 m across; a point and a line in Syria.
        let cases = [
            Case(id: "crescent", geometry: #"{"type": "Polygon", "coordinates": [[[25.30, 13.55], [25.45, 13.55], [25.45, 13.70], [25.30, 13.70], [25.30, 13.66], [25.41, 13.66], [25.41, 13.59], [25.30, 13.59], [25.30, 13.55]]]}"#,
                 contains: inside([(25.30, 13.55), (25.45, 13.55), (25.45, 13.70), (25.30, 13.70), (25.30, 13.66), (25.41, 13.66), (25.41, 13.59), (25.30, 13.59)])),
            Case(id: "bowtie", geometry: #"{"type": "Polygon", "coordinates": [[[32.50, 15.50], [32.60, 15.60], [32.60, 15.50], [32.50, 15.60], [32.50, 15.50]]]}"#,
                 contains: { p in inside([(32.50, 15.50), (32.55, 15.55), (32.50, 15.60)])(p) || inside([(32.60, 15.50), (32.60, 15.60), (32.55, 15.55)])(p) }),
            // A line's middle, half its length from either end (a point on its surface would be a vertex).
            Case(id: "road", geometry: #"{"type": "LineString", "coordinates": [[37.75, 48.13], [37.80, 48.16], [37.90, 48.20]]}"#,
                 contains: { Self.near($0, Self.middle([(37.75, 48.13), (37.80, 48.16), (37.90, 48.20)])) }),
            Case(id: "convoy", geometry: #"{"type": "LineString", "coordinates": [[25.0, 13.2], [25.2, 13.4]]}"#,
                 contains: { Self.near($0, LonLat(lon: 25.1, lat: 13.3)) }),
            Case(id: "ships", geometry: #"{"type": "MultiPoint", "coordinates": [[42.55, 15.10], [42.70, 15.30], [42.60, 15.20]]}"#,
                 contains: { $0 == LonLat(lon: 42.60, lat: 15.20) }),
            Case(id: "fiji", geometry: #"{"type": "MultiPolygon", "coordinates": [[[[179.8, -16.9], [180.0, -16.9], [180.0, -16.7], [179.8, -16.7], [179.8, -16.9]]], [[[-180.0, -16.9], [-179.9, -16.9], [-179.9, -16.7], [-180.0, -16.7], [-180.0, -16.9]]]]}"#,
                 contains: { p in inside([(179.8, -16.9), (180.0, -16.9), (180.0, -16.7), (179.8, -16.7)])(p) || inside([(-180.0, -16.9), (-179.9, -16.9), (-179.9, -16.7), (-180.0, -16.7)])(p) }),
            // The same lagoon as one ring across the antimeridian, as exports that do not split draw it.
            Case(id: "unsplit", geometry: #"{"type": "Polygon", "coordinates": [[[179.8, -16.9], [-179.9, -16.9], [-179.9, -16.7], [179.8, -16.7], [179.8, -16.9]]]}"#,
                 contains: { p in (p.lon >= 179.8 || p.lon <= -179.9) && p.lat > -16.9 && p.lat < -16.7 }),
            Case(id: "compound", geometry: #"{"type": "Polygon", "coordinates": [[[34.450, 31.500], [34.452, 31.500], [34.452, 31.502], [34.450, 31.502], [34.450, 31.500]]]}"#,
                 contains: inside([(34.450, 31.500), (34.452, 31.500), (34.452, 31.502), (34.450, 31.502)])),
            Case(id: "mixed", geometry: #"{"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [36.2, 33.5]}, {"type": "LineString", "coordinates": [[36.25, 33.45], [36.30, 33.50], [36.35, 33.55]]}]}"#,
                 contains: { $0 == LonLat(lon: 36.30, lat: 33.50) }),
        ]
        let features = cases.enumerated().map { k, c in
            #"{"type": "Feature", "properties": {"id": "\#(c.id)", "date": "2024-03-\#(k + 10)", "event_type": "Battles"}, "geometry": \#(c.geometry)}"#
        }
        let input = tmp.appendingPathComponent("areas.geojson")
        try ("{\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "\n]}\n").write(to: input, atomically: true, encoding: .utf8)
        let layers = tmp.appendingPathComponent("layers")
        let run = try incidentmap(["render", input.path, "--geojson", "-o", layers.path])
        XCTAssertEqual(run.status, 0, run.stderr)

        let layer = layers.appendingPathComponent("incidents.geojson")
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: layer)) as? [String: Any])
        let written = try XCTUnwrap(root["features"] as? [[String: Any]])
        XCTAssertEqual(written.count, cases.count)
        var points: [String: LonLat] = [:], reach: [String: Double] = [:], precision: [String: String] = [:]
        for f in written {
            let props = propertiesWithID(f)
            let id = try XCTUnwrap(props["id"] as? String)
            let c = try XCTUnwrap((f["geometry"] as? [String: Any])?["coordinates"] as? [Double])
            points[id] = LonLat(lon: c[0], lat: c[1])
            reach[id] = props["geometry_extent_km"] as? Double
            precision[id] = props["location_precision"] as? String
            XCTAssertEqual((f["geometry"] as? [String: Any])?["type"] as? String, "Point")
        }
        for c in cases {
            let p = try XCTUnwrap(points[c.id], c.id)
            XCTAssertTrue(c.contains(p), "\(c.id): \(p)")
        }
        XCTAssertFalse(cases[0].contains(LonLat(lon: 25.375, lat: 13.625)), "the crescent's middle is in its bay")

        // The reach: the farthest position by geod -I (lat1 lon1 lat2 lon2 → az1 az2 metres).
        var lines: [String] = [], owners: [String] = []
        for c in cases {
            let positions = try GeoJSONReader.parts(try JSONParser().parse(Data(c.geometry.utf8)), path: c.id).flatMap(\.positions)
            for q in positions {
                lines.append("\(points[c.id]!.lat) \(points[c.id]!.lon) \(q.lat) \(q.lon)")
                owners.append(c.id)
            }
        }
        let geodInput = tmp.appendingPathComponent("geod.txt")
        try (lines.joined(separator: "\n") + "\n").write(to: geodInput, atomically: true, encoding: .utf8)
        let geod = try runTool("geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.3f", geodInput.path])
        XCTAssertEqual(geod.status, 0, geod.stderr)
        let metres = geod.stdoutText.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }.last ?? -1 }
        XCTAssertEqual(metres.count, owners.count)
        var farthest: [String: Double] = [:]
        for (id, m) in zip(owners, metres) { farthest[id] = max(farthest[id] ?? 0, m / 1000) }
        for c in cases {
            let km = try XCTUnwrap(reach[c.id], c.id)
            XCTAssertEqual(km, ((farthest[c.id] ?? -1) * 10).rounded() / 10, accuracy: 0.051, c.id)
            let expected = km <= 1 ? "exact" : km <= 10 ? "near" : km <= 30 ? "district" : "province"
            XCTAssertEqual(precision[c.id], expected, c.id)
        }
        // Across the antimeridian the reach is that of a lagoon, not of the way round the world.
        XCTAssertLessThan(try XCTUnwrap(reach["fiji"]), 30)
        XCTAssertLessThan(try XCTUnwrap(reach["unsplit"]), 30)
        XCTAssertEqual(precision["compound"], "exact")

        // GDAL reads the layer as points; the map of them renders.
        let info = try runTool("ogrinfo", ["-al", "-so", layer.path])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdoutText.contains("Geometry: Point"), info.stdoutText)
        XCTAssertTrue(info.stdoutText.contains("Feature Count: \(cases.count)"), info.stdoutText)
        XCTAssertTrue(info.stdoutText.contains("geometry_extent_km: Real"), info.stdoutText)
        let map = tmp.appendingPathComponent("map.svg")
        let svg = try incidentmap(["render", input.path, "--svg", "-o", map.path])
        XCTAssertEqual(svg.status, 0, svg.stderr)
        let png = try runTool("rsvg-convert", ["-w", "800", "-o", tmp.appendingPathComponent("map.png").path, map.path])
        XCTAssertEqual(png.status, 0, png.stderr)
    }

    func testAGeometryThatPlacesNothingIsRefusedAndNothingIsWritten() throws {
        let input = tmp.appendingPathComponent("bad.geojson")
        try """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "a", "date": "2024-03-01"}, "geometry": {"type": "Polygon", "coordinates": [[[62.3, 27.3], [62.4, 27.3], [62.3, 27.3]]]}}
        ]}
        """.write(to: input, atomically: true, encoding: .utf8)
        let layers = tmp.appendingPathComponent("layers")
        let run = try incidentmap(["render", input.path, "--geojson", "-o", layers.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("bad.geojson:2: features[0].geometry: holds no position"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: layers.path))
    }
}
