/// The timeline's date axis: days (`CivilDay` numbers) to px, linearly, and ticks whose unit fits
/// the span and the width (days, weeks, months, quarters, years), the finest whose labels do not
/// collide. Labels are in the map's language: its month names as a calendar heads them
/// (`MapLanguage.standaloneMonthNames`) and its digits.
struct TimeAxis {
    /// The first day shown, and the day after the last.
    let start: Int, end: Int
    /// Where the axis begins and ends, px.
    let x0: Double, x1: Double
    let language: MapLanguage
    static let labelSize = 10.0

    var pxPerDay: Double { (x1 - x0) / Double(end - start) }

    init(start: Int, end: Int, x0: Double, x1: Double, language: MapLanguage) {
        (self.start, self.end, self.x0, self.x1, self.language) = (start, end, x0, x1, language)
    }

    /// The axis of a strip `width` px wide showing `days`, with a little room either side (2 %
    /// of the span, a day at least) and at least a week shown.
    init(days: ClosedRange<Int>, width: Double, language: MapLanguage) {
        var first = days.lowerBound, last = days.upperBound + 1
        let pad = max(1, Int((Double(last - first) * 0.02).rounded()))
        first -= pad
        last += pad
        if last - first < 7 {
            let grow = 7 - (last - first)
            first -= grow / 2
            last += grow - grow / 2
        }
        self.init(start: first, end: last, x0: 24, x1: width - 24, language: language)
    }

    /// The x of time `t` in days (the middle of day n is n + 0.5).
    func x(_ t: Double) -> Double { x0 + (t - Double(start)) * pxPerDay }

    /// A tick: where, its label, and above which tick a line of context (month and year, or year)
    /// begins. Day and week labels sit under their day's middle; month and year labels begin at the tick.
    struct Tick {
        var day: Int
        var x: Double
        var label: String
        var context: String?
        var centred: Bool
    }

    enum Unit: Equatable {
        case days(Int), weeks(Int), months(Int, full: Bool), years(Int)

        /// About how many days one step is.
        var days: Double {
            switch self {
            case .days(let k): return Double(k)
            case .weeks(let k): return 7 * Double(k)
            case .months(let k, _): return 30.44 * Double(k)
            case .years(let k): return 365.25 * Double(k)
            }
        }
    }

    static let units: [Unit] = [.days(1), .days(2), .weeks(1), .weeks(2), .months(1, full: true), .months(1, full: false),
                                .months(3, full: false), .months(6, full: false), .years(1), .years(2), .years(5), .years(10),
                                .years(20), .years(50), .years(100), .years(500)]

    /// The ticks of the finest unit that `fits`.
    func ticks() -> [Tick] {
        for u in TimeAxis.units where Double(end - start) / u.days <= (x1 - x0) / 8 {
            let t = ticks(u)
            if !t.isEmpty && fits(t) { return t }
        }
        return ticks(.years(500))
    }

    /// Options that give a strip's text the map's language (`NameLabel`).
    var textOptions: MapOptions {
        var options = MapOptions()
        options.language = language
        return options
    }

    /// The axis line at `base`, and its ticks with their labels and lines of context.
    func nodes(_ ticks: [Tick], base: Double, options: MapOptions, p: String) -> [SVGNode] {
        let n = SVGDraw.n
        var nodes: [SVGNode] = [.el("line", [("class", "\(p)timeline-axis"), ("x1", n(x0)), ("y1", n(base)), ("x2", n(x1)), ("y2", n(base))])]
        var contextEnd = -Double.infinity
        for t in ticks {
            nodes.append(.el("line", [("class", "\(p)timeline-tick"), ("x1", n(t.x)), ("y1", n(base)), ("x2", n(t.x)), ("y2", n(base + 5))]))
            let (from, to) = extent(t)
            if from >= 2, to <= x1 + 22 {
                nodes.append(NameLabel.text(t.label, cls: "\(p)timeline-label", x: t.centred ? t.x : from, y: base + 16,
                                            anchor: t.centred ? "middle" : nil, options: options, p: p))
            }
            if let context = t.context {
                let x = max(2, t.centred ? from : t.x), w = TextMetrics.width(context, size: TimeAxis.labelSize, bold: true)
                if x >= contextEnd + 8, x + w <= x1 + 22 {
                    nodes.append(NameLabel.text(context, cls: "\(p)timeline-context", x: x, y: base + 30, anchor: nil, options: options, p: p))
                    contextEnd = x + w
                }
            }
        }
        return nodes
    }

    /// The month's name, whole or abbreviated ("Jan", "janv.", "янв."; the Arabic script's languages write it whole).
    func monthName(_ month: Int, full: Bool) -> String {
        language.standaloneMonthNames(abbreviated: !full)[(month - 1) % 12]
    }

    func ticks(_ unit: Unit) -> [Tick] {
        var out: [Tick] = []
        var lastContext: (Int, Int)?
        func contextFor(_ d: (year: Int, month: Int, day: Int), monthly: Bool) -> String? {
            let key = monthly ? (d.year, d.month) : (d.year, 0)
            defer { lastContext = key }
            guard lastContext.map({ $0 != key }) ?? true else { return nil }
            return language.digits(monthly ? "\(monthName(d.month, full: true)) \(d.year)" : String(d.year))
        }
        func daily(every k: Int, mondays: Bool) {
            for n in start..<end {
                if mondays {
                    guard CivilDay.isMonday(n), k == 1 || ((n + 3) / 7) % k == 0 else { continue }
                } else if (n - start) % k != 0 { continue }
                let d = CivilDay.date(n)
                out.append(Tick(day: n, x: x(Double(n) + 0.5), label: language.digits(String(d.day)), context: contextFor(d, monthly: true), centred: true))
            }
        }
        switch unit {
        case .days(let k): daily(every: k, mondays: false)
        case .weeks(let k): daily(every: k, mondays: true)
        case .months(let k, let full):
            var d = CivilDay.date(start)
            if d.day != 1 { d = d.month == 12 ? (d.year + 1, 1, 1) : (d.year, d.month + 1, 1) }
            while true {
                let n = CivilDay.number(year: d.year, month: d.month, day: 1)
                guard n < end else { break }
                if (d.month - 1) % k == 0 {
                    out.append(Tick(day: n, x: x(Double(n)), label: monthName(d.month, full: full), context: contextFor(d, monthly: false), centred: false))
                }
                d = d.month == 12 ? (d.year + 1, 1, 1) : (d.year, d.month + 1, 1)
            }
        case .years(let k):
            var y = CivilDay.date(start).year
            if CivilDay.number(year: y, month: 1, day: 1) < start { y += 1 }
            y = (y + k - 1) / k * k
            while CivilDay.number(year: y, month: 1, day: 1) < end {
                out.append(Tick(day: CivilDay.number(year: y, month: 1, day: 1), x: x(Double(CivilDay.number(year: y, month: 1, day: 1))),
                                label: language.digits(String(y)), context: nil, centred: false))
                y += k
            }
        }
        return out
    }

    /// Where a tick's label begins and ends, px.
    func extent(_ t: Tick) -> (Double, Double) {
        let w = TextMetrics.width(t.label, size: TimeAxis.labelSize)
        return t.centred ? (t.x - w / 2, t.x + w / 2) : (t.x + 3, t.x + 3 + w)
    }

    /// Whether neighbouring labels keep 6 px apart, and ticks of days or weeks 40 px (finer ones
    /// crowd the marks; a month is worth a tick down to 20 px).
    func fits(_ ticks: [Tick]) -> Bool {
        zip(ticks, ticks.dropFirst()).allSatisfy { extent($0).1 + 6 <= extent($1).0 && $0.x + ($0.centred ? 40 : 20) <= $1.x }
    }
}
