import Geometry

/// International borders: a light casing under each line, then the line (emphasised between focus
/// countries; dashed where the point of view holds no international boundary).
enum BordersElement {
    static func build(_ scene: MapScene, frame: MapFrame, p: String) -> (casings: [SVGNode], borders: [SVGNode], disputed: Bool) {
        var casings: [SVGNode] = [], borders: [SVGNode] = []
        var disputed = false
        for b in scene.borders where frame.mayShow(Geometry.multiLineString(b.lines).bounds) {
            let parts = frame.svgLines(b.lines)
            guard !parts.isEmpty else { continue }
            let d = SVGDraw.path(lines: parts)
            guard !d.isEmpty else { continue }
            casings.append(.el("path", [("class", "\(p)border-casing"), ("d", d)]))
            disputed = disputed || b.disputed
            let title = b.disputed ? "Disputed boundary \(b.name)" + (b.featureClass.map { " (\(NaturalEarthClass.plain($0)))" } ?? "")
                : "International border \(b.name)"
            borders.append(.el("path", [("class", "\(p)border" + (b.emphasis ? " \(p)emphasis" : "") + (b.disputed ? " \(p)disputed" : "")),
                                        ("data-border-id", b.id), ("d", d)], [
                .el("title", [], [.text(title)]),
            ]))
        }
        return (casings, borders, disputed)
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
