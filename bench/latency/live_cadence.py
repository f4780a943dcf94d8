#!/usr/bin/env python3
"""Live cadence of `plotline watch` under a continuous stream of appends (issue 10).

Usage:  python3 live_cadence.py PLOTLINE_BIN [--seconds 10] [--period 0.005] [--busy]
        [--max-rate N] [--start-rows 200]

A W1-like training log (`metrics.csv`: epoch, loss, val_loss, acc, val_acc, lr; the curves of
../shared/bench/gen_data.py W1, generated here without numpy) starts with 200 rows, with W1's two
figures beside it: `metrics.plot.json` (bench/anchors/w1a: loss and accuracy panels; named like
the log, so it replaces the log's default figure) and `w1b.plot.json` (learning rate on a log
axis, accuracy histogram). `plotline watch` follows the folder; a writer thread appends one row
every `--period` seconds for `--seconds`, and a poller thread reads both sidecars
(`<name>.png.json`, written after the PNG) every 0.5 ms, noting when each new version appears
and how many rows it drew.

Reported per figure: refreshes per second during the stream (new sidecar versions / seconds),
the render time on the render thread (the sidecar's `ms`, median), and the latency from an
append's write() returning to the first sidecar whose figure contains that row (median, p90,
max over every appended row). `--busy` runs a second process that keeps one core busy.
"""
import argparse
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from sidecars import sidecar

HERE = os.path.dirname(os.path.abspath(__file__))
ANCHORS = os.path.join(HERE, "..", "anchors")


def w1_row(epoch, rng, n=2200):
    """One W1 row: the curves of gen_data.py's gen_w1, with its noise levels."""
    e = float(epoch)
    loss = 2.3 * math.exp(-e / 35.0) + 0.08 + rng.gauss(0, 0.02)
    val_loss = 2.3 * math.exp(-e / 38.0) + 0.15 + 0.0009 * max(e - 120, 0) ** 1.3 + rng.gauss(0, 0.04)
    acc = min(max(0.98 - 0.88 * math.exp(-e / 30.0) + rng.gauss(0, 0.008), 0), 1)
    val_acc = min(max(1 - 0.92 * math.exp(-e / 33.0) - 0.03 + rng.gauss(0, 0.02), 0), 1)
    warm = 10
    if e <= warm:
        lr = 1e-5 + (1e-3 - 1e-5) * (e - 1) / (warm - 1)
    else:
        lr = 1e-6 + 0.5 * (1e-3 - 1e-6) * (1 + math.cos(math.pi * (e - warm) / (n - warm)))
    return f"{epoch},{loss:.6f},{val_loss:.6f},{acc:.6f},{val_acc:.6f},{lr:.6e}\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--period", type=float, default=0.005)
    ap.add_argument("--start-rows", type=int, default=200)
    ap.add_argument("--busy", action="store_true", help="keep one core busy with a second process")
    ap.add_argument("--max-rate", type=float)
    args = ap.parse_args()

    rng = random.Random(1001)
    load_before = " ".join(open("/proc/loadavg").read().split()[:3])
    work = tempfile.mkdtemp(prefix="plotline-cadence-")
    busy = None
    proc = None
    try:
        csv = os.path.join(work, "metrics.csv")
        with open(csv, "w") as f:
            f.write("epoch,loss,val_loss,acc,val_acc,lr\n")
            f.writelines(w1_row(e, rng) for e in range(1, args.start_rows + 1))
        names = []
        for template, name in (("w1a", "metrics"), ("w1b", "w1b")):
            with open(os.path.join(ANCHORS, template + ".plot.json")) as f:
                text = f.read().replace("@DATA@", work)
            with open(os.path.join(work, name + ".plot.json"), "w") as f:
                f.write(text)
            names.append(os.path.join(work, name + ".png"))

        if args.busy:
            busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        cmd = [args.binary, "watch", work, "--quiet"]
        if args.max_rate:
            cmd += ["--max-rate", str(args.max_rate)]
        proc = subprocess.Popen(cmd)
        deadline = time.monotonic() + 30
        while not all((s := sidecar(n)) and s["ok"] and s["rows"] == args.start_rows for n in names):
            if time.monotonic() > deadline or proc.poll() is not None:
                sys.exit("plotline watch did not render the first figures")
            time.sleep(0.01)

        appended = []  # (perf_counter after write, rows in the file after it)
        seen = {n: [] for n in names}  # (perf_counter, version, rows, ms)
        stop = threading.Event()

        def stamp(n):
            try:
                info = os.stat(n + ".json")
            except OSError:
                return None
            return (info.st_ino, info.st_mtime_ns)

        def poller():
            # A stat per sidecar every 0.5 ms; the JSON is read only when the file was replaced
            # (the sidecar is renamed into place, so a new version is a new inode).
            last = {n: sidecar(n)["version"] for n in names}
            stamps = {n: stamp(n) for n in names}
            while not stop.is_set():
                for n in names:
                    now_stamp = stamp(n)
                    if now_stamp == stamps[n]:
                        continue
                    t = time.perf_counter()
                    stamps[n] = now_stamp
                    s = sidecar(n)
                    if s and s["version"] != last[n]:
                        last[n] = s["version"]
                        seen[n].append((t, s["version"], s["rows"], s["ms"], s["ok"]))
                time.sleep(0.0005)

        poll_thread = threading.Thread(target=poller, daemon=True)
        poll_thread.start()
        fd = os.open(csv, os.O_WRONLY | os.O_APPEND)
        rows = args.start_rows
        start = time.perf_counter()
        next_due = start
        while time.perf_counter() - start < args.seconds:
            rows += 1
            os.write(fd, w1_row(rows, rng).encode())
            appended.append((time.perf_counter(), rows))
            next_due += args.period
            pause = next_due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
        stream_end = time.perf_counter()
        os.close(fd)
        # Let the last appends land, then stop polling.
        settle = time.perf_counter() + 5
        while time.perf_counter() < settle and not all(seen[n] and seen[n][-1][2] >= rows for n in names):
            time.sleep(0.01)
        stop.set()
        poll_thread.join()
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=10)
        if busy:
            busy.kill()
            busy.wait()
        shutil.rmtree(work, ignore_errors=True)

    elapsed = stream_end - start

    def pct(xs, q):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(q * (len(xs) - 1)))]

    print(f"load average before: {load_before}; {len(appended)} appends, one every {args.period * 1e3:.1f} ms for {elapsed:.1f} s"
          f"{', a second process keeping one core busy' if args.busy else ''}"
          f"{f', --max-rate {args.max_rate:g}' if args.max_rate else ''}")
    print("| figure | refreshes/s | render ms (median) | latency median ms | p90 ms | max ms | failed renders |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    all_latencies = {}
    for n in names:
        renders = [r for r in seen[n] if r[0] <= stream_end]
        latencies = []
        k = 0
        for t, r in appended:
            while k < len(seen[n]) and seen[n][k][2] < r:
                k += 1
            if k == len(seen[n]):
                break
            latencies.append((seen[n][k][0] - t) * 1e3)
        all_latencies[n] = latencies
        ms = [r[3] for r in seen[n]]
        failed = sum(1 for r in seen[n] if not r[4])
        print(f"| {os.path.basename(n)} | {len(renders) / elapsed:.1f} | {statistics.median(ms):.1f} | "
              f"{statistics.median(latencies):.1f} | {pct(latencies, 0.9):.1f} | {max(latencies):.1f} | {failed} |")
    both_ms = statistics.median([r[3] for n in names for r in seen[n]]) * len(names)
    print(f"(one render of each figure: {both_ms:.1f} ms of render-thread time)")


if __name__ == "__main__":
    main()
