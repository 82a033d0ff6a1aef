import ArgumentParser
import Foundation
import Gazetteer
import Geometry
import Rendering

extension IncidentMapCommand {
    struct Geocode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve place names as the press writes them.",
            discussion: """
              incidentmap geocode "Panjgoor, Baluchistan"
              incidentmap geocode Pishin --format json
              incidentmap geocode Khash --country AF
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

        @Argument(help: "Place names (\"Name, Context\" narrows: a province, country or district).")
        var names: [String]

        @Option(help: "Only places in this country (ISO code or name).")
        var country: String?

        @Option(help: "Prefer places in this province.")
        var admin1: String?

        @Option(help: "How many candidates to list per name.")
        var limit: Int = 5

        @Option(help: "Output format.")
        var format: Format = .table

        @Option(help: "Extra gazetteer entries (CSV/TSV). Repeatable.")
        var gazetteer: [String] = []

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let gz: Gazetteer
            do { gz = try Gazetteer.load(overlays: gazetteer.map { URL(fileURLWithPath: $0) }) } catch { throw report(error) }
            var unresolved = 0
            var jsonResults: [JSONValue] = []
            for name in names {
                let lookup = gz.resolve(PlaceQuery(name, country: country, admin1: admin1))
                let status: String
                switch lookup.resolution {
                case .resolved: status = "resolved"
                case .ambiguous: status = "ambiguous"; unresolved += 1
                case .uncertain: status = "uncertain (loose spelling match only; add context to confirm)"; unresolved += 1
                case .notFound: status = "not found"; unresolved += 1
                }
                let candidates = Array(lookup.resolution.candidates.prefix(limit))
                if format == .json {
                    jsonResults.append(.object([
                        ("query", .string(name)), ("status", .string(status)), ("near", .bool(lookup.near)),
                        ("candidates", .array(candidates.map { candidateJSON($0, gz) })),
                        ("suggestions", .array(suggestions(lookup).map(JSONValue.string))),
                    ]))
                } else {
                    printTable(name, status: status, lookup: lookup, candidates: candidates, gz: gz)
                }
            }
            if format == .json {
                // One query: an array of candidates; several: an array of results.
                let out: JSONValue = names.count == 1 ? (jsonResults[0]["candidates"] ?? .array([])) : .array(jsonResults)
                print(JSONText.string(out))
            }
            if unresolved > 0 { throw ExitCode(1) }
        }

        func suggestions(_ lookup: Lookup) -> [String] {
            if case .notFound(let s) = lookup.resolution { return s }
            return []
        }

        func candidateJSON(_ c: Candidate, _ gz: Gazetteer) -> JSONValue {
            let e = c.entry
            return .object([
                ("name", .string(e.name)), ("latitude", .number(e.location.lat)), ("longitude", .number(e.location.lon)),
                ("country", .string(e.country)), ("admin1", e.admin1.map { .string($0) } ?? .null),
                ("admin1_name", e.admin1.flatMap { gz.province(id: $0)?.name }.map { .string($0) } ?? .null),
                ("kind", .string(e.kind.rawValue)), ("id", .string(e.id)), ("score", .number((c.score * 1000).rounded() / 1000)),
                ("matched", .string(c.matched)), ("match", .string(c.match.rawValue)), ("population", .number(Double(e.population))),
                ("precision", .string(e.precision.rawValue)), ("source", .string(e.source)),
            ])
        }

        func printTable(_ name: String, status: String, lookup: Lookup, candidates: [Candidate], gz: Gazetteer) {
            print("\(name): \(status)\(lookup.near ? " (near)" : "")")
            if case .notFound(let s) = lookup.resolution {
                print("  no match" + (s.isEmpty ? "" : "; did you mean: \(s.joined(separator: ", "))"))
                return
            }
            for c in candidates {
                let e = c.entry
                let province = e.admin1.flatMap { gz.province(id: $0)?.name } ?? "-"
                let row = [NumberFormat.fixed(c.score, 3), e.name, e.country, province, e.kind.rawValue,
                           "\(NumberFormat.fixed(e.location.lat, 4)), \(NumberFormat.fixed(e.location.lon, 4))",
                           e.id, "matched \"\(c.matched)\" (\(c.match.rawValue))"]
                print("  " + row.joined(separator: "  "))
            }
        }
    }
}
