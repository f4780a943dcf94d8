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

/// Dense scatter series embedded as images in SVG and PDF (`DenseSeries`, the `rasterize` mode):
/// a 10⁵-point scatter stays small, looks like the PNG drawn back, and keeps its text as text;
/// `never` and `always` force the choice, and small series stay vector marks under `auto`.
final class DenseSeriesTests: XCTestCase {
    /// W4's figure at test size: 10⁵ normal points, alpha 0.3, small markers, in a 900×600 figure.
    static func denseFigure(points n: Int = 100_000) -> Figure {
        let x = KindFigures.normals(n, seed: 7), y = KindFigures.normals(n, seed: 11)
        let series = Series("points", kind: .scatter, x: x, y: y, alpha: 0.3, markerSize: 2.16)
        return Figure(width: 900, height: 600, panels: [Panel(title: "Scatter, \(n) points", x: AxisSpec(label: "x value"),
                                                              y: AxisSpec(label: "y value"), series: [series])])
    }

    func testDenseScatterIsAnImageMatchingThePNGWithTextKept() throws {
        let fonts = sharedFonts()
        let player = ScenePlayer(fonts: fonts)
        let figure = Self.denseFigure()
        let scene = FigureRenderer(fonts: fonts).scene(for: figure)
        let dir = VectorTools.folder("dense")
        let png = try player.render(scene)
        try PNG.write(png, to: dir + "/scatter.png")

        let svg = try FigureEncoder.encode(scene, as: .svg, player: player, rasterize: .auto)
        try VectorTools.checkSVG(svg, in: dir, name: "scatter")
        let svgText = String(decoding: svg, as: UTF8.self)
        XCTAssertEqual(svgText.components(separatedBy: "<use xlink:href=\"#m").count - 1, 0, "no marker is a vector mark")
        XCTAssertEqual(svgText.components(separatedBy: "<image").count - 1, 1, "the series is one image")
        XCTAssertTrue(svgText.contains(">x value</text>") && svgText.contains(">y value</text>"), "labels stay text")
        XCTAssertLessThan(svg.count, 1_000_000, "10⁵ markers as <use>s would be about 4.5 MB")
        let s = RasterComparison(png, try VectorTools.rasterizeSVG(svg, in: dir, name: "scatter"), scene: scene, fonts: fonts)
        XCTAssertLessThan(s.strongFraction, VectorGalleryTests.strongLimit, "svg: \(s)")
        XCTAssertLessThan(s.meanDelta, VectorGalleryTests.meanLimit, "svg: \(s)")

        let pdf = try FigureEncoder.encode(scene, as: .pdf, player: player, dpi: figure.dpi, rasterize: .auto)
        try VectorTools.checkPDF(pdf, in: dir, name: "scatter")
        XCTAssertLessThan(pdf.count, 700_000, "10⁵ placed Form XObjects would be about 0.8 MB")
        // poppler smooths every image it enlarges less than 4× (NearestUpscale), a 1:1 one too,
        // shifting it by about half a pixel; drawn at 4× and averaged back, the image is exact.
        let p = RasterComparison(png, try Self.rasterizePDF4x(pdf, in: dir, name: "scatter", width: scene.width, height: scene.height),
                                 scene: scene, fonts: fonts)
        XCTAssertLessThan(p.strongFraction, VectorGalleryTests.strongLimit, "pdf: \(p)")
        XCTAssertLessThan(p.meanDelta, VectorGalleryTests.meanLimit, "pdf: \(p)")
        let p1 = RasterComparison(png, try VectorTools.rasterizePDF(pdf, in: dir, name: "scatter-1x", width: scene.width, height: scene.height),
                                  scene: scene, fonts: fonts)
        XCTAssertLessThan(p1.strongFraction, VectorGalleryTests.strongLimit, "pdf at 1×: \(p1)")
        let text = try VectorTools.pdfText(pdf, in: dir, name: "scatter").filter { !$0.isWhitespace }
        for label in ["xvalue", "yvalue", "Scatter,100000points"] {
            XCTAssertTrue(text.contains(label), "pdftotext lacks \(label) in \(text)")
        }
        print("dense scatter: svg \(svg.count) B, \(s); pdf \(pdf.count) B, \(p); at 1×: \(p1)")
    }

    /// `pdf` drawn by poppler at 4× the scene's size and box-averaged back to it.
    static func rasterizePDF4x(_ pdf: [UInt8], in dir: String, name: String, width: Int, height: Int) throws -> Pixmap {
        let big = try VectorTools.rasterizePDF(pdf, in: dir, name: name + "-4x", width: width * 4, height: height * 4)
        var data = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                for c in 0..<4 {
                    var sum = 0
                    for dy in 0..<4 { for dx in 0..<4 { sum += Int(big.data[((y * 4 + dy) * big.width + x * 4 + dx) * 4 + c]) } }
                    data[(y * width + x) * 4 + c] = UInt8((sum + 8) / 16)
                }
            }
        }
        return try Pixmap(width: width, height: height, premultipliedData: data)
    }

    func testNeverKeepsEveryMarkerAndAlwaysRasterizesASmallSeries() throws {
        let fonts = sharedFonts()
        let player = ScenePlayer(fonts: fonts)
        let dense = FigureRenderer(fonts: fonts).scene(for: Self.denseFigure(points: DenseSeries.autoThreshold + 1000))
        let never = String(decoding: try FigureEncoder.encode(dense, as: .svg, player: player, rasterize: .never), as: UTF8.self)
        XCTAssertFalse(never.contains("<image"))
        XCTAssertGreaterThan(never.components(separatedBy: "<use xlink:href=\"#m").count - 1, DenseSeries.autoThreshold)

        let small = FigureRenderer(fonts: fonts).scene(for: Self.denseFigure(points: 500))
        let auto = String(decoding: try FigureEncoder.encode(small, as: .svg, player: player, rasterize: .auto), as: UTF8.self)
        XCTAssertFalse(auto.contains("<image"), "500 markers stay vector under auto")
        let always = String(decoding: try FigureEncoder.encode(small, as: .svg, player: player, rasterize: .always), as: UTF8.self)
        XCTAssertEqual(always.components(separatedBy: "<image").count - 1, 1)
        XCTAssertFalse(always.contains("<use xlink:href=\"#m"))
        let pdfNever = try FigureEncoder.encode(small, as: .pdf, player: player, rasterize: .never)
        let pdfAlways = try FigureEncoder.encode(small, as: .pdf, player: player, rasterize: .always)
        XCTAssertFalse(String(decoding: pdfNever, as: UTF8.self).contains("/Subtype /Image"))
        XCTAssertTrue(String(decoding: pdfAlways, as: UTF8.self).contains("/Subtype /Image"))
    }

    /// The image covers the clip's bounds in whole device pixels, and the clip still applies:
    /// markers outside the plot area do not show.
    func testImageIsCutToTheClipAndPlacedOnWholePixels() throws {
        let fonts = sharedFonts()
        var scene = Scene(width: 200, height: 150)
        scene.pushClip(Rect(x: 20.5, y: 10.25, width: 150, height: 100))
        let points = (0..<400).map { Point(Double($0 % 20) * 10 + 0.3, Double($0 / 20) * 8 + 0.7) }
        scene.markers(Path.circle(center: Point(0, 0), radius: 3), at: points, fill: Color(rgb: 0xd62728, alpha: 0.5))
        scene.popClip()
        let svg = String(decoding: try SVGWriter.encode(scene, fonts: fonts, rasterize: .always), as: UTF8.self)
        XCTAssertTrue(svg.contains("<image x=\"20\" y=\"10\" width=\"151\" height=\"101\""), svg.prefix(600).description)
        let dir = VectorTools.folder("dense")
        let png = try ScenePlayer(fonts: fonts).render(scene)
        let back = try VectorTools.rasterizeSVG(Array(svg.utf8), in: dir, name: "clipped")
        let c = RasterComparison(png, back, scene: scene, fonts: fonts)
        XCTAssertLessThan(c.meanDelta, 1.5, "\(c)")
        XCTAssertEqual(back.pixel(x: 5, y: 5), Color.white.premultiplied, "outside the clip stays background")
    }
}
