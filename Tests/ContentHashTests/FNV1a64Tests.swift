import ContentHash
import XCTest

/// `FNV1a64`, the one content hash: FNV's published 64-bit test vectors, the same value fed
/// whole, in pieces or word by word, and hex zero-padded to 16 digits.
final class FNV1a64Tests: XCTestCase {
    func testPublishedVectors() {
        // From the FNV reference (Landon Curt Noll's test suite, FNV-1a 64).
        XCTAssertEqual(FNV1a64().value, 0xcbf2_9ce4_8422_2325, "the empty string")
        XCTAssertEqual(FNV1a64.hex(of: Array("a".utf8)), "af63dc4c8601ec8c")
        XCTAssertEqual(FNV1a64.hex(of: Array("foobar".utf8)), "85944171f73967e8")
    }

    func testPiecesAndWordsHashAsTheWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        var pieces = FNV1a64()
        pieces.add(bytes[..<333])
        pieces.add(bytes[333...].lazy.map { $0 })  // a sequence without contiguous storage
        XCTAssertEqual(pieces, { var h = FNV1a64(); h.add(bytes); return h }())
        var word = FNV1a64(), byte = FNV1a64()
        word.add(word: 0x0102_0304_0506_0708)
        for b: UInt8 in [8, 7, 6, 5, 4, 3, 2, 1] { byte.add(byte: b) }
        XCTAssertEqual(word, byte, "a word is its bytes, least significant first")
        XCTAssertEqual(FNV1a64.hex(of: [UInt8]()).count, 16)
    }
}
