import Foundation
import Geometry
import Projection
import Topology

/// Draws a `MapScene` as a cartographic SVG map: countries, provinces,
/// international borders, towns, incident markers with labels, uncertainty
/// halos and strike arrows, a legend, a geodesic scale bar, a north arrow,
/// a title block, a numbered key of the incidents with their claims, and the
/// attribution. The output is a tree of `SVGNode`s written by one escaping
/// serializer; coordinates have one decimal, so output is deterministic.
public enum MapRenderer {
    /// Renders `scene`.
    /// - Throws: `ProjectionError` when PROJ rejects the CRS or cannot project the incidents.
    public static func render(_ scene: MapScene, options: MapOptions = MapOptions()) throws -> RenderedMap {
        var builder = try MapBuilder(scene: scene, options: options)
        return try builder.build()
    }

    /// The default map CRS for data centred on `center`: an azimuthal
    /// equidistant projection on WGS84 (distances from the centre are true).
    public static func defaultCRS(center: LonLat) -> String {
        "+proj=aeqd +lat_0=\(NumberFormat.fixed(center.lat, 2)) +lon_0=\(NumberFormat.fixed(center.lon, 2)) +datum=WGS84 +units=m +no_defs +type=crs"
    }
}

struct MapBuilder {
    let scene: MapScene
    let options: MapOptions
    let crs: String
    let projection: Projection
    let p: String  // id and class prefix
    var georef: Georeference
    var placer: LabelPlacer
    let headerHeight = 66.0
    let footerHeight: Double
    let keyLines: [(Int, [String])]
    let keyIndices: [Int]
    /// The largest count any marker stands for, and its scale (binned maps).
    var maxCount = 1
    var binMaxScale = 1.0
    let attributionLines: [String]

    init(scene: MapScene, options: MapOptions) throws {
        self.scene = scene
        self.options = options
        p = MapBuilder.sanitizePrefix(options.idPrefix)
        // The CRS: as asked, else centred on the data.
        let center: LonLat
        if let b = options.bbox {
            center = LonLat(lon: b.center.x, lat: b.center.y)
        } else if let b = BoundingBox(points: scene.incidents.map { XY(x: $0.location.lon, y: $0.location.lat) }) {
            center = LonLat(lon: b.center.x, lat: b.center.y)
        } else if let b = BoundingBox(points: scene.borders.flatMap { $0.lines.flatMap { $0 } }.map { XY(x: $0.lon, y: $0.lat) }) {
            center = LonLat(lon: b.center.x, lat: b.center.y)
        } else {
            center = LonLat(lon: 0, lat: 0)
        }
        crs = options.crs ?? MapRenderer.defaultCRS(center: center)
        projection = try Projection(from: "EPSG:4326", to: crs)

        // Footer: the incident key (wrapped) and the attribution.
        let textWidth = options.width - 56
        // The key describes the incidents that matter most when there are many; the rest are counted.
        let keyed = scene.incidents.enumerated().sorted { ($1.element.importance, $0.offset) < ($0.element.importance, $1.offset) }
            .prefix(max(0, options.maxKeyEntries)).map(\.offset).sorted()
        keyIndices = keyed
        var lines = keyed.map { (scene.incidents[$0].number, TextMetrics.wrap(scene.incidents[$0].keyText, size: 11, maxWidth: textWidth - 24)) }
        let omitted = scene.incidents.count - keyed.count
        if omitted > 0 {
            let what = options.binCellDegrees == nil ? "incident" : "cell"
            lines.append((0, ["… and \(omitted) more \(what)\(omitted == 1 ? "" : "s") on the map; every one is described in the marker tooltips (and each incident in the GeoJSON layer)."]))
        }
        keyLines = lines
        attributionLines = scene.attribution.flatMap { TextMetrics.wrap($0, size: 9.5, maxWidth: textWidth) }
        let keyHeight = keyLines.reduce(0.0) { $0 + Double($1.1.count) * 14 + 4 }
        footerHeight = 14 + keyHeight + Double(attributionLines.count) * 12.5 + 8
        let frame = BoundingBox(minX: 0, minY: headerHeight, maxX: options.width, maxY: max(headerHeight + 200, options.height - footerHeight))

        // Extent in projected metres.
        var extent: BoundingBox
        if let b = options.bbox {
            var pts: [XY] = []
            for i in 0...10 {
                let t = Double(i) / 10
                for ll in [LonLat(lon: b.minX + t * b.width, lat: b.minY), LonLat(lon: b.minX + t * b.width, lat: b.maxY),
                           LonLat(lon: b.minX, lat: b.minY + t * b.height), LonLat(lon: b.maxX, lat: b.minY + t * b.height)] {
                    let q = try projection.forward(ll.lon, ll.lat)
                    pts.append(XY(x: q.x, y: q.y))
                }
            }
            extent = BoundingBox(points: pts)!
        } else if !scene.incidents.isEmpty {
            var xs = scene.incidents.map(\.location.lon), ys = scene.incidents.map(\.location.lat)
            try projection.forward(xs: &xs, ys: &ys)
            extent = BoundingBox(points: zip(xs, ys).map { XY(x: $0, y: $1) })!
            let pad = max(0.3 * max(extent.width, extent.height), 160_000)
            extent = extent.expanded(dx: pad, dy: pad)
        } else {
            let c = try projection.forward(center.lon, center.lat)
            extent = BoundingBox(minX: c.x - 400_000, minY: c.y - 300_000, maxX: c.x + 400_000, maxY: c.y + 300_000)
        }
        // Fit the extent to the frame's aspect ratio, keeping its centre.
        let scale = min(frame.width / extent.width, frame.height / extent.height)
        let halfW = frame.width / scale / 2, halfH = frame.height / scale / 2
        let c = extent.center
        var geo = Georeference(crs: crs, scale: scale, originX: c.x - halfW, originY: c.y + halfH, frame: frame,
                               lonLatBounds: BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0))
        // Longitude/latitude bounds of the frame, sampled along its edges.
        var ll: [XY] = []
        for i in 0...40 {
            let t = Double(i) / 40
            for s in [XY(x: frame.minX + t * frame.width, y: frame.minY), XY(x: frame.minX + t * frame.width, y: frame.maxY),
                      XY(x: frame.minX, y: frame.minY + t * frame.height), XY(x: frame.maxX, y: frame.minY + t * frame.height)] {
                let q = geo.projected(svg: s)
                if let r = try? projection.inverse(q.x, q.y), r.x.isFinite, r.y.isFinite { ll.append(XY(x: r.x, y: r.y)) }
            }
        }
        geo.lonLatBounds = BoundingBox(points: ll) ?? BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)
        georef = geo
        placer = LabelPlacer(bounds: frame.expanded(dx: -4, dy: -4))
        if let cellDegrees = options.binCellDegrees {
            maxCount = scene.incidents.map(\.count).max() ?? 1
            // A cell's width in px at the map's centre: the largest marker spans about half of it.
            let c = LonLat(lon: (geo.lonLatBounds.minX + geo.lonLatBounds.maxX) / 2, lat: (geo.lonLatBounds.minY + geo.lonLatBounds.maxY) / 2)
            if let a = try? projection.forward(c.lon, c.lat), let b = try? projection.forward(c.lon + cellDegrees, c.lat) {
                let cellPx = abs(b.x - a.x) * geo.scale
                binMaxScale = max(0.6, min(3, cellPx * 0.5 / 8))
            }
        }
    }

    /// A marker's size relative to a single incident's. On a binned map the area grows with the
    /// count, the largest marker filling about half a cell.
    func markerScale(_ inc: SceneIncident) -> Double {
        guard options.binCellDegrees != nil else { return 1 }
        return max(0.3, binMaxScale * (Double(inc.count) / Double(max(1, maxCount))).squareRoot())
    }

    /// 7, 950, 1.2k, 15k: what fits in a marker.
    static func abbreviate(_ n: Int) -> String {
        n < 1000 ? String(n) : (n < 10_000 ? NumberFormat.fixed(Double(n) / 1000, 1) + "k" : String(n / 1000) + "k")
    }

    static func sanitizePrefix(_ s: String) -> String {
        let allowed = s.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }
        var out = String(String.UnicodeScalarView(allowed))
        if let f = out.unicodeScalars.first, !CharacterSet.letters.contains(f) { out = "m" + out }
        return out
    }

    // MARK: Projection helpers

    /// Projects positions to SVG units; points PROJ cannot transform are dropped.
    func toSVG(_ pts: [LonLat]) -> [XY] {
        var xs = pts.map(\.lon), ys = pts.map(\.lat)
        projection.forwardAllowingFailures(xs: &xs, ys: &ys)
        var out: [XY] = []
        out.reserveCapacity(pts.count)
        for i in 0..<xs.count where xs[i].isFinite && ys[i].isFinite { out.append(georef.svg(x: xs[i], y: ys[i])) }
        return out
    }

    func toSVG(_ p: LonLat) throws -> XY {
        let q = try projection.forward(p.lon, p.lat)
        return georef.svg(x: q.x, y: q.y)
    }

    /// Geographic filter: whether a geometry can reach the frame.
    func mayShow(_ b: BoundingBox?) -> Bool {
        guard let b else { return false }
        return b.intersects(georef.lonLatBounds.expanded(dx: 1, dy: 1))
    }

    var clipBox: BoundingBox { georef.frame.expanded(dx: 3, dy: 3) }

    /// Path data of polygons from `areaPipeline` (already simplified and on the 0.1 px grid):
    /// each exterior, then its holes, one decimal. Exteriors have positive shoelace area in SVG
    /// axes and holes negative, so the nonzero fill rule leaves the holes empty.
    func path(polygons: [Polygon]) -> String {
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

    func path(lines: [[XY]]) -> String {
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

    func n(_ v: Double) -> String { NumberFormat.fixed(v, 1) }

    /// "x y width height" of a label's box, recorded so that overlap can be checked from the SVG alone.
    func box(_ b: BoundingBox) -> String { "\(n(b.minX)) \(n(b.minY)) \(n(b.width)) \(n(b.height))" }

    /// The pipeline areas take to the map: clipped to `clipBox`, simplified to 0.35 px and put on
    /// the 0.1 px grid the path data is written with.
    func areaPipeline() throws -> PolygonPipeline {
        try PolygonPipeline(box: clipBox, simplifyTolerance: 0.35, decimals: 1)
    }

    /// An area's polygons in SVG pixels (x in `lon`, y in `lat`) through `pipeline`: valid, holes with their shells.
    func clippedAreas(_ g: Geometry, _ pipeline: PolygonPipeline, project: ([LonLat]) -> [XY]) throws -> [Polygon] {
        let polys = g.polygons.filter { mayShow(Geometry.polygon($0).bounds) }
        return try pipeline.run(polys) { project($0).map { LonLat(lon: $0.x, lat: $0.y) } }?.polygons ?? []
    }

    /// Where to label an area: a point well inside its largest exterior, and the room around it.
    func labelPoint(_ polygons: [Polygon], grid: Int = 24) -> (XY, Double)? {
        let rings = polygons.map { $0.exterior.map { XY(x: $0.lon, y: $0.lat) } }
        return rings.max(by: { PlanarOps.area($0) < PlanarOps.area($1) }).flatMap { PlanarOps.interiorPoint($0, grid: grid) }
    }

    // MARK: Build

    mutating func build() throws -> RenderedMap {
        let frame = georef.frame
        let defs: [SVGNode] = [
            .el("style", [], [.text(MapStyle.css(prefix: p, theme: options.theme) + (options.extraCSS.map { "\n/* --css */\n" + $0 } ?? ""))]),
            .el("clipPath", [("id", "\(p)frame-clip")], [
                .el("rect", [("x", n(frame.minX)), ("y", n(frame.minY)), ("width", n(frame.width)), ("height", n(frame.height))]),
            ]),
            .el("clipPath", [("id", "\(p)inset-clip")], [
                .el("rect", [("x", n(frame.minX + 10)), ("y", n(frame.minY + 10)), ("width", n(min(210.0, frame.width * 0.26))),
                             ("height", n(min(210.0, frame.width * 0.26) * 0.75))]),
            ]),
            .el("marker", [("id", "\(p)arrowhead"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"),
                           ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto")], [
                .el("path", [("d", "M0,0L10,5L0,10Z"), ("class", "\(p)arrowhead")]),
            ]),
        ]
        _ = defs

        // Basemap.
        let areas = try areaPipeline()
        var countryNodes: [SVGNode] = [], countryLabelCandidates: [(String, XY, Double)] = []
        for c in scene.countries where mayShow(c.geometry.bounds) {
            let polygons = try clippedAreas(c.geometry, areas, project: toSVG)
            guard !polygons.isEmpty else { continue }
            countryNodes.append(.el("path", [("class", "\(p)land" + (c.focus ? " \(p)focus" : "")), ("data-country", c.id), ("d", path(polygons: polygons))]))
            if let (pt, room) = labelPoint(polygons) { countryLabelCandidates.append((c.name.uppercased(), pt, room)) }
        }
        var provinceNodes: [SVGNode] = [], provinceLabelCandidates: [(String, XY, Double)] = []
        for pr in scene.provinces where mayShow(pr.geometry.bounds) {
            let polygons = try clippedAreas(pr.geometry, areas, project: toSVG)
            guard !polygons.isEmpty else { continue }
            provinceNodes.append(.el("path", [("class", "\(p)province"), ("data-province", pr.id), ("d", path(polygons: polygons))]))
            if let (pt, room) = labelPoint(polygons) { provinceLabelCandidates.append((pr.name, pt, room)) }
        }
        var casingNodes: [SVGNode] = [], borderNodes: [SVGNode] = []
        for b in scene.borders where mayShow(Geometry.multiLineString(b.lines).bounds) {
            let parts = b.lines.flatMap { PlanarOps.clip(line: toSVG($0), to: clipBox) }
            guard !parts.isEmpty else { continue }
            let d = path(lines: parts)
            guard !d.isEmpty else { continue }
            casingNodes.append(.el("path", [("class", "\(p)border-casing"), ("d", d)]))
            borderNodes.append(.el("path", [("class", "\(p)border" + (b.emphasis ? " \(p)emphasis" : "")), ("data-border-id", b.id), ("d", d)], [
                .el("title", [], [.text("International border \(b.name)")]),
            ]))
        }

        // Fixed furniture first, so labels keep clear of it.
        let legend = legendNode()
        let scaleBar = scaleBarNode()
        let north = try northArrowNode()
        let inset = options.inset ? try insetNode() : nil

        // Incidents: anchors, spread symbols of coincident markers, halos, arrows.
        var anchors: [XY] = []
        for inc in scene.incidents { anchors.append(try toSVG(inc.location)) }
        // Binned markers sit on their cells' centres: spreading them would only tangle the map.
        let offsets = options.binCellDegrees == nil ? spreadOffsets(anchors) : anchors.map { _ in XY(x: 0, y: 0) }
        var haloNodes: [SVGNode] = [], arrowNodes: [SVGNode] = [], markerNodes: [SVGNode] = []
        for (i, inc) in scene.incidents.enumerated() {
            let a = anchors[i], o = offsets[i]
            let symbol = XY(x: a.x + o.x, y: a.y + o.y)
            let reach = 9 * markerScale(inc)
            placer.block(BoundingBox(minX: symbol.x - reach, minY: symbol.y - reach, maxX: symbol.x + reach, maxY: symbol.y + reach))
            if inc.uncertaintyKm > 0 {
                let edge = Geodesic.wgs84.direct(lon: inc.location.lon, lat: inc.location.lat, azimuth: 90, distance: inc.uncertaintyKm * 1000)
                let e = try toSVG(LonLat(lon: edge.lon, lat: edge.lat))
                let r = ((e.x - a.x) * (e.x - a.x) + (e.y - a.y) * (e.y - a.y)).squareRoot()
                haloNodes.append(.el("circle", [("class", "\(p)uncertainty" + (inc.style == .strike ? "" : " \(p)\(inc.style.rawValue)")),
                                                ("data-incident-id", inc.id), ("cx", n(a.x)), ("cy", n(a.y)), ("r", n(r))]))
            }
            if let origin = inc.origin {
                let q = try toSVG(origin)
                let dx = q.x - symbol.x, dy = q.y - symbol.y
                let len = (dx * dx + dy * dy).squareRoot()
                if len > 20 {
                    let ux = dx / len, uy = dy / len
                    let startD = min(len, 78.0), endD = 11.0
                    let s = XY(x: symbol.x + ux * startD, y: symbol.y + uy * startD), e = XY(x: symbol.x + ux * endD, y: symbol.y + uy * endD)
                    let mid = XY(x: (s.x + e.x) / 2 - uy * 8, y: (s.y + e.y) / 2 + ux * 8)
                    arrowNodes.append(.el("path", [("class", "\(p)arrow"), ("data-incident-id", inc.id),
                                                   ("d", "M\(n(s.x)),\(n(s.y))Q\(n(mid.x)),\(n(mid.y)) \(n(e.x)),\(n(e.y))"),
                                                   ("marker-end", "url(#\(p)arrowhead)")], [
                        .el("title", [], [.text("Strike direction: from \(inc.originLabel ?? "origin") to \(inc.title)")]),
                    ]))
                    placer.block(BoundingBox(points: [s, e, mid])!.expanded(dx: 2, dy: 2))
                }
            }
            var children: [SVGNode] = [.el("title", [], [.text(inc.keyText)])]
            if o.x != 0 || o.y != 0 {
                children.append(.el("line", [("class", "\(p)leader"), ("x1", "0"), ("y1", "0"), ("x2", n(o.x)), ("y2", n(o.y))]))
                children.append(.el("circle", [("class", "\(p)anchor-dot"), ("cx", "0"), ("cy", "0"), ("r", "2")]))
            }
            let size = markerScale(inc)
            switch inc.style {
            case .strike:
                children.append(.el("circle", [("class", "\(p)marker-strike"), ("cx", n(o.x)), ("cy", n(o.y)), ("r", n(8 * size))]))
            case .other:
                children.append(.el("path", [("class", "\(p)marker-other"),
                                             ("d", "M\(n(o.x)),\(n(o.y - 9.5 * size))L\(n(o.x + 9.5 * size)),\(n(o.y))L\(n(o.x)),\(n(o.y + 9.5 * size))L\(n(o.x - 9.5 * size)),\(n(o.y))Z")]))
            case .explosion:
                children.append(.el("path", [("class", "\(p)marker-explosion"),
                                             ("d", "M\(n(o.x)),\(n(o.y - 10.5 * size))L\(n(o.x + 9.5 * size)),\(n(o.y + 7 * size))L\(n(o.x - 9.5 * size)),\(n(o.y + 7 * size))Z")]))
            }
            if size >= 1 {
                children.append(.el("text", [("class", "\(p)marker-number"), ("x", n(o.x)), ("y", n(o.y + (inc.style == .explosion ? 5 : 3.5))), ("text-anchor", "middle")],
                                    [.text(inc.count > 1 ? MapBuilder.abbreviate(inc.count) : String(inc.number))]))
            }
            markerNodes.append(.el("g", [("class", "\(p)incident \(p)\(inc.style.rawValue)"), ("data-incident-id", inc.id),
                                         ("transform", "translate(\(n(a.x)),\(n(a.y)))")], children))
        }

        // Incident labels (two lines), with leader lines when pushed out.
        var labelNodes: [SVGNode] = []
        let labelOrder = scene.incidents.indices.sorted { (scene.incidents[$1].importance, $0) < (scene.incidents[$0].importance, $1) }
        for i in labelOrder.prefix(options.binCellDegrees == nil ? 40 : 8) {
            let inc = scene.incidents[i]
            let a = anchors[i], o = offsets[i]
            let symbol = XY(x: a.x + o.x, y: a.y + o.y)
            let title = "\(inc.number)  \(inc.title)"
            let w = max(TextMetrics.width(title, size: 12.5, bold: true), TextMetrics.width(inc.detail, size: 11)) + 4
            guard let placed = placer.place(at: symbol, width: w, height: 30, ascent: 12, gap: 12, leaderDistances: [34, 60, 95, 140]) else { continue }
            if placed.leader {
                labelNodes.append(.el("line", [("class", "\(p)leader"), ("x1", n(symbol.x)), ("y1", n(symbol.y)),
                                               ("x2", n(placed.leaderEnd.x)), ("y2", n(placed.leaderEnd.y))]))
            }
            labelNodes.append(.el("text", [("class", "\(p)halo-text"), ("data-incident-id", inc.id), ("data-box", box(placed.box)),
                                           ("x", n(placed.origin.x)), ("y", n(placed.origin.y)), ("text-anchor", placed.anchor)], [
                .el("tspan", [("class", "\(p)incident-title")], [.text(title)]),
                .el("tspan", [("class", "\(p)incident-detail"), ("x", n(placed.origin.x)), ("dy", "15")], [.text(inc.detail)]),
            ]))
        }

        // Towns: the largest that fit, kept apart from each other and from the incidents.
        var townNodes: [SVGNode] = []
        var shown = 0
        for pl in scene.places.sorted(by: { ($0.population, $1.name) > ($1.population, $0.name) }) where shown < 14 {
            guard georef.lonLatBounds.contains(XY(x: pl.location.lon, y: pl.location.lat)), let q = try? toSVG(pl.location),
                  georef.frame.expanded(dx: -20, dy: -20).contains(q),
                  !anchors.contains(where: { abs($0.x - q.x) < 14 && abs($0.y - q.y) < 14 }) else { continue }
            let dot = BoundingBox(minX: q.x - 3, minY: q.y - 3, maxX: q.x + 3, maxY: q.y + 3)
            guard placer.isFree(dot) else { continue }
            var trial = placer
            trial.block(dot)
            guard let placed = trial.place(at: q, width: TextMetrics.width(pl.name, size: 11) + 2, height: 13, ascent: 10, gap: 5) else { continue }
            placer = trial
            shown += 1
            townNodes.append(.el("circle", [("class", "\(p)town"), ("cx", n(q.x)), ("cy", n(q.y)), ("r", "2.6")]))
            townNodes.append(.el("text", [("class", "\(p)town-label \(p)halo-text"), ("data-box", box(placed.box)), ("x", n(placed.origin.x)), ("y", n(placed.origin.y)),
                                          ("text-anchor", placed.anchor)], [.text(pl.name)]))
        }

        // Area labels where there is room and no clash.
        var areaLabelNodes: [SVGNode] = []
        for (name, pt, room) in countryLabelCandidates.sorted(by: { $0.2 > $1.2 }) where room > 30 {
            let w = TextMetrics.width(name, size: 17, bold: true) + Double(name.count) * 3
            if let placed = placer.place(at: pt, width: w, height: 20, ascent: 15, gap: 0, centered: true) {
                areaLabelNodes.append(.el("text", [("class", "\(p)country-label \(p)halo-text"), ("data-box", box(placed.box)), ("x", n(placed.origin.x)),
                                                   ("y", n(placed.origin.y)), ("text-anchor", "middle")], [.text(name)]))
            }
        }
        for (name, pt, room) in provinceLabelCandidates.sorted(by: { $0.2 > $1.2 }) where room > 25 {
            let w = TextMetrics.width(name, size: 10.5) + Double(name.count) * 0.5
            if let placed = placer.place(at: pt, width: w, height: 13, ascent: 10, gap: 0, centered: true) {
                areaLabelNodes.append(.el("text", [("class", "\(p)province-label \(p)halo-text"), ("data-box", box(placed.box)), ("x", n(placed.origin.x)),
                                                   ("y", n(placed.origin.y)), ("text-anchor", "middle")], [.text(name)]))
            }
        }

        let clip = [("clip-path", "url(#\(p)frame-clip)")]
        let mapLayers: [SVGNode] = [
            .el("rect", [("class", "\(p)sea"), ("x", n(frame.minX)), ("y", n(frame.minY)), ("width", n(frame.width)), ("height", n(frame.height))]),
            .el("g", [("id", "\(p)layer-countries")] + clip, countryNodes),
            .el("g", [("id", "\(p)layer-provinces")] + clip, provinceNodes),
            .el("g", [("id", "\(p)layer-border")] + clip, casingNodes + borderNodes),
            .el("g", [("id", "\(p)layer-places")], townNodes),
            .el("g", [("id", "\(p)layer-uncertainty")] + clip, haloNodes),
            .el("g", [("id", "\(p)layer-strikes")], arrowNodes),
            .el("g", [("id", "\(p)layer-incidents")], markerNodes),
            .el("g", [("id", "\(p)layer-labels")], areaLabelNodes + labelNodes),
            .el("rect", [("class", "\(p)frame"), ("x", n(frame.minX)), ("y", n(frame.minY)), ("width", n(frame.width)), ("height", n(frame.height))]),
        ]
        var furniture: [SVGNode] = [legend, scaleBar, north, headerNode(), footerNode()]
        if let inset { furniture.append(inset) }
        let root = SVGNode.el("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", n(options.width)), ("height", n(options.height)),
            ("viewBox", "0 0 \(n(options.width)) \(n(options.height))"), ("role", "img"),
            ("aria-labelledby", "\(p)title \(p)desc"), ("class", "\(p)root"),
        ], [
            .el("title", [("id", "\(p)title")], [.text(scene.title)]),
            .el("desc", [("id", "\(p)desc")], [.text(scene.summary)]),
            .el("metadata", [("id", "\(p)georeference")], [.text(metadataJSON())]),
            .el("defs", [], defs),
            .el("rect", [("class", "\(p)background"), ("x", "0"), ("y", "0"), ("width", n(options.width)), ("height", n(options.height))]),
        ] + mapLayers + furniture)
        return RenderedMap(svg: SVGSerializer.document(root), georeference: georef, root: root, wkt: projection.targetWKT())
    }

    /// Offsets that spread the symbols of markers closer than 16 px around their common centre.
    func spreadOffsets(_ anchors: [XY]) -> [XY] {
        var offsets = [XY](repeating: XY(x: 0, y: 0), count: anchors.count)
        var assigned = [Bool](repeating: false, count: anchors.count)
        for i in anchors.indices where !assigned[i] {
            var group = [i]
            for j in anchors.indices where j > i && !assigned[j] {
                if group.contains(where: { abs(anchors[$0].x - anchors[j].x) < 16 && abs(anchors[$0].y - anchors[j].y) < 16 }) { group.append(j) }
            }
            for k in group { assigned[k] = true }
            guard group.count > 1 else { continue }
            let cx = group.map { anchors[$0].x }.reduce(0, +) / Double(group.count)
            let cy = group.map { anchors[$0].y }.reduce(0, +) / Double(group.count)
            let radius = 13.0 + 2 * Double(group.count)
            for (m, k) in group.enumerated() {
                let angle = -Double.pi / 2 + 2 * Double.pi * Double(m) / Double(group.count)
                offsets[k] = XY(x: (cx + radius * cos(angle) - anchors[k].x).rounded(), y: (cy + radius * sin(angle) - anchors[k].y).rounded())
            }
        }
        return offsets
    }

    // MARK: Furniture

    mutating func legendNode() -> SVGNode {
        var rows: [(SVGNode, String)] = []
        let styles = Set(scene.incidents.map(\.style))
        if styles.contains(.strike) {
            rows.append((.el("circle", [("class", "\(p)marker-strike"), ("cx", "0"), ("cy", "0"), ("r", "6")]), "Strike (missile, drone, air, artillery)"))
        }
        if styles.contains(.explosion) {
            rows.append((.el("path", [("class", "\(p)marker-explosion"), ("d", "M0,-8L7,5L-7,5Z")]), "Bombing (IED, suicide bomb, grenade)"))
        }
        if styles.contains(.other) {
            rows.append((.el("path", [("class", "\(p)marker-other"), ("d", "M0,-7L7,0L0,7L-7,0Z")]), "Attack, clash or other incident"))
        }
        if scene.incidents.contains(where: { $0.uncertaintyKm > 0 }) {
            rows.append((.el("circle", [("class", "\(p)uncertainty"), ("cx", "0"), ("cy", "0"), ("r", "7")]), "Approximate location (radius)"))
        }
        if scene.incidents.contains(where: { $0.origin != nil }) {
            rows.append((.el("path", [("class", "\(p)arrow"), ("d", "M-9,0L7,0"), ("marker-end", "url(#\(p)arrowhead)")]), "Strike direction (from origin)"))
        }
        if !scene.borders.isEmpty {
            rows.append((.el("path", [("class", "\(p)border \(p)emphasis"), ("d", "M-10,0L10,0")]), "International border"))
        }
        if !scene.provinces.isEmpty {
            rows.append((.el("path", [("class", "\(p)province"), ("d", "M-10,0L10,0")]), "Province boundary"))
        }
        if let cell = options.binCellDegrees {
            rows.append((.el("circle", [("class", "\(p)marker-strike"), ("cx", "0"), ("cy", "0"), ("r", "4")]),
                         "Marker area ∝ incidents per \(NumberFormat.fixed(cell, 2))° cell (shape: most common kind)"))
        }
        rows.append((.el("circle", [("class", "\(p)town"), ("cx", "0"), ("cy", "0"), ("r", "2.6")]), "Town"))
        let width = 30 + (rows.map { TextMetrics.width($0.1, size: 11) }.max() ?? 100) + 12
        let height = 26 + Double(rows.count) * 18
        let x = georef.frame.minX + 10, y = georef.frame.maxY - height - 10
        placer.block(BoundingBox(minX: x, minY: y, maxX: x + width, maxY: y + height))
        var children: [SVGNode] = [
            .el("rect", [("class", "\(p)panel"), ("x", "0"), ("y", "0"), ("width", n(width)), ("height", n(height)), ("rx", "3")]),
            .el("text", [("class", "\(p)legend-title"), ("x", "10"), ("y", "17")], [.text("Legend")]),
        ]
        for (i, (symbol, label)) in rows.enumerated() {
            let cy = 32 + Double(i) * 18
            children.append(.el("g", [("transform", "translate(20,\(n(cy)))")], [symbol]))
            children.append(.el("text", [("class", "\(p)legend-text"), ("x", "36"), ("y", n(cy + 4))], [.text(label)]))
        }
        return .el("g", [("id", "\(p)layer-legend"), ("transform", "translate(\(n(x)),\(n(y)))")], children)
    }

    /// A geodesic scale bar: the ground length of a horizontal run of pixels at the map's centre, in round km.
    mutating func scaleBarNode() -> SVGNode {
        let f = georef.frame
        let c = f.center
        let l = georef.projected(svg: XY(x: c.x - 50, y: c.y)), r = georef.projected(svg: XY(x: c.x + 50, y: c.y))
        var kmPerPx = 1.0
        if let a = try? projection.inverse(l.x, l.y), let b = try? projection.inverse(r.x, r.y) {
            kmPerPx = Geodesic.wgs84.inverse(lon1: a.x, lat1: a.y, lon2: b.x, lat2: b.y).distance / 1000 / 100
        }
        // The largest round length (1, 2 or 5 × 10ⁿ km) not longer than 160 px.
        var length = 1.0
        let target = 160 * kmPerPx
        var magnitude = pow(10, floor(log10(target)))
        outer: while true {
            for m in [5.0, 2.0, 1.0] where m * magnitude <= target { length = m * magnitude; break outer }
            magnitude /= 10
        }
        let px = length / kmPerPx
        let w = px + 40, h = 42.0
        let x = f.maxX - w - 10, y = f.maxY - h - 10
        placer.block(BoundingBox(minX: x, minY: y, maxX: x + w, maxY: y + h))
        let label = { (v: Double) -> String in NumberFormat.fixed(v, v < 10 ? 1 : 0) }
        return .el("g", [("id", "\(p)scale-bar"), ("transform", "translate(\(n(x)),\(n(y)))"),
                         ("data-km", label(length)), ("data-px", n(px))], [
            .el("rect", [("class", "\(p)panel"), ("x", "0"), ("y", "0"), ("width", n(w)), ("height", n(h)), ("rx", "3")]),
            .el("rect", [("class", "\(p)scale-bar"), ("x", "20"), ("y", "22"), ("width", n(px / 2)), ("height", "5")]),
            .el("rect", [("class", "\(p)scale-bar-alt"), ("x", n(20 + px / 2)), ("y", "22"), ("width", n(px / 2)), ("height", "5")]),
            .el("text", [("class", "\(p)scale-text"), ("x", "20"), ("y", "16"), ("text-anchor", "middle")], [.text("0")]),
            .el("text", [("class", "\(p)scale-text"), ("x", n(20 + px / 2)), ("y", "16"), ("text-anchor", "middle")], [.text(label(length / 2))]),
            .el("text", [("class", "\(p)scale-text"), ("x", n(20 + px)), ("y", "16"), ("text-anchor", "middle")], [.text("\(label(length)) km")]),
            .el("text", [("class", "\(p)scale-text"), ("x", n(w / 2)), ("y", "38"), ("text-anchor", "middle")], [.text("geodesic, at map centre")]),
        ])
    }

    /// A north arrow turned to true north at the map's centre.
    mutating func northArrowNode() throws -> SVGNode {
        let f = georef.frame
        let c = georef.projected(svg: f.center)
        var angle = 0.0
        if let ll = try? projection.inverse(c.x, c.y) {
            let a = try toSVG(LonLat(lon: ll.x, lat: ll.y))
            let b = try toSVG(LonLat(lon: ll.x, lat: min(ll.y + 0.1, 89.9)))
            angle = atan2(b.x - a.x, a.y - b.y) * 180 / .pi
        }
        let x = f.maxX - 30, y = f.minY + 34
        placer.block(BoundingBox(minX: x - 16, minY: y - 26, maxX: x + 16, maxY: y + 20))
        return .el("g", [("id", "\(p)north-arrow"), ("transform", "translate(\(n(x)),\(n(y))) rotate(\(NumberFormat.fixed(angle, 2)))")], [
            .el("path", [("class", "\(p)north"), ("d", "M0,-18L7,8L0,3L-7,8Z")]),
            .el("text", [("class", "\(p)north"), ("x", "0"), ("y", "-21"), ("text-anchor", "middle")], [.text("N")]),
        ])
    }

    /// A locator map of the wider region with the main map's extent outlined, at the frame's top left.
    mutating func insetNode() throws -> SVGNode? {
        let f = georef.frame
        let w = min(210.0, f.width * 0.26), h = w * 0.75
        let x = f.minX + 10, y = f.minY + 10
        guard w >= 80 else { return nil }
        // The main frame's outline in longitude/latitude.
        var outline: [LonLat] = []
        for i in 0..<160 {
            let t = Double(i % 40) / 40
            let side = i / 40
            let q: XY
            switch side {
            case 0: q = XY(x: f.minX + t * f.width, y: f.minY)
            case 1: q = XY(x: f.maxX, y: f.minY + t * f.height)
            case 2: q = XY(x: f.maxX - t * f.width, y: f.maxY)
            default: q = XY(x: f.minX, y: f.maxY - t * f.height)
            }
            let m = georef.projected(svg: q)
            if let ll = try? projection.inverse(m.x, m.y), ll.x.isFinite, ll.y.isFinite { outline.append(LonLat(lon: ll.x, lat: ll.y)) }
        }
        guard outline.count > 3 else { return nil }
        let b = georef.lonLatBounds
        let center = LonLat(lon: (b.minX + b.maxX) / 2, lat: (b.minY + b.maxY) / 2)
        let insetProjection = try Projection(from: "EPSG:4326", to: MapRenderer.defaultCRS(center: center))
        // About 3,400 km across: Iran, Pakistan, Afghanistan and the Gulf around a map of this region.
        let halfW = 1_700_000.0, halfH = halfW * h / w
        let scale = w / (2 * halfW)
        let rect = BoundingBox(minX: x, minY: y, maxX: x + w, maxY: y + h)
        func toInset(_ pts: [LonLat]) -> [XY] {
            var xs = pts.map(\.lon), ys = pts.map(\.lat)
            insetProjection.forwardAllowingFailures(xs: &xs, ys: &ys)
            return zip(xs, ys).compactMap { px, py in
                px.isFinite && py.isFinite ? XY(x: x + (px + halfW) * scale, y: y + (halfH - py) * scale) : nil
            }
        }
        var children: [SVGNode] = [
            .el("rect", [("class", "\(p)sea"), ("x", n(x)), ("y", n(y)), ("width", n(w)), ("height", n(h))]),
        ]
        var labels: [SVGNode] = []
        // The locator is coarser: 0.6 px simplification, same 0.1 px grid.
        let insetAreas = try PolygonPipeline(box: rect, simplifyTolerance: 0.6, decimals: 1)
        for c in scene.countries {
            let polygons = try insetAreas.run(c.geometry.polygons) { toInset($0).map { LonLat(lon: $0.x, lat: $0.y) } }?.polygons ?? []
            guard !polygons.isEmpty else { continue }
            children.append(.el("path", [("class", "\(p)inset-land" + (c.focus ? " \(p)focus" : "")), ("d", path(polygons: polygons))]))
            if let (pt, room) = labelPoint(polygons, grid: 16), room > 9, TextMetrics.width(c.name.uppercased(), size: 8.5) < room * 2.6 {
                labels.append(.el("text", [("class", "\(p)inset-label \(p)halo-text"), ("x", n(pt.x)), ("y", n(pt.y + 3)), ("text-anchor", "middle")],
                                  [.text(c.name.uppercased())]))
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
        children.append(.el("path", [("class", "\(p)inset-extent"), ("d", extentPath)], [.el("title", [], [.text("Extent of the main map")])]))
        children.append(.el("rect", [("class", "\(p)frame"), ("x", n(x)), ("y", n(y)), ("width", n(w)), ("height", n(h))]))
        placer.block(rect.expanded(dx: 4, dy: 4))
        return .el("g", [("id", "\(p)inset"), ("clip-path", "url(#\(p)inset-clip)")], children)
    }

    func headerNode() -> SVGNode {
        .el("g", [("id", "\(p)header")], [
            .el("text", [("class", "\(p)title"), ("x", "14"), ("y", "30")], [.text(scene.title)]),
            .el("text", [("class", "\(p)subtitle"), ("x", "14"), ("y", "52")], [.text(scene.subtitle)]),
        ])
    }

    func footerNode() -> SVGNode {
        var children: [SVGNode] = []
        var y = georef.frame.maxY + 20
        for (index, (number, lines)) in keyLines.enumerated() {
            if index < keyIndices.count {
                switch scene.incidents[keyIndices[index]].style {
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
        for line in attributionLines {
            children.append(.el("text", [("class", "\(p)attribution"), ("x", "14"), ("y", n(y))], [.text(line)]))
            y += 12.5
        }
        return .el("g", [("id", "\(p)key")], children)
    }

    func metadataJSON() -> String {
        let b = georef.lonLatBounds
        var members: [(String, JSONValue)] = [
            ("crs", .string(crs)),
            ("affine", .array(georef.affine.map { .number(($0 * 1e9).rounded() / 1e9) })),
            ("affine_doc", .string("svg_x = a*x + b*y + c; svg_y = d*x + e*y + f; x, y in the CRS's projected units")),
            ("bbox_lonlat", .array([b.minX, b.minY, b.maxX, b.maxY].map { .number(($0 * 1e6).rounded() / 1e6) })),
        ]
        if let wkt = projection.targetWKT() { members.append(("crs_wkt", .string(wkt))) }
        if let command = scene.command { members.append(("command", .string(command))) }
        return JSONText.string(.object(members))
    }
}
