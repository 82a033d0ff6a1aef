import Foundation
import Gazetteer
import Geometry
import Incidents
import Rendering

/// The formats of `incidentmap report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// One self-contained HTML file with the map inline.
    case html
    /// Markdown beside the map as SVG (and PNG when rsvg-convert is present).
    case markdown
}

/// Builds the report's content: the map, the incident table, how the map was made, attribution.
public struct ReportBuilder {
    let run: RunIncidents
    let request: RenderRequest
    let map: RenderedMap
    let title: String
    /// Small multiples by period, when the incidents span more than one month.
    var multiples: (period: Period, root: SVGNode)?

    /// Creates a builder for the incidents `run` holds (the table's), of `run.total` in all.
    public init(run: RunIncidents, countries: Set<String>, request: RenderRequest, map: RenderedMap) {
        self.run = run
        self.request = request
        self.map = map
        title = RenderJob.title(run, countries: countries, request)
    }

    var gazetteer: Gazetteer { run.gazetteer }

    /// Said above the table when it lists only some of the incidents.
    var tableNote: String? {
        guard run.incidents.count < run.total else { return nil }
        return "The table lists the first \(run.incidents.count) of the \(run.total) incidents, in input order; the map shows all of them, and `incidentmap render --geojson` writes every one to the incidents layer."
    }

    /// The incidents in the map's order (by date, then input order), numbered from 1.
    var ordered: [ResolvedIncident] {
        run.incidents.enumerated().sorted { ($0.element.incident.date.start, $0.offset) < ($1.element.incident.date.start, $1.offset) }.map(\.element)
    }

    struct Row {
        var number: Int
        var date: String
        var reported: String
        var placedAt: String
        var country: String
        var border: String
        var kind: String
        var actor: String
        var claims: [(by: String, statement: String)]
        var sources: [SourceRef]
    }

    func rows() -> [Row] {
        ordered.enumerated().map { n, r in
            let i = r.incident
            var placed: String
            if let e = r.entry {
                placed = "\(e.name) (\(e.id))"
            } else {
                placed = "\(NumberFormat.fixed(r.point.lat, 4)), \(NumberFormat.fixed(r.point.lon, 4)) (coordinates given)"
            }
            placed += ", \(r.precision.rawValue)"
            let country = [r.provinceName, r.country.flatMap { gazetteer.country(code: $0)?.name }].compactMap { $0 }.joined(separator: ", ")
            let border = r.border.map { "\(NumberFormat.fixed($0.distanceKm, 1)) km (\($0.borderID))" } ?? "–"
            return Row(number: n + 1, date: i.date.displayText + (i.date.time.map { ", \($0)" } ?? ""), reported: i.place.isEmpty ? "–" : i.place,
                       placedAt: placed, country: country.isEmpty ? "–" : country, border: border, kind: i.kind,
                       actor: i.actor ?? "–", claims: i.claims.map { ($0.by, $0.statement) }, sources: i.sources)
        }
    }

    /// How each incident was placed, one line each.
    func placementNotes() -> [String] {
        ordered.enumerated().map { n, r in
            guard let rec = r.resolution else {
                return "\(n + 1). \(r.incident.id): coordinates given in \(r.incident.location), location \(r.precision.rawValue)."
            }
            var s = "\(n + 1). \(r.incident.id): \"\(rec.query)\""
            if !rec.context.isEmpty { s += " (context: \(rec.context.joined(separator: ", ")))" }
            s += " matched \"\(rec.matched)\" (\(rec.match)) → \(rec.name) [\(rec.id), \(rec.source)], score \(String(format: "%.3f", rec.score)), \(rec.candidates) candidate\(rec.candidates == 1 ? "" : "s")"
            if rec.near { s += "; the text says near" }
            if rec.acceptedAmbiguous { s += "; ambiguous, best accepted by --accept-best" }
            s += "; location \(r.precision.rawValue)."
            if !r.otherCandidates.isEmpty { s += " Also weighed: " + r.otherCandidates.joined(separator: "; ") + "." }
            return s
        }
    }

    func dataNotes() -> [String] {
        // Dataset names and versions come with the data (sources.json).
        var notes: [String] = []
        if let c = gazetteer.source("countries") {
            let credit = c.credit.prefix(1).lowercased() + c.credit.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            notes.append("Countries and international borders: \(c.long) (\(c.licence); \(credit)).")
        }
        if let p = gazetteer.source("provinces") { notes.append("Provinces: \(p.long).") }
        if let p = gazetteer.source("places") { notes.append("Places: \(p.long).") }
        notes.append("Projection and geodesic distances: PROJ. Distances to borders are geodesic on WGS84.")
        let focus = Set(run.incidents.compactMap(\.country))
        for b in gazetteer.borders where b.countries.allSatisfy(focus.contains) {
            notes.append("The \(b.name) border as drawn measures \(NumberFormat.fixed(b.lengthKm, 1)) km (geodesic, \(b.dataset)); figures quoted in the press (\"nearly 900 km\", \"1,000 miles\") are longer than this generalised line.")
        }
        return notes
    }

    func outlets() -> [String] {
        var out: [String] = []
        for r in ordered { for s in r.incident.sources where !out.contains(s.outlet) { out.append(s.outlet) } }
        return out
    }

    var subtitle: String {
        guard let first = ordered.first?.incident.date.start, let last = ordered.map(\.incident.date.end).max() else { return "" }
        return (first == last ? first.shortText : "\(first.shortText) – \(last.shortText)") + " · \(run.total) incident\(run.total == 1 ? "" : "s")"
    }

    /// One line of the chronology: an incident (its row in the table, its key number on the map)
    /// or an event without a place (its letter on the timeline).
    struct ChronologyEntry {
        var date: String
        var mark: String
        var what: String
        var sources: [SourceRef]
    }

    /// The incidents and the events by date (events after the incidents of their day).
    func chronology() -> [ChronologyEntry] {
        var entries: [(CalendarDate, Int, ChronologyEntry)] = []
        for (n, r) in ordered.enumerated() {
            let i = r.incident
            var what = i.kind + (i.actor.map { " by \($0)" } ?? "")
            if !i.place.isEmpty { what += ", \(i.place)" }
            if let c = r.country.flatMap({ gazetteer.country(code: $0)?.name }) { what += " (\(c))" }
            what += "; row \(n + 1) of the table of incidents."
            let mark = map.keyNumbers[i.id].map { "Marker \($0)" } ?? "On the map"
            entries.append((i.date.start, 0, ChronologyEntry(date: i.date.displayText, mark: mark, what: what, sources: i.sources)))
        }
        for (label, e) in SceneBuilder.lettered(run.events) {
            entries.append((e.date.start, 1, ChronologyEntry(date: e.date.displayText, mark: "Event \(label) (timeline only)", what: e.text, sources: e.sources)))
        }
        return entries.enumerated().sorted { ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset) }.map(\.element.2)
    }

    /// Said under the chronology's strip.
    static let timelineCaption = "Timeline: each mark is an incident, shaped and numbered as its marker on the map; bars span dates known only to the month or as a range; lettered flags are events without a place."

    /// Only http(s) addresses become links; anything else stays text.
    static func safeURL(_ s: String?) -> String? {
        guard let s, let scheme = s.split(separator: ":", maxSplits: 1).first?.lowercased(), ["http", "https"].contains(scheme),
              !s.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return s
    }

    // MARK: HTML

    static let css = """
    body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #1f1b16; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
    h1 { font-size: 1.6em; margin-bottom: 0.2em; } .subtitle { color: #4a453d; margin-top: 0; }
    figure { margin: 1.5em 0; } figure svg { width: 100%; height: auto; border: 1px solid #ddd; } figcaption { font-size: 0.85em; color: #4a453d; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85em; } th, td { border: 1px solid #cfc9bd; padding: 0.35em 0.5em; vertical-align: top; text-align: left; }
    th { background: #f2efe8; } td.num { text-align: right; white-space: nowrap; } ul.claims { margin: 0; padding-left: 1.1em; }
    section { margin-top: 2em; } pre { white-space: pre-wrap; font-size: 0.75em; background: #f7f5f0; padding: 0.5em; }
    footer { margin-top: 2em; font-size: 0.8em; color: #5f594f; }
    @media print { body { margin: 0; max-width: none; } figure, tr { break-inside: avoid; } a { color: inherit; } a[href]::after { content: " <" attr(href) ">"; font-size: 0.8em; } details { display: block; } }
    """

    /// Sources as HTML: linked where the address is http(s), with the date published.
    static func sourceNodes(_ sources: [SourceRef]) -> [SVGNode] {
        var nodes: [SVGNode] = []
        for (k, s) in sources.enumerated() {
            if k > 0 { nodes.append(.text("; ")) }
            let label = s.title.map { "\(s.outlet): \($0)" } ?? s.outlet
            if let url = ReportBuilder.safeURL(s.url) {
                nodes.append(.el("a", [("href", url), ("rel", "noopener noreferrer")], [.text(label)]))
            } else {
                nodes.append(.text(label + (s.url.map { " (\($0))" } ?? "")))
            }
            if let p = s.published { nodes.append(.text(", \(p)")) }
        }
        return nodes.isEmpty ? [.text("–")] : nodes
    }

    /// The chronology section: the strip (when the map could draw one) and the table by date.
    func chronologyHTML() -> SVGNode {
        func el(_ n: String, _ a: [(String, String)] = [], _ c: [SVGNode] = []) -> SVGNode { .el(n, a, c) }
        let rows = chronology().map { e in
            el("tr", [], [el("td", [], [.text(e.date)]), el("td", [], [.text(e.mark)]), el("td", [], [.text(e.what)]), el("td", [], ReportBuilder.sourceNodes(e.sources))])
        }
        let strip: [SVGNode] = map.timeline.map { [el("figure", [], [$0, el("figcaption", [], [.text(ReportBuilder.timelineCaption)])])] }
            ?? [el("p", [("class", "note")], [.text("The timeline is drawn for maps that show each incident (up to \(MapCollector.detailLimit)); the table lists the incidents by date.")])]
        let panels: [SVGNode] = multiples.map { m in
            [el("h3", [], [.text(ReportBuilder.multiplesHeading(m.period))]),
             el("figure", [], [m.root, el("figcaption", [], [.text(ReportBuilder.multiplesCaption(m.period))])])]
        } ?? []
        return el("section", [("id", "chronology")], [el("h2", [], [.text("Chronology")])] + strip + [
            el("table", [], [
                el("thead", [], [el("tr", [], ["Date", "On the map", "What happened", "Sources"].map { el("th", [("scope", "col")], [.text($0)]) })]),
                el("tbody", [], rows),
            ]),
        ] + panels)
    }

    /// The heading of the small multiples: "By month".
    static func multiplesHeading(_ p: Period) -> String { "By \(p.rawValue)" }

    /// Said under the small multiples.
    static func multiplesCaption(_ p: Period) -> String {
        "One map per \(p.rawValue), each with only that \(p.rawValue)'s incidents, all in the same projection, extent and scale; an empty panel is a \(p.rawValue) without incidents."
    }

    /// The HTML document as a node tree.
    public func html() -> SVGNode {
        func el(_ n: String, _ a: [(String, String)] = [], _ c: [SVGNode] = []) -> SVGNode { .el(n, a, c) }
        func t(_ s: String) -> SVGNode { .text(s) }
        var rowsNodes: [SVGNode] = []
        for r in rows() {
            let claims: SVGNode = r.claims.isEmpty ? t("–") : el("ul", [("class", "claims")], r.claims.map { el("li", [], [el("strong", [], [t($0.by + ":")]), t(" " + $0.statement)]) })
            let sourceNodes = ReportBuilder.sourceNodes(r.sources)
            rowsNodes.append(el("tr", [], [
                el("td", [("class", "num")], [t(String(r.number))]), el("td", [], [t(r.date)]), el("td", [], [t(r.reported)]),
                el("td", [], [t(r.placedAt)]), el("td", [], [t(r.country)]), el("td", [("class", "num")], [t(r.border)]),
                el("td", [], [t(r.kind)]), el("td", [], [t(r.actor)]), el("td", [], [claims]), el("td", [], sourceNodes),
            ]))
        }
        let headers = ["#", "Date", "Place as reported", "Placed at (gazetteer entry, precision)", "Province, country", "To the border",
                       "Kind", "Actor", "Claims (who claims what)", "Sources"]
        var method: [SVGNode] = [
            el("h2", [], [t("How this map was made")]),
            el("h3", [], [t("Placing the incidents")]),
            el("ol", [], placementNotes().map { el("li", [], [t(String($0.drop { $0 != " " }.dropFirst()))]) }),
            el("h3", [], [t("Data, licences and measurements")]),
            el("ul", [], dataNotes().map { el("li", [], [t($0)]) }),
            el("h3", [], [t("Projection")]),
            el("p", [], [t("Map CRS: \(map.crsName ?? RenderJob.crsName(request)) (\(map.georeference.crs)).")]),
        ]
        if let wkt = map.wkt {
            method.append(el("details", [], [el("summary", [], [t("The CRS as WKT")]), el("pre", [], [t(wkt)])]))
        }
        let outlets = outlets()
        return el("html", [("lang", "en")], [
            el("head", [], [
                el("meta", [("charset", "utf-8")]),
                el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                el("title", [], [t(title)]),
                el("style", [], [t(ReportBuilder.css)]),
            ]),
            el("body", [], [
                el("header", [], [el("h1", [], [t(title)]), el("p", [("class", "subtitle")], [t(subtitle)])]),
                el("figure", [], [map.root, el("figcaption", [], [t("Map: incidents as placed by incidentmap; halos show approximate locations, arrows the direction from a strike's origin. Figures are claims, attributed to who makes them.")])]),
                el("section", [("id", "incidents")], [
                    el("h2", [], [t("Incidents")]),
                ] + (tableNote.map { [el("p", [("class", "note")], [t($0)])] } ?? []) + [
                    el("table", [], [
                        el("thead", [], [el("tr", [], headers.map { el("th", [("scope", "col")], [t($0)]) })]),
                        el("tbody", [], rowsNodes),
                    ]),
                ]),
                chronologyHTML(),
                el("section", [("id", "method")], method),
                el("footer", [], [
                    el("p", [], [t("Incident sources: " + (outlets.isEmpty ? "none given" : outlets.joined(separator: "; ")) + ". Casualty figures are the claims of the parties named, not verified.")]),
                    el("p", [], [t((gazetteer.credits + ["Made with incidentmap."]).joined(separator: " "))]),
                ]),
            ]),
        ])
    }

    // MARK: Markdown

    /// Escapes text for a Markdown table cell or paragraph: no markup, no raw HTML, no link syntax.
    static func md(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            // Brackets are escaped, so parentheses cannot complete a link; emphasis and code marks are escaped.
            case "\\", "`", "*", "_", "[", "]", "~": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// The Markdown report, referring to `map.svg` (and `map.png` when `hasPNG`).
    public func markdown(hasPNG: Bool) -> String {
        var s = "# \(ReportBuilder.md(title))\n\n\(ReportBuilder.md(subtitle))\n\n"
        s += "![Map: \(ReportBuilder.md(title))](map.svg)\n\n"
        if hasPNG { s += "PNG version for tools that do not show SVG: [map.png](map.png)\n\n" }
        s += "## Incidents\n\n" + (tableNote.map { ReportBuilder.md($0) + "\n\n" } ?? "") + "| # | Date | Place as reported | Placed at | Province, country | To the border | Kind | Actor | Claims | Sources |\n"
        s += "|---:|---|---|---|---|---:|---|---|---|---|\n"
        for r in rows() {
            let claims = r.claims.isEmpty ? "–" : r.claims.map { "**\(ReportBuilder.md($0.by)):** \(ReportBuilder.md($0.statement))" }.joined(separator: "<br>")
            let sources = r.sources.isEmpty ? "–" : r.sources.map { src -> String in
                let label = ReportBuilder.md(src.title.map { "\(src.outlet): \($0)" } ?? src.outlet)
                if let url = ReportBuilder.safeURL(src.url) {
                    let safe = url.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
                    return "[\(label)](\(safe))"
                }
                return label
            }.joined(separator: "; ")
            let cells = [String(r.number), ReportBuilder.md(r.date), ReportBuilder.md(r.reported), ReportBuilder.md(r.placedAt),
                         ReportBuilder.md(r.country), ReportBuilder.md(r.border), ReportBuilder.md(r.kind), ReportBuilder.md(r.actor), claims, sources]
            s += "| " + cells.joined(separator: " | ") + " |\n"
        }
        s += "\n## Chronology\n\n"
        if map.timeline != nil { s += "![Timeline: \(ReportBuilder.md(title))](timeline.svg)\n\n\(ReportBuilder.md(ReportBuilder.timelineCaption))\n\n" }
        s += "| Date | On the map | What happened | Sources |\n|---|---|---|---|\n"
        for e in chronology() {
            let sources = e.sources.isEmpty ? "–" : e.sources.map { src in ReportBuilder.md(src.title.map { "\(src.outlet): \($0)" } ?? src.outlet) }.joined(separator: "; ")
            s += "| \(ReportBuilder.md(e.date)) | \(ReportBuilder.md(e.mark)) | \(ReportBuilder.md(e.what)) | \(sources) |\n"
        }
        if let m = multiples {
            s += "\n### \(ReportBuilder.multiplesHeading(m.period))\n\n![\(ReportBuilder.md(ReportBuilder.multiplesHeading(m.period)))](\(ReportJob.multiplesFile(m.period)))\n\n\(ReportBuilder.md(ReportBuilder.multiplesCaption(m.period)))\n"
        }
        s += "\n## How this map was made\n\n### Placing the incidents\n\n"
        for line in placementNotes() { s += ReportBuilder.md(line) + "\n" }
        s += "\n### Data, licences and measurements\n\n"
        for line in dataNotes() { s += "- \(ReportBuilder.md(line))\n" }
        s += "\n### Projection\n\nMap CRS: \(ReportBuilder.md(map.crsName ?? RenderJob.crsName(request))) (`\(map.georeference.crs.replacingOccurrences(of: "`", with: "'"))`).\n\n"
        let outlets = outlets()
        s += "---\n\nIncident sources: \(ReportBuilder.md(outlets.isEmpty ? "none given" : outlets.joined(separator: "; "))). Casualty figures are the claims of the parties named, not verified.\n\n"
        s += (gazetteer.credits + ["Made with incidentmap."]).joined(separator: " ") + "\n"
        return s
    }
}

/// Runs `incidentmap report`: the map and the report written together, atomically.
public enum ReportJob {
    /// Writes the report into `request.output` (a directory); returns the files written.
    public static func run(_ request: RenderRequest, format: ReportFormat) throws -> (written: [String], warnings: [InputProblem]) {
        guard let dir = request.output else { throw OutputError(path: "-o", message: "report needs -o DIR") }
        // The same stream and map as `render`; the table keeps the first incidents whole.
        let stream = try IncidentStream(request, measuresDetail: false)
        let collector = MapCollector(), table = ReportTable()
        try stream.run(sinks: [collector, table])
        try RenderJob.finished(stream)
        var run = RenderJob.incidents(stream, map: collector)
        // The chronology's strip is drawn apart from the map, which stays as `render` draws it.
        let map = try collector.map(run, request, timeline: .apart)
        let multiples = try RenderJob.reportMultiples(collector, run, request)
        run.incidents = stream.completed(table.incidents)
        var builder = ReportBuilder(run: run, countries: collector.countries, request: request, map: map)
        builder.multiples = multiples
        var files: [(String, Data)] = []
        switch format {
        case .html:
            files.append(("report.html", Data(HTMLSerializer.document(builder.html()).utf8)))
        case .markdown:
            files.append(("map.svg", Data(map.svg.utf8)))
            if let strip = map.timeline { files.append(("timeline.svg", Data(SVGSerializer.document(strip).utf8))) }
            if let m = multiples { files.append((multiplesFile(m.period), Data(SVGSerializer.document(m.root).utf8))) }
            let png = rasterize(map.svg)
            if let png { files.append(("map.png", png)) }
            files.append(("report.md", Data(builder.markdown(hasPNG: png != nil).utf8)))
        }
        try AtomicOutput.writeDirectory(files, to: dir)
        return (files.map { dir + "/" + $0.0 }, stream.shownWarnings)
    }

    /// The Markdown report's file of small multiples: `by-month.svg`.
    static func multiplesFile(_ p: Period) -> String { "by-\(p.rawValue).svg" }

    /// A PNG of the SVG through rsvg-convert, when it is installed; nil otherwise.
    static func rasterize(_ svg: String) -> Data? {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        do { try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true) } catch { return nil }
        let input = tmp.appendingPathComponent("map.svg"), output = tmp.appendingPathComponent("map.png")
        guard (try? Data(svg.utf8).write(to: input)) != nil else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["rsvg-convert", "-w", "1600", "-o", output.path, input.path]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return try? Data(contentsOf: output)
    }
}
