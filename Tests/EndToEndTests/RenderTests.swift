import Foundation
import Gazetteer
import Geometry
import Projection
import XCTest

/// The January 2024 example, end to end through the built binary and the real GIS tools.
final class RenderTests: XCTestCase {
    var tmp: URL!
    let exampleIDs: Set<String> = ["2024-01-16-sabz-koh", "2024-01-18-saravan-strike", "2024-01-27-saravan-shooting"]
    /// The country each example incident happened in.
    let expectedCountry = ["2024-01-16-sabz-koh": "PK", "2024-01-18-saravan-strike": "IR", "2024-01-27-saravan-shooting": "IR"]

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: tmp)
    }

    func renderExample(_ extra: [String] = [], to name: String = "out") throws -> URL {
        let dir = tmp.appendingPathComponent(name)
        let r = try incidentmap(["render", "--svg", "--geojson", "-o", dir.path] + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        return dir
    }

    func testSVGIsWellFormedRendersAndKeepsTheContract() throws {
        let dir = try renderExample()
        let svg = dir.appendingPathComponent("map.svg")
        XCTAssertEqual(try runTool("xmllint", ["--noout", svg.path]).status, 0)
        let png = tmp.appendingPathComponent("map.png")
        let r = try runTool("rsvg-convert", ["-o", png.path, svg.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertGreaterThan(try Data(contentsOf: png).count, 20_000)

        let doc = SVGDocument(try Data(contentsOf: svg))
        XCTAssertTrue(doc.parsed)
        XCTAssertEqual(doc.root.name, "svg")
        XCTAssertNotNil(doc.root.attributes["viewBox"])
        XCTAssertEqual(doc.root.attributes["role"], "img")
        XCTAssertTrue(doc.rootChildren.contains { $0.name == "title" && $0.text.contains("January 2024") })
        XCTAssertTrue(doc.rootChildren.contains { $0.name == "desc" && $0.text.contains("Sabz Koh") })
        let borderGroups = doc.elements.filter { $0.name == "g" && ($0.attributes["id"] ?? "").hasSuffix("layer-border") }
        XCTAssertEqual(borderGroups.count, 1)
        let borderPaths = doc.descendants(ofID: borderGroups[0].attributes["id"]!).filter { $0.name == "path" && $0.attributes["data-border-id"] == "IR-PK" }
        XCTAssertEqual(borderPaths.count, 1)
        let incidentGroup = try XCTUnwrap(doc.elements.first { ($0.attributes["id"] ?? "").hasSuffix("layer-incidents") })
        let markers = doc.descendants(ofID: incidentGroup.attributes["id"]!).filter { $0.attributes["data-incident-id"] != nil }
        XCTAssertEqual(Set(markers.map { $0.attributes["data-incident-id"]! }), exampleIDs)
        for m in markers { XCTAssertNotNil(translate(m.attributes["transform"]), "marker without an anchor") }
        // Safe to embed: no script, no event handlers, no external references.
        for e in doc.elements {
            XCTAssertNotEqual(e.name, "script")
            XCTAssertFalse(e.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(e.name) has an event attribute")
            for (k, v) in e.attributes where k.hasSuffix("href") { XCTAssertTrue(v.hasPrefix("#"), "external reference \(v)") }
        }
        // Both countries are named on the map.
        let labels = doc.elements.filter { $0.name == "text" }.map(\.text)
        XCTAssertTrue(labels.contains("IRAN"))
        XCTAssertTrue(labels.contains("PAKISTAN"))
    }

    func testMarkersSitOnTheirIncidentsOnTheRightSideOfTheBorder() throws {
        for crs in [[], ["--crs", "EPSG:32641"]] {
            let dir = try renderExample(crs, to: "out\(crs.count)")
            let doc = SVGDocument(try Data(contentsOf: dir.appendingPathComponent("map.svg")))
            let meta = try XCTUnwrap(doc.elements.first { $0.name == "metadata" }?.text)
            let json = try JSONSerialization.jsonObject(with: Data(meta.utf8)) as! [String: Any]
            let mapCRS = try XCTUnwrap(json["crs"] as? String)
            let affine = try XCTUnwrap(json["affine"] as? [Double])
            let proj = try Projection(from: "EPSG:4326", to: mapCRS)
            func svg(_ lon: Double, _ lat: Double) throws -> (Double, Double) {
                let q = try proj.forward(lon, lat)
                return (affine[0] * q.x + affine[1] * q.y + affine[2], affine[3] * q.x + affine[4] * q.y + affine[5])
            }
            // Where the GeoJSON layer puts each incident.
            let layer = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("incidents.geojson"))) as! [String: Any]
            var points: [String: (Double, Double)] = [:]
            for f in layer["features"] as! [[String: Any]] {
                let c = (f["geometry"] as! [String: Any])["coordinates"] as! [Double]
                points[f["id"] as! String] = (c[0], c[1])
            }
            // The IR–PK border, projected with the same projection.
            let gz = try Gazetteer.load()
            let border = try XCTUnwrap(gz.borders.first { $0.id == "IR-PK" })
            let iran = try XCTUnwrap(gz.country(code: "IR"))
            let markers = doc.elements.filter { $0.name == "g" && $0.attributes["data-incident-id"] != nil }
            XCTAssertEqual(markers.count, 3)
            for m in markers {
                let id = m.attributes["data-incident-id"]!
                let (mx, my) = try XCTUnwrap(translate(m.attributes["transform"]))
                let (lon, lat) = try XCTUnwrap(points[id])
                let expected = try svg(lon, lat)
                XCTAssertEqual(mx, expected.0, accuracy: 0.5, "\(id) x")
                XCTAssertEqual(my, expected.1, accuracy: 0.5, "\(id) y")
                // The nearest border segment on the SVG, and which side of it Iran lies on.
                var best = (d: Double.infinity, a: (0.0, 0.0), b: (0.0, 0.0), la: LonLat(lon: 0, lat: 0), lb: LonLat(lon: 0, lat: 0))
                for line in border.lines {
                    for i in 1..<line.count {
                        let a = try svg(line[i - 1].lon, line[i - 1].lat), b = try svg(line[i].lon, line[i].lat)
                        let d = PlanarOps.segmentDistance2(XY(x: mx, y: my), XY(x: a.0, y: a.1), XY(x: b.0, y: b.1))
                        if d < best.d { best = (d, a, b, line[i - 1], line[i]) }
                    }
                }
                func side(_ x: Double, _ y: Double) -> Double {
                    (best.b.0 - best.a.0) * (y - best.a.1) - (best.b.1 - best.a.1) * (x - best.a.0)
                }
                // A point 2 km off the segment's middle, on the marker's side, in longitude/latitude.
                let mid = LonLat(lon: (best.la.lon + best.lb.lon) / 2, lat: (best.la.lat + best.lb.lat) / 2)
                let az = Geodesic.wgs84.inverse(lon1: best.la.lon, lat1: best.la.lat, lon2: best.lb.lon, lat2: best.lb.lat).initialAzimuth
                let left = Geodesic.wgs84.direct(lon: mid.lon, lat: mid.lat, azimuth: az - 90, distance: 2000)
                let l = try svg(left.lon, left.lat)
                let leftIsIran = iran.contains(LonLat(lon: left.lon, lat: left.lat))
                let markerOnLeft = (side(mx, my) > 0) == (side(l.0, l.1) > 0)
                let markerInIran = markerOnLeft == leftIsIran
                XCTAssertEqual(markerInIran ? "IR" : "PK", expectedCountry[id], "\(id) drawn on the wrong side of the border (\(crs))")
            }
        }
    }

    func testGeoJSONLayersLoadInGDALWithoutWarnings() throws {
        let dir = try renderExample()
        for name in ["incidents", "places", "border", "provinces", "countries"] {
            let file = dir.appendingPathComponent("\(name).geojson")
            let r = try runTool("ogrinfo", ["-al", "-so", file.path])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            XCTAssertFalse(r.stderr.lowercased().contains("warning"), "\(name): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("ERROR"), "\(name): \(r.stderr)")
            XCTAssertTrue(r.stdoutText.contains("Layer name: \(name)"), r.stdoutText)
        }
        let info = try runTool("ogrinfo", ["-al", "-so", dir.appendingPathComponent("incidents.geojson").path]).stdoutText
        XCTAssertTrue(info.contains("Feature Count: 3"))
        XCTAssertTrue(info.contains("Geometry: Point"))
        XCTAssertTrue(info.contains("border_distance_km: Real"))
        XCTAssertTrue(info.contains("claims: String(JSON)"))
        let border = try runTool("ogrinfo", ["-al", "-so", dir.appendingPathComponent("border.geojson").path]).stdoutText
        XCTAssertTrue(border.contains("Line String"), border)
        let geojson = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("incidents.geojson"))) as! [String: Any]
        XCTAssertNil(geojson["crs"])
        XCTAssertEqual((geojson["bbox"] as? [Double])?.count, 4)
        for f in geojson["features"] as! [[String: Any]] {
            let p = propertiesWithID(f)
            XCTAssertEqual(p["country"] as? String, expectedCountry[f["id"] as! String])
            XCTAssertEqual(p["nearest_border"] as? String, "IR-PK")
            XCTAssertNotNil(p["border_distance_km"] as? Double)
            XCTAssertFalse((p["claims"] as! [[String: Any]]).isEmpty)
            XCTAssertFalse((p["sources"] as! [[String: Any]]).isEmpty)
        }
    }

    /// The incidents layer leaves out what says nothing (null members, empty lists, the resolution
    /// of given coordinates), yet GDAL still finds every column, because it reads all features.
    func testIncidentsLayerOmitsEmptyMembersAndKeepsEveryColumn() throws {
        let csv = tmp.appendingPathComponent("mixed.csv")
        try """
        id,date,kind,latitude,longitude,place,country,actor,notes
        a1,2024-03-01,clash,48.0,37.8,,,,
        a2,2024-03-02,clash,15.6,32.5,,,,
        a3,2024-03-03,strike,,,Kharkiv,Ukraine,Russian forces,late in the file
        a4,2024-03-04,attack,13.5,42.5,,,,
        """.write(to: csv, atomically: true, encoding: .utf8)
        let dir = tmp.appendingPathComponent("mixed")
        let r = try incidentmap(["render", csv.path, "--geojson", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let file = dir.appendingPathComponent("incidents.geojson")
        let geojson = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        var byID: [String: [String: Any]] = [:]
        for f in geojson["features"] as! [[String: Any]] {
            let p = propertiesWithID(f)
            byID[p["id"] as! String] = p
            for (key, value) in p where value is NSNull {
                XCTAssertTrue(["country", "province", "district", "border_distance_km", "nearest_border"].contains(key), "\(key) is null in \(p["id"]!)")
            }
            for key in ["country", "province", "border_distance_km", "nearest_border", "input_line", "location_precision"] {
                XCTAssertNotNil(p[key], "\(key) missing in \(p["id"]!)")
            }
        }
        XCTAssertEqual(byID.count, 4)
        XCTAssertNil(byID["a1"]?["resolution"], "coordinates given: no resolution record")
        XCTAssertNil(byID["a1"]?["actor"])
        XCTAssertNil(byID["a1"]?["warnings"])
        XCTAssertNil(byID["a1"]?["place"], "no place given: no empty place")
        XCTAssertEqual(byID["a3"]?["place"] as? String, "Kharkiv")
        XCTAssertEqual((byID["a3"]?["resolution"] as? [String: Any])?["gazetteer_id"] as? String, "geonames:706483")
        XCTAssertNil(byID["a3"]?["input"], "one input: named once, in the collection's inputs")
        XCTAssertEqual(byID["a3"]?["input_line"] as? Int, 4)
        XCTAssertEqual(geojson["inputs"] as? [String], [csv.path])
        XCTAssertEqual(byID["a3"]?["actor"] as? String, "Russian forces")
        XCTAssertEqual(byID["a4"]?["country"] as? String, nil, "13.5N 42.5E is in the Red Sea")
        XCTAssertTrue(byID["a4"]?["country"] is NSNull)
        let info = try runTool("ogrinfo", ["-al", "-so", file.path])
        XCTAssertEqual(info.status, 0, info.stderr)
        for field in ["actor: String", "notes: String", "resolution: String(JSON)", "country: String", "province: String", "place: String"] {
            XCTAssertTrue(info.stdoutText.contains(field), "ogrinfo lists \(field):\n\(info.stdoutText)")
        }
        let a3 = try runTool("ogrinfo", ["-al", "-where", "id = 'a3'", file.path]).stdoutText
        XCTAssertTrue(a3.contains("notes (String) = late in the file"), a3)
    }

    /// A resolution record leaves out what the feature or the record already says (the query that
    /// is the place, a context naming the entry's own country and province, a matched name that
    /// is the query, an entry name that is the matched name, a source the id names, a point's
    /// precision) and keeps each where it says something else. Several inputs: each feature names
    /// its own.
    func testResolutionRecordKeepsOnlyWhatDiffers() throws {
        let csv = tmp.appendingPathComponent("names.csv")
        try """
        id,date,kind,place,country,admin1
        b1,2024-03-01,strike,Kharkiv,Ukraine,
        b2,2024-03-02,strike,Kharkov,Ukraine,
        b3,2024-03-03,strike,Panjgur,Pakistan,Sindh
        b4,2024-03-04,strike,near Kherson,UA,Kherson Oblast
        """.write(to: csv, atomically: true, encoding: .utf8)
        let second = tmp.appendingPathComponent("more.csv")
        try "id,date,kind,latitude,longitude\nc1,2024-03-05,clash,31.34,34.31\n".write(to: second, atomically: true, encoding: .utf8)
        let dir = tmp.appendingPathComponent("names")
        let r = try incidentmap(["render", csv.path, second.path, "--geojson", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let file = dir.appendingPathComponent("incidents.geojson")
        let geojson = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        XCTAssertEqual(geojson["inputs"] as? [String], [csv.path, second.path])
        var byID: [String: [String: Any]] = [:]
        var record: [String: [String: Any]] = [:]
        for f in geojson["features"] as! [[String: Any]] {
            let p = propertiesWithID(f)
            byID[p["id"] as! String] = p
            record[p["id"] as! String] = p["resolution"] as? [String: Any]
        }
        XCTAssertEqual(byID["b3"]?["input"] as? String, csv.path)
        XCTAssertEqual(byID["b3"]?["input_line"] as? Int, 4)
        XCTAssertEqual(byID["c1"]?["input"] as? String, second.path)
        XCTAssertEqual(byID["c1"]?["input_line"] as? Int, 2)
        // The place as written, the name the gazetteer keeps.
        let b1 = try XCTUnwrap(record["b1"])
        XCTAssertEqual(Set(b1.keys), ["match", "gazetteer_id", "candidates"], "\(b1)")
        XCTAssertEqual(b1["gazetteer_id"] as? String, "geonames:706483")
        // A spelling the gazetteer holds as an alternate: the name matched and the entry's name.
        let b2 = try XCTUnwrap(record["b2"])
        XCTAssertEqual(b2["gazetteer_id"] as? String, "geonames:706483")
        XCTAssertEqual(b2["gazetteer_name"] as? String, "Kharkiv")
        XCTAssertNotNil(b2["matched"], "\(b2)")
        XCTAssertNil(b2["context"], "Ukraine is Kharkiv's country")
        // A province that is not the place's: the context stays, to show what the row said.
        XCTAssertEqual(record["b3"]?["context"] as? [String], ["Sindh", "Pakistan"])
        XCTAssertEqual(byID["b3"]?["province"] as? String, "PK-BA")
        // "near": the matched name differs from the query; a country code and a province name that agree.
        let b4 = try XCTUnwrap(record["b4"])
        XCTAssertEqual(b4["matched"] as? String, "Kherson")
        XCTAssertEqual(b4["near"] as? Bool, true)
        XCTAssertNil(b4["context"], "\(b4)")
        XCTAssertNil(byID["c1"]?["resolution"])
    }

    func testOptionalUncertaintyAndStrikeLayers() throws {
        let dir = tmp.appendingPathComponent("opt")
        let r = try incidentmap(["render", "--geojson", "--uncertainty", "--strikes", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in ["uncertainty", "strikes"] {
            let info = try runTool("ogrinfo", ["-al", "-so", dir.appendingPathComponent("\(name).geojson").path])
            XCTAssertEqual(info.status, 0, info.stderr)
            XCTAssertFalse(info.stderr.lowercased().contains("warning"), info.stderr)
            XCTAssertTrue(info.stdoutText.contains("Feature Count: 2"), info.stdoutText)
        }
        let gz = try Gazetteer.load()
        let incidents = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("incidents.geojson"))) as! [String: Any]
        var points: [String: LonLat] = [:]
        for f in incidents["features"] as! [[String: Any]] {
            let c = (f["geometry"] as! [String: Any])["coordinates"] as! [Double]
            points[f["id"] as! String] = LonLat(lon: c[0], lat: c[1])
        }
        let data = try Data(contentsOf: dir.appendingPathComponent("uncertainty.geojson"))
        for f in try GeoJSONReader.features(from: data) {
            let id = try XCTUnwrap(f.string("incident_id"))
            let p = try XCTUnwrap(points[id])
            XCTAssertTrue(PointInPolygon.contains(f.geometry, p), "\(id)'s area does not hold its point")
            // The circle's edge is its radius away, geodesically.
            let edge = try XCTUnwrap(f.geometry.polygons.first?.exterior.first)
            let km = Geodesic.wgs84.inverse(lon1: p.lon, lat1: p.lat, lon2: edge.lon, lat2: edge.lat).distance / 1000
            XCTAssertEqual(km, try XCTUnwrap(f.number("radius_km")), accuracy: 0.001)
            _ = gz
        }
        let strikes = try GeoJSONReader.features(from: Data(contentsOf: dir.appendingPathComponent("strikes.geojson")))
        for f in strikes {
            let line = try XCTUnwrap(f.geometry.lines.first)
            XCTAssertEqual(line.last, points[f.string("incident_id")!], "a strike line ends at its target")
            XCTAssertEqual(Geodesic.wgs84.length(of: line.map { ($0.lon, $0.lat) }) / 1000, try XCTUnwrap(f.number("length_km")), accuracy: 0.2)
        }
    }

    func testBorderDistancesAgreeWithGeodOnTheBorderVertices() throws {
        // The nearest point of a border to an incident is at most as far as its nearest vertex (checked with geod),
        // and at least that minus half the longest segment.
        let dir = try renderExample()
        let layer = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("incidents.geojson"))) as! [String: Any]
        let gz = try Gazetteer.load()
        let border = try XCTUnwrap(gz.borders.first { $0.id == "IR-PK" })
        let vertices = border.lines.flatMap { $0 }
        for f in layer["features"] as! [[String: Any]] {
            let c = (f["geometry"] as! [String: Any])["coordinates"] as! [Double]
            let km = (f["properties"] as! [String: Any])["border_distance_km"] as! Double
            let input = vertices.map { "\(c[1]) \(c[0]) \($0.lat) \($0.lon)" }.joined(separator: "\n") + "\n"
            let out = try runTool("sh", ["-c", "geod +ellps=WGS84 -I +units=km -f %.6f <<'EOF'\n\(input)EOF"]).stdoutText
            let distances = out.split(separator: "\n").compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.flatMap { Double($0) } }
            XCTAssertEqual(distances.count, vertices.count)
            let nearestVertex = try XCTUnwrap(distances.min())
            XCTAssertLessThanOrEqual(km, nearestVertex + 0.05, "\(f["id"]!)")
            XCTAssertGreaterThan(km, nearestVertex - 15, "\(f["id"]!)")
        }
    }

    func testSameInputGivesByteIdenticalFilesAndMatchesTheSnapshots() throws {
        let a = try renderExample(to: "a/out"), b = try renderExample(to: "b/out")
        for name in ["map.svg", "incidents.geojson", "places.geojson", "border.geojson", "provinces.geojson", "countries.geojson"] {
            let da = try Data(contentsOf: a.appendingPathComponent(name)), db = try Data(contentsOf: b.appendingPathComponent(name))
            XCTAssertEqual(da, db, "\(name) differs between two runs")
            try assertSnapshot(da, named: "january-2024-\(name)")
        }
        XCTAssertLessThan(try Data(contentsOf: a.appendingPathComponent("map.svg")).count, 150_000)
    }

    func testSVGToStandardOutputWithoutArguments() throws {
        let r = try incidentmap(["render", "--svg"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdoutText.hasPrefix("<?xml"))
        XCTAssertTrue(SVGDocument(r.stdout).parsed)
    }

    func testACRSThatPROJRejectsFailsAndWritesNothing() throws {
        let existing = tmp.appendingPathComponent("map.svg")
        try Data("previous map".utf8).write(to: existing)
        let r = try incidentmap(["render", "--svg", "--crs", "EPSG:999999", "-o", existing.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("999999"), r.stderr)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "previous map")
        let fresh = tmp.appendingPathComponent("new.svg")
        XCTAssertNotEqual(try incidentmap(["render", "--svg", "--crs", "EPSG:999999", "-o", fresh.path]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh.path))
        let dir = tmp.appendingPathComponent("layers")
        XCTAssertNotEqual(try incidentmap(["render", "--geojson", "--crs", "+proj=nonsense", "-o", dir.path]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path))
        // No temporary files are left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted(), ["map.svg"])
    }

    func testBadInputNamesFileLineAndFieldAndKeepsTheOldOutput() throws {
        let input = tmp.appendingPathComponent("bad.yaml")
        try """
        incidents:
          - id: one
            date: 2024-02-30
            place: Saravan
          - id: two
            date: 2024-01-18
            place: Pishin
        """.write(to: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("map.svg")
        try Data("previous map".utf8).write(to: out)
        let r = try incidentmap(["render", input.path, "--svg", "-o", out.path])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.yaml:3: date:"), r.stderr)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "previous map")
        // With the date fixed, the ambiguous place is the error, with its candidates.
        try String(contentsOf: input, encoding: .utf8).replacingOccurrences(of: "2024-02-30", with: "2024-02-29").write(to: input, atomically: true, encoding: .utf8)
        let r2 = try incidentmap(["render", input.path, "--svg", "-o", out.path])
        XCTAssertEqual(r2.status, 65)
        XCTAssertTrue(r2.stderr.contains("bad.yaml:7: place:") && r2.stderr.contains("ambiguous") && r2.stderr.contains("IR") && r2.stderr.contains("PK"), r2.stderr)
        // --accept-best takes the best candidate and says so.
        let r3 = try incidentmap(["render", input.path, "--svg", "-o", out.path, "--accept-best"])
        XCTAssertEqual(r3.status, 0, r3.stderr)
        XCTAssertTrue(r3.stderr.contains("ambiguous"), r3.stderr)
    }

    func testOutputPathEqualToAnInputIsRefused() throws {
        let input = tmp.appendingPathComponent("in.yaml")
        try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/january-2024.yaml")).write(to: input)
        let before = try Data(contentsOf: input)
        let r = try incidentmap(["render", input.path, "--svg", "-o", input.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(try Data(contentsOf: input), before)
    }
}
