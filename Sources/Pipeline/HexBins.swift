import Foundation
import Geometry
import Incidents
import Projection
import Rendering

/// The aggregated map's bins: hexagons of the map's projected plane, so that every bin covers
/// the same area of the page wherever it lies (cells of longitude and latitude narrow towards the
/// poles and across a wide frame). Hexagons, not squares: their centres are equally far from all
/// six neighbours, so a cluster is not cut into a visible grid.
enum HexBins {
    /// The fine cells the incidents are first counted in are this many times smaller than the
    /// hexagons (in degrees, a sixtieth of the extent over four): small enough that a hexagon's
    /// edge moves no cluster by more than a quarter of its width, few enough for a server to send.
    static let fineCellsPerHexagon = 4.0
    /// The hexagons are a sixtieth of the core's larger projected side across, and at least 5 km.
    static let hexagonsAcross = 60.0, minimumAcross = 5_000.0

    /// Incidents counted together: a fine cell or a hexagon.
    struct Bin {
        var count = 0, killed = 0
        var sumLon = 0.0, sumLat = 0.0
        /// Incidents by category (a fixed slot each: a dictionary per cell cost 150 bytes for each
        /// of a few hundred thousand fine cells).
        var kinds = KindCounts()

        /// The centre of mass, longitude within ±180°.
        var centre: LonLat {
            var lon = sumLon / Double(count)
            if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
            return LonLat(lon: lon, lat: sumLat / Double(count))
        }

        mutating func add(count: Int, killed: Int, sumLon: Double, sumLat: Double, category: IncidentCategory) {
            self.count += count
            self.killed += killed
            self.sumLon += sumLon
            self.sumLat += sumLat
            kinds.add(category, count)
        }

        /// Adds `other`, its longitudes turned by 360° when that brings them nearer this bin's
        /// (a hexagon across the antimeridian).
        mutating func add(_ other: Bin) {
            var shift = 0.0
            if count > 0 {
                let d = other.sumLon / Double(other.count) - sumLon / Double(count)
                shift = d > 180 ? -360 : d < -180 ? 360 : 0
            }
            count += other.count
            killed += other.killed
            sumLon += other.sumLon + shift * Double(other.count)
            sumLat += other.sumLat
            for (k, n) in other.kinds { kinds.add(k, n) }
        }
    }

    /// Incidents counted by category: the categories with a count, in declaration order.
    struct KindCounts: Sequence {
        private var counts = (0, 0, 0)

        mutating func add(_ category: IncidentCategory, _ n: Int) {
            switch category {
            case .strike: counts.0 += n
            case .explosion: counts.1 += n
            case .other: counts.2 += n
            }
        }

        func makeIterator() -> IndexingIterator<[(key: IncidentCategory, value: Int)]> {
            [(key: IncidentCategory.strike, value: counts.0), (key: .explosion, value: counts.1), (key: .other, value: counts.2)]
                .filter { $0.value > 0 }.makeIterator()
        }
    }

    /// The fine cells grouped by the hexagon of the map's plane (CRS `crs`) their centre of mass
    /// projects into, largest first (ties by position), and how far the hexagons are across (km,
    /// in projected metres: true at the centre of the default projection). A cell PROJ cannot
    /// project (outside a chosen CRS's domain) stays a bin of its own. `acrossKm`: the hexagons'
    /// size, given (the panels of small multiples share the whole run's); nil sets it from the cells.
    static func group(_ fine: [Bin], crs: String, options: MapOptions, acrossKm given: Double? = nil) throws -> (bins: [Bin], acrossKm: Double) {
        let projection = try Projection(from: "EPSG:4326", to: crs)
        let centres = fine.map(\.centre)
        var xs = centres.map(\.lon), ys = centres.map(\.lat)
        projection.forwardAllowingFailures(xs: &xs, ys: &ys)
        // The hexagons' size is the core's: a few distant incidents (an edge arrow) do not set it.
        let far = Set(Outliers.indices(locations: centres, counts: fine.map(\.count), options: options))
        let core = BoundingBox(points: fine.indices.filter { !far.contains($0) && xs[$0].isFinite && ys[$0].isFinite }.map { XY(x: xs[$0], y: ys[$0]) })
        let across = given.map { $0 * 1000 } ?? max(minimumAcross, core.map { max($0.width, $0.height) / hexagonsAcross } ?? minimumAcross)
        var hexagons: [Int64: Bin] = [:]
        var lost: [(Int, Bin)] = []
        for (i, cell) in fine.enumerated() {
            guard xs[i].isFinite, ys[i].isFinite else { lost.append((i, cell)); continue }
            hexagons[key(x: xs[i], y: ys[i], across: across), default: Bin()].add(cell)
        }
        var keyed = hexagons.map { ($0.key, $0.value) }
        // Keys of cells PROJ could not project lie beyond every hexagon's.
        keyed += lost.map { (Int64.max - Int64($0.0), $0.1) }
        keyed.sort { ($1.1.count, $0.0) < ($0.1.count, $1.0) }
        return (keyed.map(\.1), across / 1000)
    }

    /// The pointy-top hexagon `across` metres wide (between opposite sides) that holds the point:
    /// its axial coordinates (q in the high 32 bits, r in the low), found by rounding the cube
    /// coordinates (x + y + z = 0) to the nearest whole triple.
    static func key(x: Double, y: Double, across: Double) -> Int64 {
        let size = across / 3.0.squareRoot()  // centre to corner
        let q = (3.0.squareRoot() / 3 * x - y / 3) / size, r = (2.0 / 3 * y) / size
        let s = -q - r
        var rq = q.rounded(), rr = r.rounded()
        let rs = s.rounded()
        let dq = abs(rq - q), dr = abs(rr - r), ds = abs(rs - s)
        if dq > dr && dq > ds { rq = -rr - rs } else if dr > ds { rr = -rq - rs }
        return Int64(Int32(truncatingIfNeeded: Int64(rq))) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: Int64(rr))))
    }
}
