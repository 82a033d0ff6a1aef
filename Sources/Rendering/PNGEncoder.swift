import CZlib
import Foundation

/// Writes 8-bit greyscale-with-alpha PNG images (colour type 4), deflated by zlib at a fixed
/// level, so the same pixels give the same bytes.
enum PNGEncoder {
    enum Failure: Error { case deflate(Int32) }

    /// The PNG file of a `width` × `height` image whose pixels are (grey, alpha) byte pairs, row by row.
    static func greyAlpha(width: Int, height: Int, pixels: [UInt8]) throws -> [UInt8] {
        precondition(pixels.count == width * height * 2, "two bytes per pixel")
        // Each row is filtered with Sub (the difference to the pixel on its left), which suits
        // smooth images; the filter byte leads the row.
        let rowBytes = width * 2
        var filtered = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        for y in 0..<height {
            let src = y * rowBytes, dst = y * (rowBytes + 1)
            filtered[dst] = 1
            for i in 0..<rowBytes {
                let left: UInt8 = i >= 2 ? pixels[src + i - 2] : 0
                filtered[dst + 1 + i] = pixels[src + i] &- left
            }
        }
        var compressed = [UInt8](repeating: 0, count: Int(compressBound(uLong(filtered.count))))
        var size = uLongf(compressed.count)
        let status = compressed.withUnsafeMutableBufferPointer { out in
            filtered.withUnsafeBufferPointer { compress2(out.baseAddress, &size, $0.baseAddress, uLong(filtered.count), 9) }
        }
        guard status == Z_OK else { throw Failure.deflate(status) }
        compressed.removeSubrange(Int(size)...)

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.append(bigEndian: UInt32(width))
        header.append(bigEndian: UInt32(height))
        header += [8, 4, 0, 0, 0]  // bit depth 8, grey + alpha, deflate, adaptive filters, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", compressed, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        let body = Array(type.utf8) + data
        png.append(bigEndian: UInt32(data.count))
        png += body
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png.append(bigEndian: UInt32(crc))
    }
}

private extension Array where Element == UInt8 {
    mutating func append(bigEndian v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }
}
