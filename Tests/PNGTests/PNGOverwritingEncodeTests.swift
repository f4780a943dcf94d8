import XCTest
import CDeflate
@testable import PNG
import Raster

/// `PNG.encode(overwriting:)` packs the scanlines into the pixmap's own memory: it must give
/// exactly `encode(_:)`'s bytes for every size and compressor, and leave a translucent pixmap
/// (which it cannot pack as RGB) exactly as it was, wherever its translucent pixel is.
final class PNGOverwritingEncodeTests: XCTestCase {
    private func opaque(_ width: Int, _ height: Int, seed: UInt64) throws -> Pixmap {
        var state = seed
        var data = [UInt8](repeating: 255, count: width * height * 4)
        for i in stride(from: 0, to: data.count, by: 4) {
            // Runs of equal pixels and noise, so both kinds of deflate match are exercised.
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let v = UInt8(truncatingIfNeeded: (i / 4 / 7) % 3 == 0 ? 200 : state >> 33)
            data[i] = v; data[i + 1] = v &+ 17; data[i + 2] = v &* 3
        }
        return try Pixmap(width: width, height: height, premultipliedData: data)
    }

    private let sizes = [(1, 1), (1, 7), (7, 1), (2, 2), (3, 5), (64, 17), (300, 4), (1200, 3)]
    private let options: [PNG.Options] = [.default, .small, PNG.Options(compressionLevel: 6, filter: .none, compressor: .zlib)]

    func testSameBytesAsEncodeForOpaquePixmaps() throws {
        for (w, h) in sizes {
            for (k, o) in options.enumerated() {
                let pixmap = try opaque(w, h, seed: UInt64(w * 31 + h))
                let expected = try PNG.encode(pixmap, options: o)
                var scratch = pixmap
                let got = try PNG.encode(overwriting: &scratch, options: o)
                XCTAssertEqual(got, expected, "\(w)×\(h), options \(k)")
                XCTAssertEqual(scratch.width, w); XCTAssertEqual(scratch.height, h)
                XCTAssertEqual(scratch.data.count, w * h * 4)
                XCTAssertEqual(pixmap, try opaque(w, h, seed: UInt64(w * 31 + h)), "the caller's copy is untouched (copy on write)")
            }
        }
    }

    func testTranslucentPixmapIsRestoredAndEncodedAsRGBA() throws {
        for (w, h) in sizes {
            for (px, py) in Set([(0, 0), (w / 2, h / 2), (w - 1, h - 1), (0, h - 1)].map { [$0.0, $0.1] }).map({ ($0[0], $0[1]) }) {
                var original = try opaque(w, h, seed: 7)
                let at = (py * w + px) * 4
                original.data[at + 3] = 128
                for c in 0..<3 { original.data[at + c] = min(original.data[at + c], 128) }  // premultiplied
                let expected = try PNG.encode(original, options: .default)
                var scratch = original
                scratch.data.withUnsafeMutableBytes { _ in }  // its own storage, so the restore is what is compared
                let got = try PNG.encode(overwriting: &scratch, options: .default)
                XCTAssertEqual(got, expected, "\(w)×\(h), translucent at (\(px), \(py))")
                XCTAssertEqual(scratch, original, "\(w)×\(h): the pixels are as they were (translucent at (\(px), \(py)))")
            }
        }
    }

    func testPackInPlaceMatchesScanlines() throws {
        for (w, h) in sizes {
            let pixmap = try opaque(w, h, seed: 3)
            let expected = PNG.Scanlines(pixmap, filter: .none).bytes
            var data = pixmap.data
            let adler = data.withUnsafeMutableBytes { PNG.Scanlines.packInPlace($0.baseAddress!, width: w, height: h) }
            XCTAssertEqual(Array(data.prefix((w * 3 + 1) * h)), expected, "\(w)×\(h)")
            XCTAssertEqual(adler, expected.withUnsafeBufferPointer { UInt32(libdeflate_adler32(1, $0.baseAddress, $0.count)) },
                           "\(w)×\(h): the Adler-32 taken while packing")
        }
    }
}
