import Foundation
import Geometry
import Topology

/// Reads incidents from a GeoJSON FeatureCollection (a QGIS or GDAL export): Point features, or
/// areas, lines and sets of points, each placed at a point on it (`AreaPlacement`).
///
/// Properties are matched to the model under the same names as CSV columns
/// (`IncidentField.names`, case-insensitive), plus `claims` (a list of
/// `{claim, by, killed, injured}`) and `sources` (a list of `{outlet, title, url,
/// published}` or of outlets, or one `;`-separated text). The point comes from the
/// geometry; a feature with a null geometry is placed later by its place name. Every
/// other property is kept in `Incident.extra` in the order of the file. The text is
/// parsed by the strict `JSONParser` (RFC 8259: no trailing commas). Problems name the
/// JSON path (`features[3].geometry.coordinates`) and the line where the feature
/// starts, and are all thrown together.
public enum GeoJSONIncidentReader {
    /// Deepest nesting of arrays and objects read; the parser refuses a deeper file.
    public static let maxDepth = 64

    /// Most features read from one file.
    public static let maxFeatures = 1_000_000

    /// Reads `data` read from `path`; throws `InputErrors` with every problem of the file.
    public static func read(_ data: Data, path: String, maxFeatures: Int = GeoJSONIncidentReader.maxFeatures) throws -> IncidentFile {
        var reader = Reader(path: path, maxFeatures: maxFeatures)
        let file = reader.read(data)
        if !reader.problems.isEmpty { throw InputErrors(reader.problems) }
        return file
    }

    struct Reader {
        let path: String
        let maxFeatures: Int
        var problems: [InputProblem] = []
        var featureLines: [Int] = []
        var dates: [String: Result<IncidentDate, DateError>] = [:]
        var firstOfID: [String: String] = [:]
        /// GEOS, for the features given as areas or lines (made at the first).
        var engine: GeometryEngine?

        init(path: String, maxFeatures: Int) {
            self.path = path
            self.maxFeatures = maxFeatures
        }

        mutating func problem(_ line: Int, _ field: String?, _ message: String) {
            problems.append(InputProblem(file: path, line: line, field: field, message: message))
        }

        mutating func read(_ data: Data) -> IncidentFile {
            var file = IncidentFile(path: path, title: nil, summary: nil, incidents: [])
            let isText: Bool = data.withUnsafeBytes { raw in
                let b = raw.bindMemory(to: UInt8.self)
                if let failure = TextCheck.check(b) {
                    problem(failure.line, nil, failure.message)
                    return false
                }
                let start = TextCheck.bomLength(b)
                if b[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                    problem(0, nil, "empty file: expected a GeoJSON FeatureCollection")
                    return false
                }
                return true
            }
            guard isText else { return file }

            let root: JSONValue
            do {
                (root, featureLines) = try JSONParser(maxDepth: GeoJSONIncidentReader.maxDepth).parse(data, elementLinesOf: ["features"])
            } catch let e as JSONParseError {
                if e.isNestingTooDeep {
                    problem(e.line, nil, "arrays and objects nested deeper than \(GeoJSONIncidentReader.maxDepth) levels; not read")
                } else {
                    problem(e.line, nil, "JSON syntax error: \(e.message) (column \(e.column))")
                }
                return file
            } catch {
                problem(0, nil, "JSON syntax error: \(error)")
                return file
            }
            guard case .object = root else {
                problem(0, nil, "expected a GeoJSON FeatureCollection (an object), got \(describe(root))")
                return file
            }
            guard root["type"]?.stringValue == "FeatureCollection" else {
                problem(0, "type", "expected \"FeatureCollection\", got \(root["type"].map(describe) ?? "nothing")")
                return file
            }
            if let name = root["crs"]?["properties"]?["name"]?.stringValue {
                let wgs84 = ["urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "CRS84"]
                if !wgs84.contains(name) {
                    problem(0, "crs.properties.name", "coordinates must be WGS84 longitude/latitude (RFC 7946), but the file declares \"\(name)\"; export it as EPSG:4326")
                }
            }
            file.title = root["title"]?.stringValue ?? root["name"]?.stringValue
            file.summary = root["description"]?.stringValue
            guard let features = root["features"]?.arrayValue else {
                problem(0, "features", "expected an array of features, got \(root["features"].map(describe) ?? "nothing")")
                return file
            }
            if features.count > maxFeatures {
                problem(0, "features", "\(features.count) features; the limit is \(maxFeatures) (split the file)")
                return file
            }
            // The parser records the lines of the same array `root["features"]` finds; checked all the same.
            if featureLines.count != features.count { featureLines = [] }
            for (i, value) in features.enumerated() {
                if let incident = feature(value, index: i) { file.incidents.append(incident) }
            }
            if features.isEmpty { problem(0, "features", "the array is empty: expected incidents") }
            return file
        }

        mutating func feature(_ f: JSONValue, index: Int) -> Incident? {
            let at = "features[\(index)]"
            let line = index < featureLines.count ? featureLines[index] : 0
            let before = problems.count
            guard case .object = f else {
                problem(line, at, "expected a Feature object, got \(describe(f))")
                return nil
            }
            if f["type"]?.stringValue != "Feature" {
                problem(line, "\(at).type", "expected \"Feature\", got \(f["type"].map(describe) ?? "nothing")")
            }
            // Properties in the order of the file.
            var properties: [(String, JSONValue)] = []
            switch f["properties"] ?? .null {
            case .null: break
            case .object(let members): properties = members
            case let other: problem(line, "\(at).properties", "expected an object or null, got \(describe(other))")
            }
            let keys = properties.map(\.0)
            let lowered = keys.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            var seen: [String: String] = [:]
            for (k, l) in zip(keys, lowered) {
                if let other = seen[l] {
                    problem(line, "\(at).properties.\(k)", other == k ? "appears twice in the properties"
                                                                        : "names the same field as \"\(other)\" (names are compared ignoring case)")
                } else {
                    seen[l] = k
                }
            }
            let found = IncidentField.locate(lowered, skipping: [.latitude, .longitude])
            func key(_ field: IncidentField) -> String? { found[field].map { keys[$0] } }
            func propertyPath(_ field: IncidentField) -> String { "\(at).properties.\(key(field) ?? field.modelName)" }
            // A text property: strings trimmed, numbers written out; nil when absent, null or empty.
            func text(_ field: IncidentField) -> String? {
                guard let i = found[field] else { return nil }
                let v = properties[i].1
                switch v {
                case .null: return nil
                case .string(let s):
                    let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                    return t.isEmpty ? nil : t
                case .number(let d): return numberText(d)
                default:
                    problem(line, propertyPath(field), "expected text, got \(describe(v))")
                    return nil
                }
            }

            // Id: the properties', else the feature's, else made from the file name.
            var id: String
            var idPath = propertyPath(.id)
            if let v = text(.id) {
                id = v
            } else if let v = f["id"].flatMap(scalarText) {
                id = v
                idPath = "\(at).id"
            } else {
                id = "\(FieldRules.basename(path))-\(index + 1)"
            }

            var date: IncidentDate?
            let beforeDate = problems.count
            if let v = text(.date) {
                switch FieldRules.date(v, cache: &dates) {
                case .success(let d): date = d
                case .failure(let e): problem(line, propertyPath(.date), e.message)
                }
            } else if problems.count == beforeDate {
                problem(line, propertyPath(.date), "missing: every incident needs a date (property date or event_date)")
            }
            // The day it ended (`date_end`): a range.
            if let start = date, let v = text(.dateEnd) {
                switch FieldRules.ending(start, v, cache: &dates) {
                case .success(let d): date = d
                case .failure(let e): problem(line, propertyPath(.dateEnd), e.message)
                }
            }

            // The point.
            var coordinates: LonLat?
            var geometryNull = false
            var area: AreaPlacement?
            let geometry = f["geometry"] ?? .null
            switch geometry {
            case .null: geometryNull = true
            case .object:
                let type = geometry["type"]?.stringValue
                if type == "Point" {
                    coordinates = position(geometry["coordinates"], path: "\(at).geometry.coordinates", line: line)
                } else if let type, GeoJSONReader.incidentGeometryTypes.contains(type) {
                    area = self.area(geometry, path: "\(at).geometry", line: line)
                    coordinates = area?.point
                } else {
                    problem(line, "\(at).geometry.type", "expected one of \(GeoJSONReader.incidentGeometryTypes.joined(separator: ", ")), got \(geometry["type"].map(describe) ?? "nothing")")
                }
            default:
                problem(line, "\(at).geometry", "expected a geometry object or null, got \(describe(geometry))")
            }
            let place = text(.place)
            if geometryNull && place == nil {
                problem(line, "\(at).geometry", "null, and the properties name no place (location, place or name): the incident cannot be placed")
            }

            var precision: LocationPrecision? = area?.precision
            if let v = text(.locationPrecision) {
                switch FieldRules.locationPrecision(v) {
                case .success(let p): precision = p
                case .failure(let e): problem(line, propertyPath(.locationPrecision), e.message)
                }
            } else if let v = text(.geoPrecision) {
                switch FieldRules.geoPrecision(v) {
                case .success(let p): precision = p
                case .failure(let e): problem(line, propertyPath(.geoPrecision), e.message)
                }
            }

            let sources = found[.source].map { sourceList(properties[$0].1, path: "\(at).properties.\(keys[$0])", line: line) } ?? []
            var claims = found[.claims].map { claimList(properties[$0].1, sources: sources, path: "\(at).properties.\(keys[$0])", line: line) } ?? []
            if let i = found[.fatalities], properties[i].1 != .null {
                switch count(properties[i].1) {
                case .success(let n): claims.append(FieldRules.fatalitiesClaim(n, acled: lowered.contains("event_id_cnty"), sources: sources))
                case .failure(let e): problem(line, "\(at).properties.\(keys[i])", e.message)
                }
            }

            if let first = firstOfID[id] {
                problem(line, idPath, "duplicate id \"\(id)\" (first at \(first))")
            } else {
                firstOfID[id] = line > 0 ? "\(at), line \(line)" : at
            }
            guard problems.count == before, var d = date else { return nil }

            d.time = text(.time)
            d.timeZone = text(.timeZone)
            let kind = text(.kind) ?? text(.subEventType) ?? text(.eventType) ?? Incident.unspecifiedKind
            var inc = Incident(id: id, date: d, place: place ?? "", kind: kind, location: InputLocation(file: path, line: line))
            inc.country = text(.country)
            inc.admin1 = text(.admin1)
            inc.admin2 = text(.admin2)
            inc.coordinates = coordinates
            inc.locationPrecision = precision
            inc.actor = text(.actor)
            inc.target = text(.target)
            inc.origin = text(.origin)
            inc.notes = text(.notes)
            inc.claims = claims
            inc.sources = sources
            var taken = Set<Int>()
            for (field, i) in found where !field.alsoExtra { taken.insert(i) }
            for (i, (k, v)) in properties.enumerated() where !taken.contains(i) && v != .null {
                inc.extra.append((k, v))
            }
            // What the layers tell of a geometry that was not a point (unless the properties use the names).
            if let area, let type = geometry["type"]?.stringValue {
                if !lowered.contains("geometry_type") { inc.extra.append(("geometry_type", .string(type))) }
                if !lowered.contains("geometry_extent_km") { inc.extra.append(("geometry_extent_km", .number((area.extentKm * 10).rounded() / 10))) }
            }
            if line > 0 {
                for k in keys { inc.fieldLines[k] = line }
                for field in found.keys { inc.fieldLines[field.modelName] = line }
                for m in ["id", "date", "place", "latitude", "longitude"] { inc.fieldLines[m] = line }
            }
            return inc
        }

        /// Where an incident given as an area, a line or several points stands (`AreaPlacement`).
        mutating func area(_ geometry: JSONValue, path: String, line: Int) -> AreaPlacement? {
            do {
                let parts = try GeoJSONReader.parts(geometry, path: path)
                if engine == nil { engine = try GeometryEngine() }
                guard let engine, let area = try AreaPlacement.of(parts, engine: engine) else {
                    problem(line, path, "holds no position to place the incident at (empty, or rings of no area)")
                    return nil
                }
                return area
            } catch let e as GeoJSONError {
                problem(line, e.path, e.message)
            } catch {
                problem(line, path, "\(error)")
            }
            return nil
        }

        /// `[longitude, latitude]` (an altitude may follow), checked.
        mutating func position(_ value: JSONValue?, path: String, line: Int) -> LonLat? {
            guard case .array(let a)? = value, a.count >= 2, case .number(let lon) = a[0], case .number(let lat) = a[1] else {
                problem(line, path, "expected [longitude, latitude] as numbers, got \(value.map(describe) ?? "nothing")")
                return nil
            }
            let p = LonLat(lon: lon, lat: lat)
            guard p.isValid else {
                problem(line, path, "expected longitude between -180 and 180 and latitude between -90 and 90, got \(describe(.array(a)))"
                        + FieldRules.swapHint(lat: lat, lon: lon))
                return nil
            }
            return p
        }

        /// A whole number ≥ 0, as a JSON number or digits in a string.
        func count(_ v: JSONValue) -> Result<Int, FieldError> {
            switch v {
            case .number(let d):
                if d >= 0, d < 1e15, d == d.rounded() { return .success(Int(d)) }
                return .failure(FieldError("expected a whole number ≥ 0, got \(describe(v))"))
            case .string(let s): return FieldRules.count(s.trimmingCharacters(in: .whitespaces))
            default: return .failure(FieldError("expected a whole number ≥ 0, got \(describe(v))"))
            }
        }

        /// The claims of a `claims` member. A claim that gives its figures without a statement
        /// (`{"by": "ACLED-format export", "killed": 2}`, as the incidents layer writes one made
        /// from a figures column) is read as that claim: its statement restates the figures, and an
        /// export's format cites the incident's `sources`.
        mutating func claimList(_ value: JSONValue, sources: [SourceRef], path: String, line: Int) -> [Claim] {
            if value == .null { return [] }
            guard case .array(let list) = value else {
                problem(line, path, "expected a list of {claim, by, killed, injured}, got \(describe(value))")
                return []
            }
            return list.enumerated().compactMap { i, element -> Claim? in
                let at = "\(path)[\(i)]"
                guard case .object = element else {
                    problem(line, at, "expected {claim, by, killed, injured}, got \(describe(element))")
                    return nil
                }
                guard let by = nonEmptyString(element, "by", "source") else { problem(line, "\(at).by", "missing: who claims it"); return nil }
                var figures: [Int?] = [nil, nil]
                for (n, k) in ["killed", "injured"].enumerated() {
                    guard let v = element[k], v != .null else { continue }
                    switch count(v) {
                    case .success(let c): figures[n] = c
                    case .failure(let e): problem(line, "\(at).\(k)", e.message)
                    }
                }
                if let statement = nonEmptyString(element, "claim", "statement") {
                    return Claim(statement: statement, by: by, killed: figures[0], injured: figures[1])
                }
                guard let claim = FieldRules.figuresClaim(by: by, killed: figures[0], injured: figures[1], sources: sources) else {
                    problem(line, "\(at).claim", "missing: what is claimed (a statement, or the figures killed or injured)")
                    return nil
                }
                return claim
            }
        }

        mutating func sourceList(_ value: JSONValue, path: String, line: Int) -> [SourceRef] {
            switch value {
            case .null: return []
            case .string(let s): return FieldRules.outlets(s)
            case .array(let list):
                return list.enumerated().compactMap { i, element -> SourceRef? in
                    let at = "\(path)[\(i)]"
                    if case .string(let s) = element {
                        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                        return t.isEmpty ? nil : SourceRef(outlet: t)
                    }
                    guard case .object = element else {
                        problem(line, at, "expected an outlet or {outlet, title, url, published}, got \(describe(element))")
                        return nil
                    }
                    guard let outlet = nonEmptyString(element, "outlet", "name") else { problem(line, "\(at).outlet", "missing: the outlet or agency"); return nil }
                    return SourceRef(outlet: outlet, title: nonEmptyString(element, "title"), url: nonEmptyString(element, "url"),
                                     published: nonEmptyString(element, "published", "date"))
                }
            default:
                problem(line, path, "expected a list of sources or a \";\"-separated text, got \(describe(value))")
                return []
            }
        }
    }

    /// The first of the members `keys` of `object` that is a non-empty string.
    static func nonEmptyString(_ object: JSONValue, _ keys: String...) -> String? {
        for k in keys { if case .string(let s)? = object[k], !s.isEmpty { return s } }
        return nil
    }

    /// The text a string (trimmed, not empty) or a number stands for, else nil.
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        case .number(let d): return numberText(d)
        default: return nil
        }
    }

    /// 3 → "3", 2.5 → "2.5".
    static func numberText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }

    /// A short JSON rendering of a value for messages.
    static func describe(_ value: JSONValue) -> String {
        let text: String
        switch value {
        case .null: text = "null"
        case .bool(let b): text = b ? "true" : "false"
        case .number(let d): text = numberText(d)
        case .string(let s): text = "\"\(s)\""
        case .array(let a): text = "[" + a.prefix(4).map(describe).joined(separator: ", ") + (a.count > 4 ? ", …" : "") + "]"
        case .object: text = "an object"
        }
        return text.count > 80 ? String(text.prefix(79)) + "…" : text
    }
}
