import Foundation
import Gazetteer
import Geometry

/// Points just off a coast as the bundled polygons draw it.
///
/// Natural Earth's 1:10m land is generalised, and a harbour town's point can fall in the water
/// beside it: of the 12,325 GeoNames towns of 50,000 people or more, 186 fall in no country's
/// polygon, 183 of them within 4.5 km of their own country's (Suva, Malabo, Darwin, Split,
/// Xiamen, Nuku‘alofa 1.6 km off Tongatapu), and so can a river city's centre where the polygon
/// leaves out a wide river (Kherson, on the Dnipro). Such a point is taken as in a country only
/// when something names that country (the row's declared country, the country of the gazetteer
/// entry that placed it, or, when the row names none, that of a populated place whose own point
/// is within `townKm`) and that country's land is within `toleranceKm` of it; its province and
/// district are then the nearest of that country's within the same distance. Nothing else moves
/// a point at sea into a country: a ship 20 km out, or a point 1 km out whose row names another
/// country or names none and is not at a town, stays at sea.
final class Coasts: Sendable {
    /// How near a town's point a point in no country's polygon must be to take the town's country.
    static let townKm = 3.0
    /// How far off a named country's land a point may lie and still be taken as in it (km).
    static let toleranceKm = 5.0
    /// Each region's outline (every ring of its polygons) as lines to measure to, by `key`: for
    /// `nearestLand` (a map's few sea incidents, up to `seaReachKm` out).
    private let outlines = Memo<String, BorderDistance>()
    /// Each region's rings cut into runs with their bounds, by `key`: for `nearest`, which measures
    /// only to the runs within reach of its point.
    private let runs = Memo<String, OutlineRuns>()

    /// The region of `regions` nearest to `p` within `toleranceKm`, and its geodesic distance
    /// (km) from `p`; `key` names a region's outline uniquely.
    ///
    /// Only the runs of the outline that may come within `toleranceKm` of `p`'s cell of
    /// `localCell` degrees are measured, as lines of a `BorderDistance` made for that cell: a
    /// segment nearer than that to a point of the cell is in one of them, so the distance within
    /// reach is the one the whole outline gives. A million points over the globe had kept the
    /// whole outline of each country one of them lay off (Canada's, Russia's, Indonesia's:
    /// 155 MB) for a few hundred points; points clustered off one coast share their cell's.
    func nearest(_ p: LonLat, among regions: [Region], key: (Region) -> String) -> (region: Region, km: Double)? {
        var best: (region: Region, km: Double)?
        for r in regions where Coasts.mayReach(r.bounds, p) {
            guard let local = localOutline(of: r, key: key(r), near: p),
                  let d = local.nearest(to: p)?.distanceKm, d <= Coasts.toleranceKm else { continue }
            if best.map({ d < $0.km }) ?? true { best = (r, d) }
        }
        return best
    }

    /// How far off the land a point at sea is told (km): "At sea, 38 km off Eritrea".
    static let seaReachKm = 500.0

    /// The country whose land (its polygons' outline, coasts and islands) is nearest to `p`, a
    /// point in no country's polygon, within `seaReachKm`, with its geodesic distance (km).
    func nearestLand(to p: LonLat, _ gazetteer: Gazetteer) -> (country: Region, km: Double)? {
        var best: (country: Region, km: Double)?
        for c in gazetteer.countries where Coasts.mayReach(c.bounds, p, km: Coasts.seaReachKm) {
            guard let d = outline(of: c, key: "country \(c.id)").nearest(to: p)?.distanceKm, d <= Coasts.seaReachKm else { continue }
            if best.map({ d < $0.km }) ?? true { best = (c, d) }
        }
        return best
    }

    /// The province of `country` nearest to `p` within `toleranceKm`.
    func province(near p: LonLat, in country: String, _ gazetteer: Gazetteer) -> Region? {
        let near = regions(.province, near: p) { box in gazetteer.provinces.filter { $0.bounds.intersects(box) } }
        return nearest(p, among: near.filter { $0.country == country }, key: { "province \($0.id)" })?.region
    }

    /// The district of `country` nearest to `p` within `toleranceKm`.
    func district(near p: LonLat, in country: String, _ gazetteer: Gazetteer) -> Region? {
        let near = regions(.district, near: p) { box in gazetteer.districts(near: box) }
        return nearest(p, among: near.filter { $0.country == country }, key: { "district \($0.id)" })?.region
    }

    enum Level: UInt8 { case province, district }
    private struct Cell: Hashable { var level: Level; var x: Int32; var y: Int32 }
    /// The provinces and districts that reach each 1° cell widened by `toleranceKm`, as met: points
    /// off one coast share them, and districts are decoded from the compiled file once per cell.
    private let cells = Memo<Cell, [Region]>()

    /// The regions of `level` within `toleranceKm` of `p`'s 1° cell (`fetch` gives those whose
    /// bounds reach a box), found once per cell.
    private func regions(_ level: Level, near p: LonLat, _ fetch: (BoundingBox) -> [Region]) -> [Region] {
        let x = p.lon.rounded(.down), y = p.lat.rounded(.down)
        return cells.value(Cell(level: level, x: Int32(x), y: Int32(y))) {
            let (dLat, dLon) = Coasts.margin(latitude: max(abs(y), abs(y + 1)))
            return fetch(BoundingBox(minX: x - dLon, minY: y - dLat, maxX: x + 1 + dLon, maxY: y + 1 + dLat))
        }
    }

    /// Whether `bounds` widened by at least `km` hold `p`, either side of the antimeridian (a box
    /// may be written from -180 or past 180): a filter only; every distance reported is the
    /// outline's geodesic one.
    static func mayReach(_ bounds: BoundingBox, _ p: LonLat, km: Double = toleranceKm) -> Bool {
        mayReach(bounds, BoundingBox(minX: p.lon, minY: p.lat, maxX: p.lon, maxY: p.lat), km: km)
    }

    /// Whether something within `bounds` may lie within `km` of some point of `box` (either way
    /// round the antimeridian).
    static func mayReach(_ bounds: BoundingBox, _ box: BoundingBox, km: Double = toleranceKm) -> Bool {
        let (dLat, dLon) = margin(latitude: max(abs(box.minY), abs(box.maxY)), km: km)
        guard bounds.maxY >= box.minY - dLat && bounds.minY <= box.maxY + dLat else { return false }
        func overlaps(_ shift: Double) -> Bool { bounds.maxX >= box.minX + shift - dLon && bounds.minX <= box.maxX + shift + dLon }
        return overlaps(0) || overlaps(360) || overlaps(-360)
    }

    /// Degrees of latitude and of longitude that hold at least `km` anywhere up to
    /// `latitude` (absolute): a degree of latitude is over 110 km, one of longitude over 110 km
    /// times the cosine of the latitude.
    static func margin(latitude: Double, km: Double = toleranceKm) -> (dLat: Double, dLon: Double) {
        let dLat = km / 110
        // Near a pole every longitude is within reach.
        guard latitude + dLat < 89.9 else { return (dLat, 360) }
        return (dLat, min(360, dLat / max(0.01, cos((latitude + dLat) * .pi / 180))))
    }

    /// A distance off the coast as warnings write it: "1.2 km", "under 0.1 km".
    static func kmText(_ km: Double) -> String {
        km < 0.05 ? "under 0.1 km" : String(format: "%.1f km", km)
    }

    private func outline(of r: Region, key: String) -> BorderDistance {
        outlines.value(key) { Coasts.measure(r, Coasts.rings(of: r)) }
    }

    /// Every ring of the region's polygons (its coasts, islands and land borders).
    private static func rings(of r: Region) -> [[LonLat]] { r.geometry.polygons.flatMap(\.rings).filter { $0.count > 1 } }

    /// A measure of the distance to `lines` of the region's outline.
    private static func measure(_ r: Region, _ lines: [[LonLat]]) -> BorderDistance {
        BorderDistance(borders: [BorderLine(id: r.id, countries: [r.country], name: r.name, lengthKm: 0, dataset: "", lines: lines)])
    }
    /// The side of the cells whose points share the runs they may reach (degrees, about 11 km).
    static let localCell = 0.1
    private struct LocalKey: Hashable { var key: String; var x: Int32; var y: Int32 }
    /// The runs of a region's outline within reach of each cell met, as a measure (nil: none).
    private let local = Memo<LocalKey, BorderDistance?>()

    private func localOutline(of r: Region, key: String, near p: LonLat) -> BorderDistance? {
        let c = Coasts.localCell, x = (p.lon / c).rounded(.down), y = (p.lat / c).rounded(.down)
        return local.value(LocalKey(key: key, x: Int32(x), y: Int32(y))) {
            // The cell, widened by a hair for the rounding of p / c.
            let cell = BoundingBox(minX: x * c - 1e-9, minY: y * c - 1e-9, maxX: (x + 1) * c + 1e-9, maxY: (y + 1) * c + 1e-9)
            let lines = runs.value(key) { OutlineRuns(Coasts.rings(of: r)) }.lines(reaching: cell)
            return lines.isEmpty ? nil : Coasts.measure(r, lines)
        }
    }
}

/// A region's rings as runs of up to `length` segments, each with its bounds widened by its
/// longest segment: every point of a segment's geodesic, or of its line in longitude and latitude,
/// lies within the segment's length of its ends, so a run none of whose segments comes within
/// `km` of a point has bounds that, widened by `km`, do not hold the point. The rings are the
/// region's own arrays (shared, not copied); a run costs 48 bytes.
struct OutlineRuns: Sendable {
    static let length = 32
    private let rings: [[LonLat]]
    private struct Run { var ring: Int32; var start: Int32; var end: Int32; var bounds: BoundingBox }
    private let list: [Run]

    init(_ rings: [[LonLat]]) {
        self.rings = rings
        var list: [Run] = []
        for (ri, ring) in rings.enumerated() {
            var start = 0
            while start < ring.count - 1 {
                let end = min(start + OutlineRuns.length, ring.count - 1)
                var box = BoundingBox(minX: ring[start].lon, minY: ring[start].lat, maxX: ring[start].lon, maxY: ring[start].lat)
                var longestKm = 0.0
                for i in start + 1...end {
                    box.minX = min(box.minX, ring[i].lon); box.maxX = max(box.maxX, ring[i].lon)
                    box.minY = min(box.minY, ring[i].lat); box.maxY = max(box.maxY, ring[i].lat)
                    longestKm = max(longestKm, OutlineRuns.upperKm(ring[i - 1], ring[i]))
                }
                // Widened by the longest segment, in degrees that hold it at the run's latitudes.
                let (dLat, dLon) = Coasts.margin(latitude: max(abs(box.minY), abs(box.maxY)), km: longestKm)
                box = BoundingBox(minX: box.minX - dLon, minY: box.minY - dLat, maxX: box.maxX + dLon, maxY: box.maxY + dLat)
                list.append(Run(ring: Int32(ri), start: Int32(start), end: Int32(end), bounds: box))
                start = end
            }
        }
        self.list = list
    }

    /// The runs whose bounds come within `Coasts.toleranceKm` of some point of `box`, either side
    /// of the antimeridian, as lines.
    func lines(reaching box: BoundingBox) -> [[LonLat]] {
        list.filter { Coasts.mayReach($0.bounds, box) }.map { Array(rings[Int($0.ring)][Int($0.start)...Int($0.end)]) }
    }

    /// More than the geodesic distance from `a` to `b` (km): the great-circle distance on a sphere
    /// of the equatorial radius (within 0.4 % of the ellipsoid's geodesic), plus 1 %.
    static func upperKm(_ a: LonLat, _ b: LonLat) -> Double {
        let r = Double.pi / 180, dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * r) * cos(b.lat * r) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6378.137 * asin(min(1, h.squareRoot())) * 1.01
    }
}
