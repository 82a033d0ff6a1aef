import Foundation
import Gazetteer
import Geometry
import Projection
import XCTest

/// A map fits the core of its incidents: a few incidents far from all the others (one in London
/// among 200 in Balochistan) get an arrow at the frame's edge that names how many and how far,
/// not a frame the size of a continent. Incidents genuinely spread over the world keep the world map.
final class OutlierTests: ScratchTestCase {
    /// What a rendered map says of its frame and its off-map arrows.
    struct Map {
        var doc: SVGDocument
        var svg: String
        /// West, south, east, north (east < west across the antimeridian).
        var bbox: [Double]
        /// The frame's centre in longitude/latitude, from the georeference.
        var centre: LonLat
        /// Each arrow: its incident ids and count, and its label's text.
        var arrows: [(ids: [String], count: Int, label: String)]
        /// Degrees of longitude the frame spans.
        var lonSpan: Double { bbox[2] >= bbox[0] ? bbox[2] - bbox[0] : bbox[2] + 360 - bbox[0] }
    }

    /// `rows` as CSV rows (id, lat, lon) after the rows of `base` (a clustered.py CSV, or none).
    func csv(_ rows: [(String, Double, Double)], after base: URL? = nil) throws -> URL {
        var text = base.map { try? String(contentsOf: $0, encoding: .utf8) }.flatMap { $0 } ?? "event_id_cnty,event_date,event_type,location,latitude,longitude\n"
        let header = text.split(separator: "\n")[0].split(separator: ",").map(String.init)
        for (id, lat, lon) in rows {
            let values: [String: String] = ["event_id_cnty": id, "event_date": "20 January 2024", "year": "2024", "event_type": "Battles",
                                            "sub_event_type": "Armed clash", "location": OutlierTests.names[id] ?? "", "latitude": String(format: "%.4f", lat),
                                            "longitude": String(format: "%.4f", lon), "fatalities": "0"]
            text += header.map { values[$0] ?? "" }.joined(separator: ",") + "\n"
        }
        let url = tmp.appendingPathComponent("in-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func render(_ input: URL, name: String, _ extra: [String] = []) throws -> (URL, Map) {
        let out = tmp.appendingPathComponent("\(name).svg")
        let r = try incidentmap(["render", input.path, "--svg", "-o", out.path] + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        if let keep = ProcessInfo.processInfo.environment["OUTLIER_MAPS"] {
            try? FileManager.default.removeItem(atPath: "\(keep)/\(name).svg")
            try FileManager.default.copyItem(atPath: out.path, toPath: "\(keep)/\(name).svg")
        }
        let doc = SVGDocument(try Data(contentsOf: out))
        XCTAssertTrue(doc.parsed, name)
        let meta = try XCTUnwrap(doc.elements.first { $0.attributes["id"] == "im-georeference" })
        let json = try JSONSerialization.jsonObject(with: Data(meta.text.utf8)) as! [String: Any]
        let affine = json["affine"] as! [Double]
        let frame = try XCTUnwrap(doc.elements.first { $0.attributes["class"] == "im-frame" })
        let sx = Double(frame.attributes["x"]!)! + Double(frame.attributes["width"]!)! / 2
        let sy = Double(frame.attributes["y"]!)! + Double(frame.attributes["height"]!)! / 2
        // svg = affine · projected (no rotation): back to projected metres, then to longitude/latitude.
        XCTAssertEqual(affine[1], 0)
        XCTAssertEqual(affine[3], 0)
        let q = try Projection(from: json["crs"] as! String, to: "EPSG:4326").forward((sx - affine[2]) / affine[0], (sy - affine[5]) / affine[4])
        let labels = doc.descendants(ofID: "im-layer-labels").filter { ($0.attributes["class"] ?? "").contains("im-offmap-label") }
        let arrows = doc.descendants(ofID: "im-layer-incidents").filter(LegibilityTests.isOffMap).map { g -> ([String], Int, String) in
            let ids = (g.attributes["data-incident-id"] ?? g.attributes["data-incident-ids"] ?? "").split(separator: " ").map(String.init)
            let label = labels.first { ($0.attributes["data-incident-id"] ?? $0.attributes["data-incident-ids"]) == ids.joined(separator: " ") }?.text ?? ""
            return (ids, Int(g.attributes["data-count"] ?? "") ?? 0, label)
        }
        return (out, Map(doc: doc, svg: String(decoding: try Data(contentsOf: out), as: UTF8.self), bbox: json["bbox_lonlat"] as! [Double],
                         centre: LonLat(lon: q.x, lat: q.y), arrows: arrows))
    }

    /// The geodesic distance in km, as PROJ's `geod` command computes it.
    func geodKm(_ a: LonLat, _ b: LonLat) throws -> Double {
        let input = tmp.appendingPathComponent("geod.txt")
        try "\(a.lat) \(a.lon) \(b.lat) \(b.lon)\n".write(to: input, atomically: true, encoding: .utf8)
        let r = try runTool("geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.3f", input.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return Double(r.stdoutText.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).last!)! / 1000
    }

    /// The distances a label names ("…, 5,230 km" or "…, 4,800–5,100 km"), km.
    func distances(in label: String) -> [Double] {
        guard let range = label.range(of: #"[0-9,]+(–[0-9,]+)? km$"#, options: .regularExpression) else { return [] }
        return label[range].dropLast(3).split(separator: "–").compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
    }

    func assertDistance(_ map: Map, arrow: Int, to point: LonLat, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try geodKm(map.centre, point)
        let named = distances(in: map.arrows[arrow].label)
        XCTAssertEqual(named.count, 1, "one distance in \(map.arrows[arrow].label)", file: file, line: line)
        XCTAssertEqual(named.first ?? 0, expected, accuracy: 0.02 * expected, "\(map.arrows[arrow].label): \(expected) km", file: file, line: line)
    }

    /// Where the rows of these ids are, as an export names it.
    static let names = ["LDN-1": "London", "NYC-1": "New York", "HNL-1": "Honolulu", "TOS-1": "Tromsø", "Q-1": "Quetta"]

    static let london = LonLat(lon: -0.1278, lat: 51.5074), newYork = LonLat(lon: -74.006, lat: 40.7128)

    func testTwoDistantIncidentsGetArrowsOnARegionalMap() throws {
        let base = try clustered(200, ["--admin1", "PK-BA,IR-11"])
        let input = try csv([("LDN-1", OutlierTests.london.lat, OutlierTests.london.lon), ("NYC-1", OutlierTests.newYork.lat, OutlierTests.newYork.lon)], after: base)
        let (url, map) = try render(input, name: "balochistan-london-newyork")
        // The frame is the one of the 200 alone: Balochistan and Sistan and Baluchestan, fitted to the frame.
        let (_, core) = try render(base, name: "balochistan")
        XCTAssertEqual(map.bbox, core.bbox, "the frame stays the regional one")
        XCTAssertLessThan(map.lonSpan, 30, "the frame stays regional: \(map.bbox)")
        XCTAssertFalse(map.svg.contains("+proj=eqearth"), "no world map")
        XCTAssertEqual(map.arrows.map(\.ids).sorted { $0[0] < $1[0] }, [["LDN-1"], ["NYC-1"]], "an arrow for each, London's and New York's directions differ")
        XCTAssertEqual(map.arrows.map(\.count), [1, 1])
        try assertLegible(url, incidents: 202, gazetteer: try Gazetteer.load(), label: "Balochistan, London and New York")
        for (i, a) in map.arrows.enumerated() {
            XCTAssertTrue(a.label.hasPrefix("1 incident in \(a.ids == ["LDN-1"] ? "London" : "New York")"), a.label)
            try assertDistance(map, arrow: i, to: a.ids == ["LDN-1"] ? OutlierTests.london : OutlierTests.newYork)
        }
        // The key still describes them; their tooltips name the distance too.
        let key = map.doc.descendants(ofID: "im-key").map(\.text).joined(separator: " ")
        XCTAssertTrue(key.contains("Off the map"), key)
        XCTAssertTrue(map.doc.descendants(ofID: "im-layer-incidents").contains { $0.name == "title" && $0.text.contains("km from its centre") })
    }

    /// An aggregated map sizes its hexagons on the core too: two incidents in London and New York
    /// do not make hexagons of a hundred km for incidents a few km apart.
    func testAggregatedCellsAreSizedOnTheCoreNotTheOutliers() throws {
        let base = try clustered(3_000, ["--admin1", "PK-BA,IR-11"])
        let input = try csv([("LDN-1", OutlierTests.london.lat, OutlierTests.london.lon), ("NYC-1", OutlierTests.newYork.lat, OutlierTests.newYork.lon)], after: base)
        func hexagonKm(_ map: Map) throws -> Double {
            let subtitle = try XCTUnwrap(map.svg.range(of: #"hexagons [0-9.,]+ km across"#, options: .regularExpression).map { String(map.svg[$0]) })
            return try XCTUnwrap(Double(subtitle.dropFirst("hexagons ".count).dropLast(" km across".count).replacingOccurrences(of: ",", with: "")))
        }
        let (_, core) = try render(base, name: "cells-core", ["--aggregate", "cells"])
        let (url, map) = try render(input, name: "cells-outliers", ["--aggregate", "cells"])
        XCTAssertEqual(try hexagonKm(map), try hexagonKm(core), accuracy: 0.1 * (try hexagonKm(core)), "hexagons sized by the core")
        XCTAssertLessThan(try hexagonKm(map), 50)
        XCTAssertEqual(map.arrows.map(\.count).reduce(0, +), 2, "London and New York counted on their arrows")
        let counts = map.doc.descendants(ofID: "im-layer-incidents").compactMap { $0.attributes["data-count"].flatMap { Int($0) } }
        XCTAssertEqual(counts.reduce(0, +), 3_002, "every incident is in a cell or on an arrow")
        try assertLegible(url, incidents: 3_002, gazetteer: try Gazetteer.load(), label: "3,000 cells with London and New York")
    }

    func testAcrossTheAntimeridianNearFijiAnOutlierInHawaii() throws {
        // Around Viti Levu and Vanua Levu, on both sides of 180°, and one in Honolulu.
        var rows: [(String, Double, Double)] = []
        for i in 0..<30 {
            let lon = 177.3 + Double(i % 10) * 0.4, lat = -16.4 - Double(i / 10) * 0.9
            rows.append(("FJ-\(i + 1)", lat, lon > 180 ? lon - 360 : lon))
        }
        let honolulu = LonLat(lon: -157.8583, lat: 21.3069)
        rows.append(("HNL-1", honolulu.lat, honolulu.lon))
        let (url, map) = try render(try csv(rows), name: "fiji-hawaii")
        XCTAssertGreaterThan(map.bbox[0], map.bbox[2], "the frame crosses the antimeridian: \(map.bbox)")
        XCTAssertLessThan(map.lonSpan, 25, "\(map.bbox)")
        XCTAssertEqual(map.arrows.map(\.ids), [["HNL-1"]])
        try assertLegible(url, incidents: 31, gazetteer: try Gazetteer.load(), label: "Fiji and Hawaii")
        try assertDistance(map, arrow: 0, to: honolulu)
    }

    func testNearThePoleInTheSeaAndInOneDirection() throws {
        // Svalbard, and one incident in Tromsø.
        var arctic: [(String, Double, Double)] = []
        for i in 0..<25 {
            let lat = 77.4 + Double(i % 5) * 0.5, lon = 12.0 + Double(i / 5) * 3
            arctic.append(("SJ-\(i + 1)", lat, lon))
        }
        arctic.append(("TOS-1", 69.6492, 18.9553))
        let (arcticURL, arcticMap) = try render(try csv(arctic), name: "svalbard-tromso")
        XCTAssertEqual(arcticMap.arrows.map(\.ids), [["TOS-1"]])
        try assertLegible(arcticURL, incidents: 26, gazetteer: try Gazetteer.load(), label: "Svalbard")
        try assertDistance(arcticMap, arrow: 0, to: LonLat(lon: 18.9553, lat: 69.6492))
        // Balochistan, two incidents in the Indian Ocean close together and one in the sea off
        // Sri Lanka: one arrow for the two, another for the third.
        let base = try clustered(60, ["--admin1", "PK-BA,IR-11"])
        let sea = try csv([("SEA-1", -10.0, 70.0), ("SEA-2", -10.5, 70.6), ("SEA-3", 5.0, 82.0)], after: base)
        let (seaURL, seaMap) = try render(sea, name: "balochistan-sea")
        XCTAssertLessThan(seaMap.lonSpan, 30, "\(seaMap.bbox)")
        XCTAssertEqual(seaMap.arrows.map(\.ids).sorted { $0[0] < $1[0] }, [["SEA-1", "SEA-2"], ["SEA-3"]])
        let pair = try XCTUnwrap(seaMap.arrows.first { $0.count == 2 })
        XCTAssertTrue(pair.label.hasPrefix("2 incidents, "), pair.label)
        let named = distances(in: pair.label)
        XCTAssertEqual(named.count, 2, pair.label)
        let expected = [try geodKm(seaMap.centre, LonLat(lon: 70, lat: -10)), try geodKm(seaMap.centre, LonLat(lon: 70.6, lat: -10.5))].sorted()
        for (a, b) in zip(named, expected) { XCTAssertEqual(a, b, accuracy: 0.02 * b, pair.label) }
        try assertLegible(seaURL, incidents: 63, gazetteer: try Gazetteer.load(), label: "Balochistan and the sea")
    }

    func testNoOutliersWithoutACompactCoreOrAFewFarOnes() throws {
        // The world fixture: 22 points on five continents stay a world map.
        let (_, world) = try render(WorldTests.fixtures.appendingPathComponent("points.csv"), name: "world")
        XCTAssertTrue(world.svg.contains("+proj=eqearth"))
        XCTAssertEqual(world.arrows.count, 0)
        // Two incidents far apart: each is half the data, so both are on the map.
        let (_, two) = try render(try csv([("Q-1", 30.18, 66.99), ("L-1", OutlierTests.london.lat, OutlierTests.london.lon)]), name: "two")
        XCTAssertEqual(two.arrows.count, 0)
        XCTAssertEqual(two.doc.descendants(ofID: "im-layer-incidents").filter { $0.name == "g" }.count, 2)
        // All at one point.
        let (_, one) = try render(try csv((0..<40).map { ("P-\($0)", 30.18, 66.99) }), name: "one-point")
        XCTAssertEqual(one.arrows.count, 0)
        // Too many far away to be outliers (10 of 60): the frame takes them all in.
        let base = try clustered(50, ["--admin1", "PK-BA,IR-11"])
        let (_, many) = try render(try csv((0..<10).map { ("LDN-\($0)", 51.5 + Double($0) * 0.01, -0.12) }, after: base), name: "many")
        XCTAssertEqual(many.arrows.count, 0)
        XCTAssertGreaterThan(many.lonSpan, 60)
        // A bbox or a CRS the user gives is kept as given.
        let input = try csv([("LDN-1", OutlierTests.london.lat, OutlierTests.london.lon)], after: try clustered(200, ["--admin1", "PK-BA,IR-11"]))
        let out = tmp.appendingPathComponent("crs.svg")
        XCTAssertEqual(try incidentmap(["render", input.path, "--svg", "-o", out.path, "--crs", "EPSG:3857"]).status, 0)
        XCTAssertFalse(try String(contentsOf: out, encoding: .utf8).contains("im-offmap"))
    }
}
