import Foundation
import XCTest

/// `--worldview CODE`: the countries, borders and border distances of one government's point of
/// view (Natural Earth 5.1.1), named on the map and in the layers; disputed stretches dashed.
final class WorldviewTests: ScratchTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Run {
        var dir: URL
        var svg: Data
        var doc: SVGDocument
        var svgText: String { String(decoding: svg, as: UTF8.self) }
        func layer(_ name: String) throws -> [[String: Any]] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(name).geojson"))) as? [String: Any]
            return (json?["features"] as? [[String: Any]] ?? []).map(propertiesWithID)
        }
        func incident(_ id: String) throws -> [String: Any] {
            try XCTUnwrap(try layer("incidents").first { $0["id"] as? String == id }, id)
        }
        /// The geometry of every border feature, by id, as JSON text (to compare views).
        func borderGeometries() throws -> [String: String] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("border.geojson"))) as? [String: Any]
            var out: [String: String] = [:]
            for f in json?["features"] as? [[String: Any]] ?? [] {
                let id = f["id"] as? String ?? "?"
                out[id] = String(decoding: try JSONSerialization.data(withJSONObject: f["geometry"] ?? [:], options: [.sortedKeys]), as: UTF8.self)
            }
            return out
        }
    }

    /// Renders `fixture` (the bundled example when nil) as SVG and layers; every layer read by ogrinfo, the SVG by rsvg-convert.
    func render(_ fixture: String?, _ args: [String], name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let dir = tmp.appendingPathComponent(name)
        let input = fixture.map { [WorldviewTests.fixtures.appendingPathComponent($0).path] } ?? []
        let r = try incidentmap(["render"] + input + ["--svg", "--geojson", "-o", dir.path] + args)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        for layer in ["incidents", "places", "border", "provinces", "countries"] {
            let info = try runTool("ogrinfo", ["-al", "-q", dir.appendingPathComponent("\(layer).geojson").path])
            XCTAssertEqual(info.status, 0, "\(name)/\(layer): \(info.stderr)", file: file, line: line)
            XCTAssertFalse(info.stderr.contains("ERROR"), "\(name)/\(layer): \(info.stderr)", file: file, line: line)
        }
        let svg = try Data(contentsOf: dir.appendingPathComponent("map.svg"))
        let png = tmp.appendingPathComponent("\(name).png")
        XCTAssertEqual(try runTool("rsvg-convert", ["-w", "1000", "-o", png.path, dir.appendingPathComponent("map.svg").path]).status, 0,
                       file: file, line: line)
        let doc = SVGDocument(svg)
        XCTAssertTrue(doc.parsed, file: file, line: line)
        return Run(dir: dir, svg: svg, doc: doc)
    }

    func metadata(_ run: Run) throws -> [String: Any] {
        let text = try XCTUnwrap(run.doc.elements.first { $0.name == "metadata" }?.text)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testTheDefaultViewIsNamedOnTheMapInTheMetadataAndInTheLayers() throws {
        let run = try render(nil, [], name: "default")
        let view = try XCTUnwrap(try metadata(run)["worldview"] as? [String: Any])
        XCTAssertEqual(view["code"] as? String, "DE")
        XCTAssertEqual(view["default"] as? Bool, true)
        XCTAssertTrue(run.svgText.contains("point of view of Germany (DE, the default)"), "the attribution names the view")
        for layer in ["border", "countries"] {
            let features = try run.layer(layer)
            XCTAssertFalse(features.isEmpty, layer)
            XCTAssertTrue(features.allSatisfy { $0["worldview"] as? String == "DE" }, layer)
        }
        XCTAssertTrue(try run.layer("border").allSatisfy { $0["status"] as? String == "international" }, "no disputed line near Iran–Pakistan")
        XCTAssertFalse(run.svgText.contains("im-disputed"), "no disputed style or legend row when none is drawn")
    }

    func testIndiaAndPakistanDrawKashmirDifferently() throws {
        let india = try render("worldview-kashmir.yaml", ["--worldview", "IN"], name: "in")
        let pakistan = try render("worldview-kashmir.yaml", ["--worldview", "PK"], name: "pk")
        // Each map and each layer names its view.
        XCTAssertEqual((try metadata(india)["worldview"] as? [String: Any])?["code"] as? String, "IN")
        XCTAssertEqual((try metadata(pakistan)["worldview"] as? [String: Any])?["code"] as? String, "PK")
        XCTAssertTrue(india.svgText.contains("point of view of India (IN)"))
        XCTAssertTrue(pakistan.svgText.contains("point of view of Pakistan (PK)"))
        for (run, code) in [(india, "IN"), (pakistan, "PK")] {
            for layer in ["border", "countries"] {
                XCTAssertTrue(try run.layer(layer).allSatisfy { $0["worldview"] as? String == code }, "\(code) \(layer)")
            }
        }
        // Different borders: the Siachen Glacier is India's in India's view, Pakistan's in Pakistan's
        // (Natural Earth's ADM0_A3_IN / ADM0_A3_PK), so the lines around it differ.
        XCTAssertEqual(try india.incident("siachen")["country"] as? String, "IN")
        XCTAssertEqual(try pakistan.incident("siachen")["country"] as? String, "PK")
        let a = try india.borderGeometries(), b = try pakistan.borderGeometries()
        XCTAssertNotEqual(a["CN-IN"], b["CN-IN"], "the China–India line differs")
        XCTAssertNotEqual(a["CN-PK"], b["CN-PK"], "the China–Pakistan line differs")
        // …and the nearest border of the point there is measured to each view's lines.
        let s1 = try india.incident("siachen"), s2 = try pakistan.incident("siachen")
        XCTAssertNotEqual(s1["nearest_border"] as? String, s2["nearest_border"] as? String)
        XCTAssertNotEqual(s1["border_distance_km"] as? Double, s2["border_distance_km"] as? Double)
        // The Line of Control is no international border in either view: dashed, in its own class.
        for run in [india, pakistan] {
            let loc = try run.layer("border").filter { ($0["id"] as? String ?? "").hasPrefix("IN-PK.") }
            XCTAssertFalse(loc.isEmpty)
            XCTAssertTrue(loc.allSatisfy { $0["status"] as? String == "disputed" })
            let paths = run.doc.elements.filter { $0.name == "path" && ($0.attributes["data-border-id"] ?? "").hasPrefix("IN-PK.") }
            XCTAssertFalse(paths.isEmpty)
            XCTAssertTrue(paths.allSatisfy { ($0.attributes["class"] ?? "").split(separator: " ").contains("im-disputed") })
            XCTAssertTrue(run.svgText.contains(".im-border.im-disputed { "), "the dashed style")
            XCTAssertTrue(run.doc.elements.contains { $0.text == "Disputed boundary" }, "a legend row")
            XCTAssertTrue(run.doc.elements.contains { $0.name == "path" && $0.attributes["class"] == "im-border im-disputed" && $0.attributes["d"] == "M-10,0L10,0" },
                          "the legend row's sample is dashed like the lines")
        }
        // The Working Boundary near Sialkot: an international border for India, not for Pakistan.
        XCTAssertEqual(Set(try india.layer("border").compactMap { $0["class"] as? String }).contains("Admin-1 boundary"), true)
        XCTAssertNotEqual(try india.layer("border").filter { $0["id"] as? String == "IN-PK" }.first?["length_km"] as? Double,
                          try pakistan.layer("border").filter { $0["id"] as? String == "IN-PK" }.first?["length_km"] as? Double)
    }

    func testCrimeaIsRussiasOnlyInRussiasView() throws {
        // Natural Earth 5.1.1: the line across the Perekop isthmus is an international boundary in
        // FCLASS_RU, an admin-1 or claim boundary in FCLASS_UA (and every other view).
        let russia = try render("worldview-crimea.yaml", ["--worldview", "RU"], name: "ru")
        let ukraine = try render("worldview-crimea.yaml", ["--worldview", "UA"], name: "ua")
        let byDefault = try render("worldview-crimea.yaml", [], name: "de")
        XCTAssertEqual(try russia.incident("simferopol")["country"] as? String, "RU")
        XCTAssertEqual(try ukraine.incident("simferopol")["country"] as? String, "UA")
        XCTAssertEqual(try byDefault.incident("simferopol")["country"] as? String, "UA")
        // The province follows its country in Russia's view.
        XCTAssertEqual(try russia.layer("provinces").first { $0["id"] as? String == "UA-43" }?["country"] as? String, "RU")
        XCTAssertEqual(try ukraine.layer("provinces").first { $0["id"] as? String == "UA-43" }?["country"] as? String, "UA")
        XCTAssertNotEqual(try russia.borderGeometries()["RU-UA"], try ukraine.borderGeometries()["RU-UA"])
    }

    func testEveryPolygonOfAViewIsValid() throws {
        for (fixture, code) in [("worldview-kashmir.yaml", "PK"), ("worldview-crimea.yaml", "RU")] {
            let run = try render(fixture, ["--worldview", code], name: "valid-\(code)")
            for layer in ["countries", "provinces"] {
                let r = try runTool("ogrinfo", ["-q", "-dialect", "SQLite", "-sql",
                                                "SELECT id, ST_IsValidReason(geometry) AS reason FROM \(layer) WHERE NOT ST_IsValid(geometry)",
                                                run.dir.appendingPathComponent("\(layer).geojson").path])
                XCTAssertEqual(r.status, 0, r.stderr)
                XCTAssertFalse(r.stdoutText.contains("OGRFeature"), "\(code) \(layer): \(r.stdoutText)")
            }
        }
    }

    func testAnUnknownViewIsAUsageErrorListingTheValidOnes() throws {
        let out = tmp.appendingPathComponent("map.svg")
        let r = try incidentmap(["render", "--svg", "-o", out.path, "--worldview", "XX"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("--worldview XX: unknown point of view"), r.stderr)
        for code in ["IN", "PK", "CN", "RU", "UA", "DE"] { XCTAssertTrue(r.stderr.contains(code), r.stderr) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written")
        let report = try incidentmap(["report", "-o", tmp.appendingPathComponent("r.html").path, "--worldview", "ZZ"])
        XCTAssertEqual(report.status, 64, report.stderr)
        XCTAssertTrue(report.stderr.contains("valid codes"), report.stderr)
    }
}
