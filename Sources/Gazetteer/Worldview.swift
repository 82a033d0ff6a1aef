import Foundation
import Geometry

/// A government's point of view on disputed boundaries, as Natural Earth 5.1.1 models it (its
/// `FCLASS_xx` and `ADM0_A3_xx` columns), read from `worldviews.geojson` (built by
/// `Gazetteer/build_worldviews.sh`). The bundled countries are one of them, the default.
public struct Worldview: Sendable, Equatable {
    /// Natural Earth's code of the view: `DE`, `IN`, `PK`, … (`KO` is South Korea).
    public var code: String
    /// The country whose view it is, in English ("Germany").
    public var countryName: String
    /// True for the view the bundled countries are drawn in (used when none is asked for).
    public var isDefault: Bool

    /// "Germany's (DE)" style words for an attribution line: "point of view of Germany (DE, the default)".
    public var credit: String {
        "point of view of \(countryName) (\(code)\(isDefault ? ", the default" : ""))"
    }
}

/// An unknown `--worldview` code: the message lists the valid ones.
public struct WorldviewError: Error, CustomStringConvertible, Sendable {
    /// The code asked for.
    public var code: String
    /// The codes the data has, sorted.
    public var valid: [String]
    public var description: String {
        valid.isEmpty
            ? "--worldview \(code): the bundled data has no points of view (run Gazetteer/build_worldviews.sh)"
            : "--worldview \(code): unknown point of view; valid codes (Natural Earth's): \(valid.joined(separator: ", "))"
    }
}

/// What one view changes in the bundled countries, provinces and borders.
struct WorldviewData: Sendable {
    var view: Worldview
    /// Countries whose polygons differ in this view (new countries included).
    var countries: [Region]
    /// Countries the view does not have (Kosovo in the views that give it to Serbia).
    var droppedCountries: Set<String>
    /// Provinces that belong to another country in this view (`UA-43` → `RU`).
    var provinceCountries: [String: String]
    /// Provinces whose polygon is clipped in this view (by a piece given to another country).
    var provinces: [Region]
    /// Country pairs ("IN-PK") whose bundled border the view replaces or drops.
    var replacedPairs: Set<String>
    /// The view's borders of those pairs, split into international and disputed stretches.
    var borders: [BorderLine]

    static let fileName = "worldviews.geojson"

    /// The view features of the file: code and whether it is the default, in file order.
    static func codes(in dir: URL) throws -> [(code: String, isDefault: Bool)] {
        let url = dir.appendingPathComponent(fileName)
        return try viewLines(bytes(url), url: url).map { ($0.code, $0.isDefault) }
    }

    /// The view `code` of the file in `dir` (the default one when nil); nil when the data has no
    /// such file and no code was asked for.
    /// - Throws: `WorldviewError` for a code the file does not have; `GazetteerDataError` when it cannot be read.
    static func read(_ dir: URL, code: String?, countryName: (String) -> String) throws -> WorldviewData? {
        let url = dir.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if let code { throw WorldviewError(code: code, valid: []) }
            return nil
        }
        let text = try bytes(url)
        let views = try viewLines(text, url: url)
        let wanted = code?.uppercased()
        guard let entry = views.first(where: { wanted == nil ? $0.isDefault : $0.code == wanted }) else {
            throw WorldviewError(code: code ?? "(default)", valid: views.map(\.code).sorted())
        }
        let p = entry.properties
        func strings(_ key: String) -> [String] { (p[key]?.arrayValue ?? []).compactMap(\.stringValue) }
        var provinceCountries: [String: String] = [:]
        if case .object(let members)? = p["province_countries"] {
            for (k, v) in members { if let s = v.stringValue { provinceCountries[k] = s } }
        }
        let view = Worldview(code: entry.code, countryName: countryName(entry.code == "KO" ? "KR" : entry.code), isDefault: entry.isDefault)
        // The geometry features this view uses: their lines name the code in `views`.
        let needle = Array("\"\(entry.code)\"".utf8)
        var selected: [ArraySlice<UInt8>] = []
        for line in text.split(separator: 0x0A) where line.starts(with: Array("{\"type\":\"Feature\"".utf8)) {
            guard !line.starts(with: Array("{\"type\":\"Feature\",\"properties\":{\"kind\":\"view\"".utf8)) else { continue }
            if contains(line, needle) { selected.append(line.last == UInt8(ascii: ",") ? line.dropLast() : line) }
        }
        var doc = Array("{\"type\":\"FeatureCollection\",\"features\":[".utf8)
        for (i, line) in selected.enumerated() { if i > 0 { doc.append(UInt8(ascii: ",")) }; doc += line }
        doc += Array("]}".utf8)
        let features: [Feature]
        do { features = try GeoJSONReader.features(from: Data(doc)) } catch let e as GeoJSONError {
            throw GazetteerDataError(file: url.path, line: nil, field: e.path, message: e.message)
        }
        var data = WorldviewData(view: view, countries: [], droppedCountries: Set(strings("dropped_countries")),
                                 provinceCountries: provinceCountries, provinces: [],
                                 replacedPairs: Set(strings("replaced_borders") + strings("dropped_borders")), borders: [])
        for f in features where (f.properties["views"]?.arrayValue ?? []).contains(.string(entry.code)) {
            switch f.string("kind") {
            case "country": data.countries.append(try region(f, isCountry: true, url: url))
            case "province": data.provinces.append(try region(f, isCountry: false, url: url))
            case "border":
                let countries = (f.properties["countries"]?.arrayValue ?? []).compactMap(\.stringValue)
                guard countries.count == 2, let id = f.string("id") else { continue }
                data.borders.append(BorderLine(id: id, countries: countries, name: f.string("name") ?? countries.joined(separator: "–"),
                                               lengthKm: f.number("length_km") ?? 0, dataset: "Natural Earth 5.1.1 1:10m admin-0",
                                               lines: f.geometry.lines, disputed: f.string("status") == "disputed",
                                               featureClass: f.string("class")))
            default: continue
            }
        }
        return data
    }

    private static func region(_ f: Feature, isCountry: Bool, url: URL) throws -> Region {
        let idKey = isCountry ? "iso_a2" : "id"
        guard let id = f.string(idKey), let name = f.string("name"), let bounds = f.geometry.bounds else {
            throw GazetteerDataError(file: url.path, line: nil, field: idKey, message: "a \(isCountry ? "country" : "province") without id, name or geometry")
        }
        let label = f.number("label_lon").flatMap { lon in f.number("label_lat").map { LonLat(lon: lon, lat: $0) } }
            ?? LonLat(lon: bounds.center.x, lat: bounds.center.y)
        let names = (f.properties["names"]?.arrayValue ?? []).compactMap(\.stringValue)
        return Region(id: id, name: name, country: isCountry ? id : (f.string("country") ?? ""), localName: f.string("name_local"),
                      alternateNames: names.filter { $0 != name }, fips: f.string("fips"), geonamesAdmin1: f.string("geonames_admin1"),
                      labelPoint: label, geometry: f.geometry, bounds: bounds, languageNames: Loading.languageNames(f))
    }

    private struct ViewLine { var code: String; var isDefault: Bool; var properties: JSONValue }

    /// Whether `needle` occurs in `line`. Geometry lines run to megabytes, and a generic search
    /// over them cost a fifth of a second on every run: memchr skips to each occurrence of the
    /// needle's first byte (a quote, rare among coordinates), then the rest is compared.
    private static func contains(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return line.withUnsafeBytes { hay -> Bool in
            guard let base = hay.baseAddress else { return false }
            var at = 0
            while at + needle.count <= hay.count {
                guard let hit = memchr(base + at, Int32(first), hay.count - at) else { return false }
                let i = base.distance(to: UnsafeRawPointer(hit))
                if i + needle.count <= hay.count, memcmp(base + i, needle, needle.count) == 0 { return true }
                at = i + 1
            }
            return false
        }
    }

    /// The `kind: view` features of the file's bytes: one line each, near the top of the file.
    private static func viewLines(_ text: [UInt8], url: URL) throws -> [ViewLine] {
        let prefix = Array("{\"type\":\"Feature\",\"properties\":{\"kind\":\"view\"".utf8)
        var out: [ViewLine] = []
        for line in text.split(separator: 0x0A) where line.starts(with: prefix) {
            let body = line.last == UInt8(ascii: ",") ? line.dropLast() : line
            let value: JSONValue
            do { value = try JSONParser().parse(body) } catch {
                throw GazetteerDataError(file: url.path, line: nil, field: nil, message: "a view feature is not JSON (\(error))")
            }
            guard let props = value["properties"], let code = props["id"]?.stringValue else { continue }
            out.append(ViewLine(code: code, isDefault: props["default"] == .bool(true), properties: props))
        }
        return out
    }

    private static func bytes(_ url: URL) throws -> [UInt8] {
        do { return [UInt8](try Data(contentsOf: url)) } catch {
            throw GazetteerDataError(file: url.path, line: nil, field: nil, message: "cannot read (\(error.localizedDescription))")
        }
    }
}
