import Foundation
import Gazetteer
import Geometry
import XCTest

/// Incidents known only by their coordinates are named by where they lie from a town ("29 km SW
/// of Gao"): the distance and direction agree with PROJ's `geod` from the named town's point, the
/// town is in the point's own country, and a point far from every town, or on a map in another
/// language, keeps its province's name.
final class TownOffsetTests: ScratchTestCase {
    static let compass = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]

    func testAPointKnownByItsCoordinatesIsNamedByItsDistanceAndDirectionFromATown() throws {
        // Mali, eastern Ukraine, the Red Sea off Yemen, the Sahara far from any town, a point at a
        // town, and one in Afghanistan 6 km from Chaman, Pakistan.
        let rows: [(id: String, lat: Double, lon: Double)] = [
            ("ml", 16.10, -0.25), ("ua", 48.70, 37.90), ("sea", 14.6, 42.5), ("sahara", 23.5, 2.5),
            ("gao", 16.2750, -0.0400), ("border", 30.97, 66.40), ("kyiv", 50.45, 30.52),
        ]
        var csv = "id,date,kind,latitude,longitude\n"
        for r in rows { csv += "\(r.id),2024-01-0\(rows.firstIndex { $0.id == r.id }! + 1),Attack,\(r.lat),\(r.lon)\n" }
        let map = try render(csv: csv, ["--svg"], to: "map.svg")
        let keys = try keyLines(map)
        XCTAssertEqual(keys.count, rows.count, "\(keys)")
        let g = try Gazetteer.load()
        // "1 Jan 2024 — 29 km SW of Gao (Gao, Mali): …" or, at sea, "… of Al Ḩudaydah: …".
        let pattern = try NSRegularExpression(pattern: "— ([0-9,]+) km (N|NE|E|SE|S|SW|W|NW) of (.+?)(?: \\(|: )")
        var checks: [(row: (id: String, lat: Double, lon: Double), km: Int, direction: String, town: GazetteerEntry)] = []
        for (row, key) in zip(rows, keys) where ["ml", "ua", "sea"].contains(row.id) {
            let ns = key as NSString
            guard let m = pattern.firstMatch(in: key, range: NSRange(location: 0, length: ns.length)) else { XCTFail("\(row.id): \(key)"); continue }
            let name = ns.substring(with: m.range(at: 3))
            let box = BoundingBox(minX: row.lon - 1, minY: row.lat - 1, maxX: row.lon + 1, maxY: row.lat + 1)
            let town = try XCTUnwrap(g.referenceTowns(minimumPopulation: 5_000, within: box).filter { $0.name == name }
                .min { abs($0.location.lat - row.lat) + abs($0.location.lon - row.lon) < abs($1.location.lat - row.lat) + abs($1.location.lon - row.lon) },
                "\(row.id): no town \(name)")
            checks.append((row, Int(ns.substring(with: m.range(at: 1)).replacingOccurrences(of: ",", with: ""))!, ns.substring(with: m.range(at: 2)), town))
            // A point in a country is named from a town of that country.
            if row.id != "sea" { XCTAssertEqual(g.countryID(at: town.location), g.countryID(at: LonLat(lon: row.lon, lat: row.lat)), key) }
        }
        XCTAssertEqual(checks.count, 3)
        // The reference: geod -I reads lat1 lon1 lat2 lon2 and prints az1 az2 distance.
        let geodInput = tmp.appendingPathComponent("geod.txt")
        try checks.map { "\($0.town.location.lat) \($0.town.location.lon) \($0.row.lat) \($0.row.lon)" }.joined(separator: "\n")
            .appending("\n").write(to: geodInput, atomically: true, encoding: .utf8)
        let geod = try runTool("geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.6f", geodInput.path])
        XCTAssertEqual(geod.status, 0, geod.stderr)
        let reference = geod.stdoutText.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) } }
        XCTAssertEqual(reference.count, checks.count)
        for (c, ref) in zip(checks, reference) where ref.count == 3 {
            XCTAssertEqual(c.km, Int((ref[2] / 1000).rounded()), "\(c.row.id): \(c.km) km from \(c.town.name)")
            XCTAssertLessThanOrEqual(ref[2] / 1000, 60, c.row.id)
            let sector = Int(((ref[0] + 360).truncatingRemainder(dividingBy: 360) + 22.5) / 45) % 8
            XCTAssertEqual(c.direction, Self.compass[sector], "\(c.row.id): azimuth \(ref[0])")
        }
        let byID = Dictionary(uniqueKeysWithValues: zip(rows.map(\.id), keys))
        // Far from every town: the province ("Tamanghasset, Algeria"); at a town: its name alone;
        // across the border from Chaman, no Pakistani town names an Afghan point.
        let saharaWhere = byID["sahara"]!.components(separatedBy: ": ")[0]
        XCTAssertFalse(saharaWhere.contains(" km "), saharaWhere)
        XCTAssertTrue(byID["sahara"]!.contains("Algeria"), byID["sahara"]!)
        XCTAssertTrue(byID["gao"]!.contains("— Gao (Gao, Mali)"), byID["gao"]!)
        // In a city, the city, not the quarter GeoNames lists beside it (Stare Misto).
        XCTAssertTrue(byID["kyiv"]!.contains("— Kyiv ("), byID["kyiv"]!)
        XCTAssertFalse(byID["border"]!.contains("Chaman"), byID["border"]!)
        let png = try runTool("rsvg-convert", ["-o", tmp.appendingPathComponent("map.png").path, map.path])
        XCTAssertEqual(png.status, 0, png.stderr)

        // Maps in other languages say the same in their words: the same distance from the same
        // town ("à 29 km au sud-ouest de Gao"; Russian and Ukrainian name the town in Cyrillic).
        let english = Dictionary(uniqueKeysWithValues: zip(rows.map(\.id), keys))
        let fr = Dictionary(uniqueKeysWithValues: zip(rows.map(\.id), try keyLines(try render(csv: csv, ["--svg", "--lang", "fr"], to: "fr.svg"))))
        let ru = Dictionary(uniqueKeysWithValues: zip(rows.map(\.id), try keyLines(try render(csv: csv, ["--svg", "--lang", "ru"], to: "ru.svg"))))
        for c in checks {
            let frWhere = try XCTUnwrap(fr[c.row.id])
            XCTAssertTrue(frWhere.contains("— à \(c.km) km "), frWhere)
            XCTAssertTrue(frWhere.contains(" de \(c.town.name)") || frWhere.contains(" d’\(c.town.name)"), frWhere)
            let ruWhere = try XCTUnwrap(ru[c.row.id])
            XCTAssertTrue(ruWhere.contains("— в \(c.km) км к "), ruWhere)
            XCTAssertTrue(english[c.row.id]!.contains("— \(c.km) km \(c.direction) of \(c.town.name)"), english[c.row.id]!)
        }
        XCTAssertTrue(fr["gao"]!.contains("— Gao ("), fr["gao"]!)
        XCTAssertFalse(fr["sahara"]!.components(separatedBy: ":")[0].contains(" km "), fr["sahara"]!)
    }

    /// The key's lines of a map, in order.
    func keyLines(_ svg: URL) throws -> [String] {
        let text = try String(contentsOf: svg, encoding: .utf8)
        let re = try NSRegularExpression(pattern: "class=\"im-key-text\"[^>]*>([^<]*)<")
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1)).replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
