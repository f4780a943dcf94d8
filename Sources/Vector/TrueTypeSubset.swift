/// A TrueType font cut down to the glyphs a document uses, for embedding (PDF `/FontFile2`).
///
/// The subset keeps only what a renderer needs to draw glyphs by index (`head`, `hhea`, `hmtx`,
/// `maxp`, `loca`, `glyf`, `post` v3): glyphs are renumbered densely in the order asked for, with
/// .notdef first and the components of composite glyphs appended (their references rewritten);
/// hinting instructions are dropped (PDF viewers scale outlines to any size, and the tables are
/// most of a subset's bytes). The metrics a PDF font descriptor needs are read on the way.
/// Layout follows the OpenType spec ("glyf", "loca", "hmtx"); the approach is that of fontTools'
/// subsetter and of matplotlib's ttconv, without the tables a CID-keyed font does not use.
struct TrueTypeSubset {
    /// The font program.
    var bytes: [UInt8]
    /// Old glyph index → new glyph index, for every glyph kept.
    var newIndex: [UInt32: UInt16]
    /// Advance of each new glyph, in font units.
    var advances: [Int]
    var metrics: TrueTypeMetrics
}

/// What a PDF font descriptor says about a face, in font units.
struct TrueTypeMetrics {
    var unitsPerEm: Int
    var bbox: (Int, Int, Int, Int)
    var ascender: Int, descender: Int, capHeight: Int
    var italicAngle: Double
    var isFixedPitch: Bool
    var weight: Int
}

/// A font file the subsetter cannot read.
struct TrueTypeError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot embed the font \(path): \(reason)" }
}

extension TrueTypeSubset {
    /// The subset of `font` (the file at `path`) holding `glyphs` (old indices, deduplicated in
    /// order) after .notdef.
    static func make(font: [UInt8], path: String, glyphs: [UInt32]) throws -> TrueTypeSubset {
        let reader = TrueTypeReader(bytes: font, path: path)
        let tables = try reader.tableDirectory()
        func table(_ tag: String) throws -> ArraySlice<UInt8> {
            guard let t = tables[tag] else { throw TrueTypeError(path: path, reason: "no '\(tag)' table") }
            return t
        }
        let head = try table("head"), hhea = try table("hhea"), maxp = try table("maxp")
        let hmtx = try table("hmtx"), loca = try table("loca"), glyf = try table("glyf")
        guard head.count >= 54, hhea.count >= 36, maxp.count >= 6 else {
            throw TrueTypeError(path: path, reason: "truncated head, hhea or maxp table")
        }
        let numGlyphs = Int(TrueTypeReader.u16(maxp, 4))
        let longLoca = TrueTypeReader.u16(head, 50) != 0
        let hMetrics = Int(TrueTypeReader.u16(hhea, 34))
        func glyphRange(_ g: Int) throws -> Range<Int> {
            let start: Int, end: Int
            if longLoca {
                guard loca.count >= (g + 2) * 4 else { throw TrueTypeError(path: path, reason: "loca too short") }
                start = Int(TrueTypeReader.u32(loca, g * 4)); end = Int(TrueTypeReader.u32(loca, g * 4 + 4))
            } else {
                guard loca.count >= (g + 2) * 2 else { throw TrueTypeError(path: path, reason: "loca too short") }
                start = Int(TrueTypeReader.u16(loca, g * 2)) * 2; end = Int(TrueTypeReader.u16(loca, g * 2 + 2)) * 2
            }
            guard start <= end, end <= glyf.count else { throw TrueTypeError(path: path, reason: "glyph \(g) lies outside glyf") }
            return start..<end
        }
        func advance(_ g: Int) -> Int {
            let i = min(g, max(0, hMetrics - 1))
            return hmtx.count >= i * 4 + 2 ? Int(TrueTypeReader.u16(hmtx, i * 4)) : 0
        }
        func lsb(_ g: Int) -> Int16 {
            let offset = g < hMetrics ? g * 4 + 2 : hMetrics * 4 + (g - hMetrics) * 2
            return hmtx.count >= offset + 2 ? Int16(bitPattern: TrueTypeReader.u16(hmtx, offset)) : 0
        }

        // The glyph order: .notdef, the glyphs asked for, then components as they are found.
        var order: [UInt32] = [0]
        var newIndex: [UInt32: UInt16] = [0: 0]
        for g in glyphs where Int(g) < numGlyphs && newIndex[g] == nil {
            newIndex[g] = UInt16(order.count); order.append(g)
        }
        var glyphData: [[UInt8]] = []
        var i = 0
        while i < order.count {
            let old = Int(order[i])
            let range = try glyphRange(old)
            var data = Array(glyf[glyf.startIndex + range.lowerBound..<glyf.startIndex + range.upperBound])
            data = try TrueTypeGlyph.stripped(data, path: path) { component in
                guard Int(component) < numGlyphs else { throw TrueTypeError(path: path, reason: "glyph \(old) uses a missing component \(component)") }
                if let n = newIndex[UInt32(component)] { return n }
                guard order.count < 65_535 else { throw TrueTypeError(path: path, reason: "too many glyphs") }
                let n = UInt16(order.count)
                newIndex[UInt32(component)] = n
                order.append(UInt32(component))
                return n
            }
            glyphData.append(data)
            i += 1
        }

        // glyf and a long loca.
        var newGlyf: [UInt8] = [], newLoca: [UInt8] = []
        for data in glyphData {
            TrueTypeWriter.u32(&newLoca, newGlyf.count)
            newGlyf.append(contentsOf: data)
            while newGlyf.count % 4 != 0 { newGlyf.append(0) }
        }
        TrueTypeWriter.u32(&newLoca, newGlyf.count)
        var newHmtx: [UInt8] = []
        var advances: [Int] = []
        for g in order {
            let a = advance(Int(g))
            advances.append(a)
            TrueTypeWriter.u16(&newHmtx, a); TrueTypeWriter.u16(&newHmtx, Int(UInt16(bitPattern: lsb(Int(g)))))
        }
        var newHead = Array(head)
        newHead.replaceSubrange(8..<12, with: [0, 0, 0, 0])   // checkSumAdjustment, set below
        newHead.replaceSubrange(50..<52, with: [0, 1])         // indexToLocFormat: long
        var newHhea = Array(hhea)
        newHhea.replaceSubrange(34..<36, with: [UInt8(order.count >> 8), UInt8(order.count & 0xff)])
        var newMaxp = Array(maxp)
        newMaxp.replaceSubrange(4..<6, with: [UInt8(order.count >> 8), UInt8(order.count & 0xff)])
        // post version 3: no glyph names.
        var newPost: [UInt8] = [0, 3, 0, 0]
        if let post = tables["post"], post.count >= 32 {
            newPost.append(contentsOf: post[post.startIndex + 4..<post.startIndex + 32])
        } else {
            newPost.append(contentsOf: [UInt8](repeating: 0, count: 28))
        }

        var font = TrueTypeWriter.assemble([
            ("glyf", newGlyf), ("head", newHead), ("hhea", newHhea), ("hmtx", newHmtx),
            ("loca", newLoca), ("maxp", newMaxp), ("post", newPost),
        ])
        let adjustment = UInt32(0xB1B0_AFBA) &- TrueTypeWriter.checksum(font[...])
        if let headOffset = TrueTypeWriter.tableOffset(font, tag: "head") {
            for k in 0..<4 { font[headOffset + 8 + k] = UInt8(truncatingIfNeeded: adjustment >> (24 - 8 * k)) }
        }

        var capHeight = Int(Int16(bitPattern: TrueTypeReader.u16(hhea, 4))) * 7 / 10
        var weight = 400
        if let os2 = tables["OS/2"], os2.count >= 6 {
            weight = Int(TrueTypeReader.u16(os2, 4))
            if TrueTypeReader.u16(os2, 0) >= 2, os2.count >= 90 { capHeight = Int(Int16(bitPattern: TrueTypeReader.u16(os2, 88))) }
        }
        var italic = 0.0, fixed = false
        if let post = tables["post"], post.count >= 16 {
            italic = Double(Int32(bitPattern: TrueTypeReader.u32(post, 4))) / 65536
            fixed = TrueTypeReader.u32(post, 12) != 0
        }
        let s = { (o: Int) in Int(Int16(bitPattern: TrueTypeReader.u16(head, o))) }
        let metrics = TrueTypeMetrics(
            unitsPerEm: Int(TrueTypeReader.u16(head, 18)), bbox: (s(36), s(38), s(40), s(42)),
            ascender: Int(Int16(bitPattern: TrueTypeReader.u16(hhea, 4))),
            descender: Int(Int16(bitPattern: TrueTypeReader.u16(hhea, 6))),
            capHeight: capHeight, italicAngle: italic, isFixedPitch: fixed, weight: weight)
        return TrueTypeSubset(bytes: font, newIndex: newIndex, advances: advances, metrics: metrics)
    }
}
