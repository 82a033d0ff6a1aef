/// The title block above the frame: title and subtitle.
enum HeaderElement {
    /// The sizes (px) of the title and the subtitle, as the style sets them.
    static let titleSize = 21.0, subtitleSize = 13.0

    /// Title and subtitle from the left; on a right-to-left map from the right. Each stays inside
    /// the map's width: a subtitle too long for it loses its last parts (" · " apart; the first, the
    /// period, stays), then either is set smaller, down to two thirds of its size.
    static func build(_ scene: MapScene, options: MapOptions = MapOptions(), p: String) -> SVGNode {
        let at = NameLabel.start(14, width: options.width, options: options)
        let room = options.width - 28
        var subtitle = scene.subtitle
        var parts = subtitle.components(separatedBy: " · ")
        while parts.count > 1 && TextMetrics.width(subtitle, size: subtitleSize) > room {
            parts.removeLast()
            subtitle = parts.joined(separator: " · ")
        }
        return .el("g", [("id", "\(p)header")], [
            NameLabel.text(scene.title, cls: "\(p)title", x: at.x, y: 30, anchor: at.anchor, options: options, p: p,
                           extra: fitted(scene.title, size: titleSize, bold: true, room: room)),
            NameLabel.text(subtitle, cls: "\(p)subtitle", x: at.x, y: 52, anchor: at.anchor, options: options, p: p,
                           extra: fitted(subtitle, size: subtitleSize, bold: false, room: room)),
        ])
    }

    /// An inline font size that fits `text` into `room` px (no attribute when it fits as styled).
    static func fitted(_ text: String, size: Double, bold: Bool, room: Double) -> [(String, String)] {
        // Bold glyphs run wider than the estimate (DejaVu Sans Bold): a twelfth more.
        let width = TextMetrics.width(text, size: size, bold: bold) * (bold ? 13.0 / 12 : 1)
        guard width > room else { return [] }
        let smaller = max(size * 2 / 3, (size * room / width * 10).rounded(.down) / 10)
        return [("style", "font-size:\(SVGDraw.n(smaller))px")]
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
