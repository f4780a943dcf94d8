import Raster

/// The picture of where a new image differs from its baseline, made for a reviewer's eye.
///
/// Following pixelmatch (mapbox), not matplotlib: `matplotlib.testing.compare.save_diff_image`
/// writes |expected − actual| × 10 on black, where a one-pixel change is one dim dot in a
/// black field and the figure itself is gone. Here the figure stays, as context, and the
/// changes are loud:
///
/// - unchanged pixels: the baseline composited on white, in grey, faded 70% towards white;
/// - differing pixels (beyond `tolerance.channel`): `inkAdded` (magenta) where the new pixel is
///   darker than the baseline's — something was drawn there — and `inkRemoved` (blue) where
///   it is lighter, so a moved line shows its old place in blue and its new one in magenta
///   (pixelmatch's `diffColor` / `diffColorAlt`);
/// - pixels that differ within the tolerance: `tolerated` (pale amber), so noise is visible
///   but quiet;
/// - a size mismatch: the canvas covers both images; the part only the new image has shows
///   it faded under a magenta hatch, the part only the baseline has shows it under a blue one;
/// - `changedBounds`, grown by `boxMargin` and at least `minimumBox` wide and high, outlined
///   in `marker` (orange), and marked again by bars on all four image edges, so even a single
///   changed pixel is found at a glance or in a thumbnail.
///
/// The diff image is opaque and always as large as the larger of the two images in each
/// direction.
public enum ImageDiff {
    /// Differing pixels where the new image is darker (ink added): strong magenta.
    public static let inkAdded = Color(r: 230, g: 0, b: 126)
    /// Differing pixels where the new image is lighter (ink removed): strong blue.
    public static let inkRemoved = Color(r: 0, g: 84, b: 230)
    /// Pixels that differ, but within the channel tolerance: pale amber.
    public static let tolerated = Color(r: 252, g: 218, b: 140)
    /// The outline of the changed region and its edge bars: orange.
    public static let marker = Color(r: 255, g: 140, b: 0)
    /// How far the outline stays outside the changed pixels.
    public static let boxMargin = 4
    /// The smallest side of the outlined box, so one pixel gets a findable box.
    public static let minimumBox = 24

    /// The diff picture of `current` against `baseline`, with `comparison` their comparison.
    ///
    /// Throws `PixmapError` only when the canvas holding both sizes would be too large for a
    /// pixmap (say 30000×1 against 1×30000).
    public static func image(baseline: Pixmap, current: Pixmap, comparison: ImageComparison) throws -> Pixmap {
        let width = max(baseline.width, current.width), height = max(baseline.height, current.height)
        var out = try Pixmap(width: width, height: height)
        let channel = max(0, comparison.tolerance.channel)
        out.withUnsafeMutablePixels { dst in
            baseline.data.withUnsafeBytes { rb in
                current.data.withUnsafeBytes { rc in
                    let pb = rb.bindMemory(to: UInt32.self).baseAddress!
                    let pc = rc.bindMemory(to: UInt32.self).baseAddress!
                    for y in 0..<height {
                        let row = dst + y &* width
                        let rowB = y < baseline.height ? pb + y &* baseline.width : nil
                        let rowC = y < current.height ? pc + y &* current.width : nil
                        for x in 0..<width {
                            let b = x < baseline.width ? rowB?[x] : nil
                            let c = x < current.width ? rowC?[x] : nil
                            row[x] = diffPixel(baseline: b, current: c, x: x, y: y, channel: channel)
                        }
                    }
                }
            }
        }
        if let bounds = comparison.changedBounds {
            drawMarkers(around: bounds, in: &out)
        }
        return out
    }

    /// One pixel of the diff picture, packed (R, G, B, A bytes in memory, opaque).
    @inline(__always)
    static func diffPixel(baseline b: UInt32?, current c: UInt32?, x: Int, y: Int, channel: Int) -> UInt32 {
        switch (b, c) {
        case let (b?, c?):
            if b == c { return faded(b) }
            let d = ImageComparison.pixelDifference(b, c)
            if d <= channel { return pack(tolerated) }
            return lumaOnWhite(c) < lumaOnWhite(b) ? pack(inkAdded) : pack(inkRemoved)
        case let (b?, nil):
            return hatched(x, y) ? pack(mix(inkRemoved, 0.45)) : faded(b)
        case let (nil, c?):
            return hatched(x, y) ? pack(mix(inkAdded, 0.45)) : faded(c)
        case (nil, nil):
            return hatched(x, y) ? pack(Color(r: 200, g: 200, b: 200)) : pack(.white)
        }
    }

    /// A diagonal hatch: one line every 8 pixels.
    @inline(__always)
    static func hatched(_ x: Int, _ y: Int) -> Bool { (x &+ y) & 7 == 0 }

    /// The luma (0...255, Rec. 601 weights) of a premultiplied pixel composited on white.
    @inline(__always)
    static func lumaOnWhite(_ p: UInt32) -> Int {
        let v = UInt32(littleEndian: p)
        let white = 255 &- Int(v >> 24)
        let r = Int(v & 0xff) &+ white, g = Int((v >> 8) & 0xff) &+ white, b = Int((v >> 16) & 0xff) &+ white
        return (r &* 77 &+ g &* 150 &+ b &* 29) >> 8
    }

    /// The pixel in grey, composited on white and faded 70% towards white.
    @inline(__always)
    static func faded(_ p: UInt32) -> UInt32 {
        let grey = UInt32(255 &- ((255 &- lumaOnWhite(p)) &* 77) >> 8)
        return UInt32(littleEndian: grey | grey << 8 | grey << 16 | 0xff00_0000)
    }

    /// `color` mixed with white, keeping `amount` (0...1) of the colour.
    static func mix(_ color: Color, _ amount: Double) -> Color {
        func m(_ c: UInt8) -> UInt8 { UInt8((255 - (255 - Double(c)) * amount).rounded()) }
        return Color(r: m(color.r), g: m(color.g), b: m(color.b))
    }

    /// An opaque colour packed as the pixmap stores it.
    @inline(__always)
    static func pack(_ c: Color) -> UInt32 { PremultipliedColor.pack(c.premultiplied) }

    /// Outlines `bounds` (grown and widened to `minimumBox`) and marks its extent on the edges.
    static func drawMarkers(around bounds: IntRect, in out: inout Pixmap) {
        let box = markerBox(for: bounds)
        let thickness = 2, bar = 4
        let rects = [
            // The outline, drawn outside `box`'s interior.
            IntRect(x: box.x - thickness, y: box.y - thickness, width: box.width + 2 * thickness, height: thickness),
            IntRect(x: box.x - thickness, y: box.maxY, width: box.width + 2 * thickness, height: thickness),
            IntRect(x: box.x - thickness, y: box.y, width: thickness, height: box.height),
            IntRect(x: box.maxX, y: box.y, width: thickness, height: box.height),
            // Edge bars: the box's columns on the top and bottom edges, its rows on the sides.
            IntRect(x: box.x, y: 0, width: box.width, height: bar),
            IntRect(x: box.x, y: out.height - bar, width: box.width, height: bar),
            IntRect(x: 0, y: box.y, width: bar, height: box.height),
            IntRect(x: out.width - bar, y: box.y, width: bar, height: box.height),
        ]
        let colour = pack(marker)
        let canvas = out.bounds
        out.withUnsafeMutablePixels { px in
            for rect in rects {
                guard let r = rect.intersection(canvas) else { continue }
                for y in r.y..<r.maxY {
                    let row = px + y * canvas.width
                    for x in r.x..<r.maxX { row[x] = colour }
                }
            }
        }
    }

    /// `bounds` grown by `boxMargin` on every side, then centred in at least `minimumBox`.
    static func markerBox(for bounds: IntRect) -> IntRect {
        var box = IntRect(x: bounds.x - boxMargin, y: bounds.y - boxMargin,
                          width: bounds.width + 2 * boxMargin, height: bounds.height + 2 * boxMargin)
        if box.width < minimumBox {
            box.x -= (minimumBox - box.width) / 2
            box.width = minimumBox
        }
        if box.height < minimumBox {
            box.y -= (minimumBox - box.height) / 2
            box.height = minimumBox
        }
        return box
    }
}
