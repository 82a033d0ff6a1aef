import Foundation

/// Hill shading of the whole world on a longitude/latitude grid (`Gazetteer/data/relief.bin`, made by
/// `Gazetteer/build_terrain.sh` from Natural Earth's shaded relief): one byte per cell, 128 flat,
/// less in shadow, more in light; water is flat.
///
/// The file is memory-mapped: a map reads the few pages under its frame.
public final class ReliefRaster: @unchecked Sendable {
    /// Columns (from 180°W eastwards) and rows (from 90°N southwards).
    public let width: Int, height: Int
    /// Degrees per cell.
    public var cellDegrees: Double { 360 / Double(width) }
    private let base: UnsafeMutableRawPointer
    private let length: Int
    private let cells: UnsafePointer<UInt8>
    static let magic = Array("IMRELIEF".utf8)
    /// The attribution line of a map drawn with relief.
    public static func credit(_ language: MapLanguage) -> String {
        AttributionText.relief.text(in: language, ["dataset": "Natural Earth", "licence": .text(AttributionText.publicDomain.text(in: language)),
                                                   "grid": "2′", "km": .text(language.decimal(3.7, 1))])
    }
    static let headerSize = 16

    /// Why a relief file cannot be used.
    public struct LoadError: Error, CustomStringConvertible {
        public var path: String, message: String
        public var description: String { "\(path): \(message)" }
    }

    /// Maps the relief file at `path`.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LoadError(path: path, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= ReliefRaster.headerSize else {
            throw LoadError(path: path, message: "too short for a relief file")
        }
        length = Int(info.st_size)
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw LoadError(path: path, message: "cannot be mapped (\(String(cString: strerror(errno))))")
        }
        base = p
        let bytes = UnsafeRawBufferPointer(start: p, count: length)
        func u32(_ at: Int) -> Int { Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian) }
        let w = u32(8), h = u32(12)
        guard Array(bytes[0..<8]) == ReliefRaster.magic, w > 0, h > 0, w == 2 * h,
              length == ReliefRaster.headerSize + w * h else {
            munmap(p, length)
            throw LoadError(path: path, message: "not a relief file of this version (rebuild it: bash Gazetteer/build_terrain.sh)")
        }
        width = w
        height = h
        cells = UnsafePointer(p.advanced(by: ReliefRaster.headerSize).assumingMemoryBound(to: UInt8.self))
    }

    deinit { munmap(base, length) }

    /// The shading at a cell, −127…127 (0 flat); columns wrap around the globe, rows clamp at the poles.
    @inline(__always)
    func cell(_ col: Int, _ row: Int) -> Int {
        var c = col % width
        if c < 0 { c += width }
        let r = min(max(row, 0), height - 1)
        return Int(cells[r * width + c]) - 128
    }

    /// The shading at a position, bilinear between the four cells around it, −127…127.
    public func shade(lon: Double, lat: Double) -> Double {
        let x = (lon + 180) / cellDegrees - 0.5, y = (90 - lat) / cellDegrees - 0.5
        let x0 = x.rounded(.down), y0 = y.rounded(.down)
        let fx = x - x0, fy = y - y0
        let c = Int(x0), r = Int(y0)
        let top = Double(cell(c, r)) * (1 - fx) + Double(cell(c + 1, r)) * fx
        let bottom = Double(cell(c, r + 1)) * (1 - fx) + Double(cell(c + 1, r + 1)) * fx
        return top * (1 - fy) + bottom * fy
    }

    /// The mean shading over a footprint `dLon` × `dLat` degrees centred on a position: bilinear
    /// samples about one cell apart (at most 8 × 8), so that a map coarser than the grid averages
    /// it instead of picking a cell here and there.
    public func shade(lon: Double, lat: Double, dLon: Double, dLat: Double) -> Double {
        let nx = min(8, max(1, Int((dLon / cellDegrees).rounded(.up))))
        let ny = min(8, max(1, Int((dLat / cellDegrees).rounded(.up))))
        if nx == 1 && ny == 1 { return shade(lon: lon, lat: lat) }
        var sum = 0.0
        for j in 0..<ny {
            let la = lat + dLat * ((Double(j) + 0.5) / Double(ny) - 0.5)
            for i in 0..<nx {
                sum += shade(lon: lon + dLon * ((Double(i) + 0.5) / Double(nx) - 0.5), lat: la)
            }
        }
        return sum / Double(nx * ny)
    }
}
