import Geometry

/// How precisely an incident's date is known.
public enum DatePrecision: String, Sendable {
    case day, month, year, range
}

/// A calendar date (proleptic Gregorian), validated.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Year.
    public var year: Int
    /// Month 1–12.
    public var month: Int
    /// Day 1–31.
    public var day: Int

    /// Creates a date, or nil when it does not exist (2024-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// "16 Jan 2024".
    public var shortText: String {
        "\(day) \(CalendarDate.monthNames[month - 1].prefix(3)) \(year)"
    }

    /// The names of the months, January first: the one table dates are read and written with
    /// (a map's timeline takes its axis labels from it, so a translation swaps one list).
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
}

/// When an incident happened, with its precision.
public struct IncidentDate: Sendable, Equatable {
    /// First day (the day itself for day precision).
    public var start: CalendarDate
    /// Last day (equal to `start` for day precision).
    public var end: CalendarDate
    /// How precisely the date is known.
    public var precision: DatePrecision
    /// Local time as reported ("evening", "09:00"), if any.
    public var time: String?
    /// Time zone of `time` (IANA name or UTC offset), if any.
    public var timeZone: String?

    /// Creates a date.
    public init(start: CalendarDate, end: CalendarDate? = nil, precision: DatePrecision = .day,
                time: String? = nil, timeZone: String? = nil) {
        self.start = start
        self.end = end ?? start
        self.precision = precision
        self.time = time
        self.timeZone = timeZone
    }

    /// ISO 8601 text: `2024-01-16`, `2024-01`, `2024`, or `2024-01-16/2024-01-18`.
    public var isoText: String {
        switch precision {
        case .day: return start.description
        case .month: return String(start.description.prefix(7))
        case .year: return String(start.year)
        case .range: return "\(start)/\(end)"
        }
    }

    /// Human text: "16 Jan 2024", "Jan 2024", "16–18 Jan 2024".
    public var displayText: String {
        switch precision {
        case .day: return start.shortText
        case .month: return "\(CalendarDate.monthNames[start.month - 1].prefix(3)) \(start.year)"
        case .year: return String(start.year)
        case .range: return "\(start.shortText) – \(end.shortText)"
        }
    }
}

/// How precisely an incident's location is known.
public enum LocationPrecision: String, Sendable, CaseIterable {
    /// The point is the site itself (ACLED geo_precision 1).
    case exact
    /// Near the named place (ACLED geo_precision 2 covers "near" and small areas).
    case near
    /// Somewhere in a district (ACLED geo_precision 2/3).
    case district
    /// Somewhere in a province (ACLED geo_precision 3).
    case province

    /// The precision a name stands for, as written in an input: one of the cases, or `region` or
    /// `country`, which the layers and the database table write for an incident placed by a
    /// region's or a country's name (`ResolvedIncident.locationPrecisionName`). Those are read as
    /// `province`, the coarsest: a point that stands for a whole unit.
    public init?(written: String) {
        let name = written.lowercased()
        if let p = LocationPrecision(rawValue: name) { self = p } else if LocationPrecision.unitNames.contains(name) { self = .province } else { return nil }
    }

    /// The names of units coarser than a province, written for incidents placed by them.
    public static let unitNames = ["region", "country"]

    /// Every name `init(written:)` reads, finest first.
    public static var writtenNames: [String] { allCases.map(\.rawValue) + unitNames }

    /// The less precise of the two (`province` is the least).
    public func coarser(_ other: LocationPrecision) -> LocationPrecision {
        let all = LocationPrecision.allCases
        return all.firstIndex(of: self)! >= all.firstIndex(of: other)! ? self : other
    }

    /// The radius of uncertainty to draw, in km.
    public var radiusKm: Double {
        switch self {
        case .exact: return 0
        case .near: return 10
        case .district: return 30
        case .province: return 100
        }
    }
}

/// A figure or statement, with who makes it.
public struct Claim: Sendable, Equatable {
    /// The statement as reported: "nine killed, all non-Iranian nationals".
    public var statement: String
    /// Who claims it: "Iran (IRNA)".
    public var by: String
    /// Deaths the claim states, when it gives a number.
    public var killed: Int?
    /// Injuries the claim states, when it gives a number.
    public var injured: Int?
    /// Written from a figures column (`fatalities`) rather than reported as text: the statement
    /// restates the figure ("2 fatalities (coded estimate)") and, in an export, `by` is its format
    /// citing the incident's sources ("ACLED-format export citing Dawn"). The incidents layer
    /// writes such a claim as its figure and the format alone, since the rest repeats what it says.
    public var fromFigures: Bool

    /// Creates a claim.
    public init(statement: String, by: String, killed: Int? = nil, injured: Int? = nil, fromFigures: Bool = false) {
        self.statement = statement
        self.by = by
        self.killed = killed
        self.injured = injured
        self.fromFigures = fromFigures
    }
}

extension Claim {
    /// Who makes it, as the incidents layer writes a claim made from figures: an export's format
    /// without the sources it cites ("ACLED-format export"), which the incident's `sources` list.
    /// Any other author whole.
    public var authorWithoutCitations: Substring { fromFigures ? FieldRules.exportAuthor(by) : by[...] }
}

/// Where a report came from.
public struct SourceRef: Sendable, Equatable {
    /// Outlet or agency: "AP", "IRNA".
    public var outlet: String
    /// Title of the piece, if known.
    public var title: String?
    /// Address, if known (shown as text only, never as a live link in SVG).
    public var url: String?
    /// Date published (ISO), if known.
    public var published: String?

    /// Creates a source reference.
    public init(outlet: String, title: String? = nil, url: String? = nil, published: String? = nil) {
        self.outlet = outlet
        self.title = title
        self.url = url
        self.published = published
    }
}

/// Where in an input file something was read.
public struct InputLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file path as given.
    public var file: String
    /// 1-based line (0 when unknown).
    public var line: Int
    public var description: String { line > 0 ? "\(file):\(line)" : file }

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// One reported incident, as read from an input file (before its place is resolved).
public struct Incident: Sendable {
    /// Unique id.
    public var id: String
    /// When.
    public var date: IncidentDate
    /// The place as reported: "Sabz Koh, Panjgur".
    public var place: String
    /// Country as declared by the input (alpha-2, alpha-3 or name).
    public var country: String?
    /// Province as declared by the input.
    public var admin1: String?
    /// District as declared by the input.
    public var admin2: String?
    /// Coordinates given by the input, if any.
    public var coordinates: LonLat?
    /// Location precision as declared by the input.
    public var locationPrecision: LocationPrecision?
    /// Kind of incident: "missile and drone strike", "air strike", "shooting".
    public var kind: String
    /// Who struck.
    public var actor: String?
    /// What or whom was targeted, as claimed.
    public var target: String?
    /// Where the strike came from, if known (a place name).
    public var origin: String?
    /// Claims, side by side.
    public var claims: [Claim]
    /// Sources.
    public var sources: [SourceRef]
    /// Free notes.
    public var notes: String?
    /// Input fields the model does not know, kept in order.
    public var extra: [(String, JSONValue)]
    /// Where it was read.
    public var location: InputLocation
    /// Line of each field, for error messages.
    public var fieldLines: [String: Int]

    /// The kind of an incident whose input gives none (the map writes it in its language).
    public static let unspecifiedKind = "unspecified"

    /// An empty incident, left in an array's slot whose incident was moved out (its empty
    /// strings and arrays take no reference to copy).
    public static let moved = Incident(id: "", date: IncidentDate(start: CalendarDate(year: 1, month: 1, day: 1)!), place: "", kind: "",
                                       location: InputLocation(file: "", line: 0))

    /// Creates an incident.
    public init(id: String, date: IncidentDate, place: String, kind: String, location: InputLocation) {
        self.id = id
        self.date = date
        self.place = place
        self.kind = kind
        self.claims = []
        self.sources = []
        self.extra = []
        self.location = location
        self.fieldLines = [:]
    }

    /// The kind of violence, as the map draws it.
    public var category: IncidentCategory { IncidentCategory(kind: kind) }

    /// True when the kind names a strike (air, drone, missile, artillery, shelling).
    public var isStrike: Bool { category == .strike }

    /// Whether the input asks for the incident to be labelled on maps: a `label` field (YAML,
    /// GeoJSON property or CSV column) that is true, "true", "yes" or 1.
    public var wantsLabel: Bool {
        guard let v = extra.first(where: { $0.0 == "label" })?.1 else { return false }
        switch v {
        case .bool(let b): return b
        case .number(let n): return n == 1
        case .string(let s): return ["true", "yes", "1"].contains(s.lowercased())
        default: return false
        }
    }
}

/// The kinds of violence the map tells apart.
public enum IncidentCategory: String, Sendable, CaseIterable {
    /// Air, drone, missile, rocket or artillery strikes and shelling.
    case strike
    /// Bombings: IEDs, suicide bombs, grenades, landmines.
    case explosion
    /// Everything else: armed clashes, attacks, shootings, abductions.
    case other

    /// The category a free-text or ACLED kind names ("Air/drone strike", "Suicide bomb", "Armed clash").
    ///
    /// By the words of the kind, not by letters anywhere in it: "unspecified" and "occupied" hold
    /// "ied" and are no bombing, "airport" and "repair" hold "air" and are no strike, and an
    /// "aerial bombardment" is a strike although it holds "bomb". A word is matched at its start
    /// ("bombing", "shelling", "explosión"), "ied" and "air" only whole; a bomb or grenade dropped
    /// from the air or a drone is a strike.
    public init(kind: String) {
        // Words of the lower-cased bytes (every word looked for is ASCII; letters of other scripts
        // stay inside words); Foundation's `contains` took most of the time of binning a million rows.
        var explosive = false, strike = false, fromTheAir = false
        for word in IncidentCategory.words(Array(kind.lowercased().utf8)) {
            func starts(_ prefixes: [[UInt8]]) -> Bool { prefixes.contains { word.starts(with: $0) } }
            if starts(IncidentCategory.airWords) || word.elementsEqual(IncidentCategory.air) { fromTheAir = true; strike = true }
            else if starts(IncidentCategory.strikeWords) { strike = true }
            else if starts(IncidentCategory.explosiveWords) || IncidentCategory.ieds.contains(where: { word.elementsEqual($0) }) { explosive = true }
        }
        self = explosive && !fromTheAir ? .explosion : strike ? .strike : .other
    }

    /// The words of `bytes`: runs of ASCII letters and digits and of non-ASCII bytes.
    static func words(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split { b in b < 0x80 && !((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)) }
    }

    static let air = Array("air".utf8)
    /// Words of a strike from above, which make a bomb or grenade in the same kind a strike.
    static let airWords = ["aerial", "airstrike", "airborne", "drone", "missile", "bombard"].map { Array($0.utf8) }
    static let strikeWords = ["strike", "shell", "artillery", "rocket", "mortar", "howitzer"].map { Array($0.utf8) }
    static let explosiveWords = ["bomb", "explosi", "grenade", "landmine", "suicide"].map { Array($0.utf8) }
    /// Improvised explosive devices, as whole words.
    static let ieds = ["ied", "ieds", "vbied", "svbied", "pbied"].map { Array($0.utf8) }
}

/// Something that happened without a place on the map (a statement, a call, a ceasefire): drawn
/// on a map's timeline only, and listed in its key with its sources.
public struct TimelineEvent: Sendable {
    /// When.
    public var date: IncidentDate
    /// What happened, as one short sentence.
    public var text: String
    /// Who reports it.
    public var sources: [SourceRef]
    /// Where it was read.
    public var location: InputLocation

    /// Creates an event.
    public init(date: IncidentDate, text: String, sources: [SourceRef] = [], location: InputLocation) {
        self.date = date
        self.text = text
        self.sources = sources
        self.location = location
    }
}

/// A titled collection of incidents from one file.
public struct IncidentFile: Sendable {
    /// The file's path as given.
    public var path: String
    /// Title, if the file gives one.
    public var title: String?
    /// Description, if the file gives one.
    public var summary: String?
    /// The incidents, in file order.
    public var incidents: [Incident]
    /// Events without a place (`events:` of a YAML file), in file order.
    public var events: [TimelineEvent] = []
}
