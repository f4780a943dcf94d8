// PNG: PNG encoding of pixmaps (a run deflater for charts; libdeflate), decoding (libpng), and
// atomic file output.
//
// Design: `PNG.encode` writes the chunks itself (`PNG.DirectWriter`): the rows are packed and
// filtered in Swift (`PNG.Scanlines`: opaque pixmaps as RGB, others demultiplied once into
// straight RGBA), compressed in one call, and framed as IHDR, tEXt, one IDAT and IEND with
// libdeflate's CRC-32 (`PNG.ChunkWriter`). The default compressor is `PNG.RunDeflater`, a
// deflate encoder built for chart images (matches at one pixel's and one row's distance, plus
// the last position of the same 4 bytes where those are short; dynamic Huffman blocks); the
// small-file setting is libdeflate level 9. Nothing time-dependent is written (no tIME), so
// output bytes depend only on pixels, options and (for libdeflate) its version. The older
// libpng + zlib writer (through the setjmp shim CPNGShim; libpng's own row writer) stays behind
// `PNG.Compressor.zlib` for the sweep's comparison and for the decoder tests' fixtures (grey,
// palette, 16-bit, interlaced files); decoding is libpng's.
//
// Trade-off (measured, see `PNG.Options.default` and bench/README.md "PNG encoder for charts"):
// on the W1–W6 figures the run deflater writes 0.88-0.92× libdeflate level 1's bytes at 1-2 ms
// a flat 1200×800 figure instead of 8-17 ms (libdeflate 1 hashes every byte it skips inside a
// match: ~2.9 M inserts on a mostly white figure); on the literal-heavy W4 (10⁵ markers) it is
// 2-8% larger and about as fast. It is Swift, not C: the parse is two or three 8-byte compares a
// position and the measured encode is already a small part of a figure's time.
//
// Credits: the PNG specification (ISO/IEC 15948, chunks and filters, CRC in annex D); RFC 1950
// and 1951 (zlib, deflate); Rich Geldreich's fpng (its own deflate with distance-limited
// matches, no general matcher); miniz's length limiting of Huffman codes; Eric Biggers'
// libdeflate; libpng's manual for the decoder and the zlib path; the namespace layout follows
// swift-png (`enum PNG`, one concept per file).

/// The namespace for PNG encoding, decoding and options.
public enum PNG {}
