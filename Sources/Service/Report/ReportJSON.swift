import Foundation

/// A JSON value as a report spec or manifest holds it, with where it sits in the source bytes.
///
/// Report specs are read with this small parser rather than `JSONSerialization` because the
/// report needs what Foundation's parser drops: member order, `true` told apart from `1`, the
/// line of each value for messages, and the exact byte range of an inline figure, which is
/// handed to `FigureSpec.parse` unchanged (so an inline figure reads exactly as a `.plot.json`).
indirect enum ReportJSON: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([Located])
    case object([(key: String, value: Located)])

    /// A value with its byte range and 1-based line in the source.
    struct Located: Sendable {
        var value: ReportJSON
        var range: Range<Int>
        var line: Int
    }

    /// A syntax error at a 1-based line.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    /// Parses a whole document (a leading byte-order mark is skipped).
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Located {
        var parser = Parser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        parser.skipSpace()
        if parser.position == bytes.count { throw SyntaxError(line: 1, message: "the file is empty") }
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.position == bytes.count else { throw parser.error("expected the end of the input") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0
        var line = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, message: message) }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x0A: line += 1; position += 1
                case 0x20, 0x09, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8) throws(SyntaxError) {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else {
                throw error("expected '\(Character(UnicodeScalar(byte)))'")
            }
            position += 1
        }

        mutating func value(depth: Int) throws(SyntaxError) -> Located {
            skipSpace()
            guard depth < 200 else { throw error("nested too deeply") }
            guard position < bytes.count else { throw error("unexpected end of the input") }
            let start = position, startLine = line
            let value: ReportJSON
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(key: String, value: Located)] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1 } else {
                    while true {
                        skipSpace()
                        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key string") }
                        let key = try string()
                        try expect(UInt8(ascii: ":"))
                        members.append((key, try self.value(depth: depth + 1)))
                        skipSpace()
                        guard position < bytes.count else { throw error("expected ',' or '}'") }
                        position += 1
                        if bytes[position - 1] == UInt8(ascii: "}") { break }
                        guard bytes[position - 1] == UInt8(ascii: ",") else { position -= 1; throw error("expected ',' or '}'") }
                    }
                }
                value = .object(members)
            case UInt8(ascii: "["):
                position += 1
                var elements: [Located] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1 } else {
                    while true {
                        elements.append(try self.value(depth: depth + 1))
                        skipSpace()
                        guard position < bytes.count else { throw error("expected ',' or ']'") }
                        position += 1
                        if bytes[position - 1] == UInt8(ascii: "]") { break }
                        guard bytes[position - 1] == UInt8(ascii: ",") else { position -= 1; throw error("expected ',' or ']'") }
                    }
                }
                value = .array(elements)
            case UInt8(ascii: "\""):
                value = .string(try string())
            case UInt8(ascii: "t"): try word("true"); value = .bool(true)
            case UInt8(ascii: "f"): try word("false"); value = .bool(false)
            case UInt8(ascii: "n"): try word("null"); value = .null
            default:
                value = .number(try number())
            }
            return Located(value: value, range: start..<position, line: startLine)
        }

        mutating func word(_ w: String) throws(SyntaxError) {
            let u = Array(w.utf8)
            guard position + u.count <= bytes.count, Array(bytes[position..<position + u.count]) == u else {
                throw error("unexpected character")
            }
            position += u.count
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = position
            let allowed = Set("+-0123456789.eE".utf8)
            while position < bytes.count, allowed.contains(bytes[position]) { position += 1 }
            guard position > start, let v = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else {
                throw error("expected a value")
            }
            return v
        }

        mutating func string() throws(SyntaxError) -> String {
            position += 1  // the opening quote
            var out: [UInt8] = []
            while position < bytes.count {
                let b = bytes[position]
                position += 1
                switch b {
                case UInt8(ascii: "\""):
                    guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
                    return s
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { break }
                    let e = bytes[position]
                    position += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), position + 6 <= bytes.count,
                           bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                            position += 2
                            let low = try hex4()
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = UnicodeScalar(scalar) else { throw error("invalid \\u escape") }
                        out += Array(String(Character(u)).utf8)
                    default: out.append(e)
                    }
                case 0x0A:
                    throw error("a line break inside a string")
                default:
                    out.append(b)
                }
            }
            throw error("unterminated string")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard position + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
            else { throw error("invalid \\u escape") }
            position += 4
            return v
        }
    }
}
