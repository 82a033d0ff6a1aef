import Foundation
import Gazetteer
import Geometry
import XCTest

/// Press spellings the gazetteer was not given as data: each must resolve to
/// the canonical place within its tolerance. The share resolved is printed.
final class VariantSpellingTests: XCTestCase {
    struct Case { var query: String; var expected: LonLat; var toleranceKm: Double; var country: String; var canonical: String }

    func cases() throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/variant-spellings.tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(query: f[0], expected: LonLat(lon: Double(f[2])!, lat: Double(f[1])!), toleranceKm: Double(f[3])!,
                        country: f[4], canonical: f[5])
        }
    }

    func testPressSpellingsResolveToTheRightPlace() throws {
        let all = try cases()
        XCTAssertGreaterThanOrEqual(all.count, 60)
        var misses: [String] = []
        for c in all {
            // With the country, as a report or an ACLED row gives it: alone, Konarak, Sorab or Sibbi
            // also name towns in India, and the test is of spellings, not of guessing the country.
            let lookup = bundled.resolve(PlaceQuery(c.query, country: c.country))
            guard case .resolved(let best, _) = lookup.resolution else {
                misses.append("\(c.query): \(lookup.resolution.best == nil ? "not found" : "ambiguous") (expected \(c.canonical))")
                continue
            }
            let d = km(best.entry.location, c.expected)
            if d > c.toleranceKm || best.entry.country != c.country {
                misses.append("\(c.query): got \(best.entry.name) \(best.entry.country) \(Int(d)) km away (expected \(c.canonical))")
            }
        }
        let share = Double(all.count - misses.count) / Double(all.count)
        print("variant spellings resolved correctly: \(all.count - misses.count)/\(all.count) (\(Int((share * 100).rounded()))%)")
        for m in misses { print("  miss: \(m)") }
        XCTAssertGreaterThanOrEqual(share, 0.95, "misses:\n" + misses.joined(separator: "\n"))
    }
}
