import Foundation
import Geometry

/// What one layer of the bundled data is made from, as maps and reports credit it. Read from
/// `sources.json`, which the data build writes beside the data: no dataset name or version
/// lives in the code, so new data brings its own attribution.
public struct DataSource: Sendable, Decodable, Equatable {
    /// The layer: "countries", "provinces" or "places".
    public var layer: String
    /// The dataset as a map's attribution line names it ("Natural Earth 5.1.1 1:10m").
    public var short: String
    /// The dataset as a report's notes describe it, with how it was fitted or filtered.
    public var long: String
    /// Its licence ("public domain", "CC BY 4.0").
    public var licence: String
    /// The credit line its licence asks for or good practice gives ("Made with Natural Earth.").
    public var credit: String

    struct File: Decodable {
        /// West, south, east, north (degrees) of what the countries and borders cover; absent: the world.
        var coverage: [Double]?
        var datasets: [DataSource]
    }

    /// The sources listed in `url`, and the box the data covers.
    /// - Throws: `GazetteerDataError` naming the file when it is missing or malformed.
    static func read(_ url: URL) throws -> (sources: [DataSource], coverage: BoundingBox) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        } catch {
            throw GazetteerDataError(file: url.lastPathComponent, line: nil, field: nil,
                                     message: "cannot read the data's sources (\(error))")
        }
        guard let c = file.coverage else { return (file.datasets, Gazetteer.world) }
        guard c.count == 4, c[0] < c[2], c[1] < c[3], c[0] >= -180, c[2] <= 180, c[1] >= -90, c[3] <= 90 else {
            throw GazetteerDataError(file: url.lastPathComponent, line: nil, field: "coverage",
                                     message: "expected [west, south, east, north] in degrees")
        }
        return (file.datasets, BoundingBox(minX: c[0], minY: c[1], maxX: c[2], maxY: c[3]))
    }
}

extension Gazetteer {
    /// The whole world, as a coverage box.
    public static let world = BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)

    /// Whether the data's countries and borders cover `p` (outside, no land is known).
    public func covers(_ p: LonLat) -> Bool {
        coverage.contains(XY(x: p.lon, y: p.lat))
    }

    /// A lower bound of the distance (km) from `p` to the edge of the coverage: a border farther
    /// than this may lie outside the data, so a nearest border beyond it is not known. Infinite
    /// for data of the whole world; zero outside the coverage.
    public func coverageMarginKm(_ p: LonLat) -> Double {
        guard coverage != Gazetteer.world else { return .infinity }
        guard covers(p) else { return 0 }
        // Radii below the ellipsoid's everywhere (metres per degree of a meridian ≥ 110.57 km; the
        // polar radius 6,356.75 km), so the bound never exceeds the true distance.
        var margin = Double.infinity
        if coverage.minY > -90 { margin = min(margin, (p.lat - coverage.minY) * 110.5) }
        if coverage.maxY < 90 { margin = min(margin, (coverage.maxY - p.lat) * 110.5) }
        if coverage.minX > -180 || coverage.maxX < 180 {
            // Distance to a meridian along the great circle that meets it at a right angle.
            let c = cos(p.lat * .pi / 180)
            for edge in [coverage.minX, coverage.maxX] {
                let d = min(abs(p.lon - edge), 180) * .pi / 180
                margin = min(margin, asin(min(1, sin(min(d, .pi / 2)) * c)) * 6_356.7)
            }
        }
        return max(0, margin)
    }

    /// The attribution line of a map with incidents beyond the coverage.
    public var coverageNote: String {
        "The bundled data covers \(coverageText) only: land, borders and places beyond it are not drawn, and incidents there have no country or border distance."
    }

    /// "40–80°E, 12–42°N": the coverage as a reader reads it.
    public var coverageText: String {
        func lon(_ v: Double) -> String { "\(Int(abs(v).rounded()))°\(v < 0 ? "W" : "E")" }
        func lat(_ v: Double) -> String { "\(Int(abs(v).rounded()))°\(v < 0 ? "S" : "N")" }
        return "\(lon(coverage.minX))–\(lon(coverage.maxX)), \(lat(coverage.minY))–\(lat(coverage.maxY))"
    }
}

extension Gazetteer {
    /// The source of `layer`, when the data lists one.
    public func source(_ layer: String) -> DataSource? {
        sources.first { $0.layer == layer }
    }

    /// The credit lines of every source, each once: first those a licence requires (anything but
    /// public domain), then the courtesy ones, each group in the order listed.
    public var credits: [String] {
        var out: [String] = []
        let required = sources.filter { $0.licence != "public domain" }, courtesy = sources.filter { $0.licence == "public domain" }
        for s in required + courtesy where !out.contains(s.credit) { out.append(s.credit) }
        return out
    }
}
