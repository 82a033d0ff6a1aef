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
    /// Names, dates and words in the report's language (`--lang`).
    let names: SceneBuilder
    var language: MapLanguage { request.language }
    /// Small multiples by period, when the incidents span more than one month.
    var multiples: (period: Period, root: SVGNode)?

    /// Creates a builder for the incidents `run` holds (the table's), of `run.total` in all.
    public init(run: RunIncidents, countries: Set<String>, request: RenderRequest, map: RenderedMap) {
        self.run = run
        self.request = request
        self.map = map
        title = RenderJob.title(run, countries: countries, request)
        names = SceneBuilder(gazetteer: run.gazetteer, language: request.language)
    }

    /// A count as the language writes it (English's report has always written it ungrouped).
    func count(_ n: Int) -> TextValue { language == .en ? .plain(n) : .number(n) }

    func text(_ key: ReportText, _ values: [String: TextValue] = [:]) -> String { key.text(in: language, values) }

    var gazetteer: Gazetteer { run.gazetteer }

    /// Said above the table when it lists only some of the incidents.
    var tableNote: String? {
        guard run.incidents.count < run.total else { return nil }
        return text(.tableNote, ["shown": count(run.incidents.count), "total": count(run.total)])
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
                placed = "\(names.entryName(e)) (\(e.id))"
            } else {
                placed = "\(NumberFormat.fixed(r.point.lat, 4)), \(NumberFormat.fixed(r.point.lon, 4)) (\(text(.coordinatesGiven)))"
            }
            // A unit placed by its name is the precision: "province" said of Sudan or Scotland is not.
            if !r.placedByUnitName { placed += language.comma + names.precisionWord(r.precision) }
            let country = [names.provinceName(r), names.countryName(r.country)].compactMap { $0 }.joined(separator: language.comma)
            let border = r.border.map { language == .en ? "\(NumberFormat.fixed($0.distanceKm, 1)) km (\($0.borderID))"
                : "\(language.decimal($0.distanceKm, 1)) \(language.ui.km) (\($0.borderID))" } ?? "–"
            return Row(number: n + 1, date: date(i.date) + (i.date.time.map { language.comma + $0 } ?? ""), reported: i.place.isEmpty ? "–" : i.place,
                       placedAt: placed, country: country.isEmpty ? "–" : country, border: border, kind: SceneBuilder.kindText(i.kind, language),
                       actor: i.actor ?? "–", claims: i.claims.map { (names.claimant($0.by), names.statement($0)) }, sources: i.sources)
        }
    }

    /// How each incident was placed, one line each, in the report's language around the audit
    /// trail (the query, the names, ids and match kinds, the runners-up) as the gazetteer writes it.
    func placementNotes() -> [String] {
        // A precision's word in the language (English keeps the layers' codes: near, district, country).
        let precision = { (name: String) in
            self.language == .en ? name : IncidentText(rawValue: name)?.text(in: self.language) ?? ReportText(rawValue: name)?.text(in: self.language) ?? name
        }
        let score = { (x: Double) in self.language == .en ? String(format: "%.3f", x) : self.language.decimal(x, 3) }
        return ordered.enumerated().map { n, r in
            let id = TextValue.text(r.incident.id)
            guard let rec = r.resolution else {
                return "\(n + 1). " + text(.noteCoordinates, ["id": id, "input": .text("\(r.incident.location)"), "precision": .text(precision(r.precision.rawValue))])
            }
            let context = rec.context.isEmpty ? "" : " (" + text(.noteContext, ["context": .text(rec.context.joined(separator: language.comma))]) + ")"
            var s = "\(n + 1). " + text(.noteName, ["id": id, "query": .text(rec.query), "context": .text(context), "matched": .text(rec.matched),
                                                    "match": .text(rec.match), "name": .text(rec.name), "entry": .text(rec.id),
                                                    "source": .text(rec.source), "score": .text(score(rec.score)), "count": .number(rec.candidates)])
            if rec.near { s += language.semicolon + text(.noteNear) }
            if rec.acceptedAmbiguous { s += language.semicolon + text(.noteAccepted) }
            s += language.semicolon + text(.noteLocation, ["precision": .text(precision(r.locationPrecisionName))]) + language.stop
            let others = r.otherCandidates.map { text(.runnerUp, ["candidate": .text($0.description), "score": .text(score($0.score))]) }
            if !others.isEmpty { s += " " + text(.noteAlsoWeighed, ["list": .text(others.joined(separator: language.semicolon))]) }
            return s
        }
    }

    func dataNotes() -> [String] {
        // Dataset names and versions come with the data (sources.json).
        var notes: [String] = []
        // The words around them in the report's language (the data build's own wordings recognised,
        // as the map's attribution does); the descriptions as the data gives them.
        let dataset = { (s: String) in TextValue.text(AttributionText.translated(s, in: self.language)) }
        if let c = gazetteer.source("countries") {
            let published = AttributionText.translated(c.credit, in: language)
            let credit = published.prefix(1).lowercased() + published.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: ".۔"))
            notes.append(text(.dataCountries, ["dataset": dataset(c.long), "licence": .text(AttributionText.licence(c.licence, in: language)),
                                               "credit": .text(credit)]))
        }
        if let p = gazetteer.source("provinces") { notes.append(AttributionText.provinces.text(in: language, ["dataset": dataset(p.long)])) }
        if let p = gazetteer.source("places") { notes.append(AttributionText.places.text(in: language, ["dataset": dataset(p.long)])) }
        // The table names each entry as `entryName` does: a major city as CLDR does in the report's
        // language ("Téhéran").
        let entries = ordered.compactMap(\.entry)
        if let credit = names.cityNamesCredit(entries, in: entries.map(names.entryName)) { notes.append(credit) }
        notes.append(text(.dataProjection))
        // The borders a tenth or more of the incidents are nearest to, three at most.
        for b in BorderFocus.borders(of: run.incidents, in: gazetteer, share: 0.1).prefix(3) {
            let name = language == .en ? b.name : b.countries.compactMap(names.countryName).joined(separator: "–")
            let length = language == .en ? NumberFormat.fixed(b.lengthKm, 1) : language.decimal(b.lengthKm, 1)
            notes.append(text(.dataBorder, ["border": .text(name), "length": .text(length), "dataset": .text(b.dataset)]))
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
        guard language == .en else {
            let day = { (c: CalendarDate) in self.language.day(year: c.year, month: c.month, day: c.day) }
            return (first == last ? day(first) : "\(day(first)) – \(day(last))") + " · " + UIText.format(language.ui.incidentsCount, run.total, language)
        }
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
            let kind = SceneBuilder.kindText(i.kind, language)
            var what = i.actor.map { text(.whatBy, ["kind": .text(kind), "actor": .text($0)]) } ?? kind
            if !i.place.isEmpty { what += language.comma + i.place }
            if let c = names.countryName(r.country) { what += " (\(c))" }
            what += language.semicolon + text(.rowOfTable, ["row": count(n + 1)])
            let mark = map.keyNumbers[i.id].map { text(.marker, ["n": count($0)]) } ?? text(.colOnMap)
            entries.append((i.date.start, 0, ChronologyEntry(date: date(i.date), mark: mark, what: what, sources: i.sources)))
        }
        for (label, e) in SceneBuilder.lettered(run.events) {
            entries.append((e.date.start, 1, ChronologyEntry(date: date(e.date), mark: text(.eventOnly, ["label": .text(label)]), what: e.text, sources: e.sources)))
        }
        return entries.enumerated().sorted { ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset) }.map(\.element.2)
    }

    /// A date as the report's language writes it.
    func date(_ d: IncidentDate) -> String { language == .en ? d.displayText : names.localDateText(d) }

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
    .wide { overflow-x: auto; } section { margin-top: 2em; } pre { white-space: pre-wrap; font-size: 0.75em; background: #f7f5f0; padding: 0.5em; }
    footer { margin-top: 2em; font-size: 0.8em; color: #5f594f; }
    @media print { body { margin: 0; max-width: none; } .wide { overflow: visible; } figure, tr { break-inside: avoid; } a { color: inherit; } a[href]::after { content: " <" attr(href) ">"; font-size: 0.8em; } details { display: block; } }
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

    /// What the chronology's strip is: marks of incidents, or bars of their counts.
    var timelineCaption: String { text(map.timelineCounts ? .timelineCountsCaption : .timelineCaption) }

    /// The chronology section: the strip (when the map could draw one) and the table by date.
    func chronologyHTML() -> SVGNode {
        func el(_ n: String, _ a: [(String, String)] = [], _ c: [SVGNode] = []) -> SVGNode { .el(n, a, c) }
        let rows = chronology().map { e in
            el("tr", [], [el("td", [], [.text(e.date)]), el("td", [], [.text(e.mark)]), el("td", [], [.text(e.what)]), el("td", [], ReportBuilder.sourceNodes(e.sources))])
        }
        let strip: [SVGNode] = map.timeline.map { [el("figure", [], [$0, el("figcaption", [], [.text(timelineCaption)])])] }
            ?? [el("p", [("class", "note")], [.text(text(.timelineNotDrawn, ["limit": count(MapCollector.detailLimit)]))])]
        let panels: [SVGNode] = multiples.map { m in
            [el("h3", [], [.text(multiplesHeading(m.period))]),
             el("figure", [], [m.root, el("figcaption", [], [.text(multiplesCaption(m.period))])])]
        } ?? []
        return el("section", [("id", "chronology")], [el("h2", [], [.text(text(.chronologyHeading))])] + strip + [
            el("div", [("class", "wide")], [el("table", [], [
                el("thead", [], [el("tr", [], [text(.colDate), text(.colOnMap), text(.colWhat), text(.colSources)].map { el("th", [("scope", "col")], [.text($0)]) })]),
                el("tbody", [], rows),
            ])]),
        ] + panels)
    }

    /// The heading of the small multiples: "By month".
    func multiplesHeading(_ p: Period) -> String {
        let key: ReportText = switch p {
        case .day: .byDay
        case .week: .byWeek
        case .month: .byMonth
        case .quarter: .byQuarter
        case .year: .byYear
        }
        return text(key)
    }

    /// Said under the small multiples.
    func multiplesCaption(_ p: Period) -> String {
        text(.multiplesCaption, ["period": .text(language == .en ? p.rawValue : multiplesHeading(p).lowercased())])
    }

    /// The HTML document as a node tree.
    public func html() -> SVGNode {
        func el(_ n: String, _ a: [(String, String)] = [], _ c: [SVGNode] = []) -> SVGNode { .el(n, a, c) }
        func t(_ s: String) -> SVGNode { .text(s) }
        var rowsNodes: [SVGNode] = []
        for r in rows() {
            let claims: SVGNode = r.claims.isEmpty ? t("–") : el("ul", [("class", "claims")], r.claims.map { el("li", [], [el("strong", [], [t($0.by + language.colon.dropLast())]), t(" " + $0.statement)]) })
            let sourceNodes = ReportBuilder.sourceNodes(r.sources)
            rowsNodes.append(el("tr", [], [
                el("td", [("class", "num")], [t(String(r.number))]), el("td", [], [t(r.date)]), el("td", [], [t(r.reported)]),
                el("td", [], [t(r.placedAt)]), el("td", [], [t(r.country)]), el("td", [("class", "num")], [t(r.border)]),
                el("td", [], [t(r.kind)]), el("td", [], [t(r.actor)]), el("td", [], [claims]), el("td", [], sourceNodes),
            ]))
        }
        let headers = ["#", text(.colDate), text(.colReported), text(.colPlacedAt), text(.colWhere), text(.colBorder),
                       text(.colKind), text(.colActor), text(.colClaims), text(.colSources)]
        var method: [SVGNode] = [
            el("h2", [], [t(text(.howMade))]),
            el("h3", [], [t(text(.placing))]),
            el("ol", [], placementNotes().map { el("li", [], [t(String($0.drop { $0 != " " }.dropFirst()))]) }),
            el("h3", [], [t(text(.dataLicences))]),
            el("ul", [], dataNotes().map { el("li", [], [t($0)]) }),
            el("h3", [], [t(text(.projectionHeading))]),
            el("p", [], [t(text(.mapCRS, ["name": .text(map.crsName ?? RenderJob.crsName(request, language)), "crs": .text(map.georeference.crs)]))]),
        ]
        if let wkt = map.wkt {
            method.append(el("details", [], [el("summary", [], [t(text(.crsWKT))]), el("pre", [], [t(wkt)])]))
        }
        let outlets = outlets()
        // A right-to-left report reads from the right, its tables and placing notes too (the WKT,
        // which is Latin code, keeps its own direction). The map lays out its own right-to-left
        // text: inheriting the page's direction would turn its anchors round and push its title
        // out of the frame.
        let rtl = language.isRightToLeft
        let direction: [SVGNode] = rtl ? [el("style", [], [t("th, td { text-align: right; } td.num { text-align: left; } pre { direction: ltr; text-align: left; } svg { direction: ltr; }")])] : []
        return el("html", [("lang", language.rawValue)] + (rtl ? [("dir", "rtl")] : []), [
            el("head", [], [
                el("meta", [("charset", "utf-8")]),
                el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                el("title", [], [t(title)]),
                el("style", [], [t(ReportBuilder.css)]),
            ] + direction),
            el("body", [], [
                el("header", [], [el("h1", [], [t(title)]), el("p", [("class", "subtitle")], [t(subtitle)])]),
                el("figure", [], [map.root, el("figcaption", [], [t(text(.figcaption))])]),
                el("section", [("id", "incidents")], [
                    el("h2", [], [t(IncidentText.title.text(in: language))]),
                ] + (tableNote.map { [el("p", [("class", "note")], [t($0)])] } ?? []) + [
                    // A table wider than the window scrolls in its box; the page keeps its width.
                    el("div", [("class", "wide")], [el("table", [], [
                        el("thead", [], [el("tr", [], headers.map { el("th", [("scope", "col")], [t($0)]) })]),
                        el("tbody", [], rowsNodes),
                    ])]),
                ]),
                chronologyHTML(),
                el("section", [("id", "method")], method),
                el("footer", [], [
                    el("p", [], [t(text(.incidentSources, ["outlets": .text(outlets.isEmpty ? text(.noneGiven) : outlets.joined(separator: language.semicolon))]))]),
                    el("p", [], [t(credits)]),
                ]),
            ]),
        ])
    }

    /// The data's credits (in the language where they take the data build's wordings) and the tool's.
    var credits: String {
        (gazetteer.credits.map { AttributionText.translated($0, in: language) } + [text(.madeWith)]).joined(separator: " ")
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
        s += "![\(ReportBuilder.md(text(.mapAlt, ["title": .text(title)])))](map.svg)\n\n"
        if hasPNG { s += "\(ReportBuilder.md(text(.pngNote))) [map.png](map.png)\n\n" }
        let headers = ["#", text(.colDate), text(.colReported), text(.colPlacedAtShort), text(.colWhere), text(.colBorder), text(.colKind),
                       text(.colActor), text(.colClaimsShort), text(.colSources)].map(ReportBuilder.md)
        s += "## \(ReportBuilder.md(IncidentText.title.text(in: language)))\n\n" + (tableNote.map { ReportBuilder.md($0) + "\n\n" } ?? "") + "| " + headers.joined(separator: " | ") + " |\n"
        s += "|---:|---|---|---|---|---:|---|---|---|---|\n"
        for r in rows() {
            let claims = r.claims.isEmpty ? "–" : r.claims.map { "**\(ReportBuilder.md($0.by))\(language.colon.dropLast())** \(ReportBuilder.md($0.statement))" }.joined(separator: "<br>")
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
        s += "\n## \(ReportBuilder.md(text(.chronologyHeading)))\n\n"
        if map.timeline != nil { s += "![\(ReportBuilder.md(text(.timelineAlt, ["title": .text(title)])))](timeline.svg)\n\n\(ReportBuilder.md(timelineCaption))\n\n" }
        s += "| " + [text(.colDate), text(.colOnMap), text(.colWhat), text(.colSources)].map(ReportBuilder.md).joined(separator: " | ") + " |\n|---|---|---|---|\n"
        for e in chronology() {
            let sources = e.sources.isEmpty ? "–" : e.sources.map { src in ReportBuilder.md(src.title.map { "\(src.outlet): \($0)" } ?? src.outlet) }.joined(separator: "; ")
            s += "| \(ReportBuilder.md(e.date)) | \(ReportBuilder.md(e.mark)) | \(ReportBuilder.md(e.what)) | \(sources) |\n"
        }
        if let m = multiples {
            s += "\n### \(multiplesHeading(m.period))\n\n![\(ReportBuilder.md(multiplesHeading(m.period)))](\(ReportJob.multiplesFile(m.period)))\n\n\(ReportBuilder.md(multiplesCaption(m.period)))\n"
        }
        s += "\n## \(ReportBuilder.md(text(.howMade)))\n\n### \(ReportBuilder.md(text(.placing)))\n\n"
        for line in placementNotes() { s += ReportBuilder.md(line) + "\n" }
        s += "\n### \(ReportBuilder.md(text(.dataLicences)))\n\n"
        for line in dataNotes() { s += "- \(ReportBuilder.md(line))\n" }
        let crs = "`\(map.georeference.crs.replacingOccurrences(of: "`", with: "'"))`"
        s += "\n### \(ReportBuilder.md(text(.projectionHeading)))\n\n" + text(.mapCRS, ["name": .text(ReportBuilder.md(map.crsName ?? RenderJob.crsName(request, language))), "crs": .text(crs)]) + "\n\n"
        let outlets = outlets()
        s += "---\n\n" + text(.incidentSources, ["outlets": .text(ReportBuilder.md(outlets.isEmpty ? text(.noneGiven) : outlets.joined(separator: language.semicolon)))]) + "\n\n"
        s += credits + "\n"
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
        let collector = MapCollector(countsDays: true, keepsDays: true), table = ReportTable()
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
