#!/usr/bin/env python3
"""Two (or more) plotline binaries on the anchor workloads, alternating run by run.

    python3 bench/anchors/alternate.py DATA_DIR [--runs 21] [--workloads W1,W6] [--anchors] NAME=BIN NAME=BIN ...

Each run is the anchor wrapper (bench/anchors/plotline-anchor.sh) with PLOTLINE_BIN set, whole
process: wall time, and the CPU time (user + system, all threads) of the child from wait4. The
binaries take turns within every round, and the order of the binaries rotates each round, so
a change of machine load hits all of them alike. One untimed warm-up run each. Prints, per
workload and binary, the median and [min-max] of wall and CPU milliseconds, and each binary's
median ratio to the first. --anchors adds gnuplot (`gnuplot -c wN.gp`) and python+matplotlib
(`mpl_cli.py WN`) from ../shared/bench (SHARED_BENCH) to the rotation, and each binary's ratio
to them (the issue's targets: ≥ 5× gnuplot, ≥ 20× matplotlib).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


SHARED_BENCH = os.environ.get("SHARED_BENCH", os.path.join(HERE, "..", "..", "..", "shared", "bench"))


def command(binary, workload, data, out):
    if binary == "gnuplot":
        return ["gnuplot", "-c", os.path.join(SHARED_BENCH, "gnuplot", workload.lower() + ".gp"), data, out]
    if binary == "matplotlib":
        return [sys.executable, os.path.join(SHARED_BENCH, "mpl_cli.py"), workload, data, out]
    return [os.path.join(HERE, "plotline-anchor.sh"), workload, data, out]


def run(binary, workload, data, out):
    env = dict(os.environ, PLOTLINE_BIN=binary)
    os.makedirs(out, exist_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(command(binary, workload, data, out), env=env,
                            stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{binary} {workload} failed with status {status}")
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("binaries", nargs="+", help="NAME=PATH")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--workloads", default="W1,W2,W3,W4,W5,W6")
    parser.add_argument("--out", default="/tmp/plotline-alternate")
    parser.add_argument("--anchors", action="store_true", help="add gnuplot and matplotlib to the rotation")
    args = parser.parse_args()
    binaries = [b.split("=", 1) for b in args.binaries]
    if args.anchors:
        binaries += [["gnuplot", "gnuplot"], ["mpl", "matplotlib"]]
    for workload in args.workloads.split(","):
        times = {name: ([], []) for name, _ in binaries}
        for name, path in binaries:
            run(path, workload, args.data, f"{args.out}/{name}/{workload}")
        for r in range(args.runs):
            shift = r % len(binaries)
            for name, path in binaries[shift:] + binaries[:shift]:
                wall, cpu = run(path, workload, args.data, f"{args.out}/{name}/{workload}")
                times[name][0].append(wall)
                times[name][1].append(cpu)
        first = binaries[0][0]
        for name, _ in binaries:
            wall, cpu = times[name]
            ratio = statistics.median(wall) / statistics.median(times[first][0])
            cpu_ratio = statistics.median(cpu) / statistics.median(times[first][1])
            print(f"{workload} {name:>8}: wall {statistics.median(wall):7.1f} [{min(wall):.1f}-{max(wall):.1f}] ms"
                  f"  cpu {statistics.median(cpu):7.1f} [{min(cpu):.1f}-{max(cpu):.1f}] ms"
                  f"  (wall ×{ratio:.3f}, cpu ×{cpu_ratio:.3f} of {first})", flush=True)
        if args.anchors:
            for name, path in binaries:
                if path in ("gnuplot", "matplotlib"):
                    continue
                mine = statistics.median(times[name][0])
                print(f"{workload} {name:>8}: {statistics.median(times['gnuplot'][0]) / mine:.2f}× gnuplot, "
                      f"{statistics.median(times['mpl'][0]) / mine:.1f}× matplotlib (wall medians)", flush=True)


if __name__ == "__main__":
    main()
