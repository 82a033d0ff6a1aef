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
/// A grid of 0.25° cells lists the segments near each cell. For a point, rings of
/// cells are searched outwards with a local planar estimate of the distance to each
/// segment (degrees scaled by the cosine of the latitude), until no unseen segment
/// can be nearer than the best found. The distance reported is geodesic (PROJ's
/// `geod_inverse` on WGS84) from the point to the nearest point of each segment that
/// could be the nearest (`Chord.arc` over the straight line through the Earth to the segment
/// bounds each from below, so most need no geodesic), and the smallest is kept. Most border segments are a few km long, so the nearest
/// point's position error from the estimate changes the distance by far less than a metre; the
/// long ones (straight lines of hundreds of km across deserts and the Arctic) within reach of the
/// best are measured along their geodesic (`Geodesic.distance(lon:lat:to:near:)`, from the planar
/// estimate's nearest point; each such segment's geodesic is prepared once).
///
/// Far from every border (over 1,000 km: Australia, the oceans, most islands) and off the grid
/// (which spans the borders' extent only), the planar estimate says little; there each 0.25° cell
/// keeps the segments that straight-line bounds through the Earth allow to be nearest to some
/// point of it (`farCandidates`), and the point's nearest is measured among those. Measuring every
/// segment there had cost 6 ms a point: 5,000 points in Australia took 31 s, now 0.4 s. A 2° cell
/// whose every point is over 1,000 km from every border skips the planar search altogether.
public final class BorderDistance: @unchecked Sendable {
    struct Segment {
        var border: Int32; var a: LonLat; var b: LonLat
        /// Longer than about 5 km: its nearest point by the planar estimate may be far enough from
        /// the geodesic one to change the distance (`closest` measures it along the geodesic).
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
    }
    private let borders: [BorderLine]
    private var segments: [Segment] = []
    private let cell = 0.25
    private var origin = (lon: 0.0, lat: 0.0)
    private var columns = 0, rows = 0
    /// Per grid row: the cosine of latitude at its cells' centres, and the least ratio of two
    /// points' estimates of one distance within it (see `nearest`), computed once.
    private var rowCosine: [Double] = [], rowRatio: [Double] = []
    private var cells: [[Int32]] = []
    private let geodesic = Geodesic.wgs84
    /// A segment that can be nearest to some point of a cell, with its planar estimate (km) from
    /// the cell's centre.
    struct Candidate { var segment: Int32; var fromCentre: Double }
    /// Per cell, the segments that can be nearest to a point inside it, nearest to the cell's centre
    /// first (filled as cells are met).
    private var cache: [[Candidate]?] = []
    private let lock = ReadWriteLock()
    /// The geodesics of the long segments, prepared as the first cell that lists each is met:
    /// written under the lock before that cell's list is published, never written again; one not
    /// yet prepared is all zeros (length 0; a long segment's is over 5 km). Mapped zeroed from the
    /// kernel, not taken from the allocator's heap: only the pages of the segments met become
    /// resident (5 MB for all of the world's), and a run that measures no border (a binned map)
    /// holds none.
    private let lines: UnsafeMutablePointer<GeodesicSegment>
    private let linesBytes: Int

    /// Prepares the segments of `borders`.
    public init(borders: [BorderLine]) {
        self.borders = borders
        var longCount = 0
        for (bi, border) in borders.enumerated() {
            for line in border.lines where line.count > 1 {
                for i in 1..<line.count {
                    var s = Segment(border: Int32(bi), a: line[i - 1], b: line[i])
                    if s.exceedsLongDegrees { s.long = Int32(longCount); longCount += 1 }
                    segments.append(s)
                }
            }
        }
        ends = Ends(segments)
        linesBytes = MemoryLayout<GeodesicSegment>.stride * max(1, longCount)
        lines = BorderDistance.zeroed(linesBytes).bindMemory(to: GeodesicSegment.self, capacity: max(1, longCount))
        guard var box = BoundingBox(points: segments.flatMap { [XY(x: $0.a.lon, y: $0.a.lat), XY(x: $0.b.lon, y: $0.b.lat)] }) else { return }
        box = box.expanded(dx: cell, dy: cell)
        origin = (box.minX, box.minY)
        columns = Int((box.width / cell).rounded(.up)) + 1
        rows = Int((box.height / cell).rounded(.up)) + 1
        rowCosine = (0..<rows).map { cos((origin.lat + (Double($0) + 0.5) * cell) * .pi / 180) }
        rowRatio = (0..<rows).map(cosineRatio(row:))
        cells = Array(repeating: [], count: columns * rows)
        cache = Array(repeating: nil, count: columns * rows)
        for (si, s) in segments.enumerated() {
            for y in row(min(s.a.lat, s.b.lat))...row(max(s.a.lat, s.b.lat)) {
                for x in col(min(s.a.lon, s.b.lon))...col(max(s.a.lon, s.b.lon)) { cells[y * columns + x].append(Int32(si)) }
            }
        }
    }

    deinit {
        munmap(lines, linesBytes)
    }

    /// `bytes` of zeroed, private anonymous memory.
    private static func zeroed(_ bytes: Int) -> UnsafeMutableRawPointer {
        guard let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED else {
            fatalError("out of address space for \(bytes) bytes")
        }
        return p
    }

    private func col(_ lon: Double) -> Int { Int(((lon - origin.lon) / cell).rounded(.down)) }
    private func row(_ lat: Double) -> Int { Int(((lat - origin.lat) / cell).rounded(.down)) }

    /// Planar estimate (km) of the distance from `p` to segment `s`, and the segment parameter of the
    /// nearest point; `k` is the cosine of `p`'s latitude.
    @inline(__always)
    private func estimate(_ p: LonLat, _ s: Segment, _ k: Double) -> (km: Double, t: Double) {
        let ax = (s.a.lon - p.lon) * k, ay = s.a.lat - p.lat
        let bx = (s.b.lon - p.lon) * k, by = s.b.lat - p.lat
        let dx = bx - ax, dy = by - ay
        let len2 = dx * dx + dy * dy
        var t = len2 == 0 ? 0 : -(ax * dx + ay * dy) / len2
        t = max(0, min(1, t))
        let x = ax + t * dx, y = ay + t * dy
        return ((x * x + y * y).squareRoot() * 111.2, t)
    }

    /// The planar estimates (km, segment parameter) of every segment met by searching rings of
    /// cells outwards from `p`'s cell, until no unseen segment can be nearer than `limit(best)`.
    /// Empty when `p` is off the grid and no ring reaches a segment.
    private func ringSearch(_ p: LonLat, _ k: Double, limit: (Double) -> Double) -> [(Int32, Double, Double)] {
        let cx = col(p.lon), cy = row(p.lat)
        // A segment spans few cells: a small list is cheaper than a set for "already seen".
        var seen: [Int32] = []
        seen.reserveCapacity(64)
        var found: [(Int32, Double, Double)] = []
        found.reserveCapacity(64)
        var best = Double.infinity
        // The smallest distance a cell r rings away can hold (km), with a margin for the estimate.
        let kmPerRing = cell * 111.2 * max(0.2, cos(min(abs(p.lat) + 2, 89) * .pi / 180))
        let maxRing = max(columns, rows) + max(abs(cx), abs(cy)) + 1
        var r = 0
        while r <= maxRing {
            if Double(max(0, r - 1)) * kmPerRing > limit(best) { break }
            for y in (cy - r)...(cy + r) where y >= 0 && y < rows {
                let edgeRow = y == cy - r || y == cy + r
                for x in stride(from: cx - r, through: cx + r, by: edgeRow || r == 0 ? 1 : 2 * r) where x >= 0 && x < columns {
                    for si in cells[y * columns + x] where !seen.contains(si) {
                        seen.append(si)
                        let e = estimate(p, segments[Int(si)], k)
                        found.append((si, e.km, e.t))
                        best = min(best, e.km)
                    }
                }
            }
            r += 1
        }
        return found
    }

    /// Half the diagonal of a cell (km) in the planar estimate of any point inside it.
    private var halfDiagonalKm: Double { cell / 2 * 2.0.squareRoot() * 111.2 }

    /// The segments that can be nearest (by the estimate, within the final step's margin) to some
    /// point of cell `index`, computed once per cell.
    ///
    /// With c the cell's centre, h its half diagonal and D the estimate of the nearest segment
    /// from c, every point p of the cell has a segment within D + h, so only segments within
    /// D + 2h of c can be within reach of p's nearest; the bound below widens that for the 2 %
    /// margin of `nearest` and for the cosine of latitude differing across the cell (< 1 % below
    /// 70° N/S).
    private func candidates(cell index: Int) -> [Candidate] {
        if let known = lock.reading({ cache[index] }) { return known }
        let c = centre(cell: index)
        let k = rowCosine[index / columns]
        let h = halfDiagonalKm
        let bound = { (best: Double) in best * 1.05 + 2.2 * h + 2 }
        // Not beyond 1,200 km: past 1,000 km from its nearest border a point is measured among
        // the far candidates (`nearest`), and a list for a nearer one never reaches that far. A
        // cell in a 2° cell whose every point is that far gets no list, without a search of every
        // cell within 1,200 km (the far half of Australia's had cost 12 % of a run).
        let far = region(column: index % columns, row: index / columns).2.isFar
        let found = far ? [] : ringSearch(c, k, limit: { min(bound($0), 1_200) })
        let best = found.map(\.1).min() ?? .infinity
        var list = found.filter { $0.1 <= bound(best) }.map { Candidate(segment: $0.0, fromCentre: $0.1) }
        list.sort { ($0.fromCentre, $0.segment) < ($1.fromCentre, $1.segment) }
        lock.writing {
            guard cache[index] == nil else { return }
            prepareHoldingLock(list.lazy.map(\.segment))
            cache[index] = list
        }
        return list
    }

    private func centre(cell index: Int) -> LonLat {
        LonLat(lon: origin.lon + (Double(index % columns) + 0.5) * cell, lat: origin.lat + (Double(index / columns) + 0.5) * cell)
    }

    /// For the cell of row `y`, the least ratio of two points' estimates of one distance: each scales
    /// longitude by the cosine of its own latitude, which varies across the cell's latitudes.
    private func cosineRatio(row y: Int) -> Double {
        let lat0 = abs(origin.lat + Double(y) * cell), lat1 = abs(origin.lat + Double(y + 1) * cell)
        let crossesEquator = (origin.lat + Double(y) * cell) < 0 && (origin.lat + Double(y + 1) * cell) > 0
        let kMax = crossesEquator ? 1 : cos(min(lat0, lat1) * .pi / 180), kMin = cos(min(90, max(lat0, lat1)) * .pi / 180)
        return kMax > 0 ? max(0, kMin / kMax) : 0
    }

    /// The nearest border to `p`, or nil when there are no borders. Where borders meet (a tripoint)
    /// several are equally near: a border of `country` (the point's) is preferred, then the one
    /// listed first.
    public func nearest(to p: LonLat, in country: String? = nil) -> BorderProximity? {
        guard !segments.isEmpty else { return nil }
        let k = cos(p.lat * .pi / 180)
        let cx = col(p.lon), cy = row(p.lat)
        let origin = Chord.point(p)
        // A million points make a million calls: the common case allocates nothing (the
        // candidates are estimated twice instead of stored, the near ones sit on the stack).
        if cx >= 0 && cx < columns && cy >= 0 && cy < rows {
            let index = cy * columns + cx
            let list = candidates(cell: index)
            // The candidates come nearest to the cell's centre c first. By the triangle inequality in
            // c's estimate, a segment is at least its estimate from c less p's from c away from p
            // there, and p's estimate is at least `ratio` times c's: once that bound passes what is
            // sought, no later candidate can be within it.
            let c = centre(cell: index), ratio = rowRatio[cy], kc = rowCosine[cy]
            let fromCentre = (((p.lon - c.lon) * kc) * ((p.lon - c.lon) * kc) + (p.lat - c.lat) * (p.lat - c.lat)).squareRoot() * 111.2
            let lowerBound = { (candidate: Candidate) in ratio * (candidate.fromCentre - fromCentre) - 1e-9 }
            var best = Double.infinity
            for candidate in list {
                if lowerBound(candidate) > best { break }
                best = min(best, estimate(p, segments[Int(candidate.segment)], k).km)
            }
            // Far from every border the planar estimate says little (it does not even wrap
            // longitudes), and a cell whose every point is over 1,000 km away has no list.
            if !list.isEmpty && best <= 1_000 {
                let threshold = best * 1.02 + 0.5
                return withUnsafeTemporaryAllocation(of: NearPoint.self, capacity: list.count) { buffer in
                    var n = 0
                    for candidate in list {
                        if lowerBound(candidate) > threshold { break }
                        let s = segments[Int(candidate.segment)]
                        let e = estimate(p, s, k)
                        if e.km <= threshold { buffer[n] = NearPoint(origin, s, candidate.segment, e.t, ends); n += 1 }
                    }
                    return closest(to: p, among: UnsafeMutableBufferPointer(rebasing: buffer[..<n]), country: country)
                }
            }
        }
        // Off the grid, or far from every border: bounds through the Earth choose the candidates.
        var near = farCandidates(column: cx, row: cy).map { i in
            NearPoint(origin, segments[Int(i)], i, Chord.parameter(origin, ends.a[Int(i)], ends.b[Int(i)]), ends)
        }
        return near.withUnsafeMutableBufferPointer { closest(to: p, among: $0, country: country) }
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
                for t in [0.25, 0.5, 0.75] {
                    let m = Chord.point(LonLat(lon: s.a.lon + t * (s.b.lon - s.a.lon), lat: s.a.lat + t * (s.b.lat - s.a.lat)))
                    line = max(line, Chord.segmentDistance(m, a[i], b[i]))
                }
                return max(arc * 1.01, line * 1.1) + 1
            }
        }
    }
    private let ends: Ends

    /// Per 2° cell of the grid's lattice: the segments that can be nearest to some point of it,
    /// and whether every point of it is over 1,000 km from every border.
    struct Region { var segments: [Int32]; var isFar: Bool }
    private var farCache: [Int: [Int32]] = [:], regions: [Int: Region] = [:]
    private let farLock = ReadWriteLock()

    /// The 2° cell around the grid's cell (`x`, `y`), found once per 2° cell.
    private func region(column x: Int, row y: Int) -> (x: Int, y: Int, Region) {
        // 8 cells of 0.25° to a side of the 2° cell.
        let (X, Y) = (x >= 0 ? x / 8 : (x - 7) / 8, y >= 0 ? y / 8 : (y - 7) / 8)
        let index = Y &* 1_000_000 &+ X
        if let known = farLock.reading({ regions[index] }) { return (X, Y, known) }
        let all = bounded(column: X, row: Y, size: cell * 8, among: nil)
        let made = Region(segments: all.segments, isFar: all.least > 1_000_000)
        farLock.writing { regions[index] = made }
        return (X, Y, made)
    }

    /// The segments that can be nearest to some point of cell (`x`, `y`) of the grid's lattice (on
    /// the grid or off it: the grid spans the borders' extent only), found once per cell with
    /// straight-line bounds through the Earth (`bounded`), among those of the 2° cell around. Their
    /// long segments' geodesics are prepared before the list is published.
    private func farCandidates(column x: Int, row y: Int) -> [Int32] {
        let index = y &* 1_000_000 &+ x
        if let known = farLock.reading({ farCache[index] }) { return known }
        let found = bounded(column: x, row: y, size: cell, among: region(column: x, row: y).2.segments).segments
        prepare(found)
        farLock.writing { farCache[index] = found }
        return found
    }

    /// Prepares the geodesics of the long segments among `list` not yet prepared.
    private func prepare(_ list: [Int32]) {
        lock.writing { prepareHoldingLock(list) }
    }

    /// `prepare`, for a caller holding `lock` for writing.
    private func prepareHoldingLock<S: Sequence>(_ list: S) where S.Element == Int32 {
        for si in list {
            let s = segments[Int(si)]
            guard s.isLong, lines[Int(s.long)].length == 0 else { continue }
            (lines + Int(s.long)).initialize(to: geodesic.segment(from: (s.a.lon, s.a.lat), to: (s.b.lon, s.b.lat)))
        }
    }

    /// The segments of `among` (nil: all) that can be nearest to a point of the cell (`x`, `y`) of
    /// side `size` degrees on the grid's lattice, and the least distance (m) any point of the cell
    /// can be from any of them. With c the cell's centre and r a bound of the distance from c to any
    /// point of the cell: the nearest border of a point p of the cell is at most U + r away, U the
    /// geodesic from c to a segment's end; a segment is at least its straight-line distance from c,
    /// less its bulge and r, away from p through the Earth, and its geodesic distance is at least
    /// the arc over that chord (`Chord.arc`).
    private func bounded(column x: Int, row y: Int, size: Double, among: [Int32]?) -> (segments: [Int32], least: Double) {
        let c = LonLat(lon: origin.lon + (Double(x) + 0.5) * size, lat: min(90, max(-90, origin.lat + (Double(y) + 0.5) * size)))
        let o = Chord.point(c)
        // Half the cell's diagonal at a degree's largest length (111.7 km), in metres.
        let r = size / 2 * 2.0.squareRoot() * 111_700 * 1.001
        let list = among ?? segments.indices.map { Int32($0) }
        var nearestEnd = (d: Double.infinity, p: c)
        // Straight lines here; the arc over a chord is never shorter than the chord less a
        // millimetre, so those within `upper` are found by chords first.
        var lower = [Double](repeating: 0, count: list.count)
        for (n, si) in list.enumerated() {
            let i = Int(si)
            let da = Chord.distance(o, ends.a[i]), db = Chord.distance(o, ends.b[i])
            if min(da, db) < nearestEnd.d { nearestEnd = (min(da, db), da <= db ? segments[i].a : segments[i].b) }
            lower[n] = Chord.segmentDistance(o, ends.a[i], ends.b[i]) - ends.bulge[i] - r
        }
        let upper = geodesic.distance(lon1: c.lon, lat1: c.lat, lon2: nearestEnd.p.lon, lat2: nearestEnd.p.lat) + r
        let within = list.indices.filter { lower[$0] <= upper + 0.001 && Chord.arc(lower[$0]) <= upper }
        return (within.map { list[$0] }, Chord.arc(lower.min() ?? .infinity))
    }

    /// A segment's point nearest to a point (by the planar estimate, or by the chord far away), with
    /// a lower bound of the geodesic distance to the segment (see `Ends`).
    struct NearPoint {
        var bound: Double
        var border: Int32
        /// The segment's number, and whether it is long (see `Segment.isLong`).
        var segment: Int32, isLong: Bool
        var q: LonLat
        /// The segment parameter of `q` (0 at a, 1 at b).
        var t: Double

        /// `origin` is the point's `Chord.point`; `t` the segment parameter of the nearest point.
        init(_ origin: Chord.Cartesian, _ s: Segment, _ number: Int32, _ t: Double, _ ends: Ends) {
            q = t == 0 ? s.a : t == 1 ? s.b : LonLat(lon: s.a.lon + t * (s.b.lon - s.a.lon), lat: s.a.lat + t * (s.b.lat - s.a.lat))
            let i = Int(number)
            bound = Chord.arc(Chord.segmentDistance(origin, ends.a[i], ends.b[i]) - ends.bulge[i])
            border = s.border
            segment = number
            isLong = s.isLong
            self.t = t
        }
    }

    /// The border of the geodesically nearest of `near` (not empty). Taken from the smallest
    /// bound up, a segment whose bound exceeds the best geodesic so far cannot win, nor can any
    /// after it: only near-ties cost a geodesic. Ties go to a border of `country`, then to the
    /// border listed first. The long segments' geodesics are prepared (in `lines`).
    private func closest(to p: LonLat, among near: UnsafeMutableBufferPointer<NearPoint>, country: String?) -> BorderProximity {
        var near = near
        near.sort { $0.bound < $1.bound }
        var bestBorder: Int32 = -1
        var bestDistance = Double.infinity
        func rank(_ b: Int32) -> (Int, Int32) {
            (country.map { borders[Int(b)].countries.contains($0) } == true ? 0 : 1, b)
        }
        func keep(_ d: Double, _ b: Int32) {
            if d < bestDistance || (d == bestDistance && rank(b) < rank(bestBorder)) { bestDistance = d; bestBorder = b }
        }
        // Neighbouring segments often share their nearest point (the vertex between them): one
        // geodesic serves both.
        var last: (q: LonLat, d: Double)?
        for c in near {
            if c.bound > bestDistance { break }
            let d: Double
            if let last, last.q == c.q { d = last.d } else {
                d = geodesic.distance(lon1: p.lon, lat1: p.lat, lon2: c.q.lon, lat2: c.q.lat)
                last = (c.q, d)
            }
            keep(d, c.border)
            // A long segment's nearest point by the estimate can lie kilometres along from the
            // geodesic one (1.7 km too far from Chukotka to the 141st meridian): it is measured
            // along its geodesic too, which only shortens a distance.
            guard c.isLong else { continue }
            let line = lines[Int(segments[Int(c.segment)].long)]
            // Within half a metre along the segment of its nearest point, the distance is off by
            // (0.5 m)² / 2d: under a millimetre a kilometre away, half a metre at most on the line.
            keep(geodesic.distance(lon: p.lon, lat: p.lat, to: line, near: c.t, tolerance: 0.5), c.border)
        }
        return BorderProximity(borderID: borders[Int(bestBorder)].id, distanceKm: bestDistance / 1000)
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
    typealias Cartesian = (x: Double, y: Double, z: Double)

    /// The point's Earth-centred Cartesian coordinates (m), at height 0.
    static func point(_ p: LonLat) -> Cartesian {
        let phi = p.lat * .pi / 180, lambda = p.lon * .pi / 180
        let sinPhi = sin(phi), cosPhi = cos(phi)
        let n = a / (1 - e2 * sinPhi * sinPhi).squareRoot()
        return (n * cosPhi * cos(lambda), n * cosPhi * sin(lambda), n * (1 - e2) * sinPhi)
    }

    static func distance(_ u: Cartesian, _ v: Cartesian) -> Double {
        let dx = u.x - v.x, dy = u.y - v.y, dz = u.z - v.z
        return (dx * dx + dy * dy + dz * dz).squareRoot()
    }

    /// The parameter (0 at `a`, 1 at `b`) of the point of the straight segment a–b nearest to `p`:
    /// for a short segment, where its nearest point lies along it, from any distance and across
    /// the antimeridian.
    static func parameter(_ p: Cartesian, _ a: Cartesian, _ b: Cartesian) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y, dz = b.z - a.z
        let len2 = dx * dx + dy * dy + dz * dz
        guard len2 > 0 else { return 0 }
        return max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy + (p.z - a.z) * dz) / len2))
    }

    /// The straight-line distance from `p` to the straight segment a–b.
    static func segmentDistance(_ p: Cartesian, _ a: Cartesian, _ b: Cartesian) -> Double {
        let t = parameter(p, a, b)
        return distance(p, (a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), a.z + t * (b.z - a.z)))
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
}
