import CFreeType
import Geometry

/// One opened FreeType face and everything about it that does not depend on the size.
///
/// Caches, filled lazily: Unicode scalar → glyph index (a flat table below U+3000, a dictionary
/// above), per glyph the advance and ink box in font units (from the unhinted outline), and a
/// direct-mapped table of kerning pairs, so that measuring any number of labels never touches
/// FreeType once the glyphs have been seen. The flat tables are owned raw buffers: reading them
/// costs one load, without the exclusivity checks of class-held arrays (with the kerning cache,
/// measuring 300 labels went from 72 µs to 37 µs). Kerning comes from the legacy
/// `kern` table through `FT_Get_Kerning` in font units (DejaVu Sans has one: 2,727 pairs).
/// Per-size state (an `FT_Size` for rendering) lives in `SizedFace`.
final class LoadedFace {
    /// Advance and ink box of a glyph, in font units (y up, as in the font).
    struct GlyphInfo {
        var advance: Int32
        var xMin: Int32, yMin: Int32, xMax: Int32, yMax: Int32
        var hasInk: Bool { xMax > xMin && yMax > yMin }
        static let unloaded = GlyphInfo(advance: Int32.min, xMin: 0, yMin: 0, xMax: 0, yMax: 0)
    }

    let face: FT_Face
    let fontFace: FontFace
    let unitsPerEm: Double
    /// Ascender (positive), descender (negative) and line height in font units.
    let ascender: Double, descender: Double, height: Double
    let hasKerning: Bool
    /// The glyph drawn for control characters (tab, newline, ...): the space.
    let spaceGlyph: UInt32
    /// Number of glyphs in the face.
    let glyphCount: Int
    /// Scalars below this use the flat table.
    private static let tableLimit = 0x3000
    private static let unknown = UInt32.max
    /// Glyph index per scalar below `tableLimit` (`unknown` until looked up).
    private let lowGlyphs: UnsafeMutablePointer<UInt32>
    private var highGlyphs: [UInt32: UInt32] = [:]
    /// Per glyph index (`GlyphInfo.unloaded` until loaded).
    private let infos: UnsafeMutablePointer<GlyphInfo>
    /// Direct-mapped kerning cache: (left << 16 | right) in the high 32 bits, value in the low;
    /// empty slots are all ones, a pair no face has (glyph indices stop at 65,534).
    private static let kernSlots = 4096
    private let kernCache: UnsafeMutablePointer<UInt64>
    /// Glyph outlines in font units (y up), for rotated text and `outline(_:font:)`.
    private var outlines: [UInt32: Path] = [:]
    /// Per-size rendering state, keyed by the size in 26.6 fixed point.
    var sizes: [Int: SizedFace] = [:]
    /// The size currently active on `face`, to skip redundant `FT_Activate_Size` calls.
    var activeSize: Int = -1

    init(path: String, fontFace: FontFace, library: FT_Library) throws {
        var f: FT_Face?
        let err = FT_New_Face(library, path, 0, &f)
        guard err == 0, let f else {
            throw FontLibraryError.freeType(operation: "FT_New_Face(\(path))", code: err)
        }
        face = f
        self.fontFace = fontFace
        let rec = f.pointee
        unitsPerEm = Double(max(1, rec.units_per_EM))
        ascender = Double(rec.ascender)
        descender = Double(rec.descender)
        height = Double(rec.height)
        hasKerning = rec.face_flags & FT_Long(FT_FACE_FLAG_KERNING) != 0
        glyphCount = Int(max(1, rec.num_glyphs))
        lowGlyphs = .allocate(capacity: LoadedFace.tableLimit)
        lowGlyphs.initialize(repeating: LoadedFace.unknown, count: LoadedFace.tableLimit)
        infos = .allocate(capacity: glyphCount)
        infos.initialize(repeating: .unloaded, count: glyphCount)
        kernCache = .allocate(capacity: LoadedFace.kernSlots)
        kernCache.initialize(repeating: UInt64.max, count: LoadedFace.kernSlots)
        spaceGlyph = FT_Get_Char_Index(f, 0x20)
    }

    /// Frees the tables; the `FT_Face` itself is freed by the owning `FontLibrary`.
    deinit {
        lowGlyphs.deallocate()
        infos.deallocate()
        kernCache.deallocate()
    }

    /// The glyph for a Unicode scalar: 0 (.notdef, a box in DejaVu) when the font lacks it, the
    /// space glyph for control characters (general category Cc: tab, newline, ...).
    @inline(__always)
    func glyphIndex(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = Int(scalar.value)
        if v < LoadedFace.tableLimit {
            let g = lowGlyphs[v]
            if g != LoadedFace.unknown { return g }
            let found = lookUp(scalar)
            lowGlyphs[v] = found
            return found
        }
        if let g = highGlyphs[scalar.value] { return g }
        let found = lookUp(scalar)
        highGlyphs[scalar.value] = found
        return found
    }

    private func lookUp(_ scalar: Unicode.Scalar) -> UInt32 {
        if scalar.properties.generalCategory == .control { return spaceGlyph }
        return FT_Get_Char_Index(face, FT_ULong(scalar.value))
    }

    /// Advance and ink box of `glyph` in font units (those of .notdef for an index out of range).
    @inline(__always)
    func info(_ glyph: UInt32) -> GlyphInfo {
        let i = Int(glyph)
        guard i < glyphCount else { return info(0) }
        let v = infos[i]
        if v.advance != Int32.min { return v }
        return loadInfo(i)
    }

    private func loadInfo(_ i: Int) -> GlyphInfo {
        var result = GlyphInfo(advance: 0, xMin: 0, yMin: 0, xMax: 0, yMax: 0)
        if FT_Load_Glyph(face, FT_UInt(i), PLFT_LOAD_FONT_UNITS) == 0, let slot = face.pointee.glyph {
            result.advance = Int32(clamping: slot.pointee.advance.x)
            if slot.pointee.outline.n_points > 0 {
                var box = FT_BBox()
                if FT_Outline_Get_BBox(&slot.pointee.outline, &box) == 0 {
                    result.xMin = Int32(clamping: box.xMin); result.yMin = Int32(clamping: box.yMin)
                    result.xMax = Int32(clamping: box.xMax); result.yMax = Int32(clamping: box.yMax)
                }
            }
        }
        infos[i] = result
        return result
    }

    /// The kerning between two glyphs in font units (negative moves them closer), 0 without a
    /// `kern` table.
    @inline(__always)
    func kerning(_ left: UInt32, _ right: UInt32) -> Int {
        guard hasKerning else { return 0 }
        let pair = UInt64(left & 0xffff) << 16 | UInt64(right & 0xffff)
        let slot = Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 52)  // 12 bits
        let entry = kernCache[slot]
        if entry >> 32 == pair { return Int(Int32(truncatingIfNeeded: entry)) }
        var v = FT_Vector()
        let value = FT_Get_Kerning(face, left, right, FT_KERNING_UNSCALED.rawValue, &v) == 0
            ? Int32(clamping: v.x) : 0
        kernCache[slot] = pair << 32 | UInt64(UInt32(bitPattern: value))
        return Int(value)
    }

    /// The glyph's outline in font units, y up (cached; empty for blank glyphs).
    func outline(_ glyph: UInt32) -> Path {
        if let p = outlines[glyph] { return p }
        var path = Path()
        if FT_Load_Glyph(face, FT_UInt(glyph), PLFT_LOAD_FONT_UNITS) == 0, let slot = face.pointee.glyph {
            path = GlyphOutline.path(of: &slot.pointee.outline)
        }
        outlines[glyph] = path
        return path
    }

    /// The per-size state for a size in 26.6 fixed point (created on first use).
    func sized(_ size26: Int) throws -> SizedFace {
        if let s = sizes[size26] { return s }
        let s = try SizedFace(face: self, size26: size26)
        sizes[size26] = s
        return s
    }
}

extension FontFace {
    /// A small dense index for arrays and cache keys.
    var ordinal: Int {
        switch self {
        case .sans: return 0
        case .sansBold: return 1
        case .sansOblique: return 2
        case .mono: return 3
        }
    }
}
