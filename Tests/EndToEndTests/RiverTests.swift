import Foundation
import XCTest

/// Rivers (GSHHG's WDBII lines): drawn under the incidents where the frame reaches them, the
/// smaller classes only on larger-scale maps, clipped to the frame, with a legend row and a credit
/// only when drawn; a map that reaches none carries neither layer, rules, row nor credit.
final class RiverTests: ScratchTestCase {
    func render(_ csv: String, name: String, _ args: [String] = []) throws -> (String, SVGDocument) {
        let input = tmp.appendingPathComponent("\(name).csv"), svg = tmp.appendingPathComponent("\(name).svg")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let r = try incidentmap(["render", input.path, "--svg", "-o", svg.path] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try runTool("rsvg-convert", ["-w", "500", "-o", tmp.appendingPathComponent("\(name).png").path, svg.path]).status, 0)
        let data = try Data(contentsOf: svg)
        return (String(decoding: data, as: UTF8.self), SVGDocument(data))
    }

    /// Every point of a path's data ("M1,2L3,4…").
    func points(_ d: String) -> [(Double, Double)] {
        d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }

    func testNileAndDniproAreDrawnClippedUnderTheIncidents() throws {
        let cases = [
            // Khartoum, Wad Madani, Sennar: the Blue and White Nile and their confluence; wadis dashed.
            ("sudan", "id,date,latitude,longitude\nK,2024-03-01,15.5007,32.5599\nW,2024-03-02,14.4012,33.5199\nS,2024-03-03,13.5667,33.6\n", true),
            // Zaporizhzhia, Kherson, Dnipro: the Dnipro, permanent rivers only.
            ("ukraine", "id,date,latitude,longitude\nZ,2024-03-01,47.8388,35.1396\nK,2024-03-02,46.6354,32.6169\nD,2024-03-03,48.4647,35.0462\n", false),
        ]
        for (name, csv, intermittent) in cases {
            let (svg, doc) = try render(csv, name: name)
            let layer = doc.descendants(ofID: "im-layer-rivers")
            let classes = Set(layer.compactMap { $0.attributes["data-river-class"] })
            XCTAssertTrue(classes.contains("1"), "\(name): a permanent major river is drawn (\(classes))")
            XCTAssertEqual(classes.contains("5") || classes.contains("6"), intermittent, "\(name): intermittent rivers \(classes)")
            XCTAssertTrue(svg.contains(".im-river {"), name)
            // Under the lakes, borders and incidents: the layer comes before them in the document.
            let order = ["im-layer-rivers", "im-layer-border", "im-layer-incidents"].compactMap { svg.range(of: "id=\"\($0)\"")?.lowerBound }
            XCTAssertEqual(order, order.sorted(), name)
            XCTAssertEqual(order.count, 3, name)
            // Clipped: no point farther than the clip box (3 px) outside the frame.
            guard let frame = doc.elements.first(where: { $0.attributes["class"] == "im-frame" }),
                  let fx = Double(frame.attributes["x"] ?? ""), let fy = Double(frame.attributes["y"] ?? ""),
                  let fw = Double(frame.attributes["width"] ?? ""), let fh = Double(frame.attributes["height"] ?? "") else { return XCTFail("no frame") }
            let pts = layer.flatMap { points($0.attributes["d"] ?? "") }
            XCTAssertGreaterThan(pts.count, 50, name)
            XCTAssertTrue(pts.allSatisfy { $0.0 >= fx - 3.05 && $0.0 <= fx + fw + 3.05 && $0.1 >= fy - 3.05 && $0.1 <= fy + fh + 3.05 }, name)
            // A legend row (two when intermittent ones are drawn) and the credit.
            let legend = doc.descendants(ofID: "im-layer-legend").map(\.text)
            XCTAssertTrue(legend.contains("River"), "\(name): \(legend)")
            XCTAssertEqual(legend.contains("Intermittent river"), intermittent, "\(name): \(legend)")
            XCTAssertTrue(doc.descendants(ofID: "im-key").contains { $0.text.contains("Rivers: GSHHG 2.3.7 (WDBII)") }, name)
            // Small: the rivers of a regional map are a few tens of kB.
            let riverBytes = layer.map { ($0.attributes["d"] ?? "").utf8.count }.reduce(0, +)
            XCTAssertLessThan(riverBytes, 80_000, name)
        }
    }

    func testSmallerClassesOnlyAtLargerScalesAndNothingWhereNoneIsInTheFrame() throws {
        // Five continents: a world map draws no river at all (classes 1 stop at 6,000 km).
        let world = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/world/points.csv"), encoding: .utf8)
        let (worldSVG, _) = try render(world, name: "world")
        XCTAssertFalse(worldSVG.contains("layer-rivers"))
        // The Nile basin at about 3,000 km: the permanent major rivers only.
        let (wide, wideDoc) = try render("id,date,latitude,longitude\nA,2024-03-01,15.5,32.5\nB,2024-03-02,4.85,31.6\nC,2024-03-03,24.1,32.9\n", name: "nile")
        XCTAssertTrue(wide.contains("layer-rivers"))
        XCTAssertEqual(Set(wideDoc.descendants(ofID: "im-layer-rivers").compactMap { $0.attributes["data-river-class"] }), ["1"])
        // The open Pacific: no layer, no rules, no legend row, no credit.
        let (sea, seaDoc) = try render("id,date,latitude,longitude\nP,2024-03-01,-10.0,-140.0\n", name: "sea")
        XCTAssertFalse(sea.contains("layer-rivers") || sea.contains(".im-river") || sea.contains("GSHHG"))
        XCTAssertFalse(seaDoc.descendants(ofID: "im-layer-legend").contains { $0.text == "River" })
    }

    func testPersianLegendNamesTheRivers() throws {
        let (_, doc) = try render("id,date,latitude,longitude\nK,2024-03-01,15.5007,32.5599\nW,2024-03-02,14.4012,33.5199\n", name: "fa", ["--lang", "fa"])
        let legend = doc.descendants(ofID: "im-layer-legend").map(\.text)
        XCTAssertTrue(legend.contains("رود") && legend.contains("رود فصلی"), "\(legend)")
    }
}
