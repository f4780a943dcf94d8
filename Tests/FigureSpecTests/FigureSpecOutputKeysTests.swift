import Scene
import FigureSpec
import Table
import Vector
import XCTest

/// The figure spec's output keys: `"rasterize"` (SVG and PDF) and `"formats"` (what watch writes),
/// decoded, refused at their key paths and written back by `jsonText` (RenderOutputFormatTests
/// draws a spec's `"rasterize"`, WatchSessionTests its `"formats"`).
final class FigureSpecOutputKeysTests: XCTestCase {
    func spec(_ keys: String) throws(SpecError) -> FigureSpec {
        try FigureSpec.parse(text: """
            {"version": 1, \(keys) "data": {"t": "t.csv"}, "panels": [{"series": [{"data": "t", "x": "a", "y": "b"}]}]}
            """, source: "s.plot.json", directory: "/tmp")
    }

    func testKeysDecodeAndRoundTrip() throws {
        let s = try spec("\"rasterize\": \"always\", \"formats\": [\"svg\", \"png\"],")
        XCTAssertEqual(s.rasterize, .always)
        XCTAssertEqual(s.formats, [.svg, .png])
        let again = try FigureSpec.parse(text: s.jsonText(), source: "again", directory: "/tmp")
        XCTAssertEqual(again.rasterize, .always)
        XCTAssertEqual(again.formats, [.svg, .png])
        let plain = try spec("")
        XCTAssertNil(plain.rasterize)
        XCTAssertNil(plain.formats)
        XCTAssertFalse(plain.jsonText().contains("rasterize"))
    }

    func testBadValuesAreErrorsAtTheirKeyPaths() {
        let cases = [("\"rasterize\": \"sometimes\",", "rasterize"), ("\"formats\": [\"png\", \"jpg\"],", "formats[1]"),
                     ("\"formats\": [\"svg\", \"svg\"],", "formats[1]"), ("\"formats\": \"svg\",", "formats")]
        for (keys, path) in cases {
            XCTAssertThrowsError(try spec(keys), keys) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(path), "\(keys): \(text)")
            }
        }
        XCTAssertThrowsError(try spec("\"formats\": [\"png\", \"jpg\"],")) { error in
            XCTAssertTrue("\(error)".contains("\"png\", \"svg\" or \"pdf\""), "\(error)")
        }
    }
}
