import CPNGShim
import Raster

extension PNG {
    /// Decodes any PNG into a premultiplied pixmap.
    ///
    /// Grey, palette, 16-bit, interlaced files and transparency keys are all expanded to 8-bit
    /// RGBA (16-bit samples scaled with rounding; no gamma correction), then premultiplied with
    /// `mul255`. Truncated or corrupt bytes throw `PNGError.decodeFailed`.
    public static func decode(_ bytes: [UInt8]) throws -> Pixmap {
        let decoded = try decodeRaw(bytes, wantPixels: true)
        var data = decoded.rgba
        data.withUnsafeMutableBufferPointer { px in
            var i = 0
            while i < px.count {
                let a = px[i + 3]
                if a != 255 {
                    px[i] = mul255(px[i], a); px[i + 1] = mul255(px[i + 1], a); px[i + 2] = mul255(px[i + 2], a)
                }
                i += 4
            }
        }
        do {
            return try Pixmap(width: decoded.width, height: decoded.height, premultipliedData: data)
        } catch {
            throw PNGError.invalidSize(width: decoded.width, height: decoded.height)
        }
    }

    /// The text chunks (`tEXt`, `zTXt`, `iTXt`) of a PNG, in file order.
    ///
    /// The whole file is read and checked, so a truncated file throws rather than returning
    /// the chunks before the damage.
    public static func textChunks(_ bytes: [UInt8]) throws -> [TextChunk] {
        try decodeRaw(bytes, wantPixels: false).texts
    }

    struct Decoded {
        var width: Int
        var height: Int
        var rgba: [UInt8]
        var texts: [TextChunk]
    }

    static func decodeRaw(_ bytes: [UInt8], wantPixels: Bool) throws -> Decoded {
        var result = plotline_png_decoded()
        var message = [CChar](repeating: 0, count: Int(PLOTLINE_PNG_ERROR_CAPACITY))
        let status = bytes.withUnsafeBufferPointer { b in
            message.withUnsafeMutableBufferPointer { m in
                plotline_png_decode(b.baseAddress, b.count, wantPixels ? 1 : 0, UInt32(Pixmap.maxSide),
                                    UInt64(Pixmap.maxArea), &result, m.baseAddress)
            }
        }
        guard status == 0 else { throw PNGError.decodeFailed(PNGError.message(message)) }
        defer { plotline_png_decoded_free(&result) }
        let width = Int(result.width), height = Int(result.height)
        var rgba: [UInt8] = []
        if let px = result.rgba {
            rgba = [UInt8](UnsafeBufferPointer(start: px, count: width * height * 4))
        }
        var texts: [TextChunk] = []
        if let t = result.texts {
            texts = parseTexts(UnsafeBufferPointer(start: t, count: result.texts_size), count: Int(result.text_count))
        }
        return Decoded(width: width, height: height, rgba: rgba, texts: texts)
    }

    /// Reads the shim's text records: kind byte, key, NUL, value, NUL (iTXt values are UTF-8).
    static func parseTexts(_ buffer: UnsafeBufferPointer<UInt8>, count: Int) -> [TextChunk] {
        var out: [TextChunk] = []
        var i = 0
        func field(utf8: Bool) -> String {
            let start = i
            while i < buffer.count && buffer[i] != 0 { i += 1 }
            let bytes = buffer[start..<i]
            i += 1
            if utf8 { return String(decoding: bytes, as: UTF8.self) }
            var s = String.UnicodeScalarView()
            for b in bytes { s.append(Unicode.Scalar(b)) }
            return String(s)
        }
        for _ in 0..<count where i < buffer.count {
            let isUTF8 = buffer[i] == 2
            i += 1
            let key = field(utf8: false)  // keywords are Latin-1 in every text chunk
            let value = field(utf8: isUTF8)
            out.append(TextChunk(key: key, value: value))
        }
        return out
    }
}
