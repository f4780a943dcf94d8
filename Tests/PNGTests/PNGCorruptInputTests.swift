import PNG
import Raster
import TestSupport
import XCTest

/// Truncated and corrupt bytes must throw, never crash or hang.
final class PNGCorruptInputTests: XCTestCase {
    func validPNG() throws -> [UInt8] {
        try PNG.encode(randomPixmap(width: 24, height: 16, seed: 31),
                       options: PNG.Options.default.withText([.init(key: "k", value: "v")]))
    }

    func testNotAPNG() {
        for bytes: [UInt8] in [[], [137, 80, 78], Array("GIF89a not a png".utf8), [UInt8](repeating: 0, count: 100)] {
            XCTAssertThrowsError(try PNG.decode(bytes)) { e in
                guard case .decodeFailed(let m) = e as? PNGError else { return XCTFail("\(e)") }
                XCTAssertTrue(m.contains("not a PNG"), m)
            }
        }
    }

    func testEveryTruncationThrows() throws {
        let png = try validPNG()
        for n in 0..<png.count {
            XCTAssertThrowsError(try PNG.decode(Array(png[0..<n])), "prefix of \(n) bytes")
            XCTAssertThrowsError(try PNG.textChunks(Array(png[0..<n])), "prefix of \(n) bytes")
        }
        XCTAssertNoThrow(try PNG.decode(png))
    }

    func testCRCMismatchInImageDataThrows() throws {
        var png = try validPNG()
        let idat = try XCTUnwrap(chunkOffset(png, "IDAT"))
        let length = Int(png[idat]) << 24 | Int(png[idat + 1]) << 16 | Int(png[idat + 2]) << 8 | Int(png[idat + 3])
        var badCRC = png
        badCRC[idat + 8 + length] ^= 0x01
        XCTAssertThrowsError(try PNG.decode(badCRC)) { XCTAssertTrue("\($0)".contains("CRC"), "\($0)") }
        png[idat + 8 + 5] ^= 0x40
        XCTAssertThrowsError(try PNG.decode(png), "damaged deflate data")
    }

    func testRandomCorruptionWithValidCRCsNeverCrashes() throws {
        let original = try validPNG()
        var rng = SeededRandom(seed: 77)
        var thrown = 0
        for _ in 0..<400 {
            var png = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                png[Int.random(in: 8..<png.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            fixCRCs(&png)
            do {
                let p = try PNG.decode(png)
                XCTAssertGreaterThan(p.width * p.height, 0)
            } catch {
                thrown += 1
            }
        }
        XCTAssertGreaterThan(thrown, 100, "most corruptions of IHDR/IDAT must be detected")
    }

    func testAbsurdSizeIsRefusedBeforeAllocating() throws {
        for (w, h) in [(30_000, 30_000), (40_000, 1), (0, 5)] {
            var png = try PNG.encode(Pixmap(width: 1, height: 1))
            let ihdr = try XCTUnwrap(chunkOffset(png, "IHDR"))
            for (i, v) in [w, h].enumerated() {
                for k in 0..<4 { png[ihdr + 8 + 4 * i + k] = UInt8((v >> (24 - 8 * k)) & 0xff) }
            }
            fixCRCs(&png)
            XCTAssertThrowsError(try PNG.decode(png), "\(w)×\(h)")
        }
    }

    /// Recomputes every chunk's CRC so corruption reaches the zlib and filter decoders.
    func fixCRCs(_ png: inout [UInt8]) {
        var i = 8
        while i + 12 <= png.count {
            let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            guard length <= png.count - i - 12 else { return }
            let crc = crc32(png[(i + 4)..<(i + 8 + length)])
            for k in 0..<4 { png[i + 8 + length + k] = UInt8((crc >> (24 - 8 * UInt32(k))) & 0xff) }
            i += 12 + length
        }
    }

    func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xffff_ffff
    }
}
