/// Planar operations on projected (screen) coordinates: clipping to the map
/// frame, simplification to the output resolution, and label points.
public enum PlanarOps {
    /// Sutherland–Hodgman clip of a closed ring to an axis-aligned rectangle. Exact only for a
    /// convex ring: a concave one that leaves the rectangle and comes back gets zero-width spikes
    /// along its edge. Countries and provinces go through Topology's `PolygonPipeline` (GEOS);
    /// this only serves `Antimeridian.split(polygon:)`, for uncertainty areas that cross ±180°.
    public static func clip(ring: [XY], to r: BoundingBox) -> [XY] {
        var pts = ring
        if let f = pts.first, let l = pts.last, f == l { pts.removeLast() }
        typealias Edge = (inside: (XY) -> Bool, cross: (XY, XY) -> XY)
        func lerpX(_ a: XY, _ b: XY, _ x: Double) -> XY { XY(x: x, y: a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)) }
        func lerpY(_ a: XY, _ b: XY, _ y: Double) -> XY { XY(x: a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y: y) }
        let edges: [Edge] = [
            ({ $0.x >= r.minX }, { lerpX($0, $1, r.minX) }),
            ({ $0.x <= r.maxX }, { lerpX($0, $1, r.maxX) }),
            ({ $0.y >= r.minY }, { lerpY($0, $1, r.minY) }),
            ({ $0.y <= r.maxY }, { lerpY($0, $1, r.maxY) }),
        ]
        for e in edges {
            guard !pts.isEmpty else { break }
            var out: [XY] = []
            out.reserveCapacity(pts.count)
            var prev = pts[pts.count - 1]
            for cur in pts {
                let ci = e.inside(cur), pi = e.inside(prev)
                if ci {
                    if !pi { out.append(e.cross(prev, cur)) }
                    out.append(cur)
                } else if pi {
                    out.append(e.cross(prev, cur))
                }
                prev = cur
            }
            pts = out
        }
        if pts.count < 3 { return [] }
        pts.append(pts[0])
        return pts
    }

    /// Clips a polyline to a rectangle; returns the parts inside (Liang–Barsky per segment).
    public static func clip(line: [XY], to r: BoundingBox) -> [[XY]] {
        var parts: [[XY]] = []
        var cur: [XY] = []
        for i in 1..<max(line.count, 1) {
            guard let (a, b) = clipSegment(line[i - 1], line[i], r) else {
                if cur.count > 1 { parts.append(cur) }
                cur = []
                continue
            }
            if cur.isEmpty { cur = [a, b] }
            else if cur.last! == a { cur.append(b) }
            else { if cur.count > 1 { parts.append(cur) }; cur = [a, b] }
            if b != line[i] { parts.append(cur); cur = [] }
        }
        if cur.count > 1 { parts.append(cur) }
        return parts
    }

    public static func clipSegment(_ a: XY, _ b: XY, _ r: BoundingBox) -> (XY, XY)? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 { if q < 0 { return nil } else { continue } }
            let t = q / p
            if p < 0 { if t > t1 { return nil }; if t > t0 { t0 = t } }
            else { if t < t0 { return nil }; if t < t1 { t1 = t } }
        }
        let pa = t0 == 0 ? a : XY(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let pb = t1 == 1 ? b : XY(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (pa, pb)
    }

    /// Douglas–Peucker simplification with tolerance `epsilon` (same units as the points).
    public static func simplify(_ pts: [XY], epsilon: Double) -> [XY] {
        guard pts.count > 2 else { return pts }
        var keep = [Bool](repeating: false, count: pts.count)
        keep[0] = true
        keep[pts.count - 1] = true
        var stack = [(0, pts.count - 1)]
        let eps2 = epsilon * epsilon
        while let (s, e) = stack.popLast() {
            guard e > s + 1 else { continue }
            var maxD = -1.0, idx = s
            for i in (s + 1)..<e {
                let d = segmentDistance2(pts[i], pts[s], pts[e])
                if d > maxD { maxD = d; idx = i }
            }
            if maxD > eps2 {
                keep[idx] = true
                stack.append((s, idx))
                stack.append((idx, e))
            }
        }
        return pts.indices.filter { keep[$0] }.map { pts[$0] }
    }

    /// Squared distance from `p` to the segment a–b.
    /// Whether segments `a`–`b` and `c`–`d` cross or touch (collinear overlaps included).
    public static func segmentsIntersect(_ a: XY, _ b: XY, _ c: XY, _ d: XY) -> Bool {
        func orient(_ p: XY, _ q: XY, _ r: XY) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
        func within(_ p: XY, _ q: XY, _ r: XY) -> Bool {
            min(p.x, q.x) <= r.x && r.x <= max(p.x, q.x) && min(p.y, q.y) <= r.y && r.y <= max(p.y, q.y)
        }
        let d1 = orient(c, d, a), d2 = orient(c, d, b), d3 = orient(a, b, c), d4 = orient(a, b, d)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        return (d1 == 0 && within(c, d, a)) || (d2 == 0 && within(c, d, b)) || (d3 == 0 && within(a, b, c)) || (d4 == 0 && within(a, b, d))
    }

    public static func segmentDistance2(_ p: XY, _ a: XY, _ b: XY) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        var t = len2 == 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2
        t = max(0, min(1, t))
        let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
        return x * x + y * y
    }

    /// Absolute area of a ring.
    public static func area(_ ring: [XY]) -> Double {
        guard ring.count > 2 else { return 0 }
        var s = 0.0
        for i in 0..<(ring.count - 1) { s += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y }
        return abs(s) / 2
    }

    public static func contains(_ ring: [XY], _ p: XY) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }

    /// Up to `count` points inside `ring`, roomiest first (distance to the ring, returned with each),
    /// each at least an eighth of the ring's larger side from those before it: other places for a
    /// label when the roomiest is taken.
    public static func interiorPoints(_ ring: [XY], grid: Int = 24, count: Int) -> [(XY, Double)] {
        guard let b = BoundingBox(points: ring), b.width > 0, b.height > 0 else { return [] }
        var inside: [(XY, Double)] = []
        for i in 0...grid {
            for j in 0...grid {
                let p = XY(x: b.minX + b.width * Double(i) / Double(grid), y: b.minY + b.height * Double(j) / Double(grid))
                guard contains(ring, p) else { continue }
                var d2 = Double.infinity
                for k in 1..<ring.count { d2 = min(d2, segmentDistance2(p, ring[k - 1], ring[k])) }
                inside.append((p, d2.squareRoot()))
            }
        }
        // Roomiest first; ties in grid order, so the choice is the same on every run.
        let ranked = inside.enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }.map(\.element)
        let separation = max(b.width, b.height) / 8
        var out: [(XY, Double)] = []
        for c in ranked where out.count < count {
            if out.allSatisfy({ (($0.0.x - c.0.x) * ($0.0.x - c.0.x) + ($0.0.y - c.0.y) * ($0.0.y - c.0.y)).squareRoot() >= separation }) { out.append(c) }
        }
        return out
    }

    /// A point well inside `ring`: the grid point farthest from the ring's edges
    /// (a coarse pole of inaccessibility), and that distance.
    public static func interiorPoint(_ ring: [XY], grid: Int = 24) -> (XY, Double)? {
        interiorPoints(ring, grid: grid, count: 1).first
    }
}
