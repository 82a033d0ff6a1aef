import Geometry

/// A feature to write: optional id, geometry and ordered properties.
public struct OutputFeature: Sendable {
    /// The feature's `id` member.
    public var id: String?
    /// Geometry in WGS84 longitude/latitude.
    public var geometry: Geometry
    /// Properties in the order they are written.
    public var properties: [(String, JSONValue)]

    /// Creates a feature.
    public init(id: String? = nil, geometry: Geometry, properties: [(String, JSONValue)]) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }
}

/// Writes RFC 7946 GeoJSON: WGS84 longitude/latitude, no `crs` member,
/// exterior rings counter-clockwise and holes clockwise, a `bbox` on the
/// collection, coordinates with a fixed number of decimals, properties in
/// the given order. The same input always gives the same bytes.
public struct GeoJSONWriter: Sendable {
    /// Decimals of coordinates (6 ≈ 0.1 m).
    public var precision: Int

    /// Creates a writer.
    public init(precision: Int = 6) { self.precision = precision }

    /// The complete FeatureCollection, one feature per line.
    public func collection(name: String, features: [OutputFeature]) -> [UInt8] {
        var out = header(name: name)
        var extent = LonLatExtent()
        for (i, f) in features.enumerated() {
            out += GeoJSONWriter.separator(i)
            append(f, to: &out)
            extent.add(f.geometry)
        }
        out += footer(bbox: extent.shortWay)
        return out
    }

    /// What comes before the first feature (for writing a collection feature by feature), with
    /// `members` as foreign members of the collection (RFC 7946 §6.1) after its name.
    public func header(name: String, members: [(String, JSONValue)] = []) -> [UInt8] {
        var out = Array("{\"type\":\"FeatureCollection\",\"name\":".utf8)
        JSONText.appendString(name, to: &out)
        for (k, v) in members {
            out.append(UInt8(ascii: ","))
            JSONText.appendMember(k, to: &out)
            JSONText.append(v, to: &out)
        }
        out += Array(",\"features\":[".utf8)
        return out
    }

    /// What comes before feature number `index` (0-based).
    public static func separator(_ index: Int) -> [UInt8] { index == 0 ? [0x0A] : [0x2C, 0x0A] }

    /// What comes after the last feature: the collection's `bbox` and the closing brackets. A box
    /// across the antimeridian (`LonLatExtent.shortWay`: its east edge past 180°) is written as
    /// RFC 7946 §5.2 writes it, west greater than east: `[177.8, -19.6, -178.6, -15.6]`.
    public func footer(bbox: BoundingBox?) -> [UInt8] {
        var out = Array("\n]".utf8)
        if let b = bbox {
            out += Array(",\"bbox\":[".utf8)
            for (i, v) in [b.minX, b.minY, b.maxX > 180 ? b.maxX - 360 : b.maxX, b.maxY].enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                NumberFormat.append(v, precision, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += Array("}\n".utf8)
        return out
    }

    /// One feature object.
    public func append(_ f: OutputFeature, to out: inout [UInt8]) {
        appendFeature(id: f.id, to: &out, geometry: { appendGeometry(f.geometry, to: &$0) }, properties: { out in
            for (i, (k, v)) in f.properties.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendMember(k, to: &out)
                JSONText.append(v, to: &out)
            }
        })
    }

    /// A feature's envelope, the same for every layer: `{"type":"Feature","id":…,"geometry":…,
    /// "properties":{…}}`; `geometry` writes the geometry object, `properties` the members of the
    /// properties object (without its braces). The incidents layer writes its features through
    /// this too, key by key, without building a `JSONValue` tree.
    @inline(__always)
    public func appendFeature(id: String?, to out: inout [UInt8], geometry: (inout [UInt8]) -> Void,
                              properties: (inout [UInt8]) -> Void) {
        JSONText.appendRaw("{\"type\":\"Feature\"", to: &out)
        if let id {
            JSONText.appendRaw(",\"id\":", to: &out)
            JSONText.appendString(id, to: &out)
        }
        JSONText.appendRaw(",\"geometry\":", to: &out)
        geometry(&out)
        JSONText.appendRaw(",\"properties\":{", to: &out)
        properties(&out)
        JSONText.appendRaw("}}", to: &out)
    }

    func appendGeometry(_ g: Geometry, to out: inout [UInt8]) {
        switch g {
        case .point(let p):
            out += Array("{\"type\":\"Point\",\"coordinates\":".utf8)
            appendPosition(p, to: &out)
        case .lineString(let l):
            out += Array("{\"type\":\"LineString\",\"coordinates\":".utf8)
            appendPositions(l, to: &out)
        case .multiLineString(let ls):
            out += Array("{\"type\":\"MultiLineString\",\"coordinates\":".utf8)
            appendList(ls, to: &out) { appendPositions($0, to: &$1) }
        case .polygon(let p):
            out += Array("{\"type\":\"Polygon\",\"coordinates\":".utf8)
            appendPolygon(p, to: &out)
        case .multiPolygon(let ps):
            out += Array("{\"type\":\"MultiPolygon\",\"coordinates\":".utf8)
            appendList(ps, to: &out) { appendPolygon($0, to: &$1) }
        }
        out.append(UInt8(ascii: "}"))
    }

    func appendList<T>(_ items: [T], to out: inout [UInt8], _ each: (T, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            each(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    func appendPolygon(_ p: Polygon, to out: inout [UInt8]) {
        appendList(Orientation.oriented(p).rings, to: &out) { appendPositions($0, to: &$1) }
    }

    func appendPositions(_ ps: [LonLat], to out: inout [UInt8]) {
        appendList(ps, to: &out) { appendPosition($0, to: &$1) }
    }

    /// Appends a Point geometry object.
    public func appendPoint(_ p: LonLat, to out: inout [UInt8]) {
        JSONText.appendRaw("{\"type\":\"Point\",\"coordinates\":", to: &out)
        appendPosition(p, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    func appendPosition(_ p: LonLat, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        NumberFormat.append(p.lon, precision, to: &out)
        out.append(UInt8(ascii: ","))
        NumberFormat.append(p.lat, precision, to: &out)
        out.append(UInt8(ascii: "]"))
    }
}

/// JSON text for `JSONValue`s: strings escaped per RFC 8259, numbers written
/// as integers when integral, otherwise in Swift's shortest round-trip form.
public enum JSONText {
    /// Appends `value` as JSON.
    public static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let n): appendNumber(n, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(v, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendMember(k, to: &out)
                append(v, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends an object member's name and its colon.
    @inline(__always)
    public static func appendMember(_ name: String, to out: inout [UInt8]) {
        appendString(name, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    /// The JSON text of `value` as a String.
    public static func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a number: an integer when integral (below 10^15), else Swift's shortest round-trip form.
    public static func appendNumber(_ n: Double, to out: inout [UInt8]) {
        guard n.isFinite else { out += Array("null".utf8); return }
        if n == n.rounded(), abs(n) < 1e15 {
            if n < 0 { out.append(UInt8(ascii: "-")) }
            NumberFormat.appendInteger(UInt64(abs(n)), to: &out)
        } else if abs(n) >= 0.1, abs(n) < 1e14, case let tenths = (abs(n) * 10).rounded(), tenths / 10 == abs(n) {
            // One decimal (a distance in tenths of a kilometre): the same digits as Swift's
            // shortest form, "205.9", without making a String.
            if n < 0 { out.append(UInt8(ascii: "-")) }
            let t = UInt64(tenths)
            NumberFormat.appendInteger(t / 10, to: &out)
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(t % 10))
        } else {
            out += Array("\(n)".utf8)
        }
    }

    /// Appends text known to need no escaping (keys and punctuation written by this program).
    @inline(__always)
    public static func appendRaw(_ s: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the UTF-8 bytes of `s` as they are (no quotes, no escapes).
    @inline(__always)
    public static func appendUTF8(_ s: String, to out: inout [UInt8]) {
        if s.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            out.append(contentsOf: s.utf8)
        }
    }

    /// Appends a quoted, escaped JSON string.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            appendEscaped(Array(s.utf8), to: &out)
        }
    }

    /// Appends a quoted, escaped JSON string.
    public static func appendString(_ s: Substring, to out: inout [UInt8]) {
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            appendEscaped(Array(s.utf8), to: &out)
        }
    }

    /// Appends UTF-8 bytes as a quoted JSON string, escaping what JSON requires.
    static func appendEscaped<C: Collection<UInt8>>(_ u: C, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole.
        if !u.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: u)
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in u {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += Array("\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
