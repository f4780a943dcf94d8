extension JSONValue {
    /// The value as pretty-printed JSON text: two-space indent, keys in their given order, short
    /// arrays of scalars on one line, a final newline; the same value always gives the same bytes.
    /// Strings and numbers are written by `JSONWriter` (its comment states the rules).
    public func prettyText() -> String {
        String(decoding: prettyBytes(), as: UTF8.self)
    }

    /// `prettyText()` as UTF-8 bytes.
    public func prettyBytes() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): JSONWriter.appendBool(b, to: &out)
        case .number(let v): JSONWriter.appendNumber(v, to: &out)
        case .string(let s): JSONWriter.appendString(s, to: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]".utf8; return }
            if elements.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (k, e) in elements.enumerated() {
                    if k > 0 { out += ", ".utf8 }
                    e.write(into: &out, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out += "[\n".utf8
            for (k, e) in elements.enumerated() {
                JSONValue.pad(&out, indent + 2)
                e.write(into: &out, indent: indent + 2)
                out += (k == elements.count - 1 ? "\n" : ",\n").utf8
            }
            JSONValue.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out += "{\n".utf8
            for (k, member) in members.enumerated() {
                JSONValue.pad(&out, indent + 2)
                JSONWriter.appendString(member.key, to: &out)
                out += ": ".utf8
                member.value.write(into: &out, indent: indent + 2)
                out += (k == members.count - 1 ? "\n" : ",\n").utf8
            }
            JSONValue.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ out: inout [UInt8], _ count: Int) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}
