import JSON
import XCTest

/// `JSONDocument`: the shared parser with every value's byte range and line.
final class JSONDocumentTests: XCTestCase {
    func testEveryValueKeepsItsRangeAndLine() throws {
        let text = "\u{FEFF}{\"a\": [1, true,\n  {\"b\": null}],\n \"c\": \"x\\ny\"}"
        let bytes = Array(text.utf8)
        let doc = try JSONDocument(bytes: bytes)
        func source(_ node: JSONDocument.Node) -> String { String(decoding: bytes[node.range], as: UTF8.self) }
        XCTAssertEqual(doc.root.range.lowerBound, 3, "the byte-order mark is skipped")
        guard case .object(let members) = doc.root.value else { return XCTFail("an object") }
        XCTAssertEqual(members.map(\.key), ["a", "c"])
        XCTAssertEqual(source(members[0].value), "[1, true,\n  {\"b\": null}]")
        guard case .array(let elements) = members[0].value.value else { return XCTFail("an array") }
        XCTAssertEqual(elements.map(source), ["1", "true", "{\"b\": null}"])
        XCTAssertEqual(elements.map { doc.line(of: $0.range.lowerBound) }, [1, 1, 2])
        XCTAssertEqual(elements.map(\.line), [1, 1, 2], "each node carries its line")
        guard case .string(let c) = members[1].value.value else { return XCTFail("a string") }
        XCTAssertEqual(c, "x\ny")
        XCTAssertEqual(doc.line(of: members[1].value.range.lowerBound), 3)
    }

    func testSyntaxErrorsCarryTheLine() {
        let cases: [(String, Int?, String)] = [
            ("{\"a\": 1,\n\"b\" 2}", 2, "expected ':' after the key, found '2}'"),
            ("[1,\n\n]", 3, "expected a value, found ']'"),
            ("  ", nil, "the file is empty"),
            ("{} {}", 1, "expected the end of the input after the value"),
        ]
        for (text, line, message) in cases {
            do {
                _ = try JSONDocument(bytes: Array(text.utf8))
                XCTFail("\(text) parsed")
            } catch {
                XCTAssertEqual(error.line, line, text)
                XCTAssertEqual(error.message, message, text)
            }
        }
    }
}
