import Foundation
import Gazetteer
import Geometry
import Projection
@testable import Rendering
import XCTest

/// One map for 1 or a million incidents: inputs shaped as real exports are (most rows at town
/// coordinates, a few hubs carrying most of them, the rest scattered; `Benchmarks/clustered.py`),
/// in two regions, at every size. On each map the marker counts add up to the incidents, nothing
/// lies outside the frame, labels do not overlap, leaders are few, short and uncrossed, no marker
/// hides more than a sliver of another, and the largest cities in the frame are named.
final class LegibilityTests: ScratchTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testClusteredInputsAtEverySizeInTwoRegions() throws {
        let gazetteer = try Gazetteer.load()
        let regions: [([String], [Int])] = [
            (["--admin1", "PK-BA,IR-11"], [1, 5, 20, 60, 200, 600, 2_000, 6_000]),
            (["--country", "UA"], [20, 200, 2_000, 6_000]),
        ]
        for (region, sizes) in regions {
            for n in sizes {
                let csv = try clustered(n, region)
                let svg = tmp.appendingPathComponent("\(n).svg")
                let r = try incidentmap(["render", csv.path, "--svg", "-o", svg.path])
                XCTAssertEqual(r.status, 0, r.stderr)
                try assertLegible(svg, incidents: n, gazetteer: gazetteer, label: "\(region.joined(separator: " ")) × \(n)")
            }
        }
    }

    /// Maps the width of a story's column or a phone: every incident in sight (the legend goes
    /// below the frame rather than over an incident), the title, subtitle and scale bar inside the
    /// map's width, and the other checks of `assertLegible`. Incidents in Yemen and at sea off it,
    /// and clustered rows in Balochistan; each at 420, 500 and 600 px and at the default size.
    func testNarrowMapsKeepEveryIncidentInSightAndTheirTextInside() throws {
        let gazetteer = try Gazetteer.load()
        let yemen = tmp.appendingPathComponent("yemen.csv")
        try """
            event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,latitude,longitude,fatalities,source
            YEM1,12 January 2024,Explosions/Remote violence,Air/drone strike,Military Forces of the United States,Yemen,Hodeidah port,14.8300,42.9200,0,Reuters
            YEM2,13 January 2024,Explosions/Remote violence,Air/drone strike,Military Forces of the United States,Yemen,Ras Isa,15.2100,42.6500,0,AP
            YEM3,19 February 2024,Explosions/Remote violence,Remote explosive/landmine/IED,Ansar Allah,Yemen,Red Sea,14.0,41.9,0,AFP
            YEM4,6 March 2024,Explosions/Remote violence,Air/drone strike,Ansar Allah,Yemen,Gulf of Aden,12.5,44.8,3,Reuters
            YEM5,15 January 2024,Battles,Armed clash,Ansar Allah,Yemen,Mocha,13.3181,43.2499,2,Xinhua

            """.write(to: yemen, atomically: true, encoding: .utf8)
        var belowSeen = false
        for (csv, n) in [(yemen, 5), (try clustered(60, ["--admin1", "PK-BA,IR-11"]), 60)] {
            for size in [(420, 380), (500, 420), (600, 500), nil] {
                let label = "\(csv.lastPathComponent) at \(size.map { "\($0.0)×\($0.1)" } ?? "the default size")"
                let svg = tmp.appendingPathComponent("narrow.svg")
                let r = try incidentmap(["render", csv.path, "--svg", "-o", svg.path] + (size.map { ["--width", "\($0.0)", "--height", "\($0.1)"] } ?? []))
                XCTAssertEqual(r.status, 0, r.stderr)
                // Under 600 px fewer town names fit beside the incidents' labels: the largest city
                // in the frame must still be named.
                try assertLegible(svg, incidents: n, gazetteer: gazetteer, label: label, largestCities: (size?.0 ?? 1000) < 600 ? 1 : 3)
                let doc = SVGDocument(try Data(contentsOf: svg))
                let width = Double(size?.0 ?? 1000)
                // The header's lines fit the width at the size they are drawn.
                for (cls, defaultSize, bold) in [("im-title", HeaderElement.titleSize, true), ("im-subtitle", HeaderElement.subtitleSize, false)] {
                    let e = try XCTUnwrap(doc.elements.first { $0.attributes["class"] == cls }, label)
                    let drawn = e.attributes["style"].flatMap { Double($0.replacingOccurrences(of: "font-size:", with: "").replacingOccurrences(of: "px", with: "")) } ?? defaultSize
                    XCTAssertLessThanOrEqual(TextMetrics.width(e.text, size: drawn, bold: bold) * (bold ? 13.0 / 12 : 1), width - 28 + 0.5, "\(label): \(cls) \(e.text)")
                    XCTAssertGreaterThanOrEqual(drawn, defaultSize * 2 / 3, label)
                }
                XCTAssertTrue(doc.elements.first { $0.attributes["class"] == "im-subtitle" }!.text.contains("2024"), "\(label): the period stays")
                // The scale bar's panel holds its line and lies inside the map.
                let bar = try XCTUnwrap(panels(doc).dropFirst().first, label)
                XCTAssertLessThanOrEqual(bar.maxX, width, label)
                XCTAssertGreaterThanOrEqual(bar.width, TextMetrics.width("geodesic, at map centre", size: 10.5) + 12 - 0.5, label)
                // A legend below the frame comes before the key and the SVG is tall enough for it.
                let frame = try XCTUnwrap(doc.elements.first { $0.attributes["class"] == "im-frame" })
                let frameBottom = Double(frame.attributes["y"]!)! + Double(frame.attributes["height"]!)!
                let legend = try XCTUnwrap(panels(doc).first, label)
                if legend.minY >= frameBottom {
                    belowSeen = true
                    let svgHeight = Double(doc.elements[0].attributes["height"]!)!
                    XCTAssertLessThanOrEqual(legend.maxY, svgHeight, label)
                    let keyTop = doc.descendants(ofID: "im-key").compactMap { $0.attributes["y"].flatMap(Double.init) }.min() ?? .infinity
                    XCTAssertGreaterThan(keyTop, legend.maxY, "\(label): the key starts below the legend")
                }
                let png = tmp.appendingPathComponent("narrow.png")
                XCTAssertEqual(try runTool("/usr/bin/env", ["rsvg-convert", "-o", png.path, svg.path]).status, 0, label)
            }
        }
        XCTAssertTrue(belowSeen, "some narrow map puts its legend below the frame")
    }

    func testAMillionIncidentsMakeASmallLegibleMap() throws {
        let csv = try clustered(1_000_000, ["--admin1", "PK-BA,IR-11"])
        let svg = tmp.appendingPathComponent("million.svg")
        let r = try incidentmap(["render", csv.path, "--svg", "-o", svg.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let size = try FileManager.default.attributesOfItem(atPath: svg.path)[.size] as! Int
        XCTAssertLessThan(size, 2_000_000, "the SVG of a million incidents stays under 2 MB")
        try assertLegible(svg, incidents: 1_000_000, gazetteer: try Gazetteer.load(), label: "a million")
    }

    func testAnIncidentMarkedLabelIsLabelled() throws {
        // Row 7 of clustered.py's output carries label=true; among 600 it is rarely the deadliest.
        let csv = try clustered(600, ["--admin1", "PK-BA,IR-11"])
        let svg = tmp.appendingPathComponent("label.svg")
        XCTAssertEqual(try incidentmap(["render", csv.path, "--svg", "-o", svg.path]).status, 0)
        let doc = SVGDocument(try Data(contentsOf: svg))
        let labels = doc.descendants(ofID: "im-layer-labels").filter { $0.name == "text" }
        let ids = labels.flatMap { ($0.attributes["data-incident-id"] ?? $0.attributes["data-incident-ids"] ?? "").split(separator: " ") }
        XCTAssertTrue(ids.contains { $0.hasSuffix("-7") }, "the incident marked label: true has a label")
        // --label ID does the same for any incident.
        let other = tmp.appendingPathComponent("label2.svg")
        let id = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")[123].split(separator: ",")[0]
        XCTAssertEqual(try incidentmap(["render", csv.path, "--svg", "-o", other.path, "--label", String(id)]).status, 0)
        let again = SVGDocument(try Data(contentsOf: other)).descendants(ofID: "im-layer-labels").filter { $0.name == "text" }
            .flatMap { ($0.attributes["data-incident-id"] ?? $0.attributes["data-incident-ids"] ?? "").split(separator: " ") }
        XCTAssertTrue(again.contains { $0 == id }, "--label \(id) is labelled")
    }

    func testProvincesShadedByTheirIncidents() throws {
        for region in [["--admin1", "PK-BA,IR-11"], ["--country", "UA"]] {
            let csv = try clustered(600, region)
            let svg = tmp.appendingPathComponent("choropleth.svg"), layers = tmp.appendingPathComponent("layers-\(region[1])")
            let r = try incidentmap(["render", csv.path, "--aggregate", "admin1", "--svg", "-o", svg.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(try incidentmap(["render", csv.path, "--geojson", "-o", layers.path]).status, 0)
            // Each shaded province's count is the number of incidents the layer puts in it.
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: layers.appendingPathComponent("incidents.geojson"))) as! [String: Any]
            var expected: [String: Int] = [:]
            for f in json["features"] as! [[String: Any]] {
                if let id = (f["properties"] as! [String: Any])["province"] as? String { expected[id, default: 0] += 1 }
            }
            let doc = SVGDocument(try Data(contentsOf: svg))
            let shaded = doc.elements.filter { $0.attributes["data-province"] != nil && $0.attributes["data-count"] != nil }
            let drawn = Dictionary(shaded.map { ($0.attributes["data-province"]!, Int($0.attributes["data-count"]!)!) }, uniquingKeysWith: +)
            XCTAssertEqual(drawn, expected, "\(region): counts per province")
            // A province with more incidents is never in a lighter class.
            let classes = shaded.map { e -> (Int, Int) in
                let k = (e.attributes["class"] ?? "").split(separator: " ").first { $0.hasPrefix("im-choropleth-") }.flatMap { Int($0.dropFirst(14)) }
                return (Int(e.attributes["data-count"]!)!, k ?? -1)
            }.sorted { $0 < $1 }
            XCTAssertFalse(classes.contains { $0.1 < 0 }, "every shaded province has a class")
            XCTAssertEqual(classes.map(\.1), classes.map(\.1).sorted(), "\(region): classes follow the counts")
            // The legend names one row per class, and no marker is drawn.
            let legend = doc.descendants(ofID: "im-layer-legend").filter { $0.name == "rect" && ($0.attributes["class"] ?? "").contains("choropleth-") }
            XCTAssertEqual(legend.count, Set(classes.map(\.1)).count, "a legend row per class drawn")
            XCTAssertTrue(doc.descendants(ofID: "im-layer-incidents").isEmpty)
            XCTAssertEqual(try runTool("/usr/bin/env", ["rsvg-convert", "-o", tmp.appendingPathComponent("c.png").path, svg.path]).status, 0)
        }
        // Districts where the data has none (the Falklands): a clear refusal that names the country.
        let falklands = tmp.appendingPathComponent("fk.csv")
        try "id,date,latitude,longitude\nfk1,2024-01-10,-51.69,-57.86\nfk2,2024-01-11,-51.80,-59.50\n".write(to: falklands, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("d.svg")
        let r = try incidentmap(["render", falklands.path, "--aggregate", "admin2", "--svg", "-o", out.path])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("admin-2") && r.stderr.contains("(FK)"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let csv = try clustered(20, ["--admin1", "PK-BA,IR-11"])
        // Cells on request, whatever the number of incidents.
        XCTAssertEqual(try incidentmap(["render", csv.path, "--aggregate", "cells", "--svg", "-o", out.path]).status, 0)
        XCTAssertTrue(SVGDocument(try Data(contentsOf: out)).elements.contains { $0.attributes["data-cell"] != nil })
    }
}

/// The checks, for any test that renders maps.
extension ScratchTestCase {
    /// A clustered CSV of `rows` incidents in `region` (arguments of clustered.py).
    func clustered(_ rows: Int, _ region: [String]) throws -> URL {
        let csv = tmp.appendingPathComponent("c\(rows)-\(region.joined(separator: "_")).csv")
        let r = try runTool("/usr/bin/env", ["python3", LegibilityTests.root.appendingPathComponent("Benchmarks/clustered.py").path, String(rows), csv.path] + region)
        XCTAssertEqual(r.status, 0, r.stderr)
        return csv
    }

    // MARK: The checks

    struct Marker { var centre: XY; var r: Double; var count: Int; var name: String }

    func assertLegible(_ svg: URL, incidents n: Int, gazetteer: Gazetteer, label: String, largestCities: Int = 3) throws {
        let doc = SVGDocument(try Data(contentsOf: svg))
        XCTAssertTrue(doc.parsed, label)
        let frameElement = try XCTUnwrap(doc.elements.first { $0.attributes["class"] == "im-frame" }, label)
        let frame = BoundingBox(minX: Double(frameElement.attributes["x"]!)!, minY: Double(frameElement.attributes["y"]!)!,
                                maxX: Double(frameElement.attributes["x"]!)! + Double(frameElement.attributes["width"]!)!,
                                maxY: Double(frameElement.attributes["y"]!)! + Double(frameElement.attributes["height"]!)!)

        // Every incident accounted for (by a marker, or an arrow towards it off the map), and
        // data-incident-id holds only ids.
        let markers = try self.markers(doc), arrows = try offMapArrows(doc)
        XCTAssertEqual(markers.map(\.count).reduce(0, +) + arrows.map(\.count).reduce(0, +), n,
                       "\(label): the counts of the markers and off-map arrows add up to the incidents")
        for a in arrows {
            XCTAssertTrue(frame.contains(a.centre), "\(label): the arrow towards \(a.name) at \(a.centre) is outside the frame \(frame)")
        }
        for m in doc.elements where m.attributes["data-incident-id"] != nil {
            XCTAssertFalse(m.attributes["data-incident-id"]!.hasPrefix("cell"), "\(label): a cell is not an incident")
        }
        // Nothing outside the frame.
        for m in markers {
            XCTAssertTrue(frame.contains(m.centre), "\(label): marker \(m.name) at \(m.centre) outside the frame \(frame)")
        }
        // No marker under the legend, the scale bar or the locator (they move to a free corner).
        for m in markers {
            XCTAssertFalse(panels(doc).contains { $0.contains(m.centre) }, "\(label): marker \(m.name) at \(m.centre) under a panel")
        }
        // No marker hides more than a sliver of another: each lies over larger ones only, covering
        // at most a tenth of their area, and no centre lies within another marker.
        for i in markers.indices {
            for j in markers.indices where j > i {
                let a = markers[i], b = markers[j]
                let d = ((a.centre.x - b.centre.x) * (a.centre.x - b.centre.x) + (a.centre.y - b.centre.y) * (a.centre.y - b.centre.y)).squareRoot()
                guard d < a.r + b.r else { continue }
                XCTAssertLessThanOrEqual(b.r, a.r + 0.1, "\(label): \(b.name) is drawn over a smaller marker \(a.name)")
                XCTAssertLessThanOrEqual(LegibilityTests.lens(a.r, b.r, d), 0.1 * .pi * a.r * a.r + 1,
                                         "\(label): \(b.name) hides more than a sliver of \(a.name)")
                XCTAssertGreaterThanOrEqual(d, max(a.r, b.r) - 0.2, "\(label): \(b.name) sits within \(a.name)")
            }
        }
        // Labels: inside the frame (under the header), no two overlapping.
        let labelled = (doc.descendants(ofID: "im-layer-labels") + doc.descendants(ofID: "im-layer-places")).filter { $0.name == "text" }
        let boxes = labelled.compactMap { e -> (BoundingBox, String)? in
            guard let b = e.attributes["data-box"]?.split(separator: " ").compactMap({ Double($0) }), b.count == 4 else { return nil }
            return (BoundingBox(minX: b[0], minY: b[1], maxX: b[0] + b[2], maxY: b[1] + b[3]), e.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        XCTAssertEqual(boxes.count, labelled.count, "\(label): every label records its box")
        for (i, (box, text)) in boxes.enumerated() {
            XCTAssertTrue(box.minX >= frame.minX && box.maxX <= frame.maxX && box.minY >= frame.minY && box.maxY <= frame.maxY,
                          "\(label): label \(text) outside the frame")
            for (other, otherText) in boxes[(i + 1)...] {
                XCTAssertFalse(box.intersects(other) && box.intersection(other) > 0.5, "\(label): labels \(text) and \(otherText) overlap")
            }
        }
        // Leaders: at most a dozen, none longer than a fifth of the map's width, none crossing.
        let leaders = doc.descendants(ofID: "im-layer-labels").filter { $0.name == "line" }.map { l in
            (XY(x: Double(l.attributes["x1"]!)!, y: Double(l.attributes["y1"]!)!), XY(x: Double(l.attributes["x2"]!)!, y: Double(l.attributes["y2"]!)!))
        }
        XCTAssertLessThanOrEqual(leaders.count, 12, "\(label): leader lines")
        for (i, (a, b)) in leaders.enumerated() {
            XCTAssertLessThanOrEqual(((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot(), frame.width / 5 + 1, "\(label): leader too long")
            for (c, d) in leaders[(i + 1)...] {
                XCTAssertFalse(PlanarOps.segmentsIntersect(a, b, c, d), "\(label): leaders cross")
            }
        }
        // The three most populous cities inside the frame are named (by a town label or an incident's).
        let names = labelled.map(\.text).joined(separator: "\n")
        for city in try self.largestCities(doc, frame: frame, gazetteer: gazetteer, count: largestCities) {
            XCTAssertTrue(names.contains(city), "\(label): \(city), one of the \(largestCities) largest cities in the frame, is not named")
        }
    }

    /// The markers of the incidents layer in drawing order, with their symbols' centres and radii.
    func markers(_ doc: SVGDocument) throws -> [Marker] {
        guard let layer = doc.elements.firstIndex(where: { $0.attributes["id"] == "im-layer-incidents" }) else { return [] }
        var out: [Marker] = []
        for (i, g) in doc.elements.enumerated() where g.name == "g" && g.ancestors.last == layer && !LegibilityTests.isOffMap(g) {
            let at = try XCTUnwrap(WorldTests.translation(g.attributes["transform"]))
            let symbol = try XCTUnwrap(doc.elements[(i + 1)...].first { ($0.attributes["class"] ?? "").hasPrefix("im-marker-") && $0.ancestors.last == i })
            var centre = at, r = 0.0
            if symbol.name == "circle" {
                r = Double(symbol.attributes["r"]!)!
                centre = XY(x: at.x + Double(symbol.attributes["cx"]!)!, y: at.y + Double(symbol.attributes["cy"]!)!)
            } else {
                // "Mx,y…": the top vertex, 9.5 (diamond) or 10.5 (triangle) eighths of the radius above the centre.
                let d = symbol.attributes["d"]!.dropFirst().split(whereSeparator: { $0 == "L" || $0 == "Z" })[0].split(separator: ",").compactMap { Double($0) }
                let k = symbol.attributes["class"] == "im-marker-explosion" ? 10.5 : 9.5
                let next = symbol.attributes["d"]!.split(separator: "L")[1].split(separator: ",").compactMap { Double($0) }
                r = abs(next[0] - d[0]) * 8 / 9.5
                centre = XY(x: at.x + d[0], y: at.y + d[1] + r * k / 8)
            }
            let count = Int(g.attributes["data-count"] ?? "1") ?? 0
            out.append(Marker(centre: centre, r: r, count: count, name: g.attributes["data-incident-id"] ?? "(\(count) at \(Int(centre.x)),\(Int(centre.y)))"))
        }
        return out
    }

    /// The boxes of the legend, the scale bar and the locator, in SVG px.
    func panels(_ doc: SVGDocument) -> [BoundingBox] {
        var panels: [BoundingBox] = []
        for id in ["im-layer-legend", "im-scale-bar", "im-inset"] {
            guard let g = doc.elements.firstIndex(where: { $0.attributes["id"] == id }),
                  let rect = doc.elements[(g + 1)...].first(where: { $0.name == "rect" && $0.ancestors.contains(g) }) else { continue }
            let at = WorldTests.translation(doc.elements[g].attributes["transform"]) ?? XY(x: 0, y: 0)
            let x = at.x + (Double(rect.attributes["x"] ?? "0") ?? 0), y = at.y + (Double(rect.attributes["y"] ?? "0") ?? 0)
            panels.append(BoundingBox(minX: x, minY: y, maxX: x + Double(rect.attributes["width"]!)!, maxY: y + Double(rect.attributes["height"]!)!))
        }
        return panels
    }

    static func isOffMap(_ e: SVGDocument.Element) -> Bool { (e.attributes["class"] ?? "").split(separator: " ").contains("im-offmap") }

    /// The arrows of the incidents layer towards incidents off the map: each arrow's tip (as
    /// `centre`, radius 0) and how many incidents it stands for.
    func offMapArrows(_ doc: SVGDocument) throws -> [Marker] {
        guard let layer = doc.elements.firstIndex(where: { $0.attributes["id"] == "im-layer-incidents" }) else { return [] }
        return try doc.elements.enumerated().filter { $0.element.ancestors.last == layer && LegibilityTests.isOffMap($0.element) }.map { i, g in
            let path = try XCTUnwrap(doc.elements[(i + 1)...].first { $0.name == "path" && $0.ancestors.last == i })
            // "Mx,yLx,y": the tip is the end.
            let tip = path.attributes["d"]!.split(separator: "L")[1].split(separator: ",").compactMap { Double($0) }
            let name = g.attributes["data-incident-id"] ?? g.attributes["data-incident-ids"] ?? g.attributes["data-cells"] ?? "?"
            return Marker(centre: XY(x: tip[0], y: tip[1]), r: 0, count: Int(g.attributes["data-count"] ?? "") ?? 0, name: name)
        }
    }

    /// The `count` most populous towns of the gazetteer more than 20 px inside the frame and
    /// not under its legend, scale bar or locator.
    func largestCities(_ doc: SVGDocument, frame: BoundingBox, gazetteer: Gazetteer, count: Int) throws -> [String] {
        let meta = try XCTUnwrap(doc.elements.first { $0.attributes["id"] == "im-georeference" })
        let json = try JSONSerialization.jsonObject(with: Data(meta.text.utf8)) as! [String: Any]
        let crs = json["crs"] as! String, affine = json["affine"] as! [Double], bbox = json["bbox_lonlat"] as! [Double]
        let projection = try Projection(from: "EPSG:4326", to: crs)
        let inner = frame.expanded(dx: -20, dy: -20)
        // What the legend, the scale bar and the locator cover cannot be named.
        let panels = self.panels(doc)
        let towns = gazetteer.referenceTowns(minimumPopulation: 100_000, within: BoundingBox(minX: bbox[0], minY: bbox[1], maxX: bbox[2], maxY: bbox[3]))
            .sorted { ($0.population, $1.name) > ($1.population, $0.name) }
        var names: [String] = []
        for t in towns where names.count < count {
            let q = try projection.forward(t.location.lon, t.location.lat)
            let p = XY(x: affine[0] * q.x + affine[1] * q.y + affine[2], y: affine[3] * q.x + affine[4] * q.y + affine[5])
            if inner.contains(p) && !panels.contains(where: { $0.expanded(dx: 8, dy: 8).contains(p) }) { names.append(t.name) }
        }
        return names
    }

    static func lens(_ r1: Double, _ r2: Double, _ d: Double) -> Double {
        if d >= r1 + r2 { return 0 }
        if d <= abs(r1 - r2) { return .pi * min(r1, r2) * min(r1, r2) }
        let a1 = acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1)), a2 = acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2))
        return r1 * r1 * a1 + r2 * r2 * a2 - 0.5 * ((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)).squareRoot()
    }
}

private extension BoundingBox {
    /// The area two boxes share.
    func intersection(_ o: BoundingBox) -> Double {
        max(0, min(maxX, o.maxX) - max(minX, o.minX)) * max(0, min(maxY, o.maxY) - max(minY, o.minY))
    }
}
