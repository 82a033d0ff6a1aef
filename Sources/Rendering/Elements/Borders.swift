import Geometry

/// International borders: a light casing under each line, then the line (emphasised between focus
/// countries; dashed where the point of view holds no international boundary).
enum BordersElement {
    /// The casings and lines of the borders in the frame, and which styles were drawn: disputed,
    /// emphasised, plain (for the legend, which shows each).
    static func build(_ scene: MapScene, frame: MapFrame, language: MapLanguage = .en, p: String)
        -> (casings: [SVGNode], borders: [SVGNode], disputed: Bool, emphasis: Bool, plain: Bool) {
        let countries = Dictionary(scene.countries.map { ($0.id, $0.shownName) }, uniquingKeysWith: { a, _ in a })
        var casings: [SVGNode] = [], borders: [SVGNode] = []
        var disputed = false, emphasis = false, plain = false
        for b in scene.borders where frame.mayShow(Geometry.multiLineString(b.lines).bounds) {
            let parts = frame.svgLines(b.lines)
            guard !parts.isEmpty else { continue }
            let d = SVGDraw.path(lines: parts)
            guard !d.isEmpty else { continue }
            casings.append(.el("path", [("class", "\(p)border-casing"), ("d", d)]))
            disputed = disputed || b.disputed
            if !b.disputed { if b.emphasis { emphasis = true } else { plain = true } }
            // Named after its countries in the map's language; a disputed stretch's class as Natural Earth gives it.
            let pair = b.id.prefix { $0 != "." }.split(separator: "-").map { countries[String($0)] }
            let name = language == .en || pair.count != 2 || pair.contains(nil) ? b.name : pair.map { $0! }.joined(separator: "–")
            let title = b.disputed ? GeoText.disputedBoundary.text(in: language, ["name": .text(name)]) + (b.featureClass.map { " (\(GeoText.boundaryClass($0, in: language) ?? NaturalEarthClass.plain($0)))" } ?? "")
                : GeoText.internationalBorder.text(in: language, ["name": .text(name)])
            borders.append(.el("path", [("class", "\(p)border" + (b.emphasis ? " \(p)emphasis" : "") + (b.disputed ? " \(p)disputed" : "")),
                                        ("data-border-id", b.id), ("d", d)], [
                .el("title", [], [.text(title)]),
            ]))
        }
        return (casings, borders, disputed, emphasis, plain)
    }
}

/// Natural Earth's line classes as a reader reads them.
enum NaturalEarthClass {
    /// "Line of control (please verify)" → "line of control"; "Unrecognized" → "not recognised as a boundary".
    static func plain(_ featureClass: String) -> String {
        let c = featureClass.replacingOccurrences(of: " (please verify)", with: "").replacingOccurrences(of: " (verify)", with: "")
        switch c {
        case "Unrecognized": return "not recognised as a boundary in this point of view"
        case "Admin-1 boundary": return "an internal boundary in this point of view"
        default: return c.prefix(1).lowercased() + c.dropFirst()
        }
    }
}
