import Foundation
import Geometry
import Projection

/// A geodesic scale bar at the frame's lower right (its lower left, or below the frame, where an
/// incident lies under it): the ground length of a horizontal run of pixels at the map's centre,
/// in round km.
struct ScaleBarElement: Sendable {
    /// Ground km per px along the frame's centre line.
    let kmPerPx: Double
    /// The bar's length in km: the largest 1, 2 or 5 × 10ⁿ km not longer than 160 px.
    let km: Double
    /// The bar's length in px.
    var px: Double { km / kmPerPx }

    init(frame: MapFrame) {
        let c = frame.frame.center
        var kmPerPx = 1.0
        if let a = frame.lonLat(svg: XY(x: c.x - 50, y: c.y)), let b = frame.lonLat(svg: XY(x: c.x + 50, y: c.y)) {
            kmPerPx = Geodesic.wgs84.distance(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat) / 1000 / 100
        }
        self.kmPerPx = kmPerPx
        var length = 1.0
        let target = 160 * kmPerPx
        var magnitude = pow(10, floor(log10(target)))
        outer: while true {
            for m in [5.0, 2.0, 1.0] where m * magnitude <= target { length = m * magnitude; break outer }
            magnitude /= 10
        }
        km = length
    }

    /// The panel's width and height (px).
    func size(options: MapOptions) -> (w: Double, h: Double) {
        // The language's unit may be longer than "km": the panel widens to hold the end label.
        let extra = options.language == .en ? 0 : max(0, (TextMetrics.width(endLabel(options), size: 10.5) / 2 - 20).rounded(.up))
        // …and to hold the line under the bar, in every language (a short bar on a narrow map
        // left English's "geodesic, at map centre" over the frame's edge).
        let under = TextMetrics.width(options.language.ui.geodesic, size: 10.5) + 12
        return (max(px + 40 + extra, under.rounded(.up)), 42)
    }

    func endLabel(_ options: MapOptions) -> String {
        options.language.digits(NumberFormat.fixed(km, km < 10 ? 1 : 0)) + " " + options.language.ui.km
    }

    /// The panel at `origin` (its top left; default the frame's lower right), kept clear of the labels.
    func build(frame: MapFrame, options: MapOptions = MapOptions(), p: String, placer: inout LabelPlacer, origin: XY? = nil) -> SVGNode {
        let n = SVGDraw.n
        let f = frame.frame
        let px = self.px
        let endLabel = endLabel(options)
        let (w, h) = size(options: options)
        let x = origin?.x ?? f.maxX - w - 10, y = origin?.y ?? f.maxY - h - 10
        placer.block(BoundingBox(minX: x, minY: y, maxX: x + w, maxY: y + h))
        let label = { (v: Double) -> String in NumberFormat.fixed(v, v < 10 ? 1 : 0) }
        let language = options.language, ui = language.ui
        return .el("g", [("id", "\(p)scale-bar"), ("transform", "translate(\(n(x)),\(n(y)))"),
                         ("data-km", label(km)), ("data-px", n(px))], [
            .el("rect", [("class", "\(p)panel"), ("x", "0"), ("y", "0"), ("width", n(w)), ("height", n(h)), ("rx", "3")]),
            .el("rect", [("class", "\(p)scale-bar"), ("x", "20"), ("y", "22"), ("width", n(px / 2)), ("height", "5")]),
            .el("rect", [("class", "\(p)scale-bar-alt"), ("x", n(20 + px / 2)), ("y", "22"), ("width", n(px / 2)), ("height", "5")]),
            .el("text", [("class", "\(p)scale-text"), ("x", "20"), ("y", "16"), ("text-anchor", "middle")], [.text(language.digits("0"))]),
            .el("text", [("class", "\(p)scale-text"), ("x", n(20 + px / 2)), ("y", "16"), ("text-anchor", "middle")], [.text(language.digits(label(km / 2)))]),
            NameLabel.text(endLabel, cls: "\(p)scale-text", x: 20 + px, y: 16, anchor: "middle", options: options, p: p),
            NameLabel.text(ui.geodesic, cls: "\(p)scale-text", x: w / 2, y: 38, anchor: "middle", options: options, p: p),
        ])
    }
}
