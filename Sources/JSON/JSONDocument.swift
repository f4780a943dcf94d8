/// A JSON document whose every value keeps its byte range and line in the source: the one tree
/// every spec format reads (figure specs, report specs, report manifests), through `JSONNode`.
///
/// Lines name syntax and report-spec errors; byte ranges hand a part of the document on
/// unchanged (the report spec's inline figures). Parsed by the module's own `JSONParser` (the one
/// JSON tables use: RFC 8259 plus Python's `NaN` / `Infinity`, key order kept, nesting limited),
/// recording spans in pre-order; a leading UTF-8 byte-order mark is skipped. The plain
/// `JSONValue` tree is left to JSON tables and writers (its comment says why, with the numbers).
public struct JSONDocument: Sendable {
    /// A value with its byte range and the 1-based line where it starts in the source.
    public struct Node: Sendable {
        public var value: Value
        public var range: Range<Int>
        public var line: Int

        /// A node for `value` at `range`, starting on `line`.
        public init(value: Value, range: Range<Int>, line: Int) {
            self.value = value
            self.range = range
            self.line = line
        }
    }

    /// A JSON value whose members and elements are located nodes.
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Node])
        case object([(key: String, value: Node)])
    }

    /// A syntax error: the byte offset, its 1-based line (nil for an empty file, which has no
    /// line to point at) and what was expected.
    public struct SyntaxError: Error, Sendable {
        public var offset: Int
        public var line: Int?
        public var message: String
    }

    /// The message for a file of nothing but white space (and a byte-order mark).
    public static let emptyMessage = "the file is empty"

    /// The root value.
    public var root: Node
    /// The byte offsets of the source's line feeds, to turn offsets into lines.
    private let newlines: [Int]

    /// Parses `bytes` as one JSON document; `topLevel` names its value in the message for text
    /// after it ("expected the end of the input after the spec object").
    public init(bytes: [UInt8], topLevel: String = "the value") throws(SyntaxError) {
        var newlines: [Int] = []
        for (i, b) in bytes.enumerated() where b == 0x0A { newlines.append(i) }
        self.newlines = newlines
        let parsed: Result<(JSONValue, [Range<Int>]), JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .failure(JSONSyntaxError(offset: 0, message: JSONDocument.emptyMessage)) }
            let bom = buffer.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
            var parser = JSONParser(base: base, start: bom ? 3 : 0, end: buffer.count)
            parser.spans = []
            if parser.atEnd() { return .failure(JSONSyntaxError(offset: parser.position, message: JSONDocument.emptyMessage)) }
            do throws(JSONSyntaxError) {
                let value = try parser.value()
                guard parser.atEnd() else {
                    return .failure(JSONSyntaxError(offset: parser.position, message: "expected the end of the input after \(topLevel)"))
                }
                return .success((value, parser.spans ?? []))
            } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case .failure(let e):
            let line = e.message == JSONDocument.emptyMessage ? nil : JSONDocument.line(of: e.offset, newlines: newlines)
            throw SyntaxError(offset: e.offset, line: line, message: e.message)
        case .success(let (value, spans)):
            var next = 0
            root = JSONDocument.node(value, spans, newlines, &next)
        }
    }

    /// The 1-based line of a byte offset.
    public func line(of offset: Int) -> Int { JSONDocument.line(of: offset, newlines: newlines) }

    static func line(of offset: Int, newlines: [Int]) -> Int {
        var lo = 0, hi = newlines.count  // line feeds before the offset
        while lo < hi {
            let mid = (lo + hi) / 2
            if newlines[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo + 1
    }

    /// Rebuilds the located tree: `spans` holds one range per value in pre-order.
    private static func node(_ value: JSONValue, _ spans: [Range<Int>], _ newlines: [Int], _ next: inout Int) -> Node {
        let range = spans[next]
        let line = JSONDocument.line(of: range.lowerBound, newlines: newlines)
        next += 1
        switch value {
        case .null: return Node(value: .null, range: range, line: line)
        case .bool(let b): return Node(value: .bool(b), range: range, line: line)
        case .number(let n): return Node(value: .number(n), range: range, line: line)
        case .string(let s): return Node(value: .string(s), range: range, line: line)
        case .array(let elements):
            var nodes: [Node] = []
            nodes.reserveCapacity(elements.count)
            for e in elements { nodes.append(node(e, spans, newlines, &next)) }
            return Node(value: .array(nodes), range: range, line: line)
        case .object(let members):
            var nodes: [(key: String, value: Node)] = []
            nodes.reserveCapacity(members.count)
            for m in members { nodes.append((m.key, node(m.value, spans, newlines, &next))) }
            return Node(value: .object(nodes), range: range, line: line)
        }
    }
}
