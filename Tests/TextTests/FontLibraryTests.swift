import Geometry
import Raster
@testable import Text
import XCTest

final class FontLibraryTests: XCTestCase {
    func testFindsBundledFontsAndListsSearchOrder() throws {
        let lib = try FontLibrary()
        XCTAssertTrue(lib.fontsDirectory.hasSuffix("/Fonts"), lib.fontsDirectory)
        let places = FontLibrary.searchLocations(fontsDirectory: "/nonexistent/fonts")
        XCTAssertEqual(places.first, "/nonexistent/fonts (argument)")
        XCTAssertTrue(places.contains { $0.hasSuffix("(next to the executable)") })
        XCTAssertTrue(places.last!.hasSuffix("/Fonts (package source tree)"), places.last!)
        // An explicit folder without fonts falls through to the next places.
        XCTAssertNoThrow(try FontLibrary(fontsDirectory: "/nonexistent/fonts"))
    }

    func testNotFoundErrorListsEveryPlace() {
        let e = FontLibraryError.fontsNotFound(searched: ["/a (argument)", "/b (package source tree)"])
        XCTAssertTrue(e.description.contains("/a (argument)"))
        XCTAssertTrue(e.description.contains("/b (package source tree)"))
        XCTAssertTrue(e.description.contains("PLOTLINE_FONTS"))
    }

    func testSourceTreeFontsFromFilePath() {
        XCTAssertEqual(FontLocator.sourceTreeFonts(file: "/repo/Sources/Text/FontLocator.swift"), "/repo/Fonts")
    }

    func testEveryFaceOpensWithItsOwnGlyphs() throws {
        let lib = try FontLibrary()
        let widths = FontFace.allCases.map { lib.measure("Wim", font: Font(face: $0, size: 20)).advance }
        XCTAssertEqual(Set(widths).count, widths.count, "faces should differ: \(widths)")
        // Monospace: every glyph advances the same.
        let mono = Font(face: .mono, size: 20)
        XCTAssertEqual(lib.measure("iiii", font: mono).advance, lib.measure("WWWW", font: mono).advance)
    }

    func testUnicodeBeyondASCIIComesFromDejaVu() throws {
        let lib = try FontLibrary()
        for s in ["σ", "α", "Ω", "\u{2212}", "⁴", "¹", "⁻", "é", "Å", "ñ", "ü", "µ", "°"] {
            XCTAssertNotEqual(lib.glyphIndex(for: s.unicodeScalars.first!), 0, "missing \(s)")
        }
    }

    func testMissingGlyphIsNotdef() throws {
        let lib = try FontLibrary()
        XCTAssertEqual(lib.glyphIndex(for: "\u{E000}"), 0)
        XCTAssertEqual(lib.glyphIndex(for: "中"), 0)
        let m = lib.measure("中", font: Font(size: 20))
        XCTAssertGreaterThan(m.advance, 5)
        XCTAssertNotNil(m.inkBounds, ".notdef draws a box")
    }

    func testControlCharactersAdvanceLikeASpaceAndDrawNothing() throws {
        let lib = try FontLibrary()
        let f = Font(size: 20)
        XCTAssertEqual(lib.measure("a\tb", font: f).advance, lib.measure("a b", font: f).advance, accuracy: 1e-9)
        XCTAssertEqual(lib.measure("a\nb", font: f).advance, lib.measure("a b", font: f).advance, accuracy: 1e-9)
        XCTAssertNil(lib.measure("\t\n\r", font: f).inkBounds)
        var p = try Pixmap(width: 60, height: 30)
        lib.draw("\t\n\r\u{7}", font: f, at: Point(5, 20), color: .black, into: &p)
        XCTAssertNil(inkBox(p))
    }

    func testInvalidSizesDrawAndMeasureNothing() throws {
        let lib = try FontLibrary()
        var p = try Pixmap(width: 40, height: 40)
        for size in [0, -3, Double.nan, Double.infinity] {
            XCTAssertEqual(lib.measure("Hi", font: Font(size: size)).advance, 0)
            lib.draw("Hi", font: Font(size: size), at: Point(5, 20), color: .black, into: &p)
            XCTAssertTrue(lib.layout("Hi", font: Font(size: size)).isEmpty)
        }
        XCTAssertNil(inkBox(p))
    }
}
