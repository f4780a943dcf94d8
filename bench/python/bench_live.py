#!/usr/bin/env python3
"""Cost of Plotline's Python helper to a training loop, measured in a real Jupyter kernel.

Starts an ipykernel through jupyter_client, runs `plotline watch` on a temp folder, shows the
figure with plotline.show (ipywidgets), then runs a CPU-bound loop that logs one row per step
for a few seconds. Inside the kernel it times every plotline.log call (perf_counter_ns around
the call, so the sidecar checks that log calls drive are included) and every displayed image
update (LiveFigure refreshes that pushed new bytes: stat, read the sidecar and the PNG, set the
widget value, serialize and queue the comm message), from the main thread and the poller.

    PLOTLINE_BIN=.build/release/plotline python3 bench/python/bench_live.py [--seconds 6]
"""

import argparse
import os
import tempfile

from kernel_run import run_in_kernel

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "python"))

KERNEL_CODE = r"""
import json, sys, threading, time, statistics
sys.path.insert(0, {python_dir!r})
import plotline, plotline.live
FOLDER = {folder!r}
CSV, JSONL = FOLDER + "/metrics.csv", FOLDER + "/metrics_j.jsonl"
watcher = plotline.watch(FOLDER)
fig = plotline.show(FOLDER + "/metrics.png")

updates = []          # (thread, ms) of refreshes that pushed new image bytes
push_ms = []          # ms of the widget value set + comm send alone
original_refresh = plotline.live.LiveFigure._refresh
def timed_refresh(self):
    t = time.perf_counter_ns()
    pushed = original_refresh(self)
    if pushed:
        updates.append((threading.current_thread().name, (time.perf_counter_ns() - t) / 1e6))
    return pushed
plotline.live.LiveFigure._refresh = timed_refresh
view = fig._view
original_show = view.show_image
def timed_show(data, caption):
    t = time.perf_counter_ns()
    original_show(data, caption)
    push_ms.append((time.perf_counter_ns() - t) / 1e6)
view.show_image = timed_show

def loop(path, seconds, columns):
    costs = []
    t0 = time.monotonic(); step = 0
    while time.monotonic() - t0 < seconds:
        metrics = {{"step": step, "loss": 1.0 / (step + 1), "acc": (step % 100) / 100.0}}
        if columns > 3:
            metrics.update({{f"m{{k}}": step * 0.5 + k for k in range(columns - 3)}})
        t = time.perf_counter_ns()
        plotline.log(path, **metrics)
        costs.append((time.perf_counter_ns() - t) / 1e3)
        step += 1
        x = sum(range(30000))  # a CPU-bound training step (about 1 ms), no sleep
    return costs, step

def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else float("nan")

result = {{}}
costs, steps = loop(CSV, {seconds}, 3)
result["log_csv"] = (statistics.median(costs), q(costs, 0.9), q(costs, 0.99), max(costs), steps)
costs, steps = loop(JSONL, {seconds} / 2, 8)
result["log_jsonl"] = (statistics.median(costs), q(costs, 0.9), q(costs, 0.99), max(costs), steps)
time.sleep(1.0)  # let the poller show the last render
main = [ms for name, ms in updates if name == "MainThread"]
poller = [ms for name, ms in updates if name != "MainThread"]
result["update_main"] = (statistics.median(main) if main else float("nan"), q(main, 0.9), q(main, 0.99), max(main, default=float("nan")), len(main))
result["update_poller"] = (statistics.median(poller) if poller else float("nan"), q(poller, 0.9), q(poller, 0.99), max(poller, default=float("nan")), len(poller))
result["push"] = (statistics.median(push_ms), q(push_ms, 0.9), q(push_ms, 0.99), max(push_ms), len(push_ms))
result["png_bytes"] = len(open(FOLDER + "/metrics.png", "rb").read())
watcher.stop()
print("RESULT " + json.dumps(result))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="length of the CSV logging loop")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="plotline-bench-")
    code = KERNEL_CODE.format(python_dir=PYTHON_DIR, folder=folder, seconds=args.seconds)
    result = run_in_kernel(code, timeout=120 + 3 * args.seconds)
    rows = [
        ("plotline.log, CSV, 3 columns (µs)", result["log_csv"], "{:.1f}"),
        ("plotline.log, JSON Lines, 8 keys (µs)", result["log_jsonl"], "{:.1f}"),
        ("image update from a log call, main thread (ms)", result["update_main"], "{:.2f}"),
        ("image update from the poller thread (ms)", result["update_poller"], "{:.2f}"),
        ("  of which widget value set + comm send (ms)", result["push"], "{:.2f}"),
    ]
    print(f"PNG size {result['png_bytes']} bytes")
    print(f"| measure | median | p90 | p99 | max | n |")
    print(f"| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (median, p90, p99, top, n), fmt in rows:
        print(f"| {name} | {fmt.format(median)} | {fmt.format(p90)} | {fmt.format(p99)} | {fmt.format(top)} | {n} |")


if __name__ == "__main__":
    main()
