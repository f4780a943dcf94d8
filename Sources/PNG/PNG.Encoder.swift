import CPNGShim
import Raster

extension PNG {
    /// Encodes a pixmap as an 8-bit PNG: RGB when every pixel is opaque, else straight RGBA.
    ///
    /// `options.compressor` picks the writer: `PNG.DirectWriter` (`.runs`, the default, and
    /// `.libdeflate`) or libpng + zlib.
    ///
    /// Premultiplied pixels are demultiplied rounding to nearest, exactly as
    /// `PremultipliedColor.demultiplied`, so decoding gives back the same pixmap. The output
    /// has no `tIME` chunk: equal pixmaps and options give byte-identical files.
    public static func encode(_ pixmap: Pixmap, options: Options = .default) throws -> [UInt8] {
        if options.compressor != .zlib {
            try options.validate()
            return try DirectWriter.encode(pixmap, options: options)
        }
        if pixmap.isOpaque {
            // Premultiplied equals straight when alpha is 255: libpng drops the 4th byte itself.
            let image = RawImage(width: pixmap.width, height: pixmap.height, colorType: .rgb,
                                 bitDepth: 8, rowStride: pixmap.width * 4, stripFiller: true)
            return try pixmap.data.withUnsafeBufferPointer { try encodeRaw($0, image: image, options: options) }
        }
        let straight = demultiplied(pixmap.data)
        let image = RawImage(width: pixmap.width, height: pixmap.height, colorType: .rgba,
                             bitDepth: 8, rowStride: pixmap.width * 4)
        return try straight.withUnsafeBufferPointer { try encodeRaw($0, image: image, options: options) }
    }

    /// Encodes `pixmap` as `encode(_:options:)` does (the same bytes), using the pixmap's own
    /// memory for the scanlines where it can: for a figure that is drawn, encoded and then
    /// drawn over (`render`, `watch`, `report`), it saves a buffer of the image's size. The
    /// pixmap keeps its size; its pixels are unspecified afterwards.
    public static func encode(overwriting pixmap: inout Pixmap, options: Options = .default) throws -> [UInt8] {
        guard options.compressor != .zlib else { return try encode(pixmap, options: options) }
        try options.validate()
        return try DirectWriter.encode(overwriting: &pixmap, options: options)
    }

    /// Straight-alpha RGBA from premultiplied RGBA, rounding to nearest.
    static func demultiplied(_ data: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: data.count) { out, count in
            data.withUnsafeBufferPointer { src in
                var i = 0
                while i < src.count {
                    let a = UInt32(src[i + 3])
                    if a == 255 {
                        out[i] = src[i]; out[i + 1] = src[i + 1]; out[i + 2] = src[i + 2]
                    } else if a == 0 {
                        out[i] = 0; out[i + 1] = 0; out[i + 2] = 0
                    } else {
                        let half = a / 2
                        out[i] = UInt8(min(255, (UInt32(src[i]) * 255 + half) / a))
                        out[i + 1] = UInt8(min(255, (UInt32(src[i + 1]) * 255 + half) / a))
                        out[i + 2] = UInt8(min(255, (UInt32(src[i + 2]) * 255 + half) / a))
                    }
                    out[i + 3] = UInt8(a)
                    i += 4
                }
            }
            count = data.count
        }
    }

    /// A PNG colour type.
    enum ColorType: Int32 {
        case gray = 0, rgb = 2, palette = 3, grayAlpha = 4, rgba = 6
    }

    /// Rows already in PNG sample layout, for `encodeRaw` (tests make grey, palette, 16-bit and
    /// interlaced files with it).
    struct RawImage {
        var width: Int
        var height: Int
        var colorType: ColorType
        var bitDepth: Int
        var rowStride: Int
        var interlaced = false
        /// RGB rows stored as RGBX: libpng drops every 4th byte.
        var stripFiller = false
        /// RGB triples, for `.palette`.
        var palette: [UInt8] = []
        /// Palette alphas, or a big-endian 16-bit grey / RGB transparency key.
        var transparency: [UInt8] = []
    }

    /// Encodes rows in PNG layout with libpng through the setjmp shim.
    static func encodeRaw(_ pixels: UnsafeBufferPointer<UInt8>, image: RawImage,
                          options: Options) throws -> [UInt8] {
        try options.validate(for: .zlib)
        precondition(image.width >= 1 && image.height >= 1 && pixels.count >= image.rowStride * image.height,
                     "pixel buffer smaller than \(image.height) rows of \(image.rowStride) bytes")
        // All keys and values in one NUL-separated buffer; pointers into it are taken below.
        var strings: [CChar] = []
        var keyOffsets: [Int] = [], valueOffsets: [Int] = []
        for chunk in options.text {
            keyOffsets.append(strings.count); strings += try chunk.keyBytes()
            valueOffsets.append(strings.count); strings += try chunk.valueBytes()
        }
        var out: UnsafeMutablePointer<UInt8>?
        var outSize = 0
        var message = [CChar](repeating: 0, count: Int(PLOTLINE_PNG_ERROR_CAPACITY))
        let status: Int32 = strings.withUnsafeBufferPointer { s in
            let keys: [UnsafePointer<CChar>?] = keyOffsets.map { s.baseAddress! + $0 }
            let values: [UnsafePointer<CChar>?] = valueOffsets.map { s.baseAddress! + $0 }
            return image.palette.withUnsafeBufferPointer { palette in
                image.transparency.withUnsafeBufferPointer { trans in
                    keys.withUnsafeBufferPointer { k in
                        values.withUnsafeBufferPointer { v in
                            var p = plotline_png_encode_params()
                            p.width = Int32(image.width)
                            p.height = Int32(image.height)
                            p.color_type = image.colorType.rawValue
                            p.bit_depth = Int32(image.bitDepth)
                            p.interlace = image.interlaced ? 1 : 0
                            p.strip_filler = image.stripFiller ? 1 : 0
                            p.row_stride = image.rowStride
                            p.compression_level = Int32(options.compressionLevel)
                            p.filters = options.filter.mask
                            p.strategy = options.strategy.zlibValue
                            p.palette = palette.baseAddress
                            p.palette_count = Int32(image.palette.count / 3)
                            p.trans = trans.baseAddress
                            p.trans_count = Int32(image.transparency.count)
                            p.text_keys = k.baseAddress
                            p.text_values = v.baseAddress
                            p.text_count = Int32(options.text.count)
                            return message.withUnsafeMutableBufferPointer { m in
                                plotline_png_encode(&p, pixels.baseAddress, &out, &outSize, m.baseAddress)
                            }
                        }
                    }
                }
            }
        }
        guard status == 0, let out else {
            throw PNGError.encodeFailed(PNGError.message(message))
        }
        defer { plotline_png_free(out) }
        return [UInt8](UnsafeBufferPointer(start: out, count: outSize))
    }
}
