import Foundation
import Gazetteer
import Geometry
import Incidents
import Rendering

/// Turns resolved incidents and the gazetteer into a `MapScene`.
public struct SceneBuilder {
    let gazetteer: Gazetteer
    /// Ids of incidents to label whatever else the map shows (`--label ID`).
    var pinned: Set<String> = []
    /// The language of the map's names and dates.
    var language: MapLanguage = .en

    /// Creates a builder.
    public init(gazetteer: Gazetteer, pinned: Set<String> = [], language: MapLanguage = .en) {
        self.gazetteer = gazetteer
        self.pinned = pinned
        self.language = language
    }

    /// The name of an area or place in the map's language, from its names (the local one first).
    func localName(_ names: [String]) -> String? {
        language == .en ? nil : LocalNames.pick(names, language: language)
    }

    /// The scene for `incidents`, titled `title`.
    public func scene(_ incidents: [ResolvedIncident], title: String, crsName: String, command: String?) -> MapScene {
        let sorted = incidents.enumerated().sorted { a, b in
            (a.element.incident.date.start, a.offset) < (b.element.incident.date.start, b.offset)
        }.map(\.element)
        let focus = Set(incidents.compactMap(\.country))
        let countries = zip(gazetteer.countries, gazetteer.overviews).map { c, overview in
            var area = SceneArea(id: c.id, name: c.name, geometry: c.geometry, focus: focus.contains(c.id), overview: overview)
            area.localName = localName((c.localName.map { [$0] } ?? []) + c.alternateNames)
            return area
        }
        let provinces = gazetteer.provinces.map { r in
            var area = SceneArea(id: r.id, name: r.name, geometry: r.geometry)
            area.localName = localName((r.localName.map { [$0] } ?? []) + r.alternateNames)
            return area
        }
        let borders = gazetteer.borders.map { b in
            SceneBorder(id: b.id, name: b.name, lines: b.lines, emphasis: b.countries.allSatisfy(focus.contains),
                        disputed: b.disputed, featureClass: b.featureClass)
        }
        let places = gazetteer.referenceTowns(minimumPopulation: 5_000, within: LayerBuilder.neighbourhood(of: incidents.map(\.point)))
            .map { e in
                var place = ScenePlace(name: e.name, location: e.location, population: e.population, capital: e.isCapital)
                place.localName = localName(e.alternateNames)
                return place
            }
        let items = sorted.enumerated().map { n, r in sceneIncident(r, number: n + 1) }
        var scene = MapScene(title: title, subtitle: subtitle(sorted), summary: summary(sorted, items: items),
                             attribution: attribution(sorted, crsName: crsName), countries: countries, provinces: provinces,
                             borders: borders, places: places, incidents: items, command: command)
        scene.water = Water.near(gazetteer)
        scene.worldview = gazetteer.worldview.map { SceneWorldview(code: $0.code, country: $0.countryName, isDefault: $0.isDefault) }
        return scene
    }

    func countryName(_ code: String?) -> String? {
        guard let code else { return nil }
        return gazetteer.country(code: code)?.name ?? code
    }

    /// "Sabz Koh, Panjgur" style place line: the reported name's first part and the resolved context.
    func placeTitle(_ r: ResolvedIncident) -> String {
        // An incident known only by its point is named after its province, else shown by its coordinates.
        let reported = r.incident.place.isEmpty ? (r.entry?.name ?? r.provinceName ?? "\(r.point.lat), \(r.point.lon)") : r.incident.place
        let country = r.country ?? ""
        return reported.count > 42 ? String(reported.prefix(40)) + "…" + (country.isEmpty ? "" : " (\(country))")
            : reported + (country.isEmpty ? "" : " (\(country))")
    }

    func sceneIncident(_ r: ResolvedIncident, number: Int) -> SceneIncident {
        let i = r.incident
        let title = placeTitle(r)
        var detail = "\(dateText(i.date)) · \(i.kind)"
        if let actor = i.actor { detail += " by \(actor)" }
        if detail.count > 64 { detail = String(detail.prefix(62)) + "…" }
        var item = SceneIncident(id: i.id, location: r.point, number: number, title: title, detail: detail,
                                 keyText: keyText(r), style: MarkerStyle(rawValue: i.category.rawValue) ?? .other,
                                 uncertaintyKm: r.precision.radiusKm, origin: r.origin, originLabel: r.originName,
                                 importance: i.claims.compactMap(\.killed).max() ?? 0)
        item.killed = item.importance
        item.kinds = [KindCount(kind: i.kind, count: 1)]
        item.dateKey = i.date.start.description
        item.dateText = language == .en ? i.date.start.shortText : isolated(language.day(year: i.date.start.year, month: i.date.start.month, day: i.date.start.day))
        item.days = SceneBuilder.days(i.date)
        item.pinned = i.wantsLabel || pinned.contains(i.id)
        return item
    }

    /// A date as the map's language writes it (English: `IncidentDate.displayText`, unchanged).
    /// Right-to-left dates are framed by right-to-left marks (U+200F; the SVG writer drops the
    /// isolate and override controls, which input could abuse), since they stand in lines of the
    /// input's words: inside a Latin line the date still reads right to left as one run
    /// ("۱۶ ژانویه ۲۰۲۴"), its numbers not pulled apart by the line's order.
    func dateText(_ d: IncidentDate) -> String {
        guard language != .en else { return d.displayText }
        return isolated(localDateText(d))
    }

    /// `text` between right-to-left marks on a right-to-left map.
    func isolated(_ text: String) -> String {
        language.isRightToLeft ? "\u{200F}" + text + "\u{200F}" : text
    }

    func localDateText(_ d: IncidentDate) -> String {
        let day = { (c: CalendarDate) in language.day(year: c.year, month: c.month, day: c.day) }
        switch d.precision {
        case .day: return day(d.start)
        case .month: return language.digits("\(language.monthNames[d.start.month - 1]) \(d.start.year)")
        case .year: return language.digits(String(d.start.year))
        case .range: return "\(day(d.start)) – \(day(d.end))"
        }
    }

    /// The days a date covers, as the timeline counts them.
    static func days(_ d: IncidentDate) -> ClosedRange<Int> {
        d.start.dayNumber...max(d.start.dayNumber, d.end.dayNumber)
    }

    /// The events by date, each with its letter: A–Z, then AA, AB, ….
    static func lettered(_ events: [TimelineEvent]) -> [(String, TimelineEvent)] {
        func letter(_ i: Int) -> String {
            let a = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            return i < 26 ? String(a[i]) : letter(i / 26 - 1) + String(a[i % 26])
        }
        return events.enumerated().sorted { ($0.element.date.start, $0.offset) < ($1.element.date.start, $1.offset) }
            .enumerated().map { (letter($0.offset), $0.element.element) }
    }

    /// The timeline of a map: its month names and the events without a place, lettered by date.
    public func timeline(_ events: [TimelineEvent]) -> SceneTimeline {
        SceneTimeline(monthNames: CalendarDate.monthNames, events: SceneBuilder.lettered(events).map { label, e in
            SceneEvent(label: label, days: SceneBuilder.days(e.date), dateText: e.date.displayText, text: e.text, sources: e.sources.map(\.outlet))
        })
    }

    /// The key entry: what, where, who, every claim with who makes it, and the sources.
    func keyText(_ r: ResolvedIncident) -> String {
        let i = r.incident
        var where_ = i.place.isEmpty ? (r.entry?.name ?? "") : i.place
        var context: [String] = []
        if let p = r.provinceName { context.append(p) }
        if let c = countryName(r.country) { context.append(c) }
        if !context.isEmpty { where_ += where_.isEmpty ? context.joined(separator: ", ") : " (\(context.joined(separator: ", ")))" }
        var s = "\(dateText(i.date)) — \(where_): \(i.kind)"
        if let a = i.actor { s += " by \(a)" }
        if let t = i.target { s += "; target: \(t)" }
        s += "."
        if !i.claims.isEmpty {
            s += " " + i.claims.map { "\($0.by): \($0.statement)." }.joined(separator: " ")
        }
        if r.precision != .exact { s += " Location \(r.precision.rawValue) (±\(NumberFormat.fixed(r.precision.radiusKm, 0)) km)." }
        if let b = r.border {
            // A disputed stretch's id is the pair and its class ("IN-PK.line-of-control").
            let parts = b.borderID.split(separator: ".", maxSplits: 1)
            s += parts.count == 2 ? " \(NumberFormat.fixed(b.distanceKm, 0)) km from the \(parts[0]) boundary (\(parts[1].replacingOccurrences(of: "-", with: " ")))."
                : " \(NumberFormat.fixed(b.distanceKm, 0)) km from the \(b.borderID) border."
        }
        if r.country == nil {
            s += gazetteer.covers(r.point) ? " At sea (in no country's polygon)." : " Outside the bundled data (\(gazetteer.coverageText)): country and border not known."
        }
        if !i.sources.isEmpty { s += " Sources: " + i.sources.map(\.outlet).joined(separator: ", ") + "." }
        return s
    }

    func subtitle(_ incidents: [ResolvedIncident]) -> String {
        guard let first = incidents.first?.incident.date.start, let last = incidents.map(\.incident.date.end).max() else {
            return "No incidents"
        }
        let codes = Array(Set(incidents.compactMap(\.country))).sorted()
        guard language == .en else { return localSubtitle(first: first, last: last, count: incidents.count, countries: codes) }
        let range = first == last ? first.shortText : "\(first.shortText) – \(last.shortText)"
        let countries = codes.compactMap(countryName)
        let n = incidents.count
        // Up to three countries by name; more by their number (the key and the layers name each one).
        let whereText = countries.isEmpty ? "" : countries.count <= 3 ? " in \(NumberFormat.list(countries))" : " in \(countries.count) countries"
        return "\(range) · \(n) incident\(n == 1 ? "" : "s")" + whereText
            + " · figures are claims, attributed"
    }

    /// The subtitle in the map's language: the dates, the count, up to three countries by their
    /// names in that language (else their Latin names), and that figures are claims.
    func localSubtitle(first: CalendarDate, last: CalendarDate, count: Int, countries: [String]) -> String {
        let day = { (c: CalendarDate) in language.day(year: c.year, month: c.month, day: c.day) }
        let ui = language.ui
        var parts = [isolated(first == last ? day(first) : "\(day(first)) – \(day(last))"), UIText.format(ui.incidentsCount, count, language)]
        if !countries.isEmpty && countries.count <= 3 {
            parts.append(countries.map { code in
                let c = gazetteer.country(code: code)
                return c.flatMap { localName(($0.localName.map { [$0] } ?? []) + $0.alternateNames) } ?? c?.name ?? code
            }.joined(separator: language.comma))
        }
        return (parts + [ui.claims]).joined(separator: " · ")
    }

    func summary(_ incidents: [ResolvedIncident], items: [SceneIncident]) -> String {
        var s = "Map of \(incidents.count) incident\(incidents.count == 1 ? "" : "s")"
        let borders = Set(incidents.compactMap { $0.border?.borderID }).sorted()
        if !borders.isEmpty { s += " near the \(borders.joined(separator: ", ")) border" }
        s += ". " + items.map { "\($0.number): \($0.keyText)" }.joined(separator: " ")
        return s
    }

    func attribution(_ incidents: [ResolvedIncident], crsName: String) -> [String] {
        // A pair with a disputed stretch has no one length "as drawn": only wholly international borders are measured here.
        let disputedPairs = Set(gazetteer.borders.filter(\.disputed).map(\.countries))
        let emphasised = gazetteer.borders.filter { b in !disputedPairs.contains(b.countries) && b.countries.allSatisfy(Set(incidents.compactMap(\.country)).contains) }
        // Dataset names and versions come with the data (sources.json).
        var parts: [String] = []
        if let c = gazetteer.source("countries") {
            var part = "Borders and countries: \(c.short) (\(c.licence))"
            if let w = gazetteer.worldview { part += ", \(w.credit)" }
            if let b = emphasised.first { part += "; \(b.name) border as drawn: \(NumberFormat.fixed(b.lengthKm, 1)) km (geodesic, this dataset)" }
            parts.append(part + ".")
        }
        if let p = gazetteer.source("provinces") { parts.append("Provinces: \(p.short).") }
        if let p = gazetteer.source("places") { parts.append("Places: \(p.short).") }
        // Credits not already said in so many words.
        let said = parts.joined(separator: " ").lowercased()
        parts += gazetteer.credits.filter { !said.contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
        let data = parts.joined(separator: " ")
        var outlets: [String] = []
        for r in incidents { for s in r.incident.sources where !outlets.contains(s.outlet) { outlets.append(s.outlet) } }
        var lines = [data, "Projection: \(crsName). Made with incidentmap."]
        if incidents.contains(where: { !gazetteer.covers($0.point) }) {
            lines.insert(gazetteer.coverageNote, at: 1)
        }
        if !outlets.isEmpty { lines.append("Incident sources: \(outlets.joined(separator: "; ")). Casualty figures are the claims of the parties named, not verified.") }
        return lines
    }
}
