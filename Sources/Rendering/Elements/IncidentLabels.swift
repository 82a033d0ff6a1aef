import Geometry

/// Labels of the numbered markers (number and place, then date and kind, or how many and when),
/// the most important first. A label sits beside its marker or, when there is no room, at the end
/// of a short leader line: at most `maximumLeaders` of them, none longer than a fifth of the
/// frame's width, none crossing another. A label that finds no place is left out; its marker keeps
/// its number and the key describes it.
enum IncidentLabelsElement {
    static let maximumLeaders = 12

    static func build(_ scene: MapScene, incidents: IncidentsElement, frame: MapFrame, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        let n = SVGDraw.n
        var nodes: [SVGNode] = []
        var leaders: [(XY, XY)] = []
        let reachCap = frame.frame.width / 5
        let groups = incidents.groups
        func weight(_ g: MarkerGroup) -> (Int, Int, Int) {
            (IncidentsElement.killed(g.members, scene: scene), g.count, -g.number)
        }
        let order = incidents.labelled.sorted { weight(groups[$0]) > weight(groups[$1]) }
        for gi in order {
            let g = groups[gi]
            let (title, fullDetail) = text(g, scene: scene, language: incidents.language)
            let r = g.radius
            let distances = [r + 26, r + 52, r + 87, r + 132].filter { $0 <= reachCap }
            let allowLeader = leaders.count < maximumLeaders
            let accept: (PlacedLabel) -> Bool = { label in
                guard label.leader else { return true }
                let s = leaderStart(g, towards: label.leaderEnd), e = label.leaderEnd
                let dx = e.x - g.centre.x, dy = e.y - g.centre.y
                guard (dx * dx + dy * dy).squareRoot() <= reachCap else { return false }
                return !leaders.contains { PlanarOps.segmentsIntersect($0.0, $0.1, s, e) }
            }
            // Both lines where they fit, else the first alone.
            var detail = fullDetail
            var placed: PlacedLabel?
            for lines in [2, 1] where placed == nil {
                detail = lines == 2 ? fullDetail : ""
                let w = max(TextMetrics.width(title, size: 12.5, bold: true), TextMetrics.width(detail, size: 11)) + 4
                placed = placer.place(at: g.centre, width: w, height: lines == 2 ? 30 : 15, ascent: 12, gap: r + 4,
                                      leaderDistances: allowLeader ? distances : [], accept: accept)
            }
            guard let placed else { continue }
            if placed.leader {
                let s = leaderStart(g, towards: placed.leaderEnd)
                leaders.append((s, placed.leaderEnd))
                nodes.append(.el("line", [("class", "\(p)leader"), ("x1", n(s.x)), ("y1", n(s.y)),
                                          ("x2", n(placed.leaderEnd.x)), ("y2", n(placed.leaderEnd.y))]))
            }
            let identity = incidents.identity(g, scene: scene) + [("data-box", SVGDraw.box(placed.box))]
            if let rtl = rightToLeft(title: title, detail: detail, placed: placed, identity: identity, language: incidents.language, p: p) {
                nodes.append(rtl)
                continue
            }
            nodes.append(.el("text", [("class", "\(p)halo-text")] + identity + [
                                      ("x", n(placed.origin.x)), ("y", n(placed.origin.y)), ("text-anchor", placed.anchor)], [
                .el("tspan", [("class", "\(p)incident-title")], [.text(title)]),
            ] + (detail.isEmpty ? [] : [.el("tspan", [("class", "\(p)incident-detail"), ("x", n(placed.origin.x)), ("dy", "15")], [.text(detail)])])))
        }
        return nodes
    }

    /// On a right-to-left map, a label with the script's letters (a date, a count) as right-to-left
    /// text: both lines read from the right, in the script's font with their Latin runs in the
    /// map's (`NameLabel.runs`), over the box the placer measured; nil on other maps.
    static func rightToLeft(title: String, detail: String, placed: PlacedLabel, identity: [(String, String)], language: MapLanguage, p: String) -> SVGNode? {
        guard language.isRightToLeft, NameLabel.runsRightToLeft(title + " " + detail, language) else { return nil }
        var options = MapOptions()
        options.language = language
        let line = { (text: String) in NameLabel.runs(NameLabel.closed(text, rtl: true, opening: text != title), p: p) }
        return .el("text", [("class", "\(p)halo-text \(p)rtl")] + identity
                   + NameLabel.textAttributes(title, x: placed.origin.x, y: placed.origin.y, anchor: placed.anchor, options: options, rtl: true), [
            .el("tspan", [("class", "\(p)incident-title")], line(title)),
        ] + (detail.isEmpty ? [] : [.el("tspan", [("class", "\(p)incident-detail"), ("x", SVGDraw.n(placed.origin.x)), ("dy", "15")], line(detail))]))
    }

    /// Where a leader towards `end` leaves the marker's edge.
    static func leaderStart(_ g: MarkerGroup, towards end: XY) -> XY {
        let dx = end.x - g.centre.x, dy = end.y - g.centre.y
        let d = (dx * dx + dy * dy).squareRoot()
        guard d > g.radius else { return g.centre }
        return XY(x: g.centre.x + dx / d * g.radius, y: g.centre.y + dy / d * g.radius)
    }

    /// A label's two lines: "3  Sabz Koh (PK)" and its date and kind; for a merged marker
    /// "3  Quetta (PK) · 37 incidents" and the dates and fatalities (in `language`).
    static func text(_ g: MarkerGroup, scene: MapScene, language: MapLanguage = .en) -> (String, String) {
        let first = scene.incidents[g.members[0]]
        // A title that starts with a distance ("48 km W of Gao") is set apart from the number.
        if g.isIncident(in: scene) { return ("\(first.placeIsOffset ? "\(g.number) ·" : String(g.number))  \(first.title)", first.detail) }
        let named = scene.incidents[IncidentsElement.namedMember(g, scene: scene)]
        let place = named.place ?? named.title
        let number = named.placeIsOffset ? "\(g.number) ·" : String(g.number)
        let killed = IncidentsElement.killed(g.members, scene: scene)
        let dates = IncidentsElement.dateRange(g.members, scene: scene)
        let title = IncidentText.mergedTitle.text(in: language, ["number": .text(number), "place": .text(place), "count": .number(g.count)])
        guard IncidentsElement.givesToll(g.members, scene: scene) else { return (title, dates) }
        return (title, (dates.isEmpty ? "" : dates + " · ") + IncidentText.fatalitiesClaimed.text(in: language, ["killed": .number(killed)]))
    }
}
