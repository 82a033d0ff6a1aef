import Geometry

/// What the map draws under its frame as a strip of time: the marks of its incidents
/// (`TimelineStrip`), or the bars of their counts (`TimelineHistogram`).
protocol TimeStrip {
    /// Height of the strip, px.
    var height: Double { get }
    /// The strip's nodes, its top `top` px down the SVG.
    func build(_ scene: MapScene, top: Double, p: String) -> SVGNode
}

extension TimelineStrip: TimeStrip {}

/// The strip of time under a map that aggregates its incidents (thousands to millions): a bar per
/// day, week, month or year (the finest whose bars are 3 px wide or more), as tall as the number
/// of incidents that began in it, split by kind and coloured as the map's markers, on the same
/// date axis as `TimelineStrip`. x is linear in time: a bar spans its period's days. Each bar says
/// its count, period and kinds (`data-count`, `data-date`, a tooltip).
struct TimelineHistogram: TimeStrip {
    enum Unit { case day, week, month, year }
    /// One bar: the days it spans (first, and the day after the last) and its counts by style.
    struct Bin {
        var first: Int, end: Int
        var counts: [Int]
        var total: Int { counts.reduce(0, +) }
    }

    static let barHeight = 64.0, minimumBarWidth = 3.0

    let axis: TimeAxis
    let ticks: [TimeAxis.Tick]
    let unit: Unit
    let bins: [Bin]
    let tallest: Int
    let caption: [String]
    let language: MapLanguage

    init(_ counts: DayCounts, language: MapLanguage, width: Double) {
        self.language = language
        axis = TimeAxis(days: (counts.days.keys.min() ?? 0)...(counts.days.keys.max() ?? 0), width: width, language: language)
        ticks = axis.ticks()
        let px = axis.pxPerDay
        unit = px >= Self.minimumBarWidth ? .day : px * 7 >= Self.minimumBarWidth ? .week
            : px * 28 >= Self.minimumBarWidth ? .month : .year
        var byBin: [Int: Bin] = [:]
        for (day, c) in counts.days {
            let (from, end) = TimelineHistogram.period(of: day, unit)
            var bin = byBin[from] ?? Bin(first: from, end: end, counts: [0, 0, 0])
            for k in 0..<3 { bin.counts[k] += c[k] }
            byBin[from] = bin
        }
        bins = byBin.keys.sorted().map { byBin[$0]! }
        tallest = bins.map(\.total).max() ?? 0
        let unitName: TimelineText = [.day: .unitDay, .week: .unitWeek, .month: .unitMonth, .year: .unitYear][unit]!
        var parts = [TimelineText.histogramCaption.text(in: language, ["unit": .text(unitName.text(in: language)), "max": .number(tallest)])]
        if counts.spanned > 0 { parts.append(TimelineText.histogramSpans.text(in: language, ["count": .number(counts.spanned)])) }
        caption = TextMetrics.wrap(parts.joined(separator: language.semicolon) + language.stop, size: 10.5, maxWidth: width - 28)
    }

    /// The period of `unit` that holds `day`: its first day and the day after its last (weeks
    /// begin on Monday, months and years on their first day).
    static func period(of day: Int, _ unit: Unit) -> (Int, Int) {
        switch unit {
        case .day: return (day, day + 1)
        case .week:
            let monday = day - CivilDay.weekday(day)
            return (monday, monday + 7)
        case .month:
            let d = CivilDay.date(day)
            let next = d.month == 12 ? (d.year + 1, 1) : (d.year, d.month + 1)
            return (CivilDay.number(year: d.year, month: d.month, day: 1), CivilDay.number(year: next.0, month: next.1, day: 1))
        case .year:
            let y = CivilDay.date(day).year
            return (CivilDay.number(year: y, month: 1, day: 1), CivilDay.number(year: y + 1, month: 1, day: 1))
        }
    }

    var captionHeight: Double { Double(caption.count) * 13 + 6 }
    static let keyHeight = 16.0
    var baseline: Double { captionHeight + TimelineHistogram.keyHeight + TimelineHistogram.barHeight + 8 }

    /// The bars' colours named, those the bars use: a swatch and the kind, one after another from
    /// the side the language reads from.
    func key(top: Double, options: MapOptions, p: String) -> [SVGNode] {
        let n = SVGDraw.n, rtl = language.isRightToLeft
        var x = rtl ? axis.x1 : axis.x0
        var nodes: [SVGNode] = []
        for (k, style) in MarkerStyle.stacked.enumerated().reversed() where bins.contains(where: { $0.counts[k] > 0 }) {
            let name = style.kindName(in: language), w = TextMetrics.width(name, size: TimeAxis.labelSize)
            let swatch = rtl ? x - 10 : x
            nodes.append(.el("rect", [("class", "\(p)marker-\(style.rawValue)"), ("x", n(swatch)), ("y", n(top + 2)), ("width", "10"), ("height", "10")]))
            nodes.append(NameLabel.text(name, cls: "\(p)timeline-label", x: rtl ? swatch - 4 : swatch + 14, y: top + 11, anchor: rtl ? "end" : nil,
                                        options: options, p: p))
            x += (rtl ? -1 : 1) * (w + 30)
        }
        return nodes
    }
    var height: Double { baseline + 38 }

    func build(_ scene: MapScene, top: Double, p: String) -> SVGNode {
        let n = SVGDraw.n, options = axis.textOptions
        let base = top + baseline
        var children = TimelineStrip.caption(caption, top: top, width: axis.x1 + 24, options: options, p: p)
        children += key(top: top + captionHeight, options: options, p: p)
        for bin in bins where bin.total > 0 {
            let x0 = axis.x(Double(bin.first)), x1 = axis.x(Double(bin.end))
            // A gap of a third of a px between bars wide enough to show it.
            let w = max(0.6, x1 - x0 - (x1 - x0 >= 3 ? 0.35 : 0))
            let h = max(1, TimelineHistogram.barHeight * Double(bin.total) / Double(max(1, tallest)))
            var parts: [SVGNode] = [.el("title", [], [.text(summary(bin))])]
            var y = 0.0
            for (k, style) in MarkerStyle.stacked.enumerated() where bin.counts[k] > 0 {
                let part = h * Double(bin.counts[k]) / Double(bin.total)
                parts.append(.el("rect", [("class", "\(p)marker-\(style.rawValue)"), ("x", "0"), ("y", n(-y - part)), ("width", n(w)), ("height", n(part))]))
                y += part
            }
            let last = bin.end - 1
            children.append(.el("g", [("class", "\(p)timeline-bin"), ("data-count", String(bin.total)),
                                      ("data-date", TimelineStrip.dateData(bin.first...last)), ("transform", "translate(\(n(x0)),\(n(base)))")], parts))
        }
        children += axis.nodes(ticks, base: base, options: options, p: p)
        return .el("g", [("id", "\(p)layer-timeline")], children)
    }

    /// A bar's tooltip: how many, when, of what kinds.
    func summary(_ bin: Bin) -> String {
        func day(_ d: Int) -> String {
            let c = CivilDay.date(d)
            return language.day(year: c.year, month: c.month, day: c.day)
        }
        let last = bin.end - 1
        let dates = bin.first == last ? day(bin.first) : "\(day(bin.first)) – \(day(last))"
        let kinds = MarkerStyle.stacked.indices.filter { bin.counts[$0] > 0 }
            .sorted { (bin.counts[$1], $0) < (bin.counts[$0], $1) }
            .map { "\(MarkerStyle.stacked[$0].kindName(in: language)) (\(language.number(bin.counts[$0])))" }
            .joined(separator: language.comma)
        return TimelineText.histogramBin.text(in: language, ["count": .number(bin.total), "dates": .text(dates), "kinds": .text(kinds)])
    }
}
