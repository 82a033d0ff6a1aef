import Gazetteer
import XCTest

final class NameFoldingTests: XCTestCase {
    /// A query that writes diacritics is taken to write them all: a name with one it leaves off or
    /// writes otherwise is another name; a name without them (a dataset's stripped spelling), or
    /// any name for a query without them, is not.
    func testDiacriticsAQueryWritesAreCompared() {
        XCTAssertTrue(NameFolding.contradictsDiacritics(query: "Ménaka", name: "Meñaka"))
        XCTAssertTrue(NameFolding.contradictsDiacritics(query: "Sarāvān", name: "Sarávan"))
        XCTAssertTrue(NameFolding.contradictsDiacritics(query: "Žilina", name: "Zilína"))
        XCTAssertFalse(NameFolding.contradictsDiacritics(query: "Ménaka", name: "Menaka"))
        XCTAssertFalse(NameFolding.contradictsDiacritics(query: "Ménaka", name: "MÉNAKA"))
        XCTAssertFalse(NameFolding.contradictsDiacritics(query: "Menaka", name: "Meñaka"))
        XCTAssertFalse(NameFolding.contradictsDiacritics(query: "Sarāvān", name: "Saravan County"), "letters not one for one")
        XCTAssertFalse(NameFolding.contradictsDiacritics(query: "Київ", name: "Kyiv"), "not Latin")
        XCTAssertFalse(NameFolding.contradictsDiacritics(query: "Hà Nội", name: "Ha Noi"))
        XCTAssertTrue(NameFolding.contradictsDiacritics(query: "Hà Nội", name: "Hạ Nội"))
    }

    func testFoldRemovesCaseDiacriticsAndPunctuation() {
        XCTAssertEqual(NameFolding.fold("Sarāvān"), "saravan")
        XCTAssertEqual(NameFolding.fold("Koh-e-Sabz"), "koh e sabz")
        XCTAssertEqual(NameFolding.fold("  Sistan–Baluchestan "), "sistan baluchestan")
        XCTAssertEqual(NameFolding.fold("Ma'shkel"), "mashkel")
        XCTAssertEqual(NameFolding.fold("سراوان"), "سراوان")
    }

    func testTransliterationVariantsShareAKey() {
        let groups: [[String]] = [
            ["Balochistan", "Baluchistan", "Baluchestan", "Balochestan", "Baloochistan"],
            ["Sistan and Baluchestan", "Sistan-Baluchestan", "Sistan va Baluchestan", "Seistan and Baluchistan",
             "Sistan & Baluchistan", "Sistan-o-Baluchestan", "Sistan Baluchistan province"],
            ["Panjgur", "Panjgoor", "Panjgūr", "Panjgur District"],
            ["Chabahar", "Chah Bahar", "Chahbahar", "Chābahār"],
            ["Saravan", "Sarawan", "Sarāvān", "Saravan city"],
            ["Zahedan", "Zahidan", "Zāhedān"],
            ["Khash", "Khāsh", "Kash"],
            ["Mashkel", "Mashkhel", "Mashkeel"],
            ["Turbat", "Torbat"],
            ["Quetta", "Kweta"],
        ]
        for group in groups {
            let keys = Set(group.map(NameFolding.key))
            XCTAssertEqual(keys.count, 1, "\(group) → \(group.map(NameFolding.key))")
        }
        XCTAssertNotEqual(NameFolding.key("Saravan"), NameFolding.key("Sarbaz"))
        XCTAssertNotEqual(NameFolding.key("Pishin"), NameFolding.key("Pasni"))
    }

    func testArabicScriptLetterVariantsFoldAlike() {
        let groups: [[String]] = [
            ["سراوان", "سَراوان", "سراوان\u{0640}", "سـراوان"],                  // harakat, tatweel
            ["ایران", "إيران", "ايران", "أیران", "آیران"],                       // alef with hamza/madda, Arabic yeh
            ["پاکستان", "پاكستان"],                                             // Arabic kaf
            ["کویته", "کوئٹہ".replacingOccurrences(of: "ٹ", with: "ت"), "کويتة"], // heh goal, teh marbuta, hamza seat
            ["خاش", "خاش\u{064E}"],
            ["ده ۱۲", "ده ١٢", "ده 12"],                                          // Persian, Arabic-Indic, ASCII digits
            ["می\u{200C}رود", "می رود"],                                        // ZWNJ is a word break
        ]
        for group in groups {
            XCTAssertEqual(Set(group.map(NameFolding.fold)).count, 1, "\(group) → \(group.map(NameFolding.fold))")
        }
        XCTAssertNotEqual(NameFolding.fold("خاش"), NameFolding.fold("خواش"))
        XCTAssertNotEqual(NameFolding.fold("پنجگور"), NameFolding.fold("بنجكور"), "پ and گ are letters of their own")
        // Describing words of these scripts are set aside in the key, like "province" in Latin script.
        XCTAssertEqual(NameFolding.key("استان سیستان و بلوچستان"), NameFolding.key("سيستان و بلوچستان"))
        XCTAssertEqual(NameFolding.key("ضلع پنجگور"), NameFolding.key("پنجگور"))
        XCTAssertEqual(NameFolding.key("Донецька область"), NameFolding.key("Донецька"))
    }

    func testReorderedWordsShareAnUnorderedKey() {
        XCTAssertEqual(NameFolding.unorderedKey("Koh-e-Sabz"), NameFolding.unorderedKey("Sabz Koh"))
        XCTAssertNil(NameFolding.unorderedKey("Saravan"))
    }

    func testEditDistance() {
        XCTAssertEqual(NameFolding.editDistance("panjgur", "panjgor"), 1)
        XCTAssertEqual(NameFolding.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(NameFolding.editDistance("abc", "abcdefgh", limit: 2), 3)
    }
}
