@testable import PNG
import Raster
import TestSupport
import XCTest

final class PNGRoundTripTests: XCTestCase {
    func testRandomPixmapsWithAlphaRoundTripExactly() throws {
        for (seed, (w, h)) in [(1, 1), (7, 3), (64, 48), (333, 17)].enumerated() {
            let p = try randomPixmap(width: w, height: h, seed: UInt64(seed))
            XCTAssertFalse(p.isOpaque)
            let png = try PNG.encode(p)
            XCTAssertEqual(png[25], 6, "colour type must be RGBA when some pixel is not opaque")
            XCTAssertEqual(try PNG.decode(png), p, "\(w)×\(h)")
        }
    }

    func testOpaquePixmapIsWrittenAsRGBAndRoundTrips() throws {
        let p = try randomPixmap(width: 50, height: 40, seed: 9, opaque: true)
        let png = try PNG.encode(p)
        XCTAssertEqual(Array(png[0..<8]), [137, 80, 78, 71, 13, 10, 26, 10])
        XCTAssertEqual(png[24], 8, "bit depth")
        XCTAssertEqual(png[25], 2, "colour type must be RGB for an opaque pixmap")
        XCTAssertEqual(try PNG.decode(png), p)
    }

    func testEveryPremultipliedColourSurvives() throws {
        // All (channel, alpha) pairs with channel ≤ alpha: 32,896 of them, one per pixel.
        var p = try Pixmap(width: 256, height: 129)
        var i = 0
        for a in 0...255 {
            for c in 0...a {
                p.setPixel(x: i % 256, y: i / 256,
                           PremultipliedColor(r: UInt8(c), g: UInt8(a - c), b: UInt8(c / 2), a: UInt8(a)))
                i += 1
            }
        }
        XCTAssertEqual(try PNG.decode(PNG.encode(p)), p)
    }

    func testDemultiplyMatchesPremultipliedColorDemultiplied() throws {
        let p = try randomPixmap(width: 40, height: 40, seed: 5)
        let straight = PNG.demultiplied(p.data)
        for y in 0..<p.height {
            for x in 0..<p.width {
                let c = p.pixel(x: x, y: y).demultiplied
                let i = (y * p.width + x) * 4
                XCTAssertEqual(Array(straight[i..<(i + 4)]), [c.r, c.g, c.b, c.a], "(\(x), \(y))")
            }
        }
    }

    func testEncodingIsDeterministicAndHasNoTimestamp() throws {
        let p = try randomPixmap(width: 120, height: 80, seed: 3)
        let options = PNG.Options.default.withText([.init(key: "Software", value: "plotline")])
        let a = try PNG.encode(p, options: options)
        let b = try PNG.encode(p, options: options)
        XCTAssertEqual(a, b)
        let types = chunkTypes(a)
        XCTAssertEqual(types.first, "IHDR")
        XCTAssertEqual(types.last, "IEND")
        XCTAssertFalse(types.contains("tIME"))
    }

    func testEveryOptionCombinationRoundTrips() throws {
        let p = try randomPixmap(width: 37, height: 23, seed: 11)
        for compressor in PNG.Compressor.allCases {
            let levels = [0, 1, 6, 9, 12].filter(compressor.levels.contains)
            let strategies: [PNG.Strategy] = compressor == .zlib ? PNG.Strategy.allCases : [.default]
            for level in levels {
                for filter in PNG.Filter.allCases {
                    for strategy in strategies {
                        let o = PNG.Options(compressionLevel: level, filter: filter, strategy: strategy, compressor: compressor)
                        XCTAssertEqual(try PNG.decode(PNG.encode(p, options: o)), p, "\(compressor) \(level) \(filter) \(strategy)")
                    }
                }
            }
        }
    }

    func testOptionsChangeTheBytes() throws {
        let p = try randomPixmap(width: 64, height: 64, seed: 12, opaque: true)
        let stored = try PNG.encode(p, options: .init(compressionLevel: 0, filter: .none, strategy: .default))
        let best = try PNG.encode(p, options: .init(compressionLevel: 9, filter: .all, strategy: .default))
        XCTAssertGreaterThan(stored.count, 64 * 64 * 3, "level 0 stores the rows")
        XCTAssertNotEqual(stored, best)
    }

    func testBadCompressionLevelThrows() throws {
        let p = try Pixmap(width: 2, height: 2)
        XCTAssertThrowsError(try PNG.encode(p, options: .init(compressionLevel: 10, filter: .none, compressor: .zlib))) {
            XCTAssertEqual($0 as? PNGError, .invalidOptions("compression level 10 is outside 0...9 (zlib)"))
        }
        XCTAssertThrowsError(try PNG.encode(p, options: .init(compressionLevel: 13, filter: .none))) {
            XCTAssertEqual($0 as? PNGError, .invalidOptions("compression level 13 is outside 0...12 (libdeflate)"))
        }
        XCTAssertNoThrow(try PNG.encode(p, options: .init(compressionLevel: 12, filter: .none)))
    }

    func testZlibStrategyWithLibdeflateThrows() throws {
        let p = try Pixmap(width: 2, height: 2)
        XCTAssertThrowsError(try PNG.encode(p, options: .init(compressionLevel: 2, filter: .up, strategy: .rle))) {
            XCTAssertEqual($0 as? PNGError, .invalidOptions("strategy rle applies to the zlib compressor only"))
        }
    }

    func testDefaultIsTheMeasuredChoice() {
        XCTAssertEqual(PNG.Options.default, PNG.Options(compressionLevel: 1, filter: .none, compressor: .runs))
        XCTAssertEqual(PNG.Preset.fast.options, .default)
        XCTAssertEqual(PNG.Preset.small.options, .small)
    }
}

/// `PNG.Options.small` keeps the smaller of libdeflate 9's and the run deflater's image data:
/// never larger than the default, and libdeflate 9's size wherever that is smaller.
final class PNGSmallOptionTests: XCTestCase {
    func testSmallIsTheSmallerOfBothCompressors() throws {
        // A flat chart-like image (long runs, rows repeating: the run deflater's case) and noise.
        var flat = try Pixmap(width: 400, height: 300, fill: .white)
        for y in stride(from: 20, to: 280, by: 40) {
            for x in 30..<370 { flat.data.withUnsafeMutableBytes { $0[(y * 400 + x) * 4] = 40 } }
        }
        let noisy = try randomPixmap(width: 120, height: 90, seed: 5, opaque: true)
        var libdeflate9 = PNG.Options.small
        libdeflate9.compressor = .libdeflate
        for (name, p) in [("flat", flat), ("noisy", noisy)] {
            let small = try PNG.encode(p, options: .small)
            let runs = try PNG.encode(p, options: .default)
            let nine = try PNG.encode(p, options: libdeflate9)
            XCTAssertEqual(small.count, min(runs.count, nine.count), name)
            // The flat image is the case `.smallest` exists for: the run deflater wins there.
            if name == "flat" { XCTAssertLessThan(runs.count, nine.count, "runs \(runs.count), libdeflate 9 \(nine.count)") }
            XCTAssertEqual(try PNG.decode(small), p, name)
            var scratch = p
            XCTAssertEqual(try PNG.encode(overwriting: &scratch, options: .small), small, name)
        }
    }
}
