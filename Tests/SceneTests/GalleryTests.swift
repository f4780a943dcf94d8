import Foundation
import Geometry
import PNG
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Writes the gallery sheet to `.build/test-output/gallery.png` and checks it against a golden.
final class GalleryTests: XCTestCase {
    func testGallerySheetIsWrittenAndMatchesItsGolden() throws {
        let fonts = try FontLibrary()
        let scene = try GallerySheet.build(fonts: fonts)
        let sheet = try ScenePlayer(fonts: fonts).render(scene)

        let path = testOutputDirectory() + "/gallery.png"
        try PNG.write(sheet, to: path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), path)
        let back = try PNG.read(path: path)
        XCTAssertEqual(back.width, GallerySheet.width)
        XCTAssertEqual(back.height, sheet.height)
        XCTAssertGreaterThan(back.height, 900, "every section is on the sheet")
        XCTAssertEqual(back, sheet, "the PNG round-trips exactly")

        // Not blank: a good share of the pixels carry ink, in many distinct colours.
        var inked = 0
        var colours = Set<UInt32>()
        for y in 0..<back.height {
            for x in 0..<back.width {
                let p = back.pixel(x: x, y: y)
                if p != Color.white.premultiplied { inked += 1 }
                colours.insert(PremultipliedColor.pack(p))
            }
        }
        XCTAssertGreaterThan(Double(inked) / Double(back.width * back.height), 0.05)
        XCTAssertGreaterThan(colours.count, 200)

        // Every section's ink reaches the bottom part of the sheet (markers are drawn last).
        let lastRows = (back.height - 60)..<(back.height - 20)
        XCTAssertTrue(lastRows.contains { y in (0..<back.width).contains { back.pixel(x: $0, y: y) != Color.white.premultiplied } })

        assertMatchesGolden(sheet, named: "gallery", goldens: goldensDirectory(), tolerance: .text())
    }

    func testGalleryLayoutIsDeterministic() throws {
        let fonts = try FontLibrary()
        XCTAssertEqual(try GallerySheet.build(fonts: fonts).dump(), try GallerySheet.build(fonts: fonts).dump())
    }
}
