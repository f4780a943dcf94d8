#!/usr/bin/env python3
"""matplotlib Agg on the rasterizer workloads A1-A5 and the PNG encode (B), for bench/run.sh.

Writes the workload data as raw little-endian float64 files into DATA so that plotline-bench
draws exactly the same primitives, then times matplotlib's Agg renderer on them, in-process
(draw calls only; canvas cleared outside the timing), the way ../shared/bench/floors-2026-11-25.md
describes: path simplification off, RendererAgg called directly.

Usage: python3 agg_raster.py DATA_DIR [--runs 9] [--json out.json]
"""
import argparse
import io
import json
import os
import statistics
import sys
import time

import numpy as np

W, H, DPI = 1200, 800, 100
LABELS = ["1.25e-3", "epoch", "val_loss", "learning rate", "0.5", "accuracy", "−2.0",
          "step", "loss", "10⁴", "val_accuracy", "throughput", "2026-11-25", "σ = 0.31"]


def write(path, arr):
    np.asarray(arr, dtype="<f8").tofile(path)


def make_data(d):
    os.makedirs(d, exist_ok=True)
    for name, n in (("line10k", 10_000), ("line1m", 1_000_000)):
        rng = np.random.default_rng(42)
        y = np.cumsum(rng.normal(0, 1, n + 1))
        y = 20 + (y - y.min()) / (y.max() - y.min()) * 760
        x = np.linspace(5, 1195, n + 1)
        write(os.path.join(d, name + ".f64"), np.column_stack([x, y]).ravel())
    rng = np.random.default_rng(43)
    write(os.path.join(d, "circles.f64"),
          np.column_stack([rng.uniform(0, W, 100_000), rng.uniform(0, H, 100_000)]).ravel())
    rng = np.random.default_rng(44)
    x = rng.uniform(5, 1170, 2000)
    w = rng.uniform(1.5, 20, 2000)
    h = rng.uniform(5, 700, 2000)
    write(os.path.join(d, "rects.f64"), np.column_stack([x, 779.3 - h, w, h]).ravel())
    rng = np.random.default_rng(45)
    pos = np.column_stack([rng.uniform(10, 1100, 300), rng.uniform(20, 790, 300),
                           rng.integers(0, len(LABELS), 300)])
    write(os.path.join(d, "labels.f64"), pos.ravel())
    with open(os.path.join(d, "labels.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(LABELS) + "\n")


def timed(fn, clear, runs):
    clear(); fn()  # first run: warms caches
    out = []
    for _ in range(runs):
        clear()
        t = time.perf_counter(); fn(); out.append((time.perf_counter() - t) * 1000)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--json")
    a = ap.parse_args()
    make_data(a.data)

    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["path.simplify"] = False
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.path import Path
    from matplotlib.transforms import Affine2D, IdentityTransform
    from matplotlib.font_manager import FontProperties
    from matplotlib.backend_bases import GraphicsContextBase

    r = RendererAgg(W, H, DPI)
    def clear():
        r.clear()
    def gc(lw=1.5, color=(0.12, 0.47, 0.71, 1.0)):
        g = r.new_gc(); g.set_linewidth(lw * 72 / DPI); g.set_joinstyle("round")
        g.set_capstyle("round"); g.set_foreground(color); g.set_antialiased(True); g.set_snap(False)
        return g
    load = lambda n: np.fromfile(os.path.join(a.data, n + ".f64"), dtype="<f8")
    res = {}
    ident = IdentityTransform()
    for name in ("line10k", "line1m"):
        xy = load(name).reshape(-1, 2).copy(); xy[:, 1] = H - xy[:, 1]  # Agg is y-up
        p = Path(xy); assert not p.should_simplify
        g = gc()
        res[name] = timed(lambda: r.draw_path(g, p, ident), clear, a.runs)
    c = load("circles").reshape(-1, 2).copy(); c[:, 1] = H - c[:, 1]
    unit = Path.unit_circle(); marker_t = Affine2D().scale(1.5)
    g = gc(0); g.set_linewidth(0); g.set_alpha(0.3)
    blue = (0.12, 0.47, 0.71, 0.3)
    res["circles"] = timed(lambda: r.draw_markers(g, unit, marker_t, Path(c), ident, blue), clear, a.runs)
    rects = load("rects").reshape(-1, 4)
    g2 = gc(0); g2.set_linewidth(0)
    paths = [Path([(x, H - y), (x + w, H - y), (x + w, H - y - h), (x, H - y - h), (x, H - y)], closed=True)
             for x, y, w, h in rects]
    orange = (1.0, 0.5, 0.05, 1.0)
    def bars():
        for p in paths:
            r.draw_path(g2, p, ident, orange)
    res["rects"] = timed(bars, clear, a.runs)
    lab = load("labels").reshape(-1, 3)
    fp = FontProperties(family="DejaVu Sans", size=10)
    g3 = gc(0); g3.set_foreground((0, 0, 0, 1))
    def text():
        for x, y, k in lab:
            r.draw_text(g3, x, H - y, LABELS[int(k)], fp, 0)
    res["text"] = timed(text, clear, a.runs)

    # B: PNG encode of a realistic chart: matplotlib's own W2 figure (2x2 panels, 12 lines,
    # legends, grid), saved once; Pillow level 6 is what savefig uses.
    import matplotlib.pyplot as plt
    from PIL import Image
    rng = np.random.default_rng(2002)
    fig, axes = plt.subplots(2, 2, figsize=(12, 8), dpi=100)
    x = np.arange(10_000)
    for k, ax in enumerate(axes.flat):
        for s in "abc":
            ax.plot(x, np.cumsum(rng.normal(0, 1, x.size)), lw=1, label=f"p{k + 1}_{s}")
        ax.grid(True); ax.legend(); ax.set_title(f"panel {k + 1}")
    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba()).copy()
    img = Image.fromarray(rgba)
    png_path = os.path.join(a.data, "chart_w2.png")
    img.save(png_path, compress_level=6)
    def enc():
        buf = io.BytesIO(); img.save(buf, format="PNG", compress_level=6); return buf
    res["png_encode"] = timed(enc, lambda: None, a.runs)
    size = len(enc().getvalue())

    out = {k: {"median": statistics.median(v), "min": min(v), "max": max(v), "runs": v} for k, v in res.items()}
    out["png_encode"]["bytes"] = size
    out["versions"] = {"matplotlib": matplotlib.__version__, "numpy": np.__version__,
                       "python": sys.version.split()[0]}
    js = json.dumps(out, indent=1)
    if a.json:
        with open(a.json, "w") as f:
            f.write(js)
    for k in ("line10k", "line1m", "circles", "rects", "text", "png_encode"):
        print(f"agg {k:12s} median {out[k]['median']:8.2f} ms  [{out[k]['min']:.2f}-{out[k]['max']:.2f}]")
    print(f"pillow level 6 size {size / 1000:.0f} KB")


if __name__ == "__main__":
    main()
