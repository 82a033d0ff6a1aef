import Geometry

/// International borders: a light casing under each line, then the line (emphasised between focus countries).
enum BordersElement {
    static func build(_ scene: MapScene, frame: MapFrame, p: String) -> (casings: [SVGNode], borders: [SVGNode]) {
        var casings: [SVGNode] = [], borders: [SVGNode] = []
        for b in scene.borders where frame.mayShow(Geometry.multiLineString(b.lines).bounds) {
            let parts = b.lines.flatMap(frame.splitAtCut(line:)).flatMap { PlanarOps.clip(line: frame.toSVG($0), to: frame.clipBox) }
            guard !parts.isEmpty else { continue }
            let d = SVGDraw.path(lines: parts)
            guard !d.isEmpty else { continue }
            casings.append(.el("path", [("class", "\(p)border-casing"), ("d", d)]))
            borders.append(.el("path", [("class", "\(p)border" + (b.emphasis ? " \(p)emphasis" : "")), ("data-border-id", b.id), ("d", d)], [
                .el("title", [], [.text("International border \(b.name)")]),
            ]))
        }
        return (casings, borders)
    }
}
