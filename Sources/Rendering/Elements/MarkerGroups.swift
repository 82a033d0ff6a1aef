import Foundation
import Geometry

/// One marker on the map: a single incident, or the incidents (or aggregation cells) that lie at
/// (nearly) one point, merged into one graduated symbol whose area grows with their count.
struct MarkerGroup: Sendable {
    /// Indices into the scene's incidents, in scene order (by date, or a cell's rank).
    var members: [Int]
    /// Where the symbol sits, SVG px: the count-weighted centre of its members.
    var centre: XY
    /// Where its incident is, when the symbol is set off from it (a few coincident incidents
    /// spread apart); else the centre.
    var anchor: XY
    /// How many incidents it stands for.
    var count: Int
    /// The symbol's radius, px.
    var radius = 0.0
    /// Its key number when labelled, else 0.
    var number = 0

    var isSingle: Bool { members.count == 1 }

    /// How many incidents the `markers` whose symbols reach into `box` stand for.
    static func incidents(under box: BoundingBox, _ markers: [MarkerGroup]) -> Int {
        markers.filter { box.expanded(dx: $0.radius, dy: $0.radius).contains($0.centre) }.map(\.count).reduce(0, +)
    }

    /// Whether the marker is one incident of the scene (not several, nor an aggregation cell,
    /// whose scene item carries its count and the place it is named after).
    func isIncident(in scene: MapScene) -> Bool {
        members.count == 1 && scene.incidents[members[0]].count == 1 && scene.incidents[members[0]].place == nil
    }
}

/// Merges markers that would hide one another and sizes them by count.
///
/// A single incident alone has the radius of an ordinary marker (8 px). When one place holds many
/// incidents, the largest marker is capped (at about a twentieth of the frame's smaller side) and
/// every marker scales with the square root of its count, so areas stay proportional to counts; the
/// smallest stays a visible dot. Markers are drawn largest first, so a smaller one always lies over
/// a larger; two that overlap by more than a sliver of the larger (a tenth of its area) become one,
/// at their count-weighted centre, and so do two where one's centre lies within the other, until no
/// such pair is left. A small dot on the edge of a large marker stays itself: it hides little, and a
/// hub does not swallow the incidents around it. Merging only grows
/// counts, so the scale only shrinks and no pair left apart comes to overlap more.
struct MarkerLayout: Sendable {
    static let singleRadius = 8.0, minimumRadius = 3.0
    /// The part of a marker's area another (smaller, drawn over it) may cover.
    static let sliver = 0.1

    private(set) var groups: [MarkerGroup] = []
    /// Px of radius per square root of one incident.
    private(set) var scale = MarkerLayout.singleRadius
    /// The cap on any marker's radius, px.
    let maximumRadius: Double
    /// The largest scale the map's crowding allows (`crowdedScale`).
    private var crowding = MarkerLayout.singleRadius

    /// Markers for incidents at `anchors` standing for `counts` incidents each. With `spread`
    /// (a map of so few incidents that each has its own key entry), coincident ones are not merged
    /// but set around their common centre, each with its own symbol.
    ///
    /// `fixedScale`: the scale of maps drawn side by side with this one (`MapOptions.markerScale`),
    /// used in place of this map's own crowding; the cap on the largest marker still holds.
    init(anchors: [XY], counts: [Int], frame: BoundingBox, spread: Bool = false, fixedScale: Double? = nil) {
        maximumRadius = min(40, max(16, 0.05 * min(frame.width, frame.height)))
        if spread {
            let offsets = MarkerLayout.spreadOffsets(anchors)
            groups = anchors.indices.map {
                MarkerGroup(members: [$0], centre: XY(x: anchors[$0].x + offsets[$0].x, y: anchors[$0].y + offsets[$0].y), anchor: anchors[$0],
                            count: counts[$0], radius: MarkerLayout.singleRadius)
            }
            return
        }
        groups = anchors.indices.map { MarkerGroup(members: [$0], centre: anchors[$0], anchor: anchors[$0], count: counts[$0]) }
        // Incidents at one point (within 2 px) are one marker whatever the scale.
        mergeOverlapping(within: 2)
        crowding = fixedScale ?? MarkerLayout.crowdedScale(groups)
        // The scale follows the largest count, which merging raises: a few rounds settle it.
        for _ in 0..<4 {
            let before = groups.count
            rescale()
            mergeOverlapping()
            if groups.count == before { break }
        }
        rescale()
    }

    /// Gives marker `group` its key number.
    mutating func number(_ group: Int, _ number: Int) { groups[group].number = number }

    /// Maps the members' indices (into the anchors laid out) through `indices` (ascending, so the
    /// order of markers and members is kept).
    mutating func renumberMembers(_ indices: [Int]) {
        for g in groups.indices { groups[g].members = groups[g].members.map { indices[$0] } }
    }

    /// The radius of a marker that stands for `count` incidents.
    func radius(_ count: Int) -> Double {
        max(MarkerLayout.minimumRadius, scale * Double(count).squareRoot())
    }

    /// The scale at which the typical marker (the 90th percentile of counts) is no wider than the
    /// typical gap between neighbouring markers (their median distance), so that a crowded map,
    /// however evenly spread, does not merge into a few blobs: its markers shrink instead.
    static func crowdedScale(_ groups: [MarkerGroup]) -> Double {
        guard groups.count > 1 else { return singleRadius }
        let reach = 2 * singleRadius
        func cell(_ v: Double) -> Int { Int((v / reach).rounded(.down)) }
        var grid: [Int64: [Int]] = [:]
        for (i, g) in groups.enumerated() { grid[key(cell(g.centre.x), cell(g.centre.y)), default: []].append(i) }
        var gaps: [Double] = []
        gaps.reserveCapacity(groups.count)
        for (i, g) in groups.enumerated() {
            var nearest = reach
            let cx = cell(g.centre.x), cy = cell(g.centre.y)
            for dx in -1...1 { for dy in -1...1 { for j in grid[key(cx + dx, cy + dy)] ?? [] where j != i {
                let ex = groups[j].centre.x - g.centre.x, ey = groups[j].centre.y - g.centre.y
                nearest = min(nearest, (ex * ex + ey * ey).squareRoot())
            } } }
            gaps.append(nearest)
        }
        gaps.sort()
        let counts = groups.map(\.count).sorted()
        let typical = Double(counts[min(counts.count - 1, Int(Double(counts.count) * 0.9))])
        return max(minimumRadius, gaps[gaps.count / 2] / 2) / typical.squareRoot()
    }

    private mutating func rescale() {
        let largest = groups.map(\.count).max() ?? 1
        scale = min(MarkerLayout.singleRadius, crowding, maximumRadius / Double(largest).squareRoot())
        for i in groups.indices { groups[i].radius = radius(groups[i].count) }
    }

    /// Merges every pair that overlaps by more than a sliver (or, given `within`, lies closer than
    /// that many px), largest markers absorbing first;
    /// a grid of cells as wide as the largest marker finds the neighbours.
    private mutating func mergeOverlapping(within: Double? = nil) {
        var changed = true
        while changed {
            changed = false
            let size = 2 * maximumRadius + 1
            func cell(_ v: Double) -> Int { Int((v / size).rounded(.down)) }
            var grid: [Int64: [Int]] = [:]
            for (i, g) in groups.enumerated() { grid[MarkerLayout.key(cell(g.centre.x), cell(g.centre.y)), default: []].append(i) }
            let order = groups.indices.sorted { (groups[$1].count, $0) < (groups[$0].count, $1) }
            var alive = [Bool](repeating: true, count: groups.count)
            for i in order where alive[i] {
                var absorbed = true
                while absorbed {
                    absorbed = false
                    let cx = cell(groups[i].centre.x), cy = cell(groups[i].centre.y)
                    var near: [Int] = []
                    for dx in -1...1 { for dy in -1...1 { near += grid[MarkerLayout.key(cx + dx, cy + dy)] ?? [] } }
                    for j in near.sorted() where j != i && alive[j] && overlaps(groups[i], groups[j], within: within) {
                        groups[i] = merged(groups[i], groups[j])
                        alive[j] = false
                        absorbed = true
                        changed = true
                    }
                    if absorbed { grid[MarkerLayout.key(cell(groups[i].centre.x), cell(groups[i].centre.y)), default: []].append(i) }
                }
            }
            groups = groups.indices.filter { alive[$0] }.map { groups[$0] }
            if changed && within == nil { rescale() }
        }
        groups.sort { $0.members[0] < $1.members[0] }
    }

    /// The key of grid cell (`x`, `y`): the column in the high 32 bits, the row as an unsigned
    /// pattern in the low 32, so negative rows and columns stay apart from their neighbours.
    static func key(_ x: Int, _ y: Int) -> Int64 {
        Int64(Int32(truncatingIfNeeded: x)) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: y)))
    }

    /// Whether `a` and `b` cover more than a sliver of each other. Markers are drawn largest first,
    /// so the smaller of two is never under the larger; what it hides of the larger is the lens where
    /// they overlap, at most `sliver` of the larger's area.
    private func overlaps(_ a: MarkerGroup, _ b: MarkerGroup, within: Double?) -> Bool {
        let ra = radius(a.count), rb = radius(b.count)
        let dx = a.centre.x - b.centre.x, dy = a.centre.y - b.centre.y
        let d = (dx * dx + dy * dy).squareRoot()
        if let within { return d < within }
        // A marker whose centre lies within another's is at the same place as far as the map can tell.
        return d < max(ra, rb) || MarkerLayout.lens(ra, rb, d) > MarkerLayout.sliver * Double.pi * max(ra, rb) * max(ra, rb)
    }

    /// The area two circles of radii `r1` and `r2`, `d` apart, have in common.
    static func lens(_ r1: Double, _ r2: Double, _ d: Double) -> Double {
        if d >= r1 + r2 { return 0 }
        if d <= abs(r1 - r2) { return Double.pi * min(r1, r2) * min(r1, r2) }
        let a1 = acos(max(-1, min(1, (d * d + r1 * r1 - r2 * r2) / (2 * d * r1))))
        let a2 = acos(max(-1, min(1, (d * d + r2 * r2 - r1 * r1) / (2 * d * r2))))
        let k = max(0, (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2))
        return r1 * r1 * a1 + r2 * r2 * a2 - 0.5 * k.squareRoot()
    }

    private func merged(_ a: MarkerGroup, _ b: MarkerGroup) -> MarkerGroup {
        let n = Double(a.count + b.count)
        let c = XY(x: (a.centre.x * Double(a.count) + b.centre.x * Double(b.count)) / n,
                   y: (a.centre.y * Double(a.count) + b.centre.y * Double(b.count)) / n)
        var g = MarkerGroup(members: (a.members + b.members).sorted(), centre: c, anchor: c, count: a.count + b.count)
        g.radius = radius(g.count)
        return g
    }
    /// Offsets that spread the symbols of markers closer than 16 px around their common centre.
    static func spreadOffsets(_ anchors: [XY]) -> [XY] {
        var offsets = [XY](repeating: XY(x: 0, y: 0), count: anchors.count)
        var assigned = [Bool](repeating: false, count: anchors.count)
        for i in anchors.indices where !assigned[i] {
            var group = [i]
            for j in anchors.indices where j > i && !assigned[j] {
                if group.contains(where: { abs(anchors[$0].x - anchors[j].x) < 16 && abs(anchors[$0].y - anchors[j].y) < 16 }) { group.append(j) }
            }
            for k in group { assigned[k] = true }
            guard group.count > 1 else { continue }
            let cx = group.map { anchors[$0].x }.reduce(0, +) / Double(group.count)
            let cy = group.map { anchors[$0].y }.reduce(0, +) / Double(group.count)
            let radius = 13.0 + 2 * Double(group.count)
            for (m, k) in group.enumerated() {
                let angle = -Double.pi / 2 + 2 * Double.pi * Double(m) / Double(group.count)
                offsets[k] = XY(x: (cx + radius * cos(angle) - anchors[k].x).rounded(), y: (cy + radius * sin(angle) - anchors[k].y).rounded())
            }
        }
        return offsets
    }
}
