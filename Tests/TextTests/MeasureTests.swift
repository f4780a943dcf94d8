import Geometry
import Raster
@testable import Text
import XCTest

final class MeasureTests: XCTestCase {
    func testHelloAdvanceIsSumOfAdvancesPlusKerning() throws {
        let lib = try FontLibrary()
        let font = Font(size: 13.89)
        let glyphs = lib.layout("Hello", font: font)
        XCTAssertEqual(glyphs.count, 5)
        var expected = 0.0
        for (i, g) in glyphs.enumerated() {
            XCTAssertEqual(g.x, expected, accuracy: 1e-9, "pen of glyph \(i)")
            XCTAssertEqual(g.advance, lib.advance(ofGlyph: g.glyph, font: font), accuracy: 1e-12)
            expected += g.advance
            if i + 1 < glyphs.count { expected += lib.kerning(g.glyph, glyphs[i + 1].glyph, font: font) }
        }
        XCTAssertEqual(lib.measure("Hello", font: font).advance, expected, accuracy: 1e-9)
        // DejaVu Sans: H 1540, e 1260, l 569, o 1253 font units of 2048 (no kerning in "Hello").
        XCTAssertEqual(expected, Double(1540 + 1260 + 569 + 569 + 1253) * (889.0 / 64) / 2048, accuracy: 1e-9)
    }

    func testAVIsKernedTighter() throws {
        let lib = try FontLibrary()
        let font = Font(size: 20)
        let a = lib.glyphIndex(for: "A"), v = lib.glyphIndex(for: "V")
        let separate = lib.advance(ofGlyph: a, font: font) + lib.advance(ofGlyph: v, font: font)
        let together = lib.measure("AV", font: font).advance
        // DejaVu's legacy kern table: A-V is -131 units of 2048.
        XCTAssertEqual(together - separate, -131.0 * 20 / 2048, accuracy: 1e-9)
        XCTAssertLessThan(lib.measure("AVATAR", font: font).advance,
                          lib.layout("AVATAR", font: font).reduce(0) { $0 + $1.advance } - 2)
        // The monospace face has no kern table.
        let mono = Font(face: .mono, size: 20)
        XCTAssertEqual(lib.kerning(lib.glyphIndex(for: "A", face: .mono), lib.glyphIndex(for: "V", face: .mono), font: mono), 0)
    }

    func testMetricsScaleLinearlyWithSize() throws {
        let lib = try FontLibrary()
        let text = "val_loss 1.25e-3 σ"
        let m10 = lib.measure(text, font: Font(size: 10))
        for k in [2.0, 3.5, 8] {
            let m = lib.measure(text, font: Font(size: 10 * k))
            XCTAssertEqual(m.advance, m10.advance * k, accuracy: 1e-9)
            XCTAssertEqual(m.ascent, m10.ascent * k, accuracy: 1e-9)
            XCTAssertEqual(m.descent, m10.descent * k, accuracy: 1e-9)
            XCTAssertEqual(m.lineHeight, m10.lineHeight * k, accuracy: 1e-9)
            XCTAssertEqual(m.inkBounds!.width, m10.inkBounds!.width * k, accuracy: 1e-9)
        }
        // DejaVu Sans: ascender 1901, descender -483, height 2384 (units per em 2048).
        XCTAssertEqual(m10.ascent, 10 * 1901 / 2048, accuracy: 1e-9)
        XCTAssertEqual(m10.descent, 10 * 483 / 2048, accuracy: 1e-9)
        XCTAssertEqual(m10.lineHeight, 10 * 2384 / 2048, accuracy: 1e-9)
    }

    func testInkBoundsCoverDescendersAndAscenders() throws {
        let lib = try FontLibrary()
        let f = Font(size: 20)
        let x = lib.measure("x", font: f).inkBounds!, g = lib.measure("g", font: f).inkBounds!
        let h = lib.measure("h", font: f).inkBounds!
        XCTAssertEqual(x.maxY, 0, accuracy: 0.3, "x sits on the baseline")
        XCTAssertGreaterThan(g.maxY, 3, "g descends")
        XCTAssertLessThan(h.minY, x.minY - 3, "h ascends above x-height")
        XCTAssertLessThanOrEqual(-h.minY, lib.measure("h", font: f).ascent)
    }

    func testLayoutPositionsAreSubPixel() throws {
        let lib = try FontLibrary()
        let xs = lib.layout("1.25e-3", font: Font(size: 13.89)).map(\.x)
        XCTAssertEqual(xs, xs.sorted())
        XCTAssertTrue(xs.contains { $0 != $0.rounded() }, "\(xs)")
    }

    func testOutlineMatchesInkBounds() throws {
        let lib = try FontLibrary()
        let font = Font(size: 30)
        let path = lib.outline("Hag", font: font)
        let ink = lib.measure("Hag", font: font).inkBounds!
        let b = path.bounds!
        // Path bounds include off-curve control points, so they may exceed the exact ink box.
        XCTAssertLessThanOrEqual(b.minX, ink.minX + 1e-9)
        XCTAssertGreaterThanOrEqual(b.maxY, ink.maxY - 1e-9)
        XCTAssertEqual(b.minY, ink.minY, accuracy: 0.5)
        XCTAssertEqual(b.maxX, ink.maxX, accuracy: 0.5)
        XCTAssertTrue(path.verbs.contains(.quad), "TrueType outlines are quadratic")
        XCTAssertTrue(lib.outline(" ", font: font).isEmpty)
    }
}
