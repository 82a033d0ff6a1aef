import Foundation
import Gazetteer
import Geometry
import Incidents
import Projection
import Rendering
import Topology

/// The names of the GeoJSON layers a run writes.
public enum LayerSet {
    /// Layer file names in the order they are written.
    public static let names = ["incidents", "places", "border", "provinces", "countries"]
    /// Layers written only when asked for.
    public static let optionalNames = ["uncertainty", "strikes"]
}

/// Builds the GeoJSON layers from resolved incidents and the gazetteer.
public struct LayerBuilder: Sendable {
    let gazetteer: Gazetteer
    /// Extent of the basemap layers in longitude/latitude, as boxes within ±180°: two, either
    /// side of the antimeridian, for an extent across it.
    let boxes: [BoundingBox]
    /// Regions' areas, each dissolved once (`regionArea`).
    private let regionAreas = Memo<String, Geometry?>()

    /// Creates a builder for the layers of `extent`, whose east edge lies past 180° when it
    /// crosses the antimeridian (`LonLatExtent.shortWay`).
    public init(gazetteer: Gazetteer, extent: BoundingBox) {
        self.gazetteer = gazetteer
        boxes = extent.withinAntimeridian
    }

    /// The area an approximately placed incident may be in: its province's, district's or
    /// country's polygon, or its region's provinces as one, when it was placed by that unit's name;
    /// else a geodesic circle of the precision's radius (64 vertices). Nil for exact locations.
    public func uncertaintyFeature(_ r: ResolvedIncident) -> OutputFeature? {
        guard r.precision != .exact else { return nil }
        var geometry: Geometry
        var shape = "circle"
        if r.precision == .province, r.entry?.kind == .admin1, let id = r.entry?.id, let province = gazetteer.province(id: id) {
            geometry = province.geometry
            shape = "province"
        } else if r.precision == .district, let e = r.entry, let district = gazetteer.district(of: e) {
            geometry = district.geometry
            shape = "district"
        } else if r.precision == .province, let e = r.entry, e.kind == .country, let country = gazetteer.country(code: e.country) {
            geometry = country.geometry
            shape = "country"
        } else if r.precision == .province, let e = r.entry, e.kind == .region, let area = regionArea(e.id) {
            geometry = area
            shape = "region"
        } else {
            var ring: [LonLat] = []
            for k in 0..<64 {
                // Counter-clockwise: azimuths decreasing from north.
                let p = Geodesic.wgs84.direct(lon: r.point.lon, lat: r.point.lat, azimuth: -Double(k) * 360 / 64, distance: r.precision.radiusKm * 1000)
                ring.append(LonLat(lon: p.lon, lat: p.lat))
            }
            ring.append(ring[0])
            geometry = .polygon(Polygon(exterior: ring))
        }
        geometry = Antimeridian.split(geometry)
        return OutputFeature(id: r.incident.id, geometry: geometry, properties: [
            ("incident_id", .string(r.incident.id)), ("location_precision", .string(r.locationPrecisionName)),
            ("shape", .string(shape)), ("radius_km", shape == "circle" ? .number(r.precision.radiusKm) : .null),
        ])
    }

    /// The provinces of a region (`Gazetteer.regionProvinces`) dissolved into one valid area, or
    /// nil; made once per region (300 rows naming "England" had dissolved its 149 provinces 300
    /// times, 6.5 s).
    func regionArea(_ id: String) -> Geometry? {
        regionAreas.value(id) {
            guard let members = gazetteer.regionProvinces(id), !members.isEmpty else { return nil }
            let polygons = gazetteer.provinces.filter { members.contains($0.id) }.flatMap(\.geometry.polygons)
            // Neighbours share edges: not a valid multipolygon until GEOS dissolves them (`clip` makes valid first).
            return try? GeometryEngine().clip(.multiPolygon(polygons), to: BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90))
        }
    }

    /// The strike's path from its origin to the incident, as a geodesic (a point every 10 km or less).
    public func strikeFeature(_ r: ResolvedIncident) -> OutputFeature? {
        guard let origin = r.origin else { return nil }
        let line = Geodesic.wgs84.inverse(lon1: origin.lon, lat1: origin.lat, lon2: r.point.lon, lat2: r.point.lat)
        guard line.distance > 0 else { return nil }
        let steps = max(1, Int((line.distance / 10_000).rounded(.up)))
        var points: [LonLat] = []
        for k in 0...steps {
            let p = Geodesic.wgs84.direct(lon: origin.lon, lat: origin.lat, azimuth: line.initialAzimuth, distance: line.distance * Double(k) / Double(steps))
            points.append(LonLat(lon: p.lon, lat: p.lat))
        }
        points[points.count - 1] = r.point
        return OutputFeature(id: r.incident.id, geometry: Antimeridian.split(.lineString(points)), properties: [
            ("incident_id", .string(r.incident.id)), ("origin", LayerBuilder.optional(r.incident.origin)),
            ("origin_resolved", LayerBuilder.optional(r.originName)), ("actor", LayerBuilder.optional(r.incident.actor)),
            ("date", .string(r.incident.date.isoText)), ("length_km", .number(LayerBuilder.round(line.distance / 1000, 1))),
            ("note", .string("origin point is where the origin's name resolved (a country's or place's representative point), not a launch site")),
        ])
    }

    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func round(_ v: Double, _ d: Double) -> Double { (v * pow(10, d)).rounded() / pow(10, d) }

    /// Places named by the incidents, then reference towns of the extent (population ≥ 10,000).
    public func places(named: [GazetteerEntry]) -> [OutputFeature] {
        var out: [OutputFeature] = []
        var seen = Set<String>()
        for e in named where seen.insert(e.id).inserted {
            out.append(placeFeature(e, role: "incident place"))
        }
        let towns = boxes.flatMap { gazetteer.referenceTowns(minimumPopulation: 10_000, within: $0) }.filter { seen.insert($0.id).inserted }
            .sorted { ($0.population, $1.id) > ($1.population, $0.id) }
        for e in towns { out.append(placeFeature(e, role: "reference town")) }
        return out
    }

    /// Where a map of `points` may reach: their box widened by its own size (at least 5° each
    /// way), the most a map frame around them shows; nil (anywhere) with no points.
    public static func neighbourhood(of points: [LonLat]) -> BoundingBox? {
        guard let b = BoundingBox(points: points.map { XY(x: $0.lon, y: $0.lat) }) else { return nil }
        let pad = max(5, max(b.width, b.height))
        return BoundingBox(minX: b.minX - pad, minY: max(-90, b.minY - pad), maxX: b.maxX + pad, maxY: min(90, b.maxY + pad))
    }

    func placeFeature(_ e: GazetteerEntry, role: String) -> OutputFeature {
        OutputFeature(id: e.id, geometry: .point(e.location), properties: [
            ("id", .string(e.id)), ("name", .string(e.name)), ("kind", .string(e.kind.rawValue)), ("role", .string(role)),
            ("country", .string(e.country)), ("province", LayerBuilder.optional(e.admin1)),
            ("population", .number(Double(e.population))), ("precision", .string(e.precision.rawValue)),
            ("source", .string(e.source)),
        ] + LayerBuilder.languageNames { gazetteer.cityNames.name(of: e.id, language: $0) })
    }

    /// The map languages other than English, in the order their `name_xx` members are written.
    static let nameLanguages = MapLanguage.allCases.filter { $0 != .en }.map(\.rawValue).sorted()

    /// `name_ar`, `name_fa`, … for each map language a source tags a name in (`name(language)`):
    /// Natural Earth's NAME_xx for a country, iso-codes' catalogues for a province, CLDR for a major
    /// city. A GIS map in one of them labels with `coalesce("name_fr", "name")`. Languages without
    /// a tagged name are left out (no guess from letters: that is the SVG map's, which says so).
    static func languageNames(_ name: (String) -> String?) -> [(String, JSONValue)] {
        nameLanguages.compactMap { l in name(l).map { ("name_" + l, .string($0)) } }
    }

    /// The international borders of the extent.
    public func borders() -> [OutputFeature] {
        gazetteer.borders.compactMap { b in
            let parts = b.lines.flatMap { clip(line: $0) }
            guard !parts.isEmpty else { return nil }
            let geometry: Geometry = parts.count == 1 ? .lineString(parts[0]) : .multiLineString(parts)
            return OutputFeature(id: b.id, geometry: geometry, properties: [
                ("id", .string(b.id)), ("countries", .array(b.countries.map(JSONValue.string))), ("name", .string(b.name)),
                ("length_km", .number(b.lengthKm)), ("dataset", .string(b.dataset)),
            ] + worldviewProperties(disputed: b.disputed, featureClass: b.featureClass))
        }
    }

    /// Layers of countries or provinces clipped to the extent: valid polygons (holes with their
    /// shells) on the grid of a writer of `decimals` decimals, so they stay valid as written; each
    /// layer's features in its regions' order. The regions of all layers go in runs of 32 over the
    /// cores, each run through a pipeline (a GEOS context) of its own: a world's provinces and
    /// countries took 2.6 s on one core, with the other idle at the end of a run.
    /// - Throws: `TopologyError` when GEOS fails.
    public func areaLayers(_ layers: [(regions: [Region], isCountry: Bool)], decimals: Int = 6) throws -> [[OutputFeature]] {
        let all = layers.enumerated().flatMap { l, layer in layer.regions.map { (layer: l, region: $0) } }
        let features = try Concurrent.map(all.count, inRunsOf: 32) { run in
            let pipelines = try boxes.map { try PolygonPipeline(box: $0, decimals: decimals) }
            return try all[run].map { try area($0.region, isCountry: layers[$0.layer].isCountry, pipelines: pipelines) }
        }
        var out = [[OutputFeature]](repeating: [], count: layers.count)
        for (item, feature) in zip(all, features) { if let feature { out[item.layer].append(feature) } }
        return out
    }

    /// One country or province clipped to the extent (`pipelines`: one per box); nil when nothing
    /// of it is inside. Across the antimeridian its parts either side are one multipolygon.
    private func area(_ r: Region, isCountry: Bool, pipelines: [PolygonPipeline]) throws -> OutputFeature? {
        var parts: [Geometry] = []
        for (box, pipeline) in zip(boxes, pipelines) where r.bounds.intersects(box) {
            if let g = try pipeline.run(r.geometry.polygons) { parts.append(g) }
        }
        guard let first = parts.first else { return nil }
        let geometry = parts.count == 1 ? first : .multiPolygon(parts.flatMap(\.polygons))
        var props: [(String, JSONValue)] = [("id", .string(r.id)), ("name", .string(r.name))]
        if isCountry {
            props.append(("iso_a2", .string(r.id)))
            props.append(("name_local", LayerBuilder.optional(r.localName)))
        } else {
            props.append(("iso_3166_2", .string(r.id)))
            props.append(("country", .string(r.country)))
            props.append(("fips", LayerBuilder.optional(r.fips)))
        }
        props += LayerBuilder.languageNames { r.languageNames[$0] }
        if isCountry { props += worldviewProperties() }
        return OutputFeature(id: r.id, geometry: geometry, properties: props)
    }

    /// The point of view a border or country is drawn in (`worldview`: Natural Earth's code), and
    /// for a border its `status` ("international" or "disputed") and the view's `class` of the
    /// line; nothing for data without points of view.
    func worldviewProperties(disputed: Bool? = nil, featureClass: String? = nil) -> [(String, JSONValue)] {
        guard let w = gazetteer.worldview else { return [] }
        var props: [(String, JSONValue)] = []
        if let disputed {
            props.append(("status", .string(disputed ? "disputed" : "international")))
            props.append(("class", .string(featureClass ?? "International boundary (verify)")))
        }
        props.append(("worldview", .string(w.code)))
        return props
    }

    func clip(line: [LonLat]) -> [[LonLat]] {
        let xy = line.map { XY(x: $0.lon, y: $0.lat) }
        return boxes.flatMap { PlanarOps.clip(line: xy, to: $0).map { $0.map { LonLat(lon: $0.x, lat: $0.y) } } }
    }
}

