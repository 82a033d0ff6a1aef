import Foundation
import Geometry

/// A north arrow at the frame's top right, turned to true north at the map's centre.
enum NorthArrowElement {
    static func build(frame: MapFrame, options: MapOptions = MapOptions(), p: String, placer: inout LabelPlacer) throws -> SVGNode {
        let f = frame.frame
        var angle = 0.0
        if let ll = frame.lonLat(svg: f.center) {
            let a = try frame.toSVG(ll)
            let b = try frame.toSVG(LonLat(lon: ll.lon, lat: min(ll.lat + 0.1, 89.9)))
            angle = atan2(b.x - a.x, a.y - b.y) * 180 / .pi
        }
        let x = f.maxX - 30, y = f.minY + 34
        placer.block(BoundingBox(minX: x - 16, minY: y - 26, maxX: x + 16, maxY: y + 20))
        return .el("g", [("id", "\(p)north-arrow"), ("transform", "translate(\(SVGDraw.n(x)),\(SVGDraw.n(y))) rotate(\(NumberFormat.fixed(angle, 2)))")], [
            .el("path", [("class", "\(p)north"), ("d", "M0,-18L7,8L0,3L-7,8Z")]),
            NameLabel.text(GeoText.northArrow.text(in: options.language), cls: "\(p)north", x: 0, y: -21, anchor: "middle", options: options, p: p),
        ])
    }
}
