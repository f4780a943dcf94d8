// The setjmp shim between Swift and libpng's full API.
//
// libpng reports errors by longjmp, which must never cross a Swift frame. Every function here
// calls setjmp itself, turns an error into a non-zero return value and a message copied into the
// caller's buffer, and frees everything it allocated on the way out.
#ifndef PLOTLINE_PNGSHIM_H
#define PLOTLINE_PNGSHIM_H

#include <stddef.h>
#include <stdint.h>

/// The libpng version this shim was compiled against (e.g. 10639 for 1.6.39).
int plotline_png_shim_version(void);

// PNG colour types and row-filter masks, as plain constants: libpng's own are macros that do not
// all import into Swift.
static const int PLOTLINE_PNG_COLOR_GRAY = 0;
static const int PLOTLINE_PNG_COLOR_RGB = 2;
static const int PLOTLINE_PNG_COLOR_PALETTE = 3;
static const int PLOTLINE_PNG_COLOR_GRAY_ALPHA = 4;
static const int PLOTLINE_PNG_COLOR_RGBA = 6;

static const int PLOTLINE_PNG_FILTER_NONE = 0x08;
static const int PLOTLINE_PNG_FILTER_SUB = 0x10;
static const int PLOTLINE_PNG_FILTER_UP = 0x20;
static const int PLOTLINE_PNG_FILTER_AVG = 0x40;
static const int PLOTLINE_PNG_FILTER_PAETH = 0x80;
static const int PLOTLINE_PNG_FILTER_ALL = 0xf8;

// zlib strategies (values of Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE).
static const int PLOTLINE_PNG_STRATEGY_DEFAULT = 0;
static const int PLOTLINE_PNG_STRATEGY_FILTERED = 1;
static const int PLOTLINE_PNG_STRATEGY_HUFFMAN_ONLY = 2;
static const int PLOTLINE_PNG_STRATEGY_RLE = 3;

/// Bytes reserved for an error message, terminator included.
enum { PLOTLINE_PNG_ERROR_CAPACITY = 256 };

/// What to encode and how. Rows are `row_stride` bytes apart and hold samples in PNG order
/// (16-bit samples big-endian); with `strip_filler` set, an RGB image is read from 4-byte RGBX
/// pixels and the fourth byte is dropped.
typedef struct plotline_png_encode_params {
    int width, height;
    int color_type;            // PLOTLINE_PNG_COLOR_*
    int bit_depth;             // 1, 2, 4, 8 or 16, as the colour type allows
    int interlace;             // 0 none, 1 Adam7
    int strip_filler;          // RGB from RGBX rows
    size_t row_stride;
    int compression_level;     // 0...9
    int filters;               // PLOTLINE_PNG_FILTER_* mask
    int strategy;              // PLOTLINE_PNG_STRATEGY_*
    const uint8_t *palette;    // palette_count RGB triples (colour type 3)
    int palette_count;
    const uint8_t *trans;      // tRNS: palette alphas, or one 16-bit grey / RGB key
    int trans_count;
    const char *const *text_keys;    // Latin-1, 1...79 bytes each
    const char *const *text_values;  // Latin-1
    int text_count;
} plotline_png_encode_params;

/// Encodes `pixels` as PNG into a malloc'ed buffer (`*out`, `*out_size`; release with
/// plotline_png_free). No tIME chunk is written, so equal input gives equal bytes.
/// Returns 0, or non-zero with a message in `error` (PLOTLINE_PNG_ERROR_CAPACITY bytes).
int plotline_png_encode(const plotline_png_encode_params *params, const uint8_t *pixels,
                        uint8_t **out, size_t *out_size, char *error);

/// The result of decoding: straight (non-premultiplied) RGBA8 pixels and the text chunks.
/// `texts` holds `text_count` records, each: kind byte (0 tEXt, 1 zTXt, 2 iTXt), key, NUL,
/// value, NUL; `texts_size` bytes in all. Keys and values of tEXt/zTXt are Latin-1, of iTXt UTF-8.
typedef struct plotline_png_decoded {
    int width, height;
    uint8_t *rgba;       // width * height * 4 bytes, or NULL when pixels were not asked for
    uint8_t *texts;
    size_t texts_size;
    int text_count;
} plotline_png_decoded;

/// Decodes any PNG (grey, palette, 16-bit, interlaced, with or without alpha) into straight
/// RGBA8: 16-bit samples are scaled with rounding, transparency keys become alpha, no gamma
/// is applied. Images over `max_area` pixels or `max_side` on a side are refused before any
/// pixel memory is allocated. Truncated or corrupt input returns an error, never crashes.
/// With `want_pixels` 0 the image data is still read and checked but `rgba` stays NULL.
/// Release the result with plotline_png_decoded_free.
int plotline_png_decode(const uint8_t *data, size_t size, int want_pixels,
                        uint32_t max_side, uint64_t max_area,
                        plotline_png_decoded *result, char *error);

/// Frees a buffer returned by plotline_png_encode.
void plotline_png_free(void *buffer);

/// Frees the buffers inside a decode result and zeroes it.
void plotline_png_decoded_free(plotline_png_decoded *result);

#endif
