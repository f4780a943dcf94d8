import Geometry
import Raster
import Scene

/// Dense scatter series embedded in SVG and PDF as an image of their pixels (matplotlib's
/// `rasterized=True`): the one rule for which marker sets the vector players rasterize, and the
/// drawing of that image.
///
/// Which sets (`RasterizeMode`, the spec's `"rasterize"`), of those drawn inside a clip (a plot
/// area; legend swatches, drawn unclipped, stay vector):
/// - `never`: none.
/// - `always`: every marker set with a visible marker.
/// - `auto` (the default): a marker set with more than `autoThreshold` (50,000) markers inside
///   the current clip (the plot area). Measured on a 900×600 figure of normal points at alpha
///   0.3 (DenseSeriesTests' figure), vector marks against image, SVG / PDF in KB: 10⁴ points
///   471 / 82 against 200 / 155; 2·10⁴ 926 / 159 against 271 / 207; 5·10⁴ 2,300 / 389 against
///   336 / 247; 10⁵ 4,588 / 773 against 375 / 269. SVG's image wins from a few thousand points,
///   PDF's (8 compressed bytes a marker) only from about 3·10⁴, so one threshold above both
///   crossings keeps every file smaller than its marks; drawn back at the output's resolution the
///   image is the PNG's pixels (librsvg: mean delta 0.17 against 0.66 for the marks). Zoomed in,
///   its markers are pixels, as with matplotlib's `rasterized=True`; `never` keeps them shapes.
///
/// The image is the marker set stamped by Plotline's own rasterizer (the quarter-pixel marker
/// masks the PNG player uses, so the same coverage) onto a transparent pixmap covering the
/// current clip's bounds cut to the markers' extent and the canvas, rounded out to whole device
/// pixels. One image
/// pixel is one device pixel: SVG user units are device pixels and the PDF page has 72/dpi pt per
/// device pixel, so the image is at the output's resolution and positioned exactly; the clip
/// still applies around it; in PDF it is deflated at the content stream's fast level (the
/// plot area's pixels at zlib 6 doubled W4's time for 12% fewer bytes). Compositing the layer onto the page afterwards gives what stamping
/// onto the page does (source-over is associative), up to rounding.
public enum DenseSeries {
    /// Under `auto`, marker sets with more markers inside the clip than this are rasterized.
    public static let autoThreshold = 50_000

    /// The image of `set` and the device-pixel rect it goes in, or nil when the set stays vector
    /// marks under `mode` (or nothing of it is visible). `clipBounds` is the current clip's
    /// bounding box, nil when no clip is in force.
    static func image(of set: MarkerSet, mode: RasterizeMode, clipBounds: Rect?, canvas: Rect) -> (Pixmap, Rect)? {
        guard mode != .never, !set.points.isEmpty, let shape = set.shape.bounds, let clipBounds,
              let clipped = clipBounds.intersection(canvas), !clipped.isEmpty else { return nil }
        let stroke = set.strokeStyle.flatMap { s in set.strokeColor.flatMap { $0.a > 0 && s.width > 0 ? (s, $0) : nil } }
        let fill = set.fill.flatMap { $0.a > 0 ? $0 : nil }
        guard fill != nil || stroke != nil else { return nil }
        // A marker is visible when its shape and outline reach into the clip's bounds.
        let reach = (stroke?.0.width ?? 0) * max(1, stroke?.0.miterLimit ?? 1) + 1
        let x0 = clipped.minX - shape.maxX - reach, x1 = clipped.maxX - shape.minX + reach
        let y0 = clipped.minY - shape.maxY - reach, y1 = clipped.maxY - shape.minY + reach
        var visible = 0
        var low = Point(.infinity, .infinity), high = Point(-.infinity, -.infinity)
        for p in set.points where p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1 {
            visible += 1
            low = Point(min(low.x, p.x), min(low.y, p.y)); high = Point(max(high.x, p.x), max(high.y, p.y))
        }
        guard visible > 0, mode == .always || visible > autoThreshold else { return nil }
        let extent = Rect(x: low.x + shape.minX - reach, y: low.y + shape.minY - reach,
                          width: high.x - low.x + shape.width + 2 * reach, height: high.y - low.y + shape.height + 2 * reach)
        guard let area = clipped.intersection(extent), !area.isEmpty else { return nil }

        let left = max(0, Int(area.minX.rounded(.down))), top = max(0, Int(area.minY.rounded(.down)))
        let right = min(Int(canvas.maxX), Int(area.maxX.rounded(.up))), bottom = min(Int(canvas.maxY), Int(area.maxY.rounded(.up)))
        guard right > left, bottom > top, var pixmap = try? Pixmap(width: right - left, height: bottom - top) else { return nil }
        // Whole-pixel offsets keep every marker's quarter-pixel phase, hence its mask.
        let dx = Double(left), dy = Double(top)
        let shifted = set.points.map { Point($0.x - dx, $0.y - dy) }
        Rasterizer().stampMarkers(set.shape, at: shifted, fill: fill, stroke: stroke, into: &pixmap)
        return (pixmap, Rect(x: dx, y: dy, width: Double(pixmap.width), height: Double(pixmap.height)))
    }

    /// The bounding box of a clip pushed inside a clip bounded by `outer` (empty when they miss).
    static func bounds(of shape: ClipShape, within outer: Rect) -> Rect {
        let own: Rect
        switch shape {
        case .rect(let r): own = r
        case .path(let p, _): own = p.bounds ?? Rect(x: outer.minX, y: outer.minY, width: 0, height: 0)
        }
        return own.intersection(outer) ?? Rect(x: outer.minX, y: outer.minY, width: 0, height: 0)
    }
}
