import Geometry
import Topology

/// Countries or provinces drawn on the main map: their paths, and where each could be labelled.
struct AreaShapes {
    /// One path per area that reaches the frame.
    var nodes: [SVGNode] = []
    /// Label text, a point well inside the area and the room around it.
    var labelCandidates: [(name: String, point: XY, room: Double)] = []

    /// Clips, simplifies and snaps `areas` to the frame (through GEOS); `attributes` gives each path's
    /// attributes before its path data, `label` its label text.
    init(_ areas: [SceneArea], frame: MapFrame, attributes: (SceneArea) -> [(String, String)], label: (SceneArea) -> String) throws {
        // Clipped to the frame's clip box, simplified to 0.35 px and put on the 0.1 px grid the path data is written with.
        let pipeline = try PolygonPipeline(box: frame.clipBox, simplifyTolerance: 0.35, decimals: 1)
        for area in areas where frame.mayShow(area.geometry.bounds) {
            let polys = area.geometry.polygons.filter { frame.mayShow(Geometry.polygon($0).bounds) }
            let polygons = try pipeline.run(polys) { frame.toSVG($0).map { LonLat(lon: $0.x, lat: $0.y) } }?.polygons ?? []
            guard !polygons.isEmpty else { continue }
            nodes.append(.el("path", attributes(area) + [("d", SVGDraw.path(polygons: polygons))]))
            if let (pt, room) = SVGDraw.labelPoint(polygons) { labelCandidates.append((label(area), pt, room)) }
        }
    }

    /// Labels the roomiest areas first, centred on their label points, where they fit.
    func labels(minimumRoom: Double, cls: String, width: (String) -> Double, height: Double, ascent: Double,
                placer: inout LabelPlacer) -> [SVGNode] {
        var out: [SVGNode] = []
        for (name, pt, room) in labelCandidates.sorted(by: { $0.room > $1.room }) where room > minimumRoom {
            if let placed = placer.place(at: pt, width: width(name), height: height, ascent: ascent, gap: 0, centered: true) {
                out.append(.el("text", [("class", cls), ("data-box", SVGDraw.box(placed.box)), ("x", SVGDraw.n(placed.origin.x)),
                                        ("y", SVGDraw.n(placed.origin.y)), ("text-anchor", "middle")], [.text(name)]))
            }
        }
        return out
    }
}
