import Foundation
import XCTest

/// `--lang` and `--labels both`: names, legend, scale bar and dates in the map's language, right-to-left
/// text marked and anchored as such, fonts that cover it; and names in other scripts geocoded.
final class LanguageTests: ScratchTestCase {
    /// Renders the bundled example with `args`; the parsed SVG and its bytes.
    func render(_ args: [String], name: String = "map") throws -> (SVGDocument, Data, URL) {
        let out = tmp.appendingPathComponent("\(name).svg")
        let r = try incidentmap(["render", "--svg", "-o", out.path] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let data = try Data(contentsOf: out)
        let doc = SVGDocument(data)
        XCTAssertTrue(doc.parsed)
        return (doc, data, out)
    }

    func texts(_ doc: SVGDocument, _ cls: String) -> [SVGDocument.Element] {
        doc.elements.filter { ($0.name == "text" || $0.name == "tspan") && ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring("im-" + cls)) }
    }

    /// Every non-ASCII letter and digit of the right-to-left texts is in `family` (fontconfig's own
    /// charset test); their punctuation (dashes, the middle dot) may come from a font further down
    /// the stack (`RightToLeftTests` checks every character against the whole stack).
    func assertFontCovers(_ doc: SVGDocument, family: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let rtl = doc.elements.filter { $0.attributes["direction"] == "rtl" }
        XCTAssertFalse(rtl.isEmpty, file: file, line: line)
        let scalars = Set(rtl.flatMap { $0.text.unicodeScalars }.filter { $0.value > 0x7F && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }.map(\.value))
        let charset = scalars.sorted().map { String($0, radix: 16) }.joined(separator: " ")
        let r = try runTool("fc-list", [":family=\(family):charset=\(charset)", "family"])
        XCTAssertTrue(r.stdoutText.contains(family), "\(family) lacks some of \(charset) (scripts/setup.sh installs fonts-noto-core)", file: file, line: line)
    }

    func testPersianMapNamesCountriesProvincesAndTownsInPersian() throws {
        let (doc, data, out) = try render(["--lang", "fa"])
        let countries = texts(doc, "country-label").map(\.text)
        XCTAssertTrue(countries.contains("ایران"), "\(countries)")
        XCTAssertTrue(countries.contains("پاکستان"), "\(countries)")
        let provinces = texts(doc, "province-label").map(\.text)
        XCTAssertTrue(provinces.contains("سیستان و بلوچستان"), "\(provinces)")
        XCTAssertTrue(provinces.contains("بلوچستان"), "\(provinces)")
        let towns = texts(doc, "town-label")
        // Towns in Persian (Saravan itself lies under an incident's marker here: `geocode` tests its name).
        XCTAssertTrue(towns.contains { $0.text == "بمپور" }, "\(towns.map(\.text))")
        XCTAssertGreaterThanOrEqual(towns.filter { NameLabelProbe.isArabicScript($0.text) }.count, 3, "\(towns.map(\.text))")
        // No label is blank; a town the data has no Persian name for keeps its Latin name.
        XCTAssertFalse(towns.contains { $0.text.trimmingCharacters(in: .whitespaces).isEmpty })
        XCTAssertTrue(towns.contains { !$0.text.unicodeScalars.contains { $0.value > 0x7F } }, "some town falls back to Latin")
        // Right-to-left text is marked, in Persian, with the Arabic-script font stack.
        for t in towns + texts(doc, "country-label") where NameLabelProbe.isArabicScript(t.text) {
            XCTAssertEqual(t.attributes["direction"], "rtl", t.text)
            XCTAssertEqual(t.attributes["xml:lang"], "fa", t.text)
            XCTAssertTrue((t.attributes["class"] ?? "").contains("im-rtl"), t.text)
        }
        let svg = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(svg.contains(".im-rtl { font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans'"), "font stack")
        // Legend, scale bar and dates in Persian, with Persian digits.
        XCTAssertEqual(texts(doc, "legend-title").first?.text, "راهنما")
        XCTAssertTrue(texts(doc, "legend-text").contains { $0.text == "مرز بین‌المللی" })
        let scale = texts(doc, "scale-text").map(\.text)
        XCTAssertTrue(scale.contains { $0.hasSuffix(" کیلومتر") && $0.unicodeScalars.contains { (0x06F0...0x06F9).contains($0.value) } }, "\(scale)")
        XCTAssertTrue(texts(doc, "incident-detail").contains { $0.text.hasPrefix("\u{200F}۱۶ ژانویه ۲۰۲۴\u{200F}") }, "dates in Persian, between right-to-left marks")
        try assertFontCovers(doc, family: "Noto Naskh Arabic")
        let png = tmp.appendingPathComponent("fa.png")
        let rs = try runTool("rsvg-convert", ["-o", png.path, out.path])
        XCTAssertEqual(rs.status, 0, rs.stderr)
    }

    func testUrduAndArabicMapsUseTheirOwnSpellingsAndFonts() throws {
        let (ur, urData, _) = try render(["--lang", "ur"], name: "ur")
        XCTAssertTrue(texts(ur, "country-label").map(\.text).contains("پاکستان"))
        XCTAssertEqual(texts(ur, "legend-title").first?.text, "علامات")
        XCTAssertTrue(String(decoding: urData, as: UTF8.self).contains(".im-rtl { font-family: 'Noto Nastaliq Urdu', 'Noto Naskh Arabic'"))
        try assertFontCovers(ur, family: "Noto Nastaliq Urdu")

        let (ar, _, _) = try render(["--lang", "ar"], name: "ar")
        let countries = texts(ar, "country-label").map(\.text)
        // Arabic spells with ي and ك, not Persian ی and ک.
        XCTAssertTrue(countries.contains("إيران"), "\(countries)")
        XCTAssertTrue(countries.contains("باكستان"), "\(countries)")
        XCTAssertTrue(texts(ar, "incident-detail").contains { $0.text.hasPrefix("\u{200F}١٦ يناير ٢٠٢٤\u{200F}") }, "Arabic-Indic digits")
        XCTAssertTrue(ar.elements.filter { $0.attributes["direction"] == "rtl" }.allSatisfy { $0.attributes["xml:lang"] == "ar" })
        try assertFontCovers(ar, family: "Noto Naskh Arabic")
    }

    func testBothPutsTheLatinNameBeneathTheLocalOne() throws {
        let (doc, _, _) = try render(["--lang", "fa", "--labels", "both"])
        let all = doc.elements.filter { $0.name == "text" }
        guard let i = all.firstIndex(where: { $0.text == "ایران" }) else { return XCTFail("no ایران label") }
        let latin = all[i + 1]
        XCTAssertEqual(latin.text, "IRAN", "the Latin name follows")
        XCTAssertEqual(Double(latin.attributes["y"] ?? "") ?? 0, (Double(all[i].attributes["y"] ?? "") ?? 0) + 20, accuracy: 0.01)
        XCTAssertNil(latin.attributes["direction"], "the Latin line runs left to right")
        XCTAssertEqual(latin.attributes["text-anchor"], "middle")
        // The box recorded for overlap checks covers both lines.
        let box = (all[i].attributes["data-box"] ?? "").split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(box.count, 4)
        XCTAssertGreaterThanOrEqual(box[3], 40)
        // The town next to its dot: Persian first, its Latin name beneath, both anchored on the same side.
        guard let s = all.firstIndex(where: { $0.text == "بمپور" }) else { return XCTFail("no بمپور label") }
        XCTAssertEqual(all[s + 1].text, "Bampūr")
        let anchors = [all[s].attributes["text-anchor"], all[s + 1].attributes["text-anchor"]]
        // A right-to-left line's anchor is mirrored so that it covers the same box as its Latin line.
        XCTAssertTrue(anchors == ["end", "start"] || anchors == ["start", "end"] || anchors == ["middle", "middle"], "\(anchors)")
    }

    func testCyrillicAndFrenchMapsOutsideTheExample() throws {
        let ukraine = repositoryRoot.appendingPathComponent("Examples/gallery")
        let files = try FileManager.default.contentsOfDirectory(atPath: ukraine.path)
        guard let ua = files.first(where: { $0.hasPrefix("ukraine") }), let sahel = files.first(where: { $0.hasPrefix("darfur") }) else {
            return XCTFail("gallery examples missing: \(files)")
        }
        let (uk, _, _) = try render([ukraine.appendingPathComponent(ua).path, "--lang", "uk"], name: "uk")
        let ukCountries = texts(uk, "country-label").map(\.text)
        XCTAssertTrue(ukCountries.contains("УКРАЇНА"), "\(ukCountries)")
        XCTAssertTrue(uk.elements.contains { $0.text == "Умовні позначення" })
        let (ru, _, _) = try render([ukraine.appendingPathComponent(ua).path, "--lang", "ru"], name: "ru")
        let ruCountries = texts(ru, "country-label").map(\.text)
        XCTAssertTrue(ruCountries.contains("УКРАИНА"), "\(ruCountries)")
        XCTAssertFalse(ruCountries.contains("УКРАЇНА"), "Ukrainian spelling is not taken for Russian")
        XCTAssertTrue(ru.elements.contains { $0.attributes["xml:lang"] == "ru" })
        // French: the furniture in French, names in Latin script as the data has them.
        let (fr, _, _) = try render([ukraine.appendingPathComponent(sahel).path, "--lang", "fr"], name: "fr")
        XCTAssertEqual(texts(fr, "legend-title").first?.text, "Légende")
        XCTAssertFalse(texts(fr, "country-label").isEmpty)
        XCTAssertTrue(texts(fr, "scale-text").contains { $0.text.hasPrefix("géodésique") })
    }

    func testEnglishMapHasNoLanguageMarkup() throws {
        let (doc, data, _) = try render([])
        XCTAssertFalse(doc.elements.contains { $0.attributes["direction"] != nil || $0.attributes["xml:lang"] != nil })
        XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("im-rtl"))
    }

    /// A place written in a script the map's readers may not read, and placed by the gazetteer, is
    /// named on the map in the map's language; the key keeps what the source wrote beside it. A
    /// name already in the map's script stays as written.
    func testPlacesWrittenInAnotherScriptAreNamedInTheMapsLanguage() throws {
        let csv = tmp.appendingPathComponent("scripts.csv")
        try """
            id,date,kind,place,country,source
            A1,2024-01-05,Air strike,လားရှိုး,Myanmar,Irrawaddy
            A2,2024-01-06,Air strike,Saravan,Iran,IRNA
            A3,2024-01-07,Air strike,Mandalay,Myanmar,DVB
            A4,2024-01-08,Shelling,a border village near Khash,Iran,IRNA

            """.write(to: csv, atomically: true, encoding: .utf8)
        func map(_ lang: String) throws -> (labels: String, key: String) {
            let (doc, _, _) = try render([csv.path, "--lang", lang], name: "scripts-\(lang)")
            return (doc.descendants(ofID: "im-layer-labels").map(\.text).joined(separator: " | "),
                    doc.descendants(ofID: "im-key").map(\.text).joined(separator: " "))
        }
        let en = try map("en")
        XCTAssertTrue(en.labels.contains("Lashio (MM)"), en.labels)
        XCTAssertFalse(en.labels.contains("လားရှိုး"), en.labels)
        XCTAssertTrue(en.key.contains("Lashio (လားရှိုး, Shan, Myanmar)"), en.key)
        XCTAssertTrue(en.key.contains("Saravan (Sistan and Baluchestan, Iran)"), "a Latin name on an English map stays as written: \(en.key)")
        let fa = try map("fa")
        XCTAssertTrue(fa.labels.contains("سراوان"), fa.labels)
        XCTAssertTrue(fa.key.contains("Saravan"), "the source's spelling stays in the key: \(fa.key)")
        XCTAssertFalse(fa.labels.contains("လားရှိုး"), fa.labels)
        XCTAssertTrue(fa.labels.contains("a border village near Khash"), "a phrase says more than the name it holds: \(fa.labels)")
    }

    /// Major cities take the name CLDR gives them in the map's language (French has no other
    /// source: GeoNames' alternate names carry no language), on the town labels, on an incident
    /// placed by a name in another script, and the attribution credits CLDR; an English map and a
    /// town CLDR does not name are as before.
    func testMajorCitiesTakeCLDRsNameInTheMapsLanguage() throws {
        let csv = tmp.appendingPathComponent("cities.csv")
        try """
            id,date,kind,place,latitude,longitude,source
            E1,2024-03-01,Drone strike,Москва,,,TASS
            E2,2024-03-02,Drone strike,Kursk,,,TASS
            E3,2024-03-04,Shelling,Belgorod,,,TASS

            """.write(to: csv, atomically: true, encoding: .utf8)
        func map(_ lang: String, _ file: URL, _ name: String) throws -> (towns: [String], labels: String, key: String, credit: String) {
            let (doc, data, _) = try render([file.path, "--lang", lang], name: "\(name)-\(lang)")
            return (texts(doc, "town-label").map(\.text), doc.descendants(ofID: "im-layer-labels").map(\.text).joined(separator: " | "),
                    doc.descendants(ofID: "im-key").map(\.text).joined(separator: " "),
                    doc.elements.filter { ($0.attributes["class"] ?? "").contains("attribution") }.map(\.text).joined(separator: " "))
        }
        let fr = try map("fr", csv, "russia")
        XCTAssertTrue(fr.labels.contains("Moscou"), "the incident placed by a Cyrillic name: \(fr.labels)")
        XCTAssertTrue(fr.key.contains("Moscou (Москва"), "the source's spelling stays in the key: \(fr.key)")
        XCTAssertTrue(fr.labels.contains("Kursk"), "a name in the map's script stays as written: \(fr.labels)")
        // French sets a no-break space before the colon.
        XCTAssertTrue(fr.credit.contains("Noms des grandes villes\u{00A0}: Unicode CLDR 41"), fr.credit)
        let ru = try map("ru", csv, "russia")
        XCTAssertTrue(ru.labels.contains("Москва"), ru.labels)
        // The report's table names the place as the map does, and its notes credit CLDR.
        let dir = tmp.appendingPathComponent("russia-report")
        let r = try incidentmap(["report", csv.path, "--lang", "fr", "--format", "markdown", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("Moscou (geonames:524901)"), md)
        XCTAssertTrue(md.contains("Noms des grandes villes\u{00A0}: Unicode CLDR 41"), md)
        // Far from the example: central Europe, incidents given by their coordinates.
        let europe = tmp.appendingPathComponent("europe.csv")
        try """
            id,date,kind,latitude,longitude
            P1,2024-05-01,Explosion,52.20,21.05
            P2,2024-05-03,Explosion,48.25,16.40
            P3,2024-05-06,Explosion,50.10,14.45

            """.write(to: europe, atomically: true, encoding: .utf8)
        let frEurope = try map("fr", europe, "europe")
        XCTAssertTrue(frEurope.towns.contains("Varsovie"), "\(frEurope.towns)")
        XCTAssertTrue(frEurope.towns.contains("Vienne"), "\(frEurope.towns)")
        XCTAssertFalse(frEurope.towns.contains("Warsaw"), "\(frEurope.towns)")
        let en = try map("en", europe, "europe")
        XCTAssertTrue(en.towns.contains("Warsaw"), "\(en.towns)")
        XCTAssertFalse(en.credit.contains("CLDR"), "an English map names its towns as GeoNames does: \(en.credit)")
        let uk = try map("uk", europe, "europe")
        XCTAssertTrue(uk.towns.contains("Варшава"), "\(uk.towns)")
        XCTAssertTrue(uk.credit.contains("Назви великих міст: Unicode CLDR 41"), uk.credit)
        // The layers carry the tagged names in every map language, whatever --lang, for a GIS map's
        // labels (`coalesce("name_fr", "name")`): CLDR's for cities, Natural Earth's for countries.
        let layers = tmp.appendingPathComponent("europe-layers")
        let g = try incidentmap(["render", europe.path, "--geojson", "-o", layers.path])
        XCTAssertEqual(g.status, 0, g.stderr)
        func properties(_ layer: String, _ id: String) throws -> [String: Any] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: layers.appendingPathComponent("\(layer).geojson"))) as? [String: Any]
            let features = json?["features"] as? [[String: Any]] ?? []
            return features.first { ($0["id"] as? String) == id }?["properties"] as? [String: Any] ?? [:]
        }
        let warsaw = try properties("places", "geonames:756135")
        XCTAssertEqual(warsaw["name"] as? String, "Warsaw")
        XCTAssertEqual(warsaw["name_fr"] as? String, "Varsovie")
        XCTAssertEqual(warsaw["name_uk"] as? String, "Варшава")
        XCTAssertEqual(warsaw["name_fa"] as? String, "ورشو")
        let poland = try properties("countries", "PL")
        XCTAssertEqual(poland["name_fr"] as? String, "Pologne")
        XCTAssertEqual(poland["name_ru"] as? String, "Польша")
        // A town CLDR does not name has no name_xx (no guess from its letters).
        let krakow = try properties("places", "geonames:3094802")
        XCTAssertFalse(krakow.isEmpty)
        XCTAssertNil(krakow["name_fr"])
        let info = try runTool("ogrinfo", ["-so", "-al", layers.appendingPathComponent("places.geojson").path])
        XCTAssertTrue(info.stdoutText.contains("name_fr: String"), info.stdoutText)
    }

    func testGeocodesNamesInArabicScript() throws {
        let cases: [(String, [String], String)] = [
            ("سراوان", ["--country", "IR"], "Saravan"),
            ("خاش", ["--country", "IR"], "Khash"),
            ("پنجگور", ["--country", "PK"], "Panjgur"),
            ("سيستان و بلوچستان", [], "IR-11"),         // Arabic yeh
            ("استان سیستان و بلوچستان", [], "IR-11"),   // the describing word set aside
            ("بلوچستان", ["--country", "PK"], "PK-BA"),
            ("پاكستان", [], "country:PK"),              // Arabic kaf
            ("إيران", [], "country:IR"),
        ]
        for (name, context, expected) in cases {
            let r = try incidentmap(["geocode", name, "--format", "json"] + context)
            let list = (try? JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]]) ?? []
            let best = list.first
            let hit = (best?["id"] as? String) == expected || ((best?["name"] as? String) ?? "").folding(options: .diacriticInsensitive, locale: nil).hasPrefix(expected)
            XCTAssertTrue(hit, "\(name) → \(best.map { "\($0["id"] ?? "") \($0["name"] ?? "")" } ?? "nothing") \(r.stderr)")
        }
    }

    /// An incident known only by its point, at sea (no province names it), is labelled by its
    /// coordinates with their hemispheres, as the key writes them ("19.5°S, 179.9°W"), never as
    /// signed numbers ("-19.5, -179.9"); in French, with the French letters and decimal comma.
    /// A file with no kind column and a killed column but no source: the kind the tool supplies
    /// and the claimant it names are its own words, so they are in the map's language, and a claim
    /// begins its sentence of the key with a capital (in French before a colon after a no-break
    /// space, as the French texts write it). The
    /// input's own words (the place) stay as written.
    func testTheToolsOwnWordsForAKindAndAClaimantAreInTheMapsLanguage() throws {
        let csv = tmp.appendingPathComponent("bare.csv")
        try "id,date,place,country,killed\nB1,2024-03-01,Bamako,Mali,2\nB2,2024-03-02,Niamey,Niger,\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        for (lang, kind, claim, not) in [("en", "unspecified", "Unattributed: 2 fatalities.", ["unattributed:"]),
                                         ("fr", "type non précisé", "Sans attribution\u{00A0}: morts\u{00A0}: 2.", ["unspecified", "sans attribution", "unattributed"]),
                                         ("ru", "тип не указан", "Без указания источника: погибших: 2.", ["unspecified", "unattributed"])] {
            let (doc, _, _) = try render([csv.path, "--lang", lang], name: "bare-\(lang)")
            let keys = texts(doc, "key-text").map(\.text).joined(separator: " ")
            let details = texts(doc, "incident-detail").map(\.text).joined(separator: " | ")
            XCTAssertTrue(keys.contains(claim), "\(lang): \(keys)")
            XCTAssertTrue(keys.contains(kind) && details.contains(kind), "\(lang): \(keys) / \(details)")
            XCTAssertTrue(keys.contains("Bamako") && keys.contains("Niamey"), "\(lang): \(keys)")
            for word in not { XCTAssertFalse(keys.contains(word) || details.contains(word), "\(lang): \(word) in \(keys) / \(details)") }
        }
        // The report's table says the same in its language, and its projection.
        let dir = tmp.appendingPathComponent("bare-report")
        let r = try incidentmap(["report", csv.path, "--lang", "fr", "--format", "markdown", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
        let row = try XCTUnwrap(md.split(separator: "\n").first { $0.hasPrefix("| 1 |") })
        XCTAssertTrue(row.contains("| type non précisé |") && row.contains("**Sans attribution\u{00A0}:** morts\u{00A0}: 2"), String(row))
        XCTAssertFalse(md.contains("unspecified") || md.contains("unattributed") || md.contains("fatalities"), md)
        // And names the map's projection as the map does.
        XCTAssertTrue(md.contains("azimutale équidistante centrée sur les incidents") && !md.contains("azimuthal"), md)
        // "How this map was made" is in French around the audit trail (queries, names, ids, match
        // kinds), its scores in French digits; the datasets' descriptions stay as published.
        XCTAssertTrue(md.contains("« Bamako » (exact) → Bamako [geonames:2460596, GeoNames]") || md.contains("correspond à « Bamako »"), md)
        for english in [" matched ", "candidates", "Countries and international borders", "Projection and geodesic", "location exact", "Also weighed"] {
            XCTAssertFalse(md.contains(english), "\(english) in \(md)")
        }
        XCTAssertTrue(md.contains("Pays et frontières internationales") && md.contains("Projection et distances géodésiques"), md)
        // A world map's projection, which the renderer chooses, too.
        let world = tmp.appendingPathComponent("world-report")
        let w = try incidentmap(["report", repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/world/points.csv").path,
                                 "--lang", "fr", "--format", "markdown", "-o", world.path])
        XCTAssertEqual(w.status, 0, w.stderr)
        let worldMD = try String(contentsOf: world.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(worldMD.contains("Equal Earth centrée sur") && !worldMD.contains("centred on"), worldMD)
    }

    func testAPointAtSeaIsLabelledWithItsHemispheres() throws {
        let csv = tmp.appendingPathComponent("sea.csv")
        try "id,date,latitude,longitude,event_type\nS1,2024-05-04,-19.5,-179.9,Battles\nS2,2024-05-05,-18.1416,178.4419,Battles\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        for (lang, expected) in [("en", "19.5°S, 179.9°W"), ("fr", "19,5° S, 179,9° O")] {
            let (doc, _, _) = try render([csv.path, "--lang", lang], name: "sea-\(lang)")
            let labels = texts(doc, "incident-title").map(\.text).joined(separator: " | ")
            XCTAssertTrue(labels.contains(expected), "\(lang): \(labels)")
            XCTAssertFalse(labels.contains("-19.5") || labels.contains("-179.9"), "\(lang): \(labels)")
        }
    }
}

enum NameLabelProbe {
    static func isArabicScript(_ text: String) -> Bool { text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
}
