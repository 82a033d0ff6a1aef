import Geometry

/// The text under the frame: the numbered key of the incidents that matter most (the rest
/// counted) and the attribution, wrapped to the map's width. Its height sizes the frame.
struct KeyLayout: Sendable {
    /// Each entry's number (0 for the closing count) and its wrapped lines.
    let entries: [(number: Int, lines: [String])]
    /// The incidents (indices into the scene) the entries describe, in order.
    let incidentIndices: [Int]
    let attributionLines: [String]
    /// Height of the footer, px.
    let height: Double

    init(scene: MapScene, options: MapOptions) {
        let textWidth = options.width - 56
        // The key describes the incidents that matter most when there are many; the rest are counted.
        let keyed = scene.incidents.enumerated().sorted { ($1.element.importance, $0.offset) < ($0.element.importance, $1.offset) }
            .prefix(max(0, options.maxKeyEntries)).map(\.offset).sorted()
        incidentIndices = keyed
        var lines = keyed.map { (number: scene.incidents[$0].number, lines: TextMetrics.wrap(scene.incidents[$0].keyText, size: 11, maxWidth: textWidth - 24)) }
        let omitted = scene.incidents.count - keyed.count
        if omitted > 0 {
            let what = options.binCellDegrees == nil ? "incident" : "cell"
            lines.append((0, ["… and \(omitted) more \(what)\(omitted == 1 ? "" : "s") on the map; every one is described in the marker tooltips (and each incident in the GeoJSON layer)."]))
        }
        entries = lines
        attributionLines = scene.attribution.flatMap { TextMetrics.wrap($0, size: 9.5, maxWidth: textWidth) }
        let keyHeight = entries.reduce(0.0) { $0 + Double($1.lines.count) * 14 + 4 }
        height = 14 + keyHeight + Double(attributionLines.count) * 12.5 + 8
    }
}

/// The key and attribution under the frame, each keyed incident with its marker and number.
enum KeyElement {
    static func build(_ scene: MapScene, frame: MapFrame, p: String) -> SVGNode {
        let n = SVGDraw.n
        let key = frame.key
        var children: [SVGNode] = []
        var y = frame.frame.maxY + 20
        for (index, (number, lines)) in key.entries.enumerated() {
            if index < key.incidentIndices.count {
                switch scene.incidents[key.incidentIndices[index]].style {
                case .strike:
                    children.append(.el("circle", [("class", "\(p)marker-strike"), ("cx", "22"), ("cy", n(y - 4)), ("r", "7.5")]))
                case .other:
                    children.append(.el("path", [("class", "\(p)marker-other"), ("d", "M22,\(n(y - 13))L31,\(n(y - 4))L22,\(n(y + 5))L13,\(n(y - 4))Z")]))
                case .explosion:
                    children.append(.el("path", [("class", "\(p)marker-explosion"), ("d", "M22,\(n(y - 13.5))L31,\(n(y + 3.5))L13,\(n(y + 3.5))Z")]))
                }
                children.append(.el("text", [("class", "\(p)key-number"), ("x", "22"), ("y", n(y - 0.5)), ("text-anchor", "middle")], [.text(String(number))]))
            }
            for (i, line) in lines.enumerated() {
                children.append(.el("text", [("class", "\(p)key-text"), ("x", "36"), ("y", n(y + Double(i) * 14))], [.text(line)]))
            }
            y += Double(lines.count) * 14 + 4
        }
        y += 4
        for line in key.attributionLines {
            children.append(.el("text", [("class", "\(p)attribution"), ("x", "14"), ("y", n(y))], [.text(line)]))
            y += 12.5
        }
        return .el("g", [("id", "\(p)key")], children)
    }
}
