import CDeflate
import Raster

extension PNG {
    /// Writes a pixmap as an 8-bit PNG without libpng: IHDR, the options' `tEXt` chunks, one
    /// IDAT compressed by libdeflate's zlib compressor over the filtered scanlines, IEND.
    ///
    /// libdeflate compresses a whole buffer in one call (no streaming), which is what lets it
    /// use its faster matchfinders; the scanlines are therefore built in full first. Output
    /// depends only on the pixels, the options and the libdeflate version: no time, no
    /// threads, no machine-dependent choices.
    enum LibdeflateWriter {
        static func encode(_ pixmap: Pixmap, options: Options) throws -> [UInt8] {
            let textChunks = try options.text.map { chunk -> [UInt8] in
                try chunk.keyBytes().map { UInt8(bitPattern: $0) } + chunk.valueBytes().dropLast().map { UInt8(bitPattern: $0) }
            }
            let lines = Scanlines(pixmap, filter: options.filter)
            guard let compressor = libdeflate_alloc_compressor(Int32(options.compressionLevel)) else {
                throw PNGError.encodeFailed("libdeflate could not allocate a level \(options.compressionLevel) compressor")
            }
            defer { libdeflate_free_compressor(compressor) }
            let bound = libdeflate_zlib_compress_bound(compressor, lines.bytes.count)
            var idat = [UInt8](repeating: 0, count: bound)
            let size = lines.bytes.withUnsafeBytes { src in
                idat.withUnsafeMutableBytes { dst in
                    libdeflate_zlib_compress(compressor, src.baseAddress, src.count, dst.baseAddress, dst.count)
                }
            }
            guard size > 0 else { throw PNGError.encodeFailed("libdeflate's output did not fit its own bound") }
            idat.removeSubrange(size...)

            var w = ChunkWriter(capacity: 8 + 25 + textChunks.reduce(0) { $0 + $1.count + 12 } + size + 12 + 12)
            var ihdr: [UInt8] = []
            for v in [UInt32(pixmap.width), UInt32(pixmap.height)] {
                ihdr += [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
            }
            // Bit depth 8, colour type, compression 0 (deflate), filter method 0, no interlace.
            ihdr += [8, UInt8(lines.colorType.rawValue), 0, 0, 0]
            w.append("IHDR", ihdr)
            for text in textChunks { w.append("tEXt", text) }
            w.append("IDAT", idat)
            w.append("IEND", [])
            return w.bytes
        }
    }
}
