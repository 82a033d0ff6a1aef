import Foundation
import Geometry

/// A lake of the bundled data (Natural Earth 10m lakes, `lakes.geojson`).
public struct Lake: Sendable {
    /// Its place in the data (1-based, file order): a stable id across runs.
    public var number: Int
    /// Its name; empty when the data has none.
    public var name: String
    /// Its area.
    public var geometry: Geometry
}

/// A river line of the bundled data (GSHHG's WDBII rivers, `rivers.geojson`): unnamed, ranked by class.
public struct RiverLine: Sendable {
    /// WDBII's class: 1 permanent major river, 2 additional major, 3 additional; 5 and 6 the
    /// intermittent major and additional rivers.
    public var rank: Int
    /// A river that runs only part of the year.
    public var intermittent: Bool
    /// The lines in longitude/latitude.
    public var lines: [[LonLat]]
}

/// Lakes and rivers, compiled with the rest of the gazetteer: each feature's bounds come first, so
/// that a map finds what its frame reaches by reading a few bytes a feature, and decodes only that
/// (parsing the two GeoJSON files took a third of a second of every map's run).
final class WaterStore: @unchecked Sendable {
    // Safe: `spans` is written once under the lock, and the file is read-only.
    private let file: CompiledFile?
    private var spans: [CompiledData.Tag: [(offset: Int, bounds: BoundingBox)]] = [:]
    private let lock = ReadWriteLock()

    init(file: CompiledFile?) { self.file = file }

    /// The places (1-based) and offsets of the features of section `tag` whose bounds meet `box`
    /// (also 360° east or west of it, for frames across the antimeridian), in data order.
    func offsets(_ tag: CompiledData.Tag, near box: BoundingBox) -> [(number: Int, offset: Int)] {
        guard let file, file.sections[tag] != nil else { return [] }
        let all = lock.reading({ spans[tag] }) ?? lock.writing {
            if let s = spans[tag] { return s }
            let s = file.featureSpans(tag)
            spans[tag] = s
            return s
        }
        let boxes = [box, box.offsetX(360), box.offsetX(-360)]
        return all.enumerated().filter { _, s in boxes.contains { $0.intersects(s.bounds) } }.map { ($0.offset + 1, $0.element.offset) }
    }

    func lakes(near box: BoundingBox) -> [Lake] {
        guard let file else { return [] }
        return offsets(.lakes, near: box).map { file.lake(at: $0.offset, number: $0.number) }
    }

    func rivers(near box: BoundingBox) -> [RiverLine] {
        guard let file else { return [] }
        return offsets(.rivers, near: box).map { file.river(at: $0.offset) }
    }
}

extension Gazetteer {
    /// The lakes whose bounds meet `box` (longitude/latitude; east may pass 180°), in data order;
    /// none when the data has no lakes.
    public func lakes(near box: BoundingBox) -> [Lake] { water.lakes(near: box) }

    /// The river lines whose bounds meet `box`, in data order; none when the data has no rivers.
    public func rivers(near box: BoundingBox) -> [RiverLine] { water.rivers(near: box) }
}

extension BoundingBox {
    /// The box moved `dx` east.
    func offsetX(_ dx: Double) -> BoundingBox { BoundingBox(minX: minX + dx, minY: minY, maxX: maxX + dx, maxY: maxY) }
}

// MARK: - Compiled form

extension CompiledData {
    /// The lakes and rivers of `dir` as two sections (empty when a file is absent: data built
    /// before they existed, test data).
    static func waterSections(_ dir: URL) throws -> [(Tag, [UInt8])] {
        func features(_ name: String) throws -> [Feature] {
            let url = dir.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            do { return try GeoJSONReader.features(from: Data(contentsOf: url)) } catch let e as GeoJSONError {
                throw GazetteerDataError(file: url.path, line: nil, field: e.path, message: e.message)
            }
        }
        let lakes = try features("lakes.geojson").map { f -> (BoundingBox?, (inout ByteWriter) -> Void) in
            (f.geometry.bounds, { w in w.string(f.string("name") ?? ""); w.polygons(f.geometry) })
        }
        let rivers = try features("rivers.geojson").map { f -> (BoundingBox?, (inout ByteWriter) -> Void) in
            (f.geometry.bounds, { w in
                w.varint(Int(f.number("class") ?? 0))
                w.u8(f.properties["intermittent"] == .bool(true) ? 1 : 0)
                let lines = f.geometry.lines
                w.varint(lines.count)
                for l in lines { w.lonLats(l) }
            })
        }
        return [(.lakes, spanned(lakes)), (.rivers, spanned(rivers))]
    }

    /// A count, then each feature as its bounds (four doubles), its body's length and its body.
    /// Features without a point are left out.
    static func spanned(_ features: [(BoundingBox?, (inout ByteWriter) -> Void)]) -> [UInt8] {
        let kept = features.compactMap { f in f.0.map { ($0, f.1) } }
        var w = ByteWriter()
        w.varint(kept.count)
        for (bounds, body) in kept {
            w.f64(bounds.minX); w.f64(bounds.minY); w.f64(bounds.maxX); w.f64(bounds.maxY)
            var b = ByteWriter()
            body(&b)
            w.varint(b.bytes.count)
            w.bytes += b.bytes
        }
        return w.bytes
    }
}

extension CompiledFile {
    /// Where each feature of a `spanned` section starts (its body), with its bounds.
    func featureSpans(_ tag: CompiledData.Tag) -> [(offset: Int, bounds: BoundingBox)] {
        var r = ByteReader(base: base, at: sections[tag]!.offset)
        let n = r.varint()
        var out: [(offset: Int, bounds: BoundingBox)] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            let b = BoundingBox(minX: r.f64(), minY: r.f64(), maxX: r.f64(), maxY: r.f64())
            let length = r.varint()
            out.append((r.at, b))
            r.at += length
        }
        return out
    }

    func lake(at offset: Int, number: Int) -> Lake {
        var r = ByteReader(base: base, at: offset)
        let name = r.string()
        return Lake(number: number, name: name, geometry: r.polygons())
    }

    func river(at offset: Int) -> RiverLine {
        var r = ByteReader(base: base, at: offset)
        let rank = r.varint()
        let intermittent = r.u8() == 1
        let lines = (0..<r.varint()).map { _ in r.lonLats() }
        return RiverLine(rank: rank, intermittent: intermittent, lines: lines)
    }
}
