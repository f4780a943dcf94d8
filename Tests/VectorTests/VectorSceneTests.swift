import Chart
import Foundation
import Geometry
import PNG
import Raster
import Scene
import TestSupport
import Text
import Vector
import XCTest

/// Scenes built by hand for what the chart gallery may not reach: nested clips, alpha on every
/// kind of command, text at an angle, a glyph the font lacks, an empty figure, determinism.
final class VectorSceneTests: XCTestCase {
    /// Nested rectangle and even-odd path clips, translucent fills, dashed translucent strokes,
    /// translucent markers with outlines, an image with alpha and opacity: drawn back by librsvg
    /// and poppler they match the PNG.
    func testClipAndAlphaMatchThePNG() throws {
        var scene = Scene(width: 320, height: 240)
        scene.fill(Rect(x: 0, y: 0, width: 320, height: 120), color: Color(rgb: 0xdde6f0))
        scene.pushClip(Rect(x: 20, y: 20, width: 280, height: 200))
        scene.fill(Path.circle(center: Point(60, 60), radius: 70), color: Color(rgb: 0x1f77b4, alpha: 0.5))
        var ring = Path.circle(center: Point(200, 120), radius: 90)
        ring.append(Path.circle(center: Point(200, 120), radius: 45))
        scene.pushClip(ring, rule: .evenOdd)
        scene.fill(Rect(x: 100, y: 0, width: 220, height: 240), color: Color(rgb: 0xff7f0e, alpha: 0.6))
        scene.stroke(Path(polyline: [Point(90, 230), Point(310, 10)]),
                     style: StrokeStyle(width: 6, cap: .round, dash: DashPattern([18, 10])),
                     color: Color(rgb: 0x2ca02c, alpha: 0.7))
        scene.popClip()
        scene.markers(Path.circle(center: Point(0, 0), radius: 6),
                      at: (0..<12).map { Point(40 + Double($0) * 22, 200 - Double($0 * $0)) },
                      fill: Color(rgb: 0xd62728, alpha: 0.4), stroke: (StrokeStyle(width: 1.5), Color(rgb: 0x000000, alpha: 0.8)))
        scene.popClip()
        var image = try Pixmap(width: 4, height: 3, fill: .white)
        for i in 0..<12 {
            image.setPixel(x: i % 4, y: i / 4, Color(r: UInt8(i * 20), g: 80, b: UInt8(255 - i * 20), a: UInt8(i == 5 ? 0 : 255)).premultiplied)
        }
        scene.image(image, in: Rect(x: 230, y: 170, width: 80, height: 60), filter: .nearest, opacity: 0.75)

        let fonts = sharedFonts()
        let player = ScenePlayer(fonts: fonts)
        let png = try player.render(scene)
        let dir = VectorTools.folder("scenes")
        try PNG.write(png, to: dir + "/clip-alpha.png")
        let svg = try SVGWriter.encode(scene, fonts: fonts)
        try VectorTools.checkSVG(svg, in: dir, name: "clip-alpha")
        let s = RasterComparison(png, try VectorTools.rasterizeSVG(svg, in: dir, name: "clip-alpha"), scene: scene, fonts: fonts)
        let pdf = try PDFWriter.encode(scene, fonts: fonts)
        try VectorTools.checkPDF(pdf, in: dir, name: "clip-alpha")
        let p = RasterComparison(png, try VectorTools.rasterizePDF(pdf, in: dir, name: "clip-alpha", width: 320, height: 240),
                                 scene: scene, fonts: fonts)
        for (format, c) in [("svg", s), ("pdf", p)] {
            XCTAssertLessThan(c.strongFraction, 0.006, "\(format): \(c)")
            XCTAssertLessThan(c.meanDelta, 2.5, "\(format): \(c)")
        }
        // The clip really clips: outside the first clip rectangle only the background band is drawn.
        let back = try VectorTools.rasterizeSVG(svg, in: dir, name: "clip-alpha")
        XCTAssertEqual(back.pixel(x: 10, y: 10), Color(rgb: 0xdde6f0).premultiplied)
    }

    /// Text at 30°, 90° and 180° and anchored every way lands where the PNG puts it: the ink of
    /// each rasterization lies within the PNG's ink box grown by 2 px.
    func testRotatedAndAnchoredTextLandsWhereThePNGPutsIt() throws {
        let fonts = sharedFonts()
        var scene = Scene(width: 400, height: 300)
        let runs = [
            TextRun("Tilted 30°", font: Font(size: 18), at: Point(80, 200), rotation: 30),
            TextRun("val_loss", font: Font(face: .sansBold, size: 16), at: Point(30, 150), horizontal: .center, vertical: .center, rotation: 90),
            TextRun("AVAW upside", font: Font(face: .sansOblique, size: 15), at: Point(200, 40), horizontal: .right, vertical: .top, rotation: 180),
            TextRun("mono 1.25e-3", font: Font(face: .mono, size: 14), color: Color(rgb: 0xd62728, alpha: 0.6), at: Point(390, 290), horizontal: .right, vertical: .bottom),
        ]
        for r in runs { scene.text(r) }
        let png = try ScenePlayer(fonts: fonts).render(scene)
        let dir = VectorTools.folder("scenes")
        try PNG.write(png, to: dir + "/text.png")
        let svgBack = try VectorTools.rasterizeSVG(try SVGWriter.encode(scene, fonts: fonts), in: dir, name: "text")
        let pdf = try PDFWriter.encode(scene, fonts: fonts)
        let pdfBack = try VectorTools.rasterizePDF(pdf, in: dir, name: "text", width: 400, height: 300)
        let want = try XCTUnwrap(inkBox(png))
        for (format, back) in [("svg", svgBack), ("pdf", pdfBack)] {
            let got = try XCTUnwrap(inkBox(back), format)
            XCTAssertEqual(got.minX, want.minX, accuracy: 2, "\(format) ink \(got) vs PNG \(want)")
            XCTAssertEqual(got.maxX, want.maxX, accuracy: 2, "\(format) ink \(got) vs PNG \(want)")
            XCTAssertEqual(got.minY, want.minY, accuracy: 2, "\(format) ink \(got) vs PNG \(want)")
            XCTAssertEqual(got.maxY, want.maxY, accuracy: 2, "\(format) ink \(got) vs PNG \(want)")
        }
        // -raw: in reading order, as the runs were drawn (the default layout splits diagonal text).
        let text = try VectorTools.pdfText(pdf, in: dir, name: "text", raw: true)
        let flat = text.filter { !$0.isWhitespace }
        for r in runs { XCTAssertTrue(flat.contains(r.text.filter { !$0.isWhitespace }), "pdftotext lacks \(r.text) in \(text)") }
    }

    /// A character the font lacks draws the font's .notdef box in every format, and still copies
    /// out of the PDF as itself.
    func testMissingGlyphDrawsNotdefInEveryFormat() throws {
        let fonts = sharedFonts()
        XCTAssertEqual(fonts.glyphIndex(for: "\u{E000}"), 0, "U+E000 (private use) is not in DejaVu Sans")
        func scene(_ s: String) -> Scene {
            var scene = Scene(width: 160, height: 50)
            scene.text(TextRun(s, font: Font(size: 24), at: Point(10, 35)))
            return scene
        }
        let dir = VectorTools.folder("scenes")
        let with = scene("A\u{E000}B"), without = scene("AB")
        let pngInk = try ink(ScenePlayer(fonts: fonts).render(with)) - ink(ScenePlayer(fonts: fonts).render(without))
        XCTAssertGreaterThan(pngInk, 30, "the PNG draws a box")

        let svgWith = try SVGWriter.encode(with, fonts: fonts)
        XCTAssertTrue(String(decoding: svgWith, as: UTF8.self).contains("xlink:href=\"#g0-0\""), "the SVG uses glyph 0")
        let svgInk = try ink(VectorTools.rasterizeSVG(svgWith, in: dir, name: "notdef"))
            - ink(VectorTools.rasterizeSVG(SVGWriter.encode(without, fonts: fonts), in: dir, name: "notdef-ab"))
        let pdfWith = try PDFWriter.encode(with, fonts: fonts)
        let pdfInk = try ink(VectorTools.rasterizePDF(pdfWith, in: dir, name: "notdef", width: 160, height: 50))
            - ink(VectorTools.rasterizePDF(PDFWriter.encode(without, fonts: fonts), in: dir, name: "notdef-ab", width: 160, height: 50))
        XCTAssertEqual(Double(svgInk), Double(pngInk), accuracy: Double(pngInk) * 0.35, "svg")
        XCTAssertEqual(Double(pdfInk), Double(pngInk), accuracy: Double(pngInk) * 0.35, "pdf")
        let text = try VectorTools.pdfText(pdfWith, in: dir, name: "notdef")
        XCTAssertTrue(text.contains("A\u{E000}B"), "the PDF's text keeps the character: \(text.debugDescription)")
    }

    /// An empty scene and a figure with nothing plotted are still valid, viewable files.
    func testEmptyFiguresAreValid() throws {
        let fonts = sharedFonts()
        let dir = VectorTools.folder("scenes")
        let empty = Scene(width: 200, height: 100)
        let emptyFigure = FigureRenderer(fonts: fonts).scene(for: Figure(width: 300, height: 200, panels: [Panel()]))
        for (name, scene) in [("empty", empty), ("empty-figure", emptyFigure)] {
            let png = try ScenePlayer(fonts: fonts).render(scene)
            let svg = try SVGWriter.encode(scene, fonts: fonts)
            try VectorTools.checkSVG(svg, in: dir, name: name)
            let pdf = try PDFWriter.encode(scene, fonts: fonts)
            try VectorTools.checkPDF(pdf, in: dir, name: name)
            let s = RasterComparison(png, try VectorTools.rasterizeSVG(svg, in: dir, name: name), scene: scene, fonts: fonts)
            let p = RasterComparison(png, try VectorTools.rasterizePDF(pdf, in: dir, name: name, width: scene.width, height: scene.height),
                                     scene: scene, fonts: fonts)
            XCTAssertLessThan(s.meanDelta, 2.5, "\(name).svg \(s)")
            XCTAssertLessThan(p.meanDelta, 2.5, "\(name).pdf \(p)")
        }
        // A transparent background stays transparent (no background rectangle).
        let clear = Scene(width: 10, height: 10, background: Color(r: 0, g: 0, b: 0, a: 0))
        XCTAssertFalse(String(decoding: try SVGWriter.encode(clear, fonts: fonts), as: UTF8.self).contains("<rect"))
    }

    /// The same scene gives the same bytes: twice in one process and with a fresh font library
    /// (no dates, no random ids, no dictionary order).
    func testBytesAreDeterministic() throws {
        let figure = KindFigures.cases.first { $0.name == "kind-annotations" }!.figure
        func encode(_ format: OutputFormat) throws -> [UInt8] {
            let fonts = try FontLibrary()
            let player = ScenePlayer(fonts: fonts)
            return try FigureEncoder.encode(FigureRenderer(fonts: fonts).scene(for: figure), as: format, player: player)
        }
        for format in [OutputFormat.svg, .pdf] {
            let a = try encode(format), b = try encode(format)
            XCTAssertEqual(a, b, "\(format) differs between runs")
        }
        let pdf = String(decoding: try encode(.pdf), as: UTF8.self)
        XCTAssertFalse(pdf.contains("CreationDate"))
        XCTAssertFalse(pdf.contains("/ID"))
    }

    /// Dense scatter data stays small: the marker is defined once and each point costs one
    /// short reference.
    func testMarkersAreDefinedOnce() throws {
        let fonts = sharedFonts()
        var scene = Scene(width: 600, height: 400)
        let points = (0..<5000).map { Point(Double($0 % 600), Double(($0 * 7) % 400)) }
        scene.markers(Path.circle(center: Point(0, 0), radius: 3), at: points, fill: Color(rgb: 0x1f77b4, alpha: 0.3))
        let svg = try SVGWriter.encode(scene, fonts: fonts)
        let text = String(decoding: svg, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "<path id=\"m").count - 1, 1)
        XCTAssertEqual(text.components(separatedBy: "<use xlink:href=\"#m0\"").count - 1, 5000)
        XCTAssertLessThan(svg.count, 5000 * 48, "about 40 bytes a point")
        let pdf = try PDFWriter.encode(scene, fonts: fonts)
        XCTAssertLessThan(pdf.count, 5000 * 8, "compressed, a few bytes a point")
    }

    /// The PDF's fonts are embedded TrueType subsets with a Unicode map (what publishers ask
    /// for: no Type 3), one per face used, as poppler's pdffonts reports them.
    func testPDFFontsAreEmbeddedTrueTypeSubsetsWithUnicode() throws {
        let fonts = sharedFonts()
        var scene = Scene(width: 300, height: 100)
        scene.text(TextRun("Loss (val)", font: Font(size: 16), at: Point(10, 30)))
        scene.text(TextRun("Bold title", font: Font(face: .sansBold, size: 18), at: Point(10, 60)))
        scene.text(TextRun("mono 0.25", font: Font(face: .mono, size: 12), at: Point(10, 90)))
        let dir = VectorTools.folder("scenes")
        let path = dir + "/fonts.pdf"
        try Data(try PDFWriter.encode(scene, fonts: fonts)).write(to: URL(fileURLWithPath: path))
        let report = String(decoding: try VectorTools.run("pdffonts", [path]).stdout, as: UTF8.self)
        let rows = report.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        XCTAssertEqual(rows.count, 3, report)
        for row in rows {
            XCTAssertTrue(row[0].contains("+DejaVuSans"), "a subset of a bundled face: \(report)")
            XCTAssertEqual(row[1...6].joined(separator: " "), "CID TrueType Identity-H yes yes yes", report)
        }
        XCTAssertFalse(report.contains("Type 3"))
    }

    // MARK: - Helpers

    /// Pixels noticeably darker than white.
    func ink(_ p: Pixmap) -> Int {
        var n = 0
        for y in 0..<p.height { for x in 0..<p.width where Int(p.pixel(x: x, y: y).g) < 160 { n += 1 } }
        return n
    }

    /// The box of the pixels noticeably different from white.
    func inkBox(_ p: Pixmap) -> Rect? {
        var x0 = Int.max, y0 = Int.max, x1 = Int.min, y1 = Int.min
        for y in 0..<p.height {
            for x in 0..<p.width {
                let c = p.pixel(x: x, y: y)
                if min(c.r, c.g, c.b) < 200 { x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y) }
            }
        }
        return x0 <= x1 ? Rect(corner: Point(Double(x0), Double(y0)), Point(Double(x1), Double(y1))) : nil
    }
}
