/// Single-byte text (Latin-1, Windows-1252) to UTF-8, for table files exported by older tools.
///
/// Both encodings map every byte to one character, so a file of them always decodes; UTF-8 is
/// tried first, and a file that is not valid UTF-8 is read as Windows-1252 (a superset of
/// Latin-1's printable characters, as browsers and pandas users do) with a warning.
enum TextTranscoder {
    /// Windows-1252's characters for 0x80–0x9F (0 where the code page leaves a byte undefined;
    /// those keep Latin-1's C1 control code point).
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The bytes of `encoding` as UTF-8.
    static func utf8<Bytes: Collection>(_ bytes: Bytes, from encoding: TextEncoding) -> [UInt8] where Bytes.Element == UInt8 {
        if encoding == .utf8 { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            var scalar = UInt32(byte)
            if encoding == .windows1252, byte < 0xA0, windows1252High[Int(byte - 0x80)] != 0 {
                scalar = windows1252High[Int(byte - 0x80)]
            }
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }
}
