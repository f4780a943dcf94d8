import FigureSpec
import Foundation
import Table

/// A JSON value as a report spec or manifest holds it, with where it sits in the source bytes.
///
/// Report specs are read with the Table module's parser (`JSONDocument`) rather than
/// `JSONSerialization` because the report needs what Foundation's parser drops: member order,
/// `true` told apart from `1`, the line of each value for messages, and the exact byte range of
/// an inline figure, which is handed to `FigureSpec.parse` unchanged (so an inline figure reads
/// exactly as a `.plot.json`).
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

    /// Parses a whole document (a leading byte-order mark is skipped) with the Table module's
    /// parser (`JSONDocument`, the one figure specs use), keeping each value's line.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Located {
        let document: JSONDocument
        do throws(JSONDocument.SyntaxError) {
            document = try JSONDocument(bytes: bytes)
        } catch {
            throw SyntaxError(line: error.line, message: error.message)
        }
        return located(document.root, in: document)
    }

    private static func located(_ node: JSONDocument.Node, in document: JSONDocument) -> Located {
        let value: ReportJSON
        switch node.value {
        case .null: value = .null
        case .bool(let b): value = .bool(b)
        case .number(let n): value = .number(n)
        case .string(let s): value = .string(s)
        case .array(let elements): value = .array(elements.map { located($0, in: document) })
        case .object(let members): value = .object(members.map { ($0.key, located($0.value, in: document)) })
        }
        return Located(value: value, range: node.range, line: document.line(of: node.range.lowerBound))
    }
}
