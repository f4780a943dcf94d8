// PNG: PNG encoding of pixmaps (libdeflate), decoding (libpng), and atomic file output.
//
// Design: `PNG.encode` writes the chunks itself (`PNG.LibdeflateWriter`): the rows are packed
// and filtered in Swift (`PNG.Scanlines`: opaque pixmaps as RGB, others demultiplied once into
// straight RGBA), compressed in one call to libdeflate's zlib compressor, and framed as IHDR,
// tEXt, one IDAT and IEND with libdeflate's CRC-32 (`PNG.ChunkWriter`). libdeflate has no
// streaming API, and needs none: a figure's rows fit in memory, and one whole-buffer call is
// what makes it fast. Nothing time-dependent is written (no tIME), so output bytes depend only
// on pixels, options and the libdeflate version. The older libpng + zlib writer (through the
// setjmp shim CPNGShim; libpng's own row writer) stays behind `PNG.Compressor.zlib` for the
// sweep's comparison and for the decoder tests' fixtures (grey, palette, 16-bit, interlaced
// files); decoding is libpng's. Its striped two-thread zlib deflate (after pigz) was removed
// once no command used `.zlib` any more (the table in `PNG.Options.default` keeps its numbers).
//
// Trade-off (measured, see `PNG.Options.default`): on matplotlib's 1200×800 W2 chart libdeflate
// needs about a fifth of the instructions of zlib level 2 for a smaller file, and under half
// the striped zlib encoder's critical path, on one thread; its levels 10-12 give 20-28% smaller
// files than the old default at seconds per figure, which reports can choose (`Options.small`).
//
// Credits: the PNG specification (ISO/IEC 15948, chunks and filters, CRC in annex D); Eric
// Biggers' libdeflate; libpng's manual for the decoder and the zlib path; the namespace layout
// follows swift-png (`enum PNG`, one concept per file).

/// The namespace for PNG encoding, decoding and options.
public enum PNG {}
