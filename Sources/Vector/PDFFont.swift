import PNG
import Text

/// One bundled face as a PDF font: a Type 0 font over a CIDFontType2 (TrueType outlines) with
/// the used glyphs embedded as a subset and a ToUnicode CMap, so text can be selected, copied
/// and searched.
///
/// CIDs are handed out per distinct (glyph, character) pair in order of first use, so two
/// characters drawn with one glyph (tab and space, or several characters the font lacks, all
/// drawn as .notdef) still copy as what they were. `CIDToGIDMap` maps CIDs to the subset's
/// glyph numbers; widths (`/W`) come from the font's advances, and kerning is written in the
/// text's `TJ` arrays, so glyphs sit exactly where the PNG puts them.
struct PDFFont {
    let face: FontFace
    let fontPath: String
    let resourceName: String
    /// CID → (old glyph index, character); CID 0 is unused.
    private(set) var cids: [(glyph: UInt32, scalar: Unicode.Scalar)] = [(0, " ")]
    private var cidOf: [UInt64: Int] = [:]

    init(face: FontFace, fontPath: String, resourceName: String) {
        self.face = face; self.fontPath = fontPath; self.resourceName = resourceName
    }

    /// The CID for a glyph drawn for a character.
    mutating func cid(glyph: UInt32, scalar: Unicode.Scalar) -> Int {
        let key = UInt64(glyph) << 32 | UInt64(scalar.value)
        if let c = cidOf[key] { return c }
        let c = cids.count
        cids.append((glyph, scalar))
        cidOf[key] = c
        return c
    }

    /// Writes the font's objects into `document`, the Type 0 font as object `id`.
    func write(into document: inout PDFDocument, id: Int) throws {
        let file = try PNG.readFile(fontPath)
        let glyphs = cids.dropFirst().map(\.glyph)
        let subset = try TrueTypeSubset.make(font: file, path: fontPath, glyphs: glyphs)
        let m = subset.metrics
        let upem = Double(max(1, m.unitsPerEm))
        func pdfUnits(_ v: Int) -> Int { Int((Double(v) * 1000 / upem).rounded()) }

        let baseName = PDFFont.subsetTag(cids) + "+" + String(face.fileName.dropLast(4))
        let cidFont = document.allocate(), descriptor = document.allocate(), fontFile = document.allocate()
        let cidToGID = document.allocate(), toUnicode = document.allocate()

        document.set(id, "<< /Type /Font /Subtype /Type0 /BaseFont /\(baseName) /Encoding /Identity-H /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")

        var widths = ByteWriter(capacity: cids.count * 6)
        widths.ascii("[1 [")
        for (i, c) in cids.enumerated().dropFirst() {
            if i > 1 { widths.byte(32) }
            let newGlyph = Int(subset.newIndex[c.glyph] ?? 0)
            widths.number(Double(subset.advances[newGlyph]) * 1000 / upem, decimals: 2)
        }
        widths.ascii("]]")
        document.set(cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(baseName) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 0 /W \(String(decoding: widths.bytes, as: UTF8.self)) /CIDToGIDMap \(cidToGID) 0 R >>")

        var flags = 4  // symbolic: glyphs are addressed by CID, not by a standard encoding
        if m.isFixedPitch { flags |= 1 }
        if m.italicAngle != 0 { flags |= 64 }
        let (x0, y0, x1, y1) = m.bbox
        let stemV = 50 + m.weight * m.weight / 6500  // the usual estimate from the weight class
        var italic = ByteWriter(capacity: 8)
        italic.number(m.italicAngle, decimals: 2)
        document.set(descriptor, "<< /Type /FontDescriptor /FontName /\(baseName) /Flags \(flags) /FontBBox [\(pdfUnits(x0)) \(pdfUnits(y0)) \(pdfUnits(x1)) \(pdfUnits(y1))] /ItalicAngle \(String(decoding: italic.bytes, as: UTF8.self)) /Ascent \(pdfUnits(m.ascender)) /Descent \(pdfUnits(m.descender)) /CapHeight \(pdfUnits(m.capHeight)) /StemV \(stemV) /FontFile2 \(fontFile) 0 R >>")
        document.setStream(fontFile, dictionary: "/Length1 \(subset.bytes.count)", data: subset.bytes)

        var map: [UInt8] = []
        map.reserveCapacity(cids.count * 2)
        for c in cids {
            let g = Int(subset.newIndex[c.glyph] ?? 0)
            map.append(UInt8(g >> 8)); map.append(UInt8(g & 0xff))
        }
        document.setStream(cidToGID, dictionary: "", data: map)
        document.setStream(toUnicode, dictionary: "", data: toUnicodeCMap())
    }

    /// The ToUnicode CMap: each CID to its character in UTF-16BE.
    func toUnicodeCMap() -> [UInt8] {
        var w = ByteWriter(capacity: 256 + cids.count * 16)
        w.ascii("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """)
        let entries = Array(cids.enumerated().dropFirst())
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(entries.count, start + 100)]
            w.int(chunk.count); w.ascii(" beginbfchar\n")
            for (cid, c) in chunk {
                w.byte(UInt8(ascii: "<")); w.hex4(cid); w.ascii("> <")
                for unit in String(c.scalar).utf16 { w.hex4(Int(unit)) }
                w.ascii(">\n")
            }
            w.ascii("endbfchar\n")
            start += 100
        }
        w.ascii("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return w.bytes
    }

    /// Six capital letters derived from the glyph set (PDF 9.6.4: a subset's name starts with a
    /// tag unique to the subset); a hash, so the same glyphs give the same name on every run.
    static func subsetTag(_ cids: [(glyph: UInt32, scalar: Unicode.Scalar)]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in cids {
            for v in [UInt64(c.glyph), UInt64(c.scalar.value)] {
                for i in 0..<4 { h = (h ^ ((v >> (8 * UInt64(i))) & 0xff)) &* 0x100_0000_01b3 }
            }
        }
        var s = ""
        for _ in 0..<6 { s.append(Character(Unicode.Scalar(UInt8(65 + h % 26)))); h /= 26 }
        return s
    }
}
