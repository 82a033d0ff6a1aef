import Foundation
import Incidents
import XCTest

final class YAMLReaderTests: XCTestCase {
    func read(_ yaml: String) throws -> IncidentFile {
        try YAMLIncidentReader.read(Data(yaml.utf8), path: "test.yaml")
    }

    func problems(_ yaml: String) -> [InputProblem] {
        do { _ = try read(yaml); return [] } catch let e as InputErrors { return e.problems } catch { return [] }
    }

    func testReadsTheModelAndKeepsExtraFields() throws {
        let f = try read("""
        title: Test
        incidents:
          - id: a
            date: 16 January 2024
            place: Sabz Koh, Panjgur
            country: PK
            kind: missile strike
            actor: Iran
            origin: Iran
            location_precision: district
            casualty_note: disputed
            claims:
              - claim: two children killed
                by: Pakistan
                killed: 2
            sources:
              - outlet: AP
                url: https://example.org/x
              - AFP
        """)
        XCTAssertEqual(f.title, "Test")
        let i = try XCTUnwrap(f.incidents.first)
        XCTAssertEqual(i.id, "a")
        XCTAssertEqual(i.date.isoText, "2024-01-16")
        XCTAssertEqual(i.locationPrecision, .district)
        XCTAssertEqual(i.claims, [Claim(statement: "two children killed", by: "Pakistan", killed: 2)])
        XCTAssertEqual(i.sources.map(\.outlet), ["AP", "AFP"])
        XCTAssertEqual(i.sources[0].url, "https://example.org/x")
        XCTAssertEqual(i.extra.first?.0, "casualty_note")
        XCTAssertEqual(i.location.line, 3)
        XCTAssertTrue(i.isStrike)
    }

    func testEveryProblemIsReportedWithLineAndField() {
        let ps = problems("""
        incidents:
          - id: a
            date: 2024-02-30
            place: Saravan
          - id: b
            date: 2024-01-18
            latitude: 95
            longitude: 62
          - id: c
            date: 2024-01-18
            place: Saravan
            location_precision: roughly
          - date: 2024-01-18
            place: Saravan
        """)
        let text = ps.map(\.description)
        XCTAssertEqual(ps.count, 4, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("test.yaml:3: date:") && $0.contains("2024-02-30") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("test.yaml:7: latitude:") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("test.yaml:12: location_precision:") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("test.yaml:13: id:") }, "\(text)")
    }

    func testSyntaxErrorsEmptyAndBinaryFilesAreClear() {
        let syntax = problems("incidents:\n  - id: a\n    date: [2024\n")
        XCTAssertEqual(syntax.count, 1)
        XCTAssertTrue(syntax[0].message.contains("YAML syntax error"), "\(syntax)")
        XCTAssertGreaterThan(syntax[0].line, 0)
        XCTAssertTrue(problems("").first?.message.contains("empty") ?? false)
        XCTAssertTrue(problems("\u{0}\u{1}binary").first?.message.contains("binary file (NUL byte") ?? false)
        XCTAssertTrue(problems("just a string").first?.message.contains("expected") ?? false)
    }
}
