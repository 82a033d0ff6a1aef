import Foundation
import XCTest

final class GeocodeCommandTests: XCTestCase {
    func testJSONListsCandidatesFromEachCountryForAnAmbiguousName() throws {
        let r = try incidentmap(["geocode", "Pishin", "--format", "json"])
        XCTAssertEqual(r.status, 1, "an ambiguous name exits non-zero")
        let list = try JSONSerialization.jsonObject(with: r.stdout) as! [[String: Any]]
        XCTAssertEqual(Set(list.prefix(2).compactMap { $0["country"] as? String }), ["IR", "PK"])
        for key in ["name", "latitude", "longitude", "country", "admin1", "kind", "id", "score", "matched"] {
            XCTAssertNotNil(list[0][key], key)
        }
    }

    func testResolvedNameExitsZeroAndPrintsATable() throws {
        let r = try incidentmap(["geocode", "Panjgoor, Baluchistan"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdoutText.contains("Panjgur"), r.stdoutText)
        XCTAssertTrue(r.stdoutText.contains("resolved"), r.stdoutText)
    }
}
