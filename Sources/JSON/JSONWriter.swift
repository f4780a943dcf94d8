/// The one way Plotline writes JSON strings and numbers, as UTF-8 bytes: `JSONValue`'s text
/// (`prettyText`, so `--print-spec`, the schema, report manifests) and the `--serve` page's
/// figure list (`FigureIndex.encode`) both append through it.
///
/// Design of the module (`Sources/JSON`), in one place:
/// - The tree. `JSONValue` is a plain value tree (objects keep their key order, duplicates
///   included); `JSONDocument` is the same tree with every value located (its byte range and
///   1-based line), rebuilt from the byte ranges the parser records in pre-order. Spec formats
///   read only the located tree, through `JSONNode`'s typed reads, whose errors name the key path
///   and line (`JSONNodeProblem` holds the wordings once); JSON tables and writers use the plain
///   tree (`JSONValue`'s comment has the measurement).
/// - The parser. `JSONParser` is recursive descent over bytes, following RFC 8259 ("The
///   JavaScript Object Notation (JSON) Data Interchange Format", 2017), plus Python's `NaN`,
///   `Infinity` and `-Infinity` (what `json.dumps` writes) and a nesting limit of 256; numbers go
///   through `NumberParser` (Clinger's fast path, then `strtod`).
/// - The writer (this type). Keys are written in the order given, never sorted here: a caller
///   that wants sorted keys (the figure list, which matches `JSONEncoder`'s `.sortedKeys`) writes
///   them sorted. Strings: `"` and `\` are escaped with a backslash, line feed, carriage return
///   and tab as `\n`, `\r`, `\t`, every other control character below U+0020 as `\u00xx`
///   (lower-case hex); everything else, `/`, non-ASCII and U+2028 / U+2029 included, is written
///   as its UTF-8 bytes (RFC 8259 section 7 requires no more; JSON is a subset of JavaScript since
///   ES2019, so U+2028 needs no escape in a page either). Numbers: an integral value below 10^15
///   in magnitude without a fraction (`3`, not `3.0`), any other finite value in Swift's
///   shortest round-tripping form (`0.1`, `1e-07`, `1000000000000000.0`, `1e+20`), and a
///   non-finite one as `null` (JSON has no NaN or infinity). The same input always gives the
///   same bytes.
public enum JSONWriter {
    /// Appends `text` as a JSON string literal, quotes included (escaping as the type's comment says).
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole; most strings are one run.
            var runStart = 0
            for i in bytes.indices {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                appendEscape(byte, to: &out)
                runStart = i + 1
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The escape of one byte that needs one: a quote, a backslash or a control character.
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string literal, quotes included.
    public static func string(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as a JSON number (`null` when it is not finite).
    public static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        out += (value.isFinite ? number(value) : "null").utf8
    }

    /// A finite number as JSON writes it: integral values below 10^15 in magnitude without a
    /// fraction (`3`), others in Swift's shortest round-tripping form. Tables show numbers the
    /// same way (`Column.format(number:)`), and messages quote them so (`JSONNode.found`).
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(describing: value)
    }

    /// Appends an integer in decimal.
    public static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        out += String(value).utf8
    }

    /// Appends `true` or `false`.
    public static func appendBool(_ value: Bool, to out: inout [UInt8]) {
        out += (value ? "true" : "false").utf8
    }
}
