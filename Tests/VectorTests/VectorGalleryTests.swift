import Chart
import Foundation
import PNG
import Raster
import Scene
import TestSupport
import Text
import Vector
import XCTest

/// Every chart kind in SVG and PDF: well-formed, every label searchable, and drawn back to pixels
/// by librsvg and poppler it matches Plotline's own PNG, text aside. The files, their
/// rasterizations and the PNG are left in `.build/test-output/vector/gallery` to look at.
final class VectorGalleryTests: XCTestCase {
    /// At most this share of the compared pixels may differ by more than 96 in a channel (a
    /// different colour rather than a different anti-aliased edge), and the mean difference
    /// must stay below `meanLimit`: renderers anti-alias edges and hairlines differently.
    static let strongLimit = 0.006
    static let meanLimit = 2.5

    func testEveryKindMatchesThePNGInSVGAndPDF() throws {
        let fonts = sharedFonts()
        let player = ScenePlayer(fonts: fonts)
        let renderer = FigureRenderer(fonts: fonts)
        let dir = VectorTools.folder("gallery")
        for (name, figure) in KindFigures.cases {
            let scene = renderer.scene(for: figure)
            let png = try player.render(scene)
            try PNG.write(png, to: dir + "/" + name + ".png")

            let svg = try FigureEncoder.encode(scene, as: .svg, player: player)
            try VectorTools.checkSVG(svg, in: dir, name: name)
            let svgBack = try VectorTools.rasterizeSVG(svg, in: dir, name: name)
            let s = RasterComparison(png, svgBack, scene: scene, fonts: fonts)
            XCTAssertLessThan(s.strongFraction, Self.strongLimit, "\(name).svg: \(s)")
            XCTAssertLessThan(s.meanDelta, Self.meanLimit, "\(name).svg: \(s)")

            let pdf = try FigureEncoder.encode(scene, as: .pdf, player: player, dpi: figure.dpi)
            try VectorTools.checkPDF(pdf, in: dir, name: name)
            let pdfBack = try VectorTools.rasterizePDF(pdf, in: dir, name: name, width: scene.width, height: scene.height)
            let p = RasterComparison(png, pdfBack, scene: scene, fonts: fonts)
            XCTAssertLessThan(p.strongFraction, Self.strongLimit, "\(name).pdf: \(p)")
            XCTAssertLessThan(p.meanDelta, Self.meanLimit, "\(name).pdf: \(p)")
            print("\(name): svg \(svg.count) B, \(s); pdf \(pdf.count) B, \(p)")

            // Every label can be found in the PDF's text and in the SVG's.
            let text = try VectorTools.pdfText(pdf, in: dir, name: name)
            let flat = text.filter { !$0.isWhitespace }
            let svgText = String(decoding: svg, as: UTF8.self)
            for run in VectorTools.textRuns(scene) where !run.text.trimmingCharacters(in: .whitespaces).isEmpty {
                XCTAssertTrue(flat.contains(run.text.filter { !$0.isWhitespace }), "\(name).pdf: pdftotext lacks \"\(run.text)\" in:\n\(text)")
                XCTAssertTrue(svgText.contains(">" + escaped(run.text) + "</text>"), "\(name).svg lacks the text \"\(run.text)\"")
            }
        }
    }

    func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
