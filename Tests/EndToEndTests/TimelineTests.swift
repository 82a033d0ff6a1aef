import Foundation
import XCTest

/// `render --timeline`, events without a place, and the report's chronology, end to end.
final class TimelineTests: ScratchTestCase {
    /// Renders `args` to `name` in the scratch directory; checks the exit status and that
    /// rsvg-convert draws it.
    func render(_ args: [String], name: String = "map.svg") throws -> (URL, SVGDocument) {
        let out = tmp.appendingPathComponent(name)
        let r = try incidentmap(["render", "--svg", "-o", out.path] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let png = tmp.appendingPathComponent(name + ".png")
        let raster = try runTool("rsvg-convert", ["-o", png.path, out.path])
        XCTAssertEqual(raster.status, 0, raster.stderr)
        let doc = SVGDocument(try Data(contentsOf: out))
        XCTAssertTrue(doc.parsed)
        return (out, doc)
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = tmp.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The strip's marks: each incident's or each counting bar's group.
    func marks(_ doc: SVGDocument, prefix: String = "im-") -> [SVGDocument.Element] {
        doc.descendants(ofID: "\(prefix)layer-timeline").filter { $0.name == "g" && ($0.attributes["data-incident-id"] != nil || $0.attributes["data-count"] != nil) }
    }

    func count(_ mark: SVGDocument.Element) -> Int { mark.attributes["data-count"].flatMap { Int($0) } ?? 1 }

    func number(_ doc: SVGDocument, _ name: String) -> Double { Double(doc.root.attributes[name] ?? "") ?? 0 }

    func testMarksAreLinearInTime() throws {
        let (_, doc) = try render(["--timeline"])
        var x: [String: Double] = [:]
        for m in marks(doc) { x[m.attributes["data-incident-id"]!] = translate(m.attributes["transform"])?.0 }
        let a = try XCTUnwrap(x["2024-01-16-sabz-koh"]), b = try XCTUnwrap(x["2024-01-18-saravan-strike"]), c = try XCTUnwrap(x["2024-01-27-saravan-shooting"])
        XCTAssertGreaterThan(b - a, 20)
        // 16 → 18 January is two days, 18 → 27 nine.
        XCTAssertEqual((b - a) / (c - b), 2.0 / 9.0, accuracy: 0.005)
    }

    func testTheMapKeepsItsSizeAndTheSVGGrowsForTheStrip() throws {
        let (_, plain) = try render([], name: "plain.svg")
        let (_, strip) = try render(["--timeline"], name: "strip.svg")
        let frame = { (d: SVGDocument) in d.elements.first { $0.name == "rect" && $0.attributes["class"] == "im-frame" }?.attributes }
        XCTAssertEqual(try XCTUnwrap(frame(plain)), try XCTUnwrap(frame(strip)), "the map's frame does not change")
        XCTAssertGreaterThan(number(strip, "height"), number(plain, "height") + 60)
        XCTAssertTrue(plain.descendants(ofID: "im-layer-timeline").isEmpty)
        // Every mark lies under the frame.
        let box = try XCTUnwrap(frame(strip))
        let frameBottom = try XCTUnwrap(Double(box["y"] ?? "")) + XCTUnwrap(Double(box["height"] ?? ""))
        for m in marks(strip) { XCTAssertGreaterThan(try XCTUnwrap(translate(m.attributes["transform"])).1, frameBottom) }
    }

    func testEventsAreOnTheStripAndInTheKeyWithTheirSource() throws {
        let (_, doc) = try render(["--timeline"])
        let event = try XCTUnwrap(doc.descendants(ofID: "im-layer-timeline").first { $0.attributes["data-event"] == "A" })
        XCTAssertEqual(event.attributes["data-date"], "2024-01-19")
        let texts = doc.descendants(ofID: "im-layer-timeline").map(\.text).joined(separator: " ")
        XCTAssertTrue(texts.contains("Both foreign ministers agree to de-escalate"), texts)
        let key = doc.descendants(ofID: "im-key").map(\.text).joined(separator: " ")
        XCTAssertTrue(key.contains("Event A. 19 Jan 2024"), key)
        XCTAssertTrue(key.contains("Source: press."), key)
        // The event is between the strikes of the 18th and the shooting of the 27th.
        let xs = marks(doc).compactMap { translate($0.attributes["transform"])?.0 }.sorted()
        let ex = try XCTUnwrap(translate(event.attributes["transform"])?.0)
        XCTAssertTrue(xs[1] < ex && ex < xs[2])
        // Without --timeline, events are nowhere.
        let (plain, _) = try render([], name: "plain.svg")
        XCTAssertFalse(try String(contentsOf: plain, encoding: .utf8).contains("de-escalate"))
    }

    func testAYearOfClusteredIncidentsIsAllOnTheStripAtEveryWidth() throws {
        let csv = tmp.appendingPathComponent("200.csv")
        let gen = try runTool("/usr/bin/python3", [repositoryRoot.appendingPathComponent("Benchmarks/clustered.py").path, "200", csv.path])
        XCTAssertEqual(gen.status, 0, gen.stderr)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        for width in [400, 1000, 2000] {
            let (_, doc) = try render([csv.path, "--timeline", "--width", String(width)], name: "\(width).svg")
            let found = marks(doc)
            XCTAssertEqual(found.map(count).reduce(0, +), 200, "width \(width): the counts of the marks add up to the incidents")
            var ids = Set<String>()
            for m in found {
                let listed = m.attributes["data-incident-ids"]?.split(separator: " ").map(String.init) ?? [m.attributes["data-incident-id"]!]
                XCTAssertEqual(listed.count, count(m))
                for id in listed { XCTAssertTrue(ids.insert(id).inserted, "\(id) on the strip twice") }
            }
            // Nothing outside the SVG.
            let w = number(doc, "width"), h = number(doc, "height")
            for m in found {
                let (x, y) = try XCTUnwrap(translate(m.attributes["transform"]))
                XCTAssertTrue(x >= 8 && x <= w - 8 && y >= 8 && y <= h - 8, "width \(width): a mark at \(x), \(y)")
            }
            for e in doc.descendants(ofID: "im-layer-timeline") where e.name == "text" {
                let x = try XCTUnwrap(Double(e.attributes["x"] ?? ""))
                XCTAssertTrue(x >= 0 && x < w, "text \(e.text) at \(x)")
            }
            // The axis names the months (whole or by three letters).
            // Ticks of days or weeks give the month and year beneath (the context line).
            let labels = doc.descendants(ofID: "im-layer-timeline").filter { ["im-timeline-label", "im-timeline-context"].contains($0.attributes["class"] ?? "") }.map(\.text)
            let named = months.filter { m in labels.contains { $0 == m || $0 == String(m.prefix(3)) || $0.hasPrefix(m + " ") } }
            XCTAssertGreaterThanOrEqual(named.count, width >= 1000 ? 12 : 4, "width \(width): \(labels)")
            // Month ticks are linear in time too: January to July is 182 days of 366.
            let ticks = doc.descendants(ofID: "im-layer-timeline").filter { $0.attributes["class"] == "im-timeline-tick" }.compactMap { Double($0.attributes["x1"] ?? "") }
            XCTAssertGreaterThanOrEqual(ticks.count, 4)
        }
    }

    func testMonthAndRangeDatesAreSpans() throws {
        let yaml = try write("spans.yaml", """
        title: Spans
        incidents:
          - id: february
            date: 2024-02
            latitude: 30.2
            longitude: 67.0
            kind: shelling
          - id: ten-days
            date: 2024-03-01/2024-03-10
            latitude: 29.5
            longitude: 66.5
            kind: armed clash
          - id: one-day
            date: 2024-03-20
            latitude: 28.9
            longitude: 64.4
            kind: bombing
        """)
        let (_, doc) = try render([yaml.path, "--timeline"])
        let spans = doc.descendants(ofID: "im-layer-timeline").filter { ($0.attributes["class"] ?? "").contains("timeline-span") }
        XCTAssertEqual(Set(spans.compactMap { $0.attributes["data-incident-id"] }), ["february", "ten-days"])
        func bar(_ id: String) throws -> (x: Double, width: Double) {
            let g = try XCTUnwrap(spans.first { $0.attributes["data-incident-id"] == id })
            let i = try XCTUnwrap(doc.elements.firstIndex { $0.attributes == g.attributes && $0.name == "g" })
            let rect = try XCTUnwrap(doc.elements.first { $0.name == "rect" && $0.ancestors.last == i })
            return (try XCTUnwrap(translate(g.attributes["transform"])).0, Double(rect.attributes["width"]!)!)
        }
        let feb = try bar("february"), march = try bar("ten-days")
        XCTAssertEqual(feb.width / march.width, 29.0 / 10.0, accuracy: 0.02, "February 2024 has 29 days")
        XCTAssertEqual(march.x - feb.x, feb.width, accuracy: 0.2, "the range starts where February ends")
        XCTAssertEqual(spans.first { $0.attributes["data-incident-id"] == "february" }?.attributes["data-date"], "2024-02-01/2024-02-29")
        XCTAssertEqual(marks(doc).filter { !($0.attributes["class"] ?? "").contains("timeline-span") }.map { $0.attributes["data-incident-id"] }, ["one-day"])
    }

    func testATooTallStackBecomesOneCountingMark() throws {
        var rows = ["id,date,latitude,longitude,kind"]
        for i in 1...9 { rows.append("crowd-\(i),2024-05-01,\(29 + Double(i) * 0.1),\(65 + Double(i) * 0.1),Armed clash") }
        rows += ["alone-1,2024-05-04,28.5,64.0,Air/drone strike", "alone-2,2024-05-12,28.0,63.5,Armed clash"]
        for i in 1...3 { rows.append("few-\(i),2024-05-08,\(27 + Double(i) * 0.1),\(66 + Double(i) * 0.1),Armed clash") }
        let csv = try write("crowd.csv", rows.joined(separator: "\n") + "\n")
        let (_, doc) = try render([csv.path, "--timeline"])
        let found = marks(doc)
        let counted = try XCTUnwrap(found.first { $0.attributes["data-count"] != nil })
        XCTAssertEqual(counted.attributes["data-count"], "9")
        XCTAssertEqual(Set(counted.attributes["data-incident-ids"]!.split(separator: " ").map(String.init)), Set((1...9).map { "crowd-\($0)" }))
        XCTAssertEqual(found.count, 1 + 2 + 3, "the nine are one mark; a stack of three stays three")
        // The three of the 8th stack above one another at one x.
        let few = found.filter { ($0.attributes["data-incident-id"] ?? "").hasPrefix("few-") }.compactMap { translate($0.attributes["transform"]) }
        XCTAssertEqual(Set(few.map(\.0)).count, 1)
        XCTAssertEqual(Set(few.map(\.1)).count, 3)
    }

    func testEventsBesideACSVFileAndTheirErrors() throws {
        let csv = try write("one.csv", "id,date,latitude,longitude,kind\nx-1,2024-03-02,29.0,66.0,Armed clash\n")
        let events = try write("events.yaml", """
        events:
          - date: 2024-03-05
            text: Ceasefire announced
            sources: [Dawn, AFP]
        """)
        let (_, doc) = try render([csv.path, events.path, "--timeline"])
        let flag = try XCTUnwrap(doc.descendants(ofID: "im-layer-timeline").first { $0.attributes["data-event"] == "A" })
        XCTAssertEqual(flag.attributes["data-date"], "2024-03-05")
        XCTAssertTrue(doc.descendants(ofID: "im-key").map(\.text).joined().contains("Sources: Dawn, AFP."))

        let bad = try write("bad.yaml", """
        events:
          - date: 2024-03-05
          - text: No date given
        incidents:
          - id: y-1
            date: 2024-03-02
            place: Quetta
        """)
        let r = try incidentmap(["render", bad.path, "--timeline", "-o", tmp.appendingPathComponent("bad.svg").path])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.yaml:2: events.text: missing"), r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.yaml:3: events.date: missing"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("bad.svg").path))
    }

    /// A map of thousands of incidents aggregates them, and its timeline counts them: a bar per
    /// week of three years in Sudan, split by kind, as tall as its count, at the x of its days;
    /// incidents known only to the month are counted on their first day and the caption says how many.
    func testAnAggregatedMapHasATimelineOfCounts() throws {
        var csv = "id,date,kind,latitude,longitude\n"
        let kinds = ["Air/drone strike", "Armed clash", "Remote explosive/landmine/IED"]
        var expected: [Int: Int] = [:]  // day (days since 2022-01-01) of each incident's start
        for i in 0..<6_000 {
            let day = (i * 7_919) % 1_096
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day, to: DateComponents(calendar: .init(identifier: .gregorian), timeZone: .gmt, year: 2022, month: 1, day: 1).date!)!
            var text = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
            var first = day
            if i % 60 == 0 {  // 100 known only to the month: counted on the month's first day
                text = String(text.prefix(7))
                first = day - (Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date).day! - 1)
            }
            expected[first, default: 0] += 1
            csv += "s\(i),\(text),\(kinds[i % 3]),\(10 + Double(i % 97) * 0.1),\(24 + Double(i % 113) * 0.1)\n"
        }
        let file = try write("sudan.csv", csv)
        let (_, doc) = try render([file.path, "--timeline"])
        let bins = doc.descendants(ofID: "im-layer-timeline").filter { $0.attributes["class"] == "im-timeline-bin" }
        XCTAssertEqual(bins.map(count).reduce(0, +), 6_000, "every incident is in a bar")
        XCTAssertGreaterThan(bins.count, 150, "three years of weeks")
        // Each bar counts the incidents whose first day is in its week, and sits at its week's x.
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withFullDate]
        let origin = iso.date(from: "2022-01-01")!
        func day(_ text: String) throws -> Int { Int((try XCTUnwrap(iso.date(from: text)).timeIntervalSince(origin) / 86_400).rounded()) }
        var lastX = -Double.infinity, lastEnd = ""
        var xs: [(day: Int, x: Double)] = []
        for bin in bins {
            let range = try XCTUnwrap(bin.attributes["data-date"]).split(separator: "/").map(String.init)
            XCTAssertEqual(range.count, 2, "a week is a range")
            XCTAssertGreaterThan(range[0], lastEnd, "bars in order, not overlapping")
            lastEnd = range[1]
            let from = try day(range[0]), to = try day(range[1])
            XCTAssertEqual(to - from, 6)
            XCTAssertEqual(count(bin), (from...to).map { expected[$0] ?? 0 }.reduce(0, +), range[0])
            let x = try XCTUnwrap(translate(bin.attributes["transform"])).0
            XCTAssertGreaterThan(x, lastX)
            lastX = x
            xs.append((from, x))
        }
        // x is linear in time: the px per day between any two bars is the same.
        let (a, b, c) = (xs[0], xs[xs.count / 2], xs[xs.count - 1])
        XCTAssertEqual((b.x - a.x) / Double(b.day - a.day), (c.x - a.x) / Double(c.day - a.day), accuracy: 0.01)
        // The bars' parts are the kinds' colours.
        let parts = doc.descendants(ofID: "im-layer-timeline").filter { $0.name == "rect" }.compactMap { $0.attributes["class"] }
        XCTAssertEqual(Set(parts), ["im-marker-strike", "im-marker-other", "im-marker-explosion"])
        let text = doc.descendants(ofID: "im-layer-timeline").map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains("incidents per week"), text)
        XCTAssertTrue(text.contains("100 incidents known only to the month or as a range are counted on their first day"), text)
        // The report's chronology draws the same strip of counts, apart from its map.
        let reportDir = tmp.appendingPathComponent("report")
        let report = try incidentmap(["report", file.path, "-o", reportDir.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try String(contentsOf: reportDir.appendingPathComponent("report.html"), encoding: .utf8)
        let chronology = try XCTUnwrap(html.range(of: "id=\"chronology\"")).lowerBound
        XCTAssertEqual(html[chronology...].components(separatedBy: "timeline-bin\"").count - 1, bins.count)
        XCTAssertTrue(html.contains("Timeline: the incidents counted by the day each began"), "the strip's caption")
        // A map of provinces shaded by their incidents has no timeline, and says what to do.
        let r = try incidentmap(["render", file.path, "--aggregate", "admin1", "--timeline", "--svg", "-o", tmp.appendingPathComponent("admin1.svg").path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--aggregate cells"), r.stderr)
    }

    func testTheExampleWithATimelineMatchesItsSnapshot() throws {
        for d in ["a", "b"] { try FileManager.default.createDirectory(at: tmp.appendingPathComponent(d), withIntermediateDirectories: true) }
        let (a, _) = try render(["--timeline"], name: "a/map.svg")
        let (b, _) = try render(["--timeline"], name: "b/map.svg")
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b), "deterministic")
        try assertSnapshot(try Data(contentsOf: a), named: "january-2024-timeline.svg")
    }

    func testTheReportHasAChronology() throws {
        let dir = tmp.appendingPathComponent("rep")
        let r = try incidentmap(["report", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        let section = try XCTUnwrap(html.range(of: "<section id=\"chronology\">")).upperBound
        let chronology = String(html[section...]).components(separatedBy: "</section>")[0]
        XCTAssertTrue(chronology.contains("report-map-layer-timeline"), "the strip")
        // Incidents and the event by date.
        let table = try XCTUnwrap(chronology.components(separatedBy: "<table>").last)
        let order = ["Sabz Koh", "near Saravan", "Event A (timeline only)", "Sirkan"].map { table.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), table)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        let md = tmp.appendingPathComponent("md")
        XCTAssertEqual(try incidentmap(["report", "--format", "markdown", "-o", md.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: md.appendingPathComponent("report.md"), encoding: .utf8).contains("](timeline.svg)"))
        XCTAssertEqual(try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent("t.png").path, md.appendingPathComponent("timeline.svg").path]).status, 0)
    }
}

/// `render --by`: small multiples, a panel per period with only its incidents.
final class SmallMultiplesTests: ScratchTestCase {
    func periodPanels(_ doc: SVGDocument) -> [(period: String, ids: [String], count: Int)] {
        doc.elements.enumerated().compactMap { i, e -> (String, [String], Int)? in
            guard let period = e.attributes["data-period"] else { return nil }
            let inside = doc.elements.filter { $0.ancestors.contains(i) && ($0.attributes["class"] ?? "").contains("incident") && $0.name == "g" }
            let ids = inside.flatMap { m in m.attributes["data-incident-ids"]?.split(separator: " ").map(String.init) ?? [m.attributes["data-incident-id"]].compactMap { $0 } }
            return (period, ids, inside.map { Int($0.attributes["data-count"] ?? "1")! }.reduce(0, +))
        }
    }

    func render(_ args: [String], name: String = "panels.svg") throws -> SVGDocument {
        let out = tmp.appendingPathComponent(name)
        let r = try incidentmap(["render", "--svg", "-o", out.path] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent(name + ".png").path, out.path]).status, 0)
        let doc = SVGDocument(try Data(contentsOf: out))
        XCTAssertTrue(doc.parsed)
        return doc
    }

    func testPanelsPerMonthHoldExactlyTheirIncidents() throws {
        let csv = tmp.appendingPathComponent("200.csv")
        XCTAssertEqual(try runTool("/usr/bin/python3", [repositoryRoot.appendingPathComponent("Benchmarks/clustered.py").path, "200", csv.path]).status, 0)
        // The month of each row, from its "14 June 2024".
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var expected: [String: Int] = [:]
        for line in try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").dropFirst() {
            let date = line.split(separator: ",")[1].split(separator: " ")
            let m = months.firstIndex(of: String(date[1]))! + 1
            expected["\(date[2])-\(m < 10 ? "0" : "")\(m)", default: 0] += 1
        }
        let doc = try render([csv.path, "--by", "month"])
        let found = periodPanels(doc)
        XCTAssertEqual(found.map(\.period), (1...12).map { "2024-\($0 < 10 ? "0" : "")\($0)" })
        for p in found { XCTAssertEqual(p.count, expected[p.period], p.period) }
        XCTAssertEqual(found.map(\.count).reduce(0, +), 200)
        // Every panel has the same frame: one extent, one scale.
        let frames = doc.elements.filter { $0.name == "rect" && ($0.attributes["class"] ?? "").hasSuffix("-frame") }.map { [$0.attributes["width"], $0.attributes["height"]] }
        XCTAssertEqual(frames.count, 12)
        XCTAssertEqual(Set(frames.map { $0.compactMap { $0 }.joined(separator: "x") }).count, 1)
        let metas = doc.elements.filter { $0.name == "metadata" }.compactMap { m -> [Double]? in
            (try? JSONSerialization.jsonObject(with: Data(m.text.utf8)) as? [String: Any])?["affine"] as? [Double]
        }
        XCTAssertEqual(metas.count, 12)
        XCTAssertEqual(Set(metas.map { "\($0)" }).count, 1, "the same affine transform in every panel")
        let ids = doc.elements.compactMap { $0.attributes["id"] }
        XCTAssertEqual(ids.count, Set(ids).count, "panels keep their ids apart")
    }

    func testPeriodNamesAndAnEmptyPeriodBetweenOthers() throws {
        let csv = tmp.appendingPathComponent("few.csv")
        try Data("""
        id,date,latitude,longitude,kind
        a,2024-01-16,28.0,64.0,Air/drone strike
        b,2024-03-02,29.0,66.0,Armed clash
        c,2024-03-30,29.5,66.5,Armed clash

        """.utf8).write(to: csv)
        let byMonth = periodPanels(try render([csv.path, "--by", "month"], name: "m.svg"))
        XCTAssertEqual(byMonth.map(\.period), ["2024-01", "2024-02", "2024-03"])
        XCTAssertEqual(byMonth.map(\.ids), [["a"], [], ["b", "c"]], "February is drawn, empty")
        XCTAssertEqual(periodPanels(try render([csv.path, "--by", "quarter"], name: "q.svg")).map(\.period), ["2024-Q1"])
        XCTAssertEqual(periodPanels(try render([csv.path, "--by", "year"], name: "y.svg")).map(\.period), ["2024"])
        let weeks = periodPanels(try render([csv.path, "--by", "week"], name: "w.svg"))
        XCTAssertEqual(weeks.first?.period, "2024-W03")
        XCTAssertEqual(weeks.last?.period, "2024-W13")
        XCTAssertEqual(weeks.count, 11)
        XCTAssertEqual(periodPanels(try render([csv.path, "--by", "day", "--from", "2024-03-01"], name: "d.svg")).first?.period, "2024-03-02")
        // Too many panels: a clear error naming a period that fits.
        let r = try incidentmap(["render", csv.path, "--by", "day", "-o", tmp.appendingPathComponent("days.svg").path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("more than 36 panels"), r.stderr)
        XCTAssertTrue(r.stderr.contains("try --by week"), r.stderr)
    }

    /// More incidents than a map draws one by one: each panel draws its period's incidents as
    /// hexagons of one grid, every incident in its period's panel, markers on one scale.
    func testAnAggregatedMapHasPanelsOfCellsOnOneScale() throws {
        // 3,000 strikes over three months around three towns of Sudan and one of Chad, the weight
        // moving from Khartoum to Darfur: the panels differ. Spread by a fixed pseudo-random sequence.
        let towns = [(15.55, 32.53), (13.63, 25.35), (12.05, 24.88), (13.83, 20.83)]
        let weights = [[6, 2, 1, 1], [3, 3, 2, 2], [1, 4, 3, 2]]
        var sequence = SeededRandom(20_240_101)
        func random() -> Double { sequence.next() }
        var csv = "id,date,kind,latitude,longitude\n"
        var perMonth = [0, 0, 0]
        for i in 0..<3_000 {
            let month = i % 3, day = 1 + Int(random() * 28)
            var pick = random() * 10, town = 0
            while pick >= Double(weights[month][town]) { pick -= Double(weights[month][town]); town += 1 }
            let (lat, lon) = towns[town]
            perMonth[month] += 1
            let dLat = (random() + random() + random() - 1.5) * 0.4, dLon = (random() + random() + random() - 1.5) * 0.4
            csv += "s\(i),2024-0\(month + 1)-\(day < 10 ? "0" : "")\(day),Air/drone strike,\(lat + dLat),\(lon + dLon)\n"
        }
        let file = tmp.appendingPathComponent("sudan-3000.csv")
        try Data(csv.utf8).write(to: file)
        let doc = try render([file.path, "--by", "month"], name: "cells.svg")
        let panels = periodPanels(doc)
        XCTAssertEqual(panels.map(\.period), ["2024-01", "2024-02", "2024-03"])
        XCTAssertEqual(panels.map(\.count), perMonth, "each panel's cells hold its month's incidents")
        // Cells, not incidents: each marker is a cell with its count.
        let cells = doc.elements.filter { $0.attributes["data-cell"] != nil }
        XCTAssertGreaterThan(cells.count, 30)
        XCTAssertTrue(doc.elements.allSatisfy { $0.attributes["data-incident-id"] == nil })
        // One scale: a marker's radius over the square root of its count is the same in every
        // panel (markers above the smallest dot, whose radius is a floor).
        var scales: [String: [Double]] = [:]
        for (i, e) in doc.elements.enumerated() {
            guard let period = e.attributes["data-period"] else { continue }
            for (j, m) in doc.elements.enumerated() where m.ancestors.contains(i) && m.attributes["data-cell"] != nil {
                guard let circle = doc.elements.first(where: { $0.ancestors.contains(j) && $0.name == "circle" && ($0.attributes["class"] ?? "").hasSuffix("marker-strike") }),
                      let r = circle.attributes["r"].flatMap(Double.init), r > 3.05 else { continue }
                scales[period, default: []].append(r / Double(m.attributes["data-count"].flatMap(Int.init)!).squareRoot())
            }
        }
        XCTAssertGreaterThanOrEqual(scales.count, 2, "markers above the floor in several panels")
        let all = scales.values.flatMap { $0 }
        XCTAssertEqual(all.max()! / all.min()!, 1, accuracy: 0.02, "\(scales.mapValues { ($0.min()!, $0.max()!) })")
        // Every panel has the same frame, and the note says what a cell is.
        let metas = doc.elements.filter { $0.name == "metadata" }.compactMap { m -> [Double]? in
            (try? JSONSerialization.jsonObject(with: Data(m.text.utf8)) as? [String: Any])?["affine"] as? [Double]
        }
        XCTAssertEqual(Set(metas.map { "\($0)" }).count, 1, "the same affine transform in every panel")
        let text = doc.elements.map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains("3,000 incidents in"), text)
        XCTAssertTrue(text.contains("hexagons ("), text)
        // The same panels with fewer incidents, asked for as cells.
        let few = tmp.appendingPathComponent("sudan-300.csv")
        try Data(csv.split(separator: "\n").prefix(301).joined(separator: "\n").utf8).write(to: few)
        let asCells = periodPanels(try render([few.path, "--by", "month", "--aggregate", "cells"], name: "few-cells.svg"))
        XCTAssertEqual(asCells.map(\.count), [100, 100, 100])
        // Provinces shaded by their incidents have no panels, and the error says what to do.
        let r = try incidentmap(["render", file.path, "--by", "month", "--aggregate", "admin1", "--svg", "-o", tmp.appendingPathComponent("a1.svg").path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--aggregate cells"), r.stderr)
        // A report of these incidents shows the panels of cells in its chronology.
        let report = tmp.appendingPathComponent("report")
        XCTAssertEqual(try incidentmap(["report", file.path, "-o", report.path]).status, 0)
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "data-period=").count - 1, 3)
        // A report whose map shades provinces has no panels, of cells or of incidents.
        let shaded = tmp.appendingPathComponent("report-admin1")
        XCTAssertEqual(try incidentmap(["report", file.path, "--aggregate", "admin1", "-o", shaded.path]).status, 0)
        let provinces = try String(contentsOf: shaded.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertFalse(provinces.contains("data-period="), "no panels beside a map of shaded provinces")
    }
}
