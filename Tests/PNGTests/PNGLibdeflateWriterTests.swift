@testable import PNG
import Raster
import TestSupport
import XCTest

/// The libdeflate writer: chunks written by hand (IHDR, tEXt, one IDAT, IEND) with correct
/// CRCs, decoded by libpng to the very pixels the zlib path gives, byte-identical on every run.
final class PNGLibdeflateWriterTests: XCTestCase {
    /// CRC-32 (PNG specification, annex D) bit by bit, independent of libdeflate's.
    func referenceCRC(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xffff_ffff
    }

    func bigEndian(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    func testChunksAreWellFormedWithCorrectCRCs() throws {
        let p = try randomPixmap(width: 50, height: 40, seed: 21, opaque: true)
        let png = try PNG.encode(p, options: PNG.Options(compressionLevel: 6, filter: .paeth)
            .withText([.init(key: "Software", value: "Plotline"), .init(key: "state", value: "é 42")]))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        XCTAssertEqual(chunkTypes(png), ["IHDR", "tEXt", "tEXt", "IDAT", "IEND"])
        var at = 8
        while at < png.count {
            let length = Int(bigEndian(png, at))
            let crc = bigEndian(png, at + 8 + length)
            XCTAssertEqual(crc, referenceCRC(png[(at + 4)..<(at + 8 + length)]), "chunk at \(at)")
            at += 12 + length
        }
        XCTAssertEqual(at, png.count, "no bytes after IEND")
        // IHDR: 50×40, bit depth 8, colour type 2 (RGB), deflate, filter method 0, no interlace.
        XCTAssertEqual(Array(png[16..<29]), [0, 0, 0, 50, 0, 0, 0, 40, 8, 2, 0, 0, 0])
        XCTAssertEqual(try PNG.textChunks(png).map(\.description), ["Software=Plotline", "state=é 42"])
    }

    func testTranslucentPixmapIsWrittenAsRGBA() throws {
        let p = try randomPixmap(width: 9, height: 7, seed: 22)
        let png = try PNG.encode(p)
        XCTAssertEqual(png[25], 6, "colour type RGBA")
        XCTAssertEqual(try PNG.decode(png), p)
    }

    func testEveryFilterDecodesToTheSamePixelsAsTheZlibPath() throws {
        for opaque in [true, false] {
            let p = try randomPixmap(width: 61, height: 17, seed: 23, opaque: opaque)
            let zlib = try PNG.decode(PNG.encode(p, options: .init(compressionLevel: 2, filter: .none, compressor: .zlib)))
            for filter in PNG.Filter.allCases {
                let png = try PNG.encode(p, options: .init(compressionLevel: 7, filter: filter))
                XCTAssertEqual(try PNG.decode(png), zlib, "\(filter) opaque \(opaque)")
            }
        }
    }

    func testOutputIsByteIdenticalForEqualInput() throws {
        let p = try randomPixmap(width: 300, height: 200, seed: 24, opaque: true)
        let copy = try Pixmap(width: p.width, height: p.height, premultipliedData: p.data)
        for options in [PNG.Options.default, PNG.Options.small] {
            let o = options.withText([.init(key: "state", value: "v1")])
            XCTAssertEqual(try PNG.encode(p, options: o), try PNG.encode(copy, options: o))
        }
    }

    func testOnePixelAndOneRowImages() throws {
        for (w, h) in [(1, 1), (1, 5), (5, 1)] {
            let p = try randomPixmap(width: w, height: h, seed: 25)
            for filter in PNG.Filter.allCases {
                XCTAssertEqual(try PNG.decode(PNG.encode(p, options: .init(compressionLevel: 1, filter: filter))), p,
                               "\(w)×\(h) \(filter)")
            }
        }
    }

    func testSmallSettingIsSmallerThanTheDefault() throws {
        // A figure-like image: flat background, anti-aliased diagonal lines.
        var p = try Pixmap(width: 400, height: 300, fill: Color(r: 255, g: 255, b: 255, a: 255))
        for x in 0..<400 {
            for k in 0..<6 {
                let y = (x * (k + 1) / 3 + k * 40) % 300
                p.setPixel(x: x, y: y, PremultipliedColor(r: UInt8(40 * k), g: 90, b: 200, a: 255))
            }
        }
        let fast = try PNG.encode(p)
        let small = try PNG.encode(p, options: .small)
        XCTAssertLessThan(small.count, fast.count)
        XCTAssertEqual(try PNG.decode(small), try PNG.decode(fast))
    }

    /// The word-at-a-time RGB packing (4-byte stores 3 bytes apart, the last pixel by bytes)
    /// and opacity test: narrow rows, and one translucent pixel past the first block of 4,096.
    func testPackingAndOpacityAtEdges() throws {
        for width in [1, 2, 3, 5, 4097] {
            let p = try randomPixmap(width: width, height: 3, seed: UInt64(width), opaque: true)
            let png = try PNG.encode(p)
            XCTAssertEqual(png[25], 2, "width \(width): colour type RGB")
            XCTAssertEqual(try PNG.decode(png), p, "width \(width)")
        }
        var p = try randomPixmap(width: 100, height: 60, seed: 24, opaque: true)
        let last = p.data.count - 4 * 37 + 3  // an alpha byte in the last block
        p.data[last] = 0
        p.data[last - 3] = 0; p.data[last - 2] = 0; p.data[last - 1] = 0
        XCTAssertFalse(p.isOpaque)
        let png = try PNG.encode(p)
        XCTAssertEqual(png[25], 6, "one transparent pixel makes it RGBA")
        XCTAssertEqual(try PNG.decode(png), p)
    }
}
