/// XML character data for SVG text content.
enum SVGText {
    /// Writes `text` escaped for XML 1.0: `& < > "` as entities, control characters (which XML
    /// forbids, and which the PNG draws as a space) as a space, U+FFFE/U+FFFF as U+FFFD.
    static func escape(_ text: String, into out: inout ByteWriter) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.ascii("&amp;")
            case "<": out.ascii("&lt;")
            case ">": out.ascii("&gt;")
            case "\"": out.ascii("&quot;")
            case "\t", "\n", "\r": out.byte(32)
            default:
                if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) {
                    out.byte(32)
                } else if scalar.value == 0xfffe || scalar.value == 0xffff {
                    out.ascii("\u{fffd}")
                } else {
                    out.bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
    }
}
