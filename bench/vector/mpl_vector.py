#!/usr/bin/env python3
"""matplotlib's savefig(format="svg"/"pdf") on workloads W1-W6, timed in-process.

    python3 mpl_vector.py DATA_DIR OUT_DIR [runs] > mpl.json

The figures are ../shared/bench/mpl_workloads.py's (the anchors' definitions), saved with
matplotlib's defaults (svg.fonttype "path", pdf.fonttype 3, no metadata dates: SOURCE_DATE_EPOCH
fixed). Data is loaded once, untimed; timed per workload and format, median of `runs` after one
warm-up: build the figure(s) + savefig + close, as plotline-vector-bench times spec -> file.
"""
import json
import os
import statistics
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "..", "shared", "bench"))
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")

import matplotlib  # noqa: E402
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import mpl_workloads as mw  # noqa: E402


def main():
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    os.makedirs(out_dir, exist_ok=True)
    results = []
    for wl in mw.WORKLOADS:
        data = mw.load(wl, data_dir)
        for fmt in ("png", "svg", "pdf"):
            times, size = [], 0
            for run in range(runs + 1):
                t = time.perf_counter()
                paths = []
                for fig, path in mw.BUILDERS[wl](plt, data, out_dir):
                    path = os.path.splitext(path)[0] + "." + fmt
                    fig.savefig(path, format=fmt)
                    plt.close(fig)
                    paths.append(path)
                ms = (time.perf_counter() - t) * 1000
                if run > 0:
                    times.append(ms)
                size = sum(os.path.getsize(p) for p in paths)
            times.sort()
            results.append({"workload": wl, "format": fmt, "median_ms": statistics.median(times),
                            "min_ms": times[0], "max_ms": times[-1], "bytes": size, "runs": runs})
            print(f"{wl} {fmt}: {statistics.median(times):.1f} ms, {size} bytes", file=sys.stderr)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
