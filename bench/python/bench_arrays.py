#!/usr/bin/env python3
"""Cost to a training loop of updating figures whose arrays are replaced each step, in a real Jupyter kernel.

Starts an ipykernel through jupyter_client and, inside it, `plotline watch` on a temp folder
(so renders compete with the loop for the two cores, as in a notebook), then builds figures
with the Python figure API and replaces their arrays from a loop: one ``Figure.update`` per
step, between steps about 20 ms of CPU-bound work (a training step; no sleep). It times every
update call with perf_counter_ns: what the loop pays (encoding and copying the array, queueing
the commit for the figure writer thread), and with ``wait=True`` the whole commit in the loop's
thread (.npy write and rename; for two arrays the spec commit and pruning).

    PLOTLINE_BIN=.build/release/plotline python3 bench/python/bench_arrays.py [--updates 150] [--no-numpy]

`--no-numpy` hides numpy in the kernel (``sys.modules["numpy"] = None``): the arrays are then
``array.array("d")`` / lists, written with the standard library.
"""

import argparse
import os
import tempfile

from kernel_run import run_in_kernel

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "python"))

KERNEL_CODE = r"""
import array, csv, io, json, os, random, statistics, sys, time
if {no_numpy!r}:
    sys.modules["numpy"] = None
sys.path.insert(0, {python_dir!r})
import plotline
FOLDER = {folder!r}
watcher = plotline.watch(FOLDER)
try:
    import numpy as np
    rng = np.random.default_rng(0)
    vector = lambda k: rng.normal(size=10_000) * (1 + k % 7)
    matrix = lambda k: rng.random((256, 256)) + k
    pairs = lambda k: rng.normal(size=(10_000, 2)) * (1 + k % 5)
except ImportError:
    random.seed(0)
    vector = lambda k: array.array("d", (random.gauss(0, 1 + k % 7) for _ in range(10_000)))
    matrix = lambda k: [[random.random() + k for _ in range(256)] for _ in range(256)]
    pairs = lambda k: [[random.gauss(0, 1), random.gauss(0, 1)] for _ in range(10_000)]

def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]

def run(figure, make, n, wait=False):
    inputs = [make(k) for k in range(8)]  # made before timing: the data is the loop's own
    costs = []
    for k in range(n):
        data = inputs[k % 8]
        t = time.perf_counter_ns()
        figure.update(wait=wait, **data)
        costs.append((time.perf_counter_ns() - t) / 1e6)
        x = sum(range(600_000))  # a training step, about 20 ms of CPU, no sleep
    figure.flush()
    return [statistics.median(costs), q(costs, 0.9), q(costs, 0.99), max(costs), len(costs)]

result = {{}}
hist = plotline.Figure(FOLDER + "/weights")
hist.panel("weights").histogram(vector(0), name="w", bins=50)
hist.write()
result["hist"] = run(hist, lambda k: {{"w": vector(k)}}, {updates})

heat = plotline.Figure(FOLDER + "/activations")
heat.panel("activations").heatmap(matrix(0), name="a")
heat.write()
result["heat"] = run(heat, lambda k: {{"a": matrix(k)}}, {updates})

emb = plotline.Figure(FOLDER + "/embedding", size=(800, 800))
emb.panel("embedding").scatter(pairs(0), name="e", x=0, y=1, markersize=2, alpha=0.3)
emb.write()
result["emb"] = run(emb, lambda k: {{"e": pairs(k)}}, {updates})

both = plotline.Figure(FOLDER + "/both", layout=(1, 2))
both.panel("weights").histogram(vector(0), name="w", bins=50)
both.panel("activations").heatmap(matrix(0), name="a")
both.write()
result["both"] = run(both, lambda k: {{"w": vector(k), "a": matrix(k)}}, {updates})
result["hist_wait"] = run(hist, lambda k: {{"w": vector(k)}}, {updates}, wait=True)
result["heat_wait"] = run(heat, lambda k: {{"a": matrix(k)}}, {updates}, wait=True)

def floor(n):
    # The same 80 KB with no plotline code: open, write, close, rename (what the file system costs now).
    payload = bytes(80_128)
    costs = []
    for k in range(n):
        t = time.perf_counter_ns()
        with open(FOLDER + "/.floor.tmp", "wb") as f:
            f.write(payload)
        os.replace(FOLDER + "/.floor.tmp", FOLDER + "/floor.bin")
        costs.append((time.perf_counter_ns() - t) / 1e6)
        x = sum(range(600_000))
    return [statistics.median(costs), q(costs, 0.9), q(costs, 0.99), max(costs), len(costs)]
result["floor"] = floor({updates})

def as_csv(values):
    out = io.StringIO(); w = csv.writer(out)
    w.writerow(["value"]); w.writerows([v] for v in values)
    with open(FOLDER + "/weights_text.csv", "w") as f:
        f.write(out.getvalue())
values = [float(v) for v in vector(1)]
costs = []
for k in range(30):
    t = time.perf_counter_ns(); as_csv(values); costs.append((time.perf_counter_ns() - t) / 1e6)
result["csv"] = [statistics.median(costs), q(costs, 0.9), q(costs, 0.99), max(costs), len(costs)]
time.sleep(1.5)
result["rendered"] = {{name: (plotline.read_status(FOLDER + "/" + name + ".png") or plotline.Status()).version
                       for name in ("weights", "activations", "embedding", "both")}}
watcher.stop()
print("RESULT " + json.dumps(result))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=150, help="updates per figure")
    parser.add_argument("--no-numpy", action="store_true", help="hide numpy in the kernel")
    args = parser.parse_args()
    print("load average before:", " ".join(open("/proc/loadavg").read().split()[:3]))
    folder = tempfile.mkdtemp(prefix="plotline-bench-arrays-")
    code = KERNEL_CODE.format(python_dir=PYTHON_DIR, folder=folder, updates=args.updates, no_numpy=args.no_numpy)
    result = run_in_kernel(code, timeout=600)
    rows = [
        ("histogram of 10^4 float64 (one .npy)", result["hist"]),
        ("heat map of 256×256 float64 (one .npy)", result["heat"]),
        ("scatter of 10^4 × 2 embeddings (one .npy)", result["emb"]),
        ("both arrays of one figure (two .npy + spec commit)", result["both"]),
        ("histogram of 10^4, wait=True (written before returning)", result["hist_wait"]),
        ("heat map of 256×256, wait=True", result["heat_wait"]),
        ("reference: 80 KB written and renamed, no plotline code", result["floor"]),
        ("reference: the 10^4 values as CSV text (csv module)", result["csv"]),
    ]
    print("numpy hidden" if args.no_numpy else "numpy", "| renders seen:", result["rendered"],
          "| load average after:", " ".join(open("/proc/loadavg").read().split()[:3]))
    print("| update (ms) | median | p90 | p99 | max | n |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (median, p90, p99, top, n) in rows:
        print(f"| {name} | {median:.2f} | {p90:.2f} | {p99:.2f} | {top:.2f} | {n} |")


if __name__ == "__main__":
    main()
