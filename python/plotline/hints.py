"""What a shown figure says before its first image: waiting for rows, or why it never came.

``plotline watch`` draws ``<stem>.png`` from a data file ``<stem>.csv`` / ``.tsv`` / ``.jsonl`` /
``.json`` or a spec ``<stem>.plot.json`` beside it (data files sharing a stem draw
``<stem>.<ext>.png``). Before the first rows exist the figure only *waits*: that is normal, not
an error. When no image came after HINT_AFTER seconds the line gains a hint built from what can
be checked cheaply: whether a watcher runs for a folder holding the PNG (its pid file), and
whether a data file or spec that would draw this PNG name exists.
"""

import json
import os

__all__ = ["HINT_AFTER", "DATA_EXTENSIONS", "inputs_for", "waiting_message", "hint_message",
           "is_missing_data_error"]

HINT_AFTER = 10.0
"""Seconds without a first image before the waiting line adds a hint."""

DATA_EXTENSIONS = (".csv", ".tsv", ".jsonl", ".ndjson", ".json")
"""The data files ``plotline watch`` draws a default figure for."""


def inputs_for(png_path):
    """The files that would draw `png_path` under the watcher's naming rule, beside it."""
    folder, name = os.path.split(png_path)
    if not name.lower().endswith(".png"):
        return []
    stem = name[:-4]
    if stem.lower().endswith(DATA_EXTENSIONS):  # metrics.csv.png <- metrics.csv
        return [os.path.join(folder, stem)]
    return [os.path.join(folder, stem + ext) for ext in (".plot.json",) + DATA_EXTENSIONS]


def _has_rows(path):
    try:
        return os.path.getsize(path) > 0
    except OSError:
        return False


def data_files(png_path):
    """The data files that would feed `png_path`: a spec's data sources, else the data files."""
    candidates = inputs_for(png_path)
    for path in candidates:
        if path.endswith(".plot.json") and os.path.exists(path):
            try:
                with open(path, encoding="utf-8") as f:
                    sources = json.load(f).get("data") or {}
                folder = os.path.dirname(path)
                return [os.path.join(folder, v if isinstance(v, str) else v.get("path", ""))
                        for v in sources.values() if isinstance(v, (str, dict))]
            except (OSError, ValueError, AttributeError):
                return []
    return [p for p in candidates if not p.endswith(".plot.json")]


def waiting_message(png_path):
    """The line shown while `png_path` does not exist yet (never an error)."""
    name = os.path.basename(png_path)
    files = data_files(png_path)
    present = [p for p in files if _has_rows(p)]
    if present:
        return f"plotline: waiting for plotline watch to draw {name} from {os.path.basename(present[0])}"
    existing = [p for p in files if os.path.exists(p)]
    if existing:
        source = os.path.basename(existing[0])
    elif 0 < len(files) <= 3:  # a spec's data sources, or the one file of metrics.csv.png
        source = " or ".join(os.path.basename(p) for p in files)
    elif files:
        stem = name[:-4]
        source = f"{stem}.csv, .tsv, .jsonl, .json or {stem}.plot.json beside it"
    else:
        source = "its data file"
    return f"plotline: waiting for the first rows ({name} is drawn from {source})"


def is_missing_data_error(error):
    """True for a render error that only means the data has no rows yet (empty or missing file)."""
    return bool(error) and any(text in error for text in ("the input is empty", "no such file", "cannot read the file", "the file is empty"))


def _watcher_for(png_path):
    """The pid of a running ``plotline watch`` whose pid file sits in a folder holding `png_path`."""
    from .watch import PID_FILE, _alive

    folder = os.path.dirname(os.path.abspath(png_path))
    while True:
        try:
            with open(os.path.join(folder, PID_FILE)) as f:
                pid = int(f.readline())
            if _alive(pid):
                return pid
        except (OSError, ValueError):
            pass
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def hint_message(png_path, seconds):
    """The waiting line with what may be wrong, after `seconds` without a first image."""
    name = os.path.basename(png_path)
    lines = [f"plotline: no {name} after {seconds:.0f} s."]
    if _watcher_for(png_path) is None:
        folder = os.path.dirname(png_path)
        lines.append(f"Is plotline watch running? No watcher was found for {folder} or a folder above it "
                     f"(start one with plotline.watch({folder!r}) or `plotline watch {folder}`; "
                     "a watcher writing to another folder with -o is not seen from here).")
    candidates = inputs_for(png_path)
    files = data_files(png_path)
    if not any(os.path.exists(p) for p in candidates):
        names = ", ".join(os.path.basename(p) for p in candidates) or "a data file"
        lines.append(f"Does the name follow the rule? {name} is drawn from {names} beside it, and none exists yet "
                     "(data files sharing a name draw <name>.<ext>.png, e.g. metrics.csv.png).")
    elif not any(_has_rows(p) for p in files):
        names = ", ".join(os.path.basename(p) for p in files) or "its data file"
        lines.append(f"No rows yet in {names}: nothing has been logged there.")
    return " ".join(lines)
