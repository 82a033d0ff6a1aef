import ArgumentParser
import Foundation
import Incidents
import Pipeline

extension IncidentMapCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate incident files without rendering: every problem, then one summary line per file.",
            discussion: """
              incidentmap check events.csv
              incidentmap check a.yaml b.geojson --country PK --from 2024-01-01
            """
        )

        @OptionGroup var input: InputOptions

        @Option(name: .customLong("format"), help: "Input format: yaml, csv or geojson (as --input-format).")
        var inputFormat: InputFormat?

        func run() throws {
            var request = RenderRequest()
            var stderr = StandardError()
            do {
                try input.apply(to: &request, formatAlias: inputFormat)
                var inputs = request.inputs
                var names: [String: String] = [:]
                if inputs.isEmpty, let example = RenderJob.bundledExample() {
                    inputs = [example]
                    names[example] = "Examples/january-2024.yaml"
                }
                let loaded = try RenderJob.load(request, inputs: inputs, displayNames: names)
                for w in loaded.resolved.flatMap(\.warnings) { print("\(w)", to: &stderr) }
                for file in loaded.files {
                    let placed = loaded.resolved.filter { $0.incident.location.file == file.path }
                    let kept = placed.filter(loaded.filter.keeps)
                    let byName = placed.filter { $0.resolution != nil }
                    let accepted = byName.filter { $0.resolution?.acceptedAmbiguous == true }
                    let warnings = placed.reduce(0) { $0 + $1.warnings.count }
                    var line = "\(file.path): ok, \(placed.count) incident\(placed.count == 1 ? "" : "s")"
                    line += " (\(placed.count - byName.count) with coordinates, \(byName.count) placed by name"
                    if !accepted.isEmpty { line += ", \(accepted.count) ambiguous accepted" }
                    line += ")"
                    if !loaded.filter.isEmpty { line += ", \(kept.count) pass the filters" }
                    if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
                    print(line)
                }
            } catch let e as InputErrors {
                // Every problem, then a summary per file named in them.
                _ = report(e)
                let byFile = Dictionary(grouping: e.problems, by: \.file)
                for file in (request.inputs.isEmpty ? Array(byFile.keys) : request.inputs).sorted() {
                    let n = byFile[file]?.count ?? 0
                    print("\(file): \(n == 0 ? "not checked further (other files have errors)" : "\(n) problem\(n == 1 ? "" : "s")")")
                }
                throw Exit.dataError
            } catch {
                throw report(error)
            }
        }
    }
}
