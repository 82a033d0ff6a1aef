import Foundation
import Geometry

/// Reads incidents from a GeoJSON FeatureCollection of Point features (a QGIS or GDAL export).
///
/// Properties are matched to the model under the same names as CSV columns
/// (`IncidentField.names`, case-insensitive), plus `claims` (a list of
/// `{claim, by, killed, injured}`) and `sources` (a list of `{outlet, title, url,
/// published}` or of outlets, or one `;`-separated text). The point comes from the
/// geometry; a feature with a null geometry is placed later by its place name. Every
/// other property is kept in `Incident.extra` in key order. Problems name the JSON
/// path (`features[3].geometry.coordinates`) and the line where the feature starts,
/// and are all thrown together.
public enum GeoJSONIncidentReader {
    /// Deepest nesting of arrays and objects read; a deeper file is refused before it is parsed.
    public static let maxDepth = 64

    /// Reads `data` read from `path`; throws `InputErrors` with every problem of the file.
    public static func read(_ data: Data, path: String) throws -> IncidentFile {
        var reader = Reader(path: path)
        let file = reader.read(data)
        if !reader.problems.isEmpty { throw InputErrors(reader.problems) }
        return file
    }

    /// What one pass over the bytes finds before JSONSerialization sees them.
    struct Scan {
        /// Line where the nesting first exceeds the limit, if it does.
        var tooDeepAt: Int?
        /// Line where each object of the root's `features` array starts.
        var featureLines: [Int] = []
    }

    /// Counts brackets outside strings (stopping once deeper than `maxDepth`) and notes
    /// the line of each object directly inside the root object's `features` array.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, maxDepth: Int) -> Scan {
        var result = Scan()
        var depth = 0, line = 1, i = 0
        var inString = false, stringStart = 0
        var lastRootString: Range<Int>?
        var afterFeaturesKey = false, inFeatures = false
        let features = Array("features".utf8)
        let n = b.count
        while i < n {
            let c = b[i]
            if inString {
                if c == 0x5C { i += 2; continue }  // backslash: skip the escaped byte
                if c == 0x22 {
                    inString = false
                    if depth == 1 { lastRootString = stringStart..<i }
                }
                i += 1
                continue
            }
            switch c {
            case 0x22:
                inString = true
                stringStart = i + 1
            case 0x3A:  // ':' after a key of the root object
                if depth == 1, let r = lastRootString {
                    afterFeaturesKey = r.count == features.count && zip(b[r], features).allSatisfy { $0 == $1 }
                }
            case 0x2C:
                if depth == 1 { afterFeaturesKey = false }
            case 0x5B, 0x7B:  // '[' '{'
                depth += 1
                if depth > maxDepth {
                    result.tooDeepAt = line
                    return result
                }
                if c == 0x5B && depth == 2 && afterFeaturesKey { inFeatures = true }
                if c == 0x7B && depth == 3 && inFeatures { result.featureLines.append(line) }
            case 0x5D, 0x7D:  // ']' '}'
                if depth == 2 && inFeatures { inFeatures = false; afterFeaturesKey = false }
                depth -= 1
            case 0x0A:
                line += 1
            case 0x0D:
                if i + 1 >= n || b[i + 1] != 0x0A { line += 1 }
            default:
                break
            }
            i += 1
        }
        return result
    }

    struct Reader {
        let path: String
        var problems: [InputProblem] = []
        var featureLines: [Int] = []
        var dates: [String: Result<IncidentDate, DateError>] = [:]
        var firstOfID: [String: String] = [:]

        init(path: String) { self.path = path }

        mutating func problem(_ line: Int, _ field: String?, _ message: String) {
            problems.append(InputProblem(file: path, line: line, field: field, message: message))
        }

        mutating func read(_ data: Data) -> IncidentFile {
            var file = IncidentFile(path: path, title: nil, summary: nil, incidents: [])
            let checked: (body: Data, scan: Scan)? = data.withUnsafeBytes { raw in
                let b = raw.bindMemory(to: UInt8.self)
                if let failure = TextCheck.check(b) {
                    problem(failure.line, nil, failure.message)
                    return nil
                }
                let start = TextCheck.bomLength(b)
                if b[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                    problem(0, nil, "empty file: expected a GeoJSON FeatureCollection")
                    return nil
                }
                let scan = GeoJSONIncidentReader.scan(b, maxDepth: GeoJSONIncidentReader.maxDepth)
                if let line = scan.tooDeepAt {
                    problem(line, nil, "arrays and objects nested deeper than \(GeoJSONIncidentReader.maxDepth) levels; not read")
                    return nil
                }
                return (data.subdata(in: data.startIndex + start..<data.endIndex), scan)
            }
            guard let (body, scan) = checked else { return file }

            let root: Any
            do {
                root = try JSONSerialization.jsonObject(with: body, options: [])
            } catch {
                let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
                problem(syntaxErrorLine(detail, body), nil, "not valid JSON: \(detail)")
                return file
            }
            guard let object = root as? [String: Any] else {
                problem(0, nil, "expected a GeoJSON FeatureCollection (an object), got \(describe(root))")
                return file
            }
            guard let type = object["type"] as? String, type == "FeatureCollection" else {
                problem(0, "type", "expected \"FeatureCollection\", got \(object["type"].map(describe) ?? "nothing")")
                return file
            }
            if let crs = object["crs"] as? [String: Any], let name = (crs["properties"] as? [String: Any])?["name"] as? String {
                let wgs84 = ["urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "CRS84"]
                if !wgs84.contains(name) {
                    problem(0, "crs.properties.name", "coordinates must be WGS84 longitude/latitude (RFC 7946), but the file declares \"\(name)\"; export it as EPSG:4326")
                }
            }
            file.title = (object["title"] as? String) ?? (object["name"] as? String)
            file.summary = object["description"] as? String
            guard let features = object["features"] as? [Any] else {
                problem(0, "features", "expected an array of features, got \(object["features"].map(describe) ?? "nothing")")
                return file
            }
            // Lines are trusted only when the scan saw exactly the features JSONSerialization did.
            featureLines = scan.featureLines.count == features.count ? scan.featureLines : []
            for (i, any) in features.enumerated() {
                if let incident = feature(any, index: i) { file.incidents.append(incident) }
            }
            if features.isEmpty { problem(0, "features", "the array is empty: expected incidents") }
            return file
        }

        /// The line of JSONSerialization's "around character N" (a byte offset), else 0.
        func syntaxErrorLine(_ detail: String, _ body: Data) -> Int {
            guard let r = detail.range(of: "character ") else { return 0 }
            let digits = detail[r.upperBound...].prefix { $0.isNumber }
            guard let offset = Int(digits), offset <= body.count else { return 0 }
            return body.withUnsafeBytes { TextCheck.line(at: offset, in: $0.bindMemory(to: UInt8.self)) }
        }

        mutating func feature(_ any: Any, index: Int) -> Incident? {
            let at = "features[\(index)]"
            let line = index < featureLines.count ? featureLines[index] : 0
            let before = problems.count
            guard let f = any as? [String: Any] else {
                problem(line, at, "expected a Feature object, got \(describe(any))")
                return nil
            }
            if f["type"] as? String != "Feature" {
                problem(line, "\(at).type", "expected \"Feature\", got \(f["type"].map(describe) ?? "nothing")")
            }
            var properties: [String: Any] = [:]
            switch f["properties"] {
            case nil, is NSNull: break
            case let p as [String: Any]: properties = p
            case let other?: problem(line, "\(at).properties", "expected an object or null, got \(describe(other))")
            }
            let keys = properties.keys.sorted()
            let lowered = keys.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            var seen: [String: String] = [:]
            for (k, l) in zip(keys, lowered) {
                if let other = seen[l] {
                    problem(line, "\(at).properties.\(k)", "names the same field as \"\(other)\" (names are compared ignoring case)")
                } else {
                    seen[l] = k
                }
            }
            let found = IncidentField.locate(lowered, skipping: [.latitude, .longitude])
            func key(_ field: IncidentField) -> String? { found[field].map { keys[$0] } }
            func propertyPath(_ field: IncidentField) -> String { "\(at).properties.\(key(field) ?? field.modelName)" }
            // A text property: strings trimmed, numbers written out; nil when absent, null or empty.
            func text(_ field: IncidentField) -> String? {
                guard let k = key(field), let v = properties[k] else { return nil }
                switch jsonKind(v) {
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
            } else if let v = f["id"], case let kind = jsonKind(v), kind.isScalarText {
                id = kind.text
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

            // The point.
            var coordinates: LonLat?
            var geometryNull = false
            switch f["geometry"] {
            case nil, is NSNull: geometryNull = true
            case let g as [String: Any]:
                let type = g["type"] as? String
                if type != "Point" {
                    problem(line, "\(at).geometry.type", "expected \"Point\" (one point per incident), got \(g["type"].map(describe) ?? "nothing")")
                } else {
                    coordinates = position(g["coordinates"], path: "\(at).geometry.coordinates", line: line)
                }
            case let other?:
                problem(line, "\(at).geometry", "expected a geometry object or null, got \(describe(other))")
            }
            let place = text(.place)
            if geometryNull && place == nil {
                problem(line, "\(at).geometry", "null, and the properties name no place (location, place or name): the incident cannot be placed")
            }

            var precision: LocationPrecision?
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

            let sources = key(.source).map { sourceList(properties[$0]!, path: "\(at).properties.\($0)", line: line) } ?? []
            var claims = key(.claims).map { claimList(properties[$0]!, path: "\(at).properties.\($0)", line: line) } ?? []
            if let k = key(.fatalities), let v = properties[k], !(v is NSNull) {
                switch count(v) {
                case .success(let n): claims.append(FieldRules.fatalitiesClaim(n, acled: lowered.contains("event_id_cnty"), sources: sources))
                case .failure(let e): problem(line, "\(at).properties.\(k)", e.message)
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
            let kind = text(.kind) ?? text(.subEventType) ?? text(.eventType) ?? "unspecified"
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
            for (i, k) in keys.enumerated() where !taken.contains(i) {
                guard let v = properties[k], !(v is NSNull) else { continue }
                inc.extra.append((k, GeoJSONReader.jsonValue(v)))
            }
            if line > 0 {
                for k in keys { inc.fieldLines[k] = line }
                for field in found.keys { inc.fieldLines[field.modelName] = line }
                for m in ["id", "date", "place", "latitude", "longitude"] { inc.fieldLines[m] = line }
            }
            return inc
        }

        /// `[longitude, latitude]` (an altitude may follow), checked.
        mutating func position(_ any: Any?, path: String, line: Int) -> LonLat? {
            guard let a = any as? [Any], a.count >= 2, case .number(let lon) = jsonKind(a[0]), case .number(let lat) = jsonKind(a[1]) else {
                problem(line, path, "expected [longitude, latitude] as numbers, got \(any.map(describe) ?? "nothing")")
                return nil
            }
            let p = LonLat(lon: lon, lat: lat)
            guard p.isValid else {
                problem(line, path, "expected longitude between -180 and 180 and latitude between -90 and 90, got \(describe(a))"
                        + FieldRules.swapHint(lat: lat, lon: lon))
                return nil
            }
            return p
        }

        /// A whole number ≥ 0, as a JSON number or digits in a string.
        func count(_ v: Any) -> Result<Int, FieldError> {
            switch jsonKind(v) {
            case .number(let d):
                if d >= 0, d < 1e15, d == d.rounded() { return .success(Int(d)) }
                return .failure(FieldError("expected a whole number ≥ 0, got \(describe(v))"))
            case .string(let s): return FieldRules.count(s.trimmingCharacters(in: .whitespaces))
            default: return .failure(FieldError("expected a whole number ≥ 0, got \(describe(v))"))
            }
        }

        mutating func claimList(_ any: Any, path: String, line: Int) -> [Claim] {
            if any is NSNull { return [] }
            guard let list = any as? [Any] else {
                problem(line, path, "expected a list of {claim, by, killed, injured}, got \(describe(any))")
                return []
            }
            return list.enumerated().compactMap { i, element -> Claim? in
                let at = "\(path)[\(i)]"
                guard let o = element as? [String: Any] else {
                    problem(line, at, "expected {claim, by, killed, injured}, got \(describe(element))")
                    return nil
                }
                func string(_ keys: String...) -> String? {
                    for k in keys { if case .string(let s)? = o[k].map(jsonKind), !s.isEmpty { return s } }
                    return nil
                }
                guard let statement = string("claim", "statement") else { problem(line, "\(at).claim", "missing: what is claimed"); return nil }
                guard let by = string("by", "source") else { problem(line, "\(at).by", "missing: who claims it"); return nil }
                var claim = Claim(statement: statement, by: by)
                for (k, keyPath) in [("killed", \Claim.killed), ("injured", \Claim.injured)] {
                    guard let v = o[k], !(v is NSNull) else { continue }
                    switch count(v) {
                    case .success(let n): claim[keyPath: keyPath] = n
                    case .failure(let e): problem(line, "\(at).\(k)", e.message)
                    }
                }
                return claim
            }
        }

        mutating func sourceList(_ any: Any, path: String, line: Int) -> [SourceRef] {
            switch jsonKind(any) {
            case .null: return []
            case .string(let s): return FieldRules.outlets(s)
            case .array(let list):
                return list.enumerated().compactMap { i, element -> SourceRef? in
                    let at = "\(path)[\(i)]"
                    if case .string(let s) = jsonKind(element) {
                        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                        return t.isEmpty ? nil : SourceRef(outlet: t)
                    }
                    guard let o = element as? [String: Any] else {
                        problem(line, at, "expected an outlet or {outlet, title, url, published}, got \(describe(element))")
                        return nil
                    }
                    func string(_ keys: String...) -> String? {
                        for k in keys { if case .string(let s)? = o[k].map(jsonKind), !s.isEmpty { return s } }
                        return nil
                    }
                    guard let outlet = string("outlet", "name") else { problem(line, "\(at).outlet", "missing: the outlet or agency"); return nil }
                    return SourceRef(outlet: outlet, title: string("title"), url: string("url"), published: string("published", "date"))
                }
            default:
                problem(line, path, "expected a list of sources or a \";\"-separated text, got \(describe(any))")
                return []
            }
        }
    }

    /// A JSONSerialization value, with booleans told apart from numbers.
    enum Kind {
        case null, bool(Bool), number(Double), string(String), array([Any]), object([String: Any])

        /// True for strings and numbers, which can stand for a text value.
        var isScalarText: Bool {
            switch self {
            case .string(let s): return !s.trimmingCharacters(in: .whitespaces).isEmpty
            case .number: return true
            default: return false
            }
        }

        /// The text of a string or number.
        var text: String {
            switch self {
            case .string(let s): return s.trimmingCharacters(in: .whitespaces)
            case .number(let d): return numberText(d)
            default: return ""
            }
        }
    }

    static func jsonKind(_ any: Any) -> Kind {
        switch any {
        case is NSNull: return .null
        case let n as NSNumber:
            // Foundation hands JSON booleans over as NSNumbers of ObjC type "c".
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            return .number(n.doubleValue)
        case let s as String: return .string(s)
        case let a as [Any]: return .array(a)
        case let o as [String: Any]: return .object(o)
        default: return .null
        }
    }

    /// 3 → "3", 2.5 → "2.5".
    static func numberText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }

    /// A short JSON rendering of a value for messages.
    static func describe(_ any: Any) -> String {
        let text: String
        switch jsonKind(any) {
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
