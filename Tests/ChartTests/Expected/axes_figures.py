"""matplotlib 3.11 drawings of AxesFigures, to lay beside the goldens (python3 axes_figures.py OUTDIR)."""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import AutoMinorLocator

out = sys.argv[1] if len(sys.argv) > 1 else "."
t = np.arange(101) / 10


def grid():
    fig, (a, b) = plt.subplots(1, 2, figsize=(6, 4), dpi=100, layout="constrained")
    a.bar(["a", "b", "c", "d"], [3, 7, 5, 6]); a.set_ylabel("value"); a.set_title("grid y")
    a.set_axisbelow(True); a.grid(True, axis="y")
    b.plot(t, np.sin(t)); b.set_xlabel("t"); b.set_ylabel("sin"); b.set_title("minor grid")
    b.set_axisbelow(True)
    b.xaxis.set_minor_locator(AutoMinorLocator()); b.yaxis.set_minor_locator(AutoMinorLocator())
    b.grid(True, which="major"); b.grid(True, which="minor", linewidth=0.48, alpha=0.5)
    b.tick_params(which="minor", length=0)
    fig.savefig(f"{out}/axes-grid.mpl.png")


def twin():
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100, layout="constrained")
    ax.grid(True); ax.set_axisbelow(True)
    a, = ax.plot(t, np.sin(t), label="sin"); ax.set_xlabel("t"); ax.set_ylabel("sin"); ax.set_title("twin y")
    ax2 = ax.twinx()
    b, = ax2.plot(t, 100 * np.exp(t / 2), color="C1", label="growth"); ax2.set_ylabel("growth")
    ax.legend(handles=[a, b], loc="upper left")
    fig.savefig(f"{out}/axes-twin.mpl.png")


def shared():
    fig, axes = plt.subplots(2, 2, figsize=(6, 4), dpi=100, layout="constrained", sharex="col", sharey="row")
    for k, (ax, (scale, shift, span)) in enumerate(zip(axes.flat, [(1, 0, 6), (3, 2, 10), (0.5, -3, 4), (2, 0, 20)])):
        x = shift + span * np.arange(50) / 49
        ax.plot(x, scale * np.sin(x), color=f"C{0}")
        ax.set_title(f"panel {k}"); ax.set_xlabel("x"); ax.set_ylabel("y"); ax.grid(True)
        ax.label_outer()
    fig.savefig(f"{out}/axes-shared.mpl.png")


grid()
twin()
shared()
