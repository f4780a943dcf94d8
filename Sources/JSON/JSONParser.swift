/// A JSON syntax error at a byte offset.
public struct JSONSyntaxError: Error {
    public var offset: Int
    public var message: String

    /// The error at byte `offset`; `message` says what was expected.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// A small recursive-descent JSON parser over bytes (RFC 8259), plus Python's `NaN`,
/// `Infinity` and `-Infinity`, which `json.dumps` writes. Numbers use `NumberParser`.
/// Nesting deeper than 256 levels is an error rather than a stack overflow.
public struct JSONParser {
    let base: UnsafePointer<UInt8>
    let end: Int
    public var position: Int
    private var depth = 0
    /// When not nil, the byte range of every value parsed, in pre-order (a container before its
    /// elements; object keys are not values): `JSONDocument` rebuilds located nodes from them.
    var spans: [Range<Int>]?

    public init(base: UnsafePointer<UInt8>, start: Int, end: Int) {
        self.base = base
        self.position = start
        self.end = end
    }

    /// Whether only white space is left.
    public mutating func atEnd() -> Bool {
        skipSpace()
        return position >= end
    }

    /// Parses one value at the current position.
    public mutating func value() throws(JSONSyntaxError) -> JSONValue {
        skipSpace()
        guard spans != nil else { return try bareValue() }
        let slot = spans!.count, start = position
        spans!.append(start..<start)
        let result = try bareValue()
        spans![slot] = start..<position
        return result
    }

    /// One value at the current position (after white space), without recording its span.
    private mutating func bareValue() throws(JSONSyntaxError) -> JSONValue {
        guard position < end else { throw fail("a value, found the end of the input") }
        switch base[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "N"): return try literal("NaN", .number(.explicitNaN))
        case UInt8(ascii: "I"): return try literal("Infinity", .number(.infinity))
        default:
            var number = 0.0
            let stop = NumberParser.scan(base, position, end, &number)
            guard stop > position else { throw fail("a value, found \(found())") }
            position = stop
            return .number(number)
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if position < end, base[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard position < end, base[position] == UInt8(ascii: "\"") else { throw fail("a key in quotes, found \(found())") }
            let key = try string()
            skipSpace()
            guard position < end, base[position] == UInt8(ascii: ":") else { throw fail("':' after the key, found \(found())") }
            position += 1
            members.append((key, try value()))
            skipSpace()
            guard position < end else { throw fail("',' or '}', found the end of the input") }
            if base[position] == UInt8(ascii: ",") {
                position += 1
            } else if base[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            } else {
                throw fail("',' or '}' after a value, found \(found())")
            }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var elements: [JSONValue] = []
        skipSpace()
        if position < end, base[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipSpace()
            guard position < end else { throw fail("',' or ']', found the end of the input") }
            if base[position] == UInt8(ascii: ",") {
                position += 1
            } else if base[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            } else {
                throw fail("',' or ']' after a value, found \(found())")
            }
        }
    }

    /// A string at the opening quote; validates UTF-8 and undoes escapes.
    mutating func string() throws(JSONSyntaxError) -> String {
        let open = position
        position += 1
        let start = position
        var hasEscape = false
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                position += 1
            } else if byte < 0x20 {
                throw fail("a closing quote, found a control character in a string")
            }
            position += 1
        }
        guard position < end else {
            position = open
            throw fail("a closing quote for the string that starts here")
        }
        let raw = UnsafeBufferPointer(start: base + start, count: position - start)
        position += 1
        let bytes = hasEscape ? try unescape(raw, at: start) : Array(raw)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            position = open
            throw fail("valid UTF-8 in the string that starts here")
        }
        return text
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONSyntaxError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ k: Int) -> UInt32? {
            guard k + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for byte in raw[k..<k + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 55
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while i < raw.count {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < raw.count else {
                out.append(byte)
                i += 1
                continue
            }
            let escape = raw[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(i) else {
                    throw JSONSyntaxError(offset: start + i, message: "four hex digits after \\u")
                }
                i += 4
                if scalar >= 0xD800, scalar < 0xDC00, i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"),
                    raw[i + 1] == UInt8(ascii: "u"), let low = hex4(i + 2), low >= 0xDC00, low < 0xE000
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(character).utf8))
            default:
                throw JSONSyntaxError(offset: start + i - 1, message: "a valid escape, found '\\\(Unicode.Scalar(escape))'")
            }
        }
        return out
    }

    private mutating func literal(_ word: StaticString, _ result: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard end - position >= count else { throw fail("a value, found \(found())") }
        for k in 0..<count where base[position + k] != word.utf8Start[k] { throw fail("a value, found \(found())") }
        position += count
        return result
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > 256 { throw fail("at most 256 levels of nesting") }
    }

    private mutating func skipSpace() {
        while position < end {
            let byte = base[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// A short quote of the input at the current position, for messages.
    private func found() -> String {
        guard position < end else { return "the end of the input" }
        let stop = min(end, position + 12)
        var bytes = Array(UnsafeBufferPointer(start: base + position, count: stop - position))
        if let newline = bytes.firstIndex(of: 0x0A) { bytes.removeSubrange(newline...) }
        return MessageText.quoted(bytes)
    }

    private func fail(_ expected: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, message: "expected \(expected)")
    }
}
