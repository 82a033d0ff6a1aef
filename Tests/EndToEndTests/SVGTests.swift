import Foundation
import Projection
import XCTest

/// What the SVG map promises beyond the walking-skeleton contract: labels that never
/// overlap, themes that render, any CRS, and no way for input text to add markup.
final class SVGTests: ScratchTestCase {
    func render(_ args: [String], name: String = "map.svg") throws -> (URL, SVGDocument) {
        let out = tmp.appendingPathComponent(name)
        let r = try incidentmap(["render", "--svg", "-o", out.path] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try runTool("xmllint", ["--noout", out.path]).status, 0)
        let png = tmp.appendingPathComponent(name + ".png")
        let rs = try runTool("rsvg-convert", ["-o", png.path, out.path])
        XCTAssertEqual(rs.status, 0, rs.stderr)
        return (out, SVGDocument(try Data(contentsOf: out)))
    }

    /// An incident's label names its country's code only where the map's incidents are in
    /// several countries: on a map of Mexico alone the title says "Incidents in Mexico", and
    /// "Tijuana (MX)" would repeat it on every label.
    func testLabelsNameTheCountryOnlyWhereTheMapHasSeveral() throws {
        let mexico = "id,date,latitude,longitude,place,event_type\nm1,2024-05-02,32.5027,-117.0037,Tijuana,Battles\nm2,2024-06-15,26.0801,-98.2846,Reynosa,Battles\n"
        func titles(_ csv: String, _ name: String) throws -> [String] {
            let input = tmp.appendingPathComponent(name + ".csv")
            try csv.write(to: input, atomically: true, encoding: .utf8)
            let (_, doc) = try render([input.path], name: name + ".svg")
            return doc.elements.filter { ($0.attributes["class"] ?? "").contains("im-incident-title") }.map(\.text)
        }
        let one = try titles(mexico, "mexico")
        XCTAssertEqual(one.count, 2, "\(one)")
        XCTAssertTrue(one.allSatisfy { !$0.contains("(MX)") } && one.contains { $0.contains("Tijuana") }, "\(one)")
        let two = try titles(mexico + "g1,2024-06-01,14.6349,-90.5069,Guatemala City,Battles\n", "two")
        XCTAssertTrue(two.contains { $0.contains("Tijuana (MX)") } && two.contains { $0.contains("(GT)") }, "\(two)")
    }

    func boxes(_ doc: SVGDocument) -> [(String, [Double])] {
        doc.elements.compactMap { e in
            guard let b = e.attributes["data-box"] else { return nil }
            return (e.text, b.split(separator: " ").compactMap { Double($0) })
        }
    }

    func testNoTwoLabelsOverlapAndNoneCoversAMarker() throws {
        for args in [[], ["--crs", "EPSG:32641"], ["--width", "600", "--height", "700"]] {
            let (_, doc) = try render(args)
            let labels = boxes(doc)
            XCTAssertGreaterThanOrEqual(labels.count, 5, "\(args)")
            for i in 0..<labels.count {
                for j in (i + 1)..<labels.count {
                    let a = labels[i].1, b = labels[j].1
                    let overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
                    XCTAssertFalse(overlap, "\(args): \"\(labels[i].0)\" overlaps \"\(labels[j].0)\"")
                }
            }
            // Marker symbols (circles and diamonds inside the incident groups) stay clear of every label.
            for m in doc.elements where m.name == "g" && m.attributes["data-incident-id"] != nil {
                let (x, y) = try XCTUnwrap(translate(m.attributes["transform"]))
                let index = doc.elements.firstIndex { $0.attributes["data-incident-id"] == m.attributes["data-incident-id"] && $0.name == "g" }!
                for sym in doc.elements where sym.ancestors.last == index && (sym.name == "circle" || sym.name == "path") && sym.attributes["r"] != "2" {
                    let cx = x + (Double(sym.attributes["cx"] ?? "0") ?? 0), cy = y + (Double(sym.attributes["cy"] ?? "0") ?? 0)
                    for (text, b) in labels {
                        let inside = cx > b[0] && cx < b[0] + b[2] && cy > b[1] && cy < b[1] + b[3]
                        XCTAssertFalse(inside, "\(args): label \"\(text)\" covers a marker")
                    }
                }
            }
        }
    }

    func testThemesAndExtraCSSRender() throws {
        let css = tmp.appendingPathComponent("extra.css")
        try ".im-border.im-emphasis { stroke: #ff00ff; }".write(to: css, atomically: true, encoding: .utf8)
        for theme in ["light", "dark", "print"] {
            let (out, doc) = try render(["--theme", theme, "--css", css.path], name: "\(theme).svg")
            let style = try XCTUnwrap(doc.elements.first { $0.name == "style" }?.text)
            XCTAssertTrue(style.contains("#ff00ff"))
            XCTAssertGreaterThan(try Data(contentsOf: out).count, 10_000)
        }
        let light = try XCTUnwrap(SVGDocument(try Data(contentsOf: tmp.appendingPathComponent("light.svg"))).elements.first { $0.name == "style" }?.text)
        let dark = try XCTUnwrap(SVGDocument(try Data(contentsOf: tmp.appendingPathComponent("dark.svg"))).elements.first { $0.name == "style" }?.text)
        XCTAssertNotEqual(light, dark)
    }

    func testUTMMapMatchesItsSnapshotAndHasAnInset() throws {
        let (out, doc) = try render(["--crs", "EPSG:32641"], name: "utm.svg")
        XCTAssertTrue(doc.elements.contains { $0.attributes["id"] == "im-inset" })
        let meta = try XCTUnwrap(doc.elements.first { $0.name == "metadata" }?.text)
        XCTAssertTrue(meta.contains("UTM zone 41N"), "the metadata carries the CRS as WKT")
        try assertSnapshot(try Data(contentsOf: out), named: "january-2024-utm41n.svg")
    }

    /// The legend shows each style of international border the map draws: the example's border
    /// between the incidents' countries (emphasised) alone; a map over three continents, where
    /// no border is emphasised, the others' dash-dot line, not a line the map does not draw.
    func testTheLegendShowsTheBorderStylesTheMapDraws() throws {
        func styles(_ doc: SVGDocument, _ id: String) -> Set<String> {
            Set(doc.descendants(ofID: id).compactMap { e -> String? in
                let c = e.attributes["class"] ?? ""
                guard e.name == "path", c.split(separator: " ").contains("im-border") else { return nil }
                return c.contains("im-disputed") ? "disputed" : c.contains("im-emphasis") ? "emphasis" : "plain"
            })
        }
        let example = try incidentmap(["render", "--svg"])
        XCTAssertEqual(example.status, 0, example.stderr)
        let a = SVGDocument(example.stdout)
        XCTAssertEqual(styles(a, "im-layer-border"), ["emphasis"])
        XCTAssertEqual(styles(a, "im-layer-legend"), ["emphasis"])
        let csv = "id,date,latitude,longitude\nkr,2024-03-01,48.72,37.56\nke,2024-03-02,26.0,63.0\nml,2024-03-03,15.2,-2.5\n"
        let out = try render(csv: csv, ["--svg"], to: "continents.svg")
        let b = SVGDocument(try Data(contentsOf: out))
        let drawn = styles(b, "im-layer-border")
        XCTAssertTrue(drawn.contains("plain"), "\(drawn)")
        XCTAssertEqual(styles(b, "im-layer-legend"), drawn)
    }

    func testIdPrefixKeepsTwoMapsApart() throws {
        let (_, a) = try render(["--id-prefix", "first-"], name: "a.svg")
        let (_, b) = try render(["--id-prefix", "second-"], name: "b.svg")
        let idsA = Set(a.elements.compactMap { $0.attributes["id"] }), idsB = Set(b.elements.compactMap { $0.attributes["id"] })
        XCTAssertTrue(idsA.isDisjoint(with: idsB))
        XCTAssertTrue(idsA.contains("first-layer-incidents"))
        // A prefix that is not a valid XML name is made one.
        let (_, c) = try render(["--id-prefix", "\"><script>"], name: "c.svg")
        XCTAssertFalse(c.elements.contains { $0.name == "script" })
    }

    func testInputTextCannotInjectMarkup() throws {
        let evil = [
            "<script>alert(1)</script>", "a & b", "\"quoted\" 'single'", "]]><g onload=\"x\">", "<![CDATA[x]]>",
            "\u{202E}reversed\u{202C} text", "<?xml-stylesheet href='x'?>", "&lt;already escaped&gt;", "</text></svg>",
            "javascript:alert(1)", "<a href=\"https://evil.example\">link</a>",
        ]
        func q(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        var yaml = "title: \(q(evil[0] + " " + evil[3]))\ndescription: \(q(evil[4]))\nincidents:\n"
        for (i, e) in evil.enumerated() {
            yaml += """
              - id: \(q("x\(i)" + e))
                date: 2024-01-\(String(format: "%02d", i + 1))
                place: \(q(e))
                latitude: \(26.0 + Double(i) * 0.2)
                longitude: \(62.0 + Double(i) * 0.2)
                kind: \(q("strike " + e))
                actor: \(q(e))
                target: \(q(e))
                notes: \(q(e))
                claims:
                  - claim: \(q(e))
                    by: \(q(e))
                    killed: \(i)
                sources:
                  - outlet: \(q(e))
                    title: \(q(e))
                    url: \(q("https://example.org/?q=" + e))

            """
        }
        let input = tmp.appendingPathComponent("evil.yaml")
        try yaml.write(to: input, atomically: true, encoding: .utf8)
        let (out, doc) = try render([input.path, "--title", evil[1] + evil[8]], name: "evil.svg")
        assertOnlyMapMarkup(doc)
        // Every evil string arrives as text (bidi overrides removed), exactly.
        let texts = doc.elements.map(\.text).joined(separator: "\n")
        XCTAssertTrue(texts.contains("<script>alert(1)</script>"))
        XCTAssertTrue(texts.contains("]]><g onload=\"x\">"))
        XCTAssertFalse(texts.contains("\u{202E}"))
        XCTAssertEqual(try runTool("xmllint", ["--noout", out.path]).status, 0)
        // Ids with markup stay attribute values.
        XCTAssertTrue(doc.elements.contains { $0.attributes["data-incident-id"] == "x0<script>alert(1)</script>" })
    }

    /// The CSV and GeoJSON readers and the user's gazetteer bring text to the map by other paths
    /// (every column, every property, extra columns, a place's name from an overlay).
    func testCSVGeoJSONAndGazetteerTextCannotInjectMarkup() throws {
        let evil = "<script>alert(1)</script> & \"q\" 's' ]]> <![CDATA[x]]> </text></svg> <?pi x?> \u{202E}rev"
        func csv(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        func json(_ s: String) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]), as: UTF8.self).dropFirst().dropLast() + ""
        }
        // A place of the user's gazetteer whose name is markup, used by a CSV row without coordinates.
        let place = "Kalag <g onload=\"x\"><script>alert(2)</script>"
        let overlay = tmp.appendingPathComponent("overlay.csv")
        try "name,latitude,longitude,country,admin1\n\(csv(place)),26.5,62.1,IR,Sistan and Baluchestan\n"
            .write(to: overlay, atomically: true, encoding: .utf8)
        let columns = ["event_id_cnty", "event_date", "location", "latitude", "longitude", "country", "admin1", "admin2", "event_type",
                       "sub_event_type", "actor1", "actor2", "notes", "source", "fatalities", "time", "timezone", "custom_column"]
        let row = ["c1" + evil, "16 January 2024", evil, "26.9", "62.4", "IR", "Sistan and Baluchestan", evil, evil,
                   "Air/drone strike " + evil, evil, evil, evil, evil + "; " + evil, "3", evil, evil, evil]
        let byName = ["c2" + evil, "17 January 2024", place, "", "", "IR", "", "", "", "Attack", "", "", "", "", "", "", "", ""]
        let table = tmp.appendingPathComponent("evil.csv")
        try ([columns, row, byName].map { $0.map(csv).joined(separator: ",") }.joined(separator: "\n") + "\n")
            .write(to: table, atomically: true, encoding: .utf8)
        let e = json(evil)
        let geojson = tmp.appendingPathComponent("evil.geojson")
        try """
        {"type": "FeatureCollection", "name": \(e), "title": \(e), "features": [
        {"type": "Feature", "id": \(json("f" + evil)), "properties": {"id": \(json("g1" + evil)), "date": "2024-01-18", "place": \(e),
         "kind": \(e), "actor": \(e), "target": \(e), "origin": \(e), "notes": \(e), "extra": \(e),
         "claims": [{"claim": \(e), "by": \(e), "killed": 2}], "sources": [{"outlet": \(e), "title": \(e), "url": \(json("javascript:" + evil))}]},
         "geometry": {"type": "Point", "coordinates": [62.3, 26.8]}}]}
        """.write(to: geojson, atomically: true, encoding: .utf8)
        let (out, doc) = try render([table.path, geojson.path, "--gazetteer", overlay.path], name: "evil-tables.svg")
        assertOnlyMapMarkup(doc)
        let texts = doc.elements.map(\.text).joined(separator: "\n")
        XCTAssertTrue(texts.contains("<script>alert(1)</script>"), "the CSV and GeoJSON text arrives as text")
        XCTAssertTrue(texts.contains("Kalag <g onload=\"x\">"), "the overlay's name arrives as text")
        XCTAssertFalse(texts.contains("\u{202E}"))
        XCTAssertTrue(doc.elements.contains { $0.attributes["data-incident-id"] == "c1" + evil.replacingOccurrences(of: "\u{202E}", with: "") })
        XCTAssertEqual(try runTool("xmllint", ["--noout", out.path]).status, 0)
    }

    /// Fails unless `doc` parsed and holds only the elements and attributes the map writes.
    func assertOnlyMapMarkup(_ doc: SVGDocument, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(doc.parsed, file: file, line: line)
        let allowedElements: Set<String> = ["svg", "title", "desc", "metadata", "defs", "style", "clipPath", "rect", "marker", "path",
                                            "g", "circle", "text", "tspan", "line"]
        let allowedAttributes: Set<String> = ["xmlns", "width", "height", "viewBox", "role", "aria-labelledby", "class", "id", "d", "x", "y",
                                              "cx", "cy", "r", "rx", "dy", "x1", "y1", "x2", "y2", "transform", "text-anchor", "clip-path",
                                              "marker-end", "refX", "refY", "markerWidth", "markerHeight", "orient", "data-incident-id",
                                              "data-border-id", "data-river-class", "data-country", "data-province", "data-box", "data-km", "data-px", "data-cell", "data-count",
                                              "style"]
        for e in doc.elements {
            XCTAssertTrue(allowedElements.contains(e.name), "element <\(e.name)> appeared", file: file, line: line)
            for k in e.attributes.keys { XCTAssertTrue(allowedAttributes.contains(k), "attribute \(k) appeared on <\(e.name)>", file: file, line: line) }
            for (k, v) in e.attributes where k == "clip-path" || k == "marker-end" { XCTAssertTrue(v.hasPrefix("url(#"), v, file: file, line: line) }
            // An inline style is only a header line's size, set smaller to fit the width.
            if let style = e.attributes["style"] {
                XCTAssertNotNil(style.range(of: #"^font-size:[0-9]+(\.[0-9]+)?px$"#, options: .regularExpression), "style \(style)", file: file, line: line)
                let classes = (e.attributes["class"] ?? "").split(separator: " ")
                XCTAssertTrue(classes.contains("im-title") || classes.contains("im-subtitle"), "style on \(e.attributes["class"] ?? e.name)", file: file, line: line)
            }
        }
    }
}
