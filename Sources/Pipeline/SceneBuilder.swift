import Foundation
import Gazetteer
import Geometry
import Incidents
import Projection
import Rendering

/// Turns resolved incidents and the gazetteer into a `MapScene`.
public struct SceneBuilder {
    let gazetteer: Gazetteer
    /// The outlines that tell how far off the land a point at sea is (made as met).
    let coasts = Coasts()
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

    /// The name of an area or place in the map's language, from its names (the local one first);
    /// `latin` is the entry's romanised local name (a place's or province's, not a country's English one).
    func localName(_ names: [String], latin: String? = nil, country: String? = nil, place: Bool = false) -> String? {
        guard language != .en else { return nil }
        // Whether the entry's country speaks the map's language decides only between Cyrillic names.
        let native = language.script == .cyrillic && country.map(isNativeLanguage) == true
        return LocalNames.pick(names, language: language, latin: latin, native: native, place: place)
    }

    /// A country's, province's or district's name in the map's language: the one a source tags with
    /// that language (Natural Earth's NAME_xx, iso-codes' catalogues; French maps get French names
    /// this way), else the one its letters say is in it (its local name first). A province's or
    /// district's own name is its local name romanised; a country's is English, and says nothing of
    /// which name is its own.
    func localName(of r: Region) -> String? {
        guard language != .en else { return nil }
        if let tagged = r.languageNames[language.rawValue] { return tagged }
        let isCountry = r.id == r.country
        return localName((r.localName.map { [$0] } ?? []) + r.alternateNames, latin: isCountry ? nil : r.name, country: isCountry ? nil : r.country)
    }

    /// Whether the map's language is the one of `country`: its name in its own language (Natural
    /// Earth's NAME_xx of the country's main language) is a name in the map's language.
    func isNativeLanguage(_ country: String) -> Bool {
        guard let local = gazetteer.country(code: country)?.localName else { return false }
        return LocalNames.pick([local], language: language) != nil
    }

    /// The map of `incidents`, titled `title`; its towns are those near `placesNear` (the incidents' points when
    /// nil: an aggregated map passes the corners of its extent, not every town on Earth).
    public func scene(_ incidents: [ResolvedIncident], placesNear: [LonLat]? = nil, title: String, crsName: String, command: String?) -> MapScene {
        let sorted = incidents.enumerated().sorted { a, b in
            (a.element.incident.date.start, a.offset) < (b.element.incident.date.start, b.offset)
        }.map(\.element)
        let focus = Set(incidents.compactMap(\.country))
        let countries = zip(gazetteer.countries, gazetteer.overviews).map { c, overview in
            var area = SceneArea(id: c.id, name: c.name, geometry: c.geometry, focus: focus.contains(c.id), overview: overview)
            area.localName = localName(of: c)
            return area
        }
        let provinces = gazetteer.provinces.map { r in
            var area = SceneArea(id: r.id, name: r.name, geometry: r.geometry)
            area.localName = localName(of: r)
            return area
        }
        let borders = gazetteer.borders.map { b in
            SceneBorder(id: b.id, name: b.name, lines: b.lines, emphasis: b.countries.allSatisfy(focus.contains),
                        disputed: b.disputed, featureClass: b.featureClass)
        }
        let towns = gazetteer.referenceTowns(minimumPopulation: 5_000, within: LayerBuilder.neighbourhood(of: placesNear ?? incidents.map(\.point)))
        let places = towns
            .map { e in
                var place = ScenePlace(name: e.name, location: e.location, population: e.population, capital: e.isCapital)
                place.localName = localName(of: e)
                place.nameCredit = cityNamesCredit([e], in: [place.localName ?? ""])
                return place
            }
        let offsets = TownOffsets(towns: towns)
        // Where every incident on land is in one country, the title and subtitle name it, and a
        // label need not repeat its code ("Tijuana", not "Tijuana (MX)").
        let countryCodes = Set(sorted.compactMap(\.country))
        let items = sorted.enumerated().map { n, r in sceneIncident(r, number: n + 1, offsets: offsets, namesCountry: countryCodes.count > 1) }
        var scene = MapScene(title: title, subtitle: subtitle(sorted), summary: summary(sorted, items: items),
                             attribution: attribution(sorted, crsName: crsName), countries: countries, provinces: provinces,
                             borders: borders, places: places, incidents: items, command: command)
        scene.water = Water.near(gazetteer)
        scene.tollsGiven = sorted.contains { $0.incident.claims.contains { $0.killed != nil } }
        scene.worldview = gazetteer.worldview.map { SceneWorldview(code: $0.code, country: $0.countryName, isDefault: $0.isDefault) }
        return scene
    }

    /// A country's name in the map's language where the data has it, else its Latin name (else its code).
    func countryName(_ code: String?) -> String? {
        guard let code else { return nil }
        guard let c = gazetteer.country(code: code) else { return code }
        return localName(of: c) ?? c.name
    }

    /// The incident's province in the map's language where the data has it, else its Latin name.
    func provinceName(_ r: ResolvedIncident) -> String? {
        guard language != .en, let id = r.province, let p = gazetteer.province(id: id) else { return r.provinceName }
        return localName(of: p) ?? r.provinceName
    }

    /// How precise a location is, in the map's language ("near", "نزدیک").
    func precisionWord(_ p: LocationPrecision) -> String { IncidentText(rawValue: p.rawValue)?.text(in: language) ?? p.rawValue }

    /// The name of the province, region or country an entry stands for, as the map names it
    /// elsewhere (a province's or country's name in the map's language).
    func unitName(_ e: GazetteerEntry) -> String {
        switch e.kind {
        case .country: return countryName(e.country) ?? entryName(e)
        case .admin1: return language == .en ? entryName(e) : gazetteer.province(id: e.id).flatMap(localName(of:)) ?? entryName(e)
        default: return entryName(e)
        }
    }

    /// The gazetteer entry's name in the map's language where the data has it.
    func entryName(_ e: GazetteerEntry) -> String { localName(of: e) ?? e.name }

    /// A gazetteer entry's name in the map's language, or nil: the one CLDR tags with that language
    /// for a major city ("Varsovie", "Тегеран"; French maps have no other source for towns), else
    /// the one its letters say is in it.
    func localName(of e: GazetteerEntry) -> String? {
        guard language != .en else { return nil }
        if let tagged = gazetteer.cityNames.name(of: e.id, language: language.rawValue) { return tagged }
        return localName(e.alternateNames, latin: e.name, country: e.country, place: e.kind == .place)
    }

    /// The attribution line crediting CLDR where one of `texts` shows the name CLDR gives one of
    /// `entries` (other than its Latin name), else nil. The renderer adds it where the map draws
    /// such a name (a town's label, an incident's), as it credits the rivers where it draws some.
    func cityNamesCredit(_ entries: [GazetteerEntry], in texts: [String]) -> String? {
        guard language != .en else { return nil }
        let shown = entries.contains { e in
            guard let name = gazetteer.cityNames.name(of: e.id, language: language.rawValue), name != e.name else { return false }
            return texts.contains { $0.contains(name) }
        }
        return shown ? AttributionText.cityNames.text(in: language, ["dataset": .text(CityNames.dataset)]) : nil
    }

    /// "40°E–80°E, 12°N–42°N": what the bundled data covers, in the map's language.
    var coverageText: String {
        guard language != .en else { return gazetteer.coverageText }
        let c = gazetteer.coverage
        let range = { (a: Double, b: Double, latitude: Bool) in
            GeoText.degrees(a, decimals: 0, latitude: latitude, in: language) + "–" + GeoText.degrees(b, decimals: 0, latitude: latitude, in: language)
        }
        return range(c.minX, c.maxX, false) + language.comma + range(c.minY, c.maxY, true)
    }

    /// The place as the map names it: as the source wrote it, unless none of its letters are of the
    /// map's script and the text is the name the gazetteer placed it by (before any ", context");
    /// then the place's name in the map's language, and `reported` is what the source wrote (the
    /// key gives both). "လားရှိုး" on an English map is "Lashio"; "Saravan" on a Persian one
    /// "سراوان" where the data has it. A phrase around the name ("a border village near Saravan")
    /// says more than the name and stays as written.
    func placeName(_ r: ResolvedIncident) -> (name: String, reported: String?) {
        let written = r.incident.place
        guard !written.isEmpty, !hasMapScriptLetter(written), let e = r.entry, let matched = r.resolution?.matched else { return (written, nil) }
        let head = String(written.split(separator: ",", maxSplits: 1).first ?? "")
        let keys = { (name: String) in Set([name, NameFolding.withoutScriptAffix(name) ?? name].map(NameFolding.key)) }
        guard !keys(head).isDisjoint(with: keys(matched)) else { return (written, nil) }
        let name = entryName(e)
        return hasMapScriptLetter(name) ? (name, written) : (written, nil)
    }

    /// Whether `text` has a letter of the map's script (Latin, Arabic or Cyrillic), or no letter at all.
    func hasMapScriptLetter(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic && $0.properties.generalCategory != .nonspacingMark }
        guard !letters.isEmpty else { return true }
        let ranges: [ClosedRange<UInt32>]
        switch language.script {
        case .latin: ranges = [0x41...0x24F, 0x1E00...0x1EFF]
        case .arabic: ranges = [0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF]
        case .cyrillic: ranges = [0x400...0x52F, 0x1C80...0x1C8F, 0xA640...0xA69F]
        }
        return letters.contains { s in ranges.contains { $0.contains(s.value) } }
    }

    /// "Sabz Koh, Panjgur" style place line: the reported name's first part and the resolved
    /// context, and the country's code where the map's incidents are in several (`namesCountry`).
    func placeTitle(_ r: ResolvedIncident, offset: TownOffset?, namesCountry: Bool = true) -> String {
        // An incident known only by its point is named by where it lies from the nearest town
        // (English maps), else after its province, else shown by its coordinates.
        if let offset {
            // A title starts with a capital ("À 29 km au sud-ouest de Gao").
            let text = offsetText(offset, about: false)
            return (text.first.map { String($0).uppercased() + text.dropFirst() } ?? text) + (namesCountry ? " (\(offset.country))" : "")
        }
        let point = GeoText.point(lat: r.point.lat, lon: r.point.lon, in: language)
        let reported = r.incident.place.isEmpty ? (r.entry.map(entryName) ?? provinceName(r) ?? point) : placeName(r).name
        let country = namesCountry ? r.country ?? "" : ""
        return reported.count > 42 ? String(reported.prefix(40)) + "…" + (country.isEmpty ? "" : " (\(country))")
            : reported + (country.isEmpty ? "" : " (\(country))")
    }

    /// Where an incident known only by its point lies from the nearest town.
    func offset(_ r: ResolvedIncident, _ offsets: TownOffsets) -> TownOffset? {
        guard r.incident.place.isEmpty, r.entry == nil else { return nil }
        return offsets.offset(of: r.point, in: r.country)
    }

    /// "29 km SW of Gao" in the map's language, the town as the map names it; `about` for a
    /// marker of several incidents. At the town, its name alone.
    func offsetText(_ o: TownOffset, about: Bool) -> String {
        let town = entryName(o.town)
        return o.atTown ? town : OffsetText.phrase(km: o.km, sector: o.sector, town: town, about: about, in: language)
    }

    func sceneIncident(_ r: ResolvedIncident, number: Int, offsets: TownOffsets, namesCountry: Bool = true) -> SceneIncident {
        let i = r.incident
        let offset = offset(r, offsets)
        let title = placeTitle(r, offset: offset, namesCountry: namesCountry)
        var detail = "\(dateText(i.date)) · " + kindAndActor(i)
        if detail.count > 64 { detail = String(detail.prefix(62)) + "…" }
        var item = SceneIncident(id: i.id, location: r.point, number: number, title: title, detail: detail,
                                 keyText: keyText(r, offset: offset), style: MarkerStyle(rawValue: i.category.rawValue) ?? .other,
                                 uncertaintyKm: r.placedByUnitName ? 0 : r.precision.radiusKm, origin: r.origin, originLabel: r.originName,
                                 importance: i.claims.compactMap(\.killed).max() ?? 0)
        item.killed = item.importance
        item.tollGiven = i.claims.contains { $0.killed != nil }
        item.kinds = [KindCount(kind: i.kind, count: 1)]
        item.nameCredit = cityNamesCredit([r.entry, offset?.town].compactMap { $0 }, in: [title, item.keyText])
        item.dateKey = i.date.start.description
        item.dateText = language == .en ? i.date.start.shortText : isolated(language.day(year: i.date.start.year, month: i.date.start.month, day: i.date.start.day))
        item.days = SceneBuilder.days(i.date)
        item.pinned = i.wantsLabel || pinned.contains(i.id)
        item.placeIsOffset = offset != nil
        item.placeAbout = offset.flatMap { $0.atTown ? nil : offsetText($0, about: true) + " (\($0.country))" }
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

    /// The timeline of a map: its language and the events without a place, lettered by date.
    public func timeline(_ events: [TimelineEvent]) -> SceneTimeline {
        SceneTimeline(language: language, events: SceneBuilder.lettered(events).map { label, e in
            SceneEvent(label: label, days: SceneBuilder.days(e.date), dateText: dateText(e.date), text: e.text, sources: e.sources.map(\.outlet))
        })
    }

    /// The incident's kind and who acted ("missile and drone strike by Iran (IRGC)"), in the input's words.
    func kindAndActor(_ i: Incident) -> String {
        let kind = SceneBuilder.kindText(i.kind, language)
        return i.actor.map { IncidentText.kindBy.text(in: language, ["kind": .text(kind), "actor": .text($0)]) } ?? kind
    }

    /// The incident's kind in the input's words; the map's own word, in its language, where the
    /// input gives none ("type non précisé" on a French map, not "unspecified").
    static func kindText(_ kind: String, _ language: MapLanguage) -> String {
        kind == Incident.unspecifiedKind ? IncidentText.unspecifiedKind.text(in: language) : kind
    }

    /// The key entry: what, where, who, every claim with who makes it, and the sources. The
    /// input's words (place, kind, actor, target, claims) as given; the rest in the map's language.
    func keyText(_ r: ResolvedIncident, offset: TownOffset?) -> String {
        let i = r.incident, l = language
        let place = placeName(r)
        var where_ = offset.map { offsetText($0, about: false) } ?? (i.place.isEmpty ? (r.entry.map(entryName) ?? "") : place.name)
        // What the source wrote, when the map names the place otherwise.
        var context: [String] = place.reported.map { [$0] } ?? []
        if let p = provinceName(r) { context.append(p) }
        if let c = countryName(r.country) { context.append(c) }
        if !context.isEmpty { where_ += where_.isEmpty ? context.joined(separator: l.comma) : " (\(context.joined(separator: l.comma)))" }
        // Known only by its point, in no province or country (at sea): where it is.
        if where_.isEmpty { where_ = GeoText.point(lat: r.point.lat, lon: r.point.lon, in: l) }
        var what = kindAndActor(i)
        if let t = i.target { what = IncidentText.withTarget.text(in: l, ["what": .text(what), "target": .text(t)]) }
        var s = IncidentText.keyHead.text(in: l, ["date": .text(dateText(i.date)), "where": .text(where_), "what": .text(what)]) + "."
        if !i.claims.isEmpty {
            s += " " + i.claims.map { IncidentText.claim.text(in: l, ["by": .text(claimant($0.by)), "statement": .text(statement($0))]) }.joined(separator: " ")
        }
        if let e = r.entry, r.placedByUnitName {
            s += " " + IncidentText.locationUnit.text(in: l, ["unit": .text(unitName(e))])
        } else if r.precision != .exact {
            s += " " + IncidentText.location.text(in: l, ["precision": .text(precisionWord(r.precision)), "km": .text(l.decimal(r.precision.radiusKm, 0))])
        }
        if let b = r.border {
            // A disputed stretch's id is the pair and its class ("IN-PK.line-of-control"). Whole km,
            // but a tenth under 10 km: Goma is 0.3 km from the CD-RW border, not "0 km" (on it).
            let parts = b.borderID.split(separator: ".", maxSplits: 1), km = TextValue.text(l.decimal(b.distanceKm, b.distanceKm < 9.95 ? 1 : 0))
            s += " " + (parts.count == 2
                ? IncidentText.boundaryDistance.text(in: l, ["km": km, "border": .text(String(parts[0])), "class": .text(GeoText.boundaryClass(String(parts[1]), in: l) ?? parts[1].replacingOccurrences(of: "-", with: " "))])
                : IncidentText.borderDistance.text(in: l, ["km": km, "border": .text(b.borderID)]))
        }
        if r.country == nil {
            if !gazetteer.covers(r.point) {
                s += " " + IncidentText.outside.text(in: l, ["coverage": .text(coverageText)])
            } else if let land = coasts.nearestLand(to: r.point, gazetteer) {
                // How far out, and off whose land: what a reader of an attack on shipping asks.
                s += " " + IncidentText.atSeaOff.text(in: l, ["km": .text(l.decimal(land.km, land.km < 9.95 ? 1 : 0)), "country": .text(countryName(land.country.id) ?? land.country.id)])
            } else {
                s += " " + IncidentText.atSea.text(in: l)
            }
        }
        if !i.sources.isEmpty { s += " " + IncidentText.sources.text(in: l, ["list": .text(i.sources.map(\.outlet).joined(separator: l.comma))]) }
        return s
    }

    /// Who makes a claim: as the input says, or in the map's language where the reader wrote it for
    /// a file's fatalities column ("ACLED-format export citing Dawn; AFP", "unattributed").
    ///
    /// A claim begins a sentence of the key, so these words of the map's own begin with a capital
    /// ("Unattributed: 2 fatalities.", "Sans attribution : morts : 2."); the input's own words
    /// stay as written.
    func claimant(_ by: String) -> String {
        let l = language, citing = IncidentText.acledCiting.text(in: .en, ["sources": ""])
        if by == IncidentText.acledExport.text(in: .en) { return SceneBuilder.capitalised(IncidentText.acledExport.text(in: l)) }
        if by == IncidentText.unattributed.text(in: .en) { return SceneBuilder.capitalised(IncidentText.unattributed.text(in: l)) }
        guard l != .en, by.hasPrefix(citing) else { return by }
        let outlets = by.dropFirst(citing.count).components(separatedBy: "; ").joined(separator: l.semicolon)
        return SceneBuilder.capitalised(IncidentText.acledCiting.text(in: l, ["sources": .text(outlets)]))
    }

    /// `text` with its first letter in capitals (scripts without case are unchanged).
    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A claim's statement: as the input says, or in the map's language where the reader wrote it
    /// for a file's fatalities column ("2 fatalities (coded estimate)").
    func statement(_ c: Claim) -> String {
        guard language != .en, let k = c.killed else { return c.statement }
        for key in [IncidentText.fatalities, .codedEstimate] where c.statement == key.text(in: .en, ["count": .plain(k)]) {
            return key.text(in: language, ["count": .number(k)])
        }
        return c.statement
    }

    func subtitle(_ incidents: [ResolvedIncident]) -> String {
        guard let first = incidents.first?.incident.date.start, let last = incidents.map(\.incident.date.end).max() else {
            return "No incidents"
        }
        let codes = Array(Set(incidents.compactMap(\.country))).sorted()
        // Incidents at sea are in none of the countries: "in Yemen and at sea", never "in Yemen".
        let atSea = RenderJob.atSea(incidents, gazetteer)
        guard language == .en else { return localSubtitle(first: first, last: last, count: incidents.count, countries: codes, atSea: atSea) }
        let range = first == last ? first.shortText : "\(first.shortText) – \(last.shortText)"
        let countries = codes.compactMap(countryName)
        let n = incidents.count
        // Up to three countries by name; more by their number (the key and the layers name each one).
        var whereText = countries.isEmpty ? "" : countries.count <= 3 ? " in \(NumberFormat.list(countries + (atSea ? ["at sea"] : [])))" : " in \(countries.count) countries"
        if atSea && (countries.isEmpty || countries.count > 3) { whereText += countries.isEmpty ? " at sea" : " and at sea" }
        return "\(range) · \(n) incident\(n == 1 ? "" : "s")" + whereText
            + " · figures are claims, attributed"
    }

    /// The subtitle in the map's language: the dates, the count, up to three countries by their
    /// names in that language (else their Latin names), and that figures are claims.
    func localSubtitle(first: CalendarDate, last: CalendarDate, count: Int, countries: [String], atSea: Bool = false) -> String {
        let day = { (c: CalendarDate) in language.day(year: c.year, month: c.month, day: c.day) }
        let ui = language.ui
        var parts = [isolated(first == last ? day(first) : "\(day(first)) – \(day(last))"), UIText.format(ui.incidentsCount, count, language)]
        var places = countries.count <= 3 ? countries.compactMap(countryName) : []
        if atSea { places.append(IncidentText.atSeaInList.text(in: language)) }
        if !places.isEmpty {
            parts.append(places.joined(separator: language.comma))
        }
        return (parts + [ui.claims]).joined(separator: " · ")
    }

    func summary(_ incidents: [ResolvedIncident], items: [SceneIncident]) -> String {
        let borders = Set(incidents.compactMap { $0.border?.borderID }).sorted()
        let count = TextValue.plain(incidents.count)
        let lead = borders.isEmpty ? IncidentText.mapOf.text(in: language, ["count": count])
            : IncidentText.mapOfNear.text(in: language, ["count": count, "borders": .text(borders.joined(separator: language.comma))])
        return lead + " " + items.map { "\($0.number): \($0.keyText)" }.joined(separator: " ")
    }

    func attribution(_ incidents: [ResolvedIncident], crsName: String) -> [String] {
        // The border most of the incidents are nearest to, if one is.
        let emphasised = BorderFocus.borders(of: incidents, in: gazetteer, share: 0.5)
        // Dataset names, versions and licences come with the data (sources.json); the words around
        // them, and the data build's own wording of them, in the map's language.
        let l = language
        let dataset = { (text: String) in TextValue.text(AttributionText.translated(text, in: l)) }
        var parts: [String] = [], published: [String] = []
        if let c = gazetteer.source("countries") {
            published.append(c.short)
            var part = AttributionText.bordersAndCountries.text(in: l, ["dataset": dataset(c.short), "licence": .text(AttributionText.licence(c.licence, in: l))])
            if let w = gazetteer.worldview {
                let country = l == .en ? w.countryName : gazetteer.countryCode(for: w.countryName).flatMap(countryName) ?? w.countryName
                part += l.comma + (w.isDefault ? AttributionText.worldviewDefault : .worldview).text(in: l, ["country": .text(country), "code": .text(w.code)])
            }
            if let b = emphasised.first {
                let name = l == .en ? b.name : b.countries.compactMap(countryName).joined(separator: "–")
                part += l.semicolon + AttributionText.borderAsDrawn.text(in: l, ["border": .text(name), "length": .text(l.decimal(b.lengthKm, 1))])
            }
            parts.append(part + l.stop)
        }
        if let p = gazetteer.source("provinces") { published.append(p.short); parts.append(AttributionText.provinces.text(in: l, ["dataset": dataset(p.short)])) }
        if let p = gazetteer.source("places") { published.append(p.short); parts.append(AttributionText.places.text(in: l, ["dataset": dataset(p.short)])) }
        // Credits the datasets' descriptions do not already give in so many words.
        let said = published.joined(separator: " ").lowercased()
        parts += gazetteer.credits.filter { !said.contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
            .map { AttributionText.translated($0, in: l) }
        let data = parts.joined(separator: " ")
        var outlets: [String] = []
        for r in incidents { for s in r.incident.sources where !outlets.contains(s.outlet) { outlets.append(s.outlet) } }
        var lines = [data, AttributionText.projection.text(in: l, ["crs": .text(crsName)])]
        if incidents.contains(where: { !gazetteer.covers($0.point) }) {
            lines.insert(coverageNote, at: 1)
        }
        if !outlets.isEmpty { lines.append(AttributionText.incidentSources.text(in: l, ["outlets": .text(outlets.joined(separator: l.semicolon))])) }
        return lines
    }

    /// The attribution line of a map with incidents beyond the bundled data's coverage.
    var coverageNote: String {
        AttributionText.coverage.text(in: language, ["coverage": .text(coverageText)])
    }
}

/// Where a point lies from a town ("38 km NE of Gao"): the town, and the distance and compass
/// sector (0 = north, clockwise) when the point is not at it.
struct TownOffset {
    var town: GazetteerEntry
    var km: Int
    var sector: Int
    var atTown: Bool
    var country: String { town.country }
}

/// The towns a map names (`Gazetteer.referenceTowns`), to say where an incident known only by
/// its point lies: "38 km NE of Gao". The most populous town not much farther than the nearest
/// (within 25 km and within 1.5 times the nearest's distance plus 5 km: a reader knows Niamey
/// 14 km off better than a village of 6,000 at 11 km), else the nearest within 60 km, by
/// geodesic distance (PROJ); of the point's own country when it is in one (a town across a
/// border would misplace it for the reader), of any country at sea. The direction is the
/// azimuth from the town, to 8 compass points; within 2 km of the town, its name alone. Nil when no
/// town is within reach: the province names it then.
struct TownOffsets {
    static let reachKm = 60.0, preferredKm = 25.0, atTownKm = 2.0
    let towns: [GazetteerEntry]

    func offset(of p: LonLat, in country: String?) -> TownOffset? {
        // A box first (60 km is under 0.6° of latitude, and under 0.6° of longitude shrunk by the
        // latitude's cosine); the distances compared and printed are the geodesic's.
        let shrink = max(cos(p.lat * .pi / 180), 0.01)
        var inReach: [(km: Double, azimuth: Double, town: GazetteerEntry)] = []
        for t in towns where country == nil || t.country == country {
            var dx = abs(t.location.lon - p.lon)
            if dx > 180 { dx = 360 - dx }
            guard abs(t.location.lat - p.lat) < 0.6, dx * shrink < 0.6 else { continue }
            let g = Geodesic.wgs84.inverse(lon1: t.location.lon, lat1: t.location.lat, lon2: p.lon, lat2: p.lat)
            if g.distance / 1000 <= TownOffsets.reachKm { inReach.append((g.distance / 1000, g.initialAzimuth, t)) }
        }
        guard let nearest = inReach.min(by: { ($0.km, $0.town.id) < ($1.km, $1.town.id) }) else { return nil }
        // A larger town not much farther than the nearest: within 25 km, and within half as far
        // again as the nearest (plus 5 km). In a city, the city rather than the quarter of it
        // GeoNames lists as a place of its own (Kyiv, not Stare Misto).
        let bound = min(TownOffsets.preferredKm, nearest.km * 1.5 + 5)
        let best = inReach.filter { $0.km <= bound }
            .max { ($0.town.population, $1.town.id) < ($1.town.population, $0.town.id) } ?? nearest
        let sector = Int(((best.azimuth + 360).truncatingRemainder(dividingBy: 360) + 22.5) / 45) % 8
        return TownOffset(town: best.town, km: Int(best.km.rounded()), sector: sector, atTown: best.km < TownOffsets.atTownKm)
    }
}
