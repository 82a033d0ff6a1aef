import Geometry

/// Estimated text metrics for the generic sans-serif stack (DejaVu Sans is
/// the widest common member, so estimates err on the side of room).
enum TextMetrics {
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for ch in text {
            switch ch {
            case "i", "l", "j", "'", ".", ",", ":", ";", "|", "!", "I", "f", "t", "(", ")", "[", "]": em += 0.34
            case " ": em += 0.32
            case "m", "w", "M", "W", "—": em += 0.92
            // Arabic script (Noto Naskh; Nastaliq is narrower but taller): joined letters about half an em, marks and ZWNJ none.
            case _ where ch.unicodeScalars.first.map({ (0x0600...0x06FF).contains($0.value) || (0xFB50...0xFEFF).contains($0.value) }) == true:
                em += ch.unicodeScalars.first!.properties.generalCategory == .nonspacingMark ? 0 : 0.5
            // Joiners and marks of direction take no room.
            case "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}": break
            case _ where ch.isUppercase: em += 0.72
            case _ where ch.isNumber: em += 0.64
            default: em += 0.6
            }
        }
        return em * size * (bold ? 1.08 : 1.0)
    }

    /// Greedy word wrap to `maxWidth`.
    static func wrap(_ text: String, size: Double, maxWidth: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var cur = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = cur.isEmpty ? String(word) : cur + " " + word
            if width(candidate, size: size, bold: bold) <= maxWidth || cur.isEmpty {
                cur = candidate
            } else {
                lines.append(cur)
                cur = String(word)
            }
        }
        if !cur.isEmpty { lines.append(cur) }
        return lines
    }
}

/// A placed label: where its text starts and the box it covers.
struct PlacedLabel: Sendable {
    var box: BoundingBox
    /// Position of the first baseline.
    var origin: XY
    /// SVG `text-anchor`.
    var anchor: String
    /// Whether a leader line joins it to its anchor point.
    var leader: Bool
    /// Where the leader meets the label box.
    var leaderEnd: XY
}

/// Places labels greedily so that no two overlap and none covers a marker:
/// it tries positions around the anchor, then farther out with a leader line.
struct LabelPlacer: Sendable {
    /// Boxes already taken (labels, markers, legend, panels).
    private(set) var taken: [BoundingBox] = []
    /// Labels must stay inside this box.
    let bounds: BoundingBox

    init(bounds: BoundingBox) { self.bounds = bounds }

    /// Marks a box as taken.
    mutating func block(_ box: BoundingBox) { taken.append(box) }

    func isFree(_ box: BoundingBox) -> Bool {
        box.minX >= bounds.minX && box.maxX <= bounds.maxX && box.minY >= bounds.minY && box.maxY <= bounds.maxY
            && !taken.contains { $0.intersects(box) }
    }

    /// Places a block of `lines` (widths and one line height) near `point`.
    mutating func place(at point: XY, width w: Double, height h: Double, ascent: Double,
                        gap: Double, leaderDistances: [Double] = [], centered: Bool = false,
                        accept: (PlacedLabel) -> Bool = { _ in true }) -> PlacedLabel? {
        if centered {
            let box = BoundingBox(minX: point.x - w / 2, minY: point.y - h / 2, maxX: point.x + w / 2, maxY: point.y + h / 2)
            guard isFree(box) else { return nil }
            taken.append(box)
            return PlacedLabel(box: box, origin: XY(x: point.x, y: box.minY + ascent), anchor: "middle", leader: false, leaderEnd: point)
        }
        // Directions in preference order: right, left, upper right, lower right, upper left, lower left, above, below.
        let dirs: [(Double, Double)] = [(1, 0), (-1, 0), (1, -1), (1, 1), (-1, -1), (-1, 1), (0, -1), (0, 1)]
        for (ring, distance) in ([gap] + leaderDistances).enumerated() {
            for (dx, dy) in dirs {
                let cx = point.x + dx * distance, cy = point.y + dy * distance * (ring == 0 ? 0.7 : 1)
                var minX: Double
                switch dx { case 1: minX = cx; case -1: minX = cx - w; default: minX = cx - w / 2 }
                var minY: Double
                switch dy { case -1: minY = cy - h; case 1: minY = cy; default: minY = cy - h / 2 }
                if dx == 0 { minY += dy * 2 }
                minX = minX.rounded(); minY = minY.rounded()
                let box = BoundingBox(minX: minX, minY: minY, maxX: minX + w, maxY: minY + h)
                guard isFree(box) else { continue }
                let anchor = dx == 1 ? "start" : (dx == -1 ? "end" : "middle")
                let x = dx == 1 ? box.minX : (dx == -1 ? box.maxX : box.center.x)
                let end = XY(x: min(max(point.x, box.minX), box.maxX), y: min(max(point.y, box.minY), box.maxY))
                let placed = PlacedLabel(box: box, origin: XY(x: x, y: box.minY + ascent), anchor: anchor,
                                         leader: ring > 0, leaderEnd: end)
                guard accept(placed) else { continue }
                taken.append(box)
                return placed
            }
        }
        return nil
    }
}
