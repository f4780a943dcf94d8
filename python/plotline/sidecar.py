"""The sidecar status file ``plotline watch`` writes beside each figure (``<name>.png.json``).

Written atomically by the watcher (Sources/Service/WatchStatus.swift): ``version`` grows with
every render, good or bad; ``hash`` is the FNV-1a 64 of the PNG on disk; ``ok`` / ``error`` say
whether the latest render wrote the PNG (on an error the previous good PNG stays); ``rows``,
``ms`` and ``input`` describe the render. ``warnings`` lists the first values the figure could
not draw (at most 20 dicts ``{"file", "line", "column", "value"}``: a cell that is not a number in
a numeric column, drawn as a missing value) and ``warningCount`` counts them all (read here as
``warning_count``; both absent in sidecars of older versions). ``waiting`` says why there is
no figure yet though nothing is wrong (a header without rows, a log without scalars yet).
``notes`` (absent when empty) lists what reading the data did differently from the bytes as
written: an encoding fallback, dates read as missing, skipped summaries, runs left out.
``also`` (absent when empty) maps each SVG or PDF file written beside the PNG (a spec's
``"formats"`` or ``watch --format``) to its content hash; read here as the tuple of their names.
"""

import json
import os
from typing import NamedTuple, Optional

__all__ = ["Status", "sidecar_path", "read_status", "file_stamp"]


class Status(NamedTuple):
    """One reading of a figure's sidecar."""

    version: int
    hash: str
    ok: bool
    error: Optional[str]
    rows: int
    ms: float
    input: str
    warnings: tuple = ()
    warning_count: int = 0
    waiting: Optional[str] = None
    notes: tuple = ()
    also: tuple = ()


def sidecar_path(png_path):
    """The sidecar path of a PNG output (``<png>.json``)."""
    return os.fspath(png_path) + ".json"


def read_status(png_path):
    """The sidecar of `png_path` as a Status, or None when it is missing or unreadable."""
    try:
        with open(sidecar_path(png_path), "rb") as f:
            raw = json.loads(f.read())
        warnings = tuple(w for w in raw.get("warnings", ()) if isinstance(w, dict))
        notes = tuple(str(n) for n in raw.get("notes", ()) if isinstance(n, str))
        also = tuple(str(name) for name in raw.get("also", {})) if isinstance(raw.get("also", {}), dict) else ()
        return Status(int(raw.get("version", 0)), str(raw.get("hash", "")), bool(raw.get("ok", False)),
                      raw.get("error"), int(raw.get("rows", 0)), float(raw.get("ms", 0.0)), str(raw.get("input", "")),
                      warnings, int(raw.get("warningCount", len(warnings))), raw.get("waiting"), notes, also)
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def file_stamp(path):
    """What changes when a file is replaced or rewritten: (inode, mtime ns, size), or None if missing."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)
