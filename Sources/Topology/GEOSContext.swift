import CGEOS
import Geometry

/// A GEOS call that failed, with GEOS's own message.
public struct TopologyError: Error, CustomStringConvertible, Equatable {
    /// The GEOS function that failed.
    public var operation: String
    /// What GEOS reported (its error handler's last message), or a description of the failure.
    public var message: String

    public var description: String { "GEOS \(operation) failed: \(message)" }
}

/// Whether a geometry is valid in the OGC sense, and GEOS's reason when it is not.
public struct Validity: Equatable, Sendable {
    public var isValid: Bool
    /// "Valid Geometry", or e.g. "Self-intersection[61.2 29.8]".
    public var reason: String
}

/// One GEOS context (`GEOS_init_r`) and the operations this project needs, on our `Geometry`
/// values. Like GEOSwift, the context is owned by one object and freed with it. A context is not
/// thread-safe: use one `GeometryEngine` per thread (they are cheap; nothing here is shared).
public final class GeometryEngine {
    let handle: GEOSContextHandle_t
    /// The last error and notice GEOS reported through the message handlers.
    var lastError: String?
    var lastNotice: String?

    /// Creates a context with error and notice handlers that keep GEOS's message.
    public init() throws {
        // GEOS_init_r returns NULL when the context cannot be allocated.
        guard let h = GEOS_init_r() else { throw TopologyError(operation: "GEOS_init_r", message: "no context") }
        handle = h
        // The handlers get `self` back as user data; the context dies with `self`, so it never outlives it.
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(handle, { message, user in
            guard let user else { return }
            Unmanaged<GeometryEngine>.fromOpaque(user).takeUnretainedValue().lastError = message.map { String(cString: $0) }
        }, me)
        _ = GEOSContext_setNoticeMessageHandler_r(handle, { message, user in
            guard let user else { return }
            Unmanaged<GeometryEngine>.fromOpaque(user).takeUnretainedValue().lastNotice = message.map { String(cString: $0) }
        }, me)
    }

    deinit { GEOS_finish_r(handle) }

    /// The error to throw after `operation` reported failure.
    func failure(_ operation: String) -> TopologyError {
        defer { lastError = nil }
        return TopologyError(operation: operation, message: lastError ?? "failed without a message")
    }

    /// Takes ownership of a geometry GEOS returned, or throws GEOS's message when it is NULL.
    func owned(_ g: OpaquePointer?, _ operation: String) throws -> GEOSGeom {
        // NULL is every constructor's and operation's exception convention.
        guard let g else { throw failure(operation) }
        return GEOSGeom(g, self)
    }

    // MARK: Public operations

    /// Validity and GEOS's reason.
    public func validity(_ g: Geometry) throws -> Validity {
        let geom = try make(g)
        // GEOSisValidReason_r returns NULL on exception; the string is freed with GEOSFree_r.
        guard let reason = GEOSisValidReason_r(handle, geom.ptr) else { throw failure("GEOSisValidReason_r") }
        defer { GEOSFree_r(handle, reason) }
        // GEOSisValid_r returns 2 on exception.
        let valid = GEOSisValid_r(handle, geom.ptr)
        guard valid != 2 else { throw failure("GEOSisValid_r") }
        return Validity(isValid: valid == 1, reason: String(cString: reason))
    }

    /// The area of a geometry in its own units.
    public func area(_ g: Geometry) throws -> Double {
        try area(make(g))
    }

    /// `g`'s polygonal parts clipped to `box`, made valid first when they are not: a valid
    /// Polygon or MultiPolygon (holes kept with their shells), or nil when nothing is left.
    /// Lines and points of collapsed pieces are dropped.
    public func clip(_ g: Geometry, to box: BoundingBox) throws -> Geometry? {
        try geometry(clip(make(g), to: box))
    }

    /// `g` simplified to `tolerance` without changing its topology (GEOSTopologyPreserveSimplify_r).
    public func simplify(_ g: Geometry, tolerance: Double) throws -> Geometry? {
        try geometry(simplify(make(g), tolerance: tolerance))
    }

    /// `g` with every coordinate on a grid of `gridSize`, still valid (GEOSGeom_setPrecision_r
    /// snap-rounds and rebuilds the polygons); nil when it collapses.
    public func snap(_ g: Geometry, toGrid gridSize: Double) throws -> Geometry? {
        try geometry(snap(make(g), toGrid: gridSize))
    }

    /// A point on `parts` taken together, as PostGIS's `ST_PointOnSurface` finds it: inside a
    /// polygon (never in a hole or in the bay of a crescent, where a centroid can fall), on a
    /// line at an inner vertex, or the given point nearest the centre of several. Parts of the
    /// highest dimension decide. A polygon that is not valid is made valid first. Nil when the
    /// parts hold nothing (empty, or rings of no area and nothing else).
    public func pointOnSurface(_ parts: [Geometry]) throws -> LonLat? {
        var made: [GEOSGeom] = []
        for part in parts {
            var g = try make(part)
            if !part.polygons.isEmpty, try !isValid(g) { g = try valid(g) }
            if try !isEmpty(g) { made.append(g) }
        }
        guard !made.isEmpty else { return nil }
        // The collection takes clones: each `made` geometry is freed with its wrapper.
        let whole = made.count == 1 ? made[0] : try collection(GEOS_GEOMETRYCOLLECTION, made.map { GEOSGeom_clone_r(handle, $0.ptr) })
        let p = try owned(GEOSPointOnSurface_r(handle, whole.ptr), "GEOSPointOnSurface_r")
        guard try !isEmpty(p) else { return nil }
        return try position(of: p)
    }

    /// The point of the line `points` at `fraction` of its length (planar, in its coordinates),
    /// as PostGIS's `ST_LineInterpolatePoint` finds it.
    public func pointAlong(_ points: [LonLat], fraction: Double) throws -> LonLat {
        let line = try make(.lineString(points))
        return try position(of: owned(GEOSInterpolateNormalized_r(handle, line.ptr, fraction), "GEOSInterpolateNormalized_r"))
    }

    /// The coordinates of the point `p`.
    private func position(of p: GEOSGeom) throws -> LonLat {
        var x = 0.0, y = 0.0
        // GEOSGeomGetX_r and GEOSGeomGetY_r return 0 on exception.
        guard GEOSGeomGetX_r(handle, p.ptr, &x) != 0, GEOSGeomGetY_r(handle, p.ptr, &y) != 0 else { throw failure("GEOSGeomGetX_r") }
        return LonLat(lon: x, lat: y)
    }

    // MARK: Operations on GEOS geometries

    func area(_ g: GEOSGeom) throws -> Double {
        var a = 0.0
        // GEOSArea_r returns 0 on exception.
        guard GEOSArea_r(handle, g.ptr, &a) != 0 else { throw failure("GEOSArea_r") }
        return a
    }

    func isValid(_ g: GEOSGeom) throws -> Bool {
        let v = GEOSisValid_r(handle, g.ptr)
        // 2 is GEOSisValid_r's exception value.
        guard v != 2 else { throw failure("GEOSisValid_r") }
        return v == 1
    }

    func isEmpty(_ g: GEOSGeom) throws -> Bool {
        let v = GEOSisEmpty_r(handle, g.ptr)
        // 2 is GEOSisEmpty_r's exception value.
        guard v != 2 else { throw failure("GEOSisEmpty_r") }
        return v == 1
    }

    /// A valid geometry: `g` itself when valid, else GEOS's "structure" repair (polygons stay polygons).
    func valid(_ g: GEOSGeom) throws -> GEOSGeom {
        guard try !isValid(g) else { return g }
        // GEOSMakeValidParams_create_r returns NULL on exception.
        guard let params = GEOSMakeValidParams_create_r(handle) else { throw failure("GEOSMakeValidParams_create_r") }
        defer { GEOSMakeValidParams_destroy_r(handle, params) }
        // The setters return 0 on exception.
        guard GEOSMakeValidParams_setMethod_r(handle, params, GEOS_MAKE_VALID_STRUCTURE) != 0 else { throw failure("GEOSMakeValidParams_setMethod_r") }
        guard GEOSMakeValidParams_setKeepCollapsed_r(handle, params, 0) != 0 else { throw failure("GEOSMakeValidParams_setKeepCollapsed_r") }
        return try polygonal(owned(GEOSMakeValidWithParams_r(handle, g.ptr, params), "GEOSMakeValidWithParams_r"))
    }

    /// The intersection of valid `g` with `box` (OverlayNG in GEOS 3.11), polygonal parts only.
    func clip(_ g: GEOSGeom, to box: BoundingBox) throws -> GEOSGeom {
        let rect = try owned(GEOSGeom_createRectangle_r(handle, box.minX, box.minY, box.maxX, box.maxY), "GEOSGeom_createRectangle_r")
        let v = try valid(polygonal(g))
        return try polygonal(owned(GEOSIntersection_r(handle, v.ptr, rect.ptr), "GEOSIntersection_r"))
    }

    func simplify(_ g: GEOSGeom, tolerance: Double) throws -> GEOSGeom {
        try polygonal(owned(GEOSTopologyPreserveSimplify_r(handle, g.ptr, tolerance), "GEOSTopologyPreserveSimplify_r"))
    }

    func snap(_ g: GEOSGeom, toGrid gridSize: Double) throws -> GEOSGeom {
        // Flags 0: snap-round and rebuild polygons so that the result is valid on the grid.
        try polygonal(owned(GEOSGeom_setPrecision_r(handle, g.ptr, gridSize, 0), "GEOSGeom_setPrecision_r"))
    }

    /// Only the polygons of `g` (a collection's lines and points dropped), as a MultiPolygon
    /// (or `g` itself when it is a Polygon or MultiPolygon already).
    func polygonal(_ g: GEOSGeom) throws -> GEOSGeom {
        let type = try typeID(g)
        if type == GEOS_POLYGON.rawValue || type == GEOS_MULTIPOLYGON.rawValue { return g }
        var parts: [OpaquePointer?] = []
        try collectPolygons(g) { p in
            // GEOSGeom_clone_r returns NULL on exception.
            guard let c = GEOSGeom_clone_r(self.handle, p) else { throw self.failure("GEOSGeom_clone_r") }
            parts.append(c)
        }
        return try collection(GEOS_MULTIPOLYGON, parts)
    }

    func typeID(_ g: GEOSGeom) throws -> Int32 { try typeID(g.ptr) }

    func typeID(_ g: OpaquePointer) throws -> Int32 {
        let t = GEOSGeomTypeId_r(handle, g)
        // -1 is GEOSGeomTypeId_r's exception value.
        guard t != -1 else { throw failure("GEOSGeomTypeId_r") }
        return t
    }

    /// Calls `body` with every polygon in `g` (borrowed pointers, valid while `g` lives).
    func collectPolygons(_ g: GEOSGeom, _ body: (OpaquePointer) throws -> Void) throws {
        func visit(_ p: OpaquePointer) throws {
            let t = try typeID(p)
            if t == GEOS_POLYGON.rawValue {
                if GEOSisEmpty_r(handle, p) == 0 { try body(p) }
            } else if t == GEOS_MULTIPOLYGON.rawValue || t == GEOS_GEOMETRYCOLLECTION.rawValue {
                let n = GEOSGetNumGeometries_r(handle, p)
                // -1 is GEOSGetNumGeometries_r's exception value.
                guard n >= 0 else { throw failure("GEOSGetNumGeometries_r") }
                for i in 0..<n {
                    // GEOSGetGeometryN_r returns NULL on exception.
                    guard let part = GEOSGetGeometryN_r(handle, p, i) else { throw failure("GEOSGetGeometryN_r") }
                    try visit(part)
                }
            }
        }
        try visit(g.ptr)
    }
}

/// A GEOS geometry owned by Swift: destroyed with the context it was made in (which it keeps alive).
final class GEOSGeom {
    let ptr: OpaquePointer
    let engine: GeometryEngine

    init(_ ptr: OpaquePointer, _ engine: GeometryEngine) {
        self.ptr = ptr
        self.engine = engine
    }

    deinit { GEOSGeom_destroy_r(engine.handle, ptr) }
}
