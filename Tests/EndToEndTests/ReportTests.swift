import Foundation
import XCTest

/// `incidentmap report`: a self-contained, valid HTML report and a Markdown one.
final class ReportTests: ScratchTestCase {
    /// Parses HTML with html5lib in strict mode (HTML5's own parsing rules): the element
    /// names, every id and every href/src, or the parse errors.
    func html5(_ file: URL) throws -> [String: [String]] {
        let script = """
        import html5lib, json, sys
        p = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
        doc = p.parse(open(sys.argv[1], 'rb').read())
        tags, ids, refs = [], [], []
        for el in doc.iter():
            if not isinstance(el.tag, str): continue
            tags.append(el.tag.split('}')[-1])
            if 'id' in el.attrib: ids.append(el.attrib['id'])
            for k in ('href', 'src', '{http://www.w3.org/1999/xlink}href'):
                if k in el.attrib: refs.append(el.attrib[k])
        errors = [str(e) for e in p.errors]
        print(json.dumps({'tags': tags, 'ids': ids, 'refs': refs, 'errors': errors}))
        """
        let r = try runTool("/usr/bin/python3", ["-c", script, file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: r.stdout) as! [String: [String]]
    }

    func testHTMLReportIsValidSelfContainedAndMatchesItsSnapshot() throws {
        let dir = tmp.appendingPathComponent("rep")
        let r = try incidentmap(["report", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let file = dir.appendingPathComponent("report.html")
        let parsed = try html5(file)
        XCTAssertEqual(parsed["errors"] ?? [], [], "HTML5 parse errors")
        let tags = parsed["tags"] ?? []
        for forbidden in ["script", "link", "iframe", "img", "object", "embed"] { XCTAssertFalse(tags.contains(forbidden), forbidden) }
        XCTAssertTrue(tags.contains("svg"))
        XCTAssertEqual(tags.filter { $0 == "tr" }.count, 4 + 5, "a header row and one row per incident; the chronology's header, incidents and event")
        // No external requests: references are in-page (#…) or ordinary links.
        for ref in parsed["refs"] ?? [] { XCTAssertTrue(ref.hasPrefix("#") || ref.hasPrefix("https://") || ref.hasPrefix("http://"), ref) }
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertFalse(text.contains("@import"))
        XCTAssertFalse(text.range(of: #"url\((?!#)"#, options: .regularExpression) != nil, "CSS url() to anything but an in-page id")
        let ids = parsed["ids"] ?? []
        XCTAssertEqual(ids.count, Set(ids).count, "duplicate ids")
        XCTAssertTrue(text.contains("Pakistan (Foreign Office):"), "every claim with who makes it")
        XCTAssertTrue(text.contains("816.6 km"), "the border dataset's measured length")
        XCTAssertTrue(text.contains("Contains data from GeoNames"))
        try assertSnapshot(Data(text.utf8), named: "january-2024-report.html")
    }

    /// A report in the reader's language: its headings, column headers, captions, dates, names and
    /// numbers (French, Persian written right to left, Ukrainian), valid HTML5 each, and the same
    /// table as the English one.
    func testReportInTheReadersLanguage() throws {
        let expected: [(String, [String], [String])] = [
            ("fr", ["<html lang=\"fr\">", "Chronologie", "Lieu tel que rapporté", "Revendications (qui affirme quoi)", "16 janv. 2024", "Comment cette carte a été faite",
                    "Pakistan", "<p>Sources des incidents"], ["How this map was made", ">Chronology<", "Place as reported", "<td>16 Jan 2024"]),
            // The placing notes are Persian now, and read from the right with the page.
            ("fa", ["<html lang=\"fa\" dir=\"rtl\">", "گاه‌شمار", "مکان به گزارش منبع", "۱۶ ژانویه ۲۰۲۴", "پاکستان", "<p>منابع رویدادها: ", "text-align: right",
                    "تطبیق یافت", "دقت مکان"],
             ["How this map was made", ">Chronology<", "Place as reported", "<td>16 Jan 2024", "Marker 1", " matched ", "ol { direction: ltr"]),
            ("uk", ["<html lang=\"uk\">", "Хронологія", "Позначка 1", "16 січ. 2024", "Пакистан", "Як зроблено цю карту", "збіглося з", "Також розглядалися",
                    "Кордон Іран–Пакистан на карті має довжину 816,6 км"], ["Chronology", "Marker 1", " matched ", "Also weighed", "score 1.100"]),
        ]
        for (language, present, absent) in expected {
            let dir = tmp.appendingPathComponent("rep-\(language)")
            let r = try incidentmap(["report", "--lang", language, "-o", dir.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let file = dir.appendingPathComponent("report.html")
            XCTAssertEqual(try html5(file)["errors"] ?? [], [], "\(language): HTML5 parse errors")
            let text = try String(contentsOf: file, encoding: .utf8)
            for s in present { XCTAssertTrue(text.contains(s), "\(language): \(s) missing") }
            for s in absent { XCTAssertFalse(text.contains(s), "\(language): \(s) is still English") }
            XCTAssertEqual(text.components(separatedBy: "<tr>").count - 1, 4 + 5, "\(language): the same rows as the English report")
            let md = tmp.appendingPathComponent("md-\(language)")
            XCTAssertEqual(try incidentmap(["report", "--lang", language, "--format", "markdown", "-o", md.path]).status, 0)
            let markdown = try String(contentsOf: md.appendingPathComponent("report.md"), encoding: .utf8)
            XCTAssertFalse(markdown.contains("## Chronology"), "\(language): Markdown headings in the language")
        }
    }

    /// Incidents over more than one month get small multiples by month in the chronology: each
    /// panel holds its month's incidents, a month between others without any is drawn empty.
    func testReportsOverSeveralMonthsShowAMapPerMonth() throws {
        let base = try clustered(60, ["--admin1", "PK-BA,IR-11"])
        var lines = try String(contentsOf: base, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let dateColumn = try XCTUnwrap(header.firstIndex(of: "event_date"))
        let months = ["January", "February", "April"]
        var expected: [String: Int] = [:]
        for i in 1..<lines.count {
            var cells = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[dateColumn] = "\((i % 27) + 1) \(months[i % 3]) 2024"
            expected[["2024-01", "2024-02", "2024-04"][i % 3], default: 0] += 1
            lines[i] = cells.joined(separator: ",")
        }
        let csv = tmp.appendingPathComponent("three-months.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        let dir = tmp.appendingPathComponent("months")
        let r = try incidentmap(["report", csv.path, "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let file = dir.appendingPathComponent("report.html")
        XCTAssertEqual(try html5(file)["errors"] ?? [], [], "HTML5 parse errors")
        let html = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "data-period=").count - 1, 4)
        let parsed = try html5(file)
        XCTAssertEqual((parsed["ids"] ?? []).count, Set(parsed["ids"] ?? []).count, "the panels' ids stay apart from the map's")
        // The Markdown report writes them beside it: each panel holds its month's incidents only.
        let md = tmp.appendingPathComponent("months-md")
        XCTAssertEqual(try incidentmap(["report", csv.path, "--format", "markdown", "-o", md.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: md.appendingPathComponent("report.md"), encoding: .utf8).contains("](by-month.svg)"))
        let svg = md.appendingPathComponent("by-month.svg")
        let doc = SVGDocument(try Data(contentsOf: svg))
        XCTAssertTrue(doc.parsed)
        let panels = doc.elements.indices.filter { doc.elements[$0].attributes["data-period"] != nil }
        XCTAssertEqual(panels.map { doc.elements[$0].attributes["data-period"]! }, ["2024-01", "2024-02", "2024-03", "2024-04"], "March drawn empty between the others")
        for i in panels {
            let period = doc.elements[i].attributes["data-period"]!
            // As the --by tests count them: the incident groups of the panel.
            let markers = doc.elements.filter { $0.ancestors.contains(i) && ($0.attributes["class"] ?? "").contains("incident") && $0.name == "g" }
            let drawn = markers.reduce(0) { $0 + (Int($1.attributes["data-count"] ?? "1") ?? 1) }
            XCTAssertEqual(drawn, expected[period] ?? 0, "\(period): its incidents only")
        }
        XCTAssertEqual(try runTool("/usr/bin/env", ["rsvg-convert", "-o", tmp.appendingPathComponent("m.png").path, svg.path]).status, 0)
        // One month: no small multiples.
        let one = tmp.appendingPathComponent("one")
        XCTAssertEqual(try incidentmap(["report", "-o", one.path]).status, 0)
        XCTAssertFalse(try String(contentsOf: one.appendingPathComponent("report.html"), encoding: .utf8).contains("data-period="))
    }

    func testMarkdownReportRefersToItsMapAndPNG() throws {
        let dir = tmp.appendingPathComponent("md")
        let r = try incidentmap(["report", "--format", "markdown", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("![Map: "))
        XCTAssertTrue(md.contains("](map.svg)"))
        XCTAssertTrue(md.contains("[map.png](map.png)"))
        XCTAssertEqual(try runTool("xmllint", ["--noout", dir.appendingPathComponent("map.svg").path]).status, 0)
        let png = try Data(contentsOf: dir.appendingPathComponent("map.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        // Three incidents, then the chronology's header, three incidents and the event.
        XCTAssertEqual(md.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| #") }.count, 3 + 5)
    }

    func testInputTextCannotInjectMarkupIntoReports() throws {
        let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>](javascript:alert(3)) | **bold** `code`"
        func q(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        let yaml = """
        title: \(q(evil))
        incidents:
          - id: \(q("x" + evil))
            date: 2024-01-16
            place: \(q(evil))
            latitude: 27
            longitude: 63
            kind: \(q(evil))
            actor: \(q(evil))
            claims:
              - claim: \(q(evil))
                by: \(q(evil))
            sources:
              - outlet: \(q(evil))
                url: 'javascript:alert(4)'
              - outlet: ok
                url: \(q("https://example.org/a\"onmouseover=\"x"))
        """
        let input = tmp.appendingPathComponent("evil.yaml")
        try yaml.write(to: input, atomically: true, encoding: .utf8)
        let dir = tmp.appendingPathComponent("evil")
        XCTAssertEqual(try incidentmap(["report", input.path, "-o", dir.path]).status, 0)
        let parsed = try html5(dir.appendingPathComponent("report.html"))
        XCTAssertEqual(parsed["errors"] ?? [], [])
        let tags = Set(parsed["tags"] ?? [])
        XCTAssertFalse(tags.contains("script"))
        XCTAssertFalse(tags.contains("img"))
        for ref in parsed["refs"] ?? [] { XCTAssertFalse(ref.lowercased().contains("javascript"), ref) }
        let md = tmp.appendingPathComponent("evil-md")
        XCTAssertEqual(try incidentmap(["report", input.path, "--format", "markdown", "-o", md.path]).status, 0)
        let text = try String(contentsOf: md.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertFalse(text.contains("<script"))
        XCTAssertFalse(text.contains("<img"))
        // An escaped bracket ("\\]") cannot close a link.
        XCTAssertNil(text.range(of: #"(?<!\\)\]\(javascript"#, options: .regularExpression), "a javascript: link in the Markdown")
    }
}
