// Vector: the SVG and PDF players of a Scene, and the one place the output format is decided.
//
// Design. `OutputFormat` turns an output path's extension into png, svg or pdf (anything else is
// an error listing them) and `FigureEncoder` sends a Scene to the matching player, so `render`,
// `report` and `watch` share one rule. The vector players replay the same display list as the
// raster `ScenePlayer`, command by command, in device pixels: `SVGWriter` (paths, rects, clip
// groups, glyph outlines defined once and `<use>`d, markers defined once, PNG data URIs) and
// `PDFWriter` (one page; ExtGState alphas, `W n` clips, Form XObject markers, Flate image
// XObjects, TrueType subsets with ToUnicode via `PDFFont` and `TrueTypeSubset`). Text is laid
// out by the Text module's `glyphLayout`, the layout the PNG draws with (same kerning, anchors,
// rotation), so the three formats agree glyph for glyph. Numbers are written by `ByteWriter`'s
// integer formatter (two decimals in pixels), ids are counters in painting order, and there are
// no dates: identical scenes give identical bytes.
//
// Dense data. Lines arrive already reduced per pixel column (M4 in Chart), so a 10⁶-point line is
// a few thousand path points; scatter markers are one definition plus one short reference per
// point (about 40 bytes in SVG, 5–10 compressed bytes in PDF); markers wholly off the canvas are
// skipped. Heat maps are images, resampled to their drawn size with nearest-neighbour sampling
// (`NearestUpscale`, up to 4 Mpx) because librsvg and poppler smooth small images whatever the
// file asks. A scatter series with more than 50,000 markers in its plot area is embedded as an
// image of its pixels (`DenseSeries`, matplotlib's `rasterized=True`), drawn by the Raster
// module's marker stamper at one image pixel per device pixel over the clip's bounds, so it looks
// as in the PNG while text and axes stay vector: W4's 10⁵ markers are then a few hundred KB
// instead of 4.6 MB of SVG `<use>`s (bench/README.md, "Dense series as images"). The figure's `RasterizeMode` (spec `"rasterize"`, `render
// --rasterize`) forces it on (`always`) or off (`never`).
//
// Own writers, not cairo (measured in bench/README.md, "Vector output"). Through matplotlib's
// cairo backend on the same W1–W6 figures, libcairo 1.16 wrote a `/CreationDate` into every PDF,
// process-wide counter ids into SVGs (the same figure saved twice differed), SVG text as glyph
// symbols with no text to search, and larger files everywhere (W4: 51 MB SVG, 9.3 MB PDF, against
// 4.6 MB and 0.8 MB here). The writers here are ~1,500 lines over zlib (already linked for PNG),
// deterministic, lay text out with Plotline's own kerning and anchors, and write W1–W6 8–200×
// faster than matplotlib's own writers (W3's 8–11× is mostly M4, not writing); cairo would add
// cairo, pixman and fontconfig to the build. The PDF text follows PDF 32000-1 §9.7 (Type 0 /
// CIDFontType2, Identity-H, ToUnicode), as matplotlib's `pdf.fonttype 42` does; the subsetter
// follows fontTools' glyf/loca subsetting.
