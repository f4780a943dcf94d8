extension JSONValue {
    /// The value as pretty-printed JSON text: two-space indent, keys in their given order, short
    /// arrays of scalars on one line, a final newline; the same value always gives the same bytes.
    public func prettyText() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2), close = String(repeating: " ", count: indent)
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let v): out += v.isFinite ? Column.format(number: v) : "null"
        case .string(let s): out += JSONValue.escaped(s)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            if elements.allSatisfy(\.isScalar) {
                out += "["
                for (k, e) in elements.enumerated() { if k > 0 { out += ", " }; e.write(into: &out, indent: indent) }
                out += "]"
                return
            }
            out += "[\n"
            for (k, e) in elements.enumerated() {
                out += pad
                e.write(into: &out, indent: indent + 2)
                out += k == elements.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (k, member) in members.enumerated() {
                out += pad + JSONValue.escaped(member.key) + ": "
                member.value.write(into: &out, indent: indent + 2)
                out += k == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func escaped(_ text: String) -> String {
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
}
