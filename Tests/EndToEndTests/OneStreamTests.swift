import Foundation
import XCTest

/// `check`, `render` and `report` read incidents through one stream: the same problems in the
/// same words and order, the same options at every size, the same aggregation.
final class OneStreamTests: ScratchTestCase {
    /// The problem lines ("error: …" and the closing count) of a run, in order, and its exit status.
    static func problems(_ command: String, _ inputs: [String], _ extra: [String] = [], scratch: URL) throws -> Outcome {
        var args = [command] + inputs + extra
        switch command {
        case "render": args += ["--svg", "-o", scratch.appendingPathComponent("map-\(UUID().uuidString).svg").path]
        case "report": args += ["-o", scratch.appendingPathComponent("report-\(UUID().uuidString)").path]
        default: break
        }
        let r = try incidentmap(args)
        let lines = r.stderr.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("error:") || $0.contains(" problem") && $0.contains("nothing was written") }
        return Outcome(lines: lines, status: r.status)
    }

    struct Outcome: Equatable {
        var lines: [String]
        var status: Int32
    }

    /// The outcomes of check, render and report on the same inputs.
    static func threeCommands(_ inputs: [String], _ extra: [String] = [], scratch: URL) -> Result<[Outcome], Error> {
        Result { try ["check", "render", "report"].map { try problems($0, inputs, extra, scratch: scratch) } }
    }

    func assertSame(_ outcomes: [Outcome], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcomes[0].lines, outcomes[1].lines, "check and render disagree on \(what)", file: file, line: line)
        XCTAssertEqual(outcomes[0].lines, outcomes[2].lines, "check and report disagree on \(what)", file: file, line: line)
        XCTAssertEqual(outcomes[0].status, outcomes[1].status, "exit status of check and render on \(what)", file: file, line: line)
        XCTAssertEqual(outcomes[0].status, outcomes[2].status, "exit status of check and report on \(what)", file: file, line: line)
    }

    func assertSameProblems(_ inputs: [String], _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let outcomes = try Self.threeCommands(inputs, extra, scratch: tmp).get()
        assertSame(outcomes, "\(inputs)", file: file, line: line)
        return outcomes[0].lines
    }

    func testEveryBadFileOfTheCorpusGivesTheSameProblemsInEveryCommand() throws {
        let corpus = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0 != "manifest.tsv" }.sorted()
        XCTAssertGreaterThan(files.count, 50)
        // Files are run on all cores (each run is a process of its own).
        let scratch: URL = tmp
        let outcomes = concurrentMap(files.count) { Self.threeCommands([corpus.appendingPathComponent(files[$0]).path], scratch: scratch) }
        var failing = 0
        for (name, result) in zip(files, outcomes) {
            let three = try result.get()
            assertSame(three, name)
            if !three[0].lines.isEmpty { failing += 1 }
        }
        // The corpus is hostile: nearly every file must fail, and did fail in each command.
        XCTAssertGreaterThan(failing, files.count * 3 / 4)
    }

    func testAnIdReusedAcrossFilesIsOneProblemWordedOnceForEveryCommand() throws {
        let a = tmp.appendingPathComponent("a.csv"), b = tmp.appendingPathComponent("b.csv")
        try "id,date,latitude,longitude,event_type\nD1,2024-01-16,26.9,64.1,Strike\nD2,2024-01-17,27.2,62.3,Strike\n".write(to: a, atomically: true, encoding: .utf8)
        try "id,date,latitude,longitude,event_type\nD3,2024-01-18,27.4,62.4,Strike\nD1,2024-01-19,27.5,62.5,Strike\n".write(to: b, atomically: true, encoding: .utf8)
        let lines = try assertSameProblems([a.path, b.path])
        XCTAssertEqual(lines.first, "error: \(b.path):3: id: duplicate id \"D1\" (first at \(a.path):2)")
        XCTAssertEqual(lines.count, 2, lines.joined(separator: "\n"))
    }

    func testProblemsOfAFileComeInLineOrderWhateverFindsThem() throws {
        // A row problem (bad date), an unknown place and a duplicate id: found by the reader, the
        // resolver and the id table, reported by line.
        let a = tmp.appendingPathComponent("mixed.csv")
        try """
        id,event_date,location,country,event_type
        M1,2024-01-16,Zzyzxqwv Town,Pakistan,Battles
        M2,2024-13-40,Quetta,Pakistan,Battles
        M3,2024-01-18,Quetta,Pakistan,Battles
        M1,2024-01-19,Quetta,Pakistan,Battles

        """.write(to: a, atomically: true, encoding: .utf8)
        let lines = try assertSameProblems([a.path])
        let numbers = lines.compactMap { l -> Int? in
            guard let r = l.range(of: "mixed.csv:") else { return nil }
            return Int(l[r.upperBound...].prefix { $0.isNumber })
        }
        XCTAssertEqual(numbers, [2, 3, 5], lines.joined(separator: "\n"))
    }

    /// `n` rows spread over a box (deterministic), as an ACLED-style CSV; `mirror` negates the
    /// longitudes and/or latitudes, so that the same spread lies in another quadrant.
    func spreadCSV(_ name: String, rows n: Int, lon: ClosedRange<Double>, lat: ClosedRange<Double>,
                   mirror: (lon: Bool, lat: Bool) = (false, false)) throws -> URL {
        var s = "event_id_cnty,event_date,event_type,latitude,longitude,fatalities,source\n"
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for i in 0..<n {
            let x = (lon.lowerBound + next() * (lon.upperBound - lon.lowerBound)) * (mirror.lon ? -1 : 1)
            let y = (lat.lowerBound + next() * (lat.upperBound - lat.lowerBound)) * (mirror.lat ? -1 : 1)
            s += "S\(i),2024-02-\(String(format: "%02d", 1 + i % 28)),\(i % 3 == 0 ? "Explosions/Remote violence" : "Battles"),\(String(format: "%.5f", y)),\(String(format: "%.5f", x)),\(i % 4),Test wire\n"
        }
        let url = tmp.appendingPathComponent(name)
        try s.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func cells(_ svg: Data) throws -> Int {
        let text = String(decoding: svg, as: UTF8.self)
        guard let r = text.range(of: #"incidents in ([\d,]+) hexagons"#, options: .regularExpression) else {
            XCTFail("no hexagon count in the subtitle")
            return 0
        }
        return Int(text[r].split(separator: " ")[2].replacingOccurrences(of: ",", with: ""))!
    }

    func testAggregatedMapsGiveTheSameCellsInEveryQuadrant() throws {
        var counts: [Int] = []
        // The same 2,500 points over 60–68°E 12–20°N, mirrored into the other three quadrants.
        for (name, mirror) in [("ne", (false, false)), ("se", (false, true)), ("nw", (true, false)), ("sw", (true, true))] {
            let csv = try spreadCSV("\(name).csv", rows: 2_500, lon: 60...68, lat: 12...20, mirror: mirror)
            let out = tmp.appendingPathComponent("\(name).svg")
            let r = try incidentmap(["render", csv.path, "--svg", "-o", out.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            counts.append(try cells(try Data(contentsOf: out)))
        }
        // 2,500 points over hexagons a sixtieth of the extent across: most hold one or two.
        XCTAssertGreaterThan(counts[0], 1_000, "\(counts)")
        XCTAssertEqual(Set(counts).count, 1, "cells per quadrant (NE, SE, NW, SW): \(counts)")
    }

    func testAggregatedCellsAreNamedAfterTheirMostProminentTown() throws {
        // 2,400 rows at Tehran's coordinates (as exports give a city's incidents) and 600 spread
        // over Iran: Tehran's cell is named after Tehran, not a smaller town nearer its centre.
        var s = "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\n"
        for i in 0..<2_400 { s += "T\(i),2024-03-01,Protests,\(35.6892 + Double(i % 7) * 0.01),\(51.389 + Double(i % 5) * 0.01),0\n" }
        var seed: UInt64 = 7
        for i in 0..<600 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(seed >> 11) / Double(1 << 53)
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let v = Double(seed >> 11) / Double(1 << 53)
            s += "R\(i),2024-03-02,Battles,\(String(format: "%.4f", 27 + v * 9)),\(String(format: "%.4f", 47 + u * 12)),1\n"
        }
        let csv = tmp.appendingPathComponent("tehran.csv"), out = tmp.appendingPathComponent("tehran.svg")
        try s.write(to: csv, atomically: true, encoding: .utf8)
        let r = try incidentmap(["render", csv.path, "--svg", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = SVGDocument(try Data(contentsOf: out))
        // The marker with the most incidents, and its tooltip.
        let counted = doc.elements.indices.compactMap { i -> (Int, String)? in
            let e = doc.elements[i]
            guard e.name == "g", let n = Int(e.attributes["data-count"] ?? "") else { return nil }
            return (n, doc.elements[(i + 1)...].first { $0.name == "title" }?.text ?? "")
        }
        let biggest = try XCTUnwrap(counted.max { $0.0 < $1.0 })
        XCTAssertGreaterThan(biggest.0, 1_000)
        XCTAssertTrue(biggest.1.contains("incidents near Tehran"), biggest.1)
    }

    func testMapOptionsHoldOnDetailedAndAggregatedMapsAlike() throws {
        let css = tmp.appendingPathComponent("extra.css")
        try ".zz-land { fill: #123456; }".write(to: css, atomically: true, encoding: .utf8)
        let small = try spreadCSV("small.csv", rows: 30, lon: 61...66, lat: 26...30)
        let big = try spreadCSV("big.csv", rows: 2_500, lon: 61...66, lat: 26...30)
        for input in [small, big] {
            let out = tmp.appendingPathComponent(input.lastPathComponent + ".svg")
            let r = try incidentmap(["render", input.path, "--svg", "-o", out.path, "--css", css.path, "--theme", "dark", "--id-prefix", "zz-"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let text = try String(contentsOf: out, encoding: .utf8)
            XCTAssertTrue(text.contains(".zz-land { fill: #123456; }"), "--css ignored for \(input.lastPathComponent)")
            let doc = SVGDocument(try Data(contentsOf: out))
            XCTAssertTrue(doc.parsed)
            let ids = doc.elements.compactMap { $0.attributes["id"] }
            XCTAssertFalse(ids.isEmpty)
            XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("zz-") }, "ids without the prefix: \(ids.filter { !$0.hasPrefix("zz-") }.prefix(5))")

            // A CSS file that is missing fails before any work, at every size, and writes nothing.
            let missing = tmp.appendingPathComponent("none-" + input.lastPathComponent + ".svg")
            let bad = try incidentmap(["render", input.path, "--svg", "-o", missing.path, "--css", tmp.appendingPathComponent("nope.css").path])
            XCTAssertEqual(bad.status, 66, "EX_NOINPUT: \(bad.stderr)")
            XCTAssertTrue(bad.stderr.contains("--css") && bad.stderr.contains("nope.css") && bad.stderr.contains("no such file"), bad.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))
        }
        // The dark theme is a different style from the light one.
        let light = tmp.appendingPathComponent("light.svg")
        XCTAssertEqual(try incidentmap(["render", big.path, "--svg", "-o", light.path]).status, 0)
        XCTAssertNotEqual(try Data(contentsOf: light), try Data(contentsOf: tmp.appendingPathComponent("big.csv.svg")))
    }

    func testReportAggregatesExactlyAsRender() throws {
        let big = try spreadCSV("big.csv", rows: 2_500, lon: 61...66, lat: 26...30)
        let svg = tmp.appendingPathComponent("map.svg"), dir = tmp.appendingPathComponent("report")
        XCTAssertEqual(try incidentmap(["render", big.path, "--svg", "-o", svg.path]).status, 0)
        let r = try incidentmap(["report", big.path, "--format", "markdown", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Same stream, same map: the report's map is render's, byte for byte but for the id
        // prefix and the command recorded in the metadata.
        func markers(_ data: Data) -> [String] {
            SVGDocument(data).elements.filter { $0.name == "g" && ($0.attributes["class"] ?? "").contains("incident ") }
                .map { "\($0.attributes["data-cell"] ?? "") \($0.attributes["data-count"] ?? "") \($0.attributes["transform"] ?? "")" }
        }
        let rendered = markers(try Data(contentsOf: svg)), reported = markers(try Data(contentsOf: dir.appendingPathComponent("map.svg")))
        XCTAssertGreaterThan(rendered.count, 100)
        XCTAssertLessThan(rendered.count, 2_500, "the map should aggregate 2,500 incidents")
        XCTAssertEqual(rendered, reported)
        XCTAssertEqual(rendered.map { Int($0.split(separator: " ")[1])! }.reduce(0, +), 2_500, "the cells' counts add up to the incidents")
        let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("first 2000 of the 2500 incidents"), "the table says it is partial")
        XCTAssertTrue(md.contains("2500 incidents"))
    }

    func testInputFormatHasOneNameAndFormatIsAlwaysAnOutputFormat() throws {
        let csv = try spreadCSV("rows.txt", rows: 3, lon: 61...62, lat: 26...27)
        XCTAssertEqual(try incidentmap(["check", csv.path, "--input-format", "csv"]).status, 0)
        XCTAssertNotEqual(try incidentmap(["check", csv.path, "--format", "csv"]).status, 0)
        XCTAssertNotEqual(try incidentmap(["render", csv.path, "--format", "csv"]).status, 0)
        for command in ["render", "check", "report", "geocode"] {
            let help = try incidentmap([command, "--help"]).stdoutText
            try assertSnapshot(Data(help.utf8), named: "help-\(command).txt")
        }
    }
}
