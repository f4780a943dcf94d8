import CFreeType

/// A face at one size: its own `FT_Size`, and the renderer of glyph coverage bitmaps.
///
/// Glyphs are loaded with light auto-hinting (`FT_LOAD_FORCE_AUTOHINT | FT_LOAD_TARGET_LIGHT`):
/// stems and heights snap to the pixel grid vertically only, so baselines, x-heights and
/// horizontal strokes are crisp while horizontal positions keep their sub-pixel accuracy (see
/// `FontLibrary` for why). The hinted outline is shifted by the requested quarter-pixel offset
/// before `FT_Render_Glyph` (`FT_RENDER_MODE_NORMAL`, 8-bit coverage).
final class SizedFace {
    unowned let face: LoadedFace
    /// The size in 26.6 fixed-point pixels (what FreeType is given).
    let size26: Int
    private let size: FT_Size

    init(face: LoadedFace, size26: Int) throws {
        self.face = face
        self.size26 = size26
        var s: FT_Size?
        var err = FT_New_Size(face.face, &s)
        guard err == 0, let s else { throw FontLibraryError.freeType(operation: "FT_New_Size", code: err) }
        size = s
        err = FT_Activate_Size(s)
        if err == 0 { err = FT_Set_Char_Size(face.face, 0, FT_F26Dot6(size26), 72, 72) }
        guard err == 0 else { throw FontLibraryError.freeType(operation: "FT_Set_Char_Size", code: err) }
        face.activeSize = size26
    }

    /// A rendered glyph: 8-bit coverage, `width` bytes a row, whose top-left pixel sits `left`
    /// pixels right of and `top` pixels above the pen position (FreeType's bitmap_left/top).
    struct Bitmap {
        var pixels: [UInt8]
        var width: Int, height: Int, left: Int, top: Int
    }

    /// Renders `glyph` with the pen `quarter`/4 pixel right of a whole pixel (0...3).
    func render(_ glyph: UInt32, quarter: Int) -> Bitmap {
        let empty = Bitmap(pixels: [], width: 0, height: 0, left: 0, top: 0)
        let ft = face.face
        if face.activeSize != size26 {
            guard FT_Activate_Size(size) == 0 else { return empty }
            face.activeSize = size26
        }
        guard FT_Load_Glyph(ft, FT_UInt(glyph), PLFT_LOAD_HINTED_LIGHT) == 0,
              let slot = ft.pointee.glyph, slot.pointee.format == FT_GLYPH_FORMAT_OUTLINE
        else { return empty }
        if quarter != 0 { FT_Outline_Translate(&slot.pointee.outline, FT_Pos(quarter * 16), 0) }
        guard FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) == 0 else { return empty }
        let bm = slot.pointee.bitmap
        let w = Int(bm.width), h = Int(bm.rows)
        guard w > 0, h > 0, let buffer = bm.buffer else { return empty }
        var pixels = [UInt8](repeating: 0, count: w * h)
        let pitch = Int(bm.pitch)
        pixels.withUnsafeMutableBufferPointer { dst in
            for row in 0..<h {
                // A negative pitch means rows are stored bottom-up.
                let src = pitch >= 0 ? buffer + row * pitch : buffer + (h - 1 - row) * (-pitch)
                for col in 0..<w { dst[row * w + col] = src[col] }
            }
        }
        return Bitmap(pixels: pixels, width: w, height: h,
                      left: Int(slot.pointee.bitmap_left), top: Int(slot.pointee.bitmap_top))
    }
}
