/// Big-endian reads from a TrueType file and its table directory.
struct TrueTypeReader {
    var bytes: [UInt8]
    var path: String

    /// Tag → table bytes. Throws when the file is not a TrueType (`0x00010000` or `true`) font
    /// or a table lies outside the file.
    func tableDirectory() throws -> [String: ArraySlice<UInt8>] {
        guard bytes.count >= 12 else { throw TrueTypeError(path: path, reason: "not a TrueType font (too short)") }
        let version = TrueTypeReader.u32(bytes[...], 0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else {
            throw TrueTypeError(path: path, reason: "not a TrueType font (outlines must be glyf, not CFF)")
        }
        let count = Int(TrueTypeReader.u16(bytes[...], 4))
        guard bytes.count >= 12 + 16 * count else { throw TrueTypeError(path: path, reason: "truncated table directory") }
        var tables: [String: ArraySlice<UInt8>] = [:]
        for i in 0..<count {
            let r = 12 + 16 * i
            let tag = String(decoding: bytes[r..<r + 4], as: UTF8.self)
            let offset = Int(TrueTypeReader.u32(bytes[...], r + 8)), length = Int(TrueTypeReader.u32(bytes[...], r + 12))
            guard offset <= bytes.count, length <= bytes.count - offset else {
                throw TrueTypeError(path: path, reason: "table '\(tag)' lies outside the file")
            }
            tables[tag] = bytes[offset..<offset + length]
        }
        return tables
    }

    /// The big-endian UInt16 at `offset` from the slice's start (0 past its end).
    static func u16(_ s: ArraySlice<UInt8>, _ offset: Int) -> UInt16 {
        let i = s.startIndex + offset
        guard i + 2 <= s.endIndex else { return 0 }
        return UInt16(s[i]) << 8 | UInt16(s[i + 1])
    }

    /// The big-endian UInt32 at `offset` from the slice's start (0 past its end).
    static func u32(_ s: ArraySlice<UInt8>, _ offset: Int) -> UInt32 {
        let i = s.startIndex + offset
        guard i + 4 <= s.endIndex else { return 0 }
        return UInt32(s[i]) << 24 | UInt32(s[i + 1]) << 16 | UInt32(s[i + 2]) << 8 | UInt32(s[i + 3])
    }
}
