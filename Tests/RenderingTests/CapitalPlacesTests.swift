import Geometry
import Rendering
import XCTest

/// Capitals on the map, on a scene of its own: placed before bigger towns, drawn with the
/// `capital` class over a ring, and listed in the legend only when one is drawn.
final class CapitalPlacesTests: XCTestCase {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var classes: Set<Substring> { Set((attributes["class"] ?? "").split(separator: " ")) }
    }

    /// Every element of `node` in document order, each with the text directly inside it.
    func elements(_ node: SVGNode) -> [Element] {
        guard case .element(let name, let attributes, let children) = node else { return [] }
        var text = ""
        for case .text(let t) in children { text += t }
        return [Element(name: name, attributes: Dictionary(attributes, uniquingKeysWith: { a, _ in a }), text: text)]
            + children.flatMap(elements)
    }

    func render(capitalAt capital: LonLat) throws -> [Element] {
        let square: Ring = [LonLat(lon: 60, lat: 25), LonLat(lon: 66, lat: 25), LonLat(lon: 66, lat: 31), LonLat(lon: 60, lat: 31), LonLat(lon: 60, lat: 25)]
        let incidents = [LonLat(lon: 62, lat: 27), LonLat(lon: 64, lat: 29)].enumerated().map { i, p in
            SceneIncident(id: "i\(i)", location: p, number: i + 1, title: "Incident \(i + 1)", detail: "1 Mar 2024", keyText: "", style: .strike)
        }
        // Eight towns of a million or more around the incidents, and a capital of 800 people.
        var places = [(61.0, 26.0), (65.0, 26.0), (61.0, 30.0), (65.0, 30.0), (63.0, 26.0), (63.0, 30.0), (61.0, 28.0), (65.0, 28.0)]
            .enumerated().map { i, p in ScenePlace(name: "Bigcity \(i + 1)", location: LonLat(lon: p.0, lat: p.1), population: 1_000_000 + i) }
        places.append(ScenePlace(name: "Capitalia", location: capital, population: 800, capital: true))
        let scene = MapScene(title: "Capitals", subtitle: "", summary: "", attribution: [],
                             countries: [SceneArea(id: "XX", name: "Testland", geometry: .polygon(Polygon(exterior: square)), focus: true)],
                             provinces: [], borders: [], places: places, incidents: incidents)
        return elements(try MapRenderer.render(scene, options: MapOptions()).root)
    }

    func legendRows(_ all: [Element]) -> [String] { all.filter { $0.classes.contains("im-legend-text") }.map(\.text) }

    func testASmallCapitalIsPlacedBeforeBiggerTownsWithItsOwnSymbol() throws {
        let all = try render(capitalAt: LonLat(lon: 63, lat: 28.6))
        let labels = all.filter { $0.classes.contains("im-town-label") }
        XCTAssertGreaterThan(labels.count, 3, "\(labels.map(\.text))")
        XCTAssertEqual(labels.first?.text, "Capitalia", "\(labels.map(\.text))")
        XCTAssertEqual(labels.filter { $0.classes.contains("im-capital") }.map(\.text), ["Capitalia"])
        let dots = all.filter { $0.name == "circle" && $0.classes.contains("im-town") && $0.attributes["cx"] != "0" }
        XCTAssertEqual(dots.count, labels.count, "one town circle per town")
        let capitalDot = try XCTUnwrap(dots.first { $0.classes.contains("im-capital") })
        let ring = try XCTUnwrap(all.first { $0.classes.contains("im-capital-ring") && $0.attributes["cx"] != "0" })
        XCTAssertEqual([ring.attributes["cx"], ring.attributes["cy"]], [capitalDot.attributes["cx"], capitalDot.attributes["cy"]])
        XCTAssertGreaterThan(Double(ring.attributes["r"] ?? "") ?? 0, Double(capitalDot.attributes["r"] ?? "") ?? 0)
        XCTAssertEqual(legendRows(all).suffix(2), ["Town", "Capital"])
    }

    func testACapitalUnderAnIncidentIsNamedBesideItWithoutItsSymbol() throws {
        // On the first incident's marker: the marker hides the capital's symbol, so its name is
        // set beside the marker, and the legend has no capital row (no capital symbol is drawn).
        let all = try render(capitalAt: LonLat(lon: 62, lat: 27))
        let labels = all.filter { $0.classes.contains("im-town-label") }.map(\.text)
        XCTAssertTrue(labels.contains("Capitalia"), "\(labels)")
        XCTAssertGreaterThan(labels.count, 3, "the other towns are drawn: \(labels)")
        XCTAssertFalse(all.contains { $0.name == "circle" && ($0.classes.contains("im-capital") || $0.classes.contains("im-capital-ring")) })
        XCTAssertEqual(legendRows(all).last, "Town")
        XCTAssertFalse(legendRows(all).contains("Capital"))
    }
}
