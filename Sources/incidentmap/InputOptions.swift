import ArgumentParser
import Foundation
import Pipeline
import Rendering

extension InputFormat: ExpressibleByArgument {}
extension MapTheme: ExpressibleByArgument {}

/// Options shared by `render`, `check` and `report`: what to read, how to place it, what to keep.
struct InputOptions: ParsableArguments {
    @Argument(help: "Incident files: YAML, CSV (ACLED exports and others) or GeoJSON. None: the bundled January 2024 example.")
    var inputs: [String] = []

    @Option(name: .customLong("input-format"), help: "Input format (yaml, csv, geojson) when the extension and content do not tell.")
    var format: InputFormat?

    @Option(help: "Extra gazetteer entries (CSV, TSV or YAML with name, latitude, longitude, …). Repeatable.")
    var gazetteer: [String] = []

    @Flag(help: "Accept the best candidate when a place name is ambiguous or only loosely matched (recorded in the output).")
    var acceptBest = false

    @Option(help: "Keep incidents in this country (ISO code or name; repeatable). One country is also the context for place names.")
    var country: [String] = []

    @Option(help: "Province context for every place name.")
    var admin1: String?

    @Option(help: "Keep incidents on or after this date (2024-01-16, 16 January 2024, 2024-01).")
    var from: String?

    @Option(help: "Keep incidents on or before this date.")
    var to: String?

    @Option(help: "Keep incidents inside W,S,E,N (degrees), e.g. 60,24,67,31.")
    var bbox: String?

    func validate() throws {
        do { _ = try filter() } catch let e as FilterError { throw ValidationError(e.message) }
    }

    /// The filter these options describe.
    func filter() throws -> IncidentFilter {
        var f = IncidentFilter()
        if let from { f.from = try IncidentFilter.day(from, option: "--from") }
        if let to { f.to = try IncidentFilter.day(to, option: "--to") }
        if let bbox { f.bbox = try IncidentFilter.bbox(bbox) }
        f.countries = Set(country)
        if let a = f.from, let b = f.to, b < a { throw FilterError(message: "--to (\(b)) is before --from (\(a))") }
        return f
    }

    /// Copies these options into a request.
    func apply(to request: inout RenderRequest) throws {
        request.inputs = inputs
        request.format = format
        request.gazetteerOverlays = gazetteer
        request.acceptAmbiguous = acceptBest
        request.admin1 = admin1
        request.filter = try filter()
    }
}
