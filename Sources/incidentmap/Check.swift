import ArgumentParser
import Foundation
import Incidents
import Pipeline

extension IncidentMapCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate incident files without rendering: every problem, then one summary line per file.",
            discussion: """
            Reads and places the incidents exactly as render and report do, and prints the same problems.
              incidentmap check events.csv
              incidentmap check a.yaml b.geojson --country PK --from 2024-01-01
            """
        )

        @OptionGroup var input: InputOptions

        func run() throws {
            var request = RenderRequest()
            let result: CheckResult
            do {
                try input.apply(to: &request)
                result = try CheckJob.run(request)
            } catch {
                throw report(error)
            }
            if let problems = result.problems {
                // Every problem as the other commands print it, then a summary per file.
                _ = report(problems)
            } else {
                printWarnings(result.warnings)
            }
            for s in result.summaries { print(CheckJob.line(s, filtered: result.filtered)) }
            if result.problems != nil { throw Exit.dataError }
        }
    }
}
