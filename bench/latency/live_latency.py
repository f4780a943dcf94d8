#!/usr/bin/env python3
"""Live latency of `plotline watch`: from an appended row to both updated W1 PNGs on disk.

Usage:  python3 live_latency.py PLOTLINE_BIN W1_METRICS_CSV [--epochs 60] [--debounce 150]
        [--spacing 0.4]

Workload W1 of ../shared/bench (two figures from one metrics.csv) as a training loop writes
it: the file starts with 20 epochs; then one epoch row is appended every `--spacing` seconds.
For each append the script polls both sidecars (`<name>.png.json`, written after the PNG)
every 0.5 ms until their version moves and their row count includes the new row, and records
the time from the append's write() returning to the sidecar showing it. Prints the median,
p90 and max per figure and for "both figures done".
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from sidecars import sidecar

HERE = os.path.dirname(os.path.abspath(__file__))
ANCHORS = os.path.join(HERE, "..", "anchors")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("metrics")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--debounce", type=int, default=150)
    ap.add_argument("--spacing", type=float, default=0.4)
    args = ap.parse_args()

    with open(args.metrics) as f:
        lines = f.read().splitlines()
    header, rows = lines[0], lines[1:]
    start_rows = 20
    epochs = min(args.epochs, len(rows) - start_rows)

    work = tempfile.mkdtemp(prefix="plotline-latency-")
    try:
        csv = os.path.join(work, "metrics.csv")
        with open(csv, "w") as f:
            f.write(header + "\n" + "\n".join(rows[:start_rows]) + "\n")
        names = []
        for template in ("w1a", "w1b"):
            with open(os.path.join(ANCHORS, template + ".plot.json")) as f:
                text = f.read().replace("@DATA@", work)
            with open(os.path.join(work, template + ".plot.json"), "w") as f:
                f.write(text)
            names.append(os.path.join(work, template + ".png"))

        proc = subprocess.Popen([args.binary, "watch", work, "--quiet", "--debounce", str(args.debounce)])
        try:
            deadline = time.monotonic() + 20
            while not all((s := sidecar(n)) and s["ok"] and s["rows"] == start_rows for n in names):
                if time.monotonic() > deadline or proc.poll() is not None:
                    sys.exit("plotline watch did not render the first figures")
                time.sleep(0.01)

            per_figure = {n: [] for n in names}
            both = []
            fd = os.open(csv, os.O_WRONLY | os.O_APPEND)
            for e in range(epochs):
                expected = start_rows + e + 1
                before = {n: sidecar(n)["version"] for n in names}
                line = (rows[start_rows + e] + "\n").encode()
                t0 = time.perf_counter()
                os.write(fd, line)
                pending = set(names)
                while pending:
                    for n in list(pending):
                        s = sidecar(n)
                        if s and s["version"] > before[n] and s["rows"] >= expected:
                            per_figure[n].append((time.perf_counter() - t0) * 1e3)
                            pending.discard(n)
                    if time.perf_counter() - t0 > 10:
                        sys.exit(f"epoch {e}: no render within 10 s")
                    time.sleep(0.0005)
                both.append((time.perf_counter() - t0) * 1e3)
                time.sleep(args.spacing)
            os.close(fd)
        finally:
            proc.terminate()
            proc.wait(timeout=10)

        def line(label, xs):
            xs = sorted(xs)
            p90 = xs[int(0.9 * (len(xs) - 1))]
            print(f"| {label} | {len(xs)} | {statistics.median(xs):.1f} | {p90:.1f} | {xs[-1]:.1f} |")

        print(f"debounce {args.debounce} ms, {epochs} appends, {args.spacing} s apart")
        print("| figure | appends | median ms | p90 ms | max ms |")
        print("|---|---:|---:|---:|---:|")
        for n in names:
            line(os.path.basename(n), per_figure[n])
        line("both figures", both)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
