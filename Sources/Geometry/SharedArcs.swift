import Foundation

/// Simplifies a set of polygons that share edges (countries and their provinces, neighbouring
/// countries) so that each shared edge is simplified once, as mapshaper does with arcs: the
/// rings are cut into arcs at their junctions (vertices where the rings that meet change), each
/// arc is simplified by Douglas–Peucker with its ends fixed, and every ring is rebuilt from its
/// arcs. Two neighbours therefore keep exactly the same boundary where they touch: no gap, no
/// overlap, whatever the tolerance.
///
/// Vertices are matched by their exact coordinates: shared edges must hold the same vertices
/// in both polygons (as the bundled data does, its provinces being fitted to the country edges).
public enum SharedArcs {
    /// `areas` (each a list of polygons, in planar units) with every arc simplified to `epsilon`.
    /// A ring left with fewer than three distinct vertices is dropped (a polygon whose exterior
    /// is dropped goes with its holes); the structure is otherwise kept, area by area.
    public static func simplify(_ areas: [[Polygon]], epsilon: Double) -> [[Polygon]] {
        // Every ring, open (without its closing vertex).
        var rings: [[XY]] = []
        for area in areas {
            for poly in area {
                for ring in poly.rings { rings.append(open(ring)) }
            }
        }
        let junction = junctions(rings)
        var simplified: [Arc: [XY]] = [:]
        var out: [[XY]] = []
        for ring in rings {
            out.append(rebuild(ring, junction: junction, epsilon: epsilon, memo: &simplified))
        }
        // Back into the areas' structure.
        var k = 0
        return areas.map { area in
            area.compactMap { poly -> Polygon? in
                let rebuilt = poly.rings.map { _ -> [XY] in defer { k += 1 }; return out[k] }
                guard let exterior = closed(rebuilt[0]) else { return nil }
                return Polygon(exterior: exterior, holes: rebuilt.dropFirst().compactMap(closed))
            }
        }
    }

    /// A vertex's key: its exact coordinates.
    struct Key: Hashable {
        var x: Double, y: Double
        init(_ p: XY) { x = p.x; y = p.y }
    }

    /// An arc's identity, the same whichever way a ring runs along it: its end vertices and the
    /// vertex next to the first (two different arcs between the same junctions differ there).
    struct Arc: Hashable {
        var start: Key, second: Key, end: Key
    }

    static func open(_ ring: Ring) -> [XY] {
        var pts = ring.map { XY(x: $0.lon, y: $0.lat) }
        if pts.count > 1, pts.first == pts.last { pts.removeLast() }
        return pts
    }

    static func closed(_ pts: [XY]) -> Ring? {
        guard Set(pts.map(Key.init)).count >= 3 else { return nil }
        return pts.map { LonLat(lon: $0.x, lat: $0.y) } + [LonLat(lon: pts[0].x, lat: pts[0].y)]
    }

    /// The vertices where an arc must end: those met with more than one pair of neighbours
    /// (where two rings stop running together, or three or more meet). A vertex inside a shared
    /// edge is met twice with the same neighbours (in either order); one on an unshared edge once.
    static func junctions(_ rings: [[XY]]) -> Set<Key> {
        struct Pair: Hashable {
            var a: Key, b: Key
            init(_ p: Key, _ q: Key) {
                if (p.x, p.y) <= (q.x, q.y) { a = p; b = q } else { a = q; b = p }
            }
        }
        var first: [Key: Pair] = [:]
        var out = Set<Key>()
        for ring in rings where ring.count >= 3 {
            for i in ring.indices {
                let v = Key(ring[i])
                let pair = Pair(Key(ring[(i + ring.count - 1) % ring.count]), Key(ring[(i + 1) % ring.count]))
                if let seen = first[v] {
                    if seen != pair { out.insert(v) }
                } else {
                    first[v] = pair
                }
            }
        }
        return out
    }

    /// The ring with each of its arcs simplified (once for all the rings that share it).
    static func rebuild(_ ring: [XY], junction: Set<Key>, epsilon: Double, memo: inout [Arc: [XY]]) -> [XY] {
        guard ring.count >= 3 else { return ring }
        guard let start = ring.indices.first(where: { junction.contains(Key(ring[$0])) }) else {
            // No junction: the ring is an arc of its own (an island, or a hole that touches
            // nothing). It is cut at its first vertex and at the vertex farthest from it, so that
            // both halves keep their shape under Douglas–Peucker.
            func d2(_ i: Int) -> Double { (ring[i].x - ring[0].x) * (ring[i].x - ring[0].x) + (ring[i].y - ring[0].y) * (ring[i].y - ring[0].y) }
            let far = ring.indices.max { d2($0) < d2($1) } ?? 1
            let a = PlanarOps.simplify(Array(ring[0...far]), epsilon: epsilon)
            let b = PlanarOps.simplify(Array(ring[far...]) + [ring[0]], epsilon: epsilon)
            return a + b.dropFirst().dropLast()
        }
        // Walk from the first junction, cutting at every junction.
        let n = ring.count
        var out: [XY] = []
        var arc: [XY] = [ring[start]]
        for step in 1...n {
            let p = ring[(start + step) % n]
            arc.append(p)
            if junction.contains(Key(p)) {
                out += simplified(arc, epsilon: epsilon, memo: &memo).dropLast()
                arc = [p]
            }
        }
        return out
    }

    /// `arc` simplified, computed once for both directions it can be walked in.
    static func simplified(_ arc: [XY], epsilon: Double, memo: inout [Arc: [XY]]) -> [XY] {
        guard arc.count > 2 else { return arc }
        let forward = Arc(start: Key(arc[0]), second: Key(arc[1]), end: Key(arc[arc.count - 1]))
        if let hit = memo[forward] { return hit }
        let backward = Arc(start: Key(arc[arc.count - 1]), second: Key(arc[arc.count - 2]), end: Key(arc[0]))
        if let hit = memo[backward] { return hit.reversed() }
        // The same arc gives the same result whichever direction it was first met in: it is
        // simplified in a canonical direction (from its lexicographically smaller end).
        let canonical = (arc[0].x, arc[0].y) <= (arc[arc.count - 1].x, arc[arc.count - 1].y)
        let result = canonical ? PlanarOps.simplify(arc, epsilon: epsilon) : Array(PlanarOps.simplify(arc.reversed(), epsilon: epsilon).reversed())
        memo[forward] = result
        return result
    }
}
