import ArgumentParser
import Foundation
import Pipeline
import Rendering

extension ReportFormat: ExpressibleByArgument {}

extension IncidentMapCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a report: the map, a table of incidents with every claim and source, and how the map was made.",
            discussion: """
            HTML: one self-contained file (DIR/report.html) with the map inline and no external requests.
            Markdown: DIR/report.md beside DIR/map.svg (and DIR/map.png when rsvg-convert is installed).
              incidentmap report -o report/
              incidentmap report events.csv --format markdown -o report-md/
            """
        )

        @OptionGroup var input: InputOptions

        @OptionGroup var look: MapLookOptions

        @Option(name: .shortAndLong, help: "Output directory.")
        var output: String

        @Option(help: "Report format: html or markdown.")
        var format: ReportFormat = .html

        @Option(help: "Prefix for every id in the map.")
        var idPrefix: String = "report-map-"

        func run() throws {
            var request = RenderRequest()
            do {
                try input.apply(to: &request)
                look.apply(to: &request)
                request.output = output
                request.idPrefix = idPrefix
                request.svg = true
                request.command = "incidentmap report"
                let result = try ReportJob.run(request, format: format)
                var stderr = StandardError()
                printWarnings(result.warnings)
                for path in result.written { print("wrote \(path)", to: &stderr) }
            } catch {
                throw report(error)
            }
        }
    }
}
