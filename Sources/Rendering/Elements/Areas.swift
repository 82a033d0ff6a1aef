import Geometry
import Topology

/// Countries or provinces drawn on the main map: their paths, and where each could be labelled.
struct AreaShapes {
    /// One path per area that reaches the frame.
    var nodes: [SVGNode] = []
    /// Label text and points well inside the area with the room around each, roomiest first.
    var labelCandidates: [(name: NameLabel, points: [(XY, Double)])] = []

    /// Paths for `areas`, each with the polygons `AreaShapes.clipped` gave it; `attributes` gives
    /// each path's attributes before its path data, `label` its label text.
    init(_ areas: [(SceneArea, [Polygon])], attributes: (SceneArea) -> [(String, String)], label: (SceneArea) -> NameLabel) {
        for (area, polygons) in areas where !polygons.isEmpty {
            nodes.append(.el("path", attributes(area) + [("d", SVGDraw.path(polygons: polygons))]))
            let rings = polygons.map { $0.exterior.map { XY(x: $0.lon, y: $0.lat) } }
            if let largest = rings.max(by: { PlanarOps.area($0) < PlanarOps.area($1) }) {
                let points = PlanarOps.interiorPoints(largest, count: 12)
                if !points.isEmpty { labelCandidates.append((label(area), points)) }
            }
        }
    }

    /// The areas of several layers (countries, provinces) as the map draws them, through one pipeline:
    /// projected and clipped to the frame's clip box (GEOS), then simplified to 0.35 px with every
    /// shared edge simplified once for all the areas that share it (`SharedArcs`: neighbours and a
    /// country and its provinces keep one boundary), then made valid and put on the 0.1 px grid the
    /// path data is written with. Areas that do not reach the frame are left out.
    static func clipped(_ layers: [[SceneArea]], frame: MapFrame) throws -> [[(SceneArea, [Polygon])]] {
        let pipeline = try PolygonPipeline(box: frame.clipBox, decimals: 1)
        let lonLat = try GeometryEngine()
        let reach = frame.lonLatBounds.expanded(dx: 1, dy: 1)
        var shown: [[(SceneArea, [Polygon])]] = []
        for layer in layers {
            var areas: [(SceneArea, [Polygon])] = []
            for area in layer where frame.mayShow(area.geometry.bounds) {
                let polys = try area.geometry.polygons.filter { frame.mayShow(Geometry.polygon($0).bounds) }.flatMap { p in
                    // A large polygon that reaches far beyond the frame (Russia on a map of Ukraine) is cut to the
                    // frame's reach in longitude/latitude first, so only what can show is projected. The cut is a
                    // rectangle, the same for every area, so neighbours keep identical shared edges.
                    try AreaShapes.cut(p, to: reach, with: lonLat)
                }
                let split = try frame.splitAtCut(polys, engine: lonLat)
                let clipped = try pipeline.clip(split) { frame.toSVG($0).map { LonLat(lon: $0.x, lat: $0.y) } }
                if !clipped.isEmpty { areas.append((area, clipped)) }
            }
            shown.append(areas)
        }
        let simplified = SharedArcs.simplify(shown.flatMap { $0.map(\.1) }, epsilon: 0.35)
        var finished = try finishAll(simplified, box: frame.clipBox)[...]
        return shown.map { layer in layer.map { area, _ in (area, finished.removeFirst()) } }
    }

    /// `PolygonPipeline.finish` of each area's polygons, on every core: in runs of 16 areas, each
    /// run on a pipeline (a GEOS context) of its own, the results in the areas' order. A world
    /// map's snap rounding of every country had taken a second on one core.
    static func finishAll(_ areas: [[Polygon]], box: BoundingBox) throws -> [[Polygon]] {
        try Concurrent.map(areas.count, inRunsOf: 16) { run in
            let pipeline = try PolygonPipeline(box: box, decimals: 1)
            return try areas[run].map { try pipeline.finish($0) }
        }
    }

    /// `polygon` cut to `reach` when it has many vertices and reaches well beyond it (and neither
    /// crosses the antimeridian); else `polygon` as it is.
    static func cut(_ polygon: Polygon, to reach: BoundingBox, with geos: GeometryEngine) throws -> [Polygon] {
        guard polygon.rings.reduce(0, { $0 + $1.count }) > 2_000, let b = Geometry.polygon(polygon).bounds,
              reach.minX >= -180, reach.maxX <= 180, b.minX >= -180, b.maxX <= 180,
              b.minX < reach.minX || b.maxX > reach.maxX || b.minY < reach.minY || b.maxY > reach.maxY else { return [polygon] }
        return try geos.clip(.polygon(polygon), to: reach)?.polygons ?? []
    }

    /// Labels the roomiest areas first, centred on their label points, where they fit.
    func labels(minimumRoom: Double, cls: String, width: (String) -> Double, height: Double, ascent: Double,
                options: MapOptions, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        var out: [SVGNode] = []
        // The roomiest areas first; each at its roomiest free spot (the centre may hold incidents' labels).
        for (name, points) in labelCandidates.sorted(by: { $0.points[0].1 > $1.points[0].1 }) {
            for (pt, room) in points where room > minimumRoom {
                let lines = Double(name.lines.count)
                if let placed = placer.place(at: pt, width: name.width(width), height: height * lines, ascent: ascent, gap: 0, centered: true) {
                    out += name.nodes(cls: cls, box: placed.box, x: placed.origin.x, y: placed.origin.y, anchor: "middle", lineHeight: height,
                                      options: options, p: p)
                    break
                }
            }
        }
        return out
    }
}
