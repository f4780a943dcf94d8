import CPNGShim
@testable import PNG
import Raster
import TestSupport
import XCTest

/// The striped encoder: figure-sized images with the default options are deflated in two
/// stripes on two threads and written as IDAT by the shim; the result must be one valid zlib
/// stream (libpng checks the Adler-32 when decoding) that decodes to the very same pixels.
final class PNGStripedEncodeTests: XCTestCase {
    /// The zlib compressor at the level it was measured with (libdeflate is `PNG.Options.default`).
    let zlib = PNG.Options(compressionLevel: 2, filter: .none, compressor: .zlib)

    /// A figure-like image: white with coloured lines and noise, so both stripes hold data.
    func figureLike(width: Int, height: Int, opaque: Bool) throws -> Pixmap {
        var p = try Pixmap(width: width, height: height, fill: Color(r: 255, g: 255, b: 255, a: opaque ? 255 : 128))
        var rng = SeededRandom(seed: 7)
        for y in 0..<height where y % 7 == 0 {
            for x in 0..<width {
                let v = UInt8.random(in: 0...200, using: &rng)
                p.setPixel(x: x, y: y, PremultipliedColor(r: v / 2, g: v, b: 60, a: opaque ? 255 : 200))
            }
        }
        return p
    }

    func testStripeCountDependsOnTheSizeOnly() {
        let table: [(Int, Int, Int)] = [(1, 1, 1), (100, 100, 1), (255, 256, 1), (256, 256, 2), (1200, 800, 2),
                                        (4000, 63, 1), (4000, 64, 2)]
        for (w, h, n) in table {
            XCTAssertEqual(PNG.stripeCount(try! Pixmap(width: w, height: h)), n, "\(w)×\(h)")
        }
    }

    func testOpaqueFigureRoundTripsThroughStripes() throws {
        let pixmap = try figureLike(width: 1200, height: 800, opaque: true)
        XCTAssertEqual(PNG.stripeCount(pixmap), 2)
        let bytes = try PNG.encode(pixmap, options: zlib)
        XCTAssertEqual(chunkTypes(bytes), ["IHDR", "IDAT", "IEND"])
        let decoded = try PNG.decode(bytes)
        XCTAssertEqual(decoded.width, 1200)
        XCTAssertEqual(decoded.data, pixmap.data)
    }

    func testTranslucentImageRoundTripsThroughStripes() throws {
        let pixmap = try randomPixmap(width: 320, height: 300, seed: 11)
        XCTAssertEqual(PNG.stripeCount(pixmap), 2)
        XCTAssertEqual(try PNG.decode(try PNG.encode(pixmap, options: zlib)).data, pixmap.data)
    }

    func testStripesDecodeLikeLibpngsOwnWriterAndCostLittleSize() throws {
        let pixmap = try figureLike(width: 900, height: 600, opaque: true)
        let striped = try PNG.encode(pixmap, options: zlib)
        var image = PNG.RawImage(width: 900, height: 600, colorType: .rgb, bitDepth: 8, rowStride: 900 * 4, stripFiller: true)
        image.stripes = 0
        let plain = try pixmap.data.withUnsafeBufferPointer { try PNG.encodeRaw($0, image: image, options: zlib) }
        XCTAssertNotEqual(striped, plain, "the striped path was taken")
        XCTAssertEqual(try PNG.decode(plain).data, try PNG.decode(striped).data)
        XCTAssertLessThan(Double(striped.count), Double(plain.count) * 1.02, "stripes cost under 2% of the size")
    }

    func testStripedEncodingIsDeterministicAndKeepsTextChunks() throws {
        let pixmap = try figureLike(width: 640, height: 480, opaque: true)
        let options = zlib.withText([PNG.TextChunk(key: "state", value: "v42")])
        let a = try PNG.encode(pixmap, options: options)
        let b = try PNG.encode(pixmap, options: options)
        XCTAssertEqual(a, b)
        XCTAssertEqual(chunkTypes(a), ["IHDR", "tEXt", "IDAT", "IEND"])
        XCTAssertEqual(try PNG.textChunks(a).first?.value, "v42")
    }

    func testOtherFiltersStillUseLibpngsWriter() throws {
        let pixmap = try figureLike(width: 400, height: 300, opaque: true)
        let options = PNG.Options(compressionLevel: 6, filter: .paeth, compressor: .zlib)
        let bytes = try PNG.encode(pixmap, options: options)
        XCTAssertEqual(try PNG.decode(bytes).data, pixmap.data)
        XCTAssertGreaterThan(chunkTypes(bytes).filter { $0 == "IDAT" }.count, 1, "libpng writes 8 KiB IDAT chunks")
    }
}
