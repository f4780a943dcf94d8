import PNG
import Raster
@testable import Report
@testable import Service
import TestSupport
import XCTest

final class ImageDiffTests: XCTestCase {
    func testOnePixelChangeIsHighlightedAndBoxed() throws {
        let baseline = try canvas(width: 200, height: 120)
        var current = baseline
        current.setPixel(x: 150, y: 40, Color(r: 20, g: 20, b: 20).premultiplied)  // ink added
        let comparison = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance())
        let diff = try ImageDiff.image(baseline: baseline, current: current, comparison: comparison)
        try PNG.write(diff, to: testOutputDirectory() + "/compare-one-pixel-diff.png")

        XCTAssertEqual(diff.width, 200); XCTAssertEqual(diff.height, 120)
        XCTAssertTrue(diff.isOpaque)
        XCTAssertEqual(diff.pixel(x: 150, y: 40), ImageDiff.inkAdded.premultiplied)
        // The box: 1×1 grown to 24×24 around (150, 40), x 139..<163, y 29..<53; its 2-px outline
        // lies just outside, so (137, 40) and (163, 40) are orange, the inside is not.
        let orange = ImageDiff.marker.premultiplied
        XCTAssertEqual(diff.pixel(x: 137, y: 40), orange)
        XCTAssertEqual(diff.pixel(x: 164, y: 40), orange)
        XCTAssertEqual(diff.pixel(x: 150, y: 27), orange)
        XCTAssertNotEqual(diff.pixel(x: 145, y: 40), orange)
        // Edge bars over the same columns and rows.
        XCTAssertEqual(diff.pixel(x: 150, y: 0), orange)
        XCTAssertEqual(diff.pixel(x: 150, y: 119), orange)
        XCTAssertEqual(diff.pixel(x: 0, y: 40), orange)
        XCTAssertEqual(diff.pixel(x: 199, y: 40), orange)
        XCTAssertNotEqual(diff.pixel(x: 20, y: 0), orange)
        // Unchanged pixels are a light grey version of the baseline: white stays white, the
        // dark axis becomes a light grey, the blue line a grey.
        XCTAssertEqual(diff.pixel(x: 100, y: 10), PremultipliedColor(r: 255, g: 255, b: 255, a: 255))
        let axis = diff.pixel(x: 60, y: 114)
        XCTAssertTrue(axis.r == axis.g && axis.g == axis.b && axis.r > 160 && axis.r < 230, "\(axis)")
    }

    func testLighterPixelsAreInkRemovedAndToleratedOnesAreQuiet() throws {
        let baseline = try canvas(width: 60, height: 40)
        var current = baseline
        current.setPixel(x: 30, y: 34, Color.white.premultiplied)  // a pixel of the axis erased
        var nudged = current.pixel(x: 10, y: 10).demultiplied
        nudged.g -= 2
        current.setPixel(x: 10, y: 10, nudged.premultiplied)
        let comparison = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance(channel: 2))
        let diff = try ImageDiff.image(baseline: baseline, current: current, comparison: comparison)
        XCTAssertEqual(diff.pixel(x: 30, y: 34), ImageDiff.inkRemoved.premultiplied)
        XCTAssertEqual(diff.pixel(x: 10, y: 10), ImageDiff.tolerated.premultiplied)
        XCTAssertEqual(comparison.changedBounds, IntRect(x: 30, y: 34, width: 1, height: 1))
    }

    func testSizeMismatchCoversBothImagesAndHatchesTheExtraPart() throws {
        let baseline = try canvas(width: 80, height: 50)
        let current = try canvas(width: 100, height: 50)
        let comparison = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance())
        let diff = try ImageDiff.image(baseline: baseline, current: current, comparison: comparison)
        try PNG.write(diff, to: testOutputDirectory() + "/compare-size-mismatch-diff.png")
        XCTAssertEqual(diff.width, 100); XCTAssertEqual(diff.height, 50)
        // Columns 80..<100 exist only in the new image: hatched in pale magenta on the diagonal
        // x + y ≡ 0 (mod 8), faded elsewhere.
        let hatch = ImageDiff.mix(ImageDiff.inkAdded, 0.45).premultiplied
        XCTAssertEqual(diff.pixel(x: 88, y: 8), hatch)
        XCTAssertEqual(diff.pixel(x: 80, y: 16), hatch)
        XCTAssertNotEqual(diff.pixel(x: 89, y: 8), hatch)
        XCTAssertNotEqual(diff.pixel(x: 72, y: 8), hatch, "the shared part is not hatched")
    }

    func testMarkerBoxIsAtLeastTheMinimumAndGrowsWithTheChange() {
        XCTAssertEqual(ImageDiff.markerBox(for: IntRect(x: 50, y: 50, width: 1, height: 1)),
                       IntRect(x: 39, y: 39, width: 24, height: 24))
        XCTAssertEqual(ImageDiff.markerBox(for: IntRect(x: 10, y: 20, width: 100, height: 3)),
                       IntRect(x: 6, y: 10, width: 108, height: 24))
    }

    /// White, with a dark axis along the bottom and a blue zig-zag line.
    private func canvas(width: Int, height: Int) throws -> Pixmap {
        var image = try Pixmap(width: width, height: height, fill: .white)
        for x in 0..<width { image.setPixel(x: x, y: height - 6, Color(r: 40, g: 40, b: 40).premultiplied) }
        for x in 5..<(width - 5) {
            image.setPixel(x: x, y: height / 3 + (x / 3) % 6, Color(r: 31, g: 119, b: 180).premultiplied)
        }
        return image
    }
}
