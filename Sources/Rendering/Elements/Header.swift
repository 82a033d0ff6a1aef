/// The title block above the frame: title and subtitle.
enum HeaderElement {
    static func build(_ scene: MapScene, p: String) -> SVGNode {
        .el("g", [("id", "\(p)header")], [
            .el("text", [("class", "\(p)title"), ("x", "14"), ("y", "30")], [.text(scene.title)]),
            .el("text", [("class", "\(p)subtitle"), ("x", "14"), ("y", "52")], [.text(scene.subtitle)]),
        ])
    }

    /// A panel's one line above its frame: the period in bold, then the subtitle (its count).
    static func panel(_ scene: MapScene, p: String) -> SVGNode {
        .el("g", [("id", "\(p)header")], [
            .el("text", [("class", "\(p)legend-title"), ("x", "2"), ("y", "15")], [
                .text(scene.title),
                .el("tspan", [("class", "\(p)legend-text"), ("dx", "6")], [.text(scene.subtitle)]),
            ]),
        ])
    }
}
