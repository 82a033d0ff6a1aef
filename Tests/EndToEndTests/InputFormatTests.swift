import Foundation
import XCTest

/// Every bundled example renders, in each input format, with the promised errors and filters.
final class InputFormatTests: ScratchTestCase {
    func example(_ name: String) -> String { repositoryRoot.appendingPathComponent("Examples/\(name)").path }

    func features(_ dir: URL) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("incidents.geojson"))) as! [String: Any]
        return json["features"] as! [[String: Any]]
    }

    func testEveryExampleRendersInEveryFormat() throws {
        for (name, count) in [("january-2024.yaml", 3), ("acled-style-2024.csv", 6), ("january-2024.geojson", 3)] {
            let dir = tmp.appendingPathComponent(name)
            let r = try incidentmap(["render", example(name), "--svg", "--geojson", "-o", dir.path])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            XCTAssertEqual(try features(dir).count, count, name)
            XCTAssertEqual(try runTool("xmllint", ["--noout", dir.appendingPathComponent("map.svg").path]).status, 0)
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent("\(name).png").path,
                                                     dir.appendingPathComponent("map.svg").path]).status, 0)
            let info = try runTool("ogrinfo", ["-al", "-so", dir.appendingPathComponent("incidents.geojson").path])
            XCTAssertEqual(info.status, 0)
            XCTAssertFalse(info.stderr.lowercased().contains("warning"), info.stderr)
        }
    }

    /// What one member says is not written again (the id, the day, the radius of a precision,
    /// a figure's restatement and citations, the gazetteer's score), and nothing is lost: the
    /// layer read back as input gives the same incidents, claims and sources, and the same map key.
    func testTheLayerSaysEachFactOnceAndReadBackGivesTheSameIncidents() throws {
        func canonical(_ v: Any?) throws -> String {
            guard let v else { return "absent" }
            return String(decoding: try JSONSerialization.data(withJSONObject: [v], options: [.sortedKeys]), as: UTF8.self)
        }
        let first = tmp.appendingPathComponent("first")
        var r = try incidentmap(["render", example("acled-style-2024.csv"), "--geojson", "--svg", "-o", first.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let fs = try features(first)
        XCTAssertEqual(fs.count, 6)
        for f in fs {
            let p = f["properties"] as! [String: Any]
            XCTAssertNotNil(f["id"] as? String, "the id is the feature's member")
            for gone in ["id", "date", "uncertainty_km"] { XCTAssertNil(p[gone], "\(gone) repeats another member") }
            XCTAssertNotNil(p["date_start"]); XCTAssertNotNil(p["date_end"]); XCTAssertNotNil(p["date_precision"]); XCTAssertNotNil(p["location_precision"])
            for c in p["claims"] as? [[String: Any]] ?? [] {
                XCTAssertNil(c["claim"], "a fatalities figure is not restated: \(c)")
                XCTAssertEqual(c["by"] as? String, "ACLED-format export", "the sources it cites are the feature's sources: \(c)")
                XCTAssertNotNil(c["killed"] as? Int)
            }
            XCTAssertNil((p["resolution"] as? [String: Any])?["score"])
        }
        let sabzKoh = try XCTUnwrap(fs.first { $0["id"] as? String == "EX-PAK-0001" }?["properties"] as? [String: Any])
        XCTAssertEqual((sabzKoh["resolution"] as? [String: Any])?["match"] as? String, "exact", "placed by its name: a record")
        XCTAssertEqual((sabzKoh["sources"] as? [[String: Any]])?.compactMap { $0["outlet"] as? String }, ["Associated Press", "AFP", "Express Tribune"])
        // GDAL reads the feature's id as the field id.
        let info = try runTool("ogrinfo", ["-al", first.appendingPathComponent("incidents.geojson").path])
        XCTAssertEqual(info.status, 0, info.stderr)
        let text = String(decoding: info.stdout, as: UTF8.self)
        XCTAssertTrue(text.contains("id: String") && text.contains("id (String) = EX-PAK-0001"), text)

        // Read back: the same incidents, dates, claims and sources, and the same key on the map.
        let second = tmp.appendingPathComponent("second")
        r = try incidentmap(["render", first.appendingPathComponent("incidents.geojson").path, "--geojson", "--svg", "-o", second.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let again = try features(second)
        XCTAssertEqual(again.map { $0["id"] as! String }, fs.map { $0["id"] as! String })
        for (a, b) in zip(fs, again) {
            let pa = a["properties"] as! [String: Any], pb = b["properties"] as! [String: Any]
            for key in ["date_start", "date_end", "date_precision", "kind", "country", "province", "district", "location_precision", "claims", "sources"] {
                XCTAssertEqual(try canonical(pa[key]), try canonical(pb[key]), "\(a["id"]!): \(key)")
            }
            // Read back, a point that stood for its district (Musakhel, null) is coordinates at district precision, and is measured.
            if pa["border_distance_km"] is Double { XCTAssertEqual(pa["border_distance_km"] as? Double, pb["border_distance_km"] as? Double, "\(a["id"]!)") }
        }
        func keyLines(_ dir: URL) throws -> [String] {
            let svg = try String(contentsOf: dir.appendingPathComponent("map.svg"), encoding: .utf8)
            return svg.components(separatedBy: "<text class=\"im-key-text\"").dropFirst()
                .map { String($0.drop { $0 != ">" }.prefix { $0 != "<" }) }.filter { $0.contains("citing") }
        }
        let lines = try keyLines(first)
        XCTAssertGreaterThanOrEqual(lines.count, 4, "the key cites the export's sources")
        XCTAssertTrue(lines.joined().contains("ACLED-format export citing Associated Press; AFP; Express Tribune: 2 fatalities (coded estimate)"), lines.joined())
        XCTAssertEqual(try keyLines(second), lines)
    }

    /// A column that only repeats a member is left out; one that says something else is kept.
    func testRepeatedColumnsAreLeftOutAndDifferingOnesKept() throws {
        let csv = tmp.appendingPathComponent("repeats.csv")
        try """
        event_id_cnty,event_date,year,kind,sub_event_type,location,latitude,longitude
        R1,3 March 2023,2023,Armed clash,Armed clash,Goma,-1.68,29.22
        R2,4 March 2023,2023,Shelling,Armed clash,Goma,-1.68,29.22
        R3,5 March 2023,2022,Armed clash,,Goma,-1.68,29.22
        R4,2023-12,2023,Armed clash,Armed clash,Goma,-1.68,29.22

        """.write(to: csv, atomically: true, encoding: .utf8)
        let dir = tmp.appendingPathComponent("repeats")
        let r = try incidentmap(["render", csv.path, "--geojson", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        var byID: [String: [String: Any]] = [:]
        for f in try features(dir) { byID[f["id"] as! String] = f["properties"] as? [String: Any] }
        XCTAssertNil(byID["R1"]?["sub_event_type"]); XCTAssertNil(byID["R1"]?["year"])
        XCTAssertEqual(byID["R2"]?["kind"] as? String, "Shelling")
        XCTAssertEqual(byID["R2"]?["sub_event_type"] as? String, "Armed clash", "differs from the kind: kept")
        XCTAssertEqual(byID["R3"]?["year"] as? String, "2022", "disagrees with the date: kept")
        XCTAssertNil(byID["R4"]?["year"], "a month of 2023 is in 2023")
        let info = try runTool("ogrinfo", ["-al", "-so", dir.appendingPathComponent("incidents.geojson").path])
        XCTAssertEqual(info.status, 0, info.stderr)
        let text = String(decoding: info.stdout, as: UTF8.self)
        XCTAssertTrue(text.contains("sub_event_type: String"), text)
    }

    func testACLEDRowsKeepEveryColumnAndAreCheckedAgainstTheirCountry() throws {
        let dir = tmp.appendingPathComponent("acled")
        XCTAssertEqual(try incidentmap(["render", example("acled-style-2024.csv"), "--geojson", "-o", dir.path]).status, 0)
        let fs = try features(dir)
        let gwadar = try XCTUnwrap(fs.first { $0["id"] as? String == "EX-PAK-0002" }?["properties"] as? [String: Any])
        XCTAssertEqual(gwadar["country"] as? String, "PK")
        XCTAssertEqual(gwadar["location_precision"] as? String, "exact")
        XCTAssertEqual(gwadar["source_scale"] as? String, "National", "extra ACLED columns are kept")
        // ACLED's sub_event_type is the kind and its year is the date's: neither is repeated.
        XCTAssertEqual(gwadar["kind"] as? String, "Armed clash")
        XCTAssertNil(gwadar["sub_event_type"], "sub_event_type is the kind, not repeated")
        XCTAssertNil(gwadar["year"], "year is the date's, not repeated")
        XCTAssertEqual(gwadar["event_type"] as? String, "Battles", "event_type says more than the kind and stays")
        XCTAssertNil(gwadar["country_declared"], "the declared Pakistan is the point's country, not repeated")
        let claims = try XCTUnwrap(gwadar["claims"] as? [[String: Any]])
        XCTAssertEqual(claims.first?["killed"] as? Int, 10)
        // A row's precision 2 ("near") of a place known only to its district, or of a district, is
        // the district's: its point is no nearer the site than that.
        let precision = Dictionary(uniqueKeysWithValues: fs.map { ($0["id"] as! String, ($0["properties"] as! [String: Any])["location_precision"] as! String) })
        XCTAssertEqual(precision, ["EX-PAK-0001": "district", "EX-IRN-0001": "near", "EX-IRN-0002": "exact", "EX-PAK-0002": "exact",
                                   "EX-PAK-0003": "district", "EX-PAK-0004": "exact"])
        // A row whose point falls in another country than it declares is a warning and a property.
        let csv = tmp.appendingPathComponent("mismatch.csv")
        try "event_id_cnty,event_date,country,location,latitude,longitude\nX1,16 January 2024,Iran,Panjgur,26.97186,64.09459\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("mm")
        let r = try incidentmap(["render", csv.path, "--geojson", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("mismatch.csv:2") && r.stderr.contains("falls in PK"), r.stderr)
        let p = try XCTUnwrap(try features(out).first?["properties"] as? [String: Any])
        XCTAssertEqual(p["country"] as? String, "PK")
        XCTAssertEqual(p["country_declared"] as? String, "Iran")
        XCTAssertFalse((p["warnings"] as? [String] ?? []).isEmpty)
    }

    func testFormatIsDetectedFromContentAndCanBeForced() throws {
        let noExtension = tmp.appendingPathComponent("export")
        try Data(contentsOf: URL(fileURLWithPath: example("acled-style-2024.csv"))).write(to: noExtension)
        XCTAssertEqual(try incidentmap(["check", noExtension.path]).status, 0)
        let mislabelled = tmp.appendingPathComponent("points.txt")
        try Data(contentsOf: URL(fileURLWithPath: example("january-2024.geojson"))).write(to: mislabelled)
        XCTAssertEqual(try incidentmap(["check", mislabelled.path]).status, 0)
        let r = try incidentmap(["check", mislabelled.path, "--input-format", "yaml"])
        XCTAssertNotEqual(r.status, 0)
    }

    func testFiltersKeepWhatIsAsked() throws {
        let csv = example("acled-style-2024.csv")
        func count(_ args: [String]) throws -> Int {
            let dir = tmp.appendingPathComponent(UUID().uuidString)
            let r = try incidentmap(["render", csv, "--geojson", "-o", dir.path] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try features(dir).count
        }
        XCTAssertEqual(try count(["--country", "IR"]), 2)
        XCTAssertEqual(try count(["--country", "Pakistan"]), 4)
        XCTAssertEqual(try count(["--country", "IR", "--country", "PK"]), 6)
        XCTAssertEqual(try count(["--from", "2024-01-17", "--to", "2024-03-31"]), 3)
        XCTAssertEqual(try count(["--bbox", "60,24,63,28"]), 3)
        let bad = try incidentmap(["render", csv, "--svg", "--bbox", "63,24,60,28"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--bbox"), bad.stderr)
        let none = try incidentmap(["render", csv, "--svg", "-o", tmp.appendingPathComponent("n.svg").path, "--from", "2025-01-01"])
        XCTAssertNotEqual(none.status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("n.svg").path))
    }

    func testSeveralFilesInOneRunAndIdClashes() throws {
        let dir = tmp.appendingPathComponent("both")
        let r = try incidentmap(["render", example("january-2024.yaml"), example("acled-style-2024.csv"), "--geojson", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try features(dir).count, 9)
        let clash = try incidentmap(["check", example("january-2024.yaml"), example("january-2024.yaml")])
        XCTAssertEqual(clash.status, 65)
        XCTAssertTrue(clash.stderr.contains("duplicate id"), clash.stderr)
    }

    func testCheckPrintsOneLinePerFile() throws {
        let r = try incidentmap(["check", example("january-2024.yaml"), example("acled-style-2024.csv"), example("january-2024.geojson")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdoutText.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[1].contains("acled-style-2024.csv: ok, 6 incidents"), String(lines[1]))
    }
}

/// Many incidents: the layer holds every one, the map aggregates them by cell.
final class ManyIncidentsTests: XCTestCase {
    func testThousandsOfRowsStreamIntoTheLayerAndABinnedMap() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-many-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        // 12,000 rows on a lattice over Balochistan and Sistan and Baluchestan, half by name and country
        // only (as ACLED gives them; "Saravan" alone is also a province of Laos).
        var csv = "event_id_cnty,event_date,sub_event_type,country,location,latitude,longitude,fatalities\n"
        let places = ["Quetta,Pakistan", "Turbat,Pakistan", "Gwadar,Pakistan", "Panjgur,Pakistan", "Zahedan,Iran", "Saravan,Iran",
                      "Chabahar,Iran", "Khuzdar,Pakistan"]
        for i in 0..<12_000 {
            if i % 2 == 0 {
                let lat = 25.5 + Double(i % 97) * 0.05, lon = 61.0 + Double((i / 97) % 120) * 0.05
                csv += "R\(i),\(1 + i % 28) March 2024,Armed clash,,Lattice \(i),\(lat),\(lon),\(i % 3)\n"
            } else {
                let (name, country) = (places[i % places.count].split(separator: ",")[0], places[i % places.count].split(separator: ",")[1])
                csv += "R\(i),\(1 + i % 28) March 2024,Air/drone strike,\(country),\(name),,,1\n"
            }
        }
        let input = tmp.appendingPathComponent("many.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let dir = tmp.appendingPathComponent("out")
        let r = try incidentmap(["render", input.path, "--svg", "--geojson", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let info = try runTool("ogrinfo", ["-al", "-so", dir.appendingPathComponent("incidents.geojson").path])
        XCTAssertTrue(info.stdoutText.contains("Feature Count: 12000"), info.stdoutText)
        XCTAssertFalse(info.stderr.lowercased().contains("warning"), info.stderr)
        let svg = dir.appendingPathComponent("map.svg")
        XCTAssertLessThan(try Data(contentsOf: svg).count, 2_000_000)
        XCTAssertEqual(try runTool("xmllint", ["--noout", svg.path]).status, 0)
        let doc = SVGDocument(try Data(contentsOf: svg))
        let markers = doc.elements.filter { $0.name == "g" && $0.attributes["data-cell"] != nil }
        XCTAssertGreaterThan(markers.count, 10)
        XCTAssertLessThan(markers.count, 12_000)
        // Every incident is accounted for, and no marker pretends a cell is an incident.
        XCTAssertEqual(markers.compactMap { Int($0.attributes["data-count"] ?? "") }.reduce(0, +), 12_000)
        XCTAssertFalse(doc.elements.contains { ($0.attributes["data-incident-id"] ?? "").hasPrefix("cell-") })
        XCTAssertTrue(doc.elements.contains { $0.name == "desc" && $0.text.contains("12,000 incidents aggregated") })
    }

    /// Rows are read in chunks of 4,096 on several threads: lines, order and problems must not show it.
    func testRowsAcrossChunksKeepTheirLinesOrderAndProblems() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        func rows(_ edit: (Int, String) -> String) -> String {
            var csv = "event_id_cnty,event_date,sub_event_type,location,latitude,longitude,notes\n"
            for i in 1...9_000 {
                // Row 5000's notes hold a line end, so every later row is one line further down.
                let notes = i == 5_000 ? "\"first line\nsecond line\"" : "n\(i)"
                csv += edit(i, "ID\(i),\(1 + i % 28) March 2024,Armed clash,Place \(i),\(26 + Double(i % 50) * 0.02),\(63 + Double(i % 70) * 0.02),\(notes)\n")
            }
            return csv
        }
        let good = tmp.appendingPathComponent("good.csv")
        try rows { $1 }.write(to: good, atomically: true, encoding: .utf8)
        let dir = tmp.appendingPathComponent("out")
        let r = try incidentmap(["render", good.path, "--geojson", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("incidents.geojson"))) as! [String: Any]
        let features = (json["features"] as! [[String: Any]]).map(propertiesWithID)
        XCTAssertEqual(features.map { $0["id"] as! String }, (1...9_000).map { "ID\($0)" })
        XCTAssertEqual(features[4_998]["input_line"] as? Int, 5000)
        XCTAssertEqual(features[4_999]["notes"] as? String, "first line\nsecond line")
        XCTAssertEqual(features[5_000]["input_line"] as? Int, 5003)
        XCTAssertEqual(features[8_999]["input_line"] as? Int, 9002)

        // A bad date in the second chunk (after the line end), an empty line in it, and an id of the
        // first chunk used again in the third: each reported on its own line, and nothing written.
        let bad = tmp.appendingPathComponent("bad.csv")
        try rows { i, row in
            switch i {
            case 6_000: return row.replacingOccurrences(of: "March 2024", with: "Marchember 2024")
            case 6_500: return row + "\n"
            case 8_500: return "ID10" + row.drop { $0 != "," }
            default: return row
            }
        }.write(to: bad, atomically: true, encoding: .utf8)
        let failed = try incidentmap(["render", bad.path, "--geojson", "-o", tmp.appendingPathComponent("none").path])
        XCTAssertNotEqual(failed.status, 0)
        let lines = failed.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.contains("bad.csv:6002") && $0.contains("event_date") }, failed.stderr)
        XCTAssertTrue(lines.contains { $0.contains("bad.csv:6503") && $0.contains("empty line") }, failed.stderr)
        XCTAssertTrue(lines.contains { $0.contains("bad.csv:8503") && $0.contains("duplicate id \"ID10\"") && $0.contains("bad.csv:11") }, failed.stderr)
        XCTAssertEqual(lines.filter { $0.contains("bad.csv:") }.count, 3, failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("none").path))
    }

    /// A progress line on a terminal, nothing of it in a pipe or a log.
    func testProgressShowsOnATerminalOnly() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        var csv = "event_id_cnty,event_date,sub_event_type,location,latitude,longitude\n"
        for i in 1...5_000 { csv += "P\(i),3 March 2024,Armed clash,Place \(i),\(27 + Double(i % 40) * 0.02),\(64 + Double(i % 30) * 0.02)\n" }
        let input = tmp.appendingPathComponent("rows.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let piped = try incidentmap(["render", input.path, "--svg", "-o", tmp.appendingPathComponent("a.svg").path])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stderr.contains("rows/s"), piped.stderr)
        // script(1) runs the command on a pseudo-terminal and copies what it shows.
        let command = [incidentmapBinary.path, "render", input.path, "--svg", "-o", tmp.appendingPathComponent("b.svg").path]
            .map { "'\($0)'" }.joined(separator: " ")
        let shown = try runTool("script", ["-qec", command, "/dev/null"])
        XCTAssertEqual(shown.status, 0, shown.stdoutText)
        XCTAssertTrue(shown.stdoutText.contains("rows.csv:"), shown.stdoutText)
        XCTAssertTrue(shown.stdoutText.contains("rows/s"), shown.stdoutText)
        // The line is cleared once the file is read.
        XCTAssertTrue(shown.stdoutText.contains("\r\u{1B}[K"), shown.stdoutText)
    }
}
