"""Plotline's notebook helper: log metrics, watch a folder, show figures that update in place.

A training loop writes rows with ``plotline.log("runs/a/metrics.csv", step=i, loss=l)``;
``plotline.watch("runs")`` runs the ``plotline watch`` service (a Swift binary) that re-renders
``runs/a/metrics.png`` on its own render thread whenever the file grows; ``plotline.show(
"runs/a/metrics.png")`` displays that PNG and replaces it in place when the sidecar status
file (``metrics.png.json``) reports a new version. The kernel never draws: a log call costs a
few microseconds and an image update about a millisecond (bench/README.md), instead of the tens
of milliseconds a matplotlib redraw blocks the loop for.

Pure standard library; ``ipywidgets`` is used when installed (the image bytes travel in the
widget's comm messages), otherwise IPython display handles. ``pip install ./python`` builds a
platform wheel that carries the ``plotline`` binary and its fonts (setup.py). Modules: logger
(rows to files), rowformat (CSV / JSONL encoding, scalars only), watch and binary (the watcher
process and where its binary is), sidecar (status files), live and show (the displayed
figures), hints (what a figure says before its first image).
"""

from .binary import PlotlineNotFound, find_binary
from .figure import Figure, FigureError
from .npy import write_array
from .live import LiveFigure
from .logger import Logger, log
from .show import show
from .sidecar import Status, read_status
from .watch import Watcher, watch

__all__ = ["log", "Logger", "watch", "Watcher", "show", "LiveFigure", "read_status", "Status",
           "find_binary", "PlotlineNotFound", "Figure", "FigureError", "write_array"]
__version__ = "0.1.0"
