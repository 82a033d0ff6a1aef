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
    /// (the script's font stack, no letter spacing, which would break the joined letters).
    static func text(_ line: String, cls: String, box: BoundingBox? = nil, x: Double, y: Double, anchor: String?, options: MapOptions, p: String,
                     extra: [(String, String)] = []) -> SVGNode {
        let rtl = isRightToLeft(line)
        var attributes: [(String, String)] = [("class", rtl ? "\(cls) \(p)rtl" : cls)]
        if let box { attributes.append(("data-box", SVGDraw.box(box))) }
        return .el("text", attributes + textAttributes(line, x: x, y: y, anchor: anchor, options: options) + extra, [.text(closed(line))])
    }

    /// `line` with a mark of the other direction at its end (U+200E left-to-right, U+200F
    /// right-to-left) when its last letter runs against the line's direction (its first letter's),
    /// so that punctuation closing that last run stays beside it: a right-to-left line ending in
    /// Latin words ("… (Iran's claim).") would otherwise show its ")." at the far left, mirrored.
    static func closed(_ line: String) -> String {
        guard let last = line.unicodeScalars.last(where: { $0.properties.isAlphabetic }) else { return line }
        let lastIsRTL = isRightToLeft(String(last))
        guard lastIsRTL != isRightToLeft(line), line.unicodeScalars.last.map({ !$0.properties.isAlphabetic }) ?? false else { return line }
        return line + (lastIsRTL ? "\u{200F}" : "\u{200E}")
    }

    /// The x of a line of furniture (legend, key, header) `inset` px from the start side of a box
    /// `width` wide, and its anchor as `text` takes it: from the left on a left-to-right map; on
    /// a right-to-left one (`MapLanguage.isRightToLeft`) mirrored, from the right edge, each line
    /// right-aligned whatever its own direction.
    static func start(_ inset: Double, width: Double, options: MapOptions) -> (x: Double, anchor: String?) {
        options.language.isRightToLeft ? (width - inset, "end") : (inset, nil)
    }

    /// `x`, `y`, `text-anchor` of one line of text, with `direction="rtl"`, `xml:lang` and the script's
    /// font class when it runs right to left. An anchor is given as a Latin line would have it
    /// (start: the text begins at x and runs right); for right-to-left text it is mirrored, so
    /// the text still covers the same box (start is the right end of right-to-left text).
    /// A nil anchor is SVG's default, start, and is not written.
    static func textAttributes(_ line: String, x: Double, y: Double, anchor: String?, options: MapOptions) -> [(String, String)] {
        var attributes = [("x", SVGDraw.n(x)), ("y", SVGDraw.n(y))]
        guard isRightToLeft(line) else {
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

    /// Whether the first strong (letter) character of `text` is of a right-to-left script.
    static func isRightToLeft(_ text: String) -> Bool {
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            return (0x0590...0x08FF).contains(s.value) || (0xFB1D...0xFEFC).contains(s.value)
        }
        return false
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
