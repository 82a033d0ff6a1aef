import ArgumentParser
import Foundation
import Incidents
import Pipeline
import Rendering

extension Period: ExpressibleByArgument {}

extension IncidentMapCommand {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render incidents as an SVG map and/or GeoJSON layers.",
            discussion: """
            With no INPUT, renders the bundled January 2024 example.
              incidentmap render --svg -o map.svg
              incidentmap render incidents.yaml --geojson -o layers/
              incidentmap render --svg --geojson -o out/   (layers and out/map.svg)
            """
        )

        @OptionGroup var input: InputOptions

        @OptionGroup var look: MapLookOptions

        @Flag(help: "Write an SVG map (to -o FILE, or standard output).")
        var svg = false

        @Flag(help: "Write GeoJSON layers into -o DIR.")
        var geojson = false

        @Option(name: .shortAndLong, help: "Output file (SVG) or directory (--geojson).")
        var output: String?

        @Option(help: "Prefix for every id in the SVG.")
        var idPrefix: String = "im-"

        @Flag(help: "With --geojson, also write uncertainty.geojson (the area each approximately placed incident may be in).")
        var uncertainty = false

        @Flag(help: "With --geojson, also write strikes.geojson (geodesic lines from each known origin to its target).")
        var strikes = false

        @Option(help: "Decimals of GeoJSON coordinates.")
        var precision: Int = 6

        @Option(help: ArgumentHelp("Small multiples: one panel per day, week, month, quarter or year (at most 36), all with the same extent and scale.", valueName: "period"))
        var by: Period?

        @Flag(help: "Draw a timeline under the map: a mark per incident on a date axis, and the input's events (YAML `events:`).")
        var timeline = false

        func validate() throws {
            if geojson && output == nil { throw ValidationError("--geojson needs -o DIR") }
            if output?.isEmpty == true { throw ValidationError("-o needs a path") }
            if !(1...9).contains(precision) { throw ValidationError("--precision must be between 1 and 9") }
        }

        func run() throws {
            var request = RenderRequest()
            do { try input.apply(to: &request) } catch { throw report(error) }
            request.svg = svg || !geojson
            request.geojson = geojson
            request.output = output
            look.apply(to: &request)
            request.idPrefix = idPrefix
            request.precision = precision
            request.timeline = timeline
            request.by = by
            request.extraLayers = (uncertainty ? ["uncertainty"] : []) + (strikes ? ["strikes"] : [])
            // Recorded in the SVG's metadata; paths are cut to file names so the same
            // input and options give the same bytes wherever the files live.
            request.command = recordedCommandLine()
            do {
                let result = try RenderJob.run(request)
                var stderr = StandardError()
                printWarnings(result.warnings, layers: request.geojson)
                for note in result.notes { print(note, to: &stderr) }
                if let svg = result.svgForStandardOutput { FileHandle.standardOutput.write(Data(svg.utf8)) }
                for path in result.written { print("wrote \(path)", to: &stderr) }
            } catch {
                throw report(error)
            }
        }
    }
}
