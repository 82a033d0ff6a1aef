import Foundation
import Geometry

/// The one way areas (countries, provinces) go to an output, GeoJSON or SVG:
/// project → clip to a rectangle → simplify (optional) → snap to the output's grid.
/// Every stage keeps the polygons valid, and the last one puts every vertex on the grid the
/// writer rounds to, so the geometry is still valid as written. The same input gives the same output.
///
/// Coordinates are planar in the pipeline's own units: longitude/latitude degrees for the
/// GeoJSON layers, SVG pixels (carried in `LonLat` as x = lon, y = lat) for the map.
public struct PolygonPipeline {
    /// The rectangle everything is clipped to.
    public var box: BoundingBox
    /// Topology-preserving simplification tolerance, or nil for none.
    public var simplifyTolerance: Double?
    /// The cell of the writer's grid (10^-decimals).
    public var gridSize: Double
    let engine: GeometryEngine

    /// A pipeline on its own GEOS context (so it must stay on one thread at a time).
    public init(box: BoundingBox, simplifyTolerance: Double? = nil, decimals: Int) throws {
        self.box = box
        self.simplifyTolerance = simplifyTolerance
        gridSize = pow(10, -Double(decimals))
        engine = try GeometryEngine()
    }

    /// The polygons of `polygons`, each ring passed through `project` and clipped: valid, not yet
    /// simplified nor snapped (for a caller that simplifies several areas together, then `finish`es each).
    public func clip(_ polygons: [Polygon], project: (Ring) -> Ring = { $0 }) throws -> [Polygon] {
        let projected = polygons.map { Polygon(exterior: project($0.exterior), holes: $0.holes.map(project)) }
        let g = try engine.clip(engine.make(.multiPolygon(projected)), to: box)
        guard try !engine.isEmpty(g) else { return [] }
        return try engine.geometry(g)?.polygons ?? []
    }

    /// Polygons simplified elsewhere, made valid (a simplification may leave a ring crossing itself)
    /// and snapped to the grid: the last stage of `run`.
    public func finish(_ polygons: [Polygon]) throws -> [Polygon] {
        guard !polygons.isEmpty else { return [] }
        let g = try engine.valid(engine.make(.multiPolygon(polygons)))
        guard try !engine.isEmpty(g) else { return [] }
        return try engine.geometry(engine.snap(g, toGrid: gridSize))?.polygons ?? []
    }

    /// The polygons of `polygons`, each ring passed through `project`, clipped, simplified and
    /// snapped: a valid Polygon or MultiPolygon (exteriors counter-clockwise in the output's axes,
    /// holes clockwise), or nil when nothing of it is inside the box.
    public func run(_ polygons: [Polygon], project: (Ring) -> Ring = { $0 }) throws -> Geometry? {
        let projected = polygons.map { Polygon(exterior: project($0.exterior), holes: $0.holes.map(project)) }
        if simplifyTolerance == nil, try unchanged(projected) {
            let oriented = projected.map(Orientation.oriented)
            return oriented.count == 1 ? .polygon(oriented[0]) : .multiPolygon(oriented)
        }
        var g = try engine.clip(engine.make(.multiPolygon(projected)), to: box)
        guard try !engine.isEmpty(g) else { return nil }
        // GEOSTopologyPreserveSimplify can still leave a ring touching or crossing another (GEOS 3.11,
        // seen on the locator's coarser 0.6 px simplification), and snapping then throws: repair it first.
        if let t = simplifyTolerance { g = try engine.valid(engine.simplify(g, tolerance: t)) }
        return try engine.geometry(engine.snap(g, toGrid: gridSize))
    }

    /// Whether `polygons` would come out of the stages as they went in: not to be simplified,
    /// every vertex inside the box (the clip cuts nothing) and on the grid (the snap moves
    /// nothing), none repeated, and the whole valid. Then GEOS's overlay and snap-rounding, the
    /// most of writing a world's provinces and countries, are not run: the gazetteer's areas are
    /// stored valid on the 6-decimal grid the layers are written on.
    public func unchanged(_ polygons: [Polygon]) throws -> Bool {
        let scale = 1 / gridSize
        for polygon in polygons {
            for ring in polygon.rings {
                guard ring.count >= 4, ring[0] == ring[ring.count - 1] else { return false }
                for (i, v) in ring.enumerated() {
                    guard v.lon >= box.minX, v.lon <= box.maxX, v.lat >= box.minY, v.lat <= box.maxY,
                          (v.lon * scale).rounded() / scale == v.lon, (v.lat * scale).rounded() / scale == v.lat,
                          i == 0 || v != ring[i - 1] else { return false }
                }
            }
        }
        return try !polygons.isEmpty && engine.isValid(engine.make(.multiPolygon(polygons)))
    }
}
