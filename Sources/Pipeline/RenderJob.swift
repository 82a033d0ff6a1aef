import Foundation
import Gazetteer
import Geometry
import Incidents
import Projection
import Rendering

/// How a map aggregates its incidents.
public enum Aggregation: String, Sendable, CaseIterable {
    /// Each incident (merged where they coincide) up to `MapCollector.detailLimit`, cells beyond.
    case auto
    /// Markers per grid cell whatever the number of incidents.
    case cells
    /// Provinces shaded by their number of incidents.
    case admin1
    /// Districts shaded by their number of incidents (needs district boundaries).
    case admin2
}

/// What `incidentmap render` was asked to do.
public struct RenderRequest: Sendable {
    /// Input files; empty renders the bundled January 2024 example (unless `database` is set).
    public var inputs: [String] = []
    /// Incidents from a PostgreSQL table or query (`--db`), instead of files.
    public var database: DatabaseSource?
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
    /// Ids of incidents to label whatever else the map shows (`--label`).
    public var labels: [String] = []
    /// How the map aggregates its incidents (`--aggregate`).
    public var aggregate: Aggregation = .auto
    /// Draw hill shading (`Gazetteer/data/relief.bin`) under the borders and markers.
    public var relief = false
    /// The point of view of the countries and borders (`--worldview`, Natural Earth's code); nil: the data's default.
    public var worldview: String?
    /// The language of the map's names, legend, scale bar and dates (`--lang`).
    public var language: MapLanguage = .en
    /// Bilingual name labels (`--labels both`).
    public var bilingual = false
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
    /// Draw a timeline strip under the map (`--timeline`).
    public var timeline = false
    /// Draw small multiples, a panel per period (`--by`).
    public var by: Period?
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
    /// What the run says of itself on standard error (how a database's rows were read).
    public var notes: [String] = []
}

/// The incidents a map or report shows, as the stream delivered them.
public struct RunIncidents {
    /// The gazetteer (bundled data and the user's overlays).
    public var gazetteer: Gazetteer
    /// Titles the inputs give, in input order.
    public var titles: [String]
    /// The incidents kept whole, in input order: all of them while there are few.
    public var incidents: [ResolvedIncident]
    /// Every incident that passed the filters.
    public var total: Int
    /// Events without a place, for the timeline.
    public var events: [TimelineEvent] = []
}

/// Runs one command over the incident stream: read → place → filter → sinks, with atomic output.
public enum RenderJob {
    /// The bundled example's path, found beside the gazetteer data.
    public static func bundledExample() -> String? {
        guard let data = DataDirectory.locate() else { return nil }
        let url = data.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/january-2024.yaml")
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }

    /// The gazetteer (with the user's overlays), the filter with country names turned into
    /// codes, and the resolver: one --country is also the context for names; several only filter.
    static func placing(_ request: RenderRequest) throws -> (Gazetteer, IncidentFilter, IncidentResolver) {
        let gazetteer = try Gazetteer.load(overlays: request.gazetteerOverlays.map { URL(fileURLWithPath: $0) }, worldview: request.worldview)
        var filter = request.filter
        filter.countries = Set(filter.countries.map { gazetteer.countryCode(for: $0) ?? $0.uppercased() })
        let contextCountry = request.country ?? (filter.countries.count == 1 ? filter.countries.first : nil)
        let resolver = IncidentResolver(gazetteer: gazetteer, acceptAmbiguous: request.acceptAmbiguous,
                                        defaultCountry: contextCountry, defaultAdmin1: request.admin1)
        return (gazetteer, filter, resolver)
    }

    /// The inputs to read (the bundled example when none) with the names messages give them,
    /// after the checks every run makes first: no output is also an input, PROJ accepts the
    /// CRS, and the --css file can be read.
    static func checkedInputs(_ request: RenderRequest) throws -> (paths: [String], displayNames: [String: String]) {
        var inputs = request.inputs
        var displayNames: [String: String] = [:]
        if request.database != nil && !inputs.isEmpty {
            throw OptionFileError(option: "--db", path: inputs[0], message: "reads incidents from the database; give incident files or --db, not both")
        }
        if inputs.isEmpty && request.database == nil {
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
        // The CRS and the CSS are checked first: a CRS PROJ rejects fails before any work.
        if let crs = request.crs { _ = try Projection(from: "EPSG:4326", to: crs) }
        _ = try extraCSS(request)
        return (inputs, displayNames)
    }

    /// The text of the --css file, or nil when none was given.
    static func extraCSS(_ request: RenderRequest) throws -> String? {
        guard let css = request.cssFile else { return nil }
        guard let text = try? String(contentsOfFile: css, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: css)
            throw OptionFileError(option: "--css", path: css, message: exists ? "cannot be read as UTF-8 text" : "no such file")
        }
        return text
    }

    /// The relief grid beside the gazetteer data (mapped once per process: panels share it).
    static func reliefRaster() throws -> ReliefRaster {
        let path = (DataDirectory.locate()?.appendingPathComponent("relief.bin").path) ?? "Gazetteer/data/relief.bin"
        return try ReliefCache.shared.raster(at: path)
    }

    /// The map options the request asks for; the same for a detailed and an aggregated map.
    static func mapOptions(_ request: RenderRequest) throws -> MapOptions {
        var options = MapOptions(crs: request.crs, width: request.width, height: request.height, idPrefix: request.idPrefix,
                                 theme: request.theme, inset: request.inset)
        options.extraCSS = try extraCSS(request)
        if request.relief { options.relief = try reliefRaster() }
        options.language = request.language
        options.bilingual = request.bilingual
        return options
    }

    /// Runs `render`: the layers and/or the map; nothing is written unless every step succeeded.
    public static func run(_ request: RenderRequest) throws -> RenderResult {
        if request.geojson && request.output == nil { throw OutputError(path: "-o", message: "--geojson needs -o DIR") }
        let wantsMap = request.svg || !request.geojson
        let times = PhaseTimes()
        defer { times.total() }
        // Without layers, only the map's detailed incidents need the nearest border and the
        // province (found as they are delivered), and rows past them are read briefly.
        let stream = try IncidentStream(request, measuresDetail: request.geojson,
                                        fullRows: request.geojson ? .max : MapCollector.detailLimit + 1)
        times.mark("load gazetteer")
        // A large table's aggregated map: the server groups the rows into the map's cells.
        if let db = request.database, wantsMap, !request.geojson, request.by == nil, !request.timeline,
           request.aggregate == .auto || request.aggregate == .cells,
           let collected = try DatabaseAggregate.collect(db, filter: stream.filter, request: request, gazetteer: stream.gazetteer) {
            times.mark("the server's cells")
            let run = RunIncidents(gazetteer: stream.gazetteer, titles: [], incidents: [], total: collected.count)
            let svg = try collected.map(run, request).svg
            times.mark("map")
            // Rows sharing an id: they stream below, and each is reported as from a file.
            if try collected.serverIDsUnique() {
                let cells = collected.serverCells?.cells.count ?? 0
                let note = "database: \(NumberFormat.grouped(collected.count)) rows grouped by the server into \(NumberFormat.grouped(cells)) cells and kinds"
                if let out = request.output {
                    try AtomicOutput.write(Data(svg.utf8), to: out)
                    return RenderResult(warnings: [], written: [out], svgForStandardOutput: nil, notes: [note])
                }
                return RenderResult(warnings: [], written: [], svgForStandardOutput: svg, notes: [note])
            }
        }
        let staged = request.geojson ? try StagedDirectory(request.output!) : nil
        do {
            let layers = try staged.map {
                try LayerSink(staged: $0, gazetteer: stream.gazetteer, precision: request.precision,
                              optional: LayerSet.optionalNames.filter(request.extraLayers.contains),
                              inputs: stream.sourceNames)
            }
            let map = wantsMap ? MapCollector(countsDays: request.timeline, keepsDays: request.by != nil) : nil
            try stream.run(encoder: layers?.encoder, sinks: [layers as IncidentSink?, map].compactMap { $0 })
            times.mark("read, place, encode")
            stream.gazetteer.releaseDistrictGrid()
            try finished(stream)
            let svgText = try map.map { m in
                if let by = request.by { return try m.smallMultiples(incidents(stream, map: m), by: by, request) }
                return try m.map(incidents(stream, map: m), request).svg
            }
            if svgText != nil { times.mark("map") }
            if let staged, let layers {
                var names = try layers.finish(gazetteer: stream.gazetteer)
                times.mark("small layers")
                if let svg = svgText {
                    try staged.write("map.svg", Data(svg.utf8))
                    names.append("map.svg")
                }
                try staged.publish()
                return RenderResult(warnings: stream.shownWarnings, written: names.map { request.output! + "/" + $0 }, svgForStandardOutput: nil)
            }
            if let out = request.output, let svg = svgText {
                try AtomicOutput.write(Data(svg.utf8), to: out)
                return RenderResult(warnings: stream.shownWarnings, written: [out], svgForStandardOutput: nil)
            }
            return RenderResult(warnings: stream.shownWarnings, written: [], svgForStandardOutput: svgText)
        } catch {
            staged?.discard()
            throw error
        }
    }

    /// Throws the stream's problems, or an error when no incident is left to show.
    static func finished(_ stream: IncidentStream) throws {
        if let failure = stream.failure { throw failure }
        if stream.kept == 0 {
            throw FilterError(message: stream.seen == 0 ? "no incidents to map" : "no incident passes the filters (--from/--to/--bbox/--country); nothing was written")
        }
    }

    /// What a map of the stream's incidents is drawn from.
    static func incidents(_ stream: IncidentStream, map: MapCollector) -> RunIncidents {
        RunIncidents(gazetteer: stream.gazetteer, titles: stream.titles, incidents: map.overflow ? [] : stream.completed(map.detailed), total: stream.kept,
                     events: stream.events)
    }

    /// The map's title: `--title`, else the first input's, else one made from the countries, and
    /// the sea where some incidents lie in no country (`atSea`): Houthi attacks on shipping are not
    /// "Incidents in Yemen".
    public static func title(_ run: RunIncidents, countries: Set<String>, atSea: Bool = false, _ request: RenderRequest) -> String {
        let language = request.language, builder = SceneBuilder(gazetteer: run.gazetteer, language: language)
        var names = countries.compactMap { run.gazetteer.country(code: $0) != nil ? builder.countryName($0) : nil }.sorted()
        if let given = request.title ?? run.titles.first { return given }
        if names.isEmpty { return (atSea ? IncidentText.titleAtSea : .title).text(in: language) }
        if names.count > 3 { return IncidentText.title.text(in: language) }
        if atSea { names.append(IncidentText.atSeaInList.text(in: language)) }
        return IncidentText.titleIn.text(in: language, ["countries": .text(language.list(names))])
    }

    /// Whether some of `incidents` lie at sea: in no country, where the data covers the Earth.
    static func atSea(_ incidents: [ResolvedIncident], _ gazetteer: Gazetteer) -> Bool {
        incidents.contains { $0.country == nil && gazetteer.covers($0.point) }
    }

    /// A name for the map's CRS, for attribution lines (in `language`; a CRS given is named as given).
    public static func crsName(_ request: RenderRequest, _ language: MapLanguage = .en) -> String {
        request.crs ?? AttributionText.defaultCRS.text(in: language)
    }

    /// The SVG map of incidents shown in detail, with its timeline when asked for (`timeline`:
    /// the strip drawn, under the map or only apart as `RenderedMap.timeline`).
    static func map(_ run: RunIncidents, _ request: RenderRequest, timeline: TimelinePlacement? = nil) throws -> RenderedMap {
        let builder = SceneBuilder(gazetteer: run.gazetteer, pinned: Set(request.labels), language: request.language)
        var scene = builder.scene(run.incidents, title: title(run, countries: Set(run.incidents.compactMap(\.country)),
                                                               atSea: atSea(run.incidents, run.gazetteer), request),
                                  crsName: crsName(request, request.language), command: request.command)
        let placement = TimelinePlacement.of(request, given: timeline)
        var options = try mapOptions(request)
        if let placement {
            scene.timeline = builder.timeline(run.events)
            options.timelineUnderMap = placement == .underMap
        }
        return try MapRenderer.render(scene, options: options)
    }

    /// Said when a map cannot have a timeline: it shades provinces or districts.
    static let noTimeline =
        "--timeline draws incidents as marks or, on a map of cells, as bars of their counts; a map of provinces or districts shaded by their incidents (--aggregate admin1 or admin2) has none: leave out --aggregate, or ask for --aggregate cells"
}

/// Where a map's timeline strip goes.
enum TimelinePlacement {
    /// Between the map and its key, in the same SVG.
    case underMap
    /// Only in `RenderedMap.timeline` (a report's chronology).
    case apart

    /// Where a map's strip goes: `given` (a report's is apart), else under the map when the
    /// request asks for a timeline, else nowhere.
    static func of(_ request: RenderRequest, given: TimelinePlacement?) -> TimelinePlacement? {
        given ?? (request.timeline ? .underMap : nil)
    }
}

/// The relief grid, mapped on first use and kept: a report or small multiples draw several maps.
final class ReliefCache: @unchecked Sendable {
    static let shared = ReliefCache()
    private let lock = NSLock()
    private var rasters: [String: ReliefRaster] = [:]

    func raster(at path: String) throws -> ReliefRaster {
        lock.lock()
        defer { lock.unlock() }
        if let r = rasters[path] { return r }
        guard FileManager.default.fileExists(atPath: path) else {
            throw OptionFileError(option: "--relief", path: path, message: "no relief data; build it with `make gazetteer` (bash Gazetteer/build_terrain.sh)")
        }
        do {
            let r = try ReliefRaster(path: path)
            rasters[path] = r
            return r
        } catch let e as ReliefRaster.LoadError {
            throw OptionFileError(option: "--relief", path: path, message: e.message)
        }
    }
}
