@testable import Pipeline
import XCTest

/// The rule that tells a name's language from its letters (GeoNames' alternate names carry no tag).
final class LocalNamesTests: XCTestCase {
    // The names of Ukraine as Natural Earth's NAME_xx columns give them, untagged and sorted.
    let ukraine = ["Oekraïne", "Ukraine", "Ουκρανία", "Украина", "Україна", "Украйна", "أوكرانيا", "اوکراین", "یوکرین"]

    func testAlphabetsAndDistinctiveLettersChooseTheName() {
        XCTAssertEqual(LocalNames.pick(ukraine, language: .uk), "Україна", "і is Ukrainian")
        XCTAssertEqual(LocalNames.pick(ukraine, language: .ru), "Украина", "not the Ukrainian spelling; ties (Bulgarian Украйна fits the alphabet too) go to the source order")
        XCTAssertEqual(LocalNames.pick(ukraine, language: .ar), "أوكرانيا", "Arabic ك")
        XCTAssertNotEqual(LocalNames.pick(ukraine, language: .fa), "أوكرانيا", "Persian never takes Arabic ك")
        XCTAssertNil(LocalNames.pick(ukraine, language: .fr), "Latin script: no rule, the map shows the Latin name")
        XCTAssertNil(LocalNames.pick(ukraine, language: .en))
    }

    func testUrduAndPashtoLettersWin() {
        let quetta = ["Quetta", "کویته", "کوئٹہ", "Кветта"]
        XCTAssertEqual(LocalNames.pick(quetta, language: .ur), "کوئٹہ")
        XCTAssertEqual(LocalNames.pick(quetta, language: .fa), "کویته", "ٹ and ہ are not Persian letters")
        let kandahar = ["Kandahar", "کندهار", "کندھار", "ګندهار"]
        XCTAssertEqual(LocalNames.pick(kandahar, language: .ps), "ګندهار")
        XCTAssertNil(LocalNames.pick(["Kazakhstan", "Қазақстан"], language: .ru), "Kazakh letters are not Russian")
    }

    func testAnotherLanguagesWordForProvinceMarksItsName() {
        XCTAssertEqual(LocalNames.pick(["Kursk Oblast", "Курск улс", "Курскан область", "Курская область", "Курскоень ёнкс"], language: .ru),
                       "Курская область", "улс is Mongolian, ёнкс Erzya; Russian's adjective agrees with область")
        XCTAssertEqual(LocalNames.pick(["Мінская вобласць", "Мінська область"], language: .uk), "Мінська область", "вобласць is Belarusian")
        XCTAssertEqual(LocalNames.pick(["صوبہ بلوچستان", "استان بلوچستان"], language: .fa), "استان بلوچستان")
        XCTAssertEqual(LocalNames.pick(["صوبہ بلوچستان", "استان بلوچستان"], language: .ur), "صوبہ بلوچستان")
    }
}
