import Foundation
import XCTest

/// A map of incidents whose input gives no death toll says nothing of fatalities: "0 fatalities
/// claimed" would be a figure nobody gave. With a toll column, even of zeros, it says what is claimed.
final class TollTests: ScratchTestCase {
    /// `rows` incidents spread over a few cells of the Sahel (clustered, so markers merge), with a
    /// fatalities column of zeros when `zeros`.
    func csv(_ rows: Int, zeros: Bool) -> String {
        var s = "id,date,kind,latitude,longitude" + (zeros ? ",fatalities" : "") + "\n"
        for i in 0..<rows {
            let lat = 13.5 + Double(i % 7) * 0.002 + Double(i / 700) * 0.4, lon = 2.1 + Double(i % 11) * 0.002
            s += "e\(i),2024-03-\(10 + i % 9),armed clash,\(lat),\(lon)" + (zeros ? ",0" : "") + "\n"
        }
        return s
    }

    func testNoTollInTheInputNoFatalitiesOnTheMap() throws {
        // Merged markers (40 rows), hexagons (3,000), a timeline, in English and in French.
        for (rows, options) in [(40, ["--svg"]), (3_000, ["--svg"]), (40, ["--svg", "--timeline"]), (40, ["--svg", "--lang", "fr"]), (3_000, ["--svg", "--lang", "ru"])] {
            let name = "map-\(rows)-\(options.count).svg"
            let without = try String(contentsOf: try render(csv: csv(rows, zeros: false), options, to: name), encoding: .utf8)
            for word in ["fatalities", "morts revendiqués", "погибших"] {
                XCTAssertFalse(without.contains(word), "\(rows) rows \(options): \(word)")
            }
            XCTAssertFalse(without.contains("; ."), "\(rows) rows \(options): a clause cut badly")
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent(name + ".png").path, tmp.appendingPathComponent(name).path]).status, 0)
            // The same rows with a toll column of zeros: the claim of none is the input's, and is said.
            let with = try String(contentsOf: try render(csv: csv(rows, zeros: true), options, to: "zeros-" + name), encoding: .utf8)
            let said = options.contains("fr") ? "morts revendiqués" : options.contains("ru") ? "погибших" : "fatalities claimed"
            XCTAssertTrue(with.contains(said), "\(rows) rows \(options)")
        }
    }
}
