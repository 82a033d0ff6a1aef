import Foundation
import Geometry
@testable import Pipeline
import XCTest

/// Aggregated maps bin incidents by hexagons of the map's plane: the same on the screen at the
/// equator and in the Arctic, and every incident in exactly one.
final class HexBinTests: ScratchTestCase {
    func testAPointLiesInTheHexagonWhoseCentreIsNearest() {
        // Hexagon centres of a 10 km grid (pointy-top: rows 15 km apart, every other row shifted by
        // half a width); a point belongs to the centre nearest it, whatever the direction.
        let across = 10_000.0, size = across / 3.0.squareRoot()
        var random = SeededRandom(7)
        func next() -> Double { random.next() }
        var centres: [Int64: XY] = [:]
        for q in -6...6 {
            for r in -6...6 {
                let c = XY(x: size * 3.0.squareRoot() * (Double(q) + Double(r) / 2), y: size * 1.5 * Double(r))
                centres[HexBins.key(x: c.x, y: c.y, across: across)] = c
            }
        }
        XCTAssertEqual(centres.count, 169, "each centre is a hexagon of its own")
        for _ in 0..<5_000 {
            let p = XY(x: (next() - 0.5) * 60_000, y: (next() - 0.5) * 60_000)
            let nearest = centres.min { a, b in
                let da = (a.value.x - p.x) * (a.value.x - p.x) + (a.value.y - p.y) * (a.value.y - p.y)
                let db = (b.value.x - p.x) * (b.value.x - p.x) + (b.value.y - p.y) * (b.value.y - p.y)
                return da < db
            }!
            XCTAssertEqual(HexBins.key(x: p.x, y: p.y, across: across), nearest.key, "\(p)")
        }
    }

    /// Incidents spread evenly over northern Finland and Russia (63–69° N): cells of longitude and
    /// latitude would be less than half as wide on the page as tall there, so each marker's nearest
    /// neighbour would lie beside it; hexagons put neighbours above and below as often as beside.
    func testHexagonsAreAsWideAsTallOnThePageInTheArctic() throws {
        var random = SeededRandom(0x66)
        func next() -> Double { random.next() }
        var csv = "id,date,latitude,longitude,event_type\n"
        for i in 0..<4_000 {
            csv += "A\(i),2024-0\(1 + i % 9)-11,\(63 + 6 * next()),\(26 + 14 * next()),Battles\n"
        }
        let input = tmp.appendingPathComponent("arctic.csv"), svg = tmp.appendingPathComponent("arctic.svg")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let r = try incidentmap(["render", input.path, "--aggregate", "cells", "--svg", "-o", svg.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = SVGDocument(try Data(contentsOf: svg))
        let markers = doc.descendants(ofID: "im-layer-incidents").filter { $0.attributes["data-cell"] != nil }
        XCTAssertEqual(markers.compactMap { $0.attributes["data-count"].flatMap(Int.init) }.reduce(0, +), 4_000)
        let points = markers.compactMap { translate($0.attributes["transform"]) }
        XCTAssertGreaterThan(points.count, 100)
        var vertical = 0
        for (i, p) in points.enumerated() {
            let n = points.indices.filter { $0 != i }.min { a, b in
                hypot(points[a].0 - p.0, points[a].1 - p.1) < hypot(points[b].0 - p.0, points[b].1 - p.1)
            }!
            if abs(points[n].1 - p.1) > abs(points[n].0 - p.0) { vertical += 1 }
        }
        let share = Double(vertical) / Double(points.count)
        // Cells of longitude and latitude give about 0.24 here; hexagons about 0.5.
        XCTAssertGreaterThan(share, 0.4, "nearest neighbours above or below: \(vertical) of \(points.count)")
        XCTAssertEqual(try runTool("rsvg-convert", ["-w", "800", "-o", tmp.appendingPathComponent("arctic.png").path, svg.path]).status, 0)
    }

    /// Incidents around Fiji, either side of the antimeridian: the cells are sized for their 3° the
    /// short way round, not the 360° from 179°W to 179°E (which had made 15 cells of 1.5°), on the
    /// single map and on panels by month, whose shared extent is Fiji's and not the world's, as is
    /// the frame of a map of provinces or districts shaded by their incidents.
    func testCellsAcrossTheAntimeridianAreSizedForTheShortWayRound() throws {
        var random = SeededRandom(0xF1)
        func next() -> Double { random.next() }
        var csv = "id,date,latitude,longitude,event_type\n"
        for i in 0..<2_500 {
            var lon = 179.5 + (next() + next() + next() - 1.5) * 1.6
            if lon > 180 { lon -= 360 }
            csv += "F\(i),2024-0\(1 + i % 3)-1\(i % 9),\(-17.5 + (next() + next() - 1) * 1.2),\(lon),Battles\n"
        }
        let input = tmp.appendingPathComponent("fiji.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        func across(_ svg: URL) throws -> (km: Double, cells: Int) {
            let text = try String(contentsOf: svg, encoding: .utf8)
            let subtitle = try XCTUnwrap(text.range(of: #"in [0-9,]+ hexagons [0-9.]+ km across"#, options: .regularExpression)).lowerBound
            let words = text[subtitle...].split(separator: " ")
            return (try XCTUnwrap(Double(words[3])), try XCTUnwrap(Int(words[1].replacingOccurrences(of: ",", with: ""))))
        }
        for (name, extra) in [("fiji.svg", [String]()), ("fiji-by-month.svg", ["--by", "month"])] {
            let svg = tmp.appendingPathComponent(name)
            let r = try incidentmap(["render", input.path, "--svg", "-o", svg.path] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            let (km, cells) = try across(svg)
            XCTAssertLessThan(km, 20, name)
            XCTAssertGreaterThan(cells, 300, name)
            XCTAssertEqual(try runTool("rsvg-convert", ["-w", "800", "-o", tmp.appendingPathComponent(name + ".png").path, svg.path]).status, 0)
        }
        // The panels' frame covers Fiji, a few degrees, not the globe.
        let doc = SVGDocument(try Data(contentsOf: tmp.appendingPathComponent("fiji-by-month.svg")))
        let metas = doc.elements.filter { $0.name == "metadata" }
        XCTAssertEqual(metas.count, 3)
        for meta in metas {
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(meta.text.utf8)) as? [String: Any])
            let b = try XCTUnwrap(json["bbox_lonlat"] as? [Double])
            // West edge east of the east edge: across the antimeridian, some 10–20° wide.
            XCTAssertGreaterThan(b[0], 170, "\(b)")
            XCTAssertLessThan(b[2], -170, "\(b)")
        }
        let markers = doc.elements.filter { $0.attributes["data-cell"] != nil }
        XCTAssertGreaterThan(markers.count, 300, "each panel draws its many small cells")
        // Provinces and districts shaded by their incidents: the frame is Fiji's too.
        for unit in ["admin1", "admin2"] {
            let svg = tmp.appendingPathComponent("fiji-\(unit).svg")
            let r = try incidentmap(["render", input.path, "--aggregate", unit, "--svg", "-o", svg.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let meta = try XCTUnwrap(SVGDocument(try Data(contentsOf: svg)).elements.first { $0.name == "metadata" })
            let b = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(meta.text.utf8)) as? [String: Any])?["bbox_lonlat"] as? [Double])
            XCTAssertGreaterThan(b[0], 170, "\(unit): \(b)")
            XCTAssertLessThan(b[2], -170, "\(unit): \(b)")
        }
    }

    /// West of Greenwich and south of the equator a cell's centre is written with W and S, not as
    /// negative degrees east or north (Mexico, and the Atlantic coast of Brazil).
    func testCellCentresWestAndSouthAreWrittenWithTheirHemispheres() throws {
        var csv = "id,date,latitude,longitude,event_type\n"
        for i in 0..<2_400 {
            let (lat, lon) = i % 2 == 0 ? (31.7, -106.4) : (-8.05, -34.9)
            csv += "M\(i),2024-05-\(10 + i % 9),\(lat + Double(i % 11) * 0.05),\(lon + Double(i % 7) * 0.05),Battles\n"
        }
        let input = tmp.appendingPathComponent("west.csv"), svg = tmp.appendingPathComponent("west.svg")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let r = try incidentmap(["render", input.path, "--svg", "-o", svg.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOf: svg, encoding: .utf8)
        let centres = text.components(separatedBy: "centred at ").dropFirst().map { String($0.prefix { $0 != ")" }) }
        XCTAssertGreaterThan(centres.count, 2)
        for c in centres {
            XCTAssertFalse(c.contains("-"), c)
            XCTAssertTrue(c.hasSuffix("°W"), c)
        }
        XCTAssertTrue(centres.contains { $0.contains("°S") }, "\(centres)")
        XCTAssertTrue(centres.contains { $0.contains("°N") }, "\(centres)")
    }

    /// Incidents in Ukraine and six neighbours, binned: the subtitle counts the countries rather than
    /// naming seven (which ran past the frame's right edge), in English and in Ukrainian; with three
    /// it names them.
    func testASubtitleCountsManyCountriesAndNamesAFew() throws {
        let places: [(String, Double, Double)] = [("UA", 50.45, 30.52), ("PL", 52.23, 21.01), ("RO", 44.43, 26.10), ("MD", 47.01, 28.86),
                                                  ("BY", 53.90, 27.56), ("HU", 47.50, 19.04), ("SK", 48.15, 17.11)]
        func render(_ countries: Int, _ language: String) throws -> String {
            var csv = "id,date,latitude,longitude,event_type\n"
            for i in 0..<2_100 {
                let (_, lat, lon) = places[i % countries]
                csv += "E\(i),2024-03-\(10 + i % 9),\(lat + Double(i % 13) * 0.01),\(lon + Double(i % 7) * 0.01),Battles\n"
            }
            let input = tmp.appendingPathComponent("c\(countries).csv"), svg = tmp.appendingPathComponent("c\(countries)-\(language).svg")
            try csv.write(to: input, atomically: true, encoding: .utf8)
            let r = try incidentmap(["render", input.path, "--svg", "--lang", language, "-o", svg.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let doc = SVGDocument(try Data(contentsOf: svg))
            let subtitle = try XCTUnwrap(doc.elements.first { ($0.attributes["class"] ?? "").hasSuffix("subtitle") })
            return subtitle.text
        }
        let en = try render(7, "en"), uk = try render(7, "uk")
        XCTAssertTrue(en.contains("7 countries"), en)
        XCTAssertFalse(en.contains("Poland") || en.contains("Slovakia"), en)
        XCTAssertTrue(uk.contains("країн: 7"), uk)
        XCTAssertFalse(uk.contains("Польща") || uk.contains("Poland"), uk)
        XCTAssertLessThan(en.count, 110, "the subtitle fits one line: \(en)")
        let three = try render(3, "en")
        for name in ["Poland", "Romania", "Ukraine"] { XCTAssertTrue(three.contains(name), three) }
    }
}
