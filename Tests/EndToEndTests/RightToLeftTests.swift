import Foundation
import XCTest

/// Maps in the eight languages as a reader sees them: the furniture (header, legend, key lines)
/// in the language, mirrored on right-to-left maps; mixed lines in the right order; and every
/// character of every text in a font of the stack the SVG names for it.
final class RightToLeftTests: ScratchTestCase {
    func render(_ args: [String], name: String) throws -> (SVGDocument, String, URL) {
        let out = tmp.appendingPathComponent("\(name).svg")
        let r = try incidentmap(["render", "--svg", "-o", out.path] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let data = try Data(contentsOf: out)
        return (SVGDocument(data), String(decoding: data, as: UTF8.self), out)
    }

    func number(_ e: SVGDocument.Element?, _ key: String) -> Double { Double(e?.attributes[key] ?? "") ?? .nan }

    func testRightToLeftMapsMirrorTheHeaderLegendAndKey() throws {
        for lang in ["fa", "ur", "ar", "ps"] {
            let (doc, _, _) = try render(["--lang", lang], name: lang)
            let width = number(doc.root, "width")
            // Header from the right.
            for cls in ["im-title", "im-subtitle"] {
                let t = doc.elements.first { ($0.attributes["class"] ?? "").hasPrefix(cls) }
                XCTAssertEqual(number(t, "x"), width - 14, "\(lang) \(cls)")
            }
            // Legend: each row's symbol right of its text, the text ending at the symbol.
            let legend = doc.descendants(ofID: "im-layer-legend")
            let panel = number(legend.first { $0.name == "rect" }, "width")
            let symbols = legend.filter { $0.name == "g" }.compactMap { translate($0.attributes["transform"]) }
            XCTAssertFalse(symbols.isEmpty, lang)
            XCTAssertTrue(symbols.allSatisfy { abs($0.0 - (panel - 20)) < 0.01 }, "\(lang): symbols on the right \(symbols)")
            let rows = legend.filter { ($0.attributes["class"] ?? "").hasPrefix("im-legend-text") && $0.attributes["x"] != nil }
            XCTAssertTrue(rows.allSatisfy { number($0, "x") == panel - 36 }, lang)
            // A right-to-left line anchored at its start, which is its right end; a Latin one at its end.
            for r in rows {
                let anchor = r.attributes["text-anchor"], rtl = r.attributes["direction"] == "rtl"
                XCTAssertTrue(rtl ? anchor == "start" : anchor == "end", "\(lang): \(r.text) \(anchor ?? "nil")")
            }
            // Key: the numbered markers on the right, the lines right-aligned beside them.
            let key = doc.descendants(ofID: "im-key")
            XCTAssertTrue(key.filter { $0.attributes["class"] == "im-key-number" }.allSatisfy { number($0, "x") == width - 22 }, lang)
            XCTAssertTrue(key.filter { ($0.attributes["class"] ?? "").hasPrefix("im-key-text") }.allSatisfy { number($0, "x") == width - 36 }, lang)
        }
        // Left-to-right languages keep the left-hand layout.
        let (ru, _, _) = try render(["--lang", "ru"], name: "ru")
        XCTAssertEqual(number(ru.elements.first { $0.attributes["class"] == "im-title" }, "x"), 14)
    }

    /// The subtitle and the key's closing line (the incidents without a key entry) are in the map's
    /// language, numbers in its digits.
    func testSubtitleAndKeySummaryInEveryLanguage() throws {
        // Sixteen incidents on both sides of the border: ten key entries, the rest in the closing line.
        let rows = (0..<16).map { i in "I\(i),2024-01-\(String(format: "%02d", i + 1)),\(26.0 + Double(i % 4) * 0.6),\(61.0 + Double(i / 4) * 1.1)" }
        let input = tmp.appendingPathComponent("many.csv")
        try (["id,date,latitude,longitude"] + rows).joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let expected: [(String, String, String)] = [
            ("fa", "رویدادها: ۱۶", "ایران"), ("ur", "واقعات: ۱۶", "پاکستان"), ("ar", "الحوادث: ١٦", "إيران"), ("ps", "پېښې: ۱۶", "پاکستان"),
            ("ru", "Инцидентов: 16", "Иран"), ("uk", "Інцидентів: 16", "Іран"), ("fr", "Incidents : 16", "Iran"),
        ]
        for (lang, count, country) in expected {
            let (doc, _, _) = try render([input.path, "--lang", lang], name: "sum-\(lang)")
            let subtitle = doc.elements.first { ($0.attributes["class"] ?? "").hasPrefix("im-subtitle") }?.text ?? ""
            XCTAssertTrue(subtitle.contains(count) && subtitle.contains(country), "\(lang): \(subtitle)")
            XCTAssertFalse(subtitle.contains("Jan") || subtitle.contains("incidents"), "\(lang): \(subtitle)")
            let key = doc.descendants(ofID: "im-key").filter { ($0.attributes["class"] ?? "").hasPrefix("im-key-text") }.map(\.text).joined(separator: " ")
            XCTAssertTrue(key.contains("GeoJSON"), "\(lang): a closing line: \(key)")
            XCTAssertFalse(key.contains("more incident") || key.contains("fatalities claimed") || key.contains("Each is described"), "\(lang): \(key)")
        }
    }

    /// A key line that starts with a Persian date and goes on in the input's English words (with the
    /// map's Persian words for the province, country, actor and target between them), as librsvg
    /// draws it: the date at the right end (where a right-to-left line starts), the rest of the line
    /// to its left, and the line's punctuation kept with the English run (no ")." thrown to the far
    /// left). The date and the rest are made visible in turn (the other transparent, in `tspan`s of
    /// the same line, so the layout is the same).
    func testMixedKeyLineRunsRightToLeftWithTheLatinWordsInOrder() throws {
        let (doc, svg, _) = try render(["--lang", "fa"], name: "bidi")
        guard let line = doc.descendants(ofID: "im-key").first(where: { ($0.attributes["class"] ?? "").hasPrefix("im-key-text") }),
              let style = svg.range(of: "<style>").flatMap({ s in svg.range(of: "</style>").map { svg[s.lowerBound..<$0.upperBound] } }) else {
            return XCTFail("no key line")
        }
        XCTAssertEqual(line.attributes["direction"], "rtl")
        XCTAssertTrue(line.text.hasPrefix("\u{200F}۱۶ ژانویه ۲۰۲۴"), line.text)
        // The date: up to the dash that follows it.
        let date = line.text.prefix { $0 != "—" }
        func png(visible persian: Bool) throws -> (Int, Int) {
            let runs: [(Bool, String)] = [(true, String(date)), (false, String(line.text.dropFirst(date.count)))]
            let spans = runs.map { "<tspan fill-opacity=\"\($0.0 == persian ? 1 : 0)\">\(xmlEscape($0.1))</tspan>" }.joined()
            let attrs = line.attributes.map { "\($0.key)=\"\(xmlEscape($0.value))\"" }.sorted().joined(separator: " ")
            let y = number(line, "y")
            let file = tmp.appendingPathComponent("line-\(persian).svg"), out = tmp.appendingPathComponent("line-\(persian).png")
            try """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(doc.root, "width"))" height="\(y + 10)"><defs>\(style)</defs>
            <rect width="100%" height="100%" fill="#fff"/><text \(attrs)>\(spans)</text></svg>
            """.write(to: file, atomically: true, encoding: .utf8)
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", out.path, file.path]).status, 0)
            let cols = try runTool("python3", [repositoryRoot.appendingPathComponent("scripts/png_check.py").path, "columns", out.path, String(Int(y) - 14), String(Int(y) + 6)])
            let v = cols.stdoutText.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            XCTAssertEqual(v.count, 2, cols.stdoutText + cols.stderr)
            return v.count == 2 ? (v[0], v[1]) : (0, 0)
        }
        let persian = try png(visible: true), latin = try png(visible: false)
        XCTAssertLessThan(latin.1, persian.0, "the rest of the line lies left of the Persian date: rest \(latin), date \(persian)")
        XCTAssertEqual(Double(persian.1), number(line, "x"), accuracy: 3, "the line starts at its right end")
        XCTAssertFalse(line.text.unicodeScalars.last.map { $0.value == 0x200F } ?? true && line.text.hasSuffix(")"), line.text)
    }

    /// Every character of every text of a map in each language is in an installed font of the
    /// stack the SVG names for it (the right-to-left class's, else the root's), as fontconfig
    /// reports the font's character set (`fc-match -f %{charset}`): librsvg draws no missing glyph.
    func testEveryTextHasItsGlyphsInTheFontStackNamed() throws {
        var coverage: [String: [ClosedRange<UInt32>]?] = [:]
        func charset(_ family: String) throws -> [ClosedRange<UInt32>]? {
            if let c = coverage[family] { return c }
            let installed = try runTool("fc-match", ["-f", "%{family}", family]).stdoutText.split(separator: ",").contains { $0 == family }
            var ranges: [ClosedRange<UInt32>]? = nil
            if installed {
                ranges = try runTool("fc-match", ["-f", "%{charset}", family]).stdoutText.split(separator: " ").compactMap { r in
                    let ends = r.split(separator: "-").compactMap { UInt32($0, radix: 16) }
                    return ends.count == 1 ? ends[0]...ends[0] : ends.count == 2 ? ends[0]...ends[1] : nil
                }
            }
            coverage[family] = ranges
            return ranges
        }
        func families(_ css: String, _ selector: String) -> [String] {
            guard let r = css.range(of: "\(selector) { font-family: "), let end = css[r.upperBound...].firstIndex(of: ";") else { return [] }
            return css[r.upperBound..<end].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }
        }
        for lang in ["en", "fa", "ur", "ar", "ps", "ru", "uk", "fr"] {
            let (doc, svg, _) = try render(["--lang", lang, "--labels", "both"], name: "glyphs-\(lang)")
            let stacks = ["root": families(svg, ".im-root"), "rtl": families(svg, ".im-rtl")]
            XCTAssertFalse(stacks["root"]!.isEmpty, lang)
            var used: Set<String> = []
            for t in doc.elements where t.name == "text" || t.name == "tspan" {
                let stack = (t.attributes["class"] ?? "").contains("im-rtl") ? stacks["rtl"]! : stacks["root"]!
                for s in t.text.unicodeScalars where !s.properties.isWhitespace && s.properties.generalCategory != .format {
                    var found: String? = nil
                    for f in stack { if let c = try charset(f), c.contains(where: { $0.contains(s.value) }) { found = f; break } }
                    XCTAssertNotNil(found, "\(lang): U+\(String(s.value, radix: 16)) of “\(t.text)” is in no installed font of \(stack)")
                    if let found { used.insert(found) }
                }
            }
            // The script's own font draws its letters (not a fall-back further down the stack).
            if ["fa", "ar", "ps"].contains(lang) { XCTAssertTrue(used.contains("Noto Naskh Arabic"), "\(lang): \(used)") }
            if lang == "ur" { XCTAssertTrue(used.contains("Noto Nastaliq Urdu"), "\(used)") }
        }
    }
}

func xmlEscape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
}
