#!/usr/bin/env python3
"""Writes the PNG fixtures of PNGTests with Pillow, an encoder independent of ours.

Each is 4x4; the pixel formulas are repeated in PNGFixtureTests.swift.
  python3 make_fixtures.py   (in this folder)
"""
from PIL import Image

W = H = 4

p = Image.new("P", (W, H))
p.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
p.putdata([(x + y) % 4 for y in range(H) for x in range(W)])
p.save("pil_palette_trns.png", transparency=bytes([255, 128, 0, 255]))

g16 = Image.new("I;16", (W, H))
g16.putdata([x * 16000 + y * 1000 + 7 for y in range(H) for x in range(W)])
g16.save("pil_gray16.png")

one = Image.new("1", (W, H))
one.putdata([255 if (x + y) % 2 else 0 for y in range(H) for x in range(W)])
one.save("pil_gray1.png")

la = Image.new("LA", (W, H))
la.putdata([(x * 60, y * 80 + 15) for y in range(H) for x in range(W)])
la.save("pil_gray_alpha.png")
