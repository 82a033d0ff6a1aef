import Foundation
import Gazetteer
import Geometry
import Incidents
import Projection
import Rendering

/// What `incidentmap render` was asked to do.
public struct RenderRequest: Sendable {
    /// Input files; empty renders the bundled January 2024 example.
    public var inputs: [String] = []
    /// Write an SVG map.
    public var svg = false
    /// Write GeoJSON layers.
    public var geojson = false
    /// Output file (SVG only) or directory (with --geojson); nil = SVG to standard output.
    public var output: String?
    /// Map CRS as PROJ accepts it.
    public var crs: String?
    /// Map title; nil uses the input's title.
    public var title: String?
    /// SVG width and height in px.
    public var width = 1000.0
    /// SVG height in px.
    public var height = 820.0
    /// Prefix of SVG ids.
    public var idPrefix = "im-"
    /// GeoJSON coordinate decimals.
    public var precision = 6
    /// Optional GeoJSON layers to write too ("uncertainty", "strikes").
    public var extraLayers: [String] = []
    /// SVG colour scheme.
    public var theme: MapTheme = .light
    /// Path of a CSS file appended to the SVG's style.
    public var cssFile: String?
    /// Draw the locator inset.
    public var inset = true
    /// Accept the best candidate of ambiguous names.
    public var acceptAmbiguous = false
    /// Country context for every name.
    public var country: String?
    /// Which incidents to keep.
    public var filter = IncidentFilter()
    /// Input format, when not detected.
    public var format: InputFormat?
    /// Province context for every name.
    public var admin1: String?
    /// User gazetteer overlay files.
    public var gazetteerOverlays: [String] = []
    /// The command line, recorded in the SVG metadata.
    public var command: String?

    /// Creates a request.
    public init() {}
}

/// What a render wrote.
public struct RenderResult: Sendable {
    /// Warnings to show.
    public var warnings: [InputProblem]
    /// Paths written.
    public var written: [String]
    /// The SVG text when it goes to standard output.
    public var svgForStandardOutput: String?
}

/// Runs one render: read → resolve → measure → render → write atomically.
public enum RenderJob {
    /// The bundled example's path, found beside the gazetteer data.
    public static func bundledExample() -> String? {
        guard let data = DataDirectory.locate() else { return nil }
        let url = data.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/january-2024.yaml")
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }

    /// Inputs read and resolved (before filtering), with the gazetteer used.
    public struct Loaded {
        /// The files as read.
        public var files: [IncidentFile]
        /// The gazetteer (bundled data and the user's overlays).
        public var gazetteer: Gazetteer
        /// Every incident placed, in input order.
        public var resolved: [ResolvedIncident]
        /// The request's filter with country names turned into codes.
        public var filter: IncidentFilter
    }

    /// The gazetteer (with the user's overlays), the filter with country names turned into
    /// codes, and the resolver: one --country is also the context for names; several only filter.
    static func placing(_ request: RenderRequest) throws -> (Gazetteer, IncidentFilter, IncidentResolver) {
        let gazetteer = try Gazetteer.load(overlays: request.gazetteerOverlays.map { URL(fileURLWithPath: $0) })
        var filter = request.filter
        filter.countries = Set(filter.countries.map { gazetteer.countryCode(for: $0) ?? $0.uppercased() })
        let contextCountry = request.country ?? (filter.countries.count == 1 ? filter.countries.first : nil)
        let resolver = IncidentResolver(gazetteer: gazetteer, acceptAmbiguous: request.acceptAmbiguous,
                                        defaultCountry: contextCountry, defaultAdmin1: request.admin1)
        return (gazetteer, filter, resolver)
    }

    /// Reads every input and places every incident; throws every problem at once.
    public static func load(_ request: RenderRequest, inputs: [String], displayNames: [String: String] = [:]) throws -> Loaded {
        let files = try InputReader.read(inputs, format: request.format, displayNames: displayNames)
        let (gazetteer, filter, resolver) = try placing(request)
        return Loaded(files: files, gazetteer: gazetteer, resolved: try resolver.resolve(files.flatMap(\.incidents)), filter: filter)
    }

    /// Runs the request; nothing is written unless every step succeeded.
    public static func run(_ request: RenderRequest) throws -> RenderResult {
        try stream(request)
    }

    /// Inputs read, placed and filtered, ready to render.
    public struct Prepared {
        /// Everything read and placed.
        public var loaded: Loaded
        /// The incidents that pass the filters, in input order.
        public var incidents: [ResolvedIncident]
        /// Warnings to show.
        public var warnings: [InputProblem]
    }

    /// The inputs to read (the bundled example when none) with the names messages give them,
    /// after the checks every run makes first: no output is also an input, and PROJ accepts the CRS.
    static func checkedInputs(_ request: RenderRequest) throws -> (paths: [String], displayNames: [String: String]) {
        var inputs = request.inputs
        var displayNames: [String: String] = [:]
        if inputs.isEmpty {
            guard let example = bundledExample() else {
                throw OutputError(path: "Examples/january-2024.yaml", message: "bundled example not found; pass an incident file")
            }
            inputs = [example]
            displayNames[example] = "Examples/january-2024.yaml"
        }
        if let out = request.output {
            let outURL = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath()
            for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == outURL {
                throw OutputError(path: out, message: "output path is also an input; refusing to overwrite it")
            }
        }
        // The CRS is checked first: a CRS PROJ rejects fails before any work.
        if let crs = request.crs { _ = try Projection(from: "EPSG:4326", to: crs) }
        return (inputs, displayNames)
    }

    /// Checks the request, reads and places every incident and applies the filters.
    public static func prepare(_ request: RenderRequest) throws -> Prepared {
        let (inputs, displayNames) = try checkedInputs(request)
        let loaded = try load(request, inputs: inputs, displayNames: displayNames)
        let resolved = loaded.resolved.filter(loaded.filter.keeps)
        if resolved.isEmpty && !loaded.resolved.isEmpty {
            throw FilterError(message: "no incident passes the filters (--from/--to/--bbox/--country); nothing was written")
        }
        return Prepared(loaded: loaded, incidents: resolved, warnings: loaded.resolved.flatMap(\.warnings))
    }

    /// The map's title: `--title`, else the first input's, else one made from the countries.
    public static func title(_ prepared: Prepared, _ request: RenderRequest) -> String {
        let gazetteer = prepared.loaded.gazetteer
        let countries = Array(Set(prepared.incidents.compactMap(\.country))).sorted().compactMap { gazetteer.country(code: $0)?.name }
        return request.title ?? prepared.loaded.files.compactMap(\.title).first
            ?? (countries.isEmpty || countries.count > 3 ? "Incidents" : "Incidents in " + countries.joined(separator: " and "))
    }

    /// A name for the map's CRS, for attribution lines.
    public static func crsName(_ request: RenderRequest) -> String {
        request.crs ?? "azimuthal equidistant centred on the incidents (WGS84)"
    }

    /// The SVG map of the prepared incidents.
    public static func map(_ prepared: Prepared, _ request: RenderRequest) throws -> RenderedMap {
        var options = MapOptions(crs: request.crs, width: request.width, height: request.height, idPrefix: request.idPrefix,
                                 theme: request.theme, inset: request.inset)
        if let css = request.cssFile {
            guard let text = try? String(contentsOfFile: css, encoding: .utf8) else {
                throw OutputError(path: css, message: "cannot read the --css file as UTF-8 text")
            }
            options.extraCSS = text
        }
        let scene = SceneBuilder(gazetteer: prepared.loaded.gazetteer)
            .scene(prepared.incidents, title: title(prepared, request), crsName: crsName(request), command: request.command)
        return try MapRenderer.render(scene, options: options)
    }
}
