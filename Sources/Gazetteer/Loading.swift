import Foundation
import Geometry

/// A data file of the gazetteer that could not be read.
public struct GazetteerDataError: Error, CustomStringConvertible, Sendable {
    /// The file.
    public var file: String
    /// 1-based line, when it applies.
    public var line: Int?
    /// The field (column or JSON member), when it applies.
    public var field: String?
    /// What is wrong.
    public var message: String

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let field { s += "\(field): " }
        return s + message
    }
}

/// A delimited text table (TSV or CSV without embedded newlines) read by header name.
struct DelimitedTable {
    let file: String
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    init(url: URL, separator: Character? = nil) throws {
        file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GazetteerDataError(file: url.path, line: nil, field: nil, message: "cannot read (\(error.localizedDescription))")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw GazetteerDataError(file: url.path, line: nil, field: nil, message: "not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first else {
            throw GazetteerDataError(file: url.path, line: 1, field: nil, message: "empty file: expected a header line")
        }
        let sep = separator ?? (first.contains("\t") ? "\t" : ",")
        header = DelimitedTable.split(first, sep).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var rows: [(Int, [String])] = []
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty && !line.hasPrefix("#") {
            rows.append((i + 1, DelimitedTable.split(line, sep)))
        }
        self.rows = rows
    }

    /// Splits one line; with "," honours double-quoted fields.
    static func split(_ line: Substring, _ sep: Character) -> [String] {
        if sep == "\t" { return line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var fields: [String] = [], cur = "", quoted = false
        var it = line.makeIterator()
        while let c = it.next() {
            if quoted {
                if c == "\"" {
                    // A doubled quote inside quotes is a literal quote.
                    if let next = it.next() {
                        if next == "\"" { cur.append("\"") } else { quoted = false; if next == sep { fields.append(cur); cur = "" } else { cur.append(next) } }
                    } else { quoted = false }
                } else { cur.append(c) }
            } else if c == "\"" && cur.isEmpty {
                quoted = true
            } else if c == sep {
                fields.append(cur); cur = ""
            } else { cur.append(c) }
        }
        fields.append(cur)
        return fields
    }

    func column(_ names: String...) -> Int? {
        for n in names { if let i = header.firstIndex(of: n) { return i } }
        return nil
    }

    func require(_ names: String...) throws -> Int {
        for n in names { if let i = header.firstIndex(of: n) { return i } }
        throw GazetteerDataError(file: file, line: 1, field: names[0], message: "missing column (header has: \(header.joined(separator: ", ")))")
    }
}

extension Array where Element == String {
    func field(_ i: Int?) -> String? {
        guard let i, i < count else { return nil }
        let v = self[i].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }
}

/// Reads the gazetteer's data files.
enum Loading {
    /// The features of a data GeoJSON file, with read and parse errors naming the file.
    static func features(_ url: URL) throws -> [Feature] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GazetteerDataError(file: url.path, line: nil, field: nil, message: "cannot read (\(error.localizedDescription))")
        }
        do { return try GeoJSONReader.features(from: data) } catch let e as GeoJSONError {
            throw GazetteerDataError(file: url.path, line: nil, field: e.path, message: e.message)
        }
    }

    static func regions(_ url: URL, isCountry: Bool) throws -> [Region] {
        let features = try features(url)
        return try features.enumerated().map { i, f in
            let idKey = isCountry ? "iso_a2" : "id"
            guard let id = f.string(idKey), let name = f.string("name") else {
                throw GazetteerDataError(file: url.path, line: nil, field: "features[\(i)].properties.\(idKey)", message: "missing id or name")
            }
            guard let bounds = f.geometry.bounds else {
                throw GazetteerDataError(file: url.path, line: nil, field: "features[\(i)].geometry", message: "empty geometry")
            }
            let label: LonLat
            if let lon = f.number("label_lon"), let lat = f.number("label_lat") {
                label = LonLat(lon: lon, lat: lat)
            } else {
                label = LonLat(lon: bounds.center.x, lat: bounds.center.y)
            }
            let names = (f.properties["names"]?.arrayValue ?? []).compactMap(\.stringValue)
            let local = f.string("name_local")
            return Region(id: id, name: name, country: isCountry ? id : (f.string("country") ?? String(id.prefix(2))),
                          localName: local, alternateNames: names.filter { $0 != name } + (isCountry ? [f.string("iso_a3"), local].compactMap { $0 } : []),
                          fips: f.string("fips"), geonamesAdmin1: f.string("geonames_admin1"),
                          labelPoint: label, geometry: f.geometry, bounds: bounds, admin1: f.string("admin1"),
                          languageNames: languageNames(f))
        }
    }

    /// A feature's `names_by_language` object (language code to name).
    static func languageNames(_ f: Feature) -> [String: String] {
        guard case .object(let members)? = f.properties["names_by_language"] else { return [:] }
        var out: [String: String] = [:]
        for (language, value) in members { if let name = value.stringValue, !name.isEmpty { out[language] = name } }
        return out
    }

    static func borders(_ url: URL) throws -> [BorderLine] {
        let features = try features(url)
        return features.compactMap { f in
            let countries = (f.properties["countries"]?.arrayValue ?? []).compactMap(\.stringValue)
            guard countries.count == 2 else { return nil }
            return BorderLine(id: f.string("id") ?? countries.joined(separator: "-"), countries: countries,
                              name: f.string("name") ?? countries.joined(separator: "–"),
                              lengthKm: f.number("length_km") ?? 0, dataset: f.string("dataset") ?? "",
                              lines: f.geometry.lines)
        }
    }

    /// Reads GeoNames places (`places.tsv`, written by the data build: tab-separated,
    /// a header, no quoting). Parsed on bytes: this file is the bulk of start-up.
    static func places(_ url: URL) throws -> [GazetteerEntry] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GazetteerDataError(file: url.path, line: nil, field: nil, message: "cannot read (\(error.localizedDescription))")
        }
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else {
            throw GazetteerDataError(file: url.path, line: 1, field: nil, message: "empty file: expected a header line")
        }
        let header = headerLine.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self).lowercased() }
        func column(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else {
                throw GazetteerDataError(file: url.path, line: 1, field: name, message: "missing column (header has: \(header.joined(separator: ", ")))")
            }
            return i
        }
        let cId = try column("geonameid"), cName = try column("name"), cLat = try column("latitude"), cLon = try column("longitude")
        let cCountry = try column("country"), cAdmin1 = header.firstIndex(of: "admin1"), cPop = header.firstIndex(of: "population")
        let cAlt = header.firstIndex(of: "alternatenames")
        // `capital`: "1" on the one place that is its country's capital, else empty (absent in
        // data built before the column existed: no capitals then).
        let cCapital = header.firstIndex(of: "capital")
        var out: [GazetteerEntry] = []
        out.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let f = line.split(separator: 0x09, omittingEmptySubsequences: false)
            func text(_ i: Int?) -> String? {
                guard let i, i < f.count, !f[i].isEmpty else { return nil }
                return String(decoding: f[i], as: UTF8.self)
            }
            guard let id = text(cId), let name = text(cName), let country = text(cCountry) else {
                throw GazetteerDataError(file: url.path, line: n + 1, field: "geonameid/name/country", message: "empty")
            }
            guard let lat = text(cLat).flatMap(Double.init), let lon = text(cLon).flatMap(Double.init), LonLat(lon: lon, lat: lat).isValid else {
                throw GazetteerDataError(file: url.path, line: n + 1, field: "latitude/longitude", message: "not a valid position")
            }
            var alts: [String] = []
            if let i = cAlt, i < f.count {
                // GeoNames lists airport codes (IATA "KBP", ICAO "UKBB") among a town's names; as names
                // they only make false matches ("Kyiv" would meet "KIV", Chișinău's airport).
                for a in f[i].split(separator: UInt8(ascii: "|")) where !a.isEmpty && !Loading.isCode(a) {
                    let s = String(decoding: a, as: UTF8.self)
                    if s != name { alts.append(s) }
                }
            }
            out.append(GazetteerEntry(id: "geonames:" + id, name: name, kind: .place, country: country,
                                      admin1: text(cAdmin1), location: LonLat(lon: lon, lat: lat),
                                      population: text(cPop).flatMap { Int($0) } ?? 0, precision: .point,
                                      alternateNames: alts, source: "GeoNames", isCapital: text(cCapital) == "1"))
        }
        return out
    }

    /// Whether a GeoNames alternate name is a code, not a name: 3 or 4 capital ASCII letters.
    static func isCode(_ name: ArraySlice<UInt8>) -> Bool {
        (3...4).contains(name.count) && name.allSatisfy { (0x41...0x5A).contains($0) }
    }

    /// Reads an overlay table (the bundled `overlay.tsv` or a user's CSV/TSV).
    ///
    /// Columns by header name: `name`, `latitude`/`lat`, `longitude`/`lon`/`lng`,
    /// `country`, and optionally `id`, `alternatenames`/`aliases`, `admin1`,
    /// `admin2`, `precision` (village/point, district, province), `population`,
    /// `kind`, `source`.
    static func overlay(_ url: URL, label: String) throws -> [GazetteerEntry] {
        let t = try DelimitedTable(url: url)
        let cName = try t.require("name", "place")
        let cLat = try t.require("latitude", "lat"), cLon = try t.require("longitude", "lon", "lng", "long")
        let cCountry = t.column("country", "country_code", "cc"), cId = t.column("id")
        let cAlt = t.column("alternatenames", "aliases", "alternate_names", "variants")
        let cAdmin1 = t.column("admin1", "province"), cAdmin2 = t.column("admin2", "district")
        let cPrec = t.column("precision"), cPop = t.column("population"), cKind = t.column("kind")
        let cSource = t.column("source")
        var out: [GazetteerEntry] = []
        var seen: [String: Int] = [:]
        for (line, f) in t.rows {
            guard let name = f.field(cName) else {
                throw GazetteerDataError(file: t.file, line: line, field: t.header[cName], message: "empty place name")
            }
            guard let latText = f.field(cLat), let lat = Double(latText), lat.isFinite, abs(lat) <= 90 else {
                throw GazetteerDataError(file: t.file, line: line, field: t.header[cLat],
                                         message: "expected a latitude between -90 and 90, got \"\(f.field(cLat) ?? "")\"")
            }
            guard let lonText = f.field(cLon), let lon = Double(lonText), lon.isFinite, abs(lon) <= 180 else {
                throw GazetteerDataError(file: t.file, line: line, field: t.header[cLon],
                                         message: "expected a longitude between -180 and 180, got \"\(f.field(cLon) ?? "")\"")
            }
            let precisionText = (f.field(cPrec) ?? "point").lowercased()
            let precision: EntryPrecision
            switch precisionText {
            case "point", "exact", "village", "town", "city", "place": precision = .point
            case "district", "admin2", "county": precision = .district
            case "province", "admin1": precision = .province
            case "country": precision = .country
            default:
                throw GazetteerDataError(file: t.file, line: line, field: "precision",
                                         message: "unknown precision \"\(precisionText)\" (expected village, district, province or country)")
            }
            let kind = f.field(cKind).flatMap { PlaceKind(rawValue: $0.lowercased()) } ?? .place
            let id = f.field(cId) ?? "\(label):\(NameFolding.fold(name).replacingOccurrences(of: " ", with: "-"))"
            if let previous = seen[id] {
                throw GazetteerDataError(file: t.file, line: line, field: "id", message: "duplicate id \(id) (first on line \(previous))")
            }
            seen[id] = line
            let alts = (f.field(cAlt) ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            out.append(GazetteerEntry(id: id, name: name, kind: kind, country: (f.field(cCountry) ?? "").uppercased(),
                                      admin1: f.field(cAdmin1), admin2: f.field(cAdmin2),
                                      location: LonLat(lon: lon, lat: lat),
                                      population: f.field(cPop).flatMap { Int($0) } ?? 0, precision: precision,
                                      alternateNames: alts, source: f.field(cSource).map { "\(label): \($0)" } ?? label))
        }
        return out
    }
}
