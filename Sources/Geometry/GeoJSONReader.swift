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
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw GeoJSONError(path: "$", message: "not valid JSON (\(error.localizedDescription))")
        }
        guard let object = root as? [String: Any], object["type"] as? String == "FeatureCollection",
              let features = object["features"] as? [Any] else {
            throw GeoJSONError(path: "$", message: "expected a FeatureCollection with a features array")
        }
        return try features.enumerated().map { index, any in
            let path = "features[\(index)]"
            guard let f = any as? [String: Any] else { throw GeoJSONError(path: path, message: "not an object") }
            guard let g = f["geometry"] as? [String: Any] else {
                throw GeoJSONError(path: path + ".geometry", message: "missing or null geometry")
            }
            let geometry = try self.geometry(g, path: path + ".geometry")
            let props = (f["properties"] as? [String: Any] ?? [:]).mapValues(jsonValue)
            return Feature(geometry: geometry, properties: props)
        }
    }

    /// Converts a JSONSerialization value into a `JSONValue`.
    public static func jsonValue(_ any: Any) -> JSONValue {
        switch any {
        case is NSNull: return .null
        case let n as NSNumber:
            // Foundation hands JSON booleans over as NSNumbers of ObjC type "c".
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            return .number(n.doubleValue)
        case let s as String: return .string(s)
        case let a as [Any]: return .array(a.map(jsonValue))
        case let o as [String: Any]:
            return .object(o.keys.sorted().map { ($0, jsonValue(o[$0]!)) })
        default: return .null
        }
    }

    static func geometry(_ g: [String: Any], path: String) throws -> Geometry {
        guard let type = g["type"] as? String else { throw GeoJSONError(path: path + ".type", message: "missing") }
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

    static func list<T>(_ any: Any?, path: String, _ each: (Any, String) throws -> T) throws -> [T] {
        guard let a = any as? [Any] else { throw GeoJSONError(path: path, message: "expected an array") }
        return try a.enumerated().map { try each($1, "\(path)[\($0)]") }
    }

    static func position(_ any: Any?, path: String) throws -> LonLat {
        guard let a = any as? [Any], a.count >= 2,
              let lon = (a[0] as? NSNumber)?.doubleValue, let lat = (a[1] as? NSNumber)?.doubleValue else {
            throw GeoJSONError(path: path, message: "expected [longitude, latitude]")
        }
        let p = LonLat(lon: lon, lat: lat)
        guard p.isValid else { throw GeoJSONError(path: path, message: "position \(p) is out of range") }
        return p
    }

    static func positions(_ any: Any?, path: String) throws -> [LonLat] {
        try list(any, path: path) { try position($0, path: $1) }
    }

    static func polygon(_ any: Any?, path: String) throws -> Polygon {
        let rings = try list(any, path: path) { try positions($0, path: $1) }
        guard let first = rings.first else { throw GeoJSONError(path: path, message: "polygon without rings") }
        return Polygon(exterior: first, holes: Array(rings.dropFirst()))
    }
}
