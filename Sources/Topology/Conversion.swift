import CGEOS
import Geometry

/// Our `Geometry` values to GEOS geometries and back, through coordinate sequences (x = lon, y = lat).
extension GeometryEngine {
    /// A GEOS geometry for `g`. Rings are closed when they are not; rings of fewer than four
    /// positions (nothing of an area) are left out, and so are polygons whose exterior is.
    func make(_ g: Geometry) throws -> GEOSGeom {
        switch g {
        case .point(let p):
            return try owned(GEOSGeom_createPointFromXY_r(handle, p.lon, p.lat), "GEOSGeom_createPointFromXY_r")
        case .lineString(let l):
            return try owned(lineString(l), "GEOSGeom_createLineString_r")
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, ls.map { try lineString($0) })
        case .polygon(let p):
            guard let poly = try polygon(p) else { return try collection(GEOS_MULTIPOLYGON, []) }
            return try owned(poly, "GEOSGeom_createPolygon_r")
        case .multiPolygon(let ps):
            return try collection(GEOS_MULTIPOLYGON, ps.compactMap { try polygon($0) })
        }
    }

    /// A collection of `type` that takes ownership of `parts`.
    func collection(_ type: GEOSGeomTypes, _ parts: [OpaquePointer?]) throws -> GEOSGeom {
        var parts = parts
        let g = parts.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buf.baseAddress, UInt32(buf.count))
        }
        return try owned(g, "GEOSGeom_createCollection_r")
    }

    func sequence(_ pts: [LonLat]) throws -> OpaquePointer {
        var buf: [Double] = []
        buf.reserveCapacity(pts.count * 2)
        for p in pts { buf.append(p.lon); buf.append(p.lat) }
        // GEOSCoordSeq_copyFromBuffer_r returns NULL on exception.
        guard let s = GEOSCoordSeq_copyFromBuffer_r(handle, buf, UInt32(pts.count), 0, 0) else { throw failure("GEOSCoordSeq_copyFromBuffer_r") }
        return s
    }

    func lineString(_ pts: [LonLat]) throws -> OpaquePointer {
        // GEOSGeom_createLineString_r takes the sequence and returns NULL on exception.
        guard let l = try GEOSGeom_createLineString_r(handle, sequence(pts)) else { throw failure("GEOSGeom_createLineString_r") }
        return l
    }

    func linearRing(_ ring: Ring) throws -> OpaquePointer? {
        var r = ring
        if let f = r.first, f != r.last { r.append(f) }
        guard r.count >= 4 else { return nil }
        // GEOSGeom_createLinearRing_r takes the sequence and returns NULL on exception.
        guard let g = try GEOSGeom_createLinearRing_r(handle, sequence(r)) else { throw failure("GEOSGeom_createLinearRing_r") }
        return g
    }

    func polygon(_ p: Polygon) throws -> OpaquePointer? {
        guard let shell = try linearRing(p.exterior) else { return nil }
        var holes: [OpaquePointer?] = try p.holes.compactMap { try linearRing($0) }
        let g = holes.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(handle, shell, buf.baseAddress, UInt32(buf.count))
        }
        // GEOSGeom_createPolygon_r takes the rings and returns NULL on exception.
        guard let g else { throw failure("GEOSGeom_createPolygon_r") }
        return g
    }

    /// The polygons of `g` as a Polygon or MultiPolygon in GEOS's order, exteriors counter-clockwise
    /// and holes clockwise; nil when `g` holds no polygon.
    func geometry(_ g: GEOSGeom) throws -> Geometry? {
        var polys: [Polygon] = []
        try collectPolygons(g) { p in
            // GEOSGetExteriorRing_r returns NULL on exception.
            guard let ext = GEOSGetExteriorRing_r(handle, p) else { throw failure("GEOSGetExteriorRing_r") }
            let n = GEOSGetNumInteriorRings_r(handle, p)
            // -1 is GEOSGetNumInteriorRings_r's exception value.
            guard n >= 0 else { throw failure("GEOSGetNumInteriorRings_r") }
            var holes: [Ring] = []
            for i in 0..<n {
                // GEOSGetInteriorRingN_r returns NULL on exception.
                guard let h = GEOSGetInteriorRingN_r(handle, p, i) else { throw failure("GEOSGetInteriorRingN_r") }
                holes.append(try positions(h))
            }
            polys.append(Orientation.oriented(Polygon(exterior: try positions(ext), holes: holes)))
        }
        switch polys.count {
        case 0: return nil
        case 1: return .polygon(polys[0])
        default: return .multiPolygon(polys)
        }
    }

    /// The positions of a LineString or LinearRing.
    func positions(_ line: OpaquePointer) throws -> [LonLat] {
        // GEOSGeom_getCoordSeq_r returns NULL on exception.
        guard let seq = GEOSGeom_getCoordSeq_r(handle, line) else { throw failure("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        // GEOSCoordSeq_getSize_r returns 0 on exception.
        guard GEOSCoordSeq_getSize_r(handle, seq, &size) != 0 else { throw failure("GEOSCoordSeq_getSize_r") }
        var buf = [Double](repeating: 0, count: Int(size) * 2)
        // GEOSCoordSeq_copyToBuffer_r returns 0 on exception.
        guard GEOSCoordSeq_copyToBuffer_r(handle, seq, &buf, 0, 0) != 0 else { throw failure("GEOSCoordSeq_copyToBuffer_r") }
        return (0..<Int(size)).map { LonLat(lon: buf[2 * $0], lat: buf[2 * $0 + 1]) }
    }
}
