/// One `glyf` entry rewritten for a subset: instructions dropped, component indices renumbered.
enum TrueTypeGlyph {
    // Composite glyph flags (OpenType "glyf" table).
    static let argsAreWords: UInt16 = 0x0001
    static let haveScale: UInt16 = 0x0008
    static let moreComponents: UInt16 = 0x0020
    static let haveXYScale: UInt16 = 0x0040
    static let haveTwoByTwo: UInt16 = 0x0080
    static let haveInstructions: UInt16 = 0x0100

    /// The glyph without hinting instructions; `renumber` maps each component's old index to its
    /// new one (composite glyphs only). An empty glyph stays empty.
    static func stripped(_ data: [UInt8], path: String, renumber: (UInt16) throws -> UInt16) throws -> [UInt8] {
        guard data.count >= 10 else {
            if data.isEmpty { return data }
            throw TrueTypeError(path: path, reason: "a glyph shorter than its header")
        }
        let contours = Int16(bitPattern: TrueTypeReader.u16(data[...], 0))
        if contours >= 0 {
            let lengthAt = 10 + 2 * Int(contours)
            guard data.count >= lengthAt + 2 else { throw TrueTypeError(path: path, reason: "a truncated simple glyph") }
            let instructions = Int(TrueTypeReader.u16(data[...], lengthAt))
            guard data.count >= lengthAt + 2 + instructions else { throw TrueTypeError(path: path, reason: "a truncated simple glyph") }
            var out = Array(data[0..<lengthAt])
            out.append(contentsOf: [0, 0])
            out.append(contentsOf: data[(lengthAt + 2 + instructions)...])
            return out
        }
        var out = Array(data)
        var offset = 10
        var lastEnd = offset
        while true {
            guard out.count >= offset + 4 else { throw TrueTypeError(path: path, reason: "a truncated composite glyph") }
            var flags = TrueTypeReader.u16(out[...], offset)
            let component = TrueTypeReader.u16(out[...], offset + 2)
            let n = try renumber(component)
            out[offset + 2] = UInt8(n >> 8); out[offset + 3] = UInt8(n & 0xff)
            if flags & haveInstructions != 0 {
                flags &= ~haveInstructions
                out[offset] = UInt8(flags >> 8); out[offset + 1] = UInt8(flags & 0xff)
            }
            offset += 4 + (flags & argsAreWords != 0 ? 4 : 2)
            if flags & haveScale != 0 { offset += 2 } else if flags & haveXYScale != 0 { offset += 4 } else if flags & haveTwoByTwo != 0 { offset += 8 }
            guard offset <= out.count else { throw TrueTypeError(path: path, reason: "a truncated composite glyph") }
            lastEnd = offset
            if flags & moreComponents == 0 { break }
        }
        out.removeSubrange(lastEnd...)
        return out
    }
}
