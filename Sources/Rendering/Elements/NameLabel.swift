import Geometry

/// The lines of a name label in the map's language: the name in that language, or, where the
/// data has none, the Latin name (a visible fall-back, never a blank); on a bilingual map the
/// Latin name beneath a name in another script.
struct NameLabel: Sendable {
    var lines: [String]

    init(latin: String, local: String?, options: MapOptions, transform: (String) -> String = { $0 }) {
        guard options.language != .en, let local, !local.isEmpty else { lines = [transform(latin)]; return }
        lines = options.bilingual && local != latin ? [transform(local), transform(latin)] : [transform(local)]
    }

    /// The widest line's estimated width.
    func width(_ measure: (String) -> Double) -> Double { lines.map(measure).max() ?? 0 }

    /// The `<text>` elements of the label: the first carries `attributes` (class, `data-box`) and
    /// the label's box; each further line is a `<text>` of the same class `lineHeight` lower.
    func nodes(cls: String, box: BoundingBox?, x: Double, y: Double, anchor: String, lineHeight: Double, options: MapOptions, p: String) -> [SVGNode] {
        lines.enumerated().map { i, line in
            NameLabel.text(line, cls: cls, box: i == 0 ? box : nil, x: x, y: y + Double(i) * lineHeight, anchor: anchor, options: options, p: p)
        }
    }

    /// One `<text>` of `line` (see `textAttributes`); right-to-left text also has the class `rtl`
    /// (the script's font stack, no letter spacing, which would break the joined letters), and its
    /// Latin runs are `tspan`s of the class `latin` (`runs`). `rtl` gives the line's direction
    /// when it is a piece of a longer paragraph (a wrapped key entry); nil: `runsRightToLeft`.
    static func text(_ line: String, cls: String, box: BoundingBox? = nil, x: Double, y: Double, anchor: String?, options: MapOptions, p: String,
                     extra: [(String, String)] = [], rtl: Bool? = nil) -> SVGNode {
        let rtl = rtl ?? runsRightToLeft(line, options.language)
        var attributes: [(String, String)] = [("class", rtl ? "\(cls) \(p)rtl" : cls)]
        if let box { attributes.append(("data-box", SVGDraw.box(box))) }
        let closed = closed(line, rtl: rtl)
        return .el("text", attributes + textAttributes(line, x: x, y: y, anchor: anchor, options: options, rtl: rtl) + extra,
                   rtl ? runs(closed, p: p) : [.text(closed)])
    }

    /// The text of a right-to-left line with each run of Latin text ("Natural Earth 5.1.1",
    /// "GeoJSON", "(IR)", "Armed clash (۳۲)، Attack (۱۵)") in a `tspan` of the class `latin`, so
    /// that it is drawn in the Latin font rather than the Arabic font's few Latin digits and stops.
    /// The line stays one paragraph: Chromium orders it as a whole by the bidirectional algorithm,
    /// while librsvg lays each `tspan` out in turn along the line; so a run holds all that the
    /// algorithm keeps together left to right. It begins at a Latin letter or a left-to-right mark
    /// (a number alone, "2  Quetta", stays in the line's direction) and reaches to the last Latin
    /// letter, digit or left-to-right mark before the next right-to-left letter, right-to-left mark
    /// or Arabic number (what ends a left-to-right run), and the brackets it opens. Spaces at its
    /// edges stay outside it (librsvg drops a space at a `tspan`'s edge). `scripts/bidi_check.py`
    /// checks maps against the algorithm itself.
    static func runs(_ line: String, p: String) -> [SVGNode] {
        let scalars = Array(line.unicodeScalars)
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic && !isRightToLeftScalar(s) }
        func isEnd(_ s: Unicode.Scalar) -> Bool {
            isLetter(s) || (0x30...0x39).contains(s.value) || (0x06F0...0x06F9).contains(s.value) || s.value == 0x200E
        }
        let rightToLeftBrackets = bracketsReadRightToLeft(scalars)
        var nodes: [SVGNode] = []
        var i = 0, plain = 0
        func flush(_ end: Int) {
            if end > plain { nodes.append(.text(String(String.UnicodeScalarView(scalars[plain..<end])))) }
        }
        while i < scalars.count {
            guard isLetter(scalars[i]) || scalars[i].value == 0x200E else { i += 1; continue }
            var end = i, j = i
            while j < scalars.count, !endsLeftToRightRun(scalars[j]), !rightToLeftBrackets.contains(j) {
                if isEnd(scalars[j]) { end = j }
                j += 1
            }
            let start = i
            var stop = end + 1
            // A bracket the run opens closes in it (the algorithm gives the pair the direction of
            // the Latin letters before it); brackets around a run in right-to-left text, and a stop
            // before right-to-left words, take the line's direction and stay outside.
            var depth = 0, k = stop
            for s in scalars[start..<stop] { depth += s == "(" ? 1 : s == ")" ? -1 : 0 }
            while depth > 0, k < scalars.count, !endsLeftToRightRun(scalars[k]), !rightToLeftBrackets.contains(k) {
                depth += scalars[k] == "(" ? 1 : scalars[k] == ")" ? -1 : 0
                k += 1
                if scalars[k - 1] == ")" { stop = k }
            }
            flush(start)
            nodes.append(.el("tspan", [("class", "\(p)latin")], [.text(String(String.UnicodeScalarView(scalars[start..<stop])))]))
            plain = stop
            i = stop
        }
        flush(scalars.count)
        return nodes
    }

    /// The positions of the round brackets of `scalars` that the bidirectional algorithm reads
    /// right to left (rule N0): a pair holding a right-to-left letter or an Arabic number, and one
    /// holding only Latin text after right-to-left text ("رویدادها (WGS84)"). A pair holding Latin
    /// text after Latin text ("Zahedan (IR)") is read with it.
    static func bracketsReadRightToLeft(_ scalars: [Unicode.Scalar]) -> Set<Int> {
        var open: [Int] = [], out: Set<Int> = []
        // Whether a character is, to the algorithm, left to right (nil: neither): a digit as the
        // last letter before it (rules W2, W7; the line starts right to left), an Arabic number never.
        var last = false
        var strong: [Bool?] = []
        for s in scalars {
            if isStrong(s) {
                last = !isRightToLeftScalar(s)
                strong.append(last)
            } else if (0x0660...0x0669).contains(s.value) {
                strong.append(false)
            } else if (0x06F0...0x06F9).contains(s.value) || (0x30...0x39).contains(s.value) {
                strong.append(last)
            } else {
                strong.append(nil)
            }
        }
        for (k, s) in scalars.enumerated() {
            if s == "(" { open.append(k); continue }
            guard s == ")", let o = open.popLast() else { continue }
            let inside = strong[(o + 1)..<k].compactMap { $0 }
            let before = strong[..<o].compactMap { $0 }.last ?? false
            if inside.contains(false) || (!inside.isEmpty && !before) { out.formUnion([o, k]) }
        }
        return out
    }

    /// A character that ends a left-to-right run in right-to-left text: a right-to-left letter or
    /// mark, the Arabic script's strong punctuation (؛ ؟ ۔), an Arabic number (٠–٩ and its
    /// separators ٫ ٬). The Arabic comma, spaces and Persian digits do not: between Latin words
    /// they are read with them.
    static func endsLeftToRightRun(_ s: Unicode.Scalar) -> Bool {
        guard isRightToLeftScalar(s) else { return false }
        return s.properties.isAlphabetic || s.value == 0x200F || [0x061B, 0x061C, 0x061E, 0x061F, 0x06D4, 0x066D].contains(s.value)
            || (0x0660...0x066C).contains(s.value) || (0x0600...0x0605).contains(s.value)
    }

    /// `line` with marks of direction (U+200E left-to-right, U+200F right-to-left) where its letters
    /// at an end run against the line's direction (`rtl`): at its end, so
    /// that punctuation closing that last run stays beside it (a right-to-left line ending in Latin
    /// words, "… (Iran's claim).", would otherwise show its ")." at the far left, mirrored); at its
    /// start when it opens with punctuation or a number before such letters (a wrapped line "(3),
    /// other kinds …" of a right-to-left entry), so that they go with the letters they open; not
    /// when `opening` is false (a label's marker number, "2  Quetta (PK)", stays at the line's start).
    static func closed(_ line: String, rtl: Bool, opening: Bool = true) -> String {
        var out = line
        if opening, let first = line.unicodeScalars.first(where: isStrong), isRightToLeftScalar(first) != rtl,
           let lead = line.unicodeScalars.first, !isStrong(lead) {
            out = (isRightToLeftScalar(first) ? "\u{200F}" : "\u{200E}") + out
        }
        guard let last = line.unicodeScalars.last(where: isStrong) else { return out }
        let lastIsRTL = isRightToLeftScalar(last)
        guard lastIsRTL != rtl, line.unicodeScalars.last.map({ !isStrong($0) }) ?? false else { return out }
        return out + (lastIsRTL ? "\u{200F}" : "\u{200E}")
    }

    /// The x of a line of furniture (legend, key, header) `inset` px from the start side of a box
    /// `width` wide, and its anchor as `text` takes it: from the left on a left-to-right map; on
    /// a right-to-left one (`MapLanguage.isRightToLeft`) mirrored, from the right edge, each line
    /// right-aligned whatever its own direction.
    static func start(_ inset: Double, width: Double, options: MapOptions) -> (x: Double, anchor: String?) {
        options.language.isRightToLeft ? (width - inset, "end") : (inset, nil)
    }

    /// `x`, `y`, `text-anchor` of one line of text, with `direction="rtl"`, `xml:lang` and the script's
    /// font class when it runs right to left (`rtl`). An anchor is
    /// given as a Latin line would have it (start: the text begins at x and runs right); for
    /// right-to-left text it is mirrored, so the text still covers the same box (start is the
    /// right end of right-to-left text). A nil anchor is SVG's default, start, and is not written.
    static func textAttributes(_ line: String, x: Double, y: Double, anchor: String?, options: MapOptions, rtl: Bool) -> [(String, String)] {
        var attributes = [("x", SVGDraw.n(x)), ("y", SVGDraw.n(y))]
        guard rtl else {
            if let anchor { attributes.append(("text-anchor", anchor)) }
            if options.language.script != .latin && inScript(line, options.language) {
                attributes.append(("xml:lang", options.language.rawValue))
            }
            return attributes
        }
        let anchor = anchor ?? "start"
        let mirrored = anchor == "start" ? "end" : (anchor == "end" ? "start" : anchor)
        attributes += [("text-anchor", mirrored), ("direction", "rtl"), ("xml:lang", options.language.isRightToLeft ? options.language.rawValue : "ar")]
        return attributes
    }

    /// The direction of a line on a map in `language`: on a right-to-left map, right to left when
    /// it has a letter or a digit of the script, so that a line of the map's language beginning
    /// with a Latin name ("Quetta (PK) · رویدادها: ۵۰") still reads from the right, as does a range
    /// of numbers ("۱–۳۲"), and a Latin-only line (a name the data has only in Latin) runs left to
    /// right; on another map, as its first letter.
    static func runsRightToLeft(_ line: String, _ language: MapLanguage) -> Bool {
        guard language.isRightToLeft else { return isRightToLeft(line) }
        return line.unicodeScalars.contains { isRightToLeftScalar($0) && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
    }

    /// Whether the first strong character of `text` (a letter, or a mark of direction) is of a
    /// right-to-left script (or the right-to-left mark).
    static func isRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.first(where: isStrong).map(isRightToLeftScalar) ?? false
    }

    /// A character that sets the direction of the text around it: a letter, a mark of direction,
    /// or the Arabic script's strong stops (؛ ؟ ۔, which are Arabic letters to the algorithm).
    static func isStrong(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.value == 0x200E || s.value == 0x200F || [0x061B, 0x061C, 0x061E, 0x061F, 0x06D4, 0x066D].contains(s.value)
    }

    /// A letter of a right-to-left script, the Arabic script's digits and stops, or the right-to-left mark.
    static func isRightToLeftScalar(_ s: Unicode.Scalar) -> Bool {
        (0x0590...0x08FF).contains(s.value) || (0xFB1D...0xFEFC).contains(s.value) || s.value == 0x200F
    }

    /// Whether `text` has a letter of the language's (non-Latin) script.
    static func inScript(_ text: String, _ language: MapLanguage) -> Bool {
        text.unicodeScalars.contains { s in
            switch language.script {
            case .cyrillic: return (0x0400...0x04FF).contains(s.value)
            case .arabic: return (0x0600...0x06FF).contains(s.value)
            case .latin: return false
            }
        }
    }
}
