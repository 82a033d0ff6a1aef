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

        @Option(name: .shortAndLong, help: "Output directory.")
        var output: String

        @Option(help: "html or markdown.")
        var format: ReportFormat = .html

        @Option(help: "Map CRS: anything PROJ accepts. Default: azimuthal equidistant centred on the incidents.")
        var crs: String?

        @Option(help: "Report and map title (default: the input's title).")
        var title: String?

        @Option(help: "Prefix for every id in the map.")
        var idPrefix: String = "report-map-"

        @Option(help: "Map colours: light, dark or print.")
        var theme: MapTheme = .light

        func run() throws {
            var request = RenderRequest()
            do {
                try input.apply(to: &request)
                request.output = output
                request.crs = crs
                request.title = title
                request.idPrefix = idPrefix
                request.theme = theme
                request.svg = true
                request.command = "incidentmap report"
                let result = try ReportJob.run(request, format: format)
                var stderr = StandardError()
                for w in result.warnings { print("\(w)", to: &stderr) }
                for path in result.written { print("wrote \(path)", to: &stderr) }
            } catch {
                throw report(error)
            }
        }
    }
}
