/// A WGS84 position: longitude then latitude, in degrees (RFC 7946 order).
public struct LonLat: Hashable, Sendable, CustomStringConvertible {
    /// Longitude in degrees east.
    public var lon: Double
    /// Latitude in degrees north.
    public var lat: Double

    /// Creates a position.
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// True when both values are finite and within ±180 / ±90.
    public var isValid: Bool {
        lon.isFinite && lat.isFinite && abs(lon) <= 180 && abs(lat) <= 90
    }

    public var description: String { "(\(lon), \(lat))" }
}

/// A planar point, e.g. projected metres or SVG user units.
public struct XY: Hashable, Sendable {
    /// Horizontal coordinate.
    public var x: Double
    /// Vertical coordinate.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in longitude/latitude or planar units.
public struct BoundingBox: Equatable, Sendable {
    /// Smallest x (west).
    public var minX: Double
    /// Smallest y (south).
    public var minY: Double
    /// Largest x (east).
    public var maxX: Double
    /// Largest y (north).
    public var maxY: Double

    /// Creates a box from its edges.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest box holding all `points`, or nil when there are none.
    public init?<S: Sequence>(points: S) where S.Element == XY {
        var it = points.makeIterator()
        guard let first = it.next() else { return nil }
        self.init(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let p = it.next() { extend(p) }
    }

    /// Grows the box to hold `p`.
    public mutating func extend(_ p: XY) {
        minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
        minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
    }

    /// Width (maxX − minX).
    public var width: Double { maxX - minX }
    /// Height (maxY − minY).
    public var height: Double { maxY - minY }
    /// The centre point.
    public var center: XY { XY(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    /// True when `p` lies inside or on the edge.
    public func contains(_ p: XY) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    /// True when the two boxes share any point.
    public func intersects(_ other: BoundingBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The box grown by `dx` and `dy` on each side.
    public func expanded(dx: Double, dy: Double) -> BoundingBox {
        BoundingBox(minX: minX - dx, minY: minY - dy, maxX: maxX + dx, maxY: maxY + dy)
    }
}

extension BoundingBox {
    /// The box of longitude (x) and latitude (y) holding `points` the short way round (see
    /// `LonLatExtent.shortWay`); nil when there are no points.
    public static func shortWay<S: Sequence>(_ points: S) -> BoundingBox? where S.Element == LonLat {
        var extent = LonLatExtent()
        for p in points { extent.add(p) }
        return extent.shortWay
    }

    /// The box of longitude and latitude as boxes within ±180°: itself, or, when its east edge
    /// lies past 180° (across the antimeridian), its parts either side; the whole circle of
    /// longitude when those parts would overlap (a box round nearly all the globe, widened by a
    /// margin), for what lies in both would otherwise be taken twice.
    public var withinAntimeridian: [BoundingBox] {
        guard maxX > 180 else { return [self] }
        if maxX - 360 >= minX { return [BoundingBox(minX: -180, minY: minY, maxX: 180, maxY: maxY)] }
        return [BoundingBox(minX: minX, minY: minY, maxX: 180, maxY: maxY), BoundingBox(minX: -180, minY: minY, maxX: maxX - 360, maxY: maxY)]
    }
}

/// The extent of positions and boxes of longitude and latitude, kept two ways: as they are, and
/// with western longitudes turned by 360° (the box across the antimeridian). Points around Fiji
/// at 179°E and 179°W span 3° across it and 358° the other way: `shortWay` is the narrower.
public struct LonLatExtent: Sendable {
    /// The box as the longitudes are, from −180° to 180°.
    public private(set) var plain: BoundingBox?
    private var across: BoundingBox?
    /// A box straddling the prime meridian was added: across the antimeridian the extent would
    /// go round the whole circle, so the plain box is the short way.
    private var straddlesPrimeMeridian = false

    public init() {}

    /// Adds a position.
    public mutating func add(_ p: LonLat) { add(BoundingBox(minX: p.lon, minY: p.lat, maxX: p.lon, maxY: p.lat)) }

    /// Adds a box (west to east, within ±180°).
    public mutating func add(_ b: BoundingBox) {
        LonLatExtent.extend(&plain, b)
        if b.minX >= 0 {
            LonLatExtent.extend(&across, b)
        } else if b.maxX < 0 {
            LonLatExtent.extend(&across, BoundingBox(minX: b.minX + 360, minY: b.minY, maxX: b.maxX + 360, maxY: b.maxY))
        } else {
            straddlesPrimeMeridian = true
        }
    }

    /// Adds each part of `g` (each polygon, line or position: a country split at the antimeridian
    /// is two parts, either side of it).
    public mutating func add(_ g: Geometry) {
        switch g {
        case .point(let p): add(p)
        case .lineString(let line): if let b = Geometry.lineString(line).bounds { add(b) }
        case .multiLineString(let lines): for line in lines { if let b = Geometry.lineString(line).bounds { add(b) } }
        case .polygon, .multiPolygon: for p in g.polygons { if let b = Geometry.polygon(p).bounds { add(b) } }
        }
    }

    /// The plain box, or, when it is narrower, the box across the antimeridian, whose east edge
    /// lies past 180° (177.8 to 181.4); nil when nothing was added.
    public var shortWay: BoundingBox? {
        guard let plain else { return nil }
        if !straddlesPrimeMeridian, let across, across.width < plain.width { return across }
        return plain
    }

    private static func extend(_ box: inout BoundingBox?, _ b: BoundingBox) {
        if box == nil { box = b } else {
            box!.extend(XY(x: b.minX, y: b.minY))
            box!.extend(XY(x: b.maxX, y: b.maxY))
        }
    }
}
