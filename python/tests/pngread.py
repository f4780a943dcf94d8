"""A small PNG decoder for tests (8-bit RGB / RGBA, not interlaced): zlib and the five row filters."""

import struct
import zlib


def read_png(data):
    """(width, height, channels, rows) of PNG bytes; rows is a list of bytearrays."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and color in (2, 6) and interlace == 0, (depth, color, interlace)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    channels = 4 if color == 6 else 3
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prior = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                row[i] = (row[i] + row[i - channels]) & 0xFF
        elif kind == 2:
            row = bytearray((a + b) & 0xFF for a, b in zip(row, prior))
        elif kind == 3:
            for i in range(stride):
                left = row[i - channels] if i >= channels else 0
                row[i] = (row[i] + ((left + prior[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = row[i - channels] if i >= channels else 0
                b, c = prior[i], (prior[i - channels] if i >= channels else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(row)
        prior = row
    return width, height, channels, rows


def region_differs(a, b, x0, x1):
    """True when two decoded images of one size differ anywhere in columns x0..x1."""
    width, height, channels, rows_a = a
    _, _, _, rows_b = b
    return any(ra[x0 * channels:x1 * channels] != rb[x0 * channels:x1 * channels] for ra, rb in zip(rows_a, rows_b))


def distinct_colors(image, x0, x1):
    """The number of distinct pixel colours in columns x0..x1."""
    width, height, channels, rows = image
    seen = set()
    for row in rows:
        part = bytes(row[x0 * channels:x1 * channels])
        for i in range(0, len(part), channels * 3):
            seen.add(part[i:i + channels])
    return len(seen)
