// Striped deflate of PNG rows (see stripes.c); internal to the shim.
#ifndef PLOTLINE_STRIPES_H
#define PLOTLINE_STRIPES_H

#include "include/pngshim.h"

/// True when `p` describes an image the striped writer handles: 8-bit RGB from RGBX rows or
/// RGBA rows, not interlaced, filter none, no palette or transparency key.
int plotline_png_stripes_supported(const plotline_png_encode_params *p);

/// Compresses the rows of `pixels` into one complete zlib stream (header, deflate data,
/// Adler-32) in a malloc'ed buffer, `p->stripes` stripes at once. Returns 0, or 1 when zlib or
/// memory failed.
int plotline_png_deflate_stripes(const plotline_png_encode_params *p, const uint8_t *pixels,
                                 uint8_t **out, size_t *out_size);

#endif
