// The setjmp shim between Swift and libpng's full API; see include/pngshim.h.
//
// Each entry point keeps its mutable state in one heap block whose pointer is fixed before
// setjmp is called, so nothing the error path reads is an automatic variable changed after
// setjmp (those are indeterminate after longjmp). The error path copies libpng's message into
// the caller's buffer and frees the state.
#include "pngshim.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

int plotline_png_shim_version(void) { return PNG_LIBPNG_VER; }

void plotline_png_free(void *buffer) { free(buffer); }

void plotline_png_decoded_free(plotline_png_decoded *result) {
    if (!result) return;
    free(result->rgba);
    free(result->texts);
    memset(result, 0, sizeof *result);
}

static void copy_message(char *error, const char *message) {
    if (!error) return;
    size_t n = strlen(message);
    if (n >= PLOTLINE_PNG_ERROR_CAPACITY) n = PLOTLINE_PNG_ERROR_CAPACITY - 1;
    memcpy(error, message, n);
    error[n] = 0;
}

static void on_error(png_structp png, png_const_charp message) {
    copy_message((char *)png_get_error_ptr(png), message ? message : "libpng error");
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

// MARK: - Encoding

struct encode_state {
    uint8_t *data;
    size_t size, capacity;
    png_text *texts;
};

static void write_data(png_structp png, png_bytep bytes, size_t length) {
    struct encode_state *st = (struct encode_state *)png_get_io_ptr(png);
    if (length > SIZE_MAX / 2 - st->size) png_error(png, "PNG output too large");
    if (st->size + length > st->capacity) {
        size_t capacity = st->capacity ? st->capacity * 2 : 64 * 1024;
        while (capacity < st->size + length) capacity *= 2;
        uint8_t *grown = (uint8_t *)realloc(st->data, capacity);
        if (!grown) png_error(png, "out of memory for PNG output");
        st->data = grown;
        st->capacity = capacity;
    }
    memcpy(st->data + st->size, bytes, length);
    st->size += length;
}

static void flush_data(png_structp png) { (void)png; }

int plotline_png_encode(const plotline_png_encode_params *p, const uint8_t *pixels,
                        uint8_t **out, size_t *out_size, char *error) {
    *out = NULL;
    *out_size = 0;
    copy_message(error, "");
    if (p->width < 1 || p->height < 1 || !pixels) {
        copy_message(error, "empty image");
        return 1;
    }
    if (p->text_count < 0 || (p->text_count > 0 && (!p->text_keys || !p->text_values))) {
        copy_message(error, "bad text chunk list");
        return 1;
    }
    struct encode_state *st = (struct encode_state *)calloc(1, sizeof *st);
    if (!st) {
        copy_message(error, "out of memory");
        return 1;
    }
    if (p->text_count > 0) {
        st->texts = (png_text *)calloc((size_t)p->text_count, sizeof(png_text));
        if (!st->texts) {
            free(st);
            copy_message(error, "out of memory");
            return 1;
        }
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, error, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        free(st->texts);
        free(st);
        copy_message(error, "cannot create libpng write structures");
        return 1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(st->data);
        free(st->texts);
        free(st);
        return 1;
    }
    png_set_write_fn(png, st, write_data, flush_data);
    png_set_IHDR(png, info, (png_uint_32)p->width, (png_uint_32)p->height, p->bit_depth,
                 p->color_type, p->interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (p->palette_count > 0) {
        png_color colors[256];
        int n = p->palette_count > 256 ? 256 : p->palette_count;
        for (int i = 0; i < n; i++) {
            colors[i].red = p->palette[3 * i];
            colors[i].green = p->palette[3 * i + 1];
            colors[i].blue = p->palette[3 * i + 2];
        }
        png_set_PLTE(png, info, colors, n);
    }
    if (p->trans_count > 0) {
        if (p->color_type == PNG_COLOR_TYPE_PALETTE) {
            png_set_tRNS(png, info, p->trans, p->trans_count, NULL);
        } else {
            png_color_16 key;
            memset(&key, 0, sizeof key);
            // The key is given as big-endian 16-bit samples: grey, or red green blue.
            if (p->trans_count >= 2) key.gray = key.red = (png_uint_16)(p->trans[0] << 8 | p->trans[1]);
            if (p->trans_count >= 6) {
                key.green = (png_uint_16)(p->trans[2] << 8 | p->trans[3]);
                key.blue = (png_uint_16)(p->trans[4] << 8 | p->trans[5]);
            }
            png_set_tRNS(png, info, NULL, 0, &key);
        }
    }
    for (int i = 0; i < p->text_count; i++) {
        st->texts[i].compression = PNG_TEXT_COMPRESSION_NONE;
        st->texts[i].key = (png_charp)p->text_keys[i];
        st->texts[i].text = (png_charp)p->text_values[i];
        st->texts[i].text_length = strlen(p->text_values[i]);
    }
    if (p->text_count > 0) png_set_text(png, info, st->texts, p->text_count);
    png_set_compression_level(png, p->compression_level);
    png_set_compression_strategy(png, p->strategy);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, p->filters);
    png_write_info(png, info);
    if (p->strip_filler) png_set_filler(png, 0, PNG_FILLER_AFTER);
    int passes = p->interlace ? png_set_interlace_handling(png) : 1;
    for (int pass = 0; pass < passes; pass++) {
        for (int y = 0; y < p->height; y++) {
            png_write_row(png, (png_const_bytep)(pixels + (size_t)y * p->row_stride));
        }
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    *out = st->data;
    *out_size = st->size;
    free(st->texts);
    free(st);
    return 0;
}

// MARK: - Decoding

struct decode_state {
    const uint8_t *input;
    size_t input_size, position;
    uint8_t *rgba;
    png_bytep *rows;
    uint8_t *scratch_row;
    uint8_t *texts;
};

static void read_data(png_structp png, png_bytep out, size_t length) {
    struct decode_state *st = (struct decode_state *)png_get_io_ptr(png);
    if (length > st->input_size - st->position) png_error(png, "truncated PNG: unexpected end of data");
    memcpy(out, st->input + st->position, length);
    st->position += length;
}

static void free_decode_state(struct decode_state *st) {
    free(st->rgba);
    free(st->rows);
    free(st->scratch_row);
    free(st->texts);
    free(st);
}

// Serializes the text chunks as described in pngshim.h; returns the byte count.
static size_t collect_texts(png_structp png, png_infop info, struct decode_state *st, int *count) {
    png_textp texts = NULL;
    int n = 0;
    png_get_text(png, info, &texts, &n);
    *count = 0;
    if (n <= 0) return 0;
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        total += 1 + strlen(texts[i].key) + 1 + (texts[i].text ? strlen(texts[i].text) : 0) + 1;
    }
    st->texts = (uint8_t *)malloc(total);
    if (!st->texts) png_error(png, "out of memory for text chunks");
    uint8_t *w = st->texts;
    for (int i = 0; i < n; i++) {
        int c = texts[i].compression;
        *w++ = c == PNG_TEXT_COMPRESSION_NONE ? 0 : c == PNG_TEXT_COMPRESSION_zTXt ? 1 : 2;
        size_t k = strlen(texts[i].key);
        memcpy(w, texts[i].key, k + 1);
        w += k + 1;
        const char *value = texts[i].text ? texts[i].text : "";
        size_t v = strlen(value);
        memcpy(w, value, v + 1);
        w += v + 1;
    }
    *count = n;
    return total;
}

int plotline_png_decode(const uint8_t *data, size_t size, int want_pixels,
                        uint32_t max_side, uint64_t max_area,
                        plotline_png_decoded *result, char *error) {
    memset(result, 0, sizeof *result);
    copy_message(error, "");
    if (!data || size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        copy_message(error, size < 8 ? "not a PNG file (too short)" : "not a PNG file (bad signature)");
        return 1;
    }
    struct decode_state *st = (struct decode_state *)calloc(1, sizeof *st);
    if (!st) {
        copy_message(error, "out of memory");
        return 1;
    }
    st->input = data;
    st->input_size = size;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, error, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_read_struct(&png, &info, NULL);
        free_decode_state(st);
        copy_message(error, "cannot create libpng read structures");
        return 1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        free_decode_state(st);
        return 1;
    }
    png_set_read_fn(png, st, read_data);
    png_set_user_limits(png, max_side, max_side);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    int bit_depth = png_get_bit_depth(png, info);
    int color_type = png_get_color_type(png, info);
    if ((uint64_t)width * height > max_area) png_error(png, "image too large");

    int has_trns = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (has_trns) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_scale_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    if (!(color_type & PNG_COLOR_MASK_ALPHA) && !has_trns) png_set_add_alpha(png, 0xff, PNG_FILLER_AFTER);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    if (row_bytes != (size_t)width * 4) png_error(png, "unexpected row size after transformations");

    if (want_pixels) {
        st->rgba = (uint8_t *)malloc(row_bytes * height);
        st->rows = (png_bytep *)malloc(sizeof(png_bytep) * height);
        if (!st->rgba || !st->rows) png_error(png, "out of memory for pixels");
        for (png_uint_32 y = 0; y < height; y++) st->rows[y] = st->rgba + (size_t)y * row_bytes;
        png_read_image(png, st->rows);
    } else {
        st->scratch_row = (uint8_t *)malloc(row_bytes);
        if (!st->scratch_row) png_error(png, "out of memory for a row");
        for (int pass = 0; pass < passes; pass++) {
            for (png_uint_32 y = 0; y < height; y++) png_read_row(png, st->scratch_row, NULL);
        }
    }
    png_read_end(png, info);
    int text_count = 0;
    size_t texts_size = collect_texts(png, info, st, &text_count);
    png_destroy_read_struct(&png, &info, NULL);

    result->width = (int)width;
    result->height = (int)height;
    result->rgba = st->rgba;
    result->texts = st->texts;
    result->texts_size = texts_size;
    result->text_count = text_count;
    st->rgba = NULL;
    st->texts = NULL;
    free_decode_state(st);
    return 0;
}
