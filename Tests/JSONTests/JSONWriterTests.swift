import Foundation
import JSON
import XCTest

/// `JSONWriter`, the one writer of JSON strings and numbers (`prettyText`, the `--serve` list):
/// its bytes against Foundation's parser and encoder, and against the two escapers it replaced.
final class JSONWriterTests: XCTestCase {
    /// Strings with every kind of character the escaper treats apart.
    static let samples: [String] = {
        var samples = [
            "", "plain", "q\"uote", "back\\slash", "\\\"", "slash / path", "line 1\nline 2", "tab\there", "cr\r\nlf",
            "é", "日本語", "🎉 emoji", "\u{2028} line separator", "\u{2029} paragraph separator", "\u{7F} delete",
            // U+FEFF not first: Foundation's parsers drop one right after the opening quote.
            "\u{85} next line", "a \u{FEFF} byte-order mark", "\u{200B} zero width", "mixed \u{0}\u{1}\u{1F} \"x\" ✓ \\ /",
        ]
        for value in 0..<0x20 { samples.append("a" + String(UnicodeScalar(UInt8(value))) + "b") }
        return samples
    }()

    private func written(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONWriter.appendString(text, to: &out)
        return out
    }

    /// Every sample decodes back to itself, through `JSONSerialization` and through `JSONDecoder`.
    func testStringsRoundTripThroughFoundation() throws {
        for text in Self.samples {
            let bytes = written(text)
            let serialized = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
            XCTAssertEqual(serialized as? String, text, "JSONSerialization: \(text.debugDescription)")
            let decoded = try JSONDecoder().decode(String.self, from: Data(bytes))
            XCTAssertEqual(decoded, text, "JSONDecoder: \(text.debugDescription)")
            // Inside an array and an object too (what the writers build).
            let array = Array("[".utf8) + bytes + Array(",1]".utf8)
            XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(array)) as? [Any])?.first as? String, text)
            // And through the module's own parser.
            guard case .string(let parsed) = try JSONDocument(bytes: bytes).root.value else { return XCTFail(text.debugDescription) }
            XCTAssertEqual(parsed, text, "JSONDocument: \(text.debugDescription)")
        }
    }

    /// The escapes themselves: `\"`, `\\`, `\n`, `\r`, `\t`, `\u00xx` in lower-case hex for the other
    /// controls; `/`, DEL, non-ASCII and U+2028 / U+2029 as their UTF-8 bytes.
    func testEscapes() {
        XCTAssertEqual(JSONWriter.string("q\"uote"), #""q\"uote""#)
        XCTAssertEqual(JSONWriter.string("back\\slash"), #""back\\slash""#)
        XCTAssertEqual(JSONWriter.string("a\nb\rc\td"), #""a\nb\rc\td""#)
        XCTAssertEqual(JSONWriter.string("\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}"), #""\u0000\u0001\u0008\u000c\u001b\u001f""#)
        XCTAssertEqual(JSONWriter.string("a/b"), #""a/b""#)
        XCTAssertEqual(written("\u{7F}"), [0x22, 0x7F, 0x22])
        XCTAssertEqual(written("é"), [0x22, 0xC3, 0xA9, 0x22])
        XCTAssertEqual(written("\u{2028}\u{2029}"), [0x22, 0xE2, 0x80, 0xA8, 0xE2, 0x80, 0xA9, 0x22])
        XCTAssertEqual(written("🎉"), [0x22] + Array("🎉".utf8) + [0x22])
        // Appending keeps what is there.
        var out = Array("x".utf8)
        JSONWriter.appendString("y", to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #"x"y""#)
    }

    /// The same bytes as the two escapers it replaced: `FigureIndex.appendString` (per UTF-8 byte)
    /// and `JSONValue.escaped` (per Unicode scalar), kept here as oracles, for every sample and for
    /// every single scalar below U+0100 and a few beyond.
    func testSameBytesAsTheEscapersItReplaced() {
        var texts = Self.samples
        for value in 0..<0x100 { texts.append(String(UnicodeScalar(UInt8(value)))) }
        texts += ["\u{2028}", "\u{FFFD}", "\u{10FFFF}", String(repeating: "long run ", count: 200) + "\n"]
        for text in texts {
            XCTAssertEqual(written(text), Self.formerServeEscape(text), text.debugDescription)
            XCTAssertEqual(JSONWriter.string(text), Self.formerValueEscape(text), text.debugDescription)
        }
    }

    /// Strings as `JSONEncoder` writes them (`.withoutEscapingSlashes`): the same bytes except
    /// where Foundation picks another spelling of the same character (`\b`, `\f`, upper-case hex).
    func testStringsAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for text in Self.samples {
            let theirs = String(decoding: try encoder.encode([text]), as: UTF8.self)
            let ours = "[" + JSONWriter.string(text) + "]"
            XCTAssertEqual(Self.normalized(ours), Self.normalized(theirs), text.debugDescription)
        }
    }

    /// Numbers: integral values below 10^15 without a fraction, others shortest, non-finite as
    /// `null`; each reads back as the same double through `JSONSerialization`.
    func testNumbers() throws {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (3, "3"), (-42, "-42"), (0.1, "0.1"), (1.5, "1.5"), (1e-7, "1e-07"),
            (999_999_999_999_999, "999999999999999"), (1e15, "1000000000000000.0"), (1e17, "1e+17"), (1e20, "1e+20"),
            (123.456, "123.456"), (.pi, "3.141592653589793"), (-2.5e-300, "-2.5e-300"),
        ]
        for (value, text) in cases {
            XCTAssertEqual(JSONWriter.number(value), text, "\(value)")
            var out: [UInt8] = []
            JSONWriter.appendNumber(value, to: &out)
            XCTAssertEqual(out, Array(text.utf8))
            let back = try JSONSerialization.jsonObject(with: Data(out), options: .fragmentsAllowed) as? NSNumber
            XCTAssertEqual(back?.doubleValue, value == 0 ? 0 : value, text)
        }
        for value in [Double.nan, .infinity, -.infinity, .explicitNaN] {
            var out: [UInt8] = []
            JSONWriter.appendNumber(value, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), "null")
        }
        var out: [UInt8] = []
        JSONWriter.appendInteger(-12, to: &out)
        JSONWriter.appendBool(true, to: &out)
        JSONWriter.appendBool(false, to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "-12truefalse")
    }

    /// `prettyText` writes its strings and numbers through the writer and parses back to the same tree.
    func testPrettyTextUsesTheWriter() throws {
        let tree = JSONValue.object([
            ("name", .string("a\u{1}\"b\"\u{2028}")), ("values", .array([1, .number(0.5), .number(.nan), .null, true])),
            ("nested", .array([.object([("k", "v")])])), ("empty", .object([])),
        ])
        let text = tree.prettyText()
        XCTAssertEqual(text, """
            {
              "name": "a\\u0001\\"b\\"\u{2028}",
              "values": [1, 0.5, null, null, true],
              "nested": [
                {
                  "k": "v"
                }
              ],
              "empty": {}
            }

            """)
        XCTAssertEqual(tree.prettyBytes(), Array(text.utf8))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["name"] as? String, "a\u{1}\"b\"\u{2028}")
    }

    // MARK: - Oracles

    /// The `--serve` list's former escaper (`FigureIndex.appendString`, before `JSONWriter`).
    static func formerServeEscape(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// `JSONValue`'s former escaper (`JSONValue.escaped`, before `JSONWriter`).
    static func formerValueEscape(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// JSON text with each control character's escape in one spelling (`\u00XX`, upper case), so
    /// two writers that pick different spellings of the same character compare equal.
    static func normalized(_ json: String) -> String {
        var out = ""
        var scalars = Array(json.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.popFirst() else { out.unicodeScalars.append(scalar); continue }
            switch next {
            case "b": out += "\\u0008"
            case "f": out += "\\u000C"
            case "u":
                let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                scalars = scalars.dropFirst(4)
                out += "\\u" + hex.uppercased()
            default: out += "\\" + String(next)
            }
        }
        return out
    }
}
