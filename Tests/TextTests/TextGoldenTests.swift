import Geometry
import Raster
import TestSupport
import Text
import XCTest

/// Rendered text against goldens recorded with FreeType 2.12.1 and checked by eye next to
/// matplotlib's Agg text (same baselines and rows of the '=' bars at 13.89 px; see the report).
/// Re-record with PLOTLINE_RECORD_GOLDENS=1.
final class TextGoldenTests: XCTestCase {
    /// FreeType releases move edge pixels a little; a few pixels may differ by a visible amount.
    let tolerance = GoldenTolerance.text(maxChannelDelta: 40, maxDifferingFraction: 0.003)

    func testSizesAndFaces() throws {
        assertMatchesGolden(try TextSheet.sizesAndFaces(try FontLibrary()), named: "text-sizes-faces",
                            goldens: goldensDirectory(), tolerance: tolerance)
    }

    func testAnchors() throws {
        assertMatchesGolden(try TextSheet.anchors(try FontLibrary()), named: "text-anchors",
                            goldens: goldensDirectory(), tolerance: tolerance)
    }

    func testRotations() throws {
        assertMatchesGolden(try TextSheet.rotations(try FontLibrary()), named: "text-rotations",
                            goldens: goldensDirectory(), tolerance: tolerance)
    }

    func testUnicode() throws {
        assertMatchesGolden(try TextSheet.unicode(try FontLibrary()), named: "text-unicode",
                            goldens: goldensDirectory(), tolerance: tolerance)
    }
}
