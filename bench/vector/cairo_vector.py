#!/usr/bin/env python3
"""cairo's SVG and PDF surfaces on the same figures, for the own-writers-or-cairo decision.

    python3 cairo_vector.py DATA_DIR OUT_DIR [runs] [workloads]

matplotlib's cairo backend (cairocffi over the system libcairo) draws mpl_workloads.py's figures
onto cairo's SVG and PDF surfaces. Reported per workload and format: median ms (matplotlib's
drawing included, so an upper bound on cairo's own cost), bytes, whether two saves give the same
bytes, and whether the labels are text (a `<text>` element in SVG; pdftotext output in PDF).
"""
import os
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "..", "shared", "bench"))

import matplotlib  # noqa: E402
matplotlib.use("module://matplotlib.backends.backend_cairo")
import matplotlib.pyplot as plt  # noqa: E402
import mpl_workloads as mw  # noqa: E402


def main():
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    workloads = sys.argv[4].split(",") if len(sys.argv) > 4 else mw.WORKLOADS
    os.makedirs(out_dir, exist_ok=True)
    print("| workload | format | cairo ms | cairo KB | same bytes twice | labels are text |")
    print("| --- | --- | ---: | ---: | --- | --- |")
    for wl in workloads:
        data = mw.load(wl, data_dir)
        for fmt in ("svg", "pdf"):
            times, outputs = [], []
            for run in range(runs + 1):
                t = time.perf_counter()
                paths = []
                for fig, path in mw.BUILDERS[wl](plt, data, out_dir):
                    path = os.path.splitext(path)[0] + f".{run}.{fmt}"
                    fig.savefig(path, format=fmt)
                    plt.close(fig)
                    paths.append(path)
                if run > 0:
                    times.append((time.perf_counter() - t) * 1000)
                outputs.append([open(p, "rb").read() for p in paths])
            same = outputs[-1] == outputs[-2]
            size = sum(len(b) for b in outputs[-1])
            first = outputs[-1][0]
            if fmt == "svg":
                text = b"<text" in first
            else:
                path = os.path.join(out_dir, "probe.pdf")
                open(path, "wb").write(first)
                text = bool(subprocess.run(["pdftotext", path, "-"], capture_output=True).stdout.strip())
            print(f"| {wl} | {fmt} | {statistics.median(times):.1f} | {size / 1000:.1f} | {'yes' if same else 'no'} | {'yes' if text else 'no'} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
