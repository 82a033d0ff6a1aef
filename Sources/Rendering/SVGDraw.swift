import Foundation
import Geometry
import Topology

/// Small helpers every map element writes its SVG with: one-decimal numbers, label boxes,
/// path data and area label points. Pure functions of their arguments.
enum SVGDraw {
    /// A number with one decimal, as every coordinate in the SVG is written.
    static func n(_ v: Double) -> String { NumberFormat.fixed(v, 1) }

    /// "x y width height" of a label's box, recorded so that overlap can be checked from the SVG alone.
    static func box(_ b: BoundingBox) -> String { "\(n(b.minX)) \(n(b.minY)) \(n(b.width)) \(n(b.height))" }

    /// A `rect` of `class` covering `b`.
    static func rect(_ cls: String, _ b: BoundingBox) -> SVGNode {
        .el("rect", [("class", cls), ("x", n(b.minX)), ("y", n(b.minY)), ("width", n(b.width)), ("height", n(b.height))])
    }

    /// Path data of polygons from an area pipeline (already simplified and on the 0.1 px grid):
    /// each exterior, then its holes, one decimal. Exteriors have positive shoelace area in SVG
    /// axes and holes negative, so the nonzero fill rule leaves the holes empty.
    static func path(polygons: [Polygon]) -> String {
        var d: [UInt8] = []
        for ring in polygons.flatMap(\.rings) where ring.count >= 4 {
            for (i, q) in ring.dropLast().enumerated() {
                d.append(UInt8(ascii: i == 0 ? "M" : "L"))
                NumberFormat.append(q.lon, 1, to: &d)
                d.append(UInt8(ascii: ","))
                NumberFormat.append(q.lat, 1, to: &d)
            }
            d.append(UInt8(ascii: "Z"))
        }
        return String(decoding: d, as: UTF8.self)
    }

    /// Path data of lines in SVG px, simplified to 0.35 px.
    static func path(lines: [[XY]]) -> String {
        var d: [UInt8] = []
        for line in lines {
            let simple = PlanarOps.simplify(line, epsilon: 0.35)
            guard simple.count >= 2 else { continue }
            for (i, q) in simple.enumerated() {
                d.append(UInt8(ascii: i == 0 ? "M" : "L"))
                NumberFormat.append(q.x, 1, to: &d)
                d.append(UInt8(ascii: ","))
                NumberFormat.append(q.y, 1, to: &d)
            }
        }
        return String(decoding: d, as: UTF8.self)
    }

    /// Where to label an area: a point well inside its largest exterior, and the room around it.
    static func labelPoint(_ polygons: [Polygon], grid: Int = 24) -> (XY, Double)? {
        let rings = polygons.map { $0.exterior.map { XY(x: $0.lon, y: $0.lat) } }
        return rings.max(by: { PlanarOps.area($0) < PlanarOps.area($1) }).flatMap { PlanarOps.interiorPoint($0, grid: grid) }
    }

    /// An id and class prefix safe in XML names and CSS selectors.
    static func sanitizePrefix(_ s: String) -> String {
        let allowed = s.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }
        var out = String(String.UnicodeScalarView(allowed))
        if let f = out.unicodeScalars.first, !CharacterSet.letters.contains(f) { out = "m" + out }
        return out
    }
}
