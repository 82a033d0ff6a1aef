/// The title block above the frame: title and subtitle.
enum HeaderElement {
    /// Title and subtitle from the left; on a right-to-left map from the right.
    static func build(_ scene: MapScene, options: MapOptions = MapOptions(), p: String) -> SVGNode {
        let at = NameLabel.start(14, width: options.width, options: options)
        return .el("g", [("id", "\(p)header")], [
            NameLabel.text(scene.title, cls: "\(p)title", x: at.x, y: 30, anchor: at.anchor, options: options, p: p),
            NameLabel.text(scene.subtitle, cls: "\(p)subtitle", x: at.x, y: 52, anchor: at.anchor, options: options, p: p),
        ])
    }

    /// A panel's one line above its frame: the period in bold, then the subtitle (its count); on a
    /// right-to-left map from the panel's right edge, the two parts a space apart (`dx` would
    /// push the right-to-left subtitle the wrong way).
    static func panel(_ scene: MapScene, options: MapOptions = MapOptions(), p: String) -> SVGNode {
        guard options.language.isRightToLeft else {
            return .el("g", [("id", "\(p)header")], [
                .el("text", [("class", "\(p)legend-title"), ("x", "2"), ("y", "15")], [
                    .text(scene.title),
                    .el("tspan", [("class", "\(p)legend-text"), ("dx", "6")], [.text(scene.subtitle)]),
                ]),
            ])
        }
        return .el("g", [("id", "\(p)header")], [
            .el("text", [("class", "\(p)legend-title \(p)rtl")] + NameLabel.textAttributes(scene.title, x: options.width - 2, y: 15, anchor: "end",
                                                                                          options: options, rtl: true), [
                .text(scene.title + "\u{00A0}\u{00A0}"),
                .el("tspan", [("class", "\(p)legend-text")], NameLabel.runs(scene.subtitle, p: p)),
            ]),
        ])
    }
}
