import CPROJ

/// A coordinate transformation between two CRSs that PROJ accepts
/// (`EPSG:4326`, `EPSG:32641`, a PROJ string, WKT, PROJJSON).
///
/// Axis order is normalised for visualisation: callers always pass and get
/// longitude/easting first, latitude/northing second, whatever the CRS's
/// official axis order. Not thread-safe: use one instance per thread.
public final class Projection {
    private let context: ProjContext
    private let pj: OpaquePointer
    /// The source CRS as given.
    public let source: String
    /// The target CRS as given.
    public let target: String

    /// Creates a transformation from `source` to `target`.
    /// - Throws: `ProjectionError` with PROJ's message when PROJ rejects either CRS.
    public init(from source: String, to target: String) throws {
        self.source = source
        self.target = target
        let ctx = ProjContext()
        ctx.reset()
        let operation = "create a transformation from \(Projection.shortName(source)) to \(Projection.shortName(target))"
        // proj_create_crs_to_crs returns NULL on failure and sets the context errno.
        guard let raw = proj_create_crs_to_crs(ctx.raw, source, target, nil) else {
            throw ctx.error(operation)
        }
        // proj_normalize_for_visualization returns NULL on failure; the original PJ must still be freed.
        guard let normalized = proj_normalize_for_visualization(ctx.raw, raw) else {
            let error = ctx.error(operation)
            proj_destroy(raw)
            throw error
        }
        proj_destroy(raw)
        self.context = ctx
        self.pj = normalized
    }

    /// Convenience: from WGS84 longitude/latitude (`EPSG:4326`) to `target`.
    public convenience init(to target: String) throws {
        try self.init(from: "EPSG:4326", to: target)
    }

    deinit { proj_destroy(pj) }

    /// Transforms one point forward (source → target).
    public func forward(_ x: Double, _ y: Double) throws -> (x: Double, y: Double) {
        try transform(x, y, direction: PJ_FWD)
    }

    /// Transforms one point backward (target → source).
    public func inverse(_ x: Double, _ y: Double) throws -> (x: Double, y: Double) {
        try transform(x, y, direction: PJ_INV)
    }

    /// Transforms arrays of coordinates in place through `proj_trans_generic`.
    /// - Throws: when PROJ fails for any point; the arrays then hold PROJ's
    ///   output (failed points as `HUGE_VAL`).
    public func forward(xs: inout [Double], ys: inout [Double]) throws {
        try transformBatch(xs: &xs, ys: &ys, direction: PJ_FWD)
    }

    /// Like `forward(xs:ys:)` but tolerates points PROJ cannot transform
    /// (e.g. outside a UTM zone's domain): those come back non-finite.
    /// - Returns: how many points failed.
    @discardableResult
    public func forwardAllowingFailures(xs: inout [Double], ys: inout [Double]) -> Int {
        transformAllowingFailures(xs: &xs, ys: &ys, direction: PJ_FWD)
    }

    /// Like `inverse(xs:ys:)` but tolerates points PROJ cannot transform (e.g. beyond the edge
    /// of a world projection): those come back non-finite.
    /// - Returns: how many points failed.
    @discardableResult
    public func inverseAllowingFailures(xs: inout [Double], ys: inout [Double]) -> Int {
        transformAllowingFailures(xs: &xs, ys: &ys, direction: PJ_INV)
    }

    private func transformAllowingFailures(xs: inout [Double], ys: inout [Double], direction: PJ_DIRECTION) -> Int {
        precondition(xs.count == ys.count, "xs and ys must have the same length")
        if xs.isEmpty { return 0 }
        context.reset()
        let stride = MemoryLayout<Double>.stride
        let n = xs.count
        xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                // Failed points are set to HUGE_VAL; the errno is cleared below so the next call starts clean.
                _ = proj_trans_generic(pj, direction, xb.baseAddress, stride, n, yb.baseAddress, stride, n,
                                       nil, 0, 0, nil, 0, 0)
            }
        }
        proj_errno_reset(pj)
        var failed = 0
        for i in 0..<n where !(xs[i].isFinite && ys[i].isFinite && abs(xs[i]) < 1e15 && abs(ys[i]) < 1e15) {
            xs[i] = .nan
            ys[i] = .nan
            failed += 1
        }
        return failed
    }

    /// Inverse of `forward(xs:ys:)`.
    public func inverse(xs: inout [Double], ys: inout [Double]) throws {
        try transformBatch(xs: &xs, ys: &ys, direction: PJ_INV)
    }

    /// The bounds, in the target CRS, of the box `minX...maxX × minY...maxY` in the source CRS,
    /// through `proj_trans_bounds`: each edge densified with 21 points, the outermost result kept.
    /// When the target is longitude/latitude and the box crosses the antimeridian, `minX > maxX`.
    /// - Throws: `ProjectionError` with PROJ's message when PROJ cannot transform the box.
    public func forwardBounds(minX: Double, minY: Double, maxX: Double, maxY: Double) throws
        -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        try transformBounds(minX: minX, minY: minY, maxX: maxX, maxY: maxY, direction: PJ_FWD)
    }

    /// Like `forwardBounds` from the target CRS back to the source CRS; when the source is
    /// longitude/latitude and the box crosses the antimeridian, `minX > maxX`.
    public func inverseBounds(minX: Double, minY: Double, maxX: Double, maxY: Double) throws
        -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        try transformBounds(minX: minX, minY: minY, maxX: maxX, maxY: maxY, direction: PJ_INV)
    }

    /// The target CRS as WKT2:2019, for metadata.
    public func targetWKT() -> String? {
        // proj_get_target_crs returns NULL when the operation has no target CRS.
        guard let crs = proj_get_target_crs(context.raw, pj) else { return nil }
        defer { proj_destroy(crs) }
        // proj_as_wkt returns NULL when the object cannot be exported.
        guard let wkt = proj_as_wkt(context.raw, crs, PJ_WKT2_2019, nil) else { return nil }
        return String(cString: wkt)
    }

    /// The target CRS as PROJJSON, for metadata.
    public func targetPROJJSON() -> String? {
        guard let crs = proj_get_target_crs(context.raw, pj) else { return nil }
        defer { proj_destroy(crs) }
        // proj_as_projjson returns NULL when the object cannot be exported.
        guard let json = proj_as_projjson(context.raw, crs, nil) else { return nil }
        return String(cString: json)
    }

    private func transform(_ x: Double, _ y: Double, direction: PJ_DIRECTION) throws -> (x: Double, y: Double) {
        context.reset()
        proj_errno_reset(pj)
        var coord = PJ_COORD()
        coord.v = (x, y, 0, 0)
        // proj_trans signals failure through proj_errno and HUGE_VAL coordinates.
        let out = proj_trans(pj, direction, coord)
        let code = proj_errno(pj)
        if code != 0 || !out.v.0.isFinite || !out.v.1.isFinite {
            proj_errno_reset(pj)
            throw context.error("transform (\(x), \(y)) \(direction == PJ_FWD ? "to" : "from") \(Projection.shortName(target))", pj: pj)
        }
        return (out.v.0, out.v.1)
    }

    private func transformBounds(minX: Double, minY: Double, maxX: Double, maxY: Double, direction: PJ_DIRECTION) throws
        -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        context.reset()
        proj_errno_reset(pj)
        var outMinX = 0.0, outMinY = 0.0, outMaxX = 0.0, outMaxY = 0.0
        // proj_trans_bounds returns FALSE (0) on failure and sets the errno; the outputs are then undefined.
        let ok = proj_trans_bounds(context.raw, pj, direction, minX, minY, maxX, maxY,
                                   &outMinX, &outMinY, &outMaxX, &outMaxY, 21)
        if ok == 0 || ![outMinX, outMinY, outMaxX, outMaxY].allSatisfy(\.isFinite) {
            var error = context.error("transform the bounds (\(minX), \(minY), \(maxX), \(maxY)) \(direction == PJ_FWD ? "to" : "from") \(Projection.shortName(target))", pj: pj)
            proj_errno_reset(pj)
            // PROJ logs once per failed point of the densified edges: say each message once.
            var seen = Set<Substring>()
            error.message = error.message.split(separator: "; ").filter { seen.insert($0).inserted }.joined(separator: "; ")
            throw error
        }
        return (outMinX, outMinY, outMaxX, outMaxY)
    }

    private func transformBatch(xs: inout [Double], ys: inout [Double], direction: PJ_DIRECTION) throws {
        precondition(xs.count == ys.count, "xs and ys must have the same length")
        if xs.isEmpty { return }
        context.reset()
        proj_errno_reset(pj)
        let stride = MemoryLayout<Double>.stride
        let n = xs.count
        // proj_trans_generic returns the number of transformed points; errors set proj_errno.
        let done = xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                proj_trans_generic(pj, direction, xb.baseAddress, stride, n, yb.baseAddress, stride, n,
                                   nil, 0, 0, nil, 0, 0)
            }
        }
        let code = proj_errno(pj)
        let firstBad = xs.indices.first { !xs[$0].isFinite || !ys[$0].isFinite }
        if code != 0 || done != n || firstBad != nil {
            proj_errno_reset(pj)
            let which = firstBad.map { " (first failing point: #\($0))" } ?? ""
            throw context.error("transform \(n) points\(which) to \(Projection.shortName(target))", pj: pj)
        }
    }

    /// A CRS definition short enough to quote in a message.
    static func shortName(_ crs: String) -> String {
        let oneLine = crs.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 80 ? String(oneLine.prefix(77)) + "…" : oneLine
    }
}
