import Geometry

/// The text under the frame: the numbered key of the labelled markers, one line that counts what
/// else is on the map, and the attribution, wrapped to the map's width.
struct KeyLayout: Sendable {
    /// Each entry's number and marker style (nil for the closing count), its wrapped lines, and
    /// its direction: every line of an entry runs as the whole entry does (`NameLabel.runsRightToLeft`),
    /// a paragraph cut into lines.
    let entries: [(number: Int, style: MarkerStyle?, lines: [String], rtl: Bool)]
    /// The attribution's wrapped lines, each with its paragraph's direction.
    let attributionLines: [(text: String, rtl: Bool)]
    /// Height of the footer, px.
    let height: Double

    init(entries: [(number: Int, style: MarkerStyle?, text: String)], scene: MapScene, options: MapOptions) {
        let textWidth = options.width - 56
        self.entries = entries.map { ($0.number, $0.style, TextMetrics.wrap($0.text, size: 11, maxWidth: textWidth - ($0.style == nil ? 0 : 24)),
                                      NameLabel.runsRightToLeft($0.text, options.language)) }
        attributionLines = scene.attribution.flatMap { line in
            TextMetrics.wrap(line, size: 9.5, maxWidth: textWidth).map { ($0, NameLabel.runsRightToLeft(line, options.language)) }
        }
        let keyHeight = self.entries.reduce(0.0) { $0 + Double($1.lines.count) * 14 + 4 }
        height = 14 + keyHeight + Double(attributionLines.count) * 12.5 + 8
    }

    /// The key as the frame is sized for it, before the markers are laid out: the incidents that
    /// matter most and a count line. The drawn key (`init(incidents:)`) has about its height; when
    /// it needs more, the SVG grows rather than the map shrinking.
    static func provisional(scene: MapScene, options: MapOptions) -> KeyLayout {
        let keyed = scene.incidents.enumerated().sorted { ($1.element.importance, $0.offset) < ($0.element.importance, $1.offset) }
            .prefix(max(0, options.maxKeyEntries)).map(\.offset).sorted()
        var entries = keyed.map { (number: scene.incidents[$0].number, style: Optional(scene.incidents[$0].style), text: scene.incidents[$0].keyText) }
        if scene.incidents.count > keyed.count {
            entries.append((0, nil, String(repeating: "and 1,234 more incidents on the map: ", count: 3)))
        }
        return KeyLayout(entries: entries, scene: scene, options: options)
    }

    /// The key of the drawn markers: each labelled one by its number, then what the others hold,
    /// then the incidents off the map (`offMap`, a line for each arrow); on a choropleth, the
    /// provinces with the most incidents.
    init(incidents: IncidentsElement, scene: MapScene, options: MapOptions, offMap: [String] = [], events: [SceneEvent] = []) {
        if let c = scene.choropleth {
            self.init(choropleth: c, scene: scene, options: options)
            return
        }
        let groups = incidents.groups
        var entries: [(number: Int, style: MarkerStyle?, text: String)] = incidents.labelled.map { gi in
            let g = groups[gi], first = scene.incidents[g.members[0]]
            let text = g.isIncident(in: scene) ? first.keyText : IncidentsElement.summary(g, scene: scene, language: options.language)
            return (g.number, IncidentsElement.style(g, scene: scene), text)
        }
        let others = groups.indices.filter { groups[$0].number == 0 }
        let count = others.map { groups[$0].count }.reduce(0, +)
        if count > 0 && options.language != .en {
            let members = others.flatMap { groups[$0].members }, language = options.language, ui = language.ui
            let markers = others.count == count ? "" : " (" + UIText.format(ui.markersCount, others.count, language) + ")"
            entries.append((0, nil, UIText.format(ui.andMore, count, language) + markers + ": " + IncidentsElement.kindsText(members, scene: scene, language: language)
                                    + (IncidentsElement.givesToll(members, scene: scene) ? language.semicolon + UIText.format(ui.killedInAll, IncidentsElement.killed(members, scene: scene), language) : "") + ". " + ui.described))
        } else if count > 0 {
            let members = others.flatMap { groups[$0].members }
            let markers = others.count == count ? "" : " (\(NumberFormat.grouped(others.count)) markers)"
            entries.append((0, nil, "And \(NumberFormat.grouped(count)) more incident\(count == 1 ? "" : "s") on the map\(markers): "
                                    + IncidentsElement.kindsText(members, scene: scene)
                                    + (IncidentsElement.givesToll(members, scene: scene) ? "; \(NumberFormat.grouped(IncidentsElement.killed(members, scene: scene))) fatalities claimed in all. " : ". ")
                                    + "Each is described in its marker's tooltip and, with every claim and source, in the GeoJSON layer."))
        }
        entries += offMap.map { (0, nil, $0) }
        entries += events.map { (0, nil, TimelineText.eventEntry.text(in: options.language, ["entry": .text($0.keyText(options.language))])) }
        self.init(entries: entries, scene: scene, options: options)
    }

    /// The ten provinces (or districts) with the most incidents, then the count of the rest and of
    /// those in none; the names in the map's language where the data has them.
    init(choropleth c: Choropleth, scene: MapScene, options: MapOptions) {
        let language = options.language, byDistrict = c.unit == .district
        let names = Dictionary((byDistrict ? scene.districts : scene.provinces).map { ($0.id, $0.shownName) }, uniquingKeysWith: { a, _ in a })
        let districtCountry = Dictionary(scene.districts.map { ($0.id, $0.country) }, uniquingKeysWith: { a, _ in a })
        let countries = Dictionary(scene.countries.map { ($0.id, $0.shownName) }, uniquingKeysWith: { a, _ in a })
        let ranked = c.counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let shown = ranked.prefix(max(0, options.maxKeyEntries))
        var entries: [(number: Int, style: MarkerStyle?, text: String)] = shown.map { id, count in
            let code = byDistrict ? districtCountry[id] ?? nil : id.split(separator: "-").first.map(String.init)
            let country = code.flatMap { countries[$0] }
            let name = (names[id] ?? id) + (country.map { " (\($0))" } ?? "")
            return (0, nil, AggregateText.provinceKey.text(in: language, ["name": .text(name), "count": .number(count), "killed": .number(c.killed[id] ?? 0)],
                                                           dropLastClause: !scene.tollsGiven))
        }
        let rest = ranked.dropFirst(shown.count)
        if !rest.isEmpty {
            let others: AggregateText = byDistrict ? .otherDistricts : .otherProvinces
            entries.append((0, nil, others.text(in: language, ["count": .number(rest.map(\.value).reduce(0, +)), "units": .number(rest.count)])))
        }
        if c.outside > 0 {
            entries.append((0, nil, (byDistrict ? AggregateText.noDistrict : .noProvince).text(in: language, ["count": .number(c.outside)])))
        }
        if c.coarser > 0 {
            entries.append((0, nil, (byDistrict ? AggregateText.coarserThanDistrict : .coarserThanProvince).text(in: language, ["count": .number(c.coarser)])))
        }
        self.init(entries: entries, scene: scene, options: options)
    }
}

/// The key and attribution under the frame, each keyed incident with its marker and number.
enum KeyElement {
    /// The key, `below` px under the frame (the timeline strip's height, if one is drawn there);
    /// mirrored on a right-to-left map (markers on the right, lines right-aligned).
    static func build(_ key: KeyLayout, frame: MapFrame, below: Double = 0, options: MapOptions = MapOptions(), p: String) -> SVGNode {
        let n = SVGDraw.n
        let width = options.width
        let mark = NameLabel.start(22, width: width, options: options).x, at = NameLabel.start(36, width: width, options: options)
        var children: [SVGNode] = []
        var y = frame.frame.maxY + below + 20
        for (number, style, lines, rtl) in key.entries {
            if let style {
                switch style {
                case .strike:
                    children.append(.el("circle", [("class", "\(p)marker-strike"), ("cx", n(mark)), ("cy", n(y - 4)), ("r", "7.5")]))
                case .other:
                    children.append(.el("path", [("class", "\(p)marker-other"), ("d", "M\(n(mark)),\(n(y - 13))L\(n(mark + 9)),\(n(y - 4))L\(n(mark)),\(n(y + 5))L\(n(mark - 9)),\(n(y - 4))Z")]))
                case .explosion:
                    children.append(.el("path", [("class", "\(p)marker-explosion"), ("d", "M\(n(mark)),\(n(y - 13.5))L\(n(mark + 9)),\(n(y + 3.5))L\(n(mark - 9)),\(n(y + 3.5))Z")]))
                }
                children.append(.el("text", [("class", "\(p)key-number"), ("x", n(mark)), ("y", n(y - 0.5)), ("text-anchor", "middle")],
                                    [.text(String(number))]))
            }
            for (i, line) in lines.enumerated() {
                children.append(NameLabel.text(line, cls: "\(p)key-text", x: at.x, y: y + Double(i) * 14, anchor: at.anchor, options: options, p: p, rtl: rtl))
            }
            y += Double(lines.count) * 14 + 4
        }
        y += 4
        let credit = NameLabel.start(14, width: width, options: options)
        for (line, rtl) in key.attributionLines {
            children.append(NameLabel.text(line, cls: "\(p)attribution", x: credit.x, y: y, anchor: credit.anchor, options: options, p: p, rtl: rtl))
            y += 12.5
        }
        return .el("g", [("id", "\(p)key")], children)
    }
}
