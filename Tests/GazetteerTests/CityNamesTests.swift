@testable import Gazetteer
import Foundation
import XCTest

/// The names CLDR gives major cities in the map languages (`city_names.tsv`): joined to the right
/// GeoNames place, never to a place that only shares a name with the zone's city, its island,
/// state or country; every name in its language's script; a malformed file named with its line.
final class CityNamesTests: XCTestCase {
    func name(_ geonameid: Int, _ language: String) -> String? {
        bundled.cityNames.name(of: "geonames:\(geonameid)", language: language)
    }

    func testMajorCitiesHaveTheirNameInEachLanguage() {
        XCTAssertFalse(bundled.cityNames.isEmpty, "city_names.tsv is built by Gazetteer/build_city_names.sh (make gazetteer)")
        let expected: [(Int, String, String)] = [
            (524901, "fr", "Moscou"), (524901, "ru", "Москва"), (524901, "fa", "مسکو"),
            (360630, "fr", "Le Caire"), (360630, "ar", "القاهرة"), (360630, "ru", "Каир"),
            (756135, "fr", "Varsovie"), (2761369, "fr", "Vienne"), (112931, "fr", "Téhéran"), (112931, "ru", "Тегеран"),
            (112931, "fa", "تهران"), (112931, "ar", "طهران"),
            // The data's zone Europe/Kyiv is newer than CLDR 41's Europe/Kiev.
            (703448, "uk", "Київ"), (703448, "ru", "Киев"),
            // CLDR's "Tripoli (Libye)" tells two zones' cities apart; a label at the place needs no qualifier.
            (2210247, "fr", "Tripoli"),
        ]
        for (id, language, want) in expected {
            XCTAssertEqual(name(id, language), want, "geonames:\(id) in \(language)")
        }
    }

    func testATownIsNeverGivenTheNameOfAnotherPlace() {
        // Towns that share the zone city's name elsewhere: Cairo, Illinois; Warsaw, Indiana; Tripoli, Lebanon.
        for id in [4234985, 4927854, 266826] {
            XCTAssertNil(name(id, "fr"), "geonames:\(id)")
        }
        // The zone is named after an island, a state or a country that an alternate name of its city
        // shares: Indian/Mahe (Victoria, Seychelles), America/Bahia (Salvador), America/Puerto_Rico
        // (San Juan), Europe/Andorra (Andorra la Vella), Asia/Kuwait (Kuwait City).
        for id in [241131, 3450554, 4568127, 3041563, 285787] {
            XCTAssertNil(name(id, "fr"), "geonames:\(id) takes its island's, state's or country's name")
        }
        // America/Jamaica is not Jamaica, Queens: the data has places in that zone.
        XCTAssertNil(name(5122520, "fr"))
    }

    func testEveryNameIsInItsLanguagesScriptAndNamesAPlace() {
        let scripts: [String: ClosedRange<UInt32>] = ["ru": 0x0400...0x04FF, "uk": 0x0400...0x04FF, "ar": 0x0600...0x06FF,
                                                      "fa": 0x0600...0x06FF, "ur": 0x0600...0x06FF, "ps": 0x0600...0x06FF]
        let places = Set(bundled.entries.lazy.filter { $0.kind == .place }.map(\.id))
        var counts: [String: Int] = [:]
        for (id, byLanguage) in bundled.cityNames.names {
            XCTAssertTrue(places.contains(id), "\(id) is no place of the data")
            for (language, name) in byLanguage {
                counts[language, default: 0] += 1
                XCTAssertFalse(name.hasSuffix(")"), "\(id) \(language): \(name)")
                let letters = name.unicodeScalars.filter(\.properties.isAlphabetic)
                XCTAssertFalse(letters.isEmpty, "\(id) \(language): \(name)")
                if let range = scripts[language] {
                    // Ukrainian's apostrophe (U+02BC) is a letter: "Рейкʼявік".
                    XCTAssertTrue(letters.allSatisfy { range.contains($0.value) || (0xFB50...0xFEFF).contains($0.value) || $0.value == 0x2BC },
                                  "\(id) \(language): \(name)")
                } else {
                    XCTAssertTrue(letters.allSatisfy { $0.value < 0x250 || (0x1E00...0x1EFF).contains($0.value) }, "\(id) \(language): \(name) is not Latin")
                }
            }
        }
        // Some 290 cities in each of the seven languages.
        for language in ["ar", "fa", "fr", "ps", "ru", "uk", "ur"] {
            XCTAssertGreaterThan(counts[language] ?? 0, 250, language)
        }
    }

    func testAMalformedFileIsNamedWithItsLineAndField() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("city-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertTrue(try CityNames.read(dir).isEmpty, "an absent file is no names")
        let file = dir.appendingPathComponent(CityNames.fileName)
        try "geonameid\tlanguage\tname\tzone\n524901\tfr\tMoscou\tEurope/Moscow\nMoscow\tfr\tMoscou\tEurope/Moscow\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CityNames.read(dir)) { e in
            let d = (e as? GazetteerDataError)?.description ?? "\(e)"
            XCTAssertTrue(d.contains("city_names.tsv:3: geonameid:"), d)
        }
        try "geonameid\tlanguage\tname\tzone\n524901\tfr\tMoscou\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CityNames.read(dir)) { e in
            XCTAssertTrue("\(e)".contains("city_names.tsv:2: expected 4 tab-separated fields, found 3"), "\(e)")
        }
        try "geonameid\tlanguage\tname\tzone\n524901\tfr\tMoscou\tEurope/Moscow\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CityNames.read(dir).name(of: "geonames:524901", language: "fr"), "Moscou")
    }
}
