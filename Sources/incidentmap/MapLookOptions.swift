import ArgumentParser
import Pipeline
import Rendering

extension Aggregation: ExpressibleByArgument {}
extension MapLanguage: ExpressibleByArgument {}

/// What name labels show (`--labels`).
enum LabelLanguages: String, ExpressibleByArgument, CaseIterable {
    /// The names in `--lang` (the Latin name where the data has none in it).
    case lang
    /// The names in `--lang` with the Latin name beneath.
    case both
}

/// Options of the map that `render` and `report` both draw: the same names, the same meaning.
struct MapLookOptions: ParsableArguments {
    @Option(help: "Map CRS: anything PROJ accepts (EPSG:32641, a PROJ string, WKT). Default: azimuthal equidistant centred on the incidents.")
    var crs: String?

    @Option(help: "Map title (default: the input's title).")
    var title: String?

    @Option(help: "SVG width in px.")
    var width: Double = 1000

    @Option(help: "SVG height in px.")
    var height: Double = 820

    @Option(help: "SVG colours: light, dark or print.")
    var theme: MapTheme = .light

    @Option(help: "A CSS file appended to the SVG's style block (classes carry the id prefix, e.g. .im-border).")
    var css: String?

    @Flag(help: "Leave out the locator inset.")
    var noInset = false

    @Option(name: .customLong("label"), help: ArgumentHelp("Label this incident (by id) whatever else the map shows; repeatable. An input field `label: true` does the same.", valueName: "id"))
    var labels: [String] = []

    @Option(help: ArgumentHelp("How the map aggregates incidents: auto (each incident, merged where they coincide, up to 2,000; cells beyond), cells (graduated markers per grid cell), admin1 (provinces shaded by their number of incidents) or admin2 (districts shaded so, where the data has district boundaries).", valueName: "how"))
    var aggregate: Aggregation = .auto

    @Flag(help: "Shade the relief (Natural Earth's shaded relief, resampled to the map's projection) under the borders and markers.")
    var relief = false
    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of the names, legend, scale bar and dates: \(MapLanguage.allCases.map(\.rawValue).joined(separator: ", ")). A name the data lacks in it is shown in Latin script.", valueName: "code"))
    var language: MapLanguage = .en

    @Option(help: ArgumentHelp("Draw disputed boundaries as this country's government does (Natural Earth's point of view: IN, PK, CN, RU, UA, …; KO is South Korea). Default: DE, the view the bundled countries are drawn in. The map and the layers name the view.", valueName: "code"))
    var worldview: String?

    @Option(name: .customLong("labels"), help: ArgumentHelp("lang: names in --lang; both: names in --lang with the Latin name beneath.", valueName: "lang|both"))
    var labelLanguages: LabelLanguages = .lang

    func validate() throws {
        if !(width >= 200 && width <= 10_000) || !(height >= 200 && height <= 10_000) {
            throw ValidationError("--width and --height must be between 200 and 10000 px")
        }
    }

    /// Copies these options into a request.
    func apply(to request: inout RenderRequest) {
        request.crs = crs
        request.title = title
        request.width = width
        request.height = height
        request.theme = theme
        request.cssFile = css
        request.inset = !noInset
        request.labels = labels
        request.aggregate = aggregate
        request.relief = relief
        request.worldview = worldview
        request.language = language
        request.bilingual = labelLanguages == .both && language != .en
    }
}
