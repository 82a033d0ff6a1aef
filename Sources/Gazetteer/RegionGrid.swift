import Foundation
import Geometry

/// A grid over a set of regions that answers "which region holds this point"
/// without testing every polygon: cells no boundary passes through know their
/// region outright (filled row by row with the even–odd rule), and only cells a
/// boundary crosses test their few candidates exactly. Answers are the same as
/// testing every region in turn.
public final class RegionGrid: @unchecked Sendable {
    /// The regions, with their polygons or (`keepsGeometry` false) without: the answers need only
    /// their ids, names and bounds once the edges are filed.
    private var regions: [Region]
    private let origin: (lon: Double, lat: Double)
    private let cell: Double
    private let columns: Int, rows: Int
    /// Per cell: the region that holds the whole cell (index + 1); for a cell a boundary crosses,
    /// -1 - k, its regions to test being `candidates[candidateStarts[k] ..< candidateStarts[k + 1]]`
    /// (region indexes in ascending order); 0 when none. One array of each kind for all cells:
    /// with every tile of the world built (points over the globe), a list per cell and a second
    /// array per cell had held some 200 MB.
    private var owner: [Int32]
    /// `owner` in 16 bits, when every region index and candidate list fits (a 10° tile's 10,201
    /// cells always give fewer lists than that, and few tiles hold 32,767 regions): `owner` is then
    /// emptied. Points over the globe build 16 million cells.
    private var owner16: [Int16] = []
    /// The width `owner` is kept in (16 or 32 bits).
    var ownerBits: Int { owner.isEmpty ? 16 : 32 }
    /// The regions to test in the cells a boundary crosses (see `owner`).
    private var candidates: [Int32] = [], candidateStarts: [Int32] = [0]
    /// Per region: its edges grouped by the grid rows their latitudes span, as runs of consecutive
    /// edges (`bandStarts[r][k - bandFirstRow[r]]` is where row k's runs start in `runs`, kept for
    /// the rows from the region's first with edges to its last: a district spans a few of a tile's
    /// 100), in polygon, ring and edge order. The exact test of a point needs only the edges that
    /// cross its latitude, all of which are in its row.
    private var bandStarts: [[Int32]] = []
    private var bandFirstRow: [Int32] = []
    /// Every region's runs, one after another; a run's edges are `(vertices[t + 1], vertices[t])`
    /// for t in `start ..< start + count`. Consecutive edges of a ring share a vertex, so a row's
    /// edges take one vertex each and not two: a world of districts had filed 5 million edges of
    /// 40 bytes each.
    private var runs: [EdgeRun] = []
    private var vertices: [LonLat] = []
    /// The same vertices in millionths of a degree, when every one of them lies on that grid (the
    /// compiled data's do): half the memory, and decoded to the very same doubles (`decode`).
    /// `vertices` is then emptied. Points over the globe had held 8 million vertices in tiles.
    private var micro: [SIMD2<Int32>] = []

    struct EdgeRun {
        var polygon: Int32
        /// 0 for the exterior, then the holes.
        var ring: Int32
        var start: Int32
        var count: Int32
    }

    /// Builds the grid with cells of `cellDegrees` over `extent` (default: the regions' bounds);
    /// points outside the extent are in no region. Without `keepsGeometry` the regions it answers
    /// with have no polygons (an empty multipolygon): a caller that decoded them for this grid
    /// alone (the districts) does not keep them twice, as polygons and as edges.
    public init(regions: [Region], cellDegrees: Double = 0.1, extent: BoundingBox? = nil, keepsGeometry: Bool = true) {
        self.regions = regions
        cell = cellDegrees
        var b = regions.first?.bounds ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        for r in regions { b.extend(XY(x: r.bounds.minX, y: r.bounds.minY)); b.extend(XY(x: r.bounds.maxX, y: r.bounds.maxY)) }
        if let extent { b = extent }
        origin = (b.minX, b.minY)
        columns = max(1, Int((b.width / cellDegrees).rounded(.up)) + 1)
        rows = max(1, Int((b.height / cellDegrees).rounded(.up)) + 1)
        owner = [Int32](repeating: 0, count: columns * rows)
        var touching = [[Int32]](repeating: [], count: columns * rows)
        var crossings = [[Double]](repeating: [], count: rows)
        for (ri, region) in regions.enumerated() {
            for k in 0..<rows { crossings[k].removeAll(keepingCapacity: true) }
            for poly in region.geometry.polygons {
                for ring in poly.rings where ring.count > 1 {
                    for i in 0..<(ring.count - 1) {
                        let a = ring[i], c = ring[i + 1]
                        // Cells the edge's box covers see the edge.
                        let x0 = col(min(a.lon, c.lon)), x1 = col(max(a.lon, c.lon))
                        let y0 = max(0, row(min(a.lat, c.lat))), y1 = min(rows - 1, row(max(a.lat, c.lat)))
                        let xa = max(0, x0), xb = min(columns - 1, x1)
                        if y0 <= y1 && xa <= xb {
                        for y in y0...y1 {
                            for x in xa...xb {
                                let idx = y * columns + x
                                if touching[idx].last != Int32(ri) { touching[idx].append(Int32(ri)) }
                            }
                        }
                        }
                        // Where the edge crosses each row's centre line (half-open, as the ray cast counts).
                        let lo = min(a.lat, c.lat), hi = max(a.lat, c.lat)
                        var k = max(0, Int(((lo - origin.lat) / cell - 0.5).rounded(.up)))
                        while k < rows {
                            let yc = origin.lat + (Double(k) + 0.5) * cell
                            if yc >= hi { break }
                            if yc >= lo && (a.lat > yc) != (c.lat > yc) {
                                crossings[k].append((c.lon - a.lon) * (yc - a.lat) / (c.lat - a.lat) + a.lon)
                            }
                            k += 1
                        }
                    }
                }
            }
            // Even–odd fill of the cells whose centres lie inside.
            for k in 0..<rows where crossings[k].count >= 2 {
                let xs = crossings[k].sorted()
                var j = 0
                while j + 1 < xs.count {
                    let first = max(0, Int(((xs[j] - origin.lon) / cell - 0.5).rounded(.up)))
                    let last = min(columns - 1, Int(((xs[j + 1] - origin.lon) / cell - 0.5).rounded(.down)))
                    if first <= last { for x in first...last { owner[k * columns + x] = Int32(ri + 1) } }
                    j += 2
                }
            }
        }
        for region in regions { buildBands(region) }
        if let packed = RegionGrid.pack(vertices) {
            micro = packed
            vertices = []
        }
        for idx in 0..<(columns * rows) where !touching[idx].isEmpty {
            var list = touching[idx]
            if owner[idx] > 0, !list.contains(owner[idx] - 1) { list.append(owner[idx] - 1) }
            owner[idx] = -1 - Int32(candidateStarts.count - 1)
            candidates += list.sorted()
            candidateStarts.append(Int32(candidates.count))
        }
        if regions.count < Int(Int16.max), candidateStarts.count <= Int(Int16.max) {
            owner16 = owner.map { Int16($0) }
            owner = []
        }
        if !keepsGeometry {
            for i in self.regions.indices { self.regions[i].geometry = .multiPolygon([]) }
        }
    }

    /// Files the region's edges by row: edge (ring[i], ring[j]) with j the previous vertex, as
    /// `PointInPolygon` walks them, in every row between its lowest and highest latitude.
    ///
    /// Only the edges the grid's extent needs: the ray from a point of the extent goes east, so an
    /// edge wholly west of the extent never crosses it and is left out, and a run of edges wholly
    /// east of it crosses it as often, odd or even, as one vertical edge from the run's first
    /// vertex to its last (the count of changes of "above the point" along a path has the parity
    /// of its ends'), which stands for the run. A tile of the world then keeps the edges of its
    /// own longitudes, not every edge of Russia's latitudes: points spread over the globe had
    /// built 1.2 GB of tiles.
    private func buildBands(_ region: Region) {
        let west = origin.lon - 1e-6, east = origin.lon + Double(columns) * cell + 1e-6
        func eachEdge(_ body: (Int32, Int32, LonLat, LonLat, Int, Int) -> Void) {
            func file(_ pi: Int, _ ri: Int, _ a: LonLat, _ b: LonLat) {
                let r0 = max(0, row(min(a.lat, b.lat))), r1 = min(rows - 1, row(max(a.lat, b.lat)))
                if r0 <= r1 { body(Int32(pi), Int32(ri), a, b, r0, r1) }
            }
            for (pi, poly) in region.geometry.polygons.enumerated() {
                for (ri, ring) in poly.rings.enumerated() where !ring.isEmpty {
                    // The first vertex of the run of edges east of the extent being walked.
                    var runFrom: LonLat?
                    // The run ended at `to`: one vertical edge east of the extent stands for it.
                    func closeRun(at to: LonLat) {
                        guard let from = runFrom else { return }
                        // A whole degree east of the extent (on every grid: see `micro`).
                        let lon = (east + 1).rounded(.up)
                        file(pi, ri, LonLat(lon: lon, lat: to.lat), LonLat(lon: lon, lat: from.lat))
                        runFrom = nil
                    }
                    var j = ring.count - 1
                    for i in 0..<ring.count {
                        let a = ring[i], b = ring[j]
                        j = i
                        if min(a.lon, b.lon) > east {
                            if runFrom == nil { runFrom = b }
                            continue
                        }
                        closeRun(at: b)
                        if max(a.lon, b.lon) < west { continue }
                        file(pi, ri, a, b)
                    }
                    closeRun(at: ring[ring.count - 1])
                }
            }
        }
        // Each row's runs and their vertices, for the rows of the region's latitudes (`lo` on, not
        // the tile's hundred). An edge continues its row's last run when it is of the same ring
        // and its previous vertex is bitwise the run's last: then it adds one vertex, else it
        // starts a run of two.
        let lo = max(0, row(region.bounds.minY)), hi = min(rows - 1, row(region.bounds.maxY))
        var rowRuns = [[EdgeRun]](repeating: [], count: max(0, hi - lo + 1))
        var rowVertices = [[LonLat]](repeating: [], count: rowRuns.count)
        eachEdge { pi, ri, a, b, r0, r1 in
            for k in (r0 - lo)...(r1 - lo) {
                if let last = rowRuns[k].last, last.polygon == pi, last.ring == ri,
                   let v = rowVertices[k].last, v.lon.bitPattern == b.lon.bitPattern, v.lat.bitPattern == b.lat.bitPattern {
                    rowRuns[k][rowRuns[k].count - 1].count += 1
                } else {
                    rowRuns[k].append(EdgeRun(polygon: pi, ring: ri, start: Int32(rowVertices[k].count), count: 1))
                    rowVertices[k].append(b)
                }
                rowVertices[k].append(a)
            }
        }
        // The rows from the first with edges to the last, their runs and vertices one after another.
        let first = rowRuns.firstIndex { !$0.isEmpty } ?? 0, end = (rowRuns.lastIndex { !$0.isEmpty } ?? -1) + 1
        var starts = [Int32(runs.count)]
        for k in first..<max(first, end) {
            let offset = Int32(vertices.count)
            runs += rowRuns[k].map { var r = $0; r.start += offset; return r }
            vertices += rowVertices[k]
            starts.append(Int32(runs.count))
        }
        bandFirstRow.append(Int32(lo + first))
        bandStarts.append(starts)
    }

    /// Whether region `r` holds `p` (in grid row `k`): the answer of `Region.contains`, from the
    /// edges of that row only.
    private func contains(_ r: Int, _ p: LonLat, row k: Int) -> Bool {
        guard regions[r].bounds.contains(XY(x: p.lon, y: p.lat)) else { return false }
        let starts = bandStarts[r], i = k - Int(bandFirstRow[r])
        // No edge in the row: the ray crosses nothing.
        guard i >= 0, i + 1 < starts.count else { return false }
        var polygon: Int32 = -1, ring: Int32 = -1
        var odd = false, inExterior = false, inHole = false
        for run in runs[Int(starts[i])..<Int(starts[i + 1])] {
            if run.polygon != polygon || run.ring != ring {
                if polygon >= 0 {
                    if ring == 0 { inExterior = odd } else if odd { inHole = true }
                    if run.polygon != polygon {
                        if inExterior && !inHole { return true }
                        inExterior = false
                        inHole = false
                    }
                }
                polygon = run.polygon
                ring = run.ring
                odd = false
            }
            if micro.isEmpty {
                for t in Int(run.start)..<Int(run.start + run.count) where PointInPolygon.crosses(vertices[t + 1], vertices[t], p) { odd.toggle() }
            } else {
                var b = RegionGrid.decode(micro[Int(run.start)])
                for t in Int(run.start)..<Int(run.start + run.count) {
                    let a = RegionGrid.decode(micro[t + 1])
                    if PointInPolygon.crosses(a, b, p) { odd.toggle() }
                    b = a
                }
            }
        }
        if polygon >= 0 {
            if ring == 0 { inExterior = odd } else if odd { inHole = true }
            if inExterior && !inHole { return true }
        }
        return false
    }

    /// `vertices` in millionths of a degree, or nil when one of them is not on that grid (or is
    /// not given back exactly by `decode`).
    static func pack(_ vertices: [LonLat]) -> [SIMD2<Int32>]? {
        var out: [SIMD2<Int32>] = []
        out.reserveCapacity(vertices.count)
        for v in vertices {
            let x = (v.lon * 1e6).rounded(), y = (v.lat * 1e6).rounded()
            guard abs(x) < 2e9, abs(y) < 2e9 else { return nil }
            let q = SIMD2<Int32>(Int32(x), Int32(y))
            guard decode(q) == v else { return nil }
            out.append(q)
        }
        return out
    }

    /// The vertex `q` millionths of a degree stand for. A division, not a product with 1e-6
    /// (which has no exact double): rounded once, it is the double nearest the decimal, as the
    /// data's text "12.9265" parses.
    @inline(__always)
    static func decode(_ q: SIMD2<Int32>) -> LonLat {
        LonLat(lon: Double(q.x) / 1e6, lat: Double(q.y) / 1e6)
    }

    private func col(_ lon: Double) -> Int { Int(((lon - origin.lon) / cell).rounded(.down)) }
    private func row(_ lat: Double) -> Int { Int(((lat - origin.lat) / cell).rounded(.down)) }

    /// The region holding `p`, or nil.
    public func region(at p: LonLat) -> Region? { region(at: p) { $0 } }

    /// What `read` takes from the region holding `p` (read in place: a million points need not
    /// copy a million regions to learn their ids), or nil.
    @inline(__always)
    public func region<T>(at p: LonLat, _ read: (Region) -> T) -> T? {
        let x = col(p.lon), y = row(p.lat)
        guard x >= 0, y >= 0, x < columns, y < rows else { return nil }
        let idx = y * columns + x
        let o = owner.isEmpty ? Int(owner16[idx]) : Int(owner[idx])
        if o > 0 { return read(regions[o - 1]) }
        guard o < 0 else { return nil }
        // Candidates in region order, as a scan of every region would find them.
        for ri in candidates[Int(candidateStarts[-1 - o])..<Int(candidateStarts[-o])] where contains(Int(ri), p, row: y) {
            return read(regions[Int(ri)])
        }
        return nil
    }
}

/// Region grids on tiles of the world (10° squares), each built the first time a point falls in
/// it from the regions whose bounds reach it: a world of countries or provinces costs only the
/// tiles a run touches.
public final class TiledRegionGrid: @unchecked Sendable {
    // Safe: `tiles` is only read under `lock` shared and written under it alone; a built grid is
    // immutable, and `regionsReaching` is called from any thread.
    /// The regions whose bounds reach a tile's box, in data order.
    private let regionsReaching: (BoundingBox) -> [Region]
    private let tileDegrees = 10.0
    private let columns = 36, rows = 18
    private var tiles: [RegionGrid?]
    private let lock = ReadWriteLock()

    /// Whether the tiles' regions keep their polygons (see `RegionGrid.init`).
    private let keepsGeometry: Bool

    /// A grid over `regions`.
    public convenience init(regions: [Region]) {
        self.init { box in regions.filter { $0.bounds.intersects(box) } }
    }

    /// A grid whose tiles get their regions from `regionsReaching` (those whose bounds reach the
    /// box, in data order), asked once per tile: regions can then be decoded only where needed.
    /// Without `keepsGeometry` the tiles keep the regions' edges but not their polygons.
    public init(keepsGeometry: Bool = true, regionsReaching: @escaping (BoundingBox) -> [Region]) {
        self.keepsGeometry = keepsGeometry
        self.regionsReaching = regionsReaching
        tiles = Array(repeating: nil, count: columns * rows)
    }

    public func region(at p: LonLat) -> Region? { region(at: p) { $0 } }

    /// What `read` takes from the region holding `p` (see `RegionGrid.region(at:_:)`), or nil.
    public func region<T>(at p: LonLat, _ read: (Region) -> T) -> T? {
        guard p.lon.isFinite, p.lat.isFinite else { return nil }
        let x = min(columns - 1, max(0, Int(((p.lon + 180) / tileDegrees).rounded(.down))))
        let y = min(rows - 1, max(0, Int(((p.lat + 90) / tileDegrees).rounded(.down))))
        return tile(x, y).region(at: p, read)
    }

    private func tile(_ x: Int, _ y: Int) -> RegionGrid {
        if let t = lock.reading({ tiles[y * columns + x] }) { return t }
        // Built outside the lock, so that other threads go on with other tiles (points over the
        // globe meet every tile, and building them one at a time had left a core idle); should two
        // threads build one tile, the first one kept serves both.
        let made = build(x, y)
        return lock.writing {
            if let t = tiles[y * columns + x] { return t }
            tiles[y * columns + x] = made
            return made
        }
    }

    /// The tile's grid.
    private func build(_ x: Int, _ y: Int) -> RegionGrid {
        // The tile's box, widened by a hair so that points on its edges have cells.
        let box = BoundingBox(minX: -180 + Double(x) * tileDegrees - 1e-9, minY: -90 + Double(y) * tileDegrees - 1e-9,
                              maxX: -180 + Double(x + 1) * tileDegrees + 1e-9, maxY: -90 + Double(y + 1) * tileDegrees + 1e-9)
        let inside = regionsReaching(box)
        // A tile of open sea (most of a globe's) needs no cells of 0.1°.
        return RegionGrid(regions: inside, cellDegrees: inside.isEmpty ? tileDegrees : 0.1, extent: box, keepsGeometry: keepsGeometry)
    }
}
