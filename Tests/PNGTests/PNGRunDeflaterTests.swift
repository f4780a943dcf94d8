import CDeflate
@testable import PNG
import Raster
import TestSupport
import XCTest

/// The run deflater (`PNG.Compressor.runs`): valid zlib streams that libpng decodes to the very
/// pixels encoded, on chart-like and adversarial pixmaps, byte-identical on every run.
final class PNGRunDeflaterTests: XCTestCase {
    let runs = PNG.Options(compressionLevel: 1, filter: .none, compressor: .runs)

    func assertRoundTrip(_ p: Pixmap, _ what: String, options: PNG.Options? = nil,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let png = try PNG.encode(p, options: options ?? runs)
        XCTAssertEqual(try PNG.decode(png), p, what, file: file, line: line)
    }

    /// A seeded opaque pixmap built from chart-like pieces: flat rows, rows equal to the one
    /// above, horizontal runs of a few colours, and noise.
    func structuredPixmap(width: Int, height: Int, seed: UInt64, translucent: Bool = false) throws -> Pixmap {
        var rng = SeededRandom(seed: seed)
        var p = try Pixmap(width: width, height: height)
        let palette: [PremultipliedColor] = [
            .init(r: 255, g: 255, b: 255, a: 255), .init(r: 31, g: 119, b: 180, a: 255),
            .init(r: 0, g: 0, b: 0, a: 255), .init(r: 200, g: 60, b: 20, a: 255),
            translucent ? .init(r: 10, g: 20, b: 30, a: 40) : .init(r: 7, g: 7, b: 7, a: 255),
        ]
        for y in 0..<height {
            let kind = Int.random(in: 0...3, using: &rng)
            for x in 0..<width {
                let c: PremultipliedColor
                switch kind {
                case 0 where y > 0: c = p.pixel(x: x, y: y - 1)  // repeat the row above
                case 1: c = palette[(x / max(1, Int.random(in: 1...40, using: &rng))) % palette.count]
                case 2: c = palette[Int.random(in: 0..<palette.count, using: &rng)]
                default:
                    let v = UInt8.random(in: 0...255, using: &rng)
                    c = .init(r: v, g: v / 2, b: 255 - v, a: 255)
                }
                p.setPixel(x: x, y: y, c)
            }
        }
        return p
    }

    func testAdversarialPixmapsRoundTrip() throws {
        let white = Color(r: 255, g: 255, b: 255, a: 255)
        try assertRoundTrip(try randomPixmap(width: 1, height: 1, seed: 1, opaque: true), "1×1 opaque")
        try assertRoundTrip(try randomPixmap(width: 1, height: 1, seed: 2), "1×1 translucent")
        try assertRoundTrip(try randomPixmap(width: 1, height: 300, seed: 3, opaque: true), "1×N")
        try assertRoundTrip(try randomPixmap(width: 300, height: 1, seed: 4, opaque: true), "N×1")
        try assertRoundTrip(try randomPixmap(width: 257, height: 181, seed: 5, opaque: true), "opaque noise")
        try assertRoundTrip(try randomPixmap(width: 190, height: 77, seed: 6), "translucent noise")
        try assertRoundTrip(try Pixmap(width: 1200, height: 800, fill: white), "every row identical")
        try assertRoundTrip(try Pixmap(width: 5, height: 5, fill: Color(r: 0, g: 0, b: 0, a: 0)), "transparent")
        // Wider than deflate's 32 KB window in RGB (stride 36,001): no row matches at all.
        var wide = try Pixmap(width: 12_000, height: 3, fill: white)
        for x in stride(from: 0, to: 12_000, by: 7) { wide.setPixel(x: x, y: 1, PremultipliedColor(r: 1, g: 2, b: 3, a: 255)) }
        try assertRoundTrip(wide, "wider than the window")
        // Exactly at the window: stride 32,768 is the largest row distance deflate allows
        // (RGBA: 1 + 8191 × 4 = 32,765; RGB 10,922 px: 32,767).
        var atWindow = try Pixmap(width: 10_922, height: 4, fill: white)
        atWindow.setPixel(x: 5, y: 2, PremultipliedColor(r: 9, g: 9, b: 9, a: 255))
        try assertRoundTrip(atWindow, "stride at the window")
        var gradient = try Pixmap(width: 300, height: 200)
        var alternating = try Pixmap(width: 300, height: 200)
        for y in 0..<200 {
            for x in 0..<300 {
                gradient.setPixel(x: x, y: y, PremultipliedColor(r: UInt8(x % 256), g: UInt8(y), b: UInt8((x + y) % 256), a: 255))
                alternating.setPixel(x: x, y: y, y % 2 == 0 ? PremultipliedColor(r: 255, g: 255, b: 255, a: 255)
                                                            : PremultipliedColor(r: 0, g: UInt8(x % 3), b: 0, a: 255))
            }
        }
        try assertRoundTrip(gradient, "gradient")
        try assertRoundTrip(alternating, "alternating rows")
        for filter in PNG.Filter.allCases {
            var o = runs
            o.filter = filter
            try assertRoundTrip(try structuredPixmap(width: 97, height: 61, seed: 7), "structured, \(filter)", options: o)
            try assertRoundTrip(try randomPixmap(width: 33, height: 9, seed: 8), "translucent noise, \(filter)", options: o)
        }
    }

    /// Seeded randomized round trips: sizes from 1×1 to a few hundred pixels a side, opaque and
    /// translucent, structured and noisy.
    func testRandomPixmapsRoundTrip() throws {
        var rng = SeededRandom(seed: 2026)
        for i in 0..<120 {
            let w = Int.random(in: 1...(i % 10 == 0 ? 700 : 90), using: &rng)
            let h = Int.random(in: 1...(i % 10 == 1 ? 400 : 60), using: &rng)
            let seed = UInt64.random(in: 0...UInt64.max, using: &rng)
            let p: Pixmap
            switch i % 3 {
            case 0: p = try structuredPixmap(width: w, height: h, seed: seed)
            case 1: p = try structuredPixmap(width: w, height: h, seed: seed, translucent: true)
            default: p = try randomPixmap(width: w, height: h, seed: seed, opaque: i % 2 == 0)
            }
            try assertRoundTrip(p, "case \(i): \(w)×\(h) seed \(seed)")
        }
    }

    func testOutputIsByteIdenticalForEqualInput() throws {
        let p = try structuredPixmap(width: 640, height: 480, seed: 9)
        let copy = try Pixmap(width: p.width, height: p.height, premultipliedData: p.data)
        let o = runs.withText([.init(key: "state", value: "v1")])
        let a = try PNG.encode(p, options: o)
        XCTAssertEqual(a, try PNG.encode(copy, options: o))
        XCTAssertEqual(chunkTypes(a), ["IHDR", "tEXt", "IDAT", "IEND"])
        XCTAssertEqual(try PNG.textChunks(a).map(\.description), ["state=v1"])
    }

    /// Repeated rows and runs cost nearly nothing; noise is stored with a few bytes of overhead.
    func testSizes() throws {
        let white = try PNG.encode(try Pixmap(width: 1200, height: 800, fill: Color(r: 255, g: 255, b: 255, a: 255)), options: runs)
        XCTAssertLessThan(white.count, 40 * 800, "a white figure: about 14 tokens a row")
        let noise = try randomPixmap(width: 300, height: 300, seed: 10, opaque: true)
        let png = try PNG.encode(noise, options: runs)
        XCTAssertLessThan(png.count, 300 * 301 * 3 + 200, "noise: no more than stored blocks")
    }

    /// The stream is valid zlib for any bytes, not just scanlines (distance one byte, stride 1).
    func testArbitraryBytesMakeValidStreams() throws {
        var rng = SeededRandom(seed: 77)
        for n in [0, 1, 2, 3, 258, 259, 70_000, 140_000] {
            let bytes = (0..<n).map { i in i % 1000 < 500 ? UInt8(i / 1000 % 7) : UInt8.random(in: 0...255, using: &rng) }
            let z = bytes.withUnsafeBufferPointer { PNG.RunDeflater.compress($0, stride: 1 + Int.random(in: 0...9000, using: &rng), bytesPerPixel: 3) }
            XCTAssertEqual(z[0], 0x78)
            XCTAssertEqual((Int(z[0]) << 8 | Int(z[1])) % 31, 0, "zlib header check")
            XCTAssertEqual(try inflate(z, expected: n), bytes, "\(n) bytes")
        }
    }

    /// Huffman lengths stay within the limit and form a complete code, even for counts that
    /// would make a 20-deep tree (Fibonacci counts).
    func testHuffmanLengthsAreLimitedAndComplete() {
        var fib: [UInt32] = [1, 1]
        while fib.count < 25 { fib.append(fib[fib.count - 1] + fib[fib.count - 2]) }
        for maxBits in [7, 15] {
            let counts = maxBits == 7 ? Array(fib.prefix(19)) : fib + [UInt32](repeating: 0, count: 261)
            let code = PNG.HuffmanCode(counts: counts, maxBits: maxBits)
            XCTAssertLessThanOrEqual(Int(code.lengths.max()!), maxBits)
            var kraft = 0
            for l in code.lengths where l > 0 { kraft += 1 << (maxBits - Int(l)) }
            XCTAssertEqual(kraft, 1 << maxBits, "complete code, \(maxBits) bits")
            XCTAssertTrue(zip(counts, code.lengths).allSatisfy { $0.0 > 0 ? $0.1 > 0 : $0.1 == 0 })
        }
        let single = PNG.HuffmanCode(counts: [0, 0, 5, 0], maxBits: 15)
        XCTAssertEqual(single.lengths.filter { $0 > 0 }.count, 2, "one used symbol gets a partner")
    }

    /// The distance code table gives every distance 1...32768 the code, extra bits and extra
    /// value of `distanceCode` (RFC 1951's table).
    func testDistanceTableMatchesDistanceCode() {
        let t = PNG.RunDeflater.DistanceTable.shared
        for distance in 1...32_768 {
            let d = distance - 1
            let c = Int(t.code[d < 256 ? d : 256 + d >> 7])
            let expected = PNG.RunDeflater.distanceCode(distance)
            XCTAssertEqual(c, expected.code, "code of distance \(distance)")
            XCTAssertEqual(Int(t.extraBits[c]), expected.extraBits, "extra bits of distance \(distance)")
            XCTAssertEqual(UInt32(d - Int(t.base[c])), expected.extra, "extra value of distance \(distance)")
        }
    }

    /// `writeTokens` (each code looked up with its extra bits, one store a token) writes the bits
    /// of one `BitWriter.put` per code and per extra field, for random tokens, codes and a
    /// stream that does not start on a byte boundary.
    func testTokenWriterMatchesOnePutPerField() {
        var rng = SeededRandom(seed: 31)
        for round in 0..<30 {
            // Every symbol used (tokens may use any), rare and frequent ones: codes of 2 to 15 bits.
            let count = { (rng: inout SeededRandom) -> UInt32 in
                Int.random(in: 0..<8, using: &rng) < round % 7 ? UInt32.random(in: 1...3, using: &rng)
                    : UInt32.random(in: 1_000...200_000, using: &rng)
            }
            let literalCounts = (0..<286).map { _ in count(&rng) }
            let distanceCounts = (0..<30).map { _ in count(&rng) }
            let literals = PNG.HuffmanCode(counts: literalCounts, maxBits: 15)
            let distances = PNG.HuffmanCode(counts: distanceCounts, maxBits: 15)
            let tokens: [UInt32] = (0..<Int.random(in: 1...5_000, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt32.random(in: 0...255, using: &rng)
                    : 0x8000_0000 | UInt32.random(in: 0...255, using: &rng) << 15 | UInt32.random(in: 0...32_767, using: &rng)
            }
            let prefixBits = round % 8
            let capacity = tokens.count * 8 + 64
            var expected = [UInt8](repeating: 0, count: capacity), actual = expected
            let expectedCount = expected.withUnsafeMutableBufferPointer { buffer in
                var w = PNG.BitWriter(buffer.baseAddress!, capacity: capacity)
                w.put(0x5A & (1 << prefixBits - 1), prefixBits)
                let table = PNG.RunDeflater.LengthTable.shared
                for t in tokens {
                    if t & 0x8000_0000 == 0 {
                        w.put(UInt32(literals.codes[Int(t)]), Int(literals.lengths[Int(t)]))
                        continue
                    }
                    let l = Int((t >> 15) & 0xff), symbol = Int(table.symbol[l])
                    w.put(UInt32(literals.codes[symbol]), Int(literals.lengths[symbol]))
                    w.put(UInt32(table.extra[l]), Int(table.extraBits[l]))
                    let d = PNG.RunDeflater.distanceCode(Int(t & 0x7fff) + 1)
                    w.put(UInt32(distances.codes[d.code]), Int(distances.lengths[d.code]))
                    w.put(d.extra, d.extraBits)
                }
                w.put(UInt32(literals.codes[256]), Int(literals.lengths[256]))
                w.alignToByte()
                return w.count
            }
            let actualCount = tokens.withUnsafeBufferPointer { t in
                actual.withUnsafeMutableBufferPointer { buffer in
                    var w = PNG.BitWriter(buffer.baseAddress!, capacity: capacity)
                    w.put(0x5A & (1 << prefixBits - 1), prefixBits)
                    PNG.RunDeflater.writeTokens(&w, t.baseAddress!, t.count, literals: literals, distances: distances)
                    w.alignToByte()
                    return w.count
                }
            }
            XCTAssertEqual(actualCount, expectedCount, "round \(round): bytes written")
            XCTAssertEqual(actual.prefix(actualCount), expected.prefix(expectedCount), "round \(round): bits")
        }
    }

    /// Decompresses a zlib stream with libdeflate's decompressor (a second, independent inflate
    /// beside libpng's zlib), which also checks the Adler-32.
    func inflate(_ z: [UInt8], expected n: Int) throws -> [UInt8] {
        let d = try XCTUnwrap(libdeflate_alloc_decompressor())
        defer { libdeflate_free_decompressor(d) }
        var out = [UInt8](repeating: 0, count: n)
        var actual = 0
        let result = z.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                libdeflate_zlib_decompress(d, src.baseAddress, src.count, dst.baseAddress, dst.count, &actual)
            }
        }
        XCTAssertEqual(result, LIBDEFLATE_SUCCESS)
        XCTAssertEqual(actual, n)
        return out
    }
}
