import CDeflate
import Raster

extension PNG {
    /// Writes a pixmap as an 8-bit PNG without libpng: IHDR, the options' `tEXt` chunks, one
    /// IDAT holding the filtered scanlines compressed by `PNG.RunDeflater` (`.runs`), by
    /// libdeflate's zlib compressor (`.libdeflate`) or by both, keeping the smaller (`.smallest`), IEND.
    ///
    /// Both compress a whole buffer in one call (libdeflate has no streaming API; that is what
    /// lets it use its faster matchfinders), so the scanlines are built in full first. Output
    /// depends only on the pixels, the options and (for `.libdeflate`) the libdeflate version:
    /// no time, no threads, no machine-dependent choices.
    enum DirectWriter {
        static func encode(_ pixmap: Pixmap, options: Options) throws -> [UInt8] {
            let lines = Scanlines(pixmap, filter: options.filter)
            return try lines.bytes.withUnsafeBufferPointer {
                try encode(rows: $0, lines.colorType, width: pixmap.width, height: pixmap.height, options: options)
            }
        }

        /// `encode(_:options:)` with the scanlines packed into the pixmap's own memory where it
        /// can (`Scanlines.packInPlace`: opaque, no filter): no second 2.9 MB buffer at
        /// 1200 × 800, its page faults and the kernel's zeroing. The pixmap keeps its size; its
        /// pixels are unspecified afterwards. The bytes are those `encode(_:options:)` makes.
        static func encode(overwriting pixmap: inout Pixmap, options: Options) throws -> [UInt8] {
            let width = pixmap.width, height = pixmap.height
            if options.filter == .none, width > 0, height > 0 {
                var bytes: [UInt8]?
                try pixmap.data.withUnsafeMutableBytes { raw in
                    guard let adler = Scanlines.packInPlace(raw.baseAddress!, width: width, height: height) else { return }
                    let rows = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                                   count: (width * 3 + 1) * height)
                    bytes = try encode(rows: rows, .rgb, width: width, height: height, options: options, adler32: adler)
                }
                if let bytes { return bytes }  // else a translucent pixmap, left as it was
            }
            return try encode(pixmap, options: options)
        }

        /// The PNG file of `width × height` scanlines `rows` (filter bytes included); `adler32`,
        /// when the caller has it, is the rows' Adler-32 (the run deflater then skips that pass).
        static func encode(rows: UnsafeBufferPointer<UInt8>, _ colorType: ColorType, width: Int, height: Int,
                           options: Options, adler32: UInt32? = nil) throws -> [UInt8] {
            let textChunks = try options.text.map { chunk -> [UInt8] in
                try chunk.keyBytes().map { UInt8(bitPattern: $0) } + chunk.valueBytes().dropLast().map { UInt8(bitPattern: $0) }
            }
            if options.compressor == .runs {
                let bpp = colorType == .rgb ? 3 : 4
                let idat = RunDeflater.compress(rows, stride: 1 + width * bpp, bytesPerPixel: bpp, adler32: adler32)
                return idat.withUnsafeBytes { frame(width, height, colorType, textChunks, idat: $0) }
            }
            guard let compressor = libdeflate_alloc_compressor(Int32(options.compressionLevel)) else {
                throw PNGError.encodeFailed("libdeflate could not allocate a level \(options.compressionLevel) compressor")
            }
            defer { libdeflate_free_compressor(compressor) }
            let bound = libdeflate_zlib_compress_bound(compressor, rows.count)
            // Uninitialized: the bound is about the raw rows' size (2.9 MB at 1200×800) while a
            // figure compresses to a few percent of it; zeroing it all cost a memset and page
            // faults on every page, only those written are touched now.
            let idat = UnsafeMutableRawPointer.allocate(byteCount: max(1, bound), alignment: 16)
            defer { idat.deallocate() }
            let size = libdeflate_zlib_compress(compressor, rows.baseAddress, rows.count, idat, bound)
            guard size > 0 else { throw PNGError.encodeFailed("libdeflate's output did not fit its own bound") }
            if options.compressor == .smallest {
                let bpp = colorType == .rgb ? 3 : 4
                let runs = RunDeflater.compress(rows, stride: 1 + width * bpp, bytesPerPixel: bpp, adler32: adler32)
                if runs.count < size { return runs.withUnsafeBytes { frame(width, height, colorType, textChunks, idat: $0) } }
            }
            return frame(width, height, colorType, textChunks, idat: UnsafeRawBufferPointer(start: idat, count: size))
        }

        /// The PNG file: signature, IHDR, the `tEXt` chunks, one IDAT of `idat`, IEND.
        static func frame(_ width: Int, _ height: Int, _ colorType: ColorType, _ textChunks: [[UInt8]],
                          idat: UnsafeRawBufferPointer) -> [UInt8] {
            let size = idat.count
            var w = ChunkWriter(capacity: 8 + 25 + textChunks.reduce(0) { $0 + $1.count + 12 } + size + 12 + 12)
            var ihdr: [UInt8] = []
            for v in [UInt32(width), UInt32(height)] {
                ihdr += [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
            }
            // Bit depth 8, colour type, compression 0 (deflate), filter method 0, no interlace.
            ihdr += [8, UInt8(colorType.rawValue), 0, 0, 0]
            w.append("IHDR", ihdr)
            for text in textChunks { w.append("tEXt", text) }
            w.append("IDAT", idat)
            w.append("IEND", [])
            return w.bytes
        }
    }
}
