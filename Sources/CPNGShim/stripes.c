// Striped deflate: one PNG image's IDAT stream compressed by several threads at once.
//
// After pigz: the rows are cut into horizontal stripes, each stripe is compressed by its own
// raw deflate stream (no shared window), every stripe but the last ends with a sync flush (an
// empty stored block, so the next stripe starts on a byte boundary) and the last with the final
// block; the zlib header and the Adler-32 of all rows (joined with adler32_combine) wrap the
// concatenation. A decoder sees one ordinary zlib stream; matches simply never reach back across
// a stripe boundary, which costs well under 1% of the size on figure images. The stripe count
// depends on the image size only, never on the machine, so equal input gives equal bytes.
// Rows are written with filter type 0 (none), which is what PNG.Options.default uses.
#include "stripes.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct stripe_job {
    const plotline_png_encode_params *p;
    const uint8_t *pixels;
    int y0, y1, last;
    size_t out_bpp;
    uint8_t *out;
    size_t out_size;
    uLong adler;
    int failed;
} stripe_job;

static void *compress_stripe(void *arg) {
    stripe_job *j = (stripe_job *)arg;
    const plotline_png_encode_params *p = j->p;
    size_t width = (size_t)p->width;
    size_t row_bytes = width * j->out_bpp;
    size_t raw = (row_bytes + 1) * (size_t)(j->y1 - j->y0);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, p->compression_level, Z_DEFLATED, -15, 8, p->strategy) != Z_OK) {
        j->failed = 1;
        return NULL;
    }
    size_t capacity = deflateBound(&z, (uLong)raw) + 64;
    uint8_t *row = p->strip_filler ? (uint8_t *)malloc(row_bytes) : NULL;
    j->out = (uint8_t *)malloc(capacity);
    if (!j->out || (p->strip_filler && !row)) {
        free(row);
        deflateEnd(&z);
        j->failed = 1;
        return NULL;
    }
    z.next_out = j->out;
    z.avail_out = (uInt)capacity;
    static const Bytef filter_none = 0;
    uLong adler = adler32(0L, Z_NULL, 0);
    for (int y = j->y0; y < j->y1 && !j->failed; y++) {
        const uint8_t *src = j->pixels + (size_t)y * p->row_stride;
        if (row) {  // RGBX -> RGB
            for (size_t x = 0; x < width; x++) {
                row[3 * x] = src[4 * x];
                row[3 * x + 1] = src[4 * x + 1];
                row[3 * x + 2] = src[4 * x + 2];
            }
            src = row;
        }
        adler = adler32(adler, &filter_none, 1);
        adler = adler32(adler, src, (uInt)row_bytes);
        z.next_in = (Bytef *)&filter_none;
        z.avail_in = 1;
        if (deflate(&z, Z_NO_FLUSH) != Z_OK || z.avail_in != 0) j->failed = 1;
        z.next_in = (Bytef *)src;
        z.avail_in = (uInt)row_bytes;
        int flush = y + 1 < j->y1 ? Z_NO_FLUSH : (j->last ? Z_FINISH : Z_SYNC_FLUSH);
        int r = deflate(&z, flush);
        if (z.avail_in != 0 || (flush == Z_FINISH ? r != Z_STREAM_END : r != Z_OK)) j->failed = 1;
    }
    j->out_size = capacity - z.avail_out;
    j->adler = adler;
    deflateEnd(&z);
    free(row);
    return NULL;
}

int plotline_png_stripes_supported(const plotline_png_encode_params *p) {
    return !p->interlace && p->bit_depth == 8 && p->filters == PLOTLINE_PNG_FILTER_NONE &&
           p->palette_count == 0 && p->trans_count == 0 &&
           ((p->color_type == PLOTLINE_PNG_COLOR_RGB && p->strip_filler) ||
            (p->color_type == PLOTLINE_PNG_COLOR_RGBA && !p->strip_filler));
}

int plotline_png_stripe_count(int width, int height) {
    // One stripe for small images (a thread costs more than it saves), else two: the machines
    // this runs on have two cores or more, and more stripes would only cost size.
    if ((long)width * (long)height < 256L * 256L || height < 64) return 1;
    return 2;
}

int plotline_png_deflate_stripes(const plotline_png_encode_params *p, const uint8_t *pixels,
                                 uint8_t **out, size_t *out_size) {
    *out = NULL;
    *out_size = 0;
    enum { MAX_STRIPES = 8 };
    int n = p->stripes < 1 ? 1 : (p->stripes > MAX_STRIPES ? MAX_STRIPES : p->stripes);
    if (n > p->height) n = p->height;
    stripe_job jobs[MAX_STRIPES];
    memset(jobs, 0, sizeof jobs);
    for (int i = 0; i < n; i++) {
        jobs[i].p = p;
        jobs[i].pixels = pixels;
        jobs[i].y0 = (int)((long)p->height * i / n);
        jobs[i].y1 = (int)((long)p->height * (i + 1) / n);
        jobs[i].last = i == n - 1;
        jobs[i].out_bpp = p->color_type == PLOTLINE_PNG_COLOR_RGBA ? 4 : 3;
    }
    // Every stripe but the last on its own thread; the last on this one.
    pthread_t threads[MAX_STRIPES];
    int started[MAX_STRIPES] = {0};
    for (int i = 0; i < n - 1; i++) {
        started[i] = pthread_create(&threads[i], NULL, compress_stripe, &jobs[i]) == 0;
        if (!started[i]) compress_stripe(&jobs[i]);
    }
    compress_stripe(&jobs[n - 1]);
    for (int i = 0; i < n - 1; i++) {
        if (started[i]) pthread_join(threads[i], NULL);
    }
    int failed = 0;
    size_t total = 2 + 4;
    for (int i = 0; i < n; i++) {
        failed |= jobs[i].failed;
        total += jobs[i].out_size;
    }
    uint8_t *buffer = failed ? NULL : (uint8_t *)malloc(total);
    if (buffer) {
        // zlib header: deflate, 32 KiB window, FLEVEL from the level as zlib writes it.
        int level = p->compression_level;
        int flevel = level < 2 ? 0 : (level < 6 ? 1 : (level == 6 ? 2 : 3));
        unsigned cmf = 0x78, flg = (unsigned)flevel << 6;
        flg += 31 - (cmf * 256 + flg) % 31;
        buffer[0] = (uint8_t)cmf;
        buffer[1] = (uint8_t)flg;
        size_t at = 2;
        uLong adler = jobs[0].adler;
        for (int i = 0; i < n; i++) {
            memcpy(buffer + at, jobs[i].out, jobs[i].out_size);
            at += jobs[i].out_size;
            if (i > 0) {
                size_t rows = (size_t)(jobs[i].y1 - jobs[i].y0);
                z_off_t length = (z_off_t)(rows * (1 + (size_t)p->width * jobs[i].out_bpp));
                adler = adler32_combine(adler, jobs[i].adler, length);
            }
        }
        buffer[at++] = (uint8_t)(adler >> 24);
        buffer[at++] = (uint8_t)(adler >> 16);
        buffer[at++] = (uint8_t)(adler >> 8);
        buffer[at++] = (uint8_t)adler;
        *out = buffer;
        *out_size = at;
    }
    for (int i = 0; i < n; i++) free(jobs[i].out);
    return buffer ? 0 : 1;
}
