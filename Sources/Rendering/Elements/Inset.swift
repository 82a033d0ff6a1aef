import Foundation
import Geometry
import Projection
import Topology

/// A locator map of the wider area at the frame's top left (another corner when incidents lie
/// there), with the main map's extent outlined.
///
/// Its span follows the main map: `spanFactor` times the main map's ground width, so the outline
/// of the main map is about a quarter of the locator's width, a rectangle one can see with the
/// neighbouring countries around it. It is clamped to `minimumSpan`, so that a city-sized map
/// still shows its country and the next, and to `maximumSpan`, because a continental map needs
/// only its continent around it and an azimuthal equidistant locator much wider than that is
/// visibly stretched at its edges.
enum InsetElement {
    static let spanFactor = 4.0
    static let minimumSpan = 1_500_000.0, maximumSpan = 12_000_000.0

    /// The ground width (metres) the locator shows around a main map `mainGroundWidth` metres wide.
    static func span(mainGroundWidth: Double) -> Double {
        guard mainGroundWidth.isFinite else { return maximumSpan }
        return min(max(spanFactor * mainGroundWidth, minimumSpan), maximumSpan)
    }

    /// The locator's box in SVG px: at most 210 px wide, 4:3, inside the frame's top left corner.
    static func box(frame: MapFrame) -> BoundingBox {
        let f = frame.frame
        let w = min(210.0, f.width * 0.26), h = w * 0.75
        return BoundingBox(minX: f.minX + 10, minY: f.minY + 10, maxX: f.minX + 10 + w, maxY: f.minY + 10 + h)
    }

    /// The locator's box for a map with `markers`: the top left corner, unless markers lie there
    /// and the top right (below the north arrow) or the lower right (above the scale bar) is free
    /// of them and of the legend; else the corner over the fewest incidents.
    static func box(frame: MapFrame, markers: [MarkerGroup], avoiding legend: BoundingBox) -> BoundingBox {
        let first = box(frame: frame), f = frame.frame
        let w = first.width, h = first.height
        let spots = [first, BoundingBox(minX: f.maxX - 10 - w, minY: f.minY + 64, maxX: f.maxX - 10, maxY: f.minY + 64 + h),
                     BoundingBox(minX: f.maxX - 10 - w, minY: f.maxY - 62 - h, maxX: f.maxX - 10, maxY: f.maxY - 62)]
        func covered(_ b: BoundingBox) -> Int {
            guard b.minY >= f.minY, !b.intersects(legend) else { return Int.max }
            return MarkerGroup.incidents(under: b, markers)
        }
        return spots.indices.min { (covered(spots[$0]), $0) < (covered(spots[$1]), $1) }.map { spots[$0] } ?? first
    }

    static func build(_ scene: MapScene, frame: MapFrame, box rect: BoundingBox, options: MapOptions = MapOptions(), p: String,
                      placer: inout LabelPlacer) throws -> SVGNode? {
        let n = SVGDraw.n
        guard rect.width >= 80 else { return nil }
        let x = rect.minX, y = rect.minY, w = rect.width, h = rect.height
        let f = frame.frame
        // The main frame's outline in longitude/latitude.
        var outline: [LonLat] = []
        for i in 0..<160 {
            let t = Double(i % 40) / 40
            let q: XY
            switch i / 40 {
            case 0: q = XY(x: f.minX + t * f.width, y: f.minY)
            case 1: q = XY(x: f.maxX, y: f.minY + t * f.height)
            case 2: q = XY(x: f.maxX - t * f.width, y: f.maxY)
            default: q = XY(x: f.minX, y: f.maxY - t * f.height)
            }
            if let ll = frame.lonLat(svg: q) { outline.append(ll) }
        }
        guard outline.count > 3 else { return nil }
        // Centred on the main map's centre.
        let b = frame.lonLatBounds
        let center = frame.lonLat(svg: f.center) ?? LonLat(lon: (b.minX + b.maxX) / 2, lat: (b.minY + b.maxY) / 2)
        let insetProjection = try Projection(from: "EPSG:4326", to: MapRenderer.defaultCRS(center: center))
        let halfW = span(mainGroundWidth: frame.groundWidth) / 2, halfH = halfW * h / w
        let scale = w / (2 * halfW)
        func toInset(_ pts: [LonLat]) -> [XY] {
            var xs = pts.map(\.lon), ys = pts.map(\.lat)
            insetProjection.forwardAllowingFailures(xs: &xs, ys: &ys)
            return zip(xs, ys).compactMap { px, py in
                px.isFinite && py.isFinite ? XY(x: x + (px + halfW) * scale, y: y + (halfH - py) * scale) : nil
            }
        }
        var children: [SVGNode] = [SVGDraw.rect("\(p)sea", rect)]
        var labels: [SVGNode] = []
        // The locator is coarser: 0.6 px simplification, same 0.1 px grid.
        let insetAreas = try PolygonPipeline(box: rect, decimals: 1)
        // Only the countries that can reach the locator (within its diagonal of the centre, plus a
        // margin), in their small-scale form: the world at full detail would be projected for a few
        // hundred pixels otherwise.
        let reachKm = 1.2 * (halfW * halfW + halfH * halfH).squareRoot() / 1000
        let reaching = scene.countries.filter { InsetElement.mayReach($0.geometry.bounds, center: center, km: reachKm) }
        // Projected, then simplified to 0.6 px with each shared border simplified once for both its
        // countries (`SharedArcs`), before GEOS clips and repairs them: a locator spans thousands of
        // km, and the overviews' 2 km detail made it cost more than the main map.
        let project = { (ring: [LonLat]) in toInset(ring).map { LonLat(lon: $0.x, lat: $0.y) } }
        let projected = reaching.map { c in
            (c.overview ?? c.geometry).polygons.map { Polygon(exterior: project($0.exterior), holes: $0.holes.map(project)) }
        }
        let simplified = SharedArcs.simplify(projected, epsilon: 0.6)
        for (c, simple) in zip(reaching, simplified) {
            let polygons = try insetAreas.finish(insetAreas.clip(simple))
            guard !polygons.isEmpty else { continue }
            children.append(.el("path", [("class", "\(p)inset-land" + (c.focus ? " \(p)focus" : "")), ("d", SVGDraw.path(polygons: polygons))]))
            // Named in the map's language where the data has it (capitals mean nothing to the Arabic script).
            let name = c.shownName.uppercased()
            if let (pt, room) = SVGDraw.labelPoint(polygons, grid: 16), room > 9, TextMetrics.width(name, size: 8.5) < room * 2.6 {
                labels.append(NameLabel.text(name, cls: "\(p)inset-label \(p)halo-text", x: pt.x, y: pt.y + 3, anchor: "middle", options: options, p: p))
            }
        }
        var extent = toInset(outline)
        if let eb = BoundingBox(points: extent), eb.width < 5 || eb.height < 5 {
            // Too small to see: a 5 px square around it.
            let cx = eb.center.x, cy = eb.center.y
            extent = [XY(x: cx - 2.5, y: cy - 2.5), XY(x: cx + 2.5, y: cy - 2.5), XY(x: cx + 2.5, y: cy + 2.5), XY(x: cx - 2.5, y: cy + 2.5)]
        }
        let extentPath = "M" + extent.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: "L") + "Z"
        children += labels
        children.append(.el("path", [("class", "\(p)inset-extent"), ("d", extentPath)], [.el("title", [], [.text(GeoText.insetExtent.text(in: options.language))])]))
        children.append(SVGDraw.rect("\(p)frame", rect))
        placer.block(rect.expanded(dx: 4, dy: 4))
        return .el("g", [("id", "\(p)inset"), ("clip-path", "url(#\(p)inset-clip)")], children)
    }

    /// Whether any of `bounds` may lie within `km` of `center`: the geodesic distance (PROJ) to the
    /// nearest point of the box (clamped in latitude and, the shorter way round, in longitude).
    static func mayReach(_ bounds: BoundingBox?, center: LonLat, km: Double) -> Bool {
        guard let b = bounds else { return false }
        if b.width >= 359 { return abs(center.lat - min(max(center.lat, b.minY), b.maxY)) * 111.2 <= km }
        var best = Double.infinity
        for shift in [-360.0, 0, 360] {
            let lon = min(max(center.lon, b.minX + shift), b.maxX + shift)
            let lat = min(max(center.lat, b.minY), b.maxY)
            best = min(best, Geodesic.wgs84.distance(lon1: center.lon, lat1: center.lat, lon2: lon, lat2: lat) / 1000)
        }
        // Clamping is exact for latitude; in longitude the nearest point of a box edge can lie poleward
        // of the clamped one, by less than the box's height: that much margin keeps the test safe.
        return best <= km + b.height * 111.2
    }
}
