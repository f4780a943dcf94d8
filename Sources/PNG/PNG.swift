// PNG: libpng encoding and decoding of pixmaps, and atomic file output.
//
// Design: libpng's full write API through a small C shim (CPNGShim) that calls setjmp itself,
// because the simplified png_image API offers no zlib level, filter or strategy choice and no
// text chunks. Opaque pixmaps are written as RGB (libpng strips the 4th byte, no copy);
// others are demultiplied once into straight RGBA. Nothing time-dependent is written (no tIME),
// so output bytes depend only on pixels and options.
//
// Trade-off (measured, see `PNG.Options.default`): on a 1200×800 matplotlib chart, zlib level 2
// with no row filter encodes in 10.3 ms to 173 KB, where libpng's usual level 6 with adaptive
// filters takes 40 ms for 163 KB and Pillow level 6 (matplotlib) 164-179 KB in 30+ ms.
//
// Credits: libpng's manual (png_set_filter, png_set_compression_strategy, png_set_write_fn);
// the namespace layout follows swift-png (`enum PNG`, one concept per file).

/// The namespace for PNG encoding, decoding and options.
public enum PNG {}
