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
    /// The box of longitude (x) and latitude (y) holding `points` the short way round: when the
    /// points lie either side of the antimeridian (incidents around Fiji at 179°E and 179°W) and
    /// the box across it is narrower, that one, its east edge past 180° (177.8 to 181.4, not −179
    /// to 179); else the plain box. Nil when there are no points.
    public static func shortWay<S: Sequence>(_ points: S) -> BoundingBox? where S.Element == LonLat {
        var plain: BoundingBox?, across: BoundingBox?
        for p in points {
            let q = XY(x: p.lon, y: p.lat), r = XY(x: p.lon < 0 ? p.lon + 360 : p.lon, y: p.lat)
            if plain == nil { plain = BoundingBox(minX: q.x, minY: q.y, maxX: q.x, maxY: q.y); across = BoundingBox(minX: r.x, minY: r.y, maxX: r.x, maxY: r.y) } else {
                plain!.extend(q)
                across!.extend(r)
            }
        }
        guard let plain, let across else { return nil }
        return across.width < plain.width ? across : plain
    }
}
