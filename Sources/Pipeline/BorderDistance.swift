import Foundation
import Gazetteer
import Geometry
import Projection

/// The nearest international border to a point, by geodesic distance.
public struct BorderProximity: Sendable, Equatable {
    /// Border id, e.g. `IR-PK`.
    public var borderID: String
    /// Geodesic distance in km.
    public var distanceKm: Double
}

/// Measures geodesic distances from points to the bundled border lines.
///
/// The distance reported is geodesic (PROJ's `geod_inverse` on WGS84) from the point to the
/// nearest point of the nearest segment; the long segments (straight lines of hundreds of km
/// across deserts and the Arctic) are measured along their geodesic
/// (`Geodesic.distance(lon:lat:to:near:)`). Which segments could be the nearest is decided
/// without geodesics, in Earth-centred coordinates: a tree of boxes around the segments
/// (`SegmentTree`) is searched nearest box first, and a segment, or a box of them, whose
/// straight-line distance through the Earth bounds its geodesic distance beyond the best found
/// (`Chord.arc`) is not opened. Near a border and far from every one, on land, at sea and across
/// the antimeridian, a point costs the same few dozen boxes and one to three geodesics, and
/// nothing is kept between points.
///
/// It replaced a grid of 0.25° cells whose candidate lists were made as points met them: a
/// million points spread over the globe met a million cells, each searched anew and kept
/// (200,000 such points took 17 s and 1.5 GB).
public final class BorderDistance: @unchecked Sendable {
    struct Segment {
        var border: Int32; var a: LonLat; var b: LonLat
        /// Longer than about 5 km: its nearest point on the straight line between its ends may
        /// be far enough from the geodesic one to change the distance (`nearest` measures it along
        /// the geodesic too).
        var isLong: Bool { long >= 0 }
        /// The long segment's number (its geodesic in `lines`), else -1.
        var long: Int32 = -1

        init(border: Int32, a: LonLat, b: LonLat) {
            self.border = border; self.a = a; self.b = b
        }

        /// Whether a to b is longer than `longDegrees`.
        var exceedsLongDegrees: Bool {
            let k = cos((a.lat + b.lat) / 2 * .pi / 180), dx = (b.lon - a.lon) * k, dy = b.lat - a.lat
            return dx * dx + dy * dy > Segment.longDegrees * Segment.longDegrees
        }

        /// What "long" means, in degrees of latitude (0.05°: 5.6 km).
        static let longDegrees = 0.05

        /// The point at `t` (0 at a, 1 at b) of its line in longitude and latitude; the ends as
        /// given, so that borders meeting at a vertex tie exactly there.
        func point(at t: Double) -> LonLat {
            t == 0 ? a : t == 1 ? b : LonLat(lon: a.lon + t * (b.lon - a.lon), lat: a.lat + t * (b.lat - a.lat))
        }
    }
    private let borders: [BorderLine]
    private let segments: [Segment]
    private let tree: SegmentTree
    /// The geodesics of the long segments, prepared once.
    private let lines: [GeodesicSegment]
    private let geodesic = Geodesic.wgs84

    /// Prepares the segments of `borders`.
    public init(borders: [BorderLine]) {
        self.borders = borders
        var segments: [Segment] = []
        var longCount: Int32 = 0
        for (bi, border) in borders.enumerated() {
            for line in border.lines where line.count > 1 {
                for i in 1..<line.count {
                    var s = Segment(border: Int32(bi), a: line[i - 1], b: line[i])
                    if s.exceedsLongDegrees { s.long = longCount; longCount += 1 }
                    segments.append(s)
                }
            }
        }
        self.segments = segments
        tree = SegmentTree(Ends(segments))
        lines = segments.filter(\.isLong).map { [geodesic] s in geodesic.segment(from: (s.a.lon, s.a.lat), to: (s.b.lon, s.b.lat)) }
    }

    /// The nearest border to `p`, or nil when there are no borders (or `p` is not a point of the
    /// globe). Where borders meet (a tripoint)
    /// several are equally near: a border of `country` (the point's) is preferred, then the one
    /// listed first.
    public func nearest(to p: LonLat, in country: String? = nil) -> BorderProximity? {
        guard !segments.isEmpty else { return nil }
        let origin = Chord.point(p)
        var best = (distance: Double.infinity, border: Int32(-1))
        func rank(_ b: Int32) -> (Int, Int32) {
            (country.map { borders[Int(b)].countries.contains($0) } == true ? 0 : 1, b)
        }
        func keep(_ d: Double, _ b: Int32) {
            if d < best.distance || (d == best.distance && rank(b) < rank(best.border)) { best = (d, b) }
        }
        // Neighbouring segments often share their nearest point (the vertex between them): one
        // geodesic serves both.
        var last: (q: LonLat, d: Double)?
        tree.search(from: origin) { i, t in
            let s = segments[i], q = s.point(at: t)
            let d: Double
            if let last, last.q == q { d = last.d } else {
                d = geodesic.distance(lon1: p.lon, lat1: p.lat, lon2: q.lon, lat2: q.lat)
                last = (q, d)
            }
            keep(d, s.border)
            if s.isLong {
                // The geodesic's nearest point can lie kilometres along from the chord's (1.7 km
                // from Chukotka to the 141st meridian): measured along it, which only shortens.
                // Within half a metre along the segment of its nearest point, the distance is off
                // by (0.5 m)² / 2d: under a millimetre a kilometre away, half a metre on the line.
                keep(geodesic.distance(lon: p.lon, lat: p.lat, to: lines[Int(s.long)], near: t, tolerance: 0.5), s.border)
            }
            return best.distance
        }
        // No segment measured: a point off the globe (latitude beyond ±90°, not a number), which
        // inputs are checked against before they get here, has no nearest border.
        guard best.border >= 0 else { return nil }
        return BorderProximity(borderID: borders[Int(best.border)].id, distanceKm: best.distance / 1000)
    }

    /// Every segment's ends as Earth-centred points (`Chord`), and how far (m) any point of its
    /// geodesic, or of its straight line in longitude and latitude, lies from the straight line
    /// through the Earth between its ends: with them, the straight-line distance from a point to
    /// that chord, less the bulge, bounds the point's distance to the segment from below.
    struct Ends {
        var a: [Chord.Cartesian], b: [Chord.Cartesian], bulge: [Double]

        init(_ segments: [Segment]) {
            a = segments.map { Chord.point($0.a) }
            b = segments.map { Chord.point($0.b) }
            bulge = segments.indices.map { [a, b] i in
                let s = segments[i]
                // The geodesic: no more than a circle's arc of the ellipsoid's least radius of
                // curvature, b²/a, on the same chord.
                let arc = Chord.sagitta(Chord.distance(a[i], b[i]))
                // The line in longitude and latitude (a parallel bends more than the geodesic):
                // measured at its quarters, with a tenth more for where it was not measured.
                var line = 0.0
                for t in [0.25, 0.5, 0.75] { line = max(line, Chord.segmentDistance(Chord.point(s.point(at: t)), a[i], b[i])) }
                return max(arc * 1.01, line * 1.1) + 1
            }
        }
    }
}

/// A bounding-volume tree over segments in Earth-centred coordinates: each node's box holds its
/// segments' chords widened by their bulges, so the straight-line distance from a point to a box
/// bounds from below its distance to every segment inside.
struct SegmentTree {
    /// A box; an inner node's children are at `first` and `first + 1`, a leaf's segments are
    /// `items[first ..< first + count]` (`count` is -1 for an inner node).
    struct Node { var low: SIMD3<Double>; var high: SIMD3<Double>; var first: Int32; var count: Int32 }
    /// A segment's chord and bulge (`BorderDistance.Ends`), in leaf order.
    struct Item { var a: SIMD3<Double>; var b: SIMD3<Double>; var bulge: Double; var segment: Int32 }
    private var nodes: [Node] = []
    private var items: [Item] = []
    /// Segments per leaf, at most.
    private static let leafSize = 8

    init(_ ends: BorderDistance.Ends) {
        let n = ends.a.count
        guard n > 0 else { return }
        var all = (0..<n).map { i in Item(a: ends.a[i], b: ends.b[i], bulge: ends.bulge[i], segment: Int32(i)) }
        func low(_ t: Item) -> SIMD3<Double> { pointwiseMin(t.a, t.b) - SIMD3(repeating: t.bulge) }
        func high(_ t: Item) -> SIMD3<Double> { pointwiseMax(t.a, t.b) + SIMD3(repeating: t.bulge) }
        // Nodes are made in pairs (the two children of one node) after the root.
        nodes.append(Node(low: .zero, high: .zero, first: 0, count: 0))
        var pending = [(node: 0, from: 0, to: n)]
        while let (node, from, to) = pending.popLast() {
            var lo = low(all[from]), hi = high(all[from])
            var clo = (all[from].a + all[from].b) / 2, chi = clo
            for t in all[from..<to] {
                lo = pointwiseMin(lo, low(t)); hi = pointwiseMax(hi, high(t))
                clo = pointwiseMin(clo, (t.a + t.b) / 2); chi = pointwiseMax(chi, (t.a + t.b) / 2)
            }
            nodes[node].low = lo; nodes[node].high = hi
            if to - from <= Self.leafSize {
                nodes[node].first = Int32(from); nodes[node].count = Int32(to - from)
                continue
            }
            // Halved at the median along the widest spread of the segments' midpoints.
            let spread = chi - clo
            let axis = spread.x >= spread.y && spread.x >= spread.z ? 0 : spread.y >= spread.z ? 1 : 2
            let middle = (from + to) / 2
            Self.select(middle, in: &all, from: from, to: to) { (($0.a + $0.b)[axis], $0.segment) < (($1.a + $1.b)[axis], $1.segment) }
            nodes[node].first = Int32(nodes.count); nodes[node].count = -1
            pending.append((nodes.count, from, middle))
            pending.append((nodes.count + 1, middle, to))
            nodes.append(Node(low: .zero, high: .zero, first: 0, count: 0))
            nodes.append(Node(low: .zero, high: .zero, first: 0, count: 0))
        }
        items = all
    }

    /// Reorders `items[from..<to]` so that the item at `k` is the one a sort by `less` would put
    /// there, with none after it less and none before it greater (Hoare's selection, the pivot the
    /// median of three: a sort of every node's items had made the tree in 40 ms, a third of a
    /// three-incident run).
    private static func select(_ k: Int, in items: inout [Item], from: Int, to: Int, by less: (Item, Item) -> Bool) {
        var lo = from, hi = to - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if less(items[mid], items[lo]) { items.swapAt(mid, lo) }
            if less(items[hi], items[lo]) { items.swapAt(hi, lo) }
            if less(items[hi], items[mid]) { items.swapAt(hi, mid) }
            let pivot = items[mid]
            var i = lo, j = hi
            while i <= j {
                while less(items[i], pivot) { i += 1 }
                while less(pivot, items[j]) { j -= 1 }
                if i <= j { items.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }

    /// Calls `measure` with the segments that can be nearest to `point` (an Earth-centred point),
    /// in the order of their lower bounds, each with the parameter (0 at its first end, 1 at its
    /// last) of its chord's point nearest to `point`; `measure` returns the best geodesic distance
    /// so far (m). Segments and boxes whose bound (`Chord.arc`) exceeds it are not visited.
    func search(from point: Chord.Cartesian, measure: (Int, Double) -> Double) {
        guard !nodes.isEmpty else { return }
        nodes.withUnsafeBufferPointer { nodes in
            items.withUnsafeBufferPointer { items in
                func distance(_ node: Int) -> Double {
                    let d = pointwiseMax(pointwiseMax(nodes[node].low - point, point - nodes[node].high), .zero)
                    return (d * d).sum().squareRoot()
                }
                // Items ≥ 0 are nodes, below 0 the item -1 - i.
                var heap = MinHeap()
                heap.push(distance(0), 0)
                // The straight-line distance beyond which nothing can beat the best so far.
                var within = Double.infinity
                while let (bound, entry) = heap.pop() {
                    if bound > within { break }
                    if entry < 0 {
                        let t = items[Int(-1 - entry)]
                        within = Chord.chord(within: measure(Int(t.segment), Chord.parameter(point, t.a, t.b)))
                        continue
                    }
                    let node = nodes[Int(entry)]
                    if node.count < 0 {
                        for child in Int(node.first)...Int(node.first + 1) {
                            let d = distance(child)
                            if d <= within { heap.push(d, Int32(child)) }
                        }
                    } else {
                        for k in Int(node.first)..<Int(node.first + node.count) {
                            let t = items[k]
                            let d = max(0, Chord.segmentDistance(point, t.a, t.b) - t.bulge)
                            if d <= within { heap.push(d, -1 - Int32(k)) }
                        }
                    }
                }
            }
        }
    }
}

/// A binary min-heap of (key, item) pairs.
struct MinHeap {
    private struct Entry { var key: Double; var item: Int32 }
    private var entries: ContiguousArray<Entry> = []

    init() {
        entries.reserveCapacity(64)
    }

    mutating func push(_ key: Double, _ item: Int32) {
        entries.append(Entry(key: key, item: item))
        entries.withUnsafeMutableBufferPointer { e in
            var i = e.count - 1
            let new = e[i]
            while i > 0 {
                let parent = (i - 1) / 2
                guard e[parent].key > new.key else { break }
                e[i] = e[parent]
                i = parent
            }
            e[i] = new
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        entries.withUnsafeMutableBufferPointer { e in
            guard e.count > 0 else { return }
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = l
                if l >= e.count { break }
                if r < e.count && e[r].key < e[l].key { m = r }
                if e[m].key >= last.key { break }
                e[i] = e[m]
                i = m
            }
            e[i] = last
        }
        return (top.key, top.item)
    }
}

/// Straight-line (chord) distances between points of the WGS84 ellipsoid, in metres, and what
/// they bound: they cost a few sines and cosines a point and are used only to skip geodesics that
/// cannot be the shortest (every distance reported is PROJ's geodesic).
enum Chord {
    private static let a = Geodesic.wgs84EquatorialRadius
    private static let b = a * (1 - Geodesic.wgs84Flattening)
    /// The first eccentricity squared, f(2 − f).
    private static let e2 = Geodesic.wgs84Flattening * (2 - Geodesic.wgs84Flattening)
    /// The ellipsoid's greatest and least radii of curvature (m): along the meridian at a pole
    /// (a²/b, 6,399.6 km) and at the equator (b²/a, 6,335.4 km).
    private static let flattest = a * a / b, roundest = b * b / a

    /// Earth-centred Cartesian coordinates (m).
    typealias Cartesian = SIMD3<Double>

    /// The point's Earth-centred Cartesian coordinates (m), at height 0.
    static func point(_ p: LonLat) -> Cartesian {
        let phi = p.lat * .pi / 180, lambda = p.lon * .pi / 180
        let sinPhi = sin(phi), cosPhi = cos(phi)
        let n = a / (1 - e2 * sinPhi * sinPhi).squareRoot()
        return Cartesian(n * cosPhi * cos(lambda), n * cosPhi * sin(lambda), n * (1 - e2) * sinPhi)
    }

    static func distance(_ u: Cartesian, _ v: Cartesian) -> Double {
        ((u - v) * (u - v)).sum().squareRoot()
    }

    /// The parameter (0 at `a`, 1 at `b`) of the point of the straight segment a–b nearest to `p`:
    /// for a short segment, where its nearest point lies along it, from any distance and across
    /// the antimeridian.
    @inline(__always)
    static func parameter(_ p: Cartesian, _ a: Cartesian, _ b: Cartesian) -> Double {
        let ab = b - a
        let len2 = (ab * ab).sum()
        return len2 > 0 ? max(0, min(1, ((p - a) * ab).sum() / len2)) : 0
    }

    /// The straight-line distance from `p` to the straight segment a–b.
    @inline(__always)
    static func segmentDistance(_ p: Cartesian, _ a: Cartesian, _ b: Cartesian) -> Double {
        let d = (p - a) - parameter(p, a, b) * (b - a)
        return (d * d).sum().squareRoot()
    }

    /// How far (m) a circle's arc of the ellipsoid's least radius of curvature strays from a chord
    /// of `c` metres: no geodesic over that chord strays further (on 12,000 geodesics of 1 km to
    /// 4,000 km sampled at 40 points, the most was 0.9999999973 of it, on the equator).
    static func sagitta(_ c: Double) -> Double {
        roundest - max(0, roundest * roundest - c * c / 4).squareRoot()
    }

    /// A lower bound of the geodesic distance (m) between two points of the ellipsoid `c` metres
    /// apart in a straight line: the arc over that chord of a circle of the ellipsoid's greatest
    /// radius of curvature, less a hundredth of what the arc adds to the chord and a millimetre.
    /// The flattest circle bends least, so its arc is the shortest: on 200,000 pairs of points 1 km
    /// to 8,000 km apart PROJ's geodesic added at least 0.999995 of what that arc adds (the least
    /// along a meridian near a pole, where the ellipsoid is that circle). At 1,000 km the arc adds
    /// 1.02 km, the chord alone had bounded a geodesic a kilometre short.
    static func arc(_ c: Double) -> Double {
        guard c > 0 else { return 0 }
        let arc = 2 * flattest * asin(min(1, c / (2 * flattest)))
        return arc - (arc - c) * 0.01 - 0.001
    }

    /// A straight-line distance (m) at least the longest whose `arc` is within `length`: a point of
    /// the Earth farther than this in a straight line is over `length` away along the surface.
    /// From the flattest circle's chord for `length`, whose `arc` is below it, one step of Newton's
    /// method on the convex, rising `arc` goes past where it reaches `length`, never short of it.
    static func chord(within length: Double) -> Double {
        guard length.isFinite, length < .pi * flattest * 0.9 else { return .infinity }
        let c = 2 * flattest * sin(max(0, length) / (2 * flattest))
        let slope = 0.99 / (1 - (c / (2 * flattest)) * (c / (2 * flattest))).squareRoot() + 0.01
        return c + max(0, length - arc(c)) / slope
    }
}
