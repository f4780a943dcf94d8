/// Assembles an sfnt file from tables: the directory sorted by tag, each table 4-byte aligned
/// with its checksum, as the OpenType spec lays it out.
enum TrueTypeWriter {
    static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
        let sorted = tables.sorted { $0.0 < $1.0 }
        let n = sorted.count
        var entrySelector = 0
        while 1 << (entrySelector + 1) <= n { entrySelector += 1 }
        let searchRange = (1 << entrySelector) * 16
        var out: [UInt8] = []
        u32(&out, 0x0001_0000); u16(&out, n); u16(&out, searchRange); u16(&out, entrySelector); u16(&out, n * 16 - searchRange)
        var offset = 12 + 16 * n
        for (tag, data) in sorted {
            out.append(contentsOf: Array(tag.utf8).prefix(4))
            u32(&out, Int(checksum(data[...]))); u32(&out, offset); u32(&out, data.count)
            offset += (data.count + 3) & ~3
        }
        for (_, data) in sorted {
            out.append(contentsOf: data)
            while out.count % 4 != 0 { out.append(0) }
        }
        return out
    }

    /// The sum of the big-endian UInt32s (the last one zero-padded), wrapping.
    static func checksum(_ data: ArraySlice<UInt8>) -> UInt32 {
        var sum: UInt32 = 0
        var i = data.startIndex
        while i < data.endIndex {
            var word: UInt32 = 0
            for k in 0..<4 { word = word << 8 | UInt32(i + k < data.endIndex ? data[i + k] : 0) }
            sum = sum &+ word
            i += 4
        }
        return sum
    }

    /// The offset of table `tag` in an assembled font.
    static func tableOffset(_ font: [UInt8], tag: String) -> Int? {
        let n = Int(TrueTypeReader.u16(font[...], 4))
        let t = Array(tag.utf8)
        for i in 0..<n where Array(font[12 + 16 * i..<16 + 16 * i]) == t {
            return Int(TrueTypeReader.u32(font[...], 12 + 16 * i + 8))
        }
        return nil
    }

    static func u16(_ out: inout [UInt8], _ v: Int) { out.append(UInt8((v >> 8) & 0xff)); out.append(UInt8(v & 0xff)) }
    static func u32(_ out: inout [UInt8], _ v: Int) {
        for s in [24, 16, 8, 0] { out.append(UInt8((v >> s) & 0xff)) }
    }
}
