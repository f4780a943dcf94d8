@testable import PNG
import Raster
import TestSupport
import XCTest

/// Decoding every PNG colour type and bit depth into straight RGBA8: files made by libpng's own
/// writer through `PNG.encodeRaw`, and fixtures made by Pillow (Fixtures/make_fixtures.py).
final class PNGDecodeFormatsTests: XCTestCase {
    let fast = PNG.Options(compressionLevel: 1, filter: .none, strategy: .default)

    /// Encodes rows in PNG layout and decodes them to straight RGBA pixels.
    func roundTrip(_ rows: [UInt8], width: Int, height: Int, _ type: PNG.ColorType, depth: Int,
                   interlaced: Bool = false, palette: [UInt8] = [], transparency: [UInt8] = [],
                   file: StaticString = #filePath, line: UInt = #line) throws -> [Color] {
        let image = PNG.RawImage(width: width, height: height, colorType: type, bitDepth: depth,
                                 rowStride: rows.count / height, interlaced: interlaced,
                                 palette: palette, transparency: transparency)
        let png = try rows.withUnsafeBufferPointer { try PNG.encodeRaw($0, image: image, options: fast) }
        XCTAssertEqual(Int(png[24]), depth, "bit depth", file: file, line: line)
        XCTAssertEqual(Int32(png[25]), type.rawValue, "colour type", file: file, line: line)
        XCTAssertEqual(png[28], interlaced ? 1 : 0, "interlace", file: file, line: line)
        return colors(try PNG.decodeRaw(png, wantPixels: true))
    }

    func colors(_ d: PNG.Decoded) -> [Color] {
        stride(from: 0, to: d.rgba.count, by: 4).map {
            Color(r: d.rgba[$0], g: d.rgba[$0 + 1], b: d.rgba[$0 + 2], a: d.rgba[$0 + 3])
        }
    }

    func to8(_ v: Int) -> UInt8 { UInt8((Double(v) * 255 / 65535).rounded()) }

    func testGray8() throws {
        let values = (0..<12).map { UInt8($0 * 21) }
        let got = try roundTrip(values, width: 4, height: 3, .gray, depth: 8)
        XCTAssertEqual(got, values.map { Color(r: $0, g: $0, b: $0) })
    }

    func testGray2BitPacked() throws {
        // One row of 8 pixels: 0 1 2 3 3 2 1 0, four to a byte.
        let got = try roundTrip([0b00_01_10_11, 0b11_10_01_00], width: 8, height: 1, .gray, depth: 2)
        XCTAssertEqual(got.map(\.r), [0, 85, 170, 255, 255, 170, 85, 0])
        XCTAssertEqual(Set(got.map(\.a)), [255])
    }

    func testGray16ScalesWithRounding() throws {
        let samples = [0, 128, 129, 257, 32767, 32896, 65280, 65535]
        let rows = samples.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
        let got = try roundTrip(rows, width: 8, height: 1, .gray, depth: 16)
        XCTAssertEqual(got.map(\.g), samples.map(to8))
    }

    func testGrayAlpha8() throws {
        let got = try roundTrip([10, 0, 200, 128, 255, 255], width: 3, height: 1, .grayAlpha, depth: 8)
        XCTAssertEqual(got, [Color(r: 10, g: 10, b: 10, a: 0), Color(r: 200, g: 200, b: 200, a: 128), .white])
    }

    func testRGB16AndRGBA16() throws {
        let rgb = [1000, 40000, 65535, 0, 300, 65000]
        let got = try roundTrip(rgb.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }, width: 2, height: 1, .rgb, depth: 16)
        XCTAssertEqual(got, [Color(r: to8(1000), g: to8(40000), b: to8(65535)), Color(r: 0, g: to8(300), b: to8(65000))])
        let rgba = [1000, 40000, 65535, 32768]
        let got2 = try roundTrip(rgba.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }, width: 1, height: 1, .rgba, depth: 16)
        XCTAssertEqual(got2, [Color(r: to8(1000), g: to8(40000), b: 255, a: to8(32768))])
    }

    func testPaletteWithTransparency() throws {
        let palette: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255]
        let got = try roundTrip([0, 1, 2, 2], width: 4, height: 1, .palette, depth: 8,
                                palette: palette, transparency: [255, 64])
        XCTAssertEqual(got, [Color(r: 255, g: 0, b: 0), Color(r: 0, g: 255, b: 0, a: 64),
                             Color(r: 0, g: 0, b: 255), Color(r: 0, g: 0, b: 255)])
    }

    func testTransparencyKeysBecomeAlpha() throws {
        let gray = try roundTrip([7, 9, 7], width: 3, height: 1, .gray, depth: 8, transparency: [0, 7])
        XCTAssertEqual(gray.map(\.a), [0, 255, 0])
        let rgb = try roundTrip([1, 2, 3, 1, 2, 4], width: 2, height: 1, .rgb, depth: 8,
                                transparency: [0, 1, 0, 2, 0, 3])
        XCTAssertEqual(rgb.map(\.a), [0, 255])
    }

    func testInterlacedDecodesToTheSamePixmap() throws {
        let p = try randomPixmap(width: 29, height: 19, seed: 21)
        let straight = PNG.demultiplied(p.data)
        let image = PNG.RawImage(width: 29, height: 19, colorType: .rgba, bitDepth: 8, rowStride: 29 * 4, interlaced: true)
        let png = try straight.withUnsafeBufferPointer { try PNG.encodeRaw($0, image: image, options: fast) }
        XCTAssertEqual(png[28], 1, "Adam7")
        XCTAssertEqual(try PNG.decode(png), p)
    }

    // MARK: Pillow fixtures

    func fixture(_ name: String) throws -> Pixmap {
        let path = "\(#filePath)".replacingOccurrences(of: "PNGDecodeFormatsTests.swift", with: "Fixtures/\(name)")
        return try PNG.read(path: path)
    }

    func testPillowPalette2BitWithTransparency() throws {
        let p = try fixture("pil_palette_trns.png")
        let colors = [Color(r: 255, g: 0, b: 0), Color(r: 0, g: 255, b: 0, a: 128), Color(r: 0, g: 0, b: 255, a: 0), Color.white]
        for y in 0..<4 { for x in 0..<4 { XCTAssertEqual(p.pixel(x: x, y: y), colors[(x + y) % 4].premultiplied) } }
    }

    func testPillowGray16() throws {
        let p = try fixture("pil_gray16.png")
        for y in 0..<4 {
            for x in 0..<4 {
                let v = to8(x * 16000 + y * 1000 + 7)
                XCTAssertEqual(p.pixel(x: x, y: y), PremultipliedColor(r: v, g: v, b: v, a: 255), "(\(x), \(y))")
            }
        }
    }

    func testPillowGray1Bit() throws {
        let p = try fixture("pil_gray1.png")
        for y in 0..<4 { for x in 0..<4 { XCTAssertEqual(p.pixel(x: x, y: y).g, (x + y) % 2 == 1 ? 255 : 0) } }
    }

    func testPillowGrayAlpha() throws {
        let p = try fixture("pil_gray_alpha.png")
        for y in 0..<4 {
            for x in 0..<4 {
                let g = UInt8(x * 60)
                XCTAssertEqual(p.pixel(x: x, y: y), Color(r: g, g: g, b: g, a: UInt8(y * 80 + 15)).premultiplied)
            }
        }
    }
}
