import ArgumentParser
import Foundation
import Incidents
import Pipeline
import Rendering

extension MapTheme: ExpressibleByArgument {}

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

        @Option(name: .customLong("format"), help: "Input format: yaml, csv or geojson (as --input-format).")
        var inputFormat: InputFormat?

        @Flag(help: "Write an SVG map (to -o FILE, or standard output).")
        var svg = false

        @Flag(help: "Write GeoJSON layers into -o DIR.")
        var geojson = false

        @Option(name: .shortAndLong, help: "Output file (SVG) or directory (--geojson).")
        var output: String?

        @Option(help: "Map CRS: anything PROJ accepts (EPSG:32641, a PROJ string, WKT). Default: azimuthal equidistant centred on the incidents.")
        var crs: String?

        @Option(help: "Map title (default: the input's title).")
        var title: String?

        @Option(help: "SVG width in px.")
        var width: Double = 1000

        @Option(help: "SVG height in px.")
        var height: Double = 820

        @Option(help: "Prefix for every id in the SVG.")
        var idPrefix: String = "im-"

        @Flag(help: "With --geojson, also write uncertainty.geojson (the area each approximately placed incident may be in).")
        var uncertainty = false

        @Flag(help: "With --geojson, also write strikes.geojson (geodesic lines from each known origin to its target).")
        var strikes = false

        @Option(help: "SVG colours: light, dark or print.")
        var theme: MapTheme = .light

        @Option(help: "A CSS file appended to the SVG's style block (classes carry the id prefix, e.g. .im-border).")
        var css: String?

        @Flag(help: "Leave out the locator inset.")
        var noInset = false

        @Option(help: "Decimals of GeoJSON coordinates.")
        var precision: Int = 6


        func validate() throws {
            if geojson && output == nil { throw ValidationError("--geojson needs -o DIR") }
            if output?.isEmpty == true { throw ValidationError("-o needs a path") }
            if !(1...9).contains(precision) { throw ValidationError("--precision must be between 1 and 9") }
            if !(width >= 200 && width <= 10_000) || !(height >= 200 && height <= 10_000) {
                throw ValidationError("--width and --height must be between 200 and 10000 px")
            }
        }

        func run() throws {
            var request = RenderRequest()
            do { try input.apply(to: &request, formatAlias: inputFormat) } catch { throw report(error) }
            request.svg = svg || !geojson
            request.geojson = geojson
            request.output = output
            request.crs = crs
            request.title = title
            request.width = width
            request.height = height
            request.idPrefix = idPrefix
            request.precision = precision
            request.theme = theme
            request.extraLayers = (uncertainty ? ["uncertainty"] : []) + (strikes ? ["strikes"] : [])
            request.cssFile = css
            request.inset = !noInset
            // Recorded in the SVG's metadata; paths are cut to file names so the same
            // input and options give the same bytes wherever the files live.
            request.command = (["incidentmap"] + CommandLine.arguments.dropFirst().map { arg in
                arg.contains("/") && !arg.hasPrefix("+") ? (URL(fileURLWithPath: arg).lastPathComponent) : arg
            }).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
            do {
                let result = try RenderJob.run(request)
                var stderr = StandardError()
                // A long list of warnings is summed up after the first hundred.
                for w in result.warnings.prefix(100) { print("\(w)", to: &stderr) }
                if result.warnings.count > 100 { print("… \(result.warnings.count - 100) more warnings (see the GeoJSON's warnings property)", to: &stderr) }
                if let svg = result.svgForStandardOutput { FileHandle.standardOutput.write(Data(svg.utf8)) }
                for path in result.written { print("wrote \(path)", to: &stderr) }
            } catch {
                throw report(error)
            }
        }
    }
}
