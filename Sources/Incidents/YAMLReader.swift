import Foundation
import Geometry
import YAMLGuard
import Yams

/// Reads the human-written YAML incident format (see README, "Incident files").
///
/// A file is either a mapping with `incidents:` (and optional `title:` and
/// `description:`) or a bare sequence of incidents. Every problem is
/// collected, each with its line and field, and thrown together.
public enum YAMLIncidentReader {
    /// Fields the model knows; any other key of an incident is kept in `extra`.
    static let knownFields: Set<String> = [
        "id", "date", "time", "timezone", "time_zone", "place", "location", "country", "admin1", "province",
        "admin2", "district", "latitude", "longitude", "lat", "lon", "location_precision", "precision", "kind", "type",
        "actor", "target", "origin", "claims", "sources", "notes",
    ]

    /// Bounds on one file; beyond them the reader reports a problem rather than use unbounded memory or time.
    public struct Limits: Sendable {
        /// Longest physical line, in bytes.
        public var maxLineBytes: Int
        /// Deepest nesting of lists and mappings.
        public var maxDepth: Int
        /// Most values (lists, mappings and scalars) in the file.
        public var maxValues: Int
        /// Most incidents in the file.
        public var maxIncidents: Int

        /// Creates limits; the defaults are 4 MB per line, 64 levels, 2,000,000 values and 100,000 incidents
        /// (YAML is written by hand; larger data sets belong in CSV or GeoJSON).
        public init(maxLineBytes: Int = 4 << 20, maxDepth: Int = 64, maxValues: Int = 2_000_000, maxIncidents: Int = 100_000) {
            self.maxLineBytes = maxLineBytes
            self.maxDepth = maxDepth
            self.maxValues = maxValues
            self.maxIncidents = maxIncidents
        }
    }

    /// Reads `data` read from `path`, with the default limits.
    public static func read(_ data: Data, path: String) throws -> IncidentFile {
        try read(data, path: path, limits: Limits())
    }

    /// Reads `data` read from `path`; throws `InputErrors` with every problem of the file.
    public static func read(_ data: Data, path: String, limits: Limits) throws -> IncidentFile {
        // Checked on the bytes before Yams sees them: text, line lengths, and what the prescan refuses.
        var bom = 0
        let refused: InputProblem? = data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            func problem(_ line: Int, _ message: String) -> InputProblem { InputProblem(file: path, line: line, field: nil, message: message) }
            if let failure = TextCheck.check(b) { return problem(failure.line, failure.message) }
            bom = TextCheck.bomLength(b)
            if b[bom...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                return problem(0, "empty file: expected incidents")
            }
            if let line = TextCheck.firstLine(longerThan: limits.maxLineBytes, in: b) {
                return problem(line, "line longer than \(CSVIncidentReader.size(limits.maxLineBytes))")
            }
            if let failure = YAMLPrescan.check(UnsafeBufferPointer(rebasing: b[bom...]), maxDepth: limits.maxDepth, maxValues: limits.maxValues) {
                return problem(failure.line, failure.message)
            }
            return nil
        }
        if let refused { throw InputErrors([refused]) }
        let body = String(decoding: data.dropFirst(bom), as: UTF8.self)
        let root: Node?
        do {
            root = try Yams.compose(yaml: body)
        } catch let error as YamlError {
            throw InputErrors([syntaxProblem(error, path: path, text: body)])
        }
        var reader = Reader(path: path, maxIncidents: limits.maxIncidents)
        let file = reader.file(root)
        if reader.problems.contains(where: { !$0.isWarning }) { throw InputErrors(reader.problems) }
        return file
    }

    /// A Yams error as a problem with its line: `text` is the YAML that was composed.
    static func syntaxProblem(_ error: YamlError, path: String, text: String) -> InputProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml says what it was doing and where that began: an unterminated quote is found at the
            // end of the file, but its context is the line where the quote opens.
            var message = "YAML syntax error: \(problem) at column \(mark.column)"
            if let context { message += "; \(context.text) at line \(context.mark.line), column \(context.mark.column)" }
            return InputProblem(file: path, line: mark.line, field: nil, message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputProblem(file: path, line: context.mark.line, field: duplicates.first,
                                message: "appears more than once in the same mapping (each key is given once)")
        case .reader(let problem, let offset, _, _):
            // `offset` counts Characters of `text`.
            let line = offset.map { n in 1 + text.prefix(n).reduce(0) { $0 + ($1.isNewline ? 1 : 0) } } ?? 0
            return InputProblem(file: path, line: line, field: nil, message: "not readable as YAML: \(problem)")
        default:
            return InputProblem(file: path, line: 0, field: nil, message: "YAML error: \(error)")
        }
    }

    struct Reader {
        let path: String
        let maxIncidents: Int
        var problems: [InputProblem] = []

        mutating func problem(_ node: Node?, _ field: String?, _ message: String) {
            problems.append(InputProblem(file: path, line: node?.mark?.line ?? 0, field: field, message: message))
        }

        mutating func file(_ root: Node?) -> IncidentFile {
            var title: String?, summary: String?
            var list: Node.Sequence?
            var events: [TimelineEvent] = [], hasEvents = false
            switch root {
            case .mapping(let m)?:
                for (k, v) in m {
                    switch k.string {
                    case "title": title = scalar(v, "title")
                    case "description", "summary": summary = scalar(v, "description")
                    case "incidents":
                        if case .sequence(let s) = v { list = s } else { problem(v, "incidents", "expected a list of incidents") }
                    case "events":
                        hasEvents = true
                        events = eventList(v)
                    default: break
                    }
                }
                // A file may hold only events, to go beside a CSV or GeoJSON file of incidents.
                if list == nil && !hasEvents && !problems.contains(where: { $0.field == "incidents" }) {
                    problem(root, "incidents", "missing: expected a list of incidents under \"incidents:\" (or events under \"events:\")")
                }
            case .sequence(let s)?: list = s
            default: problem(root, nil, "expected a mapping with \"incidents:\" or a list of incidents")
            }
            if let l = list, l.count > maxIncidents {
                problem(root, "incidents", "\(l.count) incidents; the limit is \(maxIncidents) (split the file, or use CSV or GeoJSON for large data sets)")
                return IncidentFile(path: path, title: title, summary: summary, incidents: [])
            }
            var incidents: [Incident] = []
            for (i, node) in (list ?? Node.Sequence()).enumerated() {
                if let inc = incident(node, index: i) { incidents.append(inc) }
            }
            if list != nil && incidents.isEmpty && problems.isEmpty {
                problem(root, "incidents", "the list is empty")
            }
            return IncidentFile(path: path, title: title, summary: summary, incidents: incidents, events: events)
        }

        /// The `events:` list: each a mapping with `date`, `text` and optional `source` (one outlet)
        /// or `sources` (a list, as an incident's).
        mutating func eventList(_ node: Node) -> [TimelineEvent] {
            guard case .sequence(let list) = node else { problem(node, "events", "expected a list of events (date:, text:, source:)"); return [] }
            return list.enumerated().compactMap { index, e -> TimelineEvent? in
                let label = "events[\(index)]"
                guard case .mapping(let m) = e else { problem(e, "events", "\(label): expected a mapping (date:, text:, source:)"); return nil }
                var f: [String: (String, Node)] = [:]
                var sources: [SourceRef] = []
                let before = problems.count
                for (k, v) in m {
                    guard let key = k.string?.trimmingCharacters(in: .whitespaces) else { problem(k, "events", "keys must be text"); continue }
                    switch key {
                    case "sources": sources += sourceList(v)
                    case "date", "text", "source":
                        if let s = scalar(v, "events.\(key)") { f[key] = (s, v) }
                    default: problem(k, "events.\(key)", "unknown field of an event (expected date, text, source or sources)")
                    }
                }
                var date: IncidentDate?
                if let (raw, dnode) = f["date"] {
                    switch DateParsing.parse(raw) {
                    case .success(let d): date = d
                    case .failure(let err): problem(dnode, "events.date", err.message)
                    }
                } else { problem(e, "events.date", "missing: when it happened (\(label))") }
                let text = f["text"]?.0
                if text == nil { problem(e, "events.text", "missing: what happened (\(label))") }
                guard problems.count == before, let date, let text else { return nil }
                if let (outlet, _) = f["source"] { sources.insert(SourceRef(outlet: outlet), at: 0) }
                return TimelineEvent(date: date, text: text, sources: sources, location: InputLocation(file: path, line: e.mark?.line ?? 0))
            }
        }

        mutating func scalar(_ node: Node, _ field: String) -> String? {
            switch node {
            case .scalar(let s):
                let v = s.string.trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty || (s.style == .plain && ["~", "null", "Null", "NULL"].contains(v)) ? nil : v
            case .alias:
                problem(node, field, "YAML aliases are not allowed in incident files"); return nil
            default:
                problem(node, field, "expected a single value, found a \(node.mapping != nil ? "mapping" : "list")"); return nil
            }
        }

        mutating func incident(_ node: Node, index: Int) -> Incident? {
            guard case .mapping(let m) = node else {
                problem(node, "incidents[\(index)]", "expected a mapping (id:, date:, place: …)")
                return nil
            }
            var values: [String: (String, Node)] = [:]
            var lines: [String: Int] = [:]
            var extra: [(String, JSONValue)] = []
            var claimsNode: Node?, sourcesNode: Node?
            let before = problems.count
            for (k, v) in m {
                guard let key = k.string?.trimmingCharacters(in: .whitespaces) else { problem(k, nil, "keys must be text"); continue }
                if lines[key] != nil { problem(k, key, "appears twice in the same incident"); continue }
                lines[key] = k.mark?.line ?? 0
                switch key {
                case "claims": claimsNode = v
                case "sources": sourcesNode = v
                case _ where YAMLIncidentReader.knownFields.contains(key):
                    if let s = scalar(v, key) { values[key] = (s, v) }
                default: extra.append((key, json(v)))
                }
            }
            func value(_ keys: String...) -> (String, Node)? {
                for k in keys { if let v = values[k] { return v } }
                return nil
            }
            let label = "incidents[\(index)]"
            guard let (id, _) = value("id") else { problem(node, "id", "missing (\(label) needs an id)"); return nil }
            var date: IncidentDate?
            if let (raw, dnode) = value("date") {
                switch DateParsing.parse(raw) {
                case .success(let d): date = d
                case .failure(let e): problem(dnode, "date", e.message)
                }
            } else { problem(node, "date", "missing (incident \(id))") }
            let place = value("place", "location")?.0
            var coordinates: LonLat?
            let lat = value("latitude", "lat"), lon = value("longitude", "lon")
            if lat != nil || lon != nil {
                coordinates = coordinate(lat: lat, lon: lon, node: node)
            }
            if place == nil && coordinates == nil && lat == nil && lon == nil {
                problem(node, "place", "missing (incident \(id) needs a place name or latitude/longitude)")
            }
            var precision: LocationPrecision?
            if let (p, pnode) = value("location_precision", "precision") {
                precision = LocationPrecision(written: p)
                if precision == nil {
                    problem(pnode, "location_precision", "unknown value \"\(p)\" (expected one of \(LocationPrecision.writtenNames.joined(separator: ", ")))")
                }
            }
            let claims = claimsNode.map { claimList($0) } ?? []
            let sources = sourcesNode.map { sourceList($0) } ?? []
            guard problems.count == before, var d = date else { return nil }
            d.time = value("time")?.0
            d.timeZone = value("timezone", "time_zone")?.0
            var inc = Incident(id: id, date: d, place: place ?? "", kind: value("kind", "type")?.0 ?? Incident.unspecifiedKind,
                               location: InputLocation(file: path, line: node.mark?.line ?? 0))
            inc.country = value("country")?.0
            inc.admin1 = value("admin1", "province")?.0
            inc.admin2 = value("admin2", "district")?.0
            inc.coordinates = coordinates
            inc.locationPrecision = precision
            inc.actor = value("actor")?.0
            inc.target = value("target")?.0
            inc.origin = value("origin")?.0
            inc.notes = value("notes")?.0
            inc.claims = claims
            inc.sources = sources
            inc.extra = extra
            inc.fieldLines = lines
            return inc
        }

        mutating func coordinate(lat: (String, Node)?, lon: (String, Node)?, node: Node) -> LonLat? {
            guard let lat, let lon else {
                problem(node, lat == nil ? "latitude" : "longitude", "missing (latitude and longitude go together)")
                return nil
            }
            let la = Double(lat.0), lo = Double(lon.0)
            var ok = true
            if la == nil || !la!.isFinite || abs(la!) > 90 {
                problem(lat.1, "latitude", "expected a number between -90 and 90, got \"\(lat.0)\""); ok = false
            }
            if lo == nil || !lo!.isFinite || abs(lo!) > 180 {
                problem(lon.1, "longitude", "expected a number between -180 and 180, got \"\(lon.0)\""); ok = false
            }
            return ok ? LonLat(lon: lo!, lat: la!) : nil
        }

        mutating func claimList(_ node: Node) -> [Claim] {
            guard case .sequence(let s) = node else { problem(node, "claims", "expected a list"); return [] }
            return s.compactMap { c -> Claim? in
                guard case .mapping(let m) = c else { problem(c, "claims", "each claim is a mapping (claim:, by:)"); return nil }
                var f: [String: (String, Node)] = [:]
                for (k, v) in m { if let key = k.string, let s = scalar(v, "claims.\(key)") { f[key] = (s, v) } }
                guard let statement = (f["claim"] ?? f["statement"])?.0 else { problem(c, "claims.claim", "missing: what is claimed"); return nil }
                guard let by = (f["by"] ?? f["source"])?.0 else { problem(c, "claims.by", "missing: who claims it"); return nil }
                var claim = Claim(statement: statement, by: by)
                for (key, path) in [("killed", \Claim.killed), ("injured", \Claim.injured)] {
                    if let (raw, n) = f[key] {
                        if let v = Int(raw), v >= 0 { claim[keyPath: path] = v }
                        else { problem(n, "claims.\(key)", "expected a whole number ≥ 0, got \"\(raw)\"") }
                    }
                }
                return claim
            }
        }

        mutating func sourceList(_ node: Node) -> [SourceRef] {
            guard case .sequence(let s) = node else { problem(node, "sources", "expected a list"); return [] }
            return s.compactMap { c -> SourceRef? in
                if case .scalar = c, let outlet = scalar(c, "sources") { return SourceRef(outlet: outlet) }
                guard case .mapping(let m) = c else { problem(c, "sources", "each source is a mapping (outlet:, title:, url:, published:)"); return nil }
                var f: [String: String] = [:]
                for (k, v) in m { if let key = k.string, let s = scalar(v, "sources.\(key)") { f[key] = s } }
                guard let outlet = f["outlet"] ?? f["name"] else { problem(c, "sources.outlet", "missing: the outlet or agency"); return nil }
                return SourceRef(outlet: outlet, title: f["title"], url: f["url"], published: f["published"] ?? f["date"])
            }
        }

        func json(_ node: Node) -> JSONValue {
            switch node {
            case .scalar(let s):
                guard s.style == .plain else { return .string(s.string) }
                if let i = node.int { return .number(Double(i)) }
                if let d = node.float, d.isFinite { return .number(d) }
                if let b = node.bool { return .bool(b) }
                if node.null != nil { return .null }
                return .string(s.string)
            case .sequence(let seq): return .array(seq.map(json))
            case .mapping(let m): return .object(m.map { ($0.key.string ?? "", json($0.value)) })
            case .alias: return .null
            }
        }
    }
}
