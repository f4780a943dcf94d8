"""Writes a TensorBoard event file of 10^6 scalar events with tensorboardX, then times
tensorboard's own EventAccumulator reading it (the reference for plotline-events-bench).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install tensorboardX tensorboard
    /tmp/venv/bin/python bench/events/events_bench.py /tmp/benchdata/events [runs]

The file has four tags (train/loss, val/loss, lr, train/accuracy) × 250,000 steps, one scalar
per event, as PyTorch's SummaryWriter.add_scalar writes them. Prints the file's path and size,
then EventAccumulator's Reload() time per run (size_guidance 0: keep every scalar) and MB/s, as
this thread's CPU time (what one core spent, whatever else the machine runs) and wall time.
"""
import glob
import math
import os
import statistics
import sys
import time


def write(folder, steps=250_000):
    from tensorboardX import SummaryWriter

    run = os.path.join(folder, "run")
    if glob.glob(os.path.join(run, "events.out.tfevents.*")):
        return
    w = SummaryWriter(run, max_queue=10_000, flush_secs=3600)
    t0 = 1_700_000_000.0
    for step in range(steps):
        loss = 2.0 * math.exp(-step / 50_000) + 0.05
        w.add_scalar("train/loss", loss, step, walltime=t0 + step * 0.01)
        w.add_scalar("val/loss", loss * 1.1, step, walltime=t0 + step * 0.01)
        w.add_scalar("lr", 0.1 * 0.5 ** (step // 50_000), step, walltime=t0 + step * 0.01)
        w.add_scalar("train/accuracy", 1 - loss / 2.2, step, walltime=t0 + step * 0.01)
    w.close()


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/benchdata/events"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    write(folder)
    path = sorted(glob.glob(os.path.join(folder, "run", "events.out.tfevents.*")))[0]
    size = os.path.getsize(path)
    print(path, "%.1f MB" % (size / 1e6))
    from tensorboard.backend.event_processing import event_accumulator as ea

    wall, cpu = [], []
    for _ in range(runs):
        acc = ea.EventAccumulator(path, size_guidance={ea.SCALARS: 0})
        start, start_cpu = time.perf_counter(), time.thread_time()
        acc.Reload()
        cpu.append(time.thread_time() - start_cpu)
        wall.append(time.perf_counter() - start)
        points = sum(len(acc.Scalars(t)) for t in acc.Tags()["scalars"])
    c, w = statistics.median(cpu), statistics.median(wall)
    print("EventAccumulator: %d scalar points, CPU median %.0f ms = %.1f MB/s (min %.0f ms); wall median %.0f ms = %.1f MB/s; %d runs"
          % (points, c * 1000, size / 1e6 / c, min(cpu) * 1000, w * 1000, size / 1e6 / w, runs))


if __name__ == "__main__":
    main()
