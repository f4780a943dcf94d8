import Geometry
import Raster

/// Heat-map cells kept crisp in every viewer: an image drawn larger than its size with nearest-
/// neighbour sampling is embedded already resampled (nearest neighbour, sampling at pixel
/// centres as the Raster player does) to the size it is drawn at in device pixels.
///
/// Viewers scale embedded images their own way: librsvg ignores SVG's `image-rendering`, and
/// poppler interpolates below a 4× enlargement whatever PDF's `/Interpolate false` says, which
/// blurs a 5×4 heat map into a gradient. Matplotlib does the same for its vector backends (it
/// resamples images to the output resolution). Repeated pixels compress to almost nothing (PNG
/// filters and Flate both see repeated rows); past `maxPixels` an image is left as it is.
enum NearestUpscale {
    /// Images are not enlarged beyond this many pixels (a 2,000 × 2,000 drawing area).
    static let maxPixels = 4_000_000

    /// The image resampled to the size `rect` gives it when that is larger (else unchanged).
    static func enlarged(_ image: Pixmap, toFill rect: Rect) -> Pixmap {
        guard rect.isFinite, image.width > 0, image.height > 0, rect.width < 1e6, rect.height < 1e6 else { return image }
        let w = max(image.width, Int(rect.width.rounded())), h = max(image.height, Int(rect.height.rounded()))
        guard w > image.width || h > image.height, w * h <= maxPixels else { return image }
        var data = [UInt8](repeating: 0, count: w * h * 4)
        let columns = (0..<w).map { min(image.width - 1, Int((Double($0) + 0.5) * Double(image.width) / Double(w))) }
        image.data.withUnsafeBufferPointer { src in
            data.withUnsafeMutableBufferPointer { dst in
                var previousRow = -1
                for y in 0..<h {
                    let sy = min(image.height - 1, Int((Double(y) + 0.5) * Double(image.height) / Double(h)))
                    let row = y * w * 4
                    if sy == previousRow {
                        for i in 0..<w * 4 { dst[row + i] = dst[row - w * 4 + i] }
                        continue
                    }
                    previousRow = sy
                    for x in 0..<w {
                        let s = (sy * image.width + columns[x]) * 4, d = row + x * 4
                        dst[d] = src[s]; dst[d + 1] = src[s + 1]; dst[d + 2] = src[s + 2]; dst[d + 3] = src[s + 3]
                    }
                }
            }
        }
        return (try? Pixmap(width: w, height: h, premultipliedData: data)) ?? image
    }
}
