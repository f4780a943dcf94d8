import Geometry
import Raster
@testable import Text
import XCTest

final class DrawTests: XCTestCase {
    func testDrawsOnTheBaselineWithinRunBounds() throws {
        let lib = try FontLibrary()
        var p = try Pixmap(width: 120, height: 40)
        let run = TextRun("Hxg", font: Font(size: 20), at: Point(10, 25))
        lib.draw(run, into: &p)
        let ink = try XCTUnwrap(inkBox(p))
        // H's bottom sits on the baseline row 24 (the pixel above y = 25); g descends below.
        XCTAssertGreaterThan(ink.maxY, 26)
        let bounds = lib.runBounds(run)
        XCTAssertGreaterThanOrEqual(Double(ink.x), bounds.minX - 1)
        XCTAssertLessThanOrEqual(Double(ink.maxX), bounds.maxX + 1)
        XCTAssertGreaterThanOrEqual(Double(ink.y), bounds.minY - 1)
        XCTAssertLessThanOrEqual(Double(ink.maxY), bounds.maxY + 1)
        // The H column's lowest full row is the one just above the baseline.
        var hOnly = try Pixmap(width: 40, height: 40)
        lib.draw("H", font: Font(size: 20), at: Point(10, 25), color: .black, into: &hOnly)
        XCTAssertEqual(inkBox(hOnly)!.maxY, 25)
    }

    func testMissingGlyphDrawsABox() throws {
        let lib = try FontLibrary()
        var p = try Pixmap(width: 40, height: 40)
        lib.draw("\u{E000}", font: Font(size: 20), at: Point(10, 30), color: .black, into: &p)
        let ink = try XCTUnwrap(inkBox(p))
        XCTAssertGreaterThan(ink.width, 5)
        XCTAssertGreaterThan(ink.height, 10)
    }

    func testHorizontalAnchorsShiftByHalfAndWholeAdvance() throws {
        let lib = try FontLibrary()
        let font = Font(size: 13.89)
        let adv = lib.measure("val_loss", font: font).advance
        let left = lib.runBounds(TextRun("val_loss", font: font, at: Point(100, 50)))
        let center = lib.runBounds(TextRun("val_loss", font: font, at: Point(100, 50), horizontal: .center))
        let right = lib.runBounds(TextRun("val_loss", font: font, at: Point(100, 50), horizontal: .right))
        XCTAssertEqual(left.minX - center.minX, adv / 2, accuracy: 1e-9)
        XCTAssertEqual(left.minX - right.minX, adv, accuracy: 1e-9)
        // Drawn pixels move the same way (to the quarter pixel: compare the ink's left edge).
        func inkLeft(_ h: HorizontalAnchor) throws -> Int {
            var p = try Pixmap(width: 240, height: 80)
            lib.draw(TextRun("val_loss", font: font, at: Point(120, 50), horizontal: h), into: &p)
            return inkBox(p)!.x
        }
        XCTAssertEqual(Double(try inkLeft(.left) - inkLeft(.right)), adv, accuracy: 1.01)
        XCTAssertEqual(Double(try inkLeft(.left) - inkLeft(.center)), adv / 2, accuracy: 1.01)
    }

    func testVerticalAnchorsUseFontAscentAndDescent() throws {
        let lib = try FontLibrary()
        let font = Font(size: 20)
        let m = lib.measure("x", font: font)
        func top(_ v: VerticalAnchor) -> Double {
            lib.runBounds(TextRun("x", font: font, at: Point(0, 100), vertical: v)).minY
        }
        XCTAssertEqual(top(.baseline), 100 - m.ascent, accuracy: 1e-9)
        XCTAssertEqual(top(.top), 100, accuracy: 1e-9)
        XCTAssertEqual(top(.bottom), 100 - m.ascent - m.descent, accuracy: 1e-9)
        XCTAssertEqual(top(.center), 100 - (m.ascent + m.descent) / 2, accuracy: 1e-9)
    }

    func testQuarterTurnsSwapRunBounds() throws {
        let lib = try FontLibrary()
        let font = Font(size: 13.89)
        let r0 = lib.runBounds(TextRun("loss", font: font, at: Point(50, 50), horizontal: .center, vertical: .center))
        for angle in [90.0, -90, 270, 450] {
            let r = lib.runBounds(TextRun("loss", font: font, at: Point(50, 50), horizontal: .center,
                                          vertical: .center, rotation: angle))
            XCTAssertEqual(r.width, r0.height, accuracy: 1e-9, "\(angle)")
            XCTAssertEqual(r.height, r0.width, accuracy: 1e-9, "\(angle)")
        }
        // 90° reads bottom to top: the run starts at the anchor and goes up.
        let up = lib.runBounds(TextRun("loss", font: font, at: Point(50, 50), rotation: 90))
        XCTAssertEqual(up.maxY, 50, accuracy: 0.2)
        XCTAssertLessThan(up.minY, 30)
        let r180 = lib.runBounds(TextRun("loss", font: font, at: Point(50, 50), rotation: 180))
        XCTAssertEqual(r180.maxX, 50, accuracy: 0.2)
    }

    /// A quarter-turned run has exactly the pixels of the upright run, turned.
    func testQuarterTurnsArePixelExactRotations() throws {
        let lib = try FontLibrary()
        let font = Font(size: 13.89)
        var upright = try Pixmap(width: 100, height: 100)
        lib.draw(TextRun("Tgy 1.5", font: font, at: Point(20, 50)), into: &upright)
        let a = alphaRows(upright, inkBox(upright)!)
        var turned = try Pixmap(width: 100, height: 100)
        lib.draw(TextRun("Tgy 1.5", font: font, at: Point(50, 80), rotation: 90), into: &turned)
        XCTAssertEqual(alphaRows(turned, inkBox(turned)!), turnedCounterClockwise(a))
        var upside = try Pixmap(width: 100, height: 100)
        lib.draw(TextRun("Tgy 1.5", font: font, at: Point(80, 50), rotation: 180), into: &upside)
        XCTAssertEqual(alphaRows(upside, inkBox(upside)!), turnedCounterClockwise(turnedCounterClockwise(a)))
        var down = try Pixmap(width: 100, height: 100)
        lib.draw(TextRun("Tgy 1.5", font: font, at: Point(50, 20), rotation: -90), into: &down)
        XCTAssertEqual(alphaRows(down, inkBox(down)!),
                       turnedCounterClockwise(turnedCounterClockwise(turnedCounterClockwise(a))))
    }

    func testArbitraryAnglesFillOutlinesInsideRunBounds() throws {
        let lib = try FontLibrary()
        let font = Font(size: 16)
        var upright = try Pixmap(width: 160, height: 160)
        lib.draw(TextRun("Epoch 12", font: font, at: Point(80, 80), horizontal: .center, vertical: .center), into: &upright)
        for angle in [30.0, 45, -60, 137] {
            var p = try Pixmap(width: 160, height: 160)
            let run = TextRun("Epoch 12", font: font, at: Point(80, 80), horizontal: .center, vertical: .center,
                              rotation: angle)
            lib.draw(run, into: &p)
            let ink = try XCTUnwrap(inkBox(p), "\(angle)")
            let b = lib.runBounds(run)
            XCTAssertGreaterThanOrEqual(Double(ink.x), b.minX - 1)
            XCTAssertLessThanOrEqual(Double(ink.maxX), b.maxX + 1)
            XCTAssertGreaterThanOrEqual(Double(ink.y), b.minY - 1)
            XCTAssertLessThanOrEqual(Double(ink.maxY), b.maxY + 1)
            // About the same amount of ink as upright (hinting changes it a little).
            XCTAssertEqual(Double(totalInk(p)), Double(totalInk(upright)), accuracy: Double(totalInk(upright)) * 0.12)
        }
        // 30° counter-clockwise: the end of the text is higher than its start.
        var p = try Pixmap(width: 160, height: 160)
        lib.draw(TextRun("—————", font: font, at: Point(20, 120), rotation: 30), into: &p)
        let ink = inkBox(p)!
        XCTAssertGreaterThan(ink.height, 20)
        XCTAssertNotEqual(p.data[((ink.y + 1) * 160 + ink.maxX - 2) * 4 + 3], 0, "top right is inked")
    }

    func testClipLimitsDrawing() throws {
        let lib = try FontLibrary()
        var p = try Pixmap(width: 100, height: 40)
        let clip = Clip(rect: IntRect(x: 0, y: 0, width: 30, height: 40))
        lib.draw("WWWWWW", font: Font(size: 20), at: Point(5, 30), color: .black, into: &p, clip: clip)
        XCTAssertLessThanOrEqual(inkBox(p)!.maxX, 30)
    }

    func testGlyphCacheIsReusedAndBounded() throws {
        let lib = try FontLibrary()
        var p = try Pixmap(width: 200, height: 40)
        lib.draw("val_loss 1.25e-3", font: Font(size: 13.89), at: Point(5, 30), color: .black, into: &p)
        let first = lib.glyphCacheUsage
        XCTAssertGreaterThan(first.masks, 5)
        lib.draw("val_loss 1.25e-3", font: Font(size: 13.89), at: Point(5, 30), color: .black, into: &p)
        XCTAssertEqual(lib.glyphCacheUsage.masks, first.masks)
        lib.clearGlyphCache()
        XCTAssertEqual(lib.glyphCacheUsage.masks, 0)

        let cache = GlyphCache(byteLimit: 1000)
        let bytes = [UInt8](repeating: 7, count: 300)
        bytes.withUnsafeBufferPointer { b in
            for k in 0..<10 { cache.insert(UInt64(k), pixels: b, width: 30, height: 10, left: 0, top: 0) }
        }
        XCTAssertLessThanOrEqual(cache.byteCount, 1000)
        XCTAssertNotNil(cache.lookup(9))
        XCTAssertNil(cache.lookup(0))
    }

    func testMaskRotationIndexMath() {
        // 3 wide, 2 high: rows "abc", "def".
        let src: [UInt8] = [1, 2, 3, 4, 5, 6]
        src.withUnsafeBufferPointer { s in
            let r1 = GlyphCache.rotate(s, width: 3, height: 2, quadrant: 1)
            XCTAssertEqual(r1.width, 2); XCTAssertEqual(r1.height, 3)
            XCTAssertEqual(r1.pixels, [3, 6, 2, 5, 1, 4])
            XCTAssertEqual(GlyphCache.rotate(s, width: 3, height: 2, quadrant: 2).pixels, [6, 5, 4, 3, 2, 1])
            XCTAssertEqual(GlyphCache.rotate(s, width: 3, height: 2, quadrant: 3).pixels, [4, 1, 5, 2, 6, 3])
        }
    }
}

final class DrawEdgeCaseTests: XCTestCase {
    func testLargeTextIsFilledFromOutlines() throws {
        let lib = try FontLibrary()
        let font = Font(size: 300)
        var p = try Pixmap(width: 260, height: 320)
        let run = TextRun("H", font: font, at: Point(10, 280))
        lib.draw(run, into: &p)
        let ink = try XCTUnwrap(inkBox(p))
        let expected = lib.measure("H", font: font).inkBounds!
        XCTAssertEqual(Double(ink.x), 10 + expected.minX, accuracy: 1.5)
        XCTAssertEqual(Double(ink.maxY), 280 + expected.maxY, accuracy: 1.5)
        XCTAssertEqual(Double(ink.height), expected.height, accuracy: 2)
        XCTAssertEqual(lib.glyphCacheUsage.masks, 0, "large text does not fill the mask cache")
    }

    func testNonFiniteRotationDrawsUpright() throws {
        let lib = try FontLibrary()
        var a = try Pixmap(width: 80, height: 30), b = try Pixmap(width: 80, height: 30)
        lib.draw(TextRun("Ag", font: Font(size: 14), at: Point(5, 20)), into: &a)
        lib.draw(TextRun("Ag", font: Font(size: 14), at: Point(5, 20), rotation: .nan), into: &b)
        XCTAssertEqual(a, b)
    }

    func testSubPixelPositionsShiftTheInk() throws {
        let lib = try FontLibrary()
        var a = try Pixmap(width: 40, height: 30), b = try Pixmap(width: 40, height: 30)
        lib.draw("l", font: Font(size: 14), at: Point(10, 20), color: .black, into: &a)
        lib.draw("l", font: Font(size: 14), at: Point(10.5, 20), color: .black, into: &b)
        XCTAssertNotEqual(a, b, "half a pixel to the right is a different mask")
        func centroid(_ p: Pixmap) -> Double {
            var s = 0.0, w = 0.0
            for y in 0..<p.height { for x in 0..<p.width {
                let v = Double(p.data[(y * p.width + x) * 4 + 3]); s += v * Double(x); w += v
            } }
            return s / w
        }
        XCTAssertEqual(centroid(b) - centroid(a), 0.5, accuracy: 0.1)
    }
}
