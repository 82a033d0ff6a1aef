import Foundation
import Geometry

/// The legend panel: one row per symbol the map uses, then, when markers merge incidents, circles
/// of the sizes the map draws for a few counts. Borders, province boundaries and capitals are
/// listed only when some are drawn inside the frame. It sits at the frame's lower left, unless
/// markers lie there and a free corner (lower right above the scale bar, upper right below the
/// north arrow) exists; where every corner would cover an incident, it goes below the frame.
enum LegendElement {
    /// The panel, the box it covers (in SVG px) and the corner it took. Without the capital row
    /// the panel is as wide or narrower and one row lower; given the same `corner`, it lies inside
    /// the box of the one with it.
    static func build(_ scene: MapScene, options: MapOptions, frame: MapFrame, markers: IncidentsElement, drawsBorders: (plain: Bool, emphasis: Bool), drawsDisputed: Bool = false, drawsProvinces: Bool, drawsDistricts: Bool = false, rivers: (drawn: Bool, intermittent: Bool) = (false, false),
                      drawsCapital: Bool, corner fixed: Int? = nil, under top: Double? = nil, shaded: [BoundingBox] = [], p: String) -> (node: SVGNode, box: BoundingBox, corner: Int) {
        let n = SVGDraw.n
        let ui = options.language.ui
        var rows: [([SVGNode], String)] = []
        let styles = Set(scene.incidents.map(\.style))
        if styles.contains(.strike) {
            rows.append(([.el("circle", [("class", "\(p)marker-strike"), ("cx", "0"), ("cy", "0"), ("r", "6")])], ui.strike))
        }
        if styles.contains(.explosion) {
            rows.append(([.el("path", [("class", "\(p)marker-explosion"), ("d", "M0,-8L7,5L-7,5Z")])], ui.bombing))
        }
        if styles.contains(.other) {
            rows.append(([.el("path", [("class", "\(p)marker-other"), ("d", "M0,-7L7,0L0,7L-7,0Z")])], ui.other))
        }
        if scene.incidents.contains(where: { $0.uncertaintyKm > 0 }) {
            rows.append(([.el("circle", [("class", "\(p)uncertainty"), ("cx", "0"), ("cy", "0"), ("r", "7")])], ui.approximate))
        }
        if scene.incidents.contains(where: { $0.origin != nil }) {
            rows.append(([.el("path", [("class", "\(p)arrow"), ("d", "M-9,0L7,0"), ("marker-end", "url(#\(p)arrowhead)")])], ui.direction))
        }
        // One row for both styles of an international border drawn: the line between the incidents'
        // countries, emphasised, above the others' dash-dot line.
        switch drawsBorders {
        case (true, true):
            rows.append(([.el("path", [("class", "\(p)border \(p)emphasis"), ("d", "M-10,-3L10,-3")]),
                          .el("path", [("class", "\(p)border"), ("d", "M-10,3L10,3")])], ui.border))
        case (false, true):
            rows.append(([.el("path", [("class", "\(p)border \(p)emphasis"), ("d", "M-10,0L10,0")])], ui.border))
        case (true, false):
            rows.append(([.el("path", [("class", "\(p)border"), ("d", "M-10,0L10,0")])], ui.border))
        case (false, false): break
        }
        if drawsDisputed {
            rows.append(([.el("path", [("class", "\(p)border \(p)disputed"), ("d", "M-10,0L10,0")])], ui.disputed))
        }
        if drawsProvinces {
            rows.append(([.el("path", [("class", "\(p)province"), ("d", "M-10,0L10,0")])], ui.province))
        }
        if drawsDistricts {
            rows.append(([.el("path", [("class", "\(p)district"), ("d", "M-10,0L10,0")])], ui.district))
        }
        if rivers.drawn {
            rows.append(([.el("path", [("class", "\(p)river \(p)river-medium"), ("d", "M-10,2C-4,-5,2,6,10,-2")])], ui.river))
        }
        if rivers.intermittent {
            rows.append(([.el("path", [("class", "\(p)river \(p)river-medium \(p)intermittent"), ("d", "M-10,2C-4,-5,2,6,10,-2")])], ui.intermittentRiver))
        }
        if let c = scene.choropleth {
            rows.append(([], (c.unit == .province ? AggregateText.perProvince : .perDistrict).text(in: options.language, ["method": .text(c.method)])))
            for (k, label) in c.classLabels(options.language).enumerated() {
                rows.append(([.el("rect", [("class", "\(p)province \(p)choropleth-\(k)"), ("x", "-9"), ("y", "-6"), ("width", "18"), ("height", "12")])], label))
            }
            rows.append(([.el("rect", [("class", "\(p)land"), ("x", "-9"), ("y", "-6"), ("width", "18"), ("height", "12")])], ui.none))
        }
        rows.append((PlacesElement.symbol(capital: false, at: XY(x: 0, y: 0), p: p), ui.town))
        if drawsCapital {
            rows.append((PlacesElement.symbol(capital: true, at: XY(x: 0, y: 0), p: p), ui.capital))
        }
        let sizes = sizeRows(markers, binned: options.binCellKm, language: options.language)
        let sizesHeight = sizes.map { 26 + 2 * $0.circles[0].r } ?? 0
        let sizeTitle = sizes.map { $0.title } ?? ""
        let width = max(30 + (rows.map { TextMetrics.width($0.1, size: 11) }.max() ?? 100) + 12, TextMetrics.width(sizeTitle, size: 11) + 22)
        let height = 26 + Double(rows.count) * 18 + sizesHeight
        let spots = corners(width: width, height: height, frame: frame)
        let chosen = fixed ?? corner(spots, width: width, height: height, frame: frame, markers: markers.groups, shaded: shaded)
        // Mirrored on a right-to-left map: symbols on the right, text right-aligned beside them.
        let rtl = options.language.isRightToLeft
        // Below the frame (`top`): at the side the text starts from.
        let (x, y) = top.map { (rtl ? frame.frame.maxX - width - 10 : frame.frame.minX + 10, $0) } ?? spots[chosen]
        let at = { (inset: Double) in NameLabel.start(inset, width: width, options: options) }
        var children: [SVGNode] = [
            .el("rect", [("class", "\(p)panel"), ("x", "0"), ("y", "0"), ("width", n(width)), ("height", n(height)), ("rx", "3")]),
            NameLabel.text(ui.legend, cls: "\(p)legend-title", x: at(10).x, y: 17, anchor: at(10).anchor, options: options, p: p),
        ]
        for (i, (symbol, label)) in rows.enumerated() {
            let cy = 32 + Double(i) * 18
            children.append(.el("g", [("transform", "translate(\(n(at(20).x)),\(n(cy)))")], symbol))
            children.append(NameLabel.text(label, cls: "\(p)legend-text", x: at(36).x, y: cy + 4, anchor: at(36).anchor, options: options, p: p))
        }
        if let sizes {
            let top = 26 + Double(rows.count) * 18
            children.append(NameLabel.text(sizes.title, cls: "\(p)legend-text", x: at(10).x, y: top + 10, anchor: at(10).anchor, options: options, p: p))
            let rMax = sizes.circles[0].r, base = top + 18 + 2 * rMax
            for c in sizes.circles {
                let cx = at(14 + rMax).x, tip = at(24 + 2 * rMax).x, text = at(28 + 2 * rMax)
                children.append(.el("circle", [("class", "\(p)legend-size"), ("cx", n(cx)), ("cy", n(base - c.r)), ("r", n(c.r))]))
                children.append(.el("line", [("class", "\(p)leader"), ("x1", n(cx)), ("y1", n(base - 2 * c.r)), ("x2", n(tip)), ("y2", n(base - 2 * c.r))]))
                children.append(.el("text", [("class", "\(p)legend-text"), ("x", n(text.x)), ("y", n(base - 2 * c.r + 4))] + (rtl ? [("text-anchor", "end")] : []),
                                    [.text(options.language.number(c.count))]))
            }
        }
        return (.el("g", [("id", "\(p)layer-legend"), ("transform", "translate(\(n(x)),\(n(y)))")], children),
                BoundingBox(minX: x, minY: y, maxX: x + width, maxY: y + height), chosen)
    }

    /// How many of the shaded units (their boxes on the map) a panel at `box` would hide: those
    /// it covers more than half of. A map of provinces or districts shaded by their incidents
    /// has no markers to keep clear of; its shaded units are what it shows.
    static func hidden(under box: BoundingBox, _ shaded: [BoundingBox]) -> Int {
        shaded.filter { u in
            let w = min(u.maxX, box.maxX) - max(u.minX, box.minX), h = min(u.maxY, box.maxY) - max(u.minY, box.minY)
            return w > 0 && h > 0 && w * h > 0.5 * max(u.width * u.height, 1e-9)
        }.count
    }

    /// Circles for up to three counts (the largest marker's, and rounder ones of a tenth and a
    /// hundredth of it, or 1), as large as the map draws them, when some marker stands for several incidents.
    static func sizeRows(_ markers: IncidentsElement, binned cell: Double?, language: MapLanguage = .en) -> (title: String, circles: [(count: Int, r: Double)])? {
        let largest = markers.groups.map(\.count).max() ?? 1
        guard largest > 1 else { return nil }
        var counts = [largest]
        for fraction in [10.0, 100.0] {
            let v = Double(largest) / fraction
            guard v >= 1 else { break }
            let magnitude = pow(10, (log10(v)).rounded(.down))
            let nice = [1.0, 2, 5, 10].map { $0 * magnitude }.min { abs($0 - v) < abs($1 - v) }!
            counts.append(Int(nice))
        }
        if counts.last! > 1 && counts.count < 3 { counts.append(1) }
        var circles: [(count: Int, r: Double)] = []
        for c in counts where circles.last.map({ $0.r - markers.layout.radius(c) >= 6 && $0.count != c }) ?? true {
            circles.append((c, markers.layout.radius(c)))
        }
        let title = cell.map { AggregateText.cellSizes.text(in: language, ["size": .text(language.rounded($0))]) } ?? language.ui.atOnePlace
        return (title, circles)
    }

    /// The panel's possible top left corners: the frame's lower left, its lower right (above the
    /// scale bar) and its upper right (below the north arrow).
    static func corners(width: Double, height: Double, frame: MapFrame) -> [(Double, Double)] {
        let f = frame.frame
        return [(f.minX + 10, f.maxY - height - 10), (f.maxX - width - 10, f.maxY - height - 62), (f.maxX - width - 10, f.minY + 64)]
    }

    /// The first of `spots` with no marker under the panel, else the one over fewest incidents.
    static func corner(_ spots: [(Double, Double)], width: Double, height: Double, frame: MapFrame, markers: [MarkerGroup],
                       shaded: [BoundingBox] = []) -> Int {
        func covered(_ s: (Double, Double)) -> Int {
            let box = BoundingBox(minX: s.0, minY: s.1, maxX: s.0 + width, maxY: s.1 + height)
            guard box.minY >= frame.frame.minY else { return Int.max }
            return MarkerGroup.incidents(under: box, markers) + hidden(under: box, shaded)
        }
        return spots.indices.min { (covered(spots[$0]), $0) < (covered(spots[$1]), $1) }!
    }
}
