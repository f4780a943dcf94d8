import Geometry
import Raster
import TestSupport
import XCTest

/// Pixel-exact goldens for the rasterizer: fills, strokes, clipping and compositing.
///
/// Each case draws into a small canvas and compares with `Goldens/<name>.png` exactly
/// (re-record with `PLOTLINE_RECORD_GOLDENS=1`). `RasterGoldens.cases` is shared with the gallery.
final class RasterGoldenTests: XCTestCase {
    func testEveryCaseMatchesItsGolden() throws {
        for (name, draw) in RasterGoldens.cases {
            var pm = try Pixmap(width: RasterGoldens.width, height: RasterGoldens.height, fill: .white)
            draw(Rasterizer(), &pm)
            assertMatchesGolden(pm, named: name, goldens: goldensDirectory())
        }
    }
}
