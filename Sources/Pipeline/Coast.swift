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
final class Coasts: @unchecked Sendable {
    /// How near a town's point a point in no country's polygon must be to take the town's country.
    static let townKm = 3.0
    // Safe: `outlines` and `cells` are read under `lock` shared and written under it alone; a
    // built outline is immutable (its own cache has its own lock).
    /// How far off a named country's land a point may lie and still be taken as in it (km).
    static let toleranceKm = 5.0
    /// Each region's outline (every ring of its polygons) as lines to measure to, by `key`.
    private var outlines: [String: BorderDistance] = [:]
    private let lock = ReadWriteLock()

    /// The region of `regions` nearest to `p` within `toleranceKm`, and its geodesic distance
    /// (km) from `p`; `key` names a region's outline uniquely.
    func nearest(_ p: LonLat, among regions: [Region], key: (Region) -> String) -> (region: Region, km: Double)? {
        var best: (region: Region, km: Double)?
        for r in regions where Coasts.mayReach(r.bounds, p) {
            guard let d = outline(of: r, key: key(r)).nearest(to: p)?.distanceKm, d <= Coasts.toleranceKm else { continue }
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
    private var cells: [Cell: [Region]] = [:]

    /// The regions of `level` within `toleranceKm` of `p`'s 1° cell (`fetch` gives those whose
    /// bounds reach a box), found once per cell.
    private func regions(_ level: Level, near p: LonLat, _ fetch: (BoundingBox) -> [Region]) -> [Region] {
        let x = p.lon.rounded(.down), y = p.lat.rounded(.down)
        let key = Cell(level: level, x: Int32(x), y: Int32(y))
        if let known = lock.reading({ cells[key] }) { return known }
        let (dLat, dLon) = Coasts.margin(latitude: max(abs(y), abs(y + 1)))
        let found = fetch(BoundingBox(minX: x - dLon, minY: y - dLat, maxX: x + 1 + dLon, maxY: y + 1 + dLat))
        lock.writing { cells[key] = found }
        return found
    }

    /// Whether `bounds` widened by at least `km` hold `p`, either side of the antimeridian (a box
    /// may be written from -180 or past 180): a filter only; every distance reported is the
    /// outline's geodesic one.
    static func mayReach(_ bounds: BoundingBox, _ p: LonLat, km: Double = toleranceKm) -> Bool {
        let (dLat, dLon) = margin(latitude: abs(p.lat), km: km)
        guard p.lat >= bounds.minY - dLat && p.lat <= bounds.maxY + dLat else { return false }
        return [p.lon, p.lon + 360, p.lon - 360].contains { lon in lon >= bounds.minX - dLon && lon <= bounds.maxX + dLon }
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
        if let known = lock.reading({ outlines[key] }) { return known }
        let rings = r.geometry.polygons.flatMap(\.rings).filter { $0.count > 1 }
        let made = BorderDistance(borders: [BorderLine(id: r.id, countries: [r.country], name: r.name, lengthKm: 0, dataset: "", lines: rings)])
        return lock.writing {
            if let known = outlines[key] { return known }
            outlines[key] = made
            return made
        }
    }
}
