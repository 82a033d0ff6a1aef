import Geometry

/// The georeference as JSON in the SVG's `<metadata>`: CRS, affine transform, lon/lat bounds,
/// the CRS as WKT, the point of view of the borders and the command that made the map.
enum MetadataElement {
    static func build(_ scene: MapScene, frame: MapFrame, p: String) -> SVGNode {
        .el("metadata", [("id", "\(p)georeference")], [.text(json(scene, frame: frame))])
    }

    static func json(_ scene: MapScene, frame: MapFrame) -> String {
        let b = frame.lonLatBounds
        // West, south, east, north; east is wrapped back into ±180°, so west > east across the antimeridian (as in RFC 7946).
        let east = b.maxX > 180 ? b.maxX - 360 : b.maxX
        var members: [(String, JSONValue)] = [
            ("crs", .string(frame.crs)),
            ("affine", .array(frame.georef.affine.map { .number(($0 * 1e9).rounded() / 1e9) })),
            ("affine_doc", .string("svg_x = a*x + b*y + c; svg_y = d*x + e*y + f; x, y in the CRS's projected units")),
            ("bbox_lonlat", .array([b.minX, b.minY, east, b.maxY].map { .number(($0 * 1e6).rounded() / 1e6) })),
        ]
        if let wkt = frame.projection.targetWKT() { members.append(("crs_wkt", .string(wkt))) }
        if let w = scene.worldview {
            members.append(("worldview", .object([("code", .string(w.code)), ("country", .string(w.country)), ("default", .bool(w.isDefault)),
                                                  ("source", .string("Natural Earth 5.1.1 point-of-view columns (FCLASS_\(w.code), ADM0_A3_\(w.code))"))])))
        }
        if let command = scene.command { members.append(("command", .string(command))) }
        return JSONText.string(.object(members))
    }
}
