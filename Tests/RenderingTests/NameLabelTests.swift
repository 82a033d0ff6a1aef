@testable import Rendering
import XCTest

final class NameLabelTests: XCTestCase {
    func options(_ language: MapLanguage, bilingual: Bool = false) -> MapOptions {
        var o = MapOptions()
        o.language = language
        o.bilingual = bilingual
        return o
    }

    func attributes(_ node: SVGNode) -> [String: String] {
        guard case .element(_, let attrs, _) = node else { return [:] }
        return Dictionary(attrs, uniquingKeysWith: { a, _ in a })
    }

    func testRightToLeftTextIsMarkedAndItsAnchorMirrored() {
        let o = options(.fa)
        // Placed to the right of its point (start for Latin text): right-to-left text ends there.
        let a = attributes(NameLabel.text("سراوان", cls: "im-town-label", x: 10, y: 20, anchor: "start", options: o, p: "im-"))
        XCTAssertEqual(a["text-anchor"], "end")
        XCTAssertEqual(a["direction"], "rtl")
        XCTAssertEqual(a["xml:lang"], "fa")
        XCTAssertEqual(a["class"], "im-town-label im-rtl")
        XCTAssertEqual(attributes(NameLabel.text("سراوان", cls: "c", x: 0, y: 0, anchor: "end", options: o, p: "im-"))["text-anchor"], "start")
        XCTAssertEqual(attributes(NameLabel.text("سراوان", cls: "c", x: 0, y: 0, anchor: "middle", options: o, p: "im-"))["text-anchor"], "middle")
        // A Latin fall-back name on a Persian map runs left to right, unmarked.
        let latin = attributes(NameLabel.text("Panjgur", cls: "c", x: 0, y: 0, anchor: "start", options: o, p: "im-"))
        XCTAssertEqual(latin["text-anchor"], "start")
        XCTAssertNil(latin["direction"])
        XCTAssertNil(latin["xml:lang"])
    }

    func testMixedLabelsTakeTheirDirectionFromTheFirstLetter() {
        // "سیستان و بلوچستان 3" (a choropleth count) and "سراوان (IR)" run right to left: the number and the
        // Latin code come at their left end; "Quetta کوئٹہ" runs left to right.
        XCTAssertTrue(NameLabel.isRightToLeft("سیستان و بلوچستان ۳"))
        XCTAssertTrue(NameLabel.isRightToLeft("سراوان (IR)"))
        XCTAssertTrue(NameLabel.isRightToLeft("۱۲ سراوان"), "digits are not strong: the first letter decides")
        XCTAssertFalse(NameLabel.isRightToLeft("Quetta کوئٹہ"))
        XCTAssertFalse(NameLabel.isRightToLeft("12 km"))
    }

    func testLinesFallBackToLatinAndGoBilingual() {
        XCTAssertEqual(NameLabel(latin: "Iran", local: "ایران", options: options(.en)).lines, ["Iran"])
        XCTAssertEqual(NameLabel(latin: "Iran", local: "ایران", options: options(.fa)).lines, ["ایران"])
        XCTAssertEqual(NameLabel(latin: "Panjgur", local: nil, options: options(.fa)).lines, ["Panjgur"], "visible fall-back, never blank")
        XCTAssertEqual(NameLabel(latin: "Iran", local: "ایران", options: options(.fa, bilingual: true)).lines, ["ایران", "Iran"])
        XCTAssertEqual(NameLabel(latin: "Panjgur", local: nil, options: options(.fa, bilingual: true)).lines, ["Panjgur"])
    }

    func testDigitsAndDatesInTheLanguage() {
        XCTAssertEqual(MapLanguage.fa.day(year: 2024, month: 1, day: 16), "۱۶ ژانویه ۲۰۲۴")
        XCTAssertEqual(MapLanguage.ar.day(year: 2024, month: 1, day: 18), "١٨ يناير ٢٠٢٤")
        XCTAssertEqual(MapLanguage.uk.day(year: 2024, month: 1, day: 2), "2 січ. 2024")
        XCTAssertEqual(MapLanguage.en.day(year: 2024, month: 1, day: 16), "16 Jan 2024")
        XCTAssertEqual(MapLanguage.ur.digits("50 km"), "۵۰ km")
        for language in MapLanguage.allCases {
            XCTAssertEqual(language.monthNames.count, 12)
            XCTAssertFalse(language.ui.legend.isEmpty)
        }
    }

    func testArabicLettersAreMeasuredNarrowerThanLatinOnes() {
        let arabic = TextMetrics.width("سیستان و بلوچستان", size: 10)
        XCTAssertGreaterThan(arabic, 0)
        XCTAssertLessThan(arabic, TextMetrics.width("Sistan o Baluchestan", size: 10))
        XCTAssertEqual(TextMetrics.width("سَراوان", size: 10), TextMetrics.width("سراوان", size: 10), "marks take no width")
    }
}
