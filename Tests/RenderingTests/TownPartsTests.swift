import Geometry
import Rendering
import XCTest

/// A town that lies within a larger drawn town and close to its dot is a part of it (GeoNames lists
/// city quarters as populated places: Kharkiv's Saltivka, 400,000): on a regional map it is not
/// drawn; on a map of the city, where its dot stands apart, it is. A town beyond the larger one's
/// built-up area (Sloviansk beside Kramatorsk) is always its own.
final class TownPartsTests: XCTestCase {
    func townLabels(incidents points: [LonLat], width: Double, titles: [String] = []) throws -> [String] {
        let incidents = points.enumerated().map { i, p in
            SceneIncident(id: "i\(i)", location: p, number: i + 1, title: i < titles.count ? titles[i] : "Incident \(i + 1)",
                          detail: "1 Mar 2024", keyText: "", style: .strike)
        }
        let places = [
            ScenePlace(name: "Kharkiv", location: LonLat(lon: 36.2548, lat: 49.9818), population: 1_430_000),
            // A quarter 8 km west-south-west of the centre, clear of the city's label.
            ScenePlace(name: "Saltivka", location: LonLat(lon: 36.1500, lat: 49.9400), population: 409_300),
            ScenePlace(name: "Kramatorsk", location: LonLat(lon: 37.5563, lat: 48.7230), population: 150_000),
            ScenePlace(name: "Slovyansk", location: LonLat(lon: 37.6167, lat: 48.8667), population: 106_000),
        ]
        let land: Ring = [LonLat(lon: 33, lat: 47), LonLat(lon: 41, lat: 47), LonLat(lon: 41, lat: 52), LonLat(lon: 33, lat: 52), LonLat(lon: 33, lat: 47)]
        let scene = MapScene(title: "Towns", subtitle: "", summary: "", attribution: [],
                             countries: [SceneArea(id: "UA", name: "Ukraine", geometry: .polygon(Polygon(exterior: land)), focus: true)],
                             provinces: [], borders: [], places: places, incidents: incidents)
        var options = MapOptions()
        options.width = width
        let svg = try MapRenderer.render(scene, options: options).root
        func labels(_ node: SVGNode) -> [String] {
            guard case .element(_, let attributes, let children) = node else { return [] }
            let cls = attributes.first { $0.0 == "class" }?.1 ?? ""
            var own: [String] = []
            if cls.split(separator: " ").contains("im-town-label") {
                own = [children.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()]
            }
            return own + children.flatMap(labels)
        }
        return labels(svg)
    }

    func testAQuarterOfACityIsNotDrawnBesideItOnARegionalMap() throws {
        // Incidents 250 km apart: a regional map, on which Saltivka's dot is a few px from Kharkiv's.
        for width in [420.0, 1000] {
            let towns = try townLabels(incidents: [LonLat(lon: 36.6, lat: 49.7), LonLat(lon: 38.0, lat: 48.4)], width: width)
            XCTAssertTrue(towns.contains("Kharkiv"), "\(width): \(towns)")
            XCTAssertFalse(towns.contains("Saltivka"), "\(width): a quarter of Kharkiv: \(towns)")
            XCTAssertTrue(towns.contains("Kramatorsk") && towns.contains("Slovyansk"), "\(width): two towns 16 km apart: \(towns)")
        }
    }

    /// A town under an incident's marker is named beside it, unless the incident's label is the
    /// town's name already ("8 Tijuana" beside "Tijuana" said it twice).
    func testATownIsNotNamedTwiceBesideAnIncidentLabelledWithItsName() throws {
        let points = [LonLat(lon: 36.2548, lat: 49.9818), LonLat(lon: 38.0, lat: 48.4)]
        let labelled = try townLabels(incidents: points, width: 1000, titles: ["Kharkiv (UA)", "Bakhmut (UA)"])
        XCTAssertFalse(labelled.contains("Kharkiv"), "\(labelled)")
        let near = try townLabels(incidents: points, width: 1000, titles: ["a market near Kharkiv", "Bakhmut"])
        XCTAssertTrue(near.contains("Kharkiv"), "the label does not name the town: \(near)")
        // Named by the incident, the city is on the map all the same: its quarter is part of it.
        XCTAssertFalse(labelled.contains("Saltivka"), "\(labelled)")
    }

    func testOnAMapOfTheCityItsQuarterIsDrawn() throws {
        // Incidents within Kharkiv: the frame is a few dozen km, and Saltivka's dot stands apart.
        let towns = try townLabels(incidents: [LonLat(lon: 36.22, lat: 49.99), LonLat(lon: 36.30, lat: 49.95)], width: 1000)
        XCTAssertTrue(towns.contains("Saltivka"), "\(towns)")
    }
}
