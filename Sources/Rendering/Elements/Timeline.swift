import Geometry

/// The strip of time under the map (`--timeline`): a date axis, one mark per incident shaped and
/// coloured as its map marker and numbered as in the key, stacked on crowded days; a stack taller
/// than `maxStack` is one bar that counts its incidents. Incidents known only to the month or as a
/// range are bars from their first to their last day, in lanes above the axis; events without a
/// place are lettered flags with a line down to their day. x is linear in time: a mark sits at the
/// middle of its day, or of the few days its column gathers when a day is narrower than a mark.
struct TimelineStrip {
    static let markSize = 0.8, pitch = 15.0, step = 15.0, laneHeight = 13.0, eventRow = 17.0
    static let maxStack = 6, maxLanes = 4, maxEventRows = 3

    /// A column of marks: incidents of day precision whose days fall in one column.
    struct Column {
        var members: [Int]
        var x: Double
        var collapsed: Bool { members.count > TimelineStrip.maxStack }
    }
    /// A bar over the days of one or more incidents (several: the lanes ran out).
    struct Span {
        var members: [Int]
        var days: ClosedRange<Int>
        var lane: Int
    }
    struct Flag {
        var event: Int
        var x: Double
        var row: Int
    }

    let axis: TimeAxis
    let ticks: [TimeAxis.Tick]
    let columns: [Column]
    let spans: [Span]
    let flags: [Flag]
    let caption: [String]
    let events: [SceneEvent]
    /// The language of its labels, caption and tooltips.
    let language: MapLanguage
    /// Levels of the tallest stack, lanes of bars, rows of flags.
    let levels: Int, lanes: Int, eventRows: Int
    /// Each incident's key number (0: none), by scene index.
    let numbers: [Int: Int]

    /// The strip of `scene`'s dated incidents on a map `width` px wide; `numbers`: their key numbers.
    init(_ scene: MapScene, timeline: SceneTimeline, width: Double, numbers: [Int: Int]) {
        self.numbers = numbers
        events = timeline.events
        language = timeline.language
        let dated = scene.incidents.indices.compactMap { i in scene.incidents[i].days.map { (i, $0) } }
        let all = dated.map(\.1) + timeline.events.map(\.days)
        axis = TimeAxis(days: (all.map(\.lowerBound).min() ?? 0)...(all.map(\.upperBound).max() ?? 0), width: width, language: timeline.language)
        let first = axis.start, last = axis.end
        ticks = axis.ticks()

        // Marks of one day each, in columns of k days (k = 1 while a day is as wide as a mark).
        let k = max(1, Int((TimelineStrip.pitch / axis.pxPerDay).rounded(.up)))
        var byColumn: [Int: [Int]] = [:]
        for (i, days) in dated where days.count == 1 { byColumn[(days.lowerBound - first) / k, default: []].append(i) }
        let scale = axis
        columns = byColumn.keys.sorted().map { c in
            let from = first + c * k, to = min(first + (c + 1) * k, last)
            let members = byColumn[c]!.sorted { (scene.incidents[$0].days!.lowerBound, $0) < (scene.incidents[$1].days!.lowerBound, $1) }
            return Column(members: members, x: scale.x(Double(from + to) / 2))
        }
        levels = columns.isEmpty ? 0 : min(TimelineStrip.maxStack, columns.map(\.members.count).max()!)

        // Bars in lanes, longest first where they start together; those past the last lane share one bar.
        var spans: [Span] = [], laneEnds: [Double] = [], overflow: [Int] = []
        for (i, days) in dated.filter({ $0.1.count > 1 }).sorted(by: { ($0.1.lowerBound, -$0.1.count, $0.0) < ($1.1.lowerBound, -$1.1.count, $1.0) }) {
            let x0 = scale.x(Double(days.lowerBound))
            if let lane = laneEnds.firstIndex(where: { $0 + 4 <= x0 }) {
                laneEnds[lane] = scale.x(Double(days.upperBound + 1))
                spans.append(Span(members: [i], days: days, lane: lane))
            } else if laneEnds.count < TimelineStrip.maxLanes - 1 {
                laneEnds.append(scale.x(Double(days.upperBound + 1)))
                spans.append(Span(members: [i], days: days, lane: laneEnds.count - 1))
            } else {
                overflow.append(i)
            }
        }
        if !overflow.isEmpty {
            let ranges = overflow.map { scene.incidents[$0].days! }
            spans.append(Span(members: overflow.sorted(), days: ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!, lane: laneEnds.count))
        }
        self.spans = spans
        lanes = spans.map(\.lane).max().map { $0 + 1 } ?? 0

        // Flags in rows, the next row when one would cover another.
        var rowEnds: [Double] = [], flags: [Flag] = []
        for (e, event) in timeline.events.enumerated() {
            let x = scale.x(Double(event.days.lowerBound + event.days.upperBound + 1) / 2)
            let row = rowEnds.firstIndex { $0 + 16 <= x } ?? (rowEnds.count < TimelineStrip.maxEventRows ? rowEnds.count : rowEnds.count - 1)
            if row == rowEnds.count { rowEnds.append(x) } else { rowEnds[row] = max(rowEnds[row], x) }
            flags.append(Flag(event: e, x: x, row: row))
        }
        self.flags = flags
        eventRows = rowEnds.count

        var parts: [TimelineText] = [.caption]
        if columns.contains(where: \.collapsed) { parts.append(k == 1 ? .crowdedDay : .crowdedDays) }
        if !spans.isEmpty { parts.append(.spans) }
        if !flags.isEmpty { parts.append(.flags) }
        let language = timeline.language
        caption = TextMetrics.wrap(parts.map { $0.text(in: language) }.joined(separator: language.semicolon) + language.stop, size: 10.5, maxWidth: width - 28)
    }

    var captionHeight: Double { Double(caption.count) * 13 + 6 }
    var eventsHeight: Double { eventRows == 0 ? 0 : Double(eventRows) * TimelineStrip.eventRow + 2 }
    var stackHeight: Double { Double(levels) * TimelineStrip.step }
    var lanesHeight: Double { lanes == 0 ? 0 : Double(lanes) * TimelineStrip.laneHeight + 4 }
    /// The axis line's y below the strip's top.
    var baseline: Double { captionHeight + eventsHeight + stackHeight + lanesHeight + 8 }
    /// Height of the strip, px.
    var height: Double { baseline + 38 }

    /// The strip's nodes, its top `top` px down the SVG. The caption starts on the side the
    /// language reads from; the axis runs left to right in every language.
    func build(_ scene: MapScene, top: Double, p: String) -> SVGNode {
        let n = SVGDraw.n, options = axis.textOptions
        let base = top + baseline, stackBase = base - lanesHeight - 4
        var children = TimelineStrip.caption(caption, top: top, width: axis.x1 + 24, options: options, p: p)
        // Events first, so that their lines run behind the marks.
        let flagTop = top + captionHeight
        for (i, f) in flags.enumerated() {
            let event = events[f.event], y = flagTop + Double(f.row) * TimelineStrip.eventRow + 1
            var parts: [SVGNode] = [
                .el("title", [], [.text(event.keyText(language))]),
                .el("line", [("class", "\(p)timeline-event-line"), ("x1", "0"), ("y1", "13"), ("x2", "0"), ("y2", n(base - y))]),
                .el("rect", [("class", "\(p)timeline-event-flag"), ("x", "-7"), ("y", "0"), ("width", "14"), ("height", "13"), ("rx", "2")]),
                .el("text", [("class", "\(p)timeline-event-letter"), ("x", "0"), ("y", "9.8"), ("text-anchor", "middle")], [.text(event.label)]),
            ]
            // Its text beside the flag, cut to the room before the next flag of its row.
            let next = flags[(i + 1)...].first { $0.row == f.row }?.x ?? axis.x1 + 20
            if let short = TimelineStrip.shortened(event.text, width: next - f.x - 24) {
                parts.append(.el("text", [("class", "\(p)timeline-event-text"), ("x", "10"), ("y", "9.8")], [.text(short)]))
            }
            children.append(.el("g", [("class", "\(p)timeline-event"), ("data-event", event.label), ("data-date", CivilDay.iso(event.days.lowerBound)),
                                      ("transform", "translate(\(n(f.x)),\(n(y)))")], parts))
        }
        for c in columns {
            if c.collapsed {
                children.append(countBar(c, scene: scene, base: stackBase, p: p))
                continue
            }
            for (level, m) in c.members.enumerated() {
                children.append(mark(m, scene: scene, at: XY(x: c.x, y: stackBase - TimelineStrip.step * (Double(level) + 0.5)), p: p))
            }
        }
        for s in spans {
            children.append(spanBar(s, scene: scene, y: base - 4 - Double(s.lane + 1) * TimelineStrip.laneHeight, p: p))
        }
        children += axis.nodes(ticks, base: base, options: options, p: p)
        return .el("g", [("id", "\(p)layer-timeline")], children)
    }

    /// A strip's caption lines, from its top, on the side its language reads from.
    static func caption(_ lines: [String], top: Double, width: Double, options: MapOptions, p: String) -> [SVGNode] {
        let start = NameLabel.start(14, width: width, options: options)
        return lines.enumerated().map { i, line in
            NameLabel.text(line, cls: "\(p)timeline-caption", x: start.x, y: top + 14 + Double(i) * 13, anchor: start.anchor, options: options, p: p,
                           rtl: options.language.isRightToLeft)
        }
    }

    /// `text` cut at a word to fit `width` px (with "…"); nil when not even a few words fit.
    static func shortened(_ text: String, width: Double) -> String? {
        if TextMetrics.width(text, size: 9.5) <= width { return text }
        var words = text.split(separator: " ").map(String.init)
        while !words.isEmpty, TextMetrics.width(words.joined(separator: " ") + "…", size: 9.5) > width { words.removeLast() }
        return words.count < 2 ? nil : words.joined(separator: " ") + "…"
    }

    /// The date of an incident as data: `2024-01-16`, or `2024-01-01/2024-01-31` for a span.
    static func dateData(_ days: ClosedRange<Int>) -> String {
        days.count == 1 ? CivilDay.iso(days.lowerBound) : "\(CivilDay.iso(days.lowerBound))/\(CivilDay.iso(days.upperBound))"
    }

    /// One incident's mark, centred on `c`.
    func mark(_ m: Int, scene: MapScene, at c: XY, p: String) -> SVGNode {
        let inc = scene.incidents[m], n = SVGDraw.n
        var children: [SVGNode] = [.el("title", [], [.text(inc.keyText)]),
                                   IncidentsElement.symbol(inc.style, size: TimelineStrip.markSize, at: XY(x: 0, y: 0), p: p)]
        if let number = numbers[m], number > 0 {
            children.append(.el("text", [("class", "\(p)timeline-number"), ("x", "0"), ("y", inc.style == .explosion ? "3.6" : "2.9"),
                                         ("text-anchor", "middle")], [.text(String(number))]))
        }
        return .el("g", [("class", "\(p)timeline-mark \(p)\(inc.style.rawValue)"), ("data-incident-id", inc.id),
                         ("data-date", TimelineStrip.dateData(inc.days!)), ("transform", "translate(\(n(c.x)),\(n(c.y)))")], children)
    }

    /// What a mark standing for several incidents says: how many, when, of what kinds, how many dead.
    func summary(_ members: [Int], scene: MapScene) -> String {
        TimelineText.crowdedSummary.text(in: language, [
            "count": .number(members.count), "dates": .text(IncidentsElement.dateRange(members, scene: scene)),
            "kinds": .text(IncidentsElement.kindsText(members, scene: scene, language: language)),
            "killed": .number(IncidentsElement.killed(members, scene: scene)),
        ], dropLastClause: !IncidentsElement.givesToll(members, scene: scene))
    }

    /// `data-count` and up to `IncidentsElement.listedIDs` ids of the incidents a mark stands for.
    static func identity(_ members: [Int], scene: MapScene) -> [(String, String)] {
        [("data-count", String(members.count)),
         ("data-incident-ids", members.prefix(IncidentsElement.listedIDs).map { scene.incidents[$0].id }.joined(separator: " "))]
    }

    /// A column too tall to stack: one bar as tall as the tallest stack, its count on it.
    func countBar(_ c: Column, scene: MapScene, base: Double, p: String) -> SVGNode {
        let n = SVGDraw.n, h = Double(TimelineStrip.maxStack) * TimelineStrip.step - 2
        let label = language.number(c.members.count), w = max(12, TextMetrics.width(label, size: 9, bold: true) + 4)
        let style = IncidentsElement.style(MarkerGroup(members: c.members, centre: XY(x: 0, y: 0), anchor: XY(x: 0, y: 0), count: c.members.count), scene: scene)
        return .el("g", [("class", "\(p)timeline-count \(p)\(style.rawValue)")] + TimelineStrip.identity(c.members, scene: scene)
                   + [("transform", "translate(\(n(c.x)),\(n(base)))")], [
            .el("title", [], [.text(summary(c.members, scene: scene))]),
            .el("rect", [("class", "\(p)marker-\(style.rawValue)"), ("x", n(-w / 2)), ("y", n(-h)), ("width", n(w)), ("height", n(h)), ("rx", "2")]),
            .el("text", [("class", "\(p)timeline-count-text"), ("x", "0"), ("y", n(-h + 11)), ("text-anchor", "middle")], [.text(label)]),
        ])
    }

    /// A bar from the first to the last day of its incidents, the marker's symbol at its middle.
    func spanBar(_ s: Span, scene: MapScene, y: Double, p: String) -> SVGNode {
        let n = SVGDraw.n
        let x0 = axis.x(Double(s.days.lowerBound)), x1 = axis.x(Double(s.days.upperBound + 1))
        let style = IncidentsElement.style(MarkerGroup(members: s.members, centre: XY(x: 0, y: 0), anchor: XY(x: 0, y: 0), count: s.members.count), scene: scene)
        let single = s.members.count == 1, first = scene.incidents[s.members[0]]
        var children: [SVGNode] = [
            .el("title", [], [.text(single ? first.keyText : summary(s.members, scene: scene))]),
            .el("rect", [("class", "\(p)marker-\(style.rawValue)"), ("x", "0"), ("y", "-3"), ("width", n(max(2, x1 - x0))), ("height", "6"), ("rx", "2")]),
        ]
        let mid = XY(x: (x1 - x0) / 2, y: 0)
        if single {
            children.append(IncidentsElement.symbol(style, size: TimelineStrip.markSize * 0.8, at: mid, p: p))
            if let number = numbers[s.members[0]], number > 0 {
                children.append(.el("text", [("class", "\(p)timeline-number"), ("x", n(mid.x)), ("y", "2.9"), ("text-anchor", "middle")], [.text(String(number))]))
            }
        } else {
            children.append(.el("text", [("class", "\(p)timeline-label"), ("x", n(mid.x)), ("y", "-5"), ("text-anchor", "middle")], [.text(language.number(s.members.count))]))
        }
        let identity = single ? [("data-incident-id", first.id)] : TimelineStrip.identity(s.members, scene: scene)
        return .el("g", [("class", "\(p)timeline-span \(p)\(style.rawValue)")] + identity
                   + [("data-date", TimelineStrip.dateData(s.days)), ("transform", "translate(\(n(x0)),\(n(y)))")], children)
    }
}
