/// Input text made safe to put in a message: short, one line, printable.
///
/// Messages end up in terminals, sidecars, `index.md` job summaries and served JSON, so a quote
/// of an input never carries raw control or binary bytes: control characters and bytes that
/// are not UTF-8 become `\xNN` escapes, and the quote stops after `limit` characters with `…`.
public enum MessageText {
    /// `'text'`, escaped and shortened.
    public static func quoted(_ bytes: [UInt8], limit: Int = 40) -> String {
        "'" + escaped(bytes, limit: limit) + "'"
    }

    /// The bytes as printable text: UTF-8 where valid, `\xNN` for control and invalid bytes.
    public static func escaped(_ bytes: [UInt8], limit: Int = 40) -> String {
        var out = ""
        var count = 0
        var i = 0
        while i < bytes.count {
            if count >= limit { return out + "…" }
            let byte = bytes[i]
            var length = 1
            if byte >= 0xC2, byte <= 0xF4 { length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4 }
            if length > 1, i + length <= bytes.count,
               let text = String(validating: bytes[i..<(i + length)], as: UTF8.self),
               let scalar = text.unicodeScalars.first, !scalar.properties.generalCategory.isControlOrFormat {
                out += text
                i += length
            } else if byte >= 0x20, byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
                i += 1
            } else {
                out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                i += 1
            }
            count += 1
        }
        return out
    }

    /// Column names for a "no such column" message: at most `count`, each escaped and shortened,
    /// then how many more there are (a header is all a message may show of a file).
    public static func names(_ names: [String], count: Int = 20, quote: String) -> String {
        var parts = names.prefix(count).map { quote + escaped($0) + quote }
        if names.count > count { parts.append("and \(names.count - count) more") }
        return parts.joined(separator: ", ")
    }

    /// The string escaped like `escaped(_:)` (for names and values already decoded).
    public static func escaped(_ text: String, limit: Int = 40) -> String { escaped(Array(text.utf8), limit: limit) }

    /// A string as JSON would write it, for messages: `"abc"` (control and format
    /// characters as `\xNN`, at most 40 characters, then `…`).
    public static func jsonQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars.prefix(40) {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    out += escaped(String(scalar))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + (text.unicodeScalars.count > 40 ? "…\"" : "\"")
    }
}

private extension Unicode.GeneralCategory {
    var isControlOrFormat: Bool { self == .control || self == .format || self == .lineSeparator || self == .paragraphSeparator }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
