import Geometry

/// How the SVG's user units relate to the map CRS: an affine transform
/// from projected metres to SVG units, recorded in the SVG's `<metadata>`.
public struct Georeference: Sendable, Equatable {
    /// The map CRS as given to PROJ.
    public var crs: String
    /// SVG units per projected metre.
    public var scale: Double
    /// Projected x at the frame's left edge.
    public var originX: Double
    /// Projected y at the frame's top edge.
    public var originY: Double
    /// The map frame in SVG units.
    public var frame: BoundingBox
    /// Longitude/latitude bounds of the frame (from `proj_trans_bounds`). Across the antimeridian
    /// the east bound is unwrapped past 180° so that `maxX > minX` always holds.
    public var lonLatBounds: BoundingBox

    /// SVG position of projected (x, y).
    public func svg(x: Double, y: Double) -> XY {
        XY(x: frame.minX + (x - originX) * scale, y: frame.minY + (originY - y) * scale)
    }

    /// Projected position of an SVG point.
    public func projected(svg p: XY) -> (x: Double, y: Double) {
        (originX + (p.x - frame.minX) / scale, originY - (p.y - frame.minY) / scale)
    }

    /// The affine transform [a, b, c, d, e, f]: svgX = a·x + b·y + c, svgY = d·x + e·y + f.
    public var affine: [Double] {
        [scale, 0, frame.minX - originX * scale, 0, -scale, frame.minY + originY * scale]
    }
}

/// The SVG text and its georeference.
public struct RenderedMap: Sendable {
    /// The SVG document.
    public var svg: String
    /// How to place more on it.
    public var georeference: Georeference
    /// The SVG as a node tree (for inlining into HTML).
    public var root: SVGNode
    /// The map CRS as WKT2, when PROJ can export it.
    public var wkt: String?
    /// What the map's projection is, in the map's language, when the renderer chose it for the
    /// data (a world map); nil when it is the default local one or the user's.
    public var crsName: String?
    /// The timeline strip alone, as an SVG of the map's width, when the scene has a timeline (a
    /// report's chronology shows it apart from the map).
    public var timeline: SVGNode?
    /// The key number of each incident on a numbered marker, by incident id.
    public var keyNumbers: [String: Int] = [:]
    /// Whether the map draws rivers (whose data is then credited; small multiples credit it once).
    public var drawsRivers = false
    /// The credits the sources of the names it shows ask for (CLDR's); small multiples credit them once.
    public var nameCredits: [String] = []
    /// Whether `timeline` counts the incidents in bars (an aggregated map's) rather than marking each.
    public var timelineCounts = false
}
