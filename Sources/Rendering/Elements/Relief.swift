import Foundation
import Geometry

/// Hill shading under the borders and markers: the relief grid resampled to the frame through the
/// map's own projection (each image pixel's centre inverse-projected, the grid averaged over the
/// pixel's footprint) and embedded as a PNG, so the SVG stays one self-contained file.
/// Shadows are black and lights white, each with an alpha that grows with the slope's shading;
/// flat ground and water are transparent, so the theme's colours show through unchanged.
enum ReliefElement {
    /// Image pixels per grid cell at the frame's centre: the grid is sampled a little finer than
    /// it is, so the viewer's smoothing hides its cells, and no finer (it holds nothing more).
    static let pixelsPerCell = 2.0
    /// The widest image, px: the size limit of the SVG holds for any width asked.
    static let maximumPixels = 1400
    /// A shading this far from flat (out of ±127) gets the full alpha of the theme.
    static let fullShade = 80.0

    /// The strongest alpha of shadows and lights in each theme (out of 1).
    static func strength(_ theme: MapTheme) -> (shadow: Double, light: Double) {
        switch theme {
        case .light: return (0.34, 0.28)
        case .dark: return (0.6, 0.35)
        case .print: return (0.4, 0.28)
        }
    }

    /// The image size (px) for the frame: about `pixelsPerCell` per grid cell at the centre,
    /// never more than one pixel per SVG unit nor more than `maximumPixels` across.
    static func imageSize(_ raster: ReliefRaster, frame: MapFrame) -> (width: Int, height: Int) {
        let f = frame.frame
        var unitsPerCell = 1.0
        if let c = frame.lonLat(svg: f.center), let a = try? frame.toSVG(c),
           let b = try? frame.toSVG(LonLat(lon: c.lon, lat: c.lat + (c.lat > 0 ? -1 : 1) * raster.cellDegrees)) {
            unitsPerCell = max(hypot(b.x - a.x, b.y - a.y), 1e-6)
        }
        let pixelUnits = max(1, unitsPerCell / pixelsPerCell, f.width / Double(maximumPixels), f.height / Double(maximumPixels))
        return (max(1, Int((f.width / pixelUnits).rounded(.up))), max(1, Int((f.height / pixelUnits).rounded(.up))))
    }

    /// The relief image node, clipped to the frame; nil when no pixel of the frame has relief.
    static func build(_ raster: ReliefRaster, frame: MapFrame, theme: MapTheme, p: String) throws -> SVGNode? {
        let f = frame.frame
        let (w, h) = imageSize(raster, frame: frame)
        let sx = f.width / Double(w), sy = f.height / Double(h)
        // Every pixel corner's longitude/latitude (one batch through PROJ): the centres come from
        // their corners' mean, and the footprint from the corners' spread.
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity((w + 1) * (h + 1))
        ys.reserveCapacity((w + 1) * (h + 1))
        for j in 0...h {
            for i in 0...w {
                let q = frame.georef.projected(svg: XY(x: f.minX + Double(i) * sx, y: f.minY + Double(j) * sy))
                xs.append(q.x)
                ys.append(q.y)
            }
        }
        frame.projection.inverseAllowingFailures(xs: &xs, ys: &ys)
        let (shadowStrength, lightStrength) = strength(theme)
        var pixels = [UInt8](repeating: 0, count: w * h * 2)
        var any = false
        for j in 0..<h {
            for i in 0..<w {
                let k = [j * (w + 1) + i, j * (w + 1) + i + 1, (j + 1) * (w + 1) + i, (j + 1) * (w + 1) + i + 1]
                guard k.allSatisfy({ xs[$0].isFinite && ys[$0].isFinite }) else { continue }
                // Longitudes relative to the first corner, so a pixel across the antimeridian is not 360° wide.
                let lon0 = xs[k[0]]
                let lons = k.map { lon0 + remainder(xs[$0] - lon0, 360) }, lats = k.map { ys[$0] }
                let lon = lons.reduce(0, +) / 4, lat = lats.reduce(0, +) / 4
                let v = raster.shade(lon: lon, lat: lat, dLon: lons.max()! - lons.min()!, dLat: lats.max()! - lats.min()!)
                let a = min(1, abs(v) / fullShade) * (v < 0 ? shadowStrength : lightStrength)
                let alpha = UInt8((a * 255).rounded())
                guard alpha > 0 else { continue }
                any = true
                pixels[(j * w + i) * 2] = v < 0 ? 0 : 255
                pixels[(j * w + i) * 2 + 1] = alpha
            }
        }
        guard any else { return nil }
        let png = try PNGEncoder.greyAlpha(width: w, height: h, pixels: pixels)
        let n = SVGDraw.n
        return .el("image", [
            ("id", "\(p)relief"), ("x", n(f.minX)), ("y", n(f.minY)), ("width", n(f.width)), ("height", n(f.height)),
            ("preserveAspectRatio", "none"), ("clip-path", "url(#\(p)frame-clip)"),
            ("data-pixels", "\(w)x\(h)"),
            ("href", "data:image/png;base64," + Data(png).base64EncodedString()),
        ], [])
    }
}
