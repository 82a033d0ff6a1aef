import Foundation
import Geometry

/// The model fields the tabular readers (CSV columns, GeoJSON properties) fill, with the names
/// each is found under, first name first. Names are matched case-insensitively after trimming.
enum IncidentField: Int, CaseIterable {
    case id, date, dateEnd, time, timeZone, latitude, longitude, geoPrecision, locationPrecision
    case country, admin1, admin2, place, actor, target, origin, kind, eventType, subEventType
    case fatalities, notes, source, claims
    /// UCDP GED's `where_prec` (1 to 7), found only in a UCDP GED export (`ucdpNames`).
    case wherePrecision

    /// Accepted names, in order of preference (ACLED's first).
    var names: [String] {
        switch self {
        case .id: return ["event_id_cnty", "id", "event_id", "data_id"]
        case .date: return ["event_date", "date", "date_start", "start_date"]
        case .dateEnd: return ["date_end", "end_date"]
        case .time: return ["time"]
        case .timeZone: return ["timezone", "time_zone"]
        case .latitude: return ["latitude", "lat", "y"]
        case .longitude: return ["longitude", "lon", "lng", "long", "x"]
        case .geoPrecision: return ["geo_precision"]
        case .locationPrecision: return ["location_precision", "precision"]
        case .country: return ["country"]
        case .admin1: return ["admin1", "province"]
        case .admin2: return ["admin2", "district"]
        case .place: return ["location", "place", "location_name", "name"]
        case .actor: return ["actor1", "actor"]
        case .target: return ["actor2", "target"]
        case .origin: return ["origin"]
        case .kind: return ["kind", "type"]
        case .eventType: return ["event_type"]
        case .subEventType: return ["sub_event_type"]
        case .fatalities: return ["fatalities", "killed", "deaths", "dead"]
        case .notes: return ["notes"]
        case .source: return ["source", "sources"]
        case .claims: return ["claims"]
        case .wherePrecision: return []
        }
    }

    /// The model's name for the field: the key of `Incident.fieldLines` beside the column's own name.
    var modelName: String {
        switch self {
        case .id: return "id"
        case .date, .dateEnd: return "date"
        case .time: return "time"
        case .timeZone: return "timezone"
        case .latitude: return "latitude"
        case .longitude: return "longitude"
        case .geoPrecision, .locationPrecision, .wherePrecision: return "location_precision"
        case .country: return "country"
        case .admin1: return "admin1"
        case .admin2: return "admin2"
        case .place: return "place"
        case .actor: return "actor"
        case .target: return "target"
        case .origin: return "origin"
        case .kind, .eventType, .subEventType: return "kind"
        case .fatalities, .claims: return "claims"
        case .notes: return "notes"
        case .source: return "sources"
        }
    }

    /// A UCDP GED export's columns for the fields they give (`type_of_violence` is the kind,
    /// `best` the fatalities, `where_coordinates` the place, `side_a` and `side_b` actor and
    /// target), used where no column of the usual names is there. A file is such an export when
    /// it has `type_of_violence`, `best` and `where_prec` (`isUCDP`).
    static let ucdpNames: [(IncidentField, String)] = [
        (.kind, "type_of_violence"), (.fatalities, "best"), (.place, "where_coordinates"), (.actor, "side_a"),
        (.target, "side_b"), (.admin1, "adm_1"), (.admin2, "adm_2"), (.wherePrecision, "where_prec"),
    ]

    /// Whether the lowercased header `keys` are a UCDP GED export's.
    static func isUCDP(_ keys: [String]) -> Bool {
        ["type_of_violence", "best", "where_prec"].allSatisfy(keys.contains)
    }

    /// True when the value also stays in `extra` (ACLED's event types, which `kind` merges).
    var alsoExtra: Bool { self == .eventType || self == .subEventType }

    /// For each field, the index of the first of `keys` (lowercased, trimmed) that names it; in a
    /// UCDP GED export also its own names (`ucdpNames`) where no usual name is there.
    static func locate(_ keys: [String], skipping: Set<IncidentField> = []) -> [IncidentField: Int] {
        var first: [String: Int] = [:]
        for (i, k) in keys.enumerated() where first[k] == nil { first[k] = i }
        var found: [IncidentField: Int] = [:]
        for f in allCases where !skipping.contains(f) {
            if let i = f.names.lazy.compactMap({ first[$0] }).first { found[f] = i }
        }
        if isUCDP(keys) {
            for (f, name) in ucdpNames where found[f] == nil && !skipping.contains(f) { found[f] = first[name] }
        }
        return found
    }
}

/// The column of each model field: an array, as it is consulted for every value of every row.
struct FieldColumns {
    private var columns: [Int?] = Array(repeating: nil, count: IncidentField.allCases.count)

    /// The fields found in `keys` (see `IncidentField.locate`).
    init(_ found: [IncidentField: Int]) {
        for (f, c) in found { columns[f.rawValue] = c }
    }

    subscript(field: IncidentField) -> Int? { columns[field.rawValue] }

    /// Every field found, with its column.
    var all: [(field: IncidentField, column: Int)] {
        IncidentField.allCases.compactMap { f in columns[f.rawValue].map { (f, $0) } }
    }
}

/// The value rules both tabular readers apply, with the messages they report.
enum FieldRules {
    /// A coordinate in -limit...limit, or the message: what was expected and the value given.
    static func coordinate(_ value: Double?, raw: @autoclosure () -> String, limit: Double) -> Result<Double, FieldError> {
        if let v = value, v.isFinite, abs(v) <= limit { return .success(v) }
        let raw = raw()
        let range = "between -\(Int(limit)) and \(Int(limit))"
        guard let v = value else { return .failure(FieldError("expected a number \(range), got \"\(raw)\"")) }
        guard v.isFinite else { return .failure(FieldError("expected a finite number \(range), got \"\(raw)\"")) }
        guard abs(v) <= limit else { return .failure(FieldError("expected a number \(range), got \"\(raw)\"")) }
        return .success(v)
    }

    /// A note for an out-of-range latitude that would be a valid longitude while the longitude would be a valid latitude.
    static func swapHint(lat: Double?, lon: Double?) -> String {
        guard let lat, let lon, lat.isFinite, lon.isFinite, abs(lat) > 90, abs(lat) <= 180, abs(lon) <= 90 else { return "" }
        return " (are latitude and longitude swapped?)"
    }

    /// UCDP GED's where_prec: 1 (the place itself) → exact, 2 (within 25 km) → near, 3 (its
    /// second-order unit) → district, 4 to 7 (its first-order unit, a region, the country, or
    /// waters) → province, the coarsest precision there is.
    static func wherePrecision(_ raw: String) -> Result<LocationPrecision, FieldError> {
        switch raw {
        case "1": return .success(.exact)
        case "2": return .success(.near)
        case "3": return .success(.district)
        case "4", "5", "6", "7": return .success(.province)
        default: return .failure(FieldError("expected UCDP's where_prec, 1 to 7, got \"\(raw)\""))
        }
    }

    /// UCDP GED's type_of_violence as a kind.
    static func ucdpKind(_ raw: String) -> Result<String, FieldError> {
        switch raw {
        case "1": return .success("State-based conflict")
        case "2": return .success("Non-state conflict")
        case "3": return .success("One-sided violence")
        default: return .failure(FieldError("expected UCDP's type_of_violence, 1 (state-based), 2 (non-state) or 3 (one-sided), got \"\(raw)\""))
        }
    }

    /// `start` to the day `raw` names (a `date_end` column): a range, or `start` when it is that day.
    static func ending(_ start: IncidentDate, _ raw: String, cache: inout [String: Result<IncidentDate, DateError>]) -> Result<IncidentDate, FieldError> {
        switch date(raw, cache: &cache) {
        case .failure(let e): return .failure(FieldError(e.message))
        case .success(let end):
            guard end.precision == .day else { return .failure(FieldError("expected the day the incident ended, got \"\(raw)\"")) }
            if end.start < start.start { return .failure(FieldError("ends (\(end.start)) before it starts (\(start.start))")) }
            if end.start == start.end { return .success(start) }
            return .success(IncidentDate(start: start.start, end: end.start, precision: .range))
        }
    }

    /// ACLED's geo_precision: 1 → exact, 2 → near, 3 → province.
    static func geoPrecision(_ raw: String) -> Result<LocationPrecision, FieldError> {
        switch raw {
        case "1": return .success(.exact)
        case "2": return .success(.near)
        case "3": return .success(.province)
        default: return .failure(FieldError("expected 1 (exact), 2 (near) or 3 (province), got \"\(raw)\""))
        }
    }

    /// A location precision by name: exact, near, district, province, region, country.
    static func locationPrecision(_ raw: String) -> Result<LocationPrecision, FieldError> {
        if let p = LocationPrecision(written: raw) { return .success(p) }
        return .failure(FieldError("unknown value \"\(raw)\" (expected one of \(LocationPrecision.writtenNames.joined(separator: ", ")))"))
    }

    /// A whole number ≥ 0 written in decimal digits.
    static func count(_ raw: String) -> Result<Int, FieldError> {
        if !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = Int(raw) { return .success(v) }
        return .failure(FieldError("expected a whole number ≥ 0, got \"\(raw)\""))
    }

    /// Sources from a `;`-separated list of outlets ("Balochistan Post; Dawn").
    static func outlets(_ raw: String) -> [SourceRef] {
        raw.split(separator: ";").compactMap {
            let s = trimmed($0)
            return s.isEmpty ? nil : SourceRef(outlet: String(s))
        }
    }

    /// `s` without leading and trailing white space (Unicode's, not only ASCII's).
    static func trimmed(_ s: Substring) -> Substring {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return Substring(scalars[first...last])
    }

    /// The claim a `fatalities` value makes: ACLED's estimate in an ACLED export, else the file's sources' figure.
    static func fatalitiesClaim(_ n: Int, acled: Bool, sources: [SourceRef]) -> Claim {
        Claim(statement: fatalitiesStatement(n, acled: acled), by: fatalitiesAuthor(acled: acled, sources: sources), killed: n, fromFigures: true)
    }

    /// "2 fatalities (coded estimate)" in an ACLED-format export (the coders' figure), "2
    /// fatalities (best estimate)" in a UCDP GED one (its `best`), or "2 fatalities"; "1 fatality"
    /// in the singular.
    static func fatalitiesStatement(_ n: Int, acled: Bool, ucdp: Bool = false) -> String {
        let count = n == 1 ? "1 fatality" : "\(n) fatalities"
        return acled ? "\(count) (coded estimate)" : ucdp ? "\(count) (best estimate)" : count
    }

    /// Who makes the figure of an ACLED-format export: the file may be ACLED's own export or one made in its format.
    static let acledAuthor = "ACLED-format export"
    /// Who makes the figure of a UCDP GED-format export.
    static let ucdpAuthor = "UCDP GED-format export"

    /// "ACLED-format export citing Dawn; Express Tribune"; outside ACLED exports the sources, else "unattributed".
    static func fatalitiesAuthor(acled: Bool, ucdp: Bool = false, sources: [SourceRef]) -> String {
        let cited = sources.map(\.outlet).joined(separator: "; ")
        if ucdp { return cited.isEmpty ? ucdpAuthor : "\(ucdpAuthor) citing \(cited)" }
        if acled { return cited.isEmpty ? acledAuthor : "\(acledAuthor) citing \(cited)" }
        return cited.isEmpty ? "unattributed" : cited
    }

    /// The author of a claim written from figures without the sources it cites, which the
    /// incident's `sources` list: "ACLED-format export" for "ACLED-format export citing Dawn".
    /// Any other author is returned whole.
    static func exportAuthor(_ by: String) -> Substring {
        // Compared byte by byte (the layer asks it of every claim of a million rows).
        func format(_ format: String) -> Substring? {
            guard by.utf8.starts(with: format.utf8) else { return nil }
            let rest = by.utf8.dropFirst(format.utf8.count)
            return rest.isEmpty || rest.starts(with: " citing ".utf8) ? by[..<rest.startIndex] : nil
        }
        return format(acledAuthor) ?? format(ucdpAuthor) ?? by[...]
    }

    /// A claim given by its figures alone, as the incidents layer writes one made from a figures
    /// column (`{"by": "ACLED-format export", "killed": 2}`): its statement restates the figures,
    /// and an export's format cites the incident's sources again. Nil when it gives no figure.
    static func figuresClaim(by: String, killed: Int?, injured: Int?, sources: [SourceRef]) -> Claim? {
        let acled = by == acledAuthor, ucdp = by == ucdpAuthor
        var parts: [String] = []
        if let killed { parts.append(fatalitiesStatement(killed, acled: acled, ucdp: ucdp)) }
        if let injured { parts.append("\(injured) injured") }
        guard !parts.isEmpty else { return nil }
        let author = acled || ucdp ? fatalitiesAuthor(acled: acled, ucdp: ucdp, sources: sources) : by
        return Claim(statement: parts.joined(separator: ", "), by: author, killed: killed, injured: injured, fromFigures: true)
    }

    /// The file name of `path` without directory and extension: the prefix of generated ids.
    static func basename(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// A date, remembering every text already read (exports repeat the same few thousand days).
    static func date(_ raw: String, cache: inout [String: Result<IncidentDate, DateError>]) -> Result<IncidentDate, DateError> {
        if let d = cache[raw] { return d }
        let d = DateParsing.parse(raw)
        if cache.count < 100_000 { cache[raw] = d }
        return d
    }
}

/// A message about one value.
struct FieldError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
