@testable import Rendering
import XCTest

/// The tables of the map's fixed texts: every key in every language, the same placeholders in
/// each, numbers as each language writes them; the Latin runs of right-to-left lines.
final class TextTableTests: XCTestCase {
    /// Each table's keys with the placeholders of each language's template (reading a table checks
    /// that every key has every language).
    func placeholders<K: MapTexts>(_: K.Type) -> [(String, MapLanguage, Set<String>)] {
        K.allCases.flatMap { key in MapLanguage.allCases.map { ("\(K.self).\(key.rawValue)", $0, K.table.placeholders(key, $0)) } }
    }

    func testEveryTemplateHasTheEnglishPlaceholders() {
        let all = placeholders(AttributionText.self) + placeholders(AggregateText.self) + placeholders(GeoText.self) + placeholders(IncidentText.self)
            + placeholders(OffMapText.self) + placeholders(PanelText.self) + placeholders(TimelineText.self) + placeholders(ReportText.self)
            + placeholders(OffsetText.self)
        let english = Dictionary(all.filter { $0.1 == .en }.map { ($0.0, $0.2) }, uniquingKeysWith: { a, _ in a })
        XCTAssertGreaterThan(english.count, 80)
        for (key, language, names) in all {
            XCTAssertEqual(names, english[key], "\(key) in \(language.rawValue)")
        }
    }

    func testNumbersAsEachLanguageWritesThem() {
        let expected: [MapLanguage: (String, String)] = [
            .en: ("5,890", "816.6"), .fr: ("5\u{202F}890", "816,6"), .ru: ("5\u{202F}890", "816,6"), .uk: ("5\u{202F}890", "816,6"),
            .fa: ("۵٬۸۹۰", "۸۱۶٫۶"), .ur: ("۵٬۸۹۰", "۸۱۶٫۶"), .ps: ("۵٬۸۹۰", "۸۱۶٫۶"), .ar: ("٥٬٨٩٠", "٨١٦٫٦"),
        ]
        for (language, (whole, decimal)) in expected {
            XCTAssertEqual(language.number(5_890), whole, language.rawValue)
            XCTAssertEqual(language.decimal(816.6, 1), decimal, language.rawValue)
        }
    }

    func testPlaceholdersPluralsAndMarks() {
        XCTAssertEqual(OffMapText.whatIn.text(in: .en, ["count": .number(1), "place": "London (GB)"]), "1 incident in London (GB)")
        XCTAssertEqual(OffMapText.whatIn.text(in: .en, ["count": .number(1_200), "place": "London (GB)"]), "1,200 incidents in London (GB)")
        XCTAssertEqual(AggregateText.cellsSubtitle.text(in: .en, ["count": .plain(3_000), "cells": .plain(333), "size": "12"]),
                       "3000 incidents in 333 hexagons 12 km across", "a plain count is written ungrouped")
        XCTAssertEqual(AggregateText.cellsSubtitle.text(in: .en, ["count": .number(3_000), "cells": .number(1_333), "size": "12"]),
                       "3,000 incidents in 1,333 hexagons 12 km across")
        XCTAssertEqual(OffMapText.whatIn.text(in: .uk, ["count": .number(3), "place": "Лондон"]), "Інцидентів: 3 — Лондон")
        // French: a no-break space before the colon, a narrow one before the semicolon.
        XCTAssertEqual(IncidentText.withTarget.text(in: .fr, ["what": "x", "target": "y"]), "x\u{202F}; cible\u{00A0}: y")
        // A right-to-left text that starts with a number or a Latin name starts with a right-to-left mark.
        XCTAssertEqual(OffMapText.distance.text(in: .fa, ["km": .text(MapLanguage.fa.number(5_900))]), "\u{200F}۵٬۹۰۰ کیلومتر")
        XCTAssertEqual(OffMapText.whatIn.text(in: .fa, ["count": .number(1), "place": "London"]), "رویدادها: ۱ در London")
    }

    func testWhereAPointLiesFromATownInEachLanguage() {
        XCTAssertEqual(OffsetText.phrase(km: 29, sector: 5, town: "Gao", about: false, in: .en), "29 km SW of Gao")
        XCTAssertEqual(OffsetText.phrase(km: 1_200, sector: 8, town: "Gao", about: true, in: .en), "about 1,200 km N of Gao")
        XCTAssertEqual(OffsetText.phrase(km: 29, sector: 5, town: "Gao", about: false, in: .fr), "à 29 km au sud-ouest de Gao")
        XCTAssertEqual(OffsetText.phrase(km: 12, sector: 2, town: "Agadez", about: true, in: .fr), "à environ 12 km à l’est d’Agadez")
        XCTAssertEqual(OffsetText.phrase(km: 12, sector: 0, town: "Hérat", about: false, in: .fr), "à 12 km au nord de Hérat", "h is not elided")
        XCTAssertEqual(OffsetText.phrase(km: 29, sector: 5, town: "Гао", about: false, in: .ru), "в 29 км к юго-западу от пункта Гао")
        XCTAssertEqual(OffsetText.phrase(km: 6, sector: 7, town: "Ясинувата", about: false, in: .uk), "за 6 км на північний захід від пункту Ясинувата")
        XCTAssertEqual(OffsetText.phrase(km: 59, sector: 7, town: "الحديدة", about: false, in: .ar), "على بُعد ٥٩ كم شمال غرب الحديدة")
        XCTAssertEqual(OffsetText.phrase(km: 29, sector: 5, town: "گائو", about: false, in: .fa), "در ۲۹ کیلومتری جنوب غربی گائو")
        // A right-to-left phrase that starts with a Latin name starts with a right-to-left mark.
        XCTAssertEqual(OffsetText.phrase(km: 29, sector: 5, town: "Gao", about: false, in: .ur), "\u{200F}Gao سے ۲۹ کلومیٹر جنوب مغرب میں")
    }

    func testASummaryWithoutItsTollClause() {
        let values: [String: TextValue] = ["name": "Kabul", "count": .number(3), "killed": .number(0)]
        XCTAssertEqual(AggregateText.provinceKey.text(in: .en, values, dropLastClause: true), "Kabul: 3 incidents.")
        XCTAssertEqual(AggregateText.provinceKey.text(in: .fr, values, dropLastClause: true), "Kabul\u{00A0}: 3 incidents.")
        XCTAssertEqual(AggregateText.provinceKey.text(in: .ur, values, dropLastClause: true), "\u{200F}Kabul — واقعات: ۳۔")
        XCTAssertEqual(AggregateText.provinceKey.text(in: .en, values, dropLastClause: false), "Kabul: 3 incidents; 0 fatalities claimed in all.")
    }

    func testDataCreditsInTheLanguageWithTheDatasetsAsPublished() {
        XCTAssertEqual(AttributionText.translated("Made with Natural Earth.", in: .fa), "ساخته‌شده با Natural Earth.")
        XCTAssertEqual(AttributionText.translated("contains data from GeoNames (geonames.org), CC BY 4.0", in: .ru), "содержит данные GeoNames (geonames.org), CC BY 4.0")
        XCTAssertEqual(AttributionText.translated("Natural Earth 4.1.0, fitted to the same country edges", in: .fr),
                       "Natural Earth 4.1.0, ajustées aux mêmes contours de pays")
        XCTAssertEqual(AttributionText.translated("Courtesy of someone.", in: .ar), "Courtesy of someone.", "other wording as published")
        XCTAssertEqual(AttributionText.translated("Made with Natural Earth.", in: .en), "Made with Natural Earth.")
        XCTAssertEqual(AttributionText.licence("public domain", in: .uk), "суспільне надбання")
        XCTAssertEqual(AttributionText.licence("CC BY 4.0", in: .uk), "CC BY 4.0")
    }

    func testListsAndCoordinates() {
        XCTAssertEqual(MapLanguage.en.list(["Iran", "Pakistan"]), "Iran and Pakistan")
        XCTAssertEqual(MapLanguage.ar.list(["إيران", "باكستان"]), "إيران وباكستان")
        XCTAssertEqual(MapLanguage.fa.list(["افغانستان", "ایران", "پاکستان"]), "افغانستان، ایران و پاکستان")
        XCTAssertEqual(GeoText.point(lat: 50.45, lon: -0.13, in: .ru), "50,45° с. ш., 0,13° з. д.")
        XCTAssertEqual(GeoText.point(lat: 24.5, lon: 62.2, in: .en), "24.5°N, 62.2°E")
    }

    func latinRuns(_ nodes: [SVGNode]) -> [String] {
        nodes.compactMap { node -> String? in
            guard case .element("tspan", _, let children) = node, case .text(let t)? = children.first else { return nil }
            return t
        }
    }

    func testLatinRunsOfARightToLeftLine() {
        // Dataset names with their digits and brackets; the Persian words outside, and the stop
        // that ends the right-to-left line (with a left-to-right mark after it, `closed`, it goes with the run).
        XCTAssertEqual(latinRuns(NameLabel.runs("مرزها و کشورها: Natural Earth 5.1.1 1:10m (مالکیت عمومی)، مکان‌ها: GeoNames (geonames.org), CC BY 4.0.", p: "im-")),
                       ["Natural Earth 5.1.1 1:10m", "GeoNames (geonames.org), CC BY 4.0"])
        XCTAssertEqual(latinRuns(NameLabel.runs("مکان‌ها: GeoNames (geonames.org), CC BY 4.0.\u{200E}", p: "im-")), ["GeoNames (geonames.org), CC BY 4.0.\u{200E}"])
        // A list of Latin names joined by Arabic commas is one run, as the bidirectional algorithm reads it.
        XCTAssertEqual(latinRuns(NameLabel.runs("منابع: Associated Press، AFP، The Express Tribune.\u{200E}", p: "im-")),
                       ["Associated Press، AFP، The Express Tribune.\u{200E}"])
        // A marker's number stays outside (at the line's start); a bracket opened in a run closes in it.
        XCTAssertEqual(latinRuns(NameLabel.runs("2  Quetta (PK) · رویدادها: ۵۰", p: "im-")), ["Quetta (PK)"])
        XCTAssertEqual(latinRuns(NameLabel.runs("2  a village (Iran's claim)؛ عامل", p: "im-")), ["a village (Iran's claim)"])
        // Brackets around a run inside right-to-left text belong to that text (they take its direction).
        XCTAssertEqual(latinRuns(NameLabel.runs("حمله (\"Operation Marg Bar\")؛ عامل", p: "im-")), ["Operation Marg Bar"])
        // An Arabic number ends a run; Persian digits between Latin words do not.
        XCTAssertEqual(latinRuns(NameLabel.runs("Armed clash (٣٢)، Attack", p: "im-")), ["Armed clash", "Attack"])
        XCTAssertEqual(latinRuns(NameLabel.runs("Armed clash (۳۲)، Attack", p: "im-")), ["Armed clash (۳۲)، Attack"])
    }

    func testMarksOfDirectionAtAWrappedLinesEnds() {
        // A right-to-left entry's wrapped line opening with a bracket before Latin words, and ending in them.
        XCTAssertEqual(NameLabel.closed("(3), other kinds (1)؛ کشته‌ها: ۵", rtl: true), "\u{200E}(3), other kinds (1)؛ کشته‌ها: ۵")
        XCTAssertEqual(NameLabel.closed("۱۶ ژانویه — Sabz Koh (Iran's claim).", rtl: true), "۱۶ ژانویه — Sabz Koh (Iran's claim).\u{200E}")
        XCTAssertEqual(NameLabel.closed("2  Quetta (PK)", rtl: true, opening: false), "2  Quetta (PK)\u{200E}")
        XCTAssertEqual(NameLabel.closed("16 Jan 2024 — Quetta.", rtl: false), "16 Jan 2024 — Quetta.", "English lines are left as they are")
    }
}
