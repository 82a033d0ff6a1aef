import Foundation
import Geometry
import YAMLGuard
import Yams

/// Reads a user gazetteer overlay written in YAML:
///
/// ```yaml
/// places:
///   - name: Kalag
///     latitude: 26.5
///     longitude: 62.1
///     country: IR                 # optional: filled in by point-in-polygon
///     admin1: Sistan and Baluchestan
///     admin2: Saravan
///     alternatenames: [Kalagan, Kalag Bazar]
///     precision: village          # village, district, province
///     source: OpenStreetMap node 123 (ODbL), checked 2024-02-01
/// ```
/// A bare list of places is accepted too.
enum OverlayYAML {
    static func read(_ url: URL) throws -> [GazetteerEntry] {
        let file = url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw GazetteerDataError(file: file, line: nil, field: nil, message: "cannot read as UTF-8 text (\(error.localizedDescription))")
        }
        // Aliases, deep nesting and huge files are refused before composing (an alias bomb of a
        // few lines would otherwise expand into billions of values).
        var bytes = text
        let refused = bytes.withUTF8 { YAMLPrescan.check($0, maxDepth: 64, maxValues: 1_000_000, documents: "gazetteer overlays") }
        if let refused { throw GazetteerDataError(file: file, line: refused.line, field: nil, message: refused.message) }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let e as YamlError {
            throw GazetteerDataError(file: file, line: nil, field: nil, message: "YAML syntax error: \(e)")
        }
        var list: Node.Sequence?
        if case .mapping(let m)? = root, case .sequence(let s)? = m["places"] { list = s }
        if case .sequence(let s)? = root { list = s }
        guard let places = list else {
            throw GazetteerDataError(file: file, line: root?.mark?.line, field: "places", message: "expected a list of places under \"places:\"")
        }
        let label = url.lastPathComponent
        var out: [GazetteerEntry] = []
        var seen: [String: Int] = [:]
        for node in places {
            let line = node.mark?.line ?? 0
            guard case .mapping(let m) = node else {
                throw GazetteerDataError(file: file, line: line, field: nil, message: "each place is a mapping (name:, latitude:, longitude:)")
            }
            func text(_ k: String) -> String? { m[k]?.string.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
            func fieldLine(_ k: String) -> Int { m[k]?.mark?.line ?? line }
            guard let name = text("name") else { throw GazetteerDataError(file: file, line: line, field: "name", message: "missing") }
            guard let lat = text("latitude").flatMap(Double.init), lat.isFinite, abs(lat) <= 90 else {
                throw GazetteerDataError(file: file, line: fieldLine("latitude"), field: "latitude", message: "expected a number between -90 and 90")
            }
            guard let lon = text("longitude").flatMap(Double.init), lon.isFinite, abs(lon) <= 180 else {
                throw GazetteerDataError(file: file, line: fieldLine("longitude"), field: "longitude", message: "expected a number between -180 and 180")
            }
            var alts: [String] = []
            if case .sequence(let s)? = m["alternatenames"] ?? m["aliases"] { alts = s.compactMap(\.string) }
            else if let a = text("alternatenames") ?? text("aliases") { alts = a.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
            let precision: EntryPrecision
            switch (text("precision") ?? "village").lowercased() {
            case "village", "town", "city", "point", "exact", "place": precision = .point
            case "district", "admin2", "county": precision = .district
            case "province", "admin1": precision = .province
            case let other:
                throw GazetteerDataError(file: file, line: fieldLine("precision"), field: "precision",
                                         message: "unknown precision \"\(other)\" (expected village, district or province)")
            }
            let id = text("id") ?? "\(label):\(NameFolding.fold(name).replacingOccurrences(of: " ", with: "-"))"
            if let first = seen[id] { throw GazetteerDataError(file: file, line: line, field: "id", message: "duplicate id \(id) (first on line \(first))") }
            seen[id] = line
            out.append(GazetteerEntry(id: id, name: name, kind: text("kind").flatMap { PlaceKind(rawValue: $0.lowercased()) } ?? .place,
                                      country: (text("country") ?? "").uppercased(), admin1: text("admin1"), admin2: text("admin2"),
                                      location: LonLat(lon: lon, lat: lat), population: text("population").flatMap { Int($0) } ?? 0,
                                      precision: precision, alternateNames: alts,
                                      source: text("source").map { "\(label): \($0)" } ?? label))
        }
        return out
    }
}
