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

    func testAMergedMarkerOfIncidentsWithoutATollSaysNoneInAFileWithTolls() throws {
        // One column, filled for the rows near Niamey and empty for the rows near Gao: the Niamey
        // marker says its toll, the Gao one none (not "0 fatalities claimed").
        var s = "id,date,kind,latitude,longitude,location,fatalities\n"
        for i in 0..<12 { s += "n\(i),2024-03-\(10 + i % 9),armed clash,\(13.51 + Double(i) * 0.001),2.11,Niamey,3\n" }
        for i in 0..<12 { s += "g\(i),2024-03-\(10 + i % 9),armed clash,\(16.27 + Double(i) * 0.001),-0.04,Gao,\n" }
        for (options, said) in [(["--svg"], "fatalities claimed"), (["--svg", "--lang", "fr"], "morts revendiqués")] {
            let name = "mixed-\(options.count).svg"
            let svg = try String(contentsOf: try render(csv: s, options, to: name), encoding: .utf8)
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent(name + ".png").path, tmp.appendingPathComponent(name).path]).status, 0)
            // Every sentence naming a count of incidents at Gao, and at Niamey.
            let sentences = svg.components(separatedBy: CharacterSet(charactersIn: "<>")).filter { $0.contains("12 ") }
            let gao = sentences.filter { $0.contains("Gao") }, niamey = sentences.filter { $0.contains("Niamey") }
            XCTAssertFalse(gao.isEmpty, "\(options): \(sentences)")
            XCTAssertFalse(niamey.isEmpty, "\(options): \(sentences)")
            for t in gao { XCTAssertFalse(t.contains(said) || t.contains(" 0 "), "\(options): \(t)") }
            XCTAssertTrue(niamey.contains { $0.contains("36") && $0.contains(said) }, "\(options): \(niamey)")
        }
    }
}
