import Geometry

/// What a gazetteer entry names.
public enum PlaceKind: String, Sendable, CaseIterable {
    /// A populated place (town, village).
    case place
    /// A first-level division (province, state).
    case admin1
    /// A second-level division (district, county, shahrestan).
    case admin2
    /// A country.
    case country
    /// A region made of several provinces, where the provinces are finer than GeoNames' first
    /// level (Spain's autonomous communities, Italy's regions, Scotland, Burkina Faso's regions):
    /// id `region:` and its GeoNames admin1 code (`region:ES.51`), which names its provinces.
    case region

    /// A province, a region of them or a country: a point that stands for one may lie anywhere
    /// across districts.
    public var isProvinceOrLarger: Bool { [.admin1, .region, .country].contains(self) }
}

/// How precisely an entry's point stands for what it names.
public enum EntryPrecision: String, Sendable, CaseIterable {
    /// The point is the place itself (a town's or village's coordinates).
    case point
    /// The point stands for a district (e.g. its seat), not the exact spot.
    case district
    /// The point stands for a province (a representative point inside it).
    case province
    /// The point stands for a country.
    case country
}

/// One named place of the gazetteer.
public struct GazetteerEntry: Sendable, Equatable {
    /// Stable id: `geonames:1168446`, `overlay:sabz-koh`, `PK-BA` (ISO 3166-2), `country:PK`.
    public var id: String
    /// The preferred name.
    public var name: String
    /// What it names.
    public var kind: PlaceKind
    /// ISO 3166-1 alpha-2 code of its country.
    public var country: String
    /// ISO 3166-2 code of its province, when known.
    public var admin1: String?
    /// District name, when known.
    public var admin2: String?
    /// Its point (for areas: a representative point inside the area).
    public var location: LonLat
    /// Population, 0 when unknown.
    public var population: Int
    /// How precisely `location` stands for the place.
    public var precision: EntryPrecision
    /// Every other name the sources give.
    public var alternateNames: [String]
    /// Where the entry comes from (dataset, or overlay file and why).
    public var source: String
    /// Whether the place is its country's capital (GeoNames' `capital` of the country, marked by
    /// the data build in `places.tsv`).
    public var isCapital: Bool

    /// Creates an entry.
    public init(id: String, name: String, kind: PlaceKind, country: String, admin1: String?, admin2: String? = nil,
                location: LonLat, population: Int = 0, precision: EntryPrecision = .point,
                alternateNames: [String] = [], source: String, isCapital: Bool = false) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.admin1 = admin1
        self.admin2 = admin2
        self.location = location
        self.population = population
        self.precision = precision
        self.alternateNames = alternateNames
        self.source = source
        self.isCapital = isCapital
    }

    /// The preferred name followed by the alternates.
    public var allNames: [String] { [name] + alternateNames }
}

/// A named area with its polygons: a country, a province or a district.
public struct Region: Sendable {
    /// ISO 3166-1 alpha-2 (countries), ISO 3166-2 (provinces), or the source's shape id (districts).
    public var id: String
    /// English name.
    public var name: String
    /// Country code (equal to `id` for countries).
    public var country: String
    /// Local-script name, when the source has one.
    public var localName: String?
    /// Other names.
    public var alternateNames: [String]
    /// FIPS 10-4 code, when known (provinces).
    public var fips: String?
    /// GeoNames admin1 code, when known (provinces).
    public var geonamesAdmin1: String?
    /// A point inside the area for labels and for resolving the area by name.
    public var labelPoint: LonLat
    /// The area.
    public var geometry: Geometry
    /// Bounding box of `geometry` in longitude/latitude.
    public var bounds: BoundingBox
    /// The province (ISO 3166-2 or fallback id) a district lies in; nil for countries and provinces.
    public var admin1: String? = nil
    /// The name in each map language (`fr`, `ru`, `uk`, `fa`, `ur`, `ar`, …) as a source tags it:
    /// Natural Earth's NAME_xx for a country, the iso-codes catalogue of that locale for a province.
    /// Empty where no source tags one (districts, most provinces in Persian and Arabic).
    public var languageNames: [String: String] = [:]

    /// True when `p` lies inside the area.
    public func contains(_ p: LonLat) -> Bool {
        bounds.contains(XY(x: p.lon, y: p.lat)) && PointInPolygon.contains(geometry, p)
    }
}

/// An international border line between two countries.
public struct BorderLine: Sendable {
    /// `IR-PK` style id (codes sorted).
    public var id: String
    /// The two countries' alpha-2 codes, sorted.
    public var countries: [String]
    /// English name, e.g. "Iran–Pakistan".
    public var name: String
    /// Geodesic length in km as measured by the data build.
    public var lengthKm: Double
    /// The dataset the line comes from.
    public var dataset: String
    /// The line parts.
    public var lines: [[LonLat]]
    /// True for a stretch the map's point of view does not hold an international boundary (a
    /// line of control, a claim, a disputed or indefinite line): drawn dashed.
    public var disputed: Bool = false
    /// Natural Earth's class of the line in the map's point of view ("Line of control (please
    /// verify)"), when the data has points of view.
    public var featureClass: String? = nil

    /// A line (`lines` its parts) between `countries`.
    public init(id: String, countries: [String], name: String, lengthKm: Double, dataset: String, lines: [[LonLat]],
                disputed: Bool = false, featureClass: String? = nil) {
        (self.id, self.countries, self.name, self.lengthKm, self.dataset, self.lines) = (id, countries, name, lengthKm, dataset, lines)
        (self.disputed, self.featureClass) = (disputed, featureClass)
    }
}
