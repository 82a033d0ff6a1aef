import Geometry

/// An area of the basemap: a country or a province.
public struct SceneArea: Sendable {
    /// ISO code (alpha-2 or 3166-2).
    public var id: String
    /// Name shown as a label.
    public var name: String
    /// The area's geometry in longitude/latitude.
    public var geometry: Geometry
    /// Countries that hold incidents are drawn as the map's subject.
    public var focus: Bool
    /// The area generalized for small scales (the locator map), when the data has it.
    public var overview: Geometry?
    /// The country a district lies in (alpha-2); nil for countries and provinces, whose ids say it.
    public var country: String? = nil
    /// The name in the map's language (`MapOptions.language`), when the data has one; nil: `name`.
    public var localName: String? = nil
    /// The name as the map writes it: in its language where the data has it, else the Latin name.
    public var shownName: String { localName ?? name }

    /// Creates an area.
    public init(id: String, name: String, geometry: Geometry, focus: Bool = false, overview: Geometry? = nil) {
        self.id = id
        self.name = name
        self.geometry = geometry
        self.focus = focus
        self.overview = overview
    }
}

/// The point of view of a map's countries and borders (Natural Earth's code, the country, whether it is the data's default).
public struct SceneWorldview: Sendable, Equatable {
    /// `DE`, `IN`, …
    public var code: String
    /// "Germany".
    public var country: String
    /// True for the data's default view.
    public var isDefault: Bool

    /// Creates a point of view.
    public init(code: String, country: String, isDefault: Bool) {
        self.code = code
        self.country = country
        self.isDefault = isDefault
    }
}

/// An international border line.
public struct SceneBorder: Sendable {
    /// `IR-PK` style id.
    public var id: String
    /// "Iran–Pakistan".
    public var name: String
    /// Line parts in longitude/latitude.
    public var lines: [[LonLat]]
    /// Borders between focus countries are drawn strongest.
    public var emphasis: Bool
    /// A stretch the map's point of view does not hold an international boundary: drawn dashed.
    public var disputed: Bool
    /// Natural Earth's class of the stretch in that view ("Line of control (please verify)").
    public var featureClass: String?

    /// Creates a border.
    public init(id: String, name: String, lines: [[LonLat]], emphasis: Bool, disputed: Bool = false, featureClass: String? = nil) {
        self.id = id
        self.name = name
        self.lines = lines
        self.emphasis = emphasis
        self.disputed = disputed
        self.featureClass = featureClass
    }
}

/// A river line of WDBII (GSHHG): unnamed in the data, ranked by its class.
public struct SceneRiver: Sendable {
    /// WDBII's class: 1 permanent major river, 2 additional major, 3 additional; 5 and 6 the
    /// intermittent major and additional rivers.
    public var rank: Int
    /// A river that runs only part of the year: drawn dashed.
    public var intermittent: Bool
    /// The line in longitude/latitude.
    public var line: [LonLat]
    /// Its longitude/latitude bounds, so that a map can pass over rivers far from its frame.
    public var bounds: BoundingBox?

    /// Creates a river line.
    public init(rank: Int, intermittent: Bool, line: [LonLat]) {
        self.rank = rank
        self.intermittent = intermittent
        self.line = line
        bounds = BoundingBox(points: line.map { XY(x: $0.lon, y: $0.lat) })
    }
}

/// A reference town.
public struct ScenePlace: Sendable {
    /// Name shown.
    public var name: String
    /// Where.
    public var location: LonLat
    /// Population (ranks which towns are shown).
    public var population: Int
    /// Its country's capital: shown before any other town in the frame, with its own symbol.
    public var capital: Bool
    /// The name in the map's language (`MapOptions.language`), when the data has one; nil: `name`.
    public var localName: String? = nil
    /// The attribution line the source of `localName` asks for (CLDR's), added where the town is drawn.
    public var nameCredit: String? = nil

    /// Creates a place.
    public init(name: String, location: LonLat, population: Int, capital: Bool = false) {
        self.name = name
        self.location = location
        self.population = population
        self.capital = capital
    }
}

/// How an incident's marker is drawn.
public enum MarkerStyle: String, Sendable {
    /// Air, drone, missile or artillery strike: a circle.
    case strike
    /// Bombing (IED, suicide bomb, grenade): a triangle.
    case explosion
    /// Any other attack or incident: a diamond.
    case other

    /// The order of a timeline bar's parts, from the axis up.
    public static let stacked: [MarkerStyle] = [.other, .explosion, .strike]
}

/// One incident on the map.
public struct SceneIncident: Sendable {
    /// The incident id (`data-incident-id`).
    public var id: String
    /// The resolved point.
    public var location: LonLat
    /// Its number in the map's key (1-based).
    public var number: Int
    /// First label line: the place, e.g. "Sabz Koh, Panjgur".
    public var title: String
    /// Second label line: date and kind.
    public var detail: String
    /// The key entry: date, place, kind, actor, every claim with who makes it.
    public var keyText: String
    /// Marker style.
    public var style: MarkerStyle
    /// Radius of location uncertainty in km (0 = exact).
    public var uncertaintyKm: Double
    /// Where the strike came from, when known.
    public var origin: LonLat?
    /// Who the origin is, e.g. "Iran".
    public var originLabel: String?
    /// How much the incident matters for labelling when space is short (e.g. the largest death toll claimed).
    public var importance: Int
    /// How many incidents the marker stands for (more than 1 on a binned map).
    public var count: Int = 1
    /// The largest death toll claimed (a cell: the sum over its incidents), for the key's count line.
    public var killed: Int = 0
    /// Whether any of its claims gives a number killed (else `killed` is 0 for want of a figure,
    /// and a merged marker of such incidents says no toll; a cell counts as giving one).
    public var tollGiven = true
    /// What the marker stands for by kind ("Armed clash", "Air/drone strike"), with counts that add up to `count`.
    public var kinds: [KindCount] = []
    /// The start date as ISO text (ordering and ranges), and as the reader sees it; empty for a cell.
    public var dateKey = "", dateText = ""
    /// The input asks for this incident to be labelled (`label: true` or `--label ID`).
    public var pinned = false
    /// The place alone, for the label of a marker that merges several ("Quetta (PK)", "near Quetta");
    /// nil: the title.
    public var place: String?
    /// The title says where the incident lies from a town ("38 km NE of Gao (ML)"), not a place
    /// it was reported at.
    public var placeIsOffset = false
    /// For a marker that merges it with others, where the title's offset puts it, approximately
    /// ("about 38 km NE of Gao (ML)"); nil when the title is not an offset from a town.
    public var placeAbout: String?
    /// The days it happened on (`CivilDay` numbers, first and last), for the timeline; nil for a cell.
    /// A day-precision incident starts and ends on one day; a month or a range spans several.
    public var days: ClosedRange<Int>?
    /// The attribution line the source of a name in its title or key line asks for (CLDR's).
    public var nameCredit: String? = nil

    /// Creates an incident.
    public init(id: String, location: LonLat, number: Int, title: String, detail: String, keyText: String,
                style: MarkerStyle, uncertaintyKm: Double = 0, origin: LonLat? = nil, originLabel: String? = nil,
                importance: Int = 0) {
        self.id = id
        self.location = location
        self.number = number
        self.title = title
        self.detail = detail
        self.keyText = keyText
        self.style = style
        self.uncertaintyKm = uncertaintyKm
        self.origin = origin
        self.originLabel = originLabel
        self.importance = importance
    }
}

/// How many incidents of one kind a marker stands for.
public struct KindCount: Sendable, Equatable {
    /// The kind as the input names it.
    public var kind: String
    /// How many.
    public var count: Int

    /// Creates a count.
    public init(kind: String, count: Int) {
        self.kind = kind
        self.count = count
    }
}

/// What a choropleth counts incidents in.
public enum ChoroplethUnit: String, Sendable {
    /// First-level divisions (`--aggregate admin1`).
    case province
    /// Second-level divisions (`--aggregate admin2`).
    case district
}

/// A choropleth of incidents per province or district: the count of each one that holds any, the
/// classes they fall in, and how many incidents lie in none (at sea, or outside the data).
public struct Choropleth: Sendable {
    /// Incidents per province id.
    public var counts: [String: Int]
    /// Fatalities claimed per province id (each incident's largest claim).
    public var killed: [String: Int]
    /// The classes' upper bounds, ascending; the last is the largest count.
    public var breaks: [Int]
    /// How the breaks were found, for the legend ("natural breaks (Jenks)").
    public var method: String
    /// Incidents in no province.
    public var outside: Int
    /// Incidents known only to a larger unit (a district map: their province or country; a
    /// province map: their country), counted in none.
    public var coarser = 0
    /// What is counted: provinces (ids of `MapScene.provinces`) or districts (of `MapScene.districts`).
    public var unit: ChoroplethUnit

    /// Creates a choropleth.
    public init(counts: [String: Int], killed: [String: Int], breaks: [Int], method: String, outside: Int, coarser: Int = 0,
                unit: ChoroplethUnit = .province) {
        self.unit = unit
        self.coarser = coarser
        self.counts = counts
        self.killed = killed
        self.breaks = breaks
        self.method = method
        self.outside = outside
    }

    /// The class (0-based) of a province with `count` incidents, nil for none.
    public func classIndex(_ count: Int) -> Int? {
        count > 0 ? breaks.firstIndex { count <= $0 } ?? breaks.count - 1 : nil
    }

    /// "1–12", "13–40", … for each class, in `language`'s numbers.
    public func classLabels(_ language: MapLanguage = .en) -> [String] {
        breaks.indices.map { i in
            let low = i == 0 ? 1 : breaks[i - 1] + 1
            return low == breaks[i] ? language.number(low) : "\(language.number(low))–\(language.number(breaks[i]))"
        }
    }
}

/// Something that happened without a place (a statement, a call): drawn on the timeline only.
public struct SceneEvent: Sendable {
    /// Its mark's label on the strip and in the key ("A", "B", …).
    public var label: String
    /// The days it happened on (`CivilDay` numbers).
    public var days: ClosedRange<Int>
    /// When, as the reader sees it: "19 Jan 2024".
    public var dateText: String
    /// What happened.
    public var text: String
    /// Who reports it.
    public var sources: [String]

    /// Creates an event.
    public init(label: String, days: ClosedRange<Int>, dateText: String, text: String, sources: [String]) {
        self.label = label
        self.days = days
        self.dateText = dateText
        self.text = text
        self.sources = sources
    }

    /// Its key entry in `language`: "A. 19 Jan 2024 — Both foreign ministers … Source: press."
    public func keyText(_ language: MapLanguage = .en) -> String {
        TimelineText.event.text(in: language, ["label": .text(label), "date": .text(dateText), "text": .text(text)]) + (text.hasSuffix(".") ? "" : ".")
            + (sources.isEmpty ? "" : " " + TimelineText.eventSources.text(in: language, ["count": .number(sources.count),
                                                                                        "list": .text(sources.joined(separator: language.comma))]))
    }
}

/// The strip of time under the map (`render --timeline`): its language and the events without a place.
public struct SceneTimeline: Sendable {
    /// The language of its axis, caption and key lines.
    public var language: MapLanguage
    /// Events drawn on the strip only, by date.
    public var events: [SceneEvent]
    /// For a map that aggregates its incidents: how many began on each day, drawn as bars of
    /// counts (`TimelineHistogram`) in place of a mark per incident.
    public var dayCounts: DayCounts?

    /// Creates a timeline.
    public init(language: MapLanguage = .en, events: [SceneEvent] = [], dayCounts: DayCounts? = nil) {
        self.language = language
        self.events = events
        self.dayCounts = dayCounts
    }
}

/// How many incidents began on each day, by the marker style of their kind.
public struct DayCounts: Sendable, Equatable {
    /// Per day (a `CivilDay` number): the incidents of each style, in `MarkerStyle.stacked` order.
    public private(set) var days: [Int: [Int]] = [:]
    /// Incidents known only to a month, a year or as a range (counted on their first day).
    public private(set) var spanned = 0
    /// Whether no incident was counted.
    public var isEmpty: Bool { days.isEmpty }

    public init() {}

    /// Counts one incident of `style` from `first` to `last` (`CivilDay` numbers).
    public mutating func add(_ style: MarkerStyle, first: Int, last: Int) {
        days[first, default: [0, 0, 0]][MarkerStyle.stacked.firstIndex(of: style)!] += 1
        if last != first { spanned += 1 }
    }
}

/// Everything a map shows, in longitude/latitude, before projection.
public struct MapScene: Sendable {
    /// Title.
    public var title: String
    /// Subtitle (date range, count).
    public var subtitle: String
    /// Text summary for `<desc>` and screen readers.
    public var summary: String
    /// Attribution lines (data sources, incident sources).
    public var attribution: [String]
    /// Countries.
    public var countries: [SceneArea]
    /// Provinces.
    public var provinces: [SceneArea]
    /// Lakes (drawn over the land where the frame reaches them).
    public var lakes: [SceneArea] = []
    /// Rivers (drawn over the land, the smaller ones only on larger-scale maps).
    public var rivers: [SceneRiver] = []
    /// The lakes and rivers of a frame, asked with its longitude/latitude bounds once they are
    /// known, so that only what the frame reaches is read; when nil, `lakes` and `rivers` are drawn.
    public var water: (@Sendable (BoundingBox) -> (lakes: [SceneArea], rivers: [SceneRiver]))?
    /// The point of view the countries and borders are drawn in, named in the metadata.
    public var worldview: SceneWorldview?
    /// International borders.
    public var borders: [SceneBorder]
    /// Reference towns (the renderer picks those that fit).
    public var places: [ScenePlace]
    /// Incidents.
    public var incidents: [SceneIncident]
    /// Whether the input gives any death toll (a claim with a number killed). When none does, the
    /// map says nothing of fatalities rather than "0 fatalities claimed" (a figure nobody gave).
    public var tollsGiven = true
    /// The command that made the map, for `<metadata>`.
    public var command: String?
    /// Provinces or districts shaded by their incidents instead of markers (`--aggregate admin1|admin2`).
    public var choropleth: Choropleth?
    /// A strip of time under the map, when asked for (`--timeline`).
    public var timeline: SceneTimeline?
    /// Districts to draw (only on a district choropleth).
    public var districts: [SceneArea] = []

    /// Creates a scene.
    public init(title: String, subtitle: String, summary: String, attribution: [String], countries: [SceneArea],
                provinces: [SceneArea], borders: [SceneBorder], places: [ScenePlace], incidents: [SceneIncident],
                command: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.attribution = attribution
        self.countries = countries
        self.provinces = provinces
        self.borders = borders
        self.places = places
        self.incidents = incidents
        self.command = command
    }
}

/// Options of the SVG map.
public struct MapOptions: Sendable {
    /// Map CRS as PROJ accepts it; nil picks an azimuthal equidistant projection centred on the data.
    public var crs: String?
    /// Width in px.
    public var width: Double
    /// Height in px.
    public var height: Double
    /// Prefix of every id in the SVG, so that two maps can share an HTML page.
    public var idPrefix: String
    /// Extent in longitude/latitude; nil derives it from the incidents.
    public var bbox: BoundingBox?
    /// Colour scheme.
    public var theme: MapTheme
    /// Extra CSS appended to the style block (classes carry the id prefix).
    public var extraCSS: String?
    /// Draw the locator inset of the wider region.
    public var inset: Bool
    /// Most incidents described in the key under the map; the rest are counted.
    public var maxKeyEntries: Int
    /// On a binned map (markers standing for many incidents), how far the bins' hexagons are
    /// across, km: the largest marker fills about half a hexagon and areas grow with the count.
    public var binCellKm: Double?
    /// Px of marker radius per square root of one incident, shared by maps drawn side by side (the
    /// panels of small multiples, `SmallMultiples`): a marker of 50 incidents is then as large in
    /// every panel. Nil: each map sets its own from its largest marker and its crowding.
    public var markerScale: Double?
    /// Whether a scene's timeline is drawn under the map (true), or only apart (`RenderedMap.timeline`).
    public var timelineUnderMap = true
    /// A panel of small multiples: the frame under a one-line title, without legend, scale bar,
    /// north arrow, locator, key or attribution (the panels share those).
    public var panel = false
    /// Hill shading drawn over the land, under the borders and markers; nil draws none.
    public var relief: ReliefRaster?
    /// The language of names, legend, scale bar and dates (`--lang`).
    public var language: MapLanguage = .en
    /// Bilingual name labels: the language's name with the Latin name beneath (`--labels both`).
    public var bilingual = false

    /// Creates options.
    public init(crs: String? = nil, width: Double = 1000, height: Double = 800, idPrefix: String = "im-", bbox: BoundingBox? = nil,
                theme: MapTheme = .light, extraCSS: String? = nil, inset: Bool = true, maxKeyEntries: Int = 10) {
        self.crs = crs
        self.width = width
        self.height = height
        self.idPrefix = idPrefix
        self.bbox = bbox
        self.theme = theme
        self.extraCSS = extraCSS
        self.inset = inset
        self.maxKeyEntries = maxKeyEntries
    }
}
