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
