import Geometry
import Raster
import Scene
import TestSupport
import Text

/// The gallery: one sheet a person can look at to judge the rendering core next to matplotlib.
///
/// Built as a `Scene` (so it also exercises the player): every rasterizer golden case as an
/// image with its name, text samples (sizes, faces, rotations, anchors, Unicode, a missing
/// glyph), and every marker shape filled and outlined. Text is laid out with `FontLibrary`
/// measurements so nothing overlaps; anchor points carry a crisp red cross.
struct GallerySheet {
    static let width = 720
    static let margin = 24.0
    static let ink = Color(rgb: 0x222222), caption = Color(rgb: 0x444444)
    static let cross = Color(rgb: 0xd62728), frame = Color(rgb: 0xcccccc)
    static let headingFont = Font(face: .sansBold, size: 16)
    static let captionFont = Font(size: 12)
    static let sampleFont = Font(size: 14)

    let fonts: FontLibrary
    private(set) var scene = Scene(width: GallerySheet.width, height: 1)
    private var y = GallerySheet.margin

    init(fonts: FontLibrary) { self.fonts = fonts }

    /// Lays out the whole sheet and returns its scene (height fitted to the content).
    static func build(fonts: FontLibrary) throws -> Scene {
        var g = GallerySheet(fonts: fonts)
        g.title()
        try g.rasterCases()
        g.textSizesAndFaces()
        g.rotationsAndAnchors()
        g.unicode()
        g.markers()
        var s = Scene(width: width, height: Int(g.y.rounded(.up) + margin), background: .white)
        for c in g.scene.commands { s.append(c) }
        return s
    }

    // MARK: - Sections

    private mutating func title() {
        scene.text(TextRun("Plotline rendering gallery", font: Font(face: .sansBold, size: 22), color: Self.ink,
                           at: Point(Self.margin, y), vertical: .top))
        y += 30
        scene.text(TextRun("Raster golden cases, text (DejaVu via FreeType), markers", font: Self.captionFont,
                           color: Self.caption, at: Point(Self.margin, y), vertical: .top))
        y += 30
    }

    private mutating func heading(_ text: String) {
        y += 10
        scene.text(TextRun(text, font: Self.headingFont, color: Self.ink, at: Point(Self.margin, y), vertical: .top))
        y += 22
        // A 1-px rule on whole pixels under the heading.
        scene.fill(Rect(x: Self.margin, y: y.rounded(), width: Double(Self.width) - 2 * Self.margin, height: 1),
                   color: Self.frame)
        y = y.rounded() + 12
    }

    /// Every `RasterGoldens` case at 1:1 in a three-column grid, framed, name centred below.
    private mutating func rasterCases() throws {
        heading("Rasterizer cases")
        let rasterizer = Rasterizer()
        let cw = Double(RasterGoldens.width), ch = Double(RasterGoldens.height)
        let columns = 3
        let gap = (Double(Self.width) - 2 * Self.margin - Double(columns) * cw) / Double(columns - 1)
        for (i, c) in RasterGoldens.cases.enumerated() {
            var pm = try Pixmap(width: RasterGoldens.width, height: RasterGoldens.height, fill: .white)
            c.draw(rasterizer, &pm)
            let col = i % columns, row = i / columns
            let x = (Self.margin + Double(col) * (cw + gap)).rounded()
            let top = (y + Double(row) * (ch + 34)).rounded()
            scene.image(pm, in: Rect(x: x, y: top, width: cw, height: ch))
            // A 1-px frame just outside the image, on half pixels so it is crisp.
            scene.stroke(Path.rect(Rect(x: x - 0.5, y: top - 0.5, width: cw + 1, height: ch + 1)),
                         style: StrokeStyle(width: 1), color: Self.frame)
            scene.text(TextRun(c.name, font: Self.captionFont, color: Self.caption,
                               at: Point(x + cw / 2, top + ch + 6), horizontal: .center, vertical: .top))
        }
        let rows = (RasterGoldens.cases.count + columns - 1) / columns
        y += Double(rows) * (ch + 34)
    }

    private mutating func textSizesAndFaces() {
        heading("Text: sizes and faces")
        var x = Self.margin
        let baseline = (y + 32).rounded()
        for size in [8.0, 10, 12, 14, 18, 24, 32] {
            let label = "Ag \(Point.format(size))"
            let font = Font(size: size)
            scene.text(TextRun(label, font: font, color: Self.ink, at: Point(x, baseline)))
            x += fonts.measure(label, font: font).advance + 18
        }
        y = baseline + 14
        let sample = "Sphinx of black quartz, judge my vow 0123456789"
        for face in FontFace.allCases {
            let font = Font(face: face, size: 14)
            let line = (y + fonts.measure(sample, font: font).ascent).rounded()
            scene.text(TextRun(face.rawValue, font: Self.captionFont, color: Self.caption, at: Point(Self.margin, line)))
            scene.text(TextRun(sample, font: font, color: Self.ink, at: Point(Self.margin + 90, line)))
            y = line + 10
        }
    }

    /// A red cross on the pixel centre nearest `p`, 9 px across, 1 px thick, crisp.
    private mutating func markAnchor(_ p: Point) {
        let cx = p.x.rounded(.down), cy = p.y.rounded(.down)
        scene.fill(Rect(x: cx - 4, y: cy, width: 9, height: 1), color: Self.cross)
        scene.fill(Rect(x: cx, y: cy - 4, width: 1, height: 9), color: Self.cross)
    }

    /// A number with a real minus sign (U+2212), as matplotlib's tick labels print it.
    static func signed(_ v: Double) -> String {
        v < 0 ? "\u{2212}" + Point.format(-v) : Point.format(v)
    }

    private mutating func rotationsAndAnchors() {
        heading("Text: rotations and anchors (red cross = anchor point)")
        // Rotations about a left/baseline anchor.
        let rowTop = y
        let font = Self.sampleFont
        let samples: [(Double, Point)] = [
            (0, Point(Self.margin + 10, rowTop + 70)), (90, Point(Self.margin + 190, rowTop + 120)),
            (-90, Point(Self.margin + 240, rowTop + 10)), (30, Point(Self.margin + 300, rowTop + 110)),
        ]
        for (angle, p) in samples {
            let anchor = Point(p.x.rounded(.down) + 0.5, p.y.rounded(.down) + 0.5)
            scene.text(TextRun("rotation \(Self.signed(angle))°", font: font, color: Self.ink, at: anchor,
                               rotation: angle))
            markAnchor(anchor)
        }
        // Anchors: one cell per (horizontal, vertical) pair; the anchor sits at the cell's left
        // edge, middle or right edge so every label stays inside its own cell.
        let hs: [HorizontalAnchor] = [.left, .center, .right]
        let vs: [VerticalAnchor] = [.top, .center, .baseline, .bottom]
        let gridLeft = Self.margin + 372, cellWidth = 100.0
        for (i, h) in hs.enumerated() {
            let cellX = gridLeft + Double(i) * cellWidth
            let ax: Double
            switch h {
            case .left: ax = cellX + 8
            case .center: ax = cellX + cellWidth / 2
            case .right: ax = cellX + cellWidth - 8
            }
            for (j, v) in vs.enumerated() {
                let anchor = Point(ax.rounded(.down) + 0.5, (rowTop + 14 + Double(j) * 36).rounded(.down) + 0.5)
                scene.text(TextRun("\(h.rawValue)/\(v.rawValue)", font: Font(size: 12), color: Self.ink,
                                   at: anchor, horizontal: h, vertical: v))
                markAnchor(anchor)
            }
        }
        y = rowTop + 150
    }

    private mutating func unicode() {
        heading("Text: Unicode and a missing glyph")
        let font = Font(size: 18)
        let samples = ["α β γ Δ σ μ", "−1.5 × 10⁻³", "Zürich façade naïve", "missing: \u{E000} (.notdef)"]
        var x = Self.margin
        let baseline = (y + fonts.measure("Ag", font: font).ascent).rounded()
        for s in samples {
            scene.text(TextRun(s, font: font, color: Self.ink, at: Point(x, baseline)))
            x += fonts.measure(s, font: font).advance + 28
        }
        y = baseline + 14
    }

    /// Each marker shape filled, outlined, and both, in two rows of five cells, name below.
    private mutating func markers() {
        heading("Markers: filled, outlined, both")
        let shapes = MarkerShape.allCases
        let perRow = 5
        let cellWidth = (Double(Self.width) - 2 * Self.margin) / Double(perRow)
        let blue = Color(rgb: 0x1f77b4), orange = Color(rgb: 0xff7f0e)
        for (i, shape) in shapes.enumerated() {
            // Centres on whole pixels: a 16-px square then has crisp edges.
            let cx = (Self.margin + cellWidth * (Double(i % perRow) + 0.5)).rounded()
            let cy = (y + 12 + Double(i / perRow) * 58).rounded()
            let path = Path.marker(shape, size: 16)
            scene.markers(path, at: [Point(cx - 30, cy)], fill: blue)
            scene.markers(path, at: [Point(cx, cy)], fill: nil, stroke: (StrokeStyle(width: 1.5), .black))
            scene.markers(path, at: [Point(cx + 30, cy)], fill: orange, stroke: (StrokeStyle(width: 1), .black))
            scene.text(TextRun(shape.rawValue, font: Self.captionFont, color: Self.caption,
                               at: Point(cx, cy + 16), horizontal: .center, vertical: .top))
        }
        // The last caption ends about 30 px under the last row's centre.
        y += 12 + Double((shapes.count + perRow - 1) / perRow - 1) * 58 + 32
    }
}
