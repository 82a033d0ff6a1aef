import Geometry

/// Rivers over the land (GSHHG's WDBII lines), thin and blue, one path per class, under the
/// lakes, borders and incidents; the smaller classes only on larger-scale maps, so that a
/// continent shows its great rivers and a province its streams. Intermittent rivers are dashed.
/// The data names no river, so none is labelled.
enum RiversElement {
    /// The credit of the river data, in the attribution of a map that draws some.
    static func credit(_ language: MapLanguage) -> String {
        AttributionText.rivers.text(in: language, ["dataset": "GSHHG 2.3.7 (WDBII), LGPL-3.0-or-later"])
    }

    /// The widest frame (ground distance across its middle, metres) on which a class is drawn:
    /// permanent major rivers up to 6,000 km, the other major ones up to 2,500 km, the rest up to 1,000 km.
    static func widestFrame(rank: Int) -> Double {
        switch rank {
        case 1: return 6_000_000
        case 2, 5: return 2_500_000
        default: return 1_000_000
        }
    }

    /// One path per class that reaches the frame (`data-river-class`), most important last (on top).
    static func build(_ rivers: [SceneRiver], frame: MapFrame, p: String) -> (nodes: [SVGNode], intermittent: Bool) {
        let width = frame.groundWidth
        var byRank: [Int: [[XY]]] = [:]
        for r in rivers where width <= widestFrame(rank: r.rank) && frame.mayShow(r.bounds) {
            let parts = frame.svgLines([r.line])
            if !parts.isEmpty { byRank[r.rank, default: []] += parts }
        }
        var nodes: [SVGNode] = [], intermittent = false
        for rank in byRank.keys.sorted(by: >) {
            let d = SVGDraw.path(lines: byRank[rank]!)
            guard !d.isEmpty else { continue }
            let dashed = rank >= 5
            intermittent = intermittent || dashed
            let size = rank == 1 ? "major" : rank == 2 || rank == 5 ? "medium" : "minor"
            nodes.append(.el("path", [("class", "\(p)river \(p)river-\(size)" + (dashed ? " \(p)intermittent" : "")),
                                      ("data-river-class", String(rank)), ("d", d)]))
        }
        return (nodes, intermittent)
    }
}
