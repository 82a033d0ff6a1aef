/// The title block above the frame: title and subtitle.
enum HeaderElement {
    static func build(_ scene: MapScene, p: String) -> SVGNode {
        .el("g", [("id", "\(p)header")], [
            .el("text", [("class", "\(p)title"), ("x", "14"), ("y", "30")], [.text(scene.title)]),
            .el("text", [("class", "\(p)subtitle"), ("x", "14"), ("y", "52")], [.text(scene.subtitle)]),
        ])
    }
}
