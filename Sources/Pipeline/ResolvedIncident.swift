import Gazetteer
import Geometry
import Incidents

/// An incident placed on the map: its point, how it was placed, and what was measured.
public struct ResolvedIncident: Sendable {
    /// The incident as read.
    public var incident: Incident
    /// The point drawn and written.
    public var point: LonLat
    /// How precisely the point stands for the site.
    public var precision: LocationPrecision
    /// What the place's name decided, shared by every row naming it; nil when the input gave
    /// the coordinates. Only a placing that placed the incident is kept: its entry, record and
    /// record's JSON are always there.
    let placing: Placing?
    /// The gazetteer record, when the place was resolved by name.
    public var resolution: ResolutionRecord? { placing?.record }
    /// The gazetteer entry the point comes from, when resolved by name.
    public var entry: GazetteerEntry? { placing?.entry }
    /// The kind of that entry (read without a copy of the entry).
    var entryKind: PlaceKind? { placing?.entryKind }
    /// Country of the point by point-in-polygon (alpha-2).
    public var country: String?
    /// Province of the point by point-in-polygon (ISO 3166-2).
    public var province: String?
    /// Province name.
    public var provinceName: String?
    /// District (admin-2) of the point by point-in-polygon: its id in the district data, nil where
    /// no district covers the point (at sea, a country without district data).
    public var district: String? = nil
    /// District name.
    public var districtName: String? = nil
    /// The nearest international border and its geodesic distance.
    public var border: BorderProximity?
    /// The strike's origin point, when the origin resolved.
    public var origin: LonLat?
    /// What the origin resolved to (a country or place name).
    public var originName: String?
    /// The other readings the gazetteer weighed (up to three, described), for the audit trail.
    public var otherCandidates: [RunnerUp] { placing?.others ?? [] }
    /// Whether `country` is not the polygon's at the point (none, at sea, or a neighbour's) but
    /// the one its row or entry names, whose land is a few km off (see `Coasts`).
    public var offshore = false
    /// Whether the country the input declares is the point's (by its code or name): the layer
    /// then does not repeat it.
    public var declaredCountryAgrees = false
    /// Warnings about this incident (e.g. declared country differs from the point's).
    public var warnings: [InputProblem]

    /// Whether the point stands for a whole unit: the label point of the district, province or
    /// country the row names, or coordinates at province precision (an export's precision 3, a
    /// province's). It says nothing of how far the incident was from a border: it may be
    /// anywhere in the unit, so none is measured. A place's point at district precision (a village
    /// placed to ±30 km) is an estimate of the place, and is measured.
    public var standsForUnit: Bool { ResolvedIncident.standsForUnit(precision: precision, kind: entryKind) }

    static func standsForUnit(precision: LocationPrecision, kind: PlaceKind?) -> Bool {
        precision == .province || kind.map { $0 == .admin2 || $0.isProvinceOrLarger } == true
    }

    /// Whether the province holding the point can be the incident's: not where the point stands
    /// for a country or a region of several provinces (placed by its name: "Pakistan" had been
    /// written in Punjab, where Pakistan's point falls).
    static func knowsProvince(kind: PlaceKind?) -> Bool { kind != .country && kind != .region }

    /// Whether the incident was placed by the name of a province, region or country (or, with
    /// --accept-best, in the province its row names): it may be anywhere in that unit, and a radius
    /// around the unit's point would say less than that, or more (Scotland is 400 km across).
    public var placedByUnitName: Bool {
        precision == .province && entryKind?.isProvinceOrLarger == true
    }

    /// The location precision as the layers, the table and the report write it: `country` or
    /// `region` for an incident placed by a country's or a region's name, which `province` would
    /// misstate (a reader filtering on it would take "Pakistan" for a province), else `precision`.
    public var locationPrecisionName: String {
        guard placedByUnitName, let kind = entryKind, kind == .country || kind == .region else { return precision.rawValue }
        // The kind's own name: one of `LocationPrecision.unitNames`, which an input reads back.
        return kind.rawValue
    }

    /// The radius (km) of the incident's uncertainty, where one circle says it; nil where it was
    /// placed by a unit's name, whose area (the uncertainty layer's shape) says it instead: 100 km
    /// would be too little for Pakistan and too much for Islamabad Capital Territory.
    public var uncertaintyKm: Double? { placedByUnitName ? nil : precision.radiusKm }

    /// Whether the district holding the point can be the incident's: not where the point stands
    /// for a province or a country.
    static func inKnownDistrict(precision: LocationPrecision, kind: PlaceKind?) -> Bool {
        precision != .province && kind?.isProvinceOrLarger != true
    }
}

/// A reading the gazetteer weighed beside the one it took: the entry described as the audit trail
/// gives it ("Saravan County (IR, Sistan and Baluchestan; 27.37°N 62.33°E; place; overlay:…)") and
/// its score, which a report writes in its language's digits.
public struct RunnerUp: Sendable {
    public var description: String
    public var score: Double
}
