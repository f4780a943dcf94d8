import Geometry
import Raster
import Text

/// The sheets of rendered text that the golden tests compare (shared with ad-hoc viewers).
enum TextSheet {
    static let red = Color(r: 220, g: 30, b: 30)

    /// A 1-px cross marking an anchor point.
    static func cross(_ p: Point, into pixmap: inout Pixmap) {
        let x = Int(p.x.rounded(.down)), y = Int(p.y.rounded(.down))
        for d in -4...4 {
            if x + d >= 0, x + d < pixmap.width, y >= 0, y < pixmap.height {
                pixmap.setPixel(x: x + d, y: y, red.premultiplied)
            }
            if y + d >= 0, y + d < pixmap.height, x >= 0, x < pixmap.width {
                pixmap.setPixel(x: x, y: y + d, red.premultiplied)
            }
        }
    }

    /// Sizes 8–28 px and the four faces.
    static func sizesAndFaces(_ lib: FontLibrary) throws -> Pixmap {
        var p = try Pixmap(width: 560, height: 250, fill: .white)
        var y = 14.0
        for size in [8.0, 10, 11.11, 12, 13.89, 16, 20, 28] {
            lib.draw("Sphinx of black quartz 0.31 (\(Point.format(size))px)", font: Font(size: size),
                     at: Point(6, y.rounded()), color: .black, into: &p)
            y += size * 1.25 + 2
        }
        for face in FontFace.allCases {
            lib.draw("\(face.rawValue): val_loss −2.0 AVATAR", font: Font(face: face, size: 13.89),
                     at: Point(6, y.rounded()), color: Color(rgb: 0x1f77b4), into: &p)
            y += 18
        }
        return p
    }

    /// Every anchor combination around a marked point.
    static func anchors(_ lib: FontLibrary) throws -> Pixmap {
        var p = try Pixmap(width: 360, height: 150, fill: .white)
        let hs: [HorizontalAnchor] = [.left, .center, .right]
        let vs: [VerticalAnchor] = [.top, .center, .baseline, .bottom]
        for (i, h) in hs.enumerated() {
            for (j, v) in vs.enumerated() {
                let at = Point(60 + Double(i) * 120, 20 + Double(j) * 36)
                lib.draw(TextRun("Ag \(h.rawValue.prefix(1))\(v.rawValue.prefix(2))", font: Font(size: 13.89),
                                 at: at, horizontal: h, vertical: v), into: &p)
                cross(at, into: &p)
            }
        }
        return p
    }

    /// The same label at 0, 90, -90, 180, 30 and 45 degrees about marked points.
    static func rotations(_ lib: FontLibrary) throws -> Pixmap {
        var p = try Pixmap(width: 470, height: 200, fill: .white)
        let placed: [(angle: Double, x: Double)] = [(0, 20), (90, 110), (-90, 130), (180, 250), (30, 270), (45, 355)]
        for (a, x) in placed {
            let at = Point(x, 100)
            lib.draw(TextRun("loss \(Point.format(a))°", font: Font(size: 13.89), at: at,
                             horizontal: .left, vertical: .baseline, rotation: a), into: &p)
            cross(at, into: &p)
        }
        lib.draw(TextRun("y label (centred, 90°)", font: Font(size: 13.89), at: Point(452, 100),
                         horizontal: .center, vertical: .center, rotation: 90), into: &p)
        cross(Point(452, 100), into: &p)
        return p
    }

    /// Greek, minus, superscripts, accented Latin, and glyphs DejaVu lacks (drawn as boxes).
    static func unicode(_ lib: FontLibrary) throws -> Pixmap {
        var p = try Pixmap(width: 330, height: 110, fill: .white)
        let lines = ["σ = 0.31  αβγδ ΔΣΩ  µ ± °", "−2.0  10⁴  10⁻³  x²  ½", "café naïve Ångström Überß",
                     "missing: 中 \u{E000} tab:\t| nl:\n|"]
        for (i, s) in lines.enumerated() {
            lib.draw(s, font: Font(size: 16), at: Point(6, Double(22 + i * 25)), color: .black, into: &p)
        }
        return p
    }
}
