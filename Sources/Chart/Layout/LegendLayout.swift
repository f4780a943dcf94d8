import Geometry
import Raster
import Scene
import Text

/// A panel's legend: its entries, its size, where it goes and how it is drawn.
///
/// Metrics follow matplotlib's defaults in font-size units (border pad 0.4, label spacing 0.5,
/// handle length 2, handle-text pad 0.8, column spacing 2, axes pad 0.5) with a rounded,
/// 80%-opaque frame. `best` tries matplotlib's ten positions in its order and keeps the first
/// that covers the fewest data vertices and line segments (its `_find_best_position`); when
/// every spot inside covers data, the legend moves outside, to the right of the frame. A `best`
/// legend of more than `belowThreshold` entries goes below the panel instead, in as many
/// columns as fit its cell's width (filled column by column, as matplotlib's `ncols`), so many
/// series never take the plot's width; a `below` legend goes there whatever its size. Every legend is `arrange`d into the room it gets: labels
/// are ellipsized ("…") to the width, and entries that do not fit the height are counted in a
/// last "+N more" line, never drawn off the canvas.
struct LegendLayout {
    struct Entry {
        var label: String
        var kind: SeriesKind
        var color: Color
        var stroke: StrokeStyle
        var marker: MarkerShape?
        /// The marker's diameter in pixels; nil = the style's.
        var markerSize: Double? = nil
        /// Draw a vertical error bar through the handle (matplotlib's errorbar handler).
        var hasError: Bool
    }

    /// More entries than this go below the panel, in columns (for a `best` legend).
    static let belowThreshold = 8

    /// Every entry, in series order.
    let entries: [Entry]
    var size: (width: Double, height: Double)
    var outside = false
    /// Below the panel, centred under its cell, in `columns` columns.
    var below = false
    var origin = Point.zero
    let rowHeight: Double
    let fontSize: Double
    /// The grid the entries fill, column by column.
    private(set) var columns = 1, rows = 1
    /// The labels drawn, ellipsized to `labelWidth`: the shown entries', then "+N more" when
    /// `hidden` entries did not fit.
    private(set) var labels: [String] = []
    private(set) var hidden = 0
    private(set) var labelWidth = 0.0
    /// The widest the legend may be (from the last `arrange`).
    private(set) var widthLimit = Double.infinity
    private let fonts: FontLibrary
    private let font: Font
    private let labelWidths: [Double]

    init?(entries: [Entry], style: ResolvedStyle, fonts: FontLibrary) {
        guard !entries.isEmpty else { return nil }
        self.entries = entries
        self.fonts = fonts
        font = style.legendFont
        fontSize = style.legendFont.size
        rowHeight = style.legendMetrics.ascent + style.legendMetrics.descent
        labelWidths = entries.map { fonts.measure($0.label, font: style.legendFont).advance }
        size = (0, 0)
        arrange(maxWidth: .infinity, maxHeight: .infinity)
    }

    /// Lays the entries out in at most `maxWidth` × `maxHeight` pixels: one column, or with
    /// `manyColumns` as many as fit labels of up to 10 font sizes (labels then take what width
    /// is left); labels ellipsized to the column; the entries past the rows that fit counted in
    /// a "+N more" line.
    mutating func arrange(maxWidth: Double, maxHeight: Double, manyColumns: Bool = false) {
        let fs = fontSize, n = entries.count
        widthLimit = maxWidth
        let border = 2 * 0.4 * fs, handle = (2.0 + 0.8) * fs, spacing = 2.0 * fs, rowStep = rowHeight + 0.5 * fs
        let longest = labelWidths.max() ?? 0
        var cols = 1
        if manyColumns && maxWidth.isFinite {
            let preferred = min(longest, 10 * fs)
            cols = max(1, min(n, Int(((maxWidth - border + spacing) / (handle + preferred + spacing)).rounded(.down))))
        }
        let maxRows = maxHeight.isFinite ? max(1, Int(((maxHeight - border + 0.5 * fs) / rowStep).rounded(.down))) : n
        if manyColumns && maxWidth.isFinite && (n + cols - 1) / cols > maxRows {
            // Not every entry fits: narrower columns (6 font sizes) show more of them.
            let narrow = min(longest, 6 * fs)
            cols = max(cols, min(n, Int(((maxWidth - border + spacing) / (handle + narrow + spacing)).rounded(.down))))
        }
        var r = (n + cols - 1) / cols
        var shown = n
        if r > maxRows {
            r = maxRows
            shown = max(0, r * cols - 1)
        } else {
            cols = (n + r - 1) / r  // balanced: no empty last column
        }
        rows = r; columns = cols; hidden = n - shown
        let cap = maxWidth.isFinite ? max(0, (maxWidth - border - Double(cols - 1) * spacing) / Double(cols) - handle) : .infinity
        var texts = entries.prefix(shown).map(\.label)
        if hidden > 0 { texts.append(shown == 0 ? "\(n) entries" : "+\(hidden) more") }
        labels = texts.map { fonts.fitted($0, font: font, width: cap) }
        labelWidth = labels.map { fonts.measure($0, font: font).advance }.max() ?? 0
        let usedCols = (labels.count + rows - 1) / rows
        size = (border + Double(usedCols) * (handle + labelWidth) + Double(usedCols - 1) * spacing,
                border + Double(rows) * rowHeight + Double(rows - 1) * 0.5 * fs)
    }

    /// Shrinks the legend to fit inside a frame (its axes pad on every side), when taller or
    /// wider.
    mutating func fitInside(_ frame: Rect) {
        let room = frame.height - fontSize
        guard !below, !outside, size.height > room || size.width > frame.width - fontSize else { return }
        arrange(maxWidth: min(widthLimit, max(0, frame.width - fontSize)), maxHeight: room)
    }

    /// The box for a placement inside `frame`.
    func box(_ placement: LegendPlacement, in frame: Rect) -> Rect {
        let pad = 0.5 * fontSize
        let (w, h) = size
        let left = frame.minX + pad, right = frame.maxX - pad - w, cx = frame.center.x - w / 2
        let top = frame.minY + pad, bottom = frame.maxY - pad - h, cy = frame.center.y - h / 2
        let (x, y): (Double, Double)
        switch placement {
        case .upperRight, .best, .none, .below: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .right, .centerRight: (x, y) = (right, cy)
        case .centerLeft: (x, y) = (left, cy)
        case .lowerCenter: (x, y) = (cx, bottom)
        case .upperCenter: (x, y) = (cx, top)
        case .center: (x, y) = (cx, cy)
        case .outside: (x, y) = (frame.maxX + 6, frame.minY)
        }
        return Rect(x: x.rounded(), y: y.rounded(), width: w.rounded(.up), height: h.rounded(.up))
    }

    /// matplotlib's search order for `best`.
    static let candidates: [LegendPlacement] = [
        .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter, .upperCenter, .center,
    ]

    /// Picks the spot for `placement` given the panel's drawn lines (device points, nil =
    /// break); `best` moves outside (sets `outside`) when every spot inside hides data and
    /// `allowOutside`.
    mutating func place(_ placement: LegendPlacement, frame: Rect, lines: [[Point?]], gap: Double,
                        allowOutside: Bool = true) {
        switch placement {
        case .outside:
            outside = true
        case .best:
            var bestBadness = Int.max, bestSpot = LegendPlacement.upperRight
            for c in LegendLayout.candidates {
                let b = LegendLayout.badness(box(c, in: frame), lines)
                if b < bestBadness { bestBadness = b; bestSpot = c }
                if b == 0 { break }
            }
            if bestBadness > 0 && allowOutside {
                outside = true
            } else {
                origin = Point(box(bestSpot, in: frame).minX, box(bestSpot, in: frame).minY)
                return
            }
        default:
            origin = Point(box(placement, in: frame).minX, box(placement, in: frame).minY)
            return
        }
        origin = Point((frame.maxX + gap).rounded(), frame.minY)
    }

    /// How much of the data a box would hide: vertices inside plus segments crossing it.
    static func badness(_ box: Rect, _ lines: [[Point?]]) -> Int {
        var n = 0
        for line in lines {
            let step = max(1, line.count / 4000)  // sample huge series
            var prev: Point? = nil
            var i = 0
            while i < line.count {
                let p = line[i]
                if let p {
                    if box.contains(p) { n += 1 }
                    if let q = prev, segmentCrosses(q, p, box) { n += 1 }
                }
                prev = p
                i += step
            }
        }
        return n
    }

    /// True when the segment a–b passes through the box (an endpoint inside, or it crosses).
    static func segmentCrosses(_ a: Point, _ b: Point, _ r: Rect) -> Bool {
        if r.contains(a) || r.contains(b) { return true }
        if max(a.x, b.x) < r.minX || min(a.x, b.x) > r.maxX || max(a.y, b.y) < r.minY || min(a.y, b.y) > r.maxY { return false }
        // Liang–Barsky style test against the box's four sides.
        let corners = [Point(r.minX, r.minY), Point(r.maxX, r.minY), Point(r.maxX, r.maxY), Point(r.minX, r.maxY)]
        let side = corners.map { (b.x - a.x) * ($0.y - a.y) - (b.y - a.y) * ($0.x - a.x) }
        return side.contains { $0 > 0 } && side.contains { $0 < 0 }
    }

    /// Draws the frame, handles and labels.
    func draw(style: ResolvedStyle, into scene: inout Scene) {
        let fs = fontSize
        let r = Rect(x: origin.x, y: origin.y, width: size.width.rounded(.up), height: size.height.rounded(.up))
        let frame = Path.roundedRect(r.insetBy(0.5), radius: 0.2 * fs)
        scene.fill(frame, color: style.theme.legendBackground)
        scene.stroke(frame, style: StrokeStyle(width: 1), color: style.theme.legendEdge)
        let columnStep = 2.0 * fs + 0.8 * fs + labelWidth + 2.0 * fs
        for (k, label) in labels.enumerated() {
            let col = k / rows, row = k % rows
            let y = r.minY + 0.4 * fs + Double(row) * (rowHeight + 0.5 * fs)
            let hx0 = r.minX + 0.4 * fs + Double(col) * columnStep, hx1 = hx0 + 2.0 * fs
            let cy = y + rowHeight / 2
            guard k < entries.count - hidden else {
                // "+N more": text only, where the labels start.
                scene.text(TextRun(label, font: style.legendFont, color: style.theme.text,
                                   at: Point(hx1 + 0.8 * fs, cy), horizontal: .left, vertical: .center))
                continue
            }
            let e = entries[k]
            let mx = (hx0 + hx1) / 2
            if e.hasError {
                let h = 0.35 * fs
                scene.stroke(Path(polyline: [Point(mx, cy - h), Point(mx, cy + h)]), style: StrokeStyle(width: e.stroke.width), color: e.color)
            }
            switch e.kind {
            case .line, .step:
                scene.stroke(Path(polyline: [Point(hx0, cy), Point(hx1, cy)]), style: e.stroke, color: e.color)
                if let m = e.marker {
                    scene.markers(Path.marker(m, size: e.markerSize ?? style.markerSize), at: [Point(mx, cy)], fill: e.color)
                }
            case .scatter:
                scene.markers(Path.marker(e.marker ?? .circle, size: e.markerSize ?? style.markerSize), at: [Point(mx, cy)], fill: e.color)
            case .area:
                // The fill at the painter's 0.35 opacity under its edge line.
                let box = Rect(x: hx0, y: cy - 0.35 * fs, width: hx1 - hx0, height: 0.7 * fs)
                scene.fill(box, color: e.color.withOpacity(0.35))
                scene.stroke(Path(polyline: [Point(hx0, box.minY), Point(hx1, box.minY)]), style: e.stroke, color: e.color)
            case .bar, .histogram, .pie, .heatmap:
                // matplotlib's patch handle: a filled box the height of 0.7 of the font size.
                scene.fill(Rect(x: hx0, y: cy - 0.35 * fs, width: hx1 - hx0, height: 0.7 * fs), color: e.color)
            case .box:
                scene.stroke(Path.rect(Rect(x: hx0 + 0.5, y: cy - 0.35 * fs, width: hx1 - hx0 - 1, height: 0.7 * fs)),
                             style: StrokeStyle(width: style.ppp, join: .miter), color: e.color)
            }
            scene.text(TextRun(label, font: style.legendFont, color: style.theme.text,
                               at: Point(hx1 + 0.8 * fs, cy), horizontal: .left, vertical: .center))
        }
    }
}
