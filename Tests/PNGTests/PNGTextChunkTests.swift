import PNG
import Raster
import XCTest

final class PNGTextChunkTests: XCTestCase {
    func testTextChunksRoundTripInOrder() throws {
        let text: [PNG.TextChunk] = [
            .init(key: "Software", value: "plotline 0.1"),
            .init(key: "Spec hash", value: "sha256:0123abcd"),
            .init(key: "Comment", value: "café, naïve, ½ © ÿ (Latin-1)"),
            .init(key: "Empty", value: ""),
        ]
        let p = try Pixmap(width: 3, height: 2, fill: .white)
        let png = try PNG.encode(p, options: PNG.Options.default.withText(text))
        XCTAssertEqual(try PNG.textChunks(png), text)
        XCTAssertEqual(chunkTypes(png).filter { $0 == "tEXt" }.count, text.count)
        XCTAssertEqual(try PNG.decode(png), p)
    }

    func testLatin1ValueIsStoredAsOneBytePerCharacter() throws {
        let p = try Pixmap(width: 1, height: 1)
        let png = try PNG.encode(p, options: PNG.Options.default.withText([.init(key: "k", value: "é")]))
        let at = try XCTUnwrap(chunkOffset(png, "tEXt"))
        XCTAssertEqual(Array(png[at..<(at + 4)]), [0, 0, 0, 3], "k NUL 0xE9")
        XCTAssertEqual(png[at + 10], 0xe9)
    }

    func testInvalidTextThrows() throws {
        let p = try Pixmap(width: 1, height: 1)
        let bad: [PNG.TextChunk] = [
            .init(key: "", value: "x"),
            .init(key: String(repeating: "k", count: 80), value: "x"),
            .init(key: " lead", value: "x"),
            .init(key: "a  b", value: "x"),
            .init(key: "k", value: "snowman ☃"),
            .init(key: "k", value: "nul\u{0}inside"),
            .init(key: "tab\tkey", value: "x"),
        ]
        for chunk in bad {
            XCTAssertThrowsError(try PNG.encode(p, options: PNG.Options.default.withText([chunk])), "\(chunk)") {
                guard case .invalidText = $0 as? PNGError else { return XCTFail("\($0)") }
            }
        }
    }

    func testNoTextGivesNoChunks() throws {
        let png = try PNG.encode(try Pixmap(width: 2, height: 2))
        XCTAssertEqual(try PNG.textChunks(png), [])
        XCTAssertEqual(chunkTypes(png), ["IHDR", "IDAT", "IEND"])
    }
}
