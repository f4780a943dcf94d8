import Raster
@testable import Report
@testable import Service
import TestSupport
import XCTest

final class ImageComparisonTests: XCTestCase {
    // MARK: counting

    func testIdenticalImagesAreUnchanged() throws {
        let image = try chart(width: 120, height: 80)
        let c = ImageComparison(baseline: image, current: image, tolerance: .exact)
        XCTAssertEqual(c.differingPixels, 0)
        XCTAssertEqual(c.maxChannelDifference, 0)
        XCTAssertNil(c.changedBounds)
        XCTAssertTrue(c.sizesMatch)
        XCTAssertFalse(c.isChanged)
    }

    func testOnePixelChangeIsFoundWithItsBounds() throws {
        let baseline = try chart(width: 120, height: 80)
        var current = baseline
        current.setPixel(x: 97, y: 13, Color(r: 255, g: 0, b: 0).premultiplied)
        let c = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance())
        XCTAssertEqual(c.differingPixels, 1)
        XCTAssertEqual(c.changedBounds, IntRect(x: 97, y: 13, width: 1, height: 1))
        XCTAssertEqual(c.maxChannelDifference, 255)  // white → red: G and B drop by 255
        XCTAssertTrue(c.isChanged)
    }

    func testChangeWithinChannelToleranceIsIgnored() throws {
        let baseline = try chart(width: 60, height: 40)
        var current = baseline
        nudge(&current, x: 5, y: 6, by: 2)
        nudge(&current, x: 50, y: 30, by: 1)
        let tolerant = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance(channel: 2))
        XCTAssertEqual(tolerant.differingPixels, 0)
        XCTAssertEqual(tolerant.maxChannelDifference, 2, "tolerated differences are still reported")
        XCTAssertNil(tolerant.changedBounds)
        XCTAssertFalse(tolerant.isChanged)

        let strict = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance(channel: 1))
        XCTAssertEqual(strict.differingPixels, 1)
        XCTAssertEqual(strict.changedBounds, IntRect(x: 5, y: 6, width: 1, height: 1))
        XCTAssertTrue(strict.isChanged)
    }

    func testPixelsToleranceAllowsThatManyDifferingPixels() throws {
        let baseline = try chart(width: 60, height: 40)
        var current = baseline
        for (x, y) in [(3, 30), (40, 2), (59, 39)] { nudge(&current, x: x, y: y, by: 40) }
        let three = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance(channel: 2, pixels: 3))
        XCTAssertEqual(three.differingPixels, 3)
        XCTAssertEqual(three.changedBounds, IntRect(x: 3, y: 2, width: 57, height: 38))
        XCTAssertFalse(three.isChanged)
        let two = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance(channel: 2, pixels: 2))
        XCTAssertTrue(two.isChanged)
    }

    func testWiderImageCountsItsExtraColumnsAsDiffering() throws {
        let baseline = try Pixmap(width: 10, height: 8, fill: .white)
        let current = try Pixmap(width: 12, height: 8, fill: .white)
        let c = ImageComparison(baseline: baseline, current: current, tolerance: ImageTolerance(channel: 2, pixels: 1000))
        XCTAssertFalse(c.sizesMatch)
        XCTAssertTrue(c.isChanged, "a size mismatch is a change whatever the pixel tolerance")
        XCTAssertEqual(c.differingPixels, 16)
        XCTAssertEqual(c.changedBounds, IntRect(x: 10, y: 0, width: 2, height: 8))
        XCTAssertEqual(c.maxChannelDifference, 0, "the shared pixels agree")
    }

    func testCrossedSizesCountEachUnsharedPixelOnce() throws {
        // 12×10 against 10×12: shared 10×10; 2×10 only in the first, 10×2 only in the second.
        let a = try Pixmap(width: 12, height: 10, fill: .white)
        let b = try Pixmap(width: 10, height: 12, fill: .white)
        let c = ImageComparison(baseline: a, current: b, tolerance: .exact)
        XCTAssertEqual(c.differingPixels, 40)
        XCTAssertEqual(c.changedBounds, IntRect(x: 0, y: 0, width: 12, height: 12))
        // One image containing the other: 6×5 inside 9×7 leaves 63 − 30 pixels.
        let big = try Pixmap(width: 9, height: 7, fill: .white), small = try Pixmap(width: 6, height: 5, fill: .white)
        let d = ImageComparison(baseline: small, current: big, tolerance: .exact)
        XCTAssertEqual(d.differingPixels, 33)
        XCTAssertEqual(d.changedBounds, IntRect(x: 0, y: 0, width: 9, height: 7))
    }

    // MARK: straight alpha

    func testTranslucentPixelsCompareInStraightAlpha() throws {
        // Straight (200, 100, 50) against (210, 100, 50) at alpha 64: premultiplied they differ by
        // 2-3, straight by 10.
        var a = try Pixmap(width: 2, height: 1), b = try Pixmap(width: 2, height: 1)
        a.setPixel(x: 0, y: 0, Color(r: 200, g: 100, b: 50, a: 64).premultiplied)
        b.setPixel(x: 0, y: 0, Color(r: 210, g: 100, b: 50, a: 64).premultiplied)
        let c = ImageComparison(baseline: a, current: b, tolerance: ImageTolerance(channel: 5))
        XCTAssertEqual(c.differingPixels, 1)
        XCTAssertGreaterThanOrEqual(c.maxChannelDifference, 8)
        XCTAssertLessThanOrEqual(c.maxChannelDifference, 12)
    }

    func testPixelDifferenceMatchesDemultipliedColours() {
        var random = SeededRandom(seed: 6)
        for i in 0..<20_000 {
            let p = randomPremultiplied(&random, opaque: i % 3 == 0), q = randomPremultiplied(&random, opaque: i % 5 == 0)
            let s = p.demultiplied, t = q.demultiplied
            let expected = [abs(Int(s.r) - Int(t.r)), abs(Int(s.g) - Int(t.g)), abs(Int(s.b) - Int(t.b)),
                            abs(Int(s.a) - Int(t.a))].max()!
            let got = ImageComparison.pixelDifference(PremultipliedColor.pack(p), PremultipliedColor.pack(q))
            XCTAssertEqual(got, expected, "\(p) vs \(q)")
            if got != expected { return }
        }
    }

    // MARK: helpers

    /// A white canvas with a few coloured rectangles, a stand-in for a chart.
    private func chart(width: Int, height: Int) throws -> Pixmap {
        var image = try Pixmap(width: width, height: height, fill: .white)
        for x in 4..<(width - 4) { image.setPixel(x: x, y: height - 6, Color(r: 40, g: 40, b: 40).premultiplied) }
        for y in 4..<(height - 6) { image.setPixel(x: 6, y: y, Color(r: 40, g: 40, b: 40).premultiplied) }
        for x in 10..<(width / 2) {
            image.setPixel(x: x, y: height / 2 + (x % 7), Color(r: 31, g: 119, b: 180).premultiplied)
        }
        return image
    }

    /// Moves the pixel's red channel by `delta`, towards 0 when there is room.
    private func nudge(_ image: inout Pixmap, x: Int, y: Int, by delta: Int) {
        var c = image.pixel(x: x, y: y).demultiplied
        c.r = UInt8(Int(c.r) >= delta ? Int(c.r) - delta : Int(c.r) + delta)
        image.setPixel(x: x, y: y, c.premultiplied)
    }

    private func randomPremultiplied(_ random: inout SeededRandom, opaque: Bool) -> PremultipliedColor {
        let a: UInt8 = opaque ? 255 : UInt8(truncatingIfNeeded: random.next())
        func channel() -> UInt8 { UInt8(truncatingIfNeeded: random.next()) }
        return Color(r: channel(), g: channel(), b: channel(), a: a).premultiplied
    }
}
