import Foundation
import Gazetteer
import Geometry
import Projection
import XCTest

/// Incidents anywhere on Earth: country, nearest land border and its distance as computed
/// independently (shapely and pyproj on the same data, `Fixtures/world/expected.py`), at sea,
/// across the antimeridian and in the Arctic; and each marker drawn on its own country. Maps
/// near capitals name them.
final class WorldTests: ScratchTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/world")

    struct Expected: Decodable {
        var id: String, region: String, longitude: Double, latitude: Double
        var country: String?
        var nearest_border: String
        var border_distance_km: Double
    }

    func expected() throws -> [Expected] {
        try JSONDecoder().decode([Expected].self, from: Data(contentsOf: WorldTests.fixtures.appendingPathComponent("expected.json")))
    }

    func properties(_ layer: URL) throws -> [String: [String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: layer)) as! [String: Any]
        var byID: [String: [String: Any]] = [:]
        for f in json["features"] as! [[String: Any]] {
            let p = propertiesWithID(f)
            byID[p["id"] as! String] = p
        }
        return byID
    }

    func testCountryAndNearestLandBorderEverywhereAsComputedIndependently() throws {
        let all = try expected()
        XCTAssertGreaterThanOrEqual(Set(all.map(\.region)).count, 12)
        XCTAssertGreaterThanOrEqual(all.filter { $0.country == nil }.count, 2, "two points at sea")
        let out = tmp.appendingPathComponent("layers")
        let r = try incidentmap(["render", WorldTests.fixtures.appendingPathComponent("points.csv").path,
                                 "--geojson", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("outside the bundled data"), r.stderr)
        let byID = try properties(out.appendingPathComponent("incidents.geojson"))
        for e in all {
            let p = try XCTUnwrap(byID[e.id], e.id)
            XCTAssertEqual(p["country"] as? String, e.country, "\(e.id) (\(e.region))")
            if e.country == nil { XCTAssertTrue(p["country"] is NSNull, e.id) }
            // A disputed stretch's id is its pair and its class ("IL-PS.disputed"): the pair is what is computed independently.
            XCTAssertEqual((p["nearest_border"] as? String)?.split(separator: ".").first.map(String.init), e.nearest_border, e.id)
            let km = try XCTUnwrap(p["border_distance_km"] as? Double, e.id)
            XCTAssertEqual(km, e.border_distance_km, accuracy: max(0.3, e.border_distance_km * 0.002), e.id)
        }
    }

    func testEachRegionsMapDrawsItsMarkersOnTheirCountriesAndSaysAtSea() throws {
        let all = try expected()
        for region in Set(all.map(\.region)).sorted() {
            let rows = all.filter { $0.region == region }
            var csv = "id,date,latitude,longitude,event_type\n"
            for e in rows { csv += "\(e.id),2024-03-01,\(e.latitude),\(e.longitude),Battles\n" }
            let file = tmp.appendingPathComponent("region.csv")
            try csv.write(to: file, atomically: true, encoding: .utf8)
            let svgURL = tmp.appendingPathComponent("region.svg")
            let r = try incidentmap(["render", file.path, "--svg", "-o", svgURL.path])
            XCTAssertEqual(r.status, 0, "\(region): \(r.stderr)")
            let svgText = try String(contentsOf: svgURL, encoding: .utf8)
            let doc = SVGDocument(try Data(contentsOf: svgURL))
            XCTAssertTrue(doc.parsed, region)
            for e in rows {
                let marker = try XCTUnwrap(doc.elements.first { $0.attributes["data-incident-id"] == e.id }, "\(region): marker \(e.id)")
                let at = try XCTUnwrap(WorldTests.translation(marker.attributes["transform"]), e.id)
                let holders = doc.elements.filter { $0.name == "path" && $0.attributes["data-country"] != nil }
                    .filter { WorldTests.pathContains($0.attributes["d"] ?? "", at) }.compactMap { $0.attributes["data-country"] }
                if let c = e.country {
                    XCTAssertTrue(holders.contains(c), "\(region): \(e.id) is drawn on \(holders), not on \(c)")
                } else {
                    XCTAssertEqual(holders, [], "\(region): \(e.id) is at sea but drawn on \(holders)")
                    XCTAssertTrue(svgText.contains("At sea (in no country's polygon).") || svgText.range(of: #"At sea, [0-9.]+ km off "#, options: .regularExpression) != nil, region)
                }
            }
            XCTAssertFalse(svgText.contains("Outside the bundled data"), region)
        }
    }

    /// Incidents at sea lie in none of the countries on the map: Houthi attacks on shipping and
    /// strikes on Yemen are "Incidents in Yemen and at sea", not "in Yemen"; shipping alone is
    /// "Incidents at sea"; the detailed, the aggregated and the translated maps say so alike.
    func testAMapWithIncidentsAtSeaSaysSoInItsTitleAndSubtitle() throws {
        let sea = [("rs1", 14.10, 42.05), ("rs2", 14.82, 41.85), ("rs3", 12.50, 46.50)]
        let land = [("sanaa", 15.35, 44.21), ("taiz", 13.58, 44.02)]
        func svg(_ rows: [(String, Double, Double)], _ options: [String] = [], name: String) throws -> String {
            var csv = "id,date,latitude,longitude,event_type\n"
            for (id, lat, lon) in rows { csv += "\(id),2024-03-01,\(lat),\(lon),Explosions/Remote violence\n" }
            let out = try render(csv: csv, ["--svg"] + options, to: name + ".svg")
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent(name + ".png").path, out.path]).status, 0)
            return try String(contentsOf: out, encoding: .utf8)
        }
        let mixed = try svg(sea + land, name: "mixed")
        XCTAssertTrue(mixed.contains(">Incidents in Yemen and at sea<"), "title")
        XCTAssertTrue(mixed.contains("5 incidents in Yemen and at sea"), "subtitle")
        XCTAssertFalse(mixed.contains("5 incidents in Yemen ·"))
        let shipping = try svg(sea, name: "shipping")
        XCTAssertTrue(shipping.contains(">Incidents at sea<"))
        XCTAssertTrue(shipping.contains("3 incidents at sea"))
        let onLand = try svg(land, name: "land")
        XCTAssertTrue(onLand.contains(">Incidents in Yemen<"))
        XCTAssertFalse(onLand.contains("at sea"))
        XCTAssertTrue(try svg(sea + land, ["--aggregate", "cells"], name: "cells").contains(">Incidents in Yemen and at sea<"))
        XCTAssertTrue(try svg(sea + land, ["--lang", "fr"], name: "fr").contains("Incidents\u{00A0}: Yémen et en mer"))
    }

    /// A point at sea is told how far off which land it lies, within 500 km: the distance to the
    /// nearest country's outline (coasts and islands), geodesic, as geod finds it from the
    /// outline's vertices; beyond that, only that it is at sea. Near the antimeridian too.
    func testAnIncidentAtSeaIsToldHowFarOffWhichLand() throws {
        for (name, lat, lon, land) in [("red-sea", 14.10, 42.05, "Eritrea"), ("fiji", -17.3, 179.95, "Fiji"), ("pacific", -30.0, -135.0, nil)] as [(String, Double, Double, String?)] {
            let out = try render(csv: "id,date,latitude,longitude,event_type\n\(name),2024-03-01,\(lat),\(lon),Explosions/Remote violence\n",
                                 ["--svg", "--geojson"], to: name)
            let svg = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent(name + ".png").path, out.appendingPathComponent("map.svg").path]).status, 0)
            guard let land else {
                XCTAssertTrue(svg.contains("At sea (in no country's polygon)."), "\(name): no land within 500 km")
                XCTAssertFalse(svg.contains(" km off "), name)
                continue
            }
            guard let r = svg.range(of: #"At sea, [0-9.]+ km off [A-Za-z ]+\."#, options: .regularExpression) else { return XCTFail("\(name): no distance off the land") }
            let sentence = String(svg[r])
            XCTAssertTrue(sentence.hasSuffix(" km off \(land)."), sentence)
            let km = try XCTUnwrap(Double(sentence.dropFirst("At sea, ".count).prefix { $0 != " " }))
            // The nearest vertex of that country's outline in the countries layer, by geod.
            let countries = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("countries.geojson"))) as! [String: Any]
            var vertices: [[Double]] = []
            for f in countries["features"] as! [[String: Any]] where (f["properties"] as? [String: Any])?["name"] as? String == land {
                let g = f["geometry"] as! [String: Any]
                let polygons = g["type"] as? String == "Polygon" ? [g["coordinates"] as! [[[Double]]]] : g["coordinates"] as! [[[[Double]]]]
                vertices += polygons.flatMap { $0.flatMap { $0 } }
            }
            XCTAssertFalse(vertices.isEmpty, "\(name): \(land) in the countries layer")
            let input = vertices.map { "\(lat) \(lon) \($0[1]) \($0[0])" }.joined(separator: "\n")
            let geod = try runTool("/bin/sh", ["-c", "printf '%s\\n' \"$0\" | geod +ellps=WGS84 -I +units=km -f %.3f", input])
            let nearestVertex = geod.stdoutText.split(separator: "\n").compactMap { $0.split(separator: "\t").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }.min() ?? .infinity
            XCTAssertLessThanOrEqual(km, nearestVertex + 0.5, "\(name): \(sentence)")
            XCTAssertGreaterThan(km, nearestVertex - 15, "\(name): \(sentence)")
        }
    }

    func testTheGalleryExamplesPlaceEveryIncidentWhereTheReportsDo() throws {
        let gallery = repositoryRoot.appendingPathComponent("Examples/gallery")
        for (file, country) in [("red-sea-2024.yaml", nil), ("ukraine-2023-2024.yaml", "UA"), ("darfur-2023-2025.yaml", "SD")] as [(String, String?)] {
            let out = tmp.appendingPathComponent(file)
            let r = try incidentmap(["render", gallery.appendingPathComponent(file).path, "--svg", "--geojson", "-o", out.path])
            XCTAssertEqual(r.status, 0, "\(file): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("warning"), "\(file): \(r.stderr)")
            let byID = try properties(out.appendingPathComponent("incidents.geojson"))
            XCTAssertGreaterThanOrEqual(byID.count, 4, file)
            for (id, p) in byID {
                if let country { XCTAssertEqual(p["country"] as? String, country, "\(file): \(id)") } else { XCTAssertTrue(p["country"] is NSNull, "\(file): \(id) is at sea") }
            }
            let svg = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
            XCTAssertEqual(try runTool("rsvg-convert", ["-w", "400", "-o", out.appendingPathComponent("map.png").path, out.appendingPathComponent("map.svg").path]).status, 0)
            if country == nil { XCTAssertTrue(svg.contains("At sea, ") && svg.contains(" km off Yemen."), file) }
        }
    }

    func testIncidentsOverAHemisphereGetAWorldMapWithoutProvinces() throws {
        let svgURL = tmp.appendingPathComponent("world.svg")
        let r = try incidentmap(["render", WorldTests.fixtures.appendingPathComponent("points.csv").path, "--svg", "-o", svgURL.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let svg = try String(contentsOf: svgURL, encoding: .utf8)
        XCTAssertTrue(svg.contains("+proj=eqearth"), "the georeference records the world projection")
        XCTAssertTrue(svg.contains("Projection: Equal Earth centred on"), "the attribution names the projection drawn")
        XCTAssertFalse(svg.contains("data-province="), "no province boundaries on a world map")
        XCTAssertFalse(svg.contains("Province boundary"), "nor in its legend")
        XCTAssertFalse(svg.contains("id=\"im-inset\""), "a world map needs no locator")
        // Every marker lies inside the frame: nothing smeared off the map across the cut meridian.
        let doc = SVGDocument(try Data(contentsOf: svgURL))
        let frame = try XCTUnwrap(doc.elements.first { $0.attributes["class"] == "im-frame" })
        let x0 = Double(frame.attributes["x"] ?? "") ?? 0, y0 = Double(frame.attributes["y"] ?? "") ?? 0
        let w = Double(frame.attributes["width"] ?? "") ?? 0, h = Double(frame.attributes["height"] ?? "") ?? 0
        let markers = doc.descendants(ofID: "im-layer-incidents").filter { $0.name == "g" }
        XCTAssertEqual(markers.map { Int($0.attributes["data-count"] ?? "1") ?? 0 }.reduce(0, +), 22, "every incident is on the map")
        for m in markers {
            let at = try XCTUnwrap(WorldTests.translation(m.attributes["transform"]))
            XCTAssertTrue(at.x >= x0 && at.x <= x0 + w && at.y >= y0 && at.y <= y0 + h, "\(m.attributes["data-incident-id"] ?? m.attributes["data-incident-ids"] ?? ""): \(at)")
        }
        // A regional map keeps them.
        let ukraine = tmp.appendingPathComponent("ukraine.svg")
        XCTAssertEqual(try incidentmap(["render", repositoryRoot.appendingPathComponent("Examples/gallery/ukraine-2023-2024.yaml").path, "--svg", "-o", ukraine.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: ukraine, encoding: .utf8).contains("data-province="))
    }

    func testAWorldMapOfIncidentsOverTheGlobeFillsItsFrame() throws {
        // 300 incidents spread over the sphere (a fixed lattice of equal-area rows): the land drawn
        // spans most of the frame's width, at several sizes (a margin of 30 % of the data's span, as
        // regional maps take, had drawn the world across two fifths of it).
        var csv = "id,date,kind,latitude,longitude\n"
        for i in 0..<300 {
            let lat = asin(-0.95 + 1.9 * (Double(i) + 0.5) / 300) * 180 / .pi, lon = -179.5 + Double(i * 137 % 360)
            csv += "g\(i),2024-01-\(1 + i % 28),armed clash,\(lat),\(lon)\n"
        }
        for width in ["1000", "600"] {
            let svgURL = try render(csv: csv, ["--svg", "--width", width], to: "globe-\(width).svg")
            let doc = SVGDocument(try Data(contentsOf: svgURL))
            let frame = try XCTUnwrap(doc.elements.first { $0.attributes["class"] == "im-frame" })
            let w = try XCTUnwrap(Double(frame.attributes["width"] ?? ""))
            // Every x coordinate of the countries' paths (numbers in x,y pairs after M and L).
            var xs: [Double] = []
            for path in doc.descendants(ofID: "im-layer-countries") where path.name == "path" {
                let numbers = (path.attributes["d"] ?? "").split { "MLZ ,".contains($0) }.compactMap { Double($0) }
                xs += stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            }
            let span = (xs.max() ?? 0) - (xs.min() ?? 0)
            XCTAssertGreaterThan(span, 0.8 * w, "width \(width): the land spans \(span) of \(w) px")
            // No one border is what incidents in dozens of countries are about: the credits name no
            // border's length (they had named the first pair of countries with incidents).
            XCTAssertFalse(try String(contentsOf: svgURL, encoding: .utf8).contains("border as drawn"), "width \(width)")
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", svgURL.path + ".png", svgURL.path]).status, 0)
        }
    }

    /// (x, y) of `translate(x,y)`.
    static func translation(_ t: String?) -> XY? {
        guard let t, let open = t.firstIndex(of: "("), let close = t.firstIndex(of: ")") else { return nil }
        let parts = t[t.index(after: open)..<close].split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        return parts.count == 2 ? XY(x: parts[0], y: parts[1]) : nil
    }

    /// Even–odd point in the rings of an SVG path made of M, L and Z (as the map writes them).
    static func pathContains(_ d: String, _ p: XY) -> Bool {
        var rings: [[XY]] = [], ring: [XY] = []
        var number = "", command: Character = "M", pending: [Double] = []
        func flushNumber() {
            if let v = Double(number) { pending.append(v) }
            number = ""
            if pending.count == 2 {
                if command == "M", !ring.isEmpty { rings.append(ring); ring = [] }
                ring.append(XY(x: pending[0], y: pending[1]))
                pending = []
                command = "L"
            }
        }
        for ch in d {
            switch ch {
            case "M", "L", "Z":
                flushNumber()
                if ch == "Z" { if !ring.isEmpty { rings.append(ring); ring = [] } } else { command = ch }
            case ",", " ": flushNumber()
            case "-": flushNumber(); number = "-"
            default: number.append(ch)
            }
        }
        flushNumber()
        if !ring.isEmpty { rings.append(ring) }
        // Even–odd over all rings: inside an odd number of them.
        return rings.filter { $0.count > 2 && PlanarOps.contains($0, p) }.count % 2 == 1
    }

    // MARK: - Capitals: a map of incidents near a capital names it, first of the towns, with its
    // own symbol (class `capital`) and a legend row; a map with no capital in its frame has neither.

    /// Renders incidents at `points` (lat, lon) and returns the parsed SVG.
    func renderSVG(_ points: [(Double, Double)]) throws -> SVGDocument {
        var csv = "id,date,latitude,longitude,event_type\n"
        for (i, p) in points.enumerated() { csv += "c\(i + 1),2024-03-0\(i + 1),\(p.0),\(p.1),Battles\n" }
        let input = tmp.appendingPathComponent("capital.csv"), output = tmp.appendingPathComponent("capital.svg")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let r = try incidentmap(["render", input.path, "--svg", "-o", output.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = SVGDocument(try Data(contentsOf: output))
        XCTAssertTrue(doc.parsed)
        return doc
    }

    func classList(_ e: SVGDocument.Element) -> Set<Substring> { Set((e.attributes["class"] ?? "").split(separator: " ")) }

    func legendTexts(_ doc: SVGDocument) -> [String] {
        doc.descendants(ofID: "im-layer-legend").filter { classList($0).contains("im-legend-text") }.map(\.text)
    }

    /// (capital, incidents around it, a bigger or nearby town of the frame that is not a capital).
    static let capitals: [(capital: String, points: [(Double, Double)], town: String)] = [
        // Taxila, Murree and Kallar Syedan: Rawalpindi (pop. 1.7 million) is Islamabad's twin city.
        ("Islamabad", [(33.80, 72.85), (33.90, 73.39), (33.45, 73.20)], "Rawalpindi"),
        // Paghman, Char Asiab, Deh Sabz and Jalalabad's road: Peshawar (4.8 million in GeoNames)
        // outnumbers Kabul (4.4 million) and lies in the frame.
        ("Kabul", [(34.60, 69.05), (34.40, 69.30), (34.70, 69.40), (34.20, 70.60)], "Peshawar"),
        // North-west, south and east of Ottawa (1 million), and towards Hawkesbury; Montreal (1.6
        // million) lies in the frame.
        ("Ottawa", [(45.64, -75.93), (45.02, -75.64), (45.55, -75.29), (45.50, -74.50)], "Montréal"),
    ]

    func testMapsNameTheCapitalNearTheIncidentsFirstWithItsOwnSymbol() throws {
        for c in WorldTests.capitals {
            let doc = try renderSVG(c.points)
            let places = doc.descendants(ofID: "im-layer-places")
            let labels = places.filter { $0.name == "text" && classList($0).contains("im-town-label") }
            XCTAssertEqual(labels.first?.text, c.capital, "\(c.capital): the capital is the first town placed; towns: \(labels.map(\.text))")
            let capitalLabels = labels.filter { classList($0).contains("im-capital") }
            XCTAssertEqual(capitalLabels.map(\.text), [c.capital], "\(c.capital): only the capital has the capital class")
            XCTAssertTrue(labels.contains { $0.text == c.town && !classList($0).contains("im-capital") },
                          "\(c.capital): \(c.town) is drawn as a town; towns: \(labels.map(\.text))")
            // One town circle per label; the capital's has the capital class and sits in a ring.
            let dots = places.filter { $0.name == "circle" && classList($0).contains("im-town") }
            XCTAssertEqual(dots.count, labels.count, c.capital)
            let capitalDots = dots.filter { classList($0).contains("im-capital") }
            XCTAssertEqual(capitalDots.count, 1, c.capital)
            let rings = places.filter { $0.name == "circle" && classList($0).contains("im-capital-ring") }
            XCTAssertEqual(rings.map { [$0.attributes["cx"], $0.attributes["cy"]] },
                           capitalDots.map { [$0.attributes["cx"], $0.attributes["cy"]] }, c.capital)
            XCTAssertEqual(legendTexts(doc).suffix(2), ["Town", "Capital"], c.capital)
        }
    }

    func testAMapWithNoCapitalInItsFrameHasNoCapitalSymbolOrLegendRow() throws {
        // Karachi (Islamabad is 1,100 km away).
        let doc = try renderSVG([(24.95, 67.10), (24.85, 67.30), (25.05, 66.95)])
        let labels = doc.descendants(ofID: "im-layer-places").filter { $0.name == "text" }.map(\.text)
        XCTAssertTrue(labels.contains("Karachi"), "\(labels)")
        XCTAssertFalse(doc.elements.contains { classList($0).contains("im-capital") || classList($0).contains("im-capital-ring") })
        XCTAssertEqual(legendTexts(doc).last, "Town")
        XCTAssertFalse(legendTexts(doc).contains("Capital"))
    }

    /// A harbour town's point that the generalised 1:10m coast leaves in the water is in the
    /// country its row or its gazetteer entry names, when that country's land is within 5 km,
    /// with a warning giving the distance; a row that names no country takes the country of a
    /// town whose own point is within 3 km; nothing else moves a point at sea into a country.
    /// The distances are PostGIS's (`ST_Distance` on geography, WGS84, to the same
    /// `countries.geojson`), computed apart from this code: Nuku‘alofa 1.645 km off Tonga, Split
    /// 0.212 km off Croatia, Cairns 2.077 km off Australia; 43.45°N 16.43915°E 6.152 km off
    /// Croatia; 14.80°N 42.85°E 7.020 km off Yemen.
    func testAPointJustOffTheCoastIsInTheCountryItsRowNames() throws {
        let csv = """
            id,date,event_type,location,latitude,longitude,country
            tonga,2024-03-01,Protests,Nuku'alofa,,,
            split,2024-03-01,Battles,,43.50891,16.43915,Croatia
            split-unnamed,2024-03-01,Battles,,43.50891,16.43915,
            split-italy,2024-03-01,Battles,,43.50891,16.43915,Italy
            cairns,2024-03-01,Battles,,-16.92366,145.76613,Australia
            adriatic,2024-03-01,Battles,,43.45,16.43915,Croatia
            red-sea,2024-03-01,Battles,,14.80,42.85,Yemen
            tonga-fiji,2024-03-01,Battles,,-21.13683,-175.20114,Fiji
            kherson,2024-03-01,Battles,,46.6375,32.618,
            odesa-ship,2024-03-01,Battles,,46.40,30.85,
            skeleton-coast,2024-03-01,Battles,,-21.5,13.83,

            """
        let file = tmp.appendingPathComponent("coast.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("coast")
        let r = try incidentmap(["render", file.path, "--geojson", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let byID = try properties(out.appendingPathComponent("incidents.geojson"))
        func warning(_ id: String) -> String? {
            ((byID[id]?["warnings"] as? [String]) ?? []).first { $0.contains("no country's polygon") }
        }
        for (id, country, km) in [("tonga", "TO", "1.6 km"), ("split", "HR", "0.2 km"), ("cairns", "AU", "2.1 km"),
                                  ("split-unnamed", "HR", "0.2 km"), ("kherson", "UA", "")] {
            let p = try XCTUnwrap(byID[id], id)
            XCTAssertEqual(p["country"] as? String, country, id)
            XCTAssertNotNil(p["province"] as? String, "\(id): the nearest province of \(country) within 5 km")
            XCTAssertTrue((p["province"] as? String)?.hasPrefix(country + "-") == true, "\(id): \(p["province"] ?? "none")")
            XCTAssertNil(p["country_declared"], id)
            let w = try XCTUnwrap(warning(id), "\(id): \(p["warnings"] ?? "no warnings")")
            XCTAssertTrue(w.contains("\(km) off the land of \(country)") || (km.isEmpty && w.contains(" off the land of \(country)")), w)
            // A row that names no country: the country of the town whose point is within 3 km
            // (Kherson's centre, which the 1:10m polygon leaves in the Dnipro).
            let why = ["tonga": "the gazetteer gives for Nuku", "split-unnamed": "the country of Split (geonames:", "kherson": "the country of Kherson (geonames:"]
            XCTAssertTrue(w.contains(why[id] ?? "the row declares"), w)
        }
        XCTAssertTrue(r.stderr.contains("coast.csv:3: warning: latitude:"), r.stderr)
        // At sea: another country named, the named country's land too far, or no country named
        // and no town within 3 km (a ship 15 km off Odesa; 1.9 km off the Skeleton Coast).
        for id in ["split-italy", "adriatic", "red-sea", "tonga-fiji", "odesa-ship", "skeleton-coast"] {
            let p = try XCTUnwrap(byID[id], id)
            XCTAssertTrue(p["country"] is NSNull, "\(id): \(p["country"] ?? "")")
            XCTAssertTrue(p["province"] is NSNull, id)
            XCTAssertNil(warning(id), id)
        }
        // The same rows on a map (but Kherson's: a fourth country would make the title generic):
        // Tonga's incident is Tonga's, and the title names it.
        let svg = tmp.appendingPathComponent("coast.svg")
        let three = tmp.appendingPathComponent("coast-three.csv")
        try csv.split(separator: "\n").filter { !$0.hasPrefix("kherson,") }.joined(separator: "\n").appending("\n").write(to: three, atomically: true, encoding: .utf8)
        let m = try incidentmap(["render", three.path, "--svg", "-o", svg.path])
        XCTAssertEqual(m.status, 0, m.stderr)
        let title = try XCTUnwrap(SVGDocument(try Data(contentsOf: svg)).elements.first { classList($0).contains("im-title") }?.text)
        XCTAssertTrue(title.contains("Tonga") && title.contains("Croatia") && title.contains("Australia"), title)
    }

    /// The 1:10m borders are generalised as the coasts are: Goma's point (GeoNames, DR Congo) lies
    /// 0.3 km inside Rwanda's polygon, Hyesan's 0.2 km inside China's, Myawaddy's 1.8 km inside
    /// Thailand's. A point in a neighbour's polygon is taken as in the country its gazetteer entry
    /// or its row names when that country's land is within 5 km and the border between them is not
    /// disputed in the point of view; along the West Bank's armistice line the polygons decide. A
    /// choropleth counts such a point in its own country's province, as the layer places it.
    func testAPointJustAcrossALandBorderIsInTheCountryItsNameGives() throws {
        let csv = """
            id,date,place,latitude,longitude,country
            goma,2024-03-01,Goma,,,
            hyesan,2024-03-01,Hyesan,,,
            myawaddy,2024-03-01,Myawaddy,,,
            goma-row,2024-03-01,,-1.6741,29.2285,Democratic Republic of the Congo
            goma-unnamed,2024-03-01,,-1.6741,29.2285,
            kigali-row,2024-03-01,,-1.95,30.06,Democratic Republic of the Congo
            modiin-ilit,2024-03-01,Modiin Ilit,,,

            """
        let file = tmp.appendingPathComponent("borders.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("borders")
        let r = try incidentmap(["render", file.path, "--geojson", "--svg", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let byID = try properties(out.appendingPathComponent("incidents.geojson"))
        func warning(_ id: String) -> String? {
            ((byID[id]?["warnings"] as? [String]) ?? []).first { $0.contains("as the bundled 1:10m data draws their border") }
        }
        for (id, country, province, drawn, km) in [("goma", "CD", "CD-NK", "RW", "0.3 km"), ("hyesan", "KP", "KP-10", "CN", "0.2 km"),
                                                   ("myawaddy", "MM", "MM-13", "TH", "1.8 km"), ("goma-row", "CD", "CD-NK", "RW", "0.3 km")] {
            let p = try XCTUnwrap(byID[id], id)
            XCTAssertEqual(p["country"] as? String, country, id)
            XCTAssertEqual(p["province"] as? String, province, id)
            XCTAssertNil(p["country_declared"], "\(id): the declared country agrees")
            let w = try XCTUnwrap(warning(id), "\(id): \(p["warnings"] ?? "no warnings")")
            XCTAssertTrue(w.contains("in the polygon of \(drawn)") && w.contains("\(km) from the land of \(country)"), w)
        }
        // Nothing names Congo, or the point is far inside Rwanda, or the line is disputed: the polygon's.
        for (id, country) in [("goma-unnamed", "RW"), ("kigali-row", "RW"), ("modiin-ilit", "PS")] {
            let p = try XCTUnwrap(byID[id], id)
            XCTAssertEqual(p["country"] as? String, country, id)
            XCTAssertNil(warning(id), id)
        }
        XCTAssertTrue(try XCTUnwrap(byID["modiin-ilit"]?["nearest_border"] as? String).hasSuffix(".disputed"))
        // The map's key gives a distance under 10 km to a tenth: 0.3 km, not "0 km" (on the border).
        let key = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        XCTAssertTrue(key.contains("0.3 km from the CD-RW border"), "the key's distance for Goma")
        XCTAssertFalse(key.contains(" 0 km from"), "no distance rounded to nothing")
        // A choropleth of provinces counts the Goma rows in Nord-Kivu, as the layer does.
        let svg = tmp.appendingPathComponent("borders-admin1.svg")
        let goma = tmp.appendingPathComponent("goma.csv")
        try csv.split(separator: "\n").filter { $0.hasPrefix("id,") || $0.hasPrefix("goma,") || $0.hasPrefix("goma-row,") }.joined(separator: "\n").appending("\n")
            .write(to: goma, atomically: true, encoding: .utf8)
        let m = try incidentmap(["render", goma.path, "--aggregate", "admin1", "--svg", "-o", svg.path])
        XCTAssertEqual(m.status, 0, m.stderr)
        let shaded = SVGDocument(try Data(contentsOf: svg)).elements.compactMap { e -> (String, String)? in
            guard let id = e.attributes["data-province"], let n = e.attributes["data-count"] else { return nil }
            return (id, n)
        }
        XCTAssertTrue(shaded.contains { $0 == ("CD-NK", "2") }, "\(shaded)")
        XCTAssertFalse(shaded.contains { $0.0.hasPrefix("RW-") }, "\(shaded)")
    }

    /// An incident placed by its country's name stands for all of the country: no province, no
    /// district, no border distance. The country's point falls in some province (Sudan's in North
    /// Kordofan or thereabouts, Mexico's in a central state), which had been written as the
    /// incident's. Places and provinces named keep theirs, and the report says only the country.
    func testAnIncidentPlacedByItsCountrysNameIsInNoProvince() throws {
        let rows = "id,date,place\nS,2024-05-01,Sudan\nM,2024-05-02,Mexico\nU,2024-05-03,Україна\nK,2024-05-04,Khartoum\nB,2024-05-05,Balochistan\n"
        let p = try properties(render(csv: rows, ["--geojson"], to: "by-country").appendingPathComponent("incidents.geojson"))
        for (id, country) in [("S", "SD"), ("M", "MX"), ("U", "UA")] {
            let f = try XCTUnwrap(p[id], id)
            XCTAssertEqual(f["country"] as? String, country, id)
            XCTAssertTrue(f["province"] is NSNull, "\(id): \(f["province"] ?? "absent")")
            XCTAssertNil(f["province_name"], id)
            XCTAssertTrue(f["district"] is NSNull, id)
            XCTAssertTrue(f["border_distance_km"] is NSNull, id)
            // Not "province": a reader filtering on it would take Sudan for a province.
            XCTAssertEqual(f["location_precision"] as? String, "country", id)
        }
        XCTAssertEqual(p["K"]?["province"] as? String, "SD-KH")
        XCTAssertEqual(p["B"]?["province"] as? String, "PK-BA")
        XCTAssertEqual(p["K"]?["location_precision"] as? String, "exact")
        XCTAssertEqual(p["B"]?["location_precision"] as? String, "province")
        // The layer read back: "country" is read as a point standing for the whole unit.
        let layer = tmp.appendingPathComponent("by-country/incidents.geojson")
        let againDir = tmp.appendingPathComponent("by-country-again")
        let run = try incidentmap(["render", layer.path, "--geojson", "-o", againDir.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let again = try properties(againDir.appendingPathComponent("incidents.geojson"))
        for id in ["S", "M", "U"] {
            XCTAssertTrue(again[id]?["border_distance_km"] is NSNull, id)
            XCTAssertEqual(again[id]?["country"] as? String, p[id]?["country"] as? String, id)
        }
        let csv = tmp.appendingPathComponent("countries.csv")
        try rows.write(to: csv, atomically: true, encoding: .utf8)
        let report = tmp.appendingPathComponent("by-country-report")
        let rep = try incidentmap(["report", csv.path, "-o", report.path])
        XCTAssertEqual(rep.status, 0, rep.stderr)
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        // The table's country column: the province and country, or the country alone.
        let cells = html.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
        // The place column: a unit placed by its name is its own precision ("province" is not said of Sudan).
        for (placedAt, country) in [("Sudan (country:SD)", "Sudan"), ("Mexico (country:MX)", "Mexico"), ("Khartoum (geonames:379252), exact", "Khartoum, Sudan"),
                                    ("Balochistan (PK-BA)", "Balochistan, Pakistan")] {
            let k = try XCTUnwrap(cells.firstIndex { $0 == placedAt }, "\(placedAt): \(cells.prefix(20))")
            XCTAssertEqual(cells[k + 1], country, placedAt)
        }
    }

    /// An incident placed by a region's name ("Scotland", "Lombardy", Burkina Faso's "Sahel") is in
    /// its country and in none of its provinces, with no district or border distance, like one placed
    /// by its country's name; its area of uncertainty is the region's provinces dissolved into one
    /// valid polygon, and a country's its polygon, not a circle of 100 km. A region named in the
    /// admin1 column narrows a place to its provinces.
    func testAnIncidentPlacedByARegionsNameIsInItsCountryAndItsArea() throws {
        let rows = "id,date,place,admin1,country\nS,2024-05-01,Scotland,,\nL,2024-05-02,Lombardy,,\nH,2024-05-03,Sahel,,Burkina Faso\nP,2024-05-04,Pakistan,,\nU,2024-05-05,Upi,Cagayan Valley,Philippines\nN,2024-05-06,near Milan,,\n"
        let dir = try render(csv: rows, ["--geojson", "--uncertainty"], to: "by-region")
        let p = try properties(dir.appendingPathComponent("incidents.geojson"))
        for (id, country, entry) in [("S", "GB", "region:GB.SCT"), ("L", "IT", "region:IT.09"), ("H", "BF", "region:BF.12")] {
            let f = try XCTUnwrap(p[id], id)
            XCTAssertEqual(f["country"] as? String, country, id)
            XCTAssertTrue(f["province"] is NSNull, "\(id): \(f["province"] ?? "absent")")
            XCTAssertTrue(f["district"] is NSNull, id)
            XCTAssertTrue(f["border_distance_km"] is NSNull, id)
            XCTAssertEqual(f["location_precision"] as? String, "region", id)
            XCTAssertEqual((f["resolution"] as? [String: Any])?["gazetteer_id"] as? String, entry, id)
        }
        XCTAssertEqual(p["U"]?["province"] as? String, "PH-ISA")
        XCTAssertEqual(p["P"]?["location_precision"] as? String, "country")
        XCTAssertEqual(p["N"]?["location_precision"] as? String, "near")
        // The areas: valid, of the region's or country's size (km², geodesic, by SpatiaLite), and
        // holding their incident's point.
        let file = dir.appendingPathComponent("uncertainty.geojson").path
        let q = try runTool("ogrinfo", ["-q", "-dialect", "SQLite", "-sql",
                                        "SELECT incident_id, shape, ST_IsValid(geometry) AS valid, ST_Area(geometry, 1) / 1e6 AS km2 FROM uncertainty", file])
        XCTAssertEqual(q.status, 0, q.stderr)
        var areas: [String: (shape: String, valid: Bool, km2: Double)] = [:]
        for block in q.stdoutText.components(separatedBy: "OGRFeature").dropFirst() {
            func value(_ key: String) -> String? {
                block.components(separatedBy: "\n").first { $0.contains("  \(key) (") }?.components(separatedBy: " = ").last
            }
            if let id = value("incident_id"), let shape = value("shape"), let valid = value("valid"), let km2 = value("km2").flatMap(Double.init) {
                areas[id] = (shape, valid == "1", km2)
            }
        }
        // Scotland 77,900 km² (its islands included), Lombardy 23,900, the Sahel region 36,200,
        // Pakistan 882,000 (as the data draws it, Azad Kashmir and Gilgit-Baltistan included).
        for (id, shape, km2) in [("S", "region", 77_900.0), ("L", "region", 23_900.0), ("H", "region", 36_200.0), ("P", "country", 882_000.0)] {
            let a = try XCTUnwrap(areas[id], "\(id): \(q.stdoutText.prefix(400))")
            XCTAssertEqual(a.shape, shape, id)
            XCTAssertTrue(a.valid, id)
            XCTAssertEqual(a.km2, km2, accuracy: km2 * 0.06, id)
        }
        // The map's key says so, and draws no radius around the unit's point ("near Milan" has its 10 km).
        let doc = SVGDocument(try Data(contentsOf: render(csv: rows, ["--svg"], to: "by-region.svg")))
        let text = doc.elements.filter { $0.name == "text" || $0.name == "tspan" }.map(\.text).joined(separator: " ")
        for unit in ["Scotland", "Lombardia", "Sahel", "Pakistan"] {
            XCTAssertTrue(text.contains("Location: \(unit), no closer."), unit)
        }
        let halos = Set(doc.elements.filter { classList($0).contains("im-uncertainty") }.compactMap { $0.attributes["data-incident-id"] })
        XCTAssertTrue(halos.isDisjoint(with: ["S", "L", "H", "P"]), "\(halos)")
        XCTAssertTrue(halos.contains("N"), "a place's radius: \(halos)")
    }

    /// A frame pads the incidents by 30 % of their extent's larger side and by at least that side,
    /// up to 160 km, and 50 km: strikes along the Gaza Strip get a frame about 200 km wide (it was
    /// 590 km), a single incident one of about 140 km (470); incidents 175 km apart 160 km each side.
    func testTheFramesPadGrowsWithTheIncidentsExtent() throws {
        func frameKm(_ name: String, _ rows: [(Double, Double)]) throws -> Double {
            let csv = tmp.appendingPathComponent("\(name).csv"), svg = tmp.appendingPathComponent("\(name).svg")
            try ("id,date,latitude,longitude\n" + rows.enumerated().map { "\(name)\($0.offset),2024-01-1\($0.offset % 9),\($0.element.0),\($0.element.1)" }.joined(separator: "\n") + "\n")
                .write(to: csv, atomically: true, encoding: .utf8)
            let r = try incidentmap(["render", csv.path, "--svg", "-o", svg.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let meta = try XCTUnwrap(SVGDocument(try Data(contentsOf: svg)).elements.first { $0.name == "metadata" })
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(meta.text.utf8)) as? [String: Any])
            let a = try XCTUnwrap(json["affine"] as? [Double])
            // The frame's width in projected metres (aeqd: true at the centre) over the SVG's px.
            let width = try XCTUnwrap(Double(SVGDocument(try Data(contentsOf: svg)).root.attributes["width"] ?? ""))
            return width / a[0] / 1000
        }
        let gaza = try frameKm("gaza", [(31.52, 34.45), (31.42, 34.35), (31.34, 34.30), (31.28, 34.25), (31.53, 34.49), (31.44, 34.39)])
        XCTAssertGreaterThan(gaza, 110)
        XCTAssertLessThan(gaza, 260, "a 30 km cluster is not lost in a 590 km frame")
        let single = try frameKm("kramatorsk", [(48.72, 37.56)])
        XCTAssertGreaterThan(single, 80)
        XCTAssertLessThan(single, 200)
        let wide = try frameKm("sistan", [(26.97, 64.09), (27.37, 62.33)])
        XCTAssertGreaterThan(wide, 450, "incidents 175 km apart keep 160 km around them")
    }
}
