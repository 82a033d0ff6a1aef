import Foundation
import Geometry
import Topology
import Projection

/// Where and how a map is drawn: its CRS and PROJ transformation, the projected extent fitted to
/// the SVG frame, the georeference between them, the header and footer around the frame, and the
/// frame's longitude/latitude bounds. Built once from the scene and the options; every map element
/// reads it and none changes it.
///
/// Not `Sendable`: it holds a `Projection`, a PROJ transformation that is used from one thread
/// only. A frame is made and used within one `MapRenderer.render` call.
struct MapFrame {
    /// Height of the title block above the frame, px.
    static let headerHeight = 66.0
    /// Height of a panel's title line above its frame, px.
    static let panelHeaderHeight = 22.0
    /// With neither incidents nor a bbox, the map shows 800 × 600 km around its centre: a
    /// regional map's size, wide enough for a province and its neighbours.
    static let emptyHalfWidth = 400_000.0, emptyHalfHeight = 300_000.0
    /// Incidents are padded by 30% of their extent's larger side, and by at least as much as that
    /// side up to 160 km, and 50 km: a single incident or a tight cluster still shows the towns and
    /// borders around it, and a city's or a strip's incidents (Gaza's 40 km) are not lost in the
    /// middle of a frame 360 km wide.
    static let padFraction = 0.3, minimumPad = 160_000.0, smallestPad = 50_000.0

    /// The pad around incidents whose extent's larger side is `side` (projected metres).
    static func pad(forSide side: Double) -> Double {
        max(padFraction * side, min(minimumPad, max(smallestPad, side)))
    }
    /// A world map's margin around its incidents, as a fraction of the globe's drawn width.
    static let worldPadFraction = 0.03

    /// The map CRS as given to PROJ.
    let crs: String
    /// The meridian where a world projection of the default CRS cuts the globe (opposite its
    /// centre): areas and lines that cross it are split there before projecting. Nil for a local
    /// projection, or a CRS the user chose.
    let cutMeridian: Double?
    /// Longitude/latitude to the map CRS.
    let projection: Projection
    /// The projected extent, fitted to the frame's aspect ratio.
    let extent: BoundingBox
    /// Projected metres to SVG px; its `lonLatBounds` are the frame's (east beyond 180° when the
    /// frame crosses the antimeridian).
    let georef: Georeference
    /// The height the frame leaves under it for the key and attribution, px (see `KeyLayout.provisional`),
    /// at most 30% of the map's height.
    let footerHeight: Double
    /// Indices into the scene's incidents of the distant outliers that lie outside the frame
    /// (see `Outliers`), ascending: drawn as arrows at the frame's edge, not as markers.
    let offMap: [Int]

    /// The map frame in SVG px.
    var frame: BoundingBox { georef.frame }
    /// Longitude/latitude bounds of the frame; `maxX` may exceed 180 across the antimeridian.
    var lonLatBounds: BoundingBox { georef.lonLatBounds }
    /// Labels stay inside this box.
    var labelBounds: BoundingBox { frame.expanded(dx: -4, dy: -4) }
    /// Areas and lines are clipped to this box, a little outside the frame so no edge shows.
    var clipBox: BoundingBox { frame.expanded(dx: 3, dy: 3) }

    /// The CRS of a map of `scene`: as asked, else centred on the core of its incidents (the
    /// azimuthal equidistant, or Equal Earth for data spread over a hemisphere); with the meridian a
    /// world projection cuts the globe at, and the outliers left out of the core.
    static func crs(scene: MapScene, options: MapOptions) -> (crs: String, cutMeridian: Double?, outliers: [Int]) {
        MapFrame.crs(locations: scene.incidents.map(\.location), counts: scene.incidents.map(\.count), borders: scene.borders, options: options)
    }

    /// The CRS for markers at `locations` standing for `counts` incidents each (`borders` centre
    /// the map when there are none).
    static func crs(locations: [LonLat], counts: [Int], borders: [SceneBorder], options: MapOptions) -> (crs: String, cutMeridian: Double?, outliers: [Int]) {
        let outliers = Outliers.indices(locations: locations, counts: counts, options: options)
        let out = Set(outliers)
        let core = outliers.isEmpty ? locations : locations.indices.filter { !out.contains($0) }.map { locations[$0] }
        let center = MapFrame.dataCenter(points: core, borders: borders, options: options)
        if options.crs == nil, let lon0 = MapFrame.worldCentre(points: core, options: options, center: center) {
            // Incidents spread over a hemisphere or more: an azimuthal projection would tear the far side
            // apart, so the world is drawn in Equal Earth (equal-area, as thematic world maps are).
            return ("+proj=eqearth +lon_0=\(NumberFormat.fixed(lon0, 0)) +datum=WGS84 +units=m +no_defs +type=crs",
                    lon0 > 0 ? lon0 - 180 : lon0 + 180, outliers)
        }
        return (options.crs ?? MapRenderer.defaultCRS(center: center), nil, outliers)
    }

    init(scene fullScene: MapScene, options: MapOptions) throws {
        // The frame fits the core of the incidents; a few distant outliers get arrows instead.
        let chosen = MapFrame.crs(scene: fullScene, options: options)
        let outliers = chosen.outliers
        let scene = Outliers.core(fullScene, outliers: outliers)
        let center = MapFrame.dataCenter(scene: scene, options: options)
        crs = chosen.crs
        cutMeridian = chosen.cutMeridian
        projection = try Projection(from: "EPSG:4326", to: crs)
        // However long the key, the map keeps at least 70% of the height: the SVG grows instead.
        footerHeight = options.panel ? 0 : min(KeyLayout.provisional(scene: fullScene, options: options).height, (0.3 * options.height).rounded())
        let header = options.panel ? MapFrame.panelHeaderHeight : MapFrame.headerHeight
        let frame = BoundingBox(minX: 0, minY: header, maxX: options.width, maxY: max(header + (options.panel ? 100 : 200), options.height - footerHeight))

        // Extent in projected units.
        var extent: BoundingBox
        if let b = options.bbox {
            let q = try projection.forwardBounds(minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY)
            extent = BoundingBox(minX: q.minX, minY: q.minY, maxX: q.maxX, maxY: q.maxY)
        } else if !scene.incidents.isEmpty {
            var xs = scene.incidents.map(\.location.lon), ys = scene.incidents.map(\.location.lat)
            try projection.forward(xs: &xs, ys: &ys)
            extent = BoundingBox(points: zip(xs, ys).map { XY(x: $0, y: $1) })!
            if let cut = cutMeridian, let globe = MapFrame.worldBounds(projection, centralMeridian: cut + 180) {
                // A world map: the world is the context. A margin of 30 % of the data's span around
                // incidents spread over the globe had drawn it across two fifths of the frame's width.
                let pad = MapFrame.worldPadFraction * max(globe.width, globe.height)
                let padded = extent.expanded(dx: pad, dy: pad)
                extent = BoundingBox(minX: max(padded.minX, globe.minX - pad), minY: max(padded.minY, globe.minY - pad),
                                     maxX: min(padded.maxX, globe.maxX + pad), maxY: min(padded.maxY, globe.maxY + pad))
            } else {
                let pad = MapFrame.pad(forSide: max(extent.width, extent.height))
                extent = extent.expanded(dx: pad, dy: pad)
            }
        } else {
            let c = try projection.forward(center.lon, center.lat)
            extent = BoundingBox(minX: c.x - MapFrame.emptyHalfWidth, minY: c.y - MapFrame.emptyHalfHeight,
                                 maxX: c.x + MapFrame.emptyHalfWidth, maxY: c.y + MapFrame.emptyHalfHeight)
        }
        // Fit the extent to the frame's aspect ratio, keeping its centre.
        let scale = min(frame.width / extent.width, frame.height / extent.height)
        let halfW = frame.width / scale / 2, halfH = frame.height / scale / 2
        let c = extent.center
        self.extent = BoundingBox(minX: c.x - halfW, minY: c.y - halfH, maxX: c.x + halfW, maxY: c.y + halfH)
        // Longitude/latitude bounds of the frame; all of the globe when PROJ cannot invert it.
        var lonLat = BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)
        if let q = try? projection.inverseBounds(minX: c.x - halfW, minY: c.y - halfH, maxX: c.x + halfW, maxY: c.y + halfH) {
            // Across the antimeridian PROJ gives west > east: unwrap east past 180°.
            lonLat = BoundingBox(minX: q.minX, minY: q.minY, maxX: q.maxX < q.minX ? q.maxX + 360 : q.maxX, maxY: q.maxY)
        }
        georef = Georeference(crs: crs, scale: scale, originX: c.x - halfW, originY: c.y + halfH, frame: frame, lonLatBounds: lonLat)
        // An outlier the frame happens to reach is drawn as a marker like any other.
        let toMap = projection, toSVG = georef
        offMap = outliers.filter { i in
            let p = fullScene.incidents[i].location
            guard let q = try? toMap.forward(p.lon, p.lat), q.x.isFinite, q.y.isFinite else { return true }
            return !frame.contains(toSVG.svg(x: q.x, y: q.y))
        }
    }

    /// The projected bounds of the whole globe in a world projection centred on `centralMeridian`
    /// (its equator's ends and its poles), or nil when PROJ cannot project them.
    static func worldBounds(_ projection: Projection, centralMeridian lon0: Double) -> BoundingBox? {
        let edge = 179.999999
        let points = [(lon0 - edge, 0.0), (lon0 + edge, 0.0), (lon0, 90.0), (lon0, -90.0)].compactMap { p -> XY? in
            guard let q = try? projection.forward(p.0, p.1), q.x.isFinite, q.y.isFinite else { return nil }
            return XY(x: q.x, y: q.y)
        }
        return points.count == 4 ? BoundingBox(points: points) : nil
    }

    /// Whether the data asks for a world map, and its central meridian: incidents (or a bbox) spanning
    /// more than 100° of longitude the short way or 70° of latitude. The centre is the data's, to 10°.
    static func worldCentre(scene: MapScene, options: MapOptions, center: LonLat) -> Double? {
        worldCentre(points: scene.incidents.map(\.location), options: options, center: center)
    }

    static func worldCentre(points incidents: [LonLat], options: MapOptions, center: LonLat) -> Double? {
        let points: [LonLat]
        if let b = options.bbox { points = [LonLat(lon: b.minX, lat: b.minY), LonLat(lon: b.maxX, lat: b.maxY)] } else { points = incidents }
        guard let b = BoundingBox(points: points.map { XY(x: $0.lon, y: $0.lat) }) else { return nil }
        let shifted = BoundingBox(points: points.map { XY(x: $0.lon < 0 ? $0.lon + 360 : $0.lon, y: $0.lat) })!
        let lonSpan = options.bbox != nil ? b.width : min(b.width, shifted.width)
        guard lonSpan > 100 || b.height > 70 else { return nil }
        var lon0 = (center.lon / 10).rounded() * 10
        if lon0 <= -180 { lon0 += 360 }
        return lon0
    }

    /// `polygons` with every polygon that crosses the cut meridian split there (a hair's width
    /// apart, so that no vertex lies on the seam PROJ may put on either side).
    func splitAtCut(_ polygons: [Polygon], engine: GeometryEngine) throws -> [Polygon] {
        guard let m = cutMeridian else { return polygons }
        return try polygons.flatMap { p -> [Polygon] in
            guard let b = Geometry.polygon(p).bounds, b.minX < m, b.maxX > m else { return [p] }
            let west = try engine.clip(.polygon(p), to: BoundingBox(minX: b.minX - 1, minY: b.minY - 1, maxX: m - 1e-7, maxY: b.maxY + 1))?.polygons ?? []
            let east = try engine.clip(.polygon(p), to: BoundingBox(minX: m + 1e-7, minY: b.minY - 1, maxX: b.maxX + 1, maxY: b.maxY + 1))?.polygons ?? []
            return west + east
        }
    }

    /// `line` cut where it crosses the cut meridian.
    func splitAtCut(line: [LonLat]) -> [[LonLat]] {
        guard let m = cutMeridian, let b = BoundingBox(points: line.map { XY(x: $0.lon, y: $0.lat) }), b.minX < m, b.maxX > m else { return [line] }
        let pts = line.map { XY(x: $0.lon, y: $0.lat) }
        let sides = [BoundingBox(minX: -540, minY: -90, maxX: m - 1e-7, maxY: 90), BoundingBox(minX: m + 1e-7, minY: -90, maxX: 540, maxY: 90)]
        return sides.flatMap { PlanarOps.clip(line: pts, to: $0) }.map { $0.map { LonLat(lon: $0.x, lat: $0.y) } }
    }

    /// Lines in longitude/latitude as the map draws them: cut at the cut meridian, projected to SVG
    /// px and clipped to the clip box.
    func svgLines(_ lines: [[LonLat]]) -> [[XY]] {
        lines.flatMap(splitAtCut(line:)).flatMap { PlanarOps.clip(line: toSVG($0), to: clipBox) }
    }

    /// The centre the default CRS is put on: the bbox's, else the incidents', else the borders',
    /// else (0, 0). Longitudes more than 180° apart are taken the short way, across the antimeridian.
    static func dataCenter(scene: MapScene, options: MapOptions) -> LonLat {
        dataCenter(points: scene.incidents.map(\.location), borders: scene.borders, options: options)
    }

    static func dataCenter(points incidents: [LonLat], borders: [SceneBorder], options: MapOptions) -> LonLat {
        if let b = options.bbox { return LonLat(lon: b.center.x, lat: b.center.y) }
        var points = incidents
        if points.isEmpty { points = borders.flatMap { $0.lines.flatMap { $0 } } }
        guard let b = BoundingBox(points: points.map { XY(x: $0.lon, y: $0.lat) }) else { return LonLat(lon: 0, lat: 0) }
        guard b.width > 180 else { return LonLat(lon: b.center.x, lat: b.center.y) }
        // Shifting the western longitudes by 360° may make the span shorter; keep whichever is.
        let shifted = BoundingBox(points: points.map { XY(x: $0.lon < 0 ? $0.lon + 360 : $0.lon, y: $0.lat) })!
        guard shifted.width < b.width else { return LonLat(lon: b.center.x, lat: b.center.y) }
        let lon = shifted.center.x > 180 ? shifted.center.x - 360 : shifted.center.x
        return LonLat(lon: lon, lat: shifted.center.y)
    }

    // MARK: Projection helpers

    /// Projects positions to SVG px; points PROJ cannot transform are dropped.
    func toSVG(_ pts: [LonLat]) -> [XY] {
        var xs = pts.map(\.lon), ys = pts.map(\.lat)
        projection.forwardAllowingFailures(xs: &xs, ys: &ys)
        var out: [XY] = []
        out.reserveCapacity(pts.count)
        for i in 0..<xs.count where xs[i].isFinite && ys[i].isFinite { out.append(georef.svg(x: xs[i], y: ys[i])) }
        return out
    }

    /// Projects one position to SVG px.
    func toSVG(_ p: LonLat) throws -> XY {
        let q = try projection.forward(p.lon, p.lat)
        return georef.svg(x: q.x, y: q.y)
    }

    /// The longitude/latitude of an SVG point, when PROJ can invert it.
    func lonLat(svg p: XY) -> LonLat? {
        let q = georef.projected(svg: p)
        guard let r = try? projection.inverse(q.x, q.y), r.x.isFinite, r.y.isFinite else { return nil }
        return LonLat(lon: r.x, lat: r.y)
    }

    /// Geographic filter: whether a geometry with these bounds can reach the frame (also one
    /// turn of the globe east or west, for frames across the antimeridian).
    func mayShow(_ b: BoundingBox?) -> Bool {
        guard let b else { return false }
        return [0.0, 360, -360].contains { b.offsetLon($0).intersects(reach) }
    }

    /// The longitude/latitude bounds with a degree's margin: PROJ finds the bounds of a projected
    /// box from points along its edges, and a curved edge may bulge past them between two.
    var reach: BoundingBox { lonLatBounds.expanded(dx: 1, dy: 1) }

    /// Whether a position lies within the frame's longitude/latitude bounds.
    func boundsContain(_ p: LonLat) -> Bool {
        [0.0, 360].contains { lonLatBounds.contains(XY(x: p.lon + $0, y: p.lat)) }
    }

    /// The ground distance across the middle of the frame, metres: geodesic between the midpoints of
    /// its left and right edges, else the projected width.
    var groundWidth: Double {
        let f = frame
        if let a = lonLat(svg: XY(x: f.minX, y: f.center.y)), let b = lonLat(svg: XY(x: f.center.x, y: f.center.y)),
           let e = lonLat(svg: XY(x: f.maxX, y: f.center.y)) {
            // Two halves, so that a frame wider than half the globe is not measured the short way round.
            return Geodesic.wgs84.inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat).distance
                + Geodesic.wgs84.inverse(lon1: b.lon, lat1: b.lat, lon2: e.lon, lat2: e.lat).distance
        }
        return extent.width
    }
}

private extension BoundingBox {
    func offsetLon(_ d: Double) -> BoundingBox {
        d == 0 ? self : BoundingBox(minX: minX + d, minY: minY, maxX: maxX + d, maxY: maxY)
    }
}
