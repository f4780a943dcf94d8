import Chart
import PNG
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Real chart pixmaps (every kind of figure the kind, axes and grid goldens draw) through both
/// PNG compressors: libpng decodes each file to exactly the pixels drawn, the run deflater's file
/// is deterministic, and on charts it stays within 25% of libdeflate level 1's size (bench/README.md
/// "PNG encoder for charts" has the measured sizes; this bound only catches a broken matcher).
final class ChartPNGRoundTripTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    func testChartPixmapsRoundTripThroughBothCompressors() throws {
        let player = ScenePlayer(fonts: fonts)
        let renderer = FigureRenderer(fonts: fonts)
        let runs = PNG.Options(compressionLevel: 1, filter: .none, compressor: .runs)
        let libdeflate = PNG.Options(compressionLevel: 1, filter: .none, compressor: .libdeflate)
        var runBytes = 0, libdeflateBytes = 0
        let figures = KindFigures.cases + AxesFigures.cases
        XCTAssertGreaterThan(figures.count, 5)
        for (name, figure) in figures {
            let pixmap = try player.render(renderer.scene(for: figure))
            let a = try PNG.encode(pixmap, options: runs)
            XCTAssertEqual(try PNG.decode(a), pixmap, "\(name), runs")
            XCTAssertEqual(a, try PNG.encode(pixmap, options: runs), "\(name): deterministic")
            let b = try PNG.encode(pixmap, options: libdeflate)
            XCTAssertEqual(try PNG.decode(b), pixmap, "\(name), libdeflate")
            runBytes += a.count
            libdeflateBytes += b.count
        }
        XCTAssertLessThan(Double(runBytes), Double(libdeflateBytes) * 1.25,
                          "run deflater \(runBytes) bytes against libdeflate 1's \(libdeflateBytes)")
    }
}
