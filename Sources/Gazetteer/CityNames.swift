import Foundation

/// The names the Unicode CLDR gives the world's time-zone cities in the map languages ("Moscou",
/// "Le Caire", "Téhéran" in French; "Тегеран" in Russian), joined to the GeoNames places by the
/// data build (`city_names.tsv`, `Gazetteer/build_city_names.sh`). A source that tags a town's
/// name with its language, as Natural Earth's NAME_xx does a country's: a French map has no
/// other way to tell French "Varsovie" from the Latin names GeoNames lists untagged.
public struct CityNames: Sendable {
    /// The file in the data directory.
    public static let fileName = "city_names.tsv"
    /// The credit a map names where it shows one of these names.
    public static let dataset = "Unicode CLDR 41 (Unicode-DFS-2016)"

    /// Entry id (`geonames:NNN`) to language code to name.
    var names: [String: [String: String]]

    /// The names of `names`, by entry id and language.
    public init(_ names: [String: [String: String]] = [:]) { self.names = names }

    /// The name of the entry `id` in `language` (a map language's code), if CLDR gives one.
    public func name(of id: String, language: String) -> String? { names[id]?[language] }

    /// Whether no names are known (data built before the file existed, or a test's gazetteer).
    public var isEmpty: Bool { names.isEmpty }

    /// Reads `city_names.tsv` of `directory` (a header, then geonameid, language, name and zone,
    /// tab-separated); empty where the file is absent.
    /// - Throws: `GazetteerDataError` naming the line and field of a malformed row.
    static func read(_ directory: URL) throws -> CityNames {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return CityNames() }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw GazetteerDataError(file: url.path, line: nil, field: nil, message: "cannot be read as UTF-8 text: \(error.localizedDescription)")
        }
        var names: [String: [String: String]] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where n > 0 && !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else {
                throw GazetteerDataError(file: url.path, line: n + 1, field: nil, message: "expected 4 tab-separated fields, found \(fields.count)")
            }
            guard !fields[0].isEmpty, fields[0].allSatisfy(\.isASCII), fields[0].allSatisfy(\.isNumber) else {
                throw GazetteerDataError(file: url.path, line: n + 1, field: "geonameid", message: "not a GeoNames id: \"\(fields[0])\"")
            }
            guard !fields[1].isEmpty, !fields[2].isEmpty else {
                throw GazetteerDataError(file: url.path, line: n + 1, field: fields[1].isEmpty ? "language" : "name", message: "empty")
            }
            names["geonames:" + fields[0], default: [:]][String(fields[1])] = String(fields[2])
        }
        return CityNames(names)
    }
}
