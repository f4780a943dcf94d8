#!/usr/bin/env python3
"""Checks PNGs written by two Plotline builds with Python's zlib, independent of libpng.

    python3 bench/png/zlib_check.py OLD_DIR NEW_DIR

For every *.png in NEW_DIR: checks the signature and every chunk's CRC (zlib.crc32), joins the
IDAT chunks, inflates them with zlib.decompress (which checks the Adler-32), checks the row
count and size from IHDR, undoes the row filters, and compares the pixels with OLD_DIR's file
of the same name decoded the same way. Exit status 1 on any difference.
"""
import os
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    at, idat, ihdr, types = 8, [], None, []
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind = data[at + 4:at + 8]
        body = data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"{path}: bad CRC in {kind}"
        types.append(kind.decode())
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        at += 12 + length
    width, height, depth, color, _, _, interlace = ihdr
    assert depth == 8 and interlace == 0 and color in (2, 6), f"{path}: unexpected IHDR {ihdr}"
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = 1 + width * bpp
    assert len(raw) == stride * height, f"{path}: {len(raw)} bytes inflated, {stride * height} expected"
    rows, prev = [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        if f == 1:
            for i in range(bpp, len(line)):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            for i in range(len(line)):
                line[i] = (line[i] + prev[i]) & 255
        elif f != 0:
            raise AssertionError(f"{path}: filter {f} not handled by this check")
        rows.append(bytes(line))
        prev = line
    return (width, height, color), b"".join(rows), types


def main():
    old_dir, new_dir = sys.argv[1], sys.argv[2]
    bad = 0
    names = sorted(n for n in os.listdir(new_dir) if n.endswith(".png"))
    for name in names:
        head_new, px_new, types = decode(os.path.join(new_dir, name))
        head_old, px_old, _ = decode(os.path.join(old_dir, name))
        same = head_new == head_old and px_new == px_old
        bad += not same
        print(f"{name}: {'same pixels' if same else 'DIFFERENT'} {head_new} chunks {','.join(types)} "
              f"{os.path.getsize(os.path.join(old_dir, name))} -> {os.path.getsize(os.path.join(new_dir, name))} bytes")
    print(f"{len(names)} files, {bad} different")
    sys.exit(1 if bad or not names else 0)


if __name__ == "__main__":
    main()
