import Foundation

/// A feature read from GeoJSON: its geometry and properties.
public struct Feature: Sendable {
    /// The feature's geometry.
    public var geometry: Geometry
    /// The feature's properties (unordered on reading).
    public var properties: [String: JSONValue]

    /// Creates a feature.
    public init(geometry: Geometry, properties: [String: JSONValue]) {
        self.geometry = geometry
        self.properties = properties
    }

    /// The string property `key`, or nil.
    public func string(_ key: String) -> String? { properties[key]?.stringValue }
    /// The number property `key`, or nil.
    public func number(_ key: String) -> Double? { properties[key]?.numberValue }
}

/// A GeoJSON document that could not be read, with the JSON path of the problem.
public struct GeoJSONError: Error, CustomStringConvertible, Sendable {
    /// Path of the offending member, e.g. `features[3].geometry.coordinates`.
    public var path: String
    /// What is wrong.
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Reads GeoJSON FeatureCollections into `Feature` values.
public enum GeoJSONReader {
    /// Reads a FeatureCollection from `data`.
    public static func features(from data: Data) throws -> [Feature] {
        let root: JSONValue
        do {
            root = try JSONParser().parse(data)
        } catch let e as JSONParseError {
            throw GeoJSONError(path: "$", message: "not valid JSON (\(e))")
        }
        guard case .object = root, root["type"]?.stringValue == "FeatureCollection", let features = root["features"]?.arrayValue else {
            throw GeoJSONError(path: "$", message: "expected a FeatureCollection with a features array")
        }
        return try features.enumerated().map { index, f in
            let path = "features[\(index)]"
            guard case .object = f else { throw GeoJSONError(path: path, message: "not an object") }
            guard let g = f["geometry"], case .object = g else {
                throw GeoJSONError(path: path + ".geometry", message: "missing or null geometry")
            }
            let geometry = try self.geometry(g, path: path + ".geometry")
            var props: [String: JSONValue] = [:]
            if case .object(let members)? = f["properties"] { for (k, v) in members { props[k] = v } }
            return Feature(geometry: geometry, properties: props)
        }
    }

    /// The geometry of a GeoJSON geometry object.
    public static func geometry(_ g: JSONValue, path: String) throws -> Geometry {
        guard let type = g["type"]?.stringValue else { throw GeoJSONError(path: path + ".type", message: "missing") }
        let coords = g["coordinates"]
        let cpath = path + ".coordinates"
        switch type {
        case "Point": return .point(try position(coords, path: cpath))
        case "LineString": return .lineString(try positions(coords, path: cpath))
        case "MultiLineString": return .multiLineString(try list(coords, path: cpath) { try positions($0, path: $1) })
        case "Polygon": return .polygon(try polygon(coords, path: cpath))
        case "MultiPolygon": return .multiPolygon(try list(coords, path: cpath) { try polygon($0, path: $1) })
        default: throw GeoJSONError(path: path + ".type", message: "unsupported geometry type \(type)")
        }
    }

    /// The geometry types an incident may be given as: a point, or an area or line it stands for.
    public static let incidentGeometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]

    /// The parts of any GeoJSON geometry: itself, the points of a MultiPoint, the members of a
    /// GeometryCollection (nested ones flattened). Throws at the first position or type that is wrong.
    public static func parts(_ g: JSONValue, path: String) throws -> [Geometry] {
        guard case .object = g else { throw GeoJSONError(path: path, message: "expected a geometry object") }
        switch g["type"]?.stringValue {
        case "MultiPoint":
            return try list(g["coordinates"], path: path + ".coordinates") { .point(try position($0, path: $1)) }
        case "GeometryCollection":
            return try list(g["geometries"], path: path + ".geometries") { try parts($0, path: $1) }.flatMap { $0 }
        default:
            return [try geometry(g, path: path)]
        }
    }

    static func list<T>(_ value: JSONValue?, path: String, _ each: (JSONValue, String) throws -> T) throws -> [T] {
        guard let a = value?.arrayValue else { throw GeoJSONError(path: path, message: "expected an array") }
        var out: [T] = []
        out.reserveCapacity(a.count)
        for (i, v) in a.enumerated() { out.append(try each(v, "\(path)[\(i)]")) }
        return out
    }

    static func position(_ value: JSONValue?, path: String) throws -> LonLat {
        guard let a = value?.arrayValue, a.count >= 2, let lon = a[0].numberValue, let lat = a[1].numberValue else {
            throw GeoJSONError(path: path, message: "expected [longitude, latitude]")
        }
        let p = LonLat(lon: lon, lat: lat)
        guard p.isValid else { throw GeoJSONError(path: path, message: "position \(p) is out of range") }
        return p
    }

    static func positions(_ value: JSONValue?, path: String) throws -> [LonLat] {
        try list(value, path: path) { try position($0, path: $1) }
    }

    static func polygon(_ value: JSONValue?, path: String) throws -> Polygon {
        let rings = try list(value, path: path) { try positions($0, path: $1) }
        guard let first = rings.first else { throw GeoJSONError(path: path, message: "polygon without rings") }
        return Polygon(exterior: first, holes: Array(rings.dropFirst()))
    }
}
