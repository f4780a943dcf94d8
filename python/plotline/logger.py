"""Append metric rows to a CSV / TSV / JSON Lines file that ``plotline watch`` follows.

Design: one file descriptor per file, opened with ``O_APPEND`` and kept open; each row is
encoded to bytes first and handed to the kernel in a single ``os.write``, so a reader polling
the file (the watcher reads appended bytes from its last offset) sees either nothing or the
whole line, never half of one from us, and nothing sits in a user-space buffer. A thread lock
orders rows from several threads of one process; ``O_APPEND`` orders whole lines from several
processes writing the same columns.

CSV columns grow as new keys appear. Plotline's CSV reader fixes the columns from the header,
so a wider row cannot simply be appended: the file is rewritten once with the wider header
(rows padded with empty fields) into a temp file beside it and renamed over it. The watcher
sees a new inode and reads the file again whole. Widening is rare (usually once, when the
first validation metrics arrive), so its cost does not matter. An ordinary row costs one
``write``; whether the path still names our file (replaced or deleted by someone else) is
checked with a ``stat`` at most every FOLLOW_INTERVAL seconds, because in a loop doing real
work a cold ``stat`` costs about 9 µs, as much as the rest of the call (bench/README.md).
Two processes logging one CSV with different columns are therefore not supported (a widening
rewrite could also drop the other's concurrent rows); same columns, or JSON Lines, are fine.
JSON Lines needs none of this: a new key is just written, and the reader adds the column.
"""

import csv
import io
import os
import threading
import time

from .rowformat import csv_line, jsonl_line, plain_row

__all__ = ["Logger", "log"]

FOLLOW_INTERVAL = 0.1
"""Least seconds between two checks that the path still names the open file."""

# Called (without arguments) after every logged row; live figures register a cheap,
# rate-limited check of their sidecars here, so a foreground loop also drives the display.
_after_log_hooks = []


class Logger:
    """Appends rows to one CSV (``.csv``), TSV (``.tsv``) or JSON Lines (``.jsonl``) file.

    ``Logger("runs/a/metrics.csv").log(step=1, loss=0.5)`` writes the header and the row;
    later rows may bring new keys (the CSV gets a wider header, earlier rows empty fields).
    Values: numbers, bools (1 / 0 in CSV), None (missing), strings, numpy / torch scalars and
    one-element lists / arrays / tensors; anything else raises TypeError before a byte is written.
    Safe to call from several threads. Use ``plotline.log(path, ...)`` to share one Logger
    per path.
    """

    def __init__(self, path, fresh=False):
        """Open (creating if needed) the file at `path`; the format comes from its extension.

        With ``fresh=True`` the first logged row replaces whatever the file held (a new run).
        """
        self.path = os.fspath(path)
        lower = self.path.lower()
        if lower.endswith(".csv"):
            self._delimiter = ","
        elif lower.endswith(".tsv") or lower.endswith(".tab"):
            self._delimiter = "\t"
        elif lower.endswith(".jsonl") or lower.endswith(".ndjson"):
            self._delimiter = None
        else:
            raise ValueError(f"{self.path}: plotline.log writes .csv, .tsv or .jsonl files, not {os.path.splitext(self.path)[1] or 'a file without extension'}")
        self._lock = threading.Lock()
        self._fd = -1
        self._identity = None
        self._checked = 0.0
        self._columns = []
        self._known = set()
        self._fresh_pending = fresh
        parent = os.path.dirname(self.path)
        if parent:
            os.makedirs(parent, exist_ok=True)
        with self._lock:
            self._open()

    @property
    def columns(self):
        """The CSV header as a list (empty for JSON Lines and before the first row)."""
        return list(self._columns)

    def log(self, row=None, *, fresh=False, **metrics):
        """Append one row: the keys of `row` (a mapping, for names that are not identifiers) and `metrics`.

        With ``fresh=True`` the row starts a new run: the file is replaced (atomically) by one
        holding only this row, so rows of an earlier run never mix with the new ones. A value
        that is not one scalar raises TypeError before anything is written.
        """
        if row:
            metrics = {**{str(k): v for k, v in row.items()}, **metrics}
        if not metrics:
            if fresh:
                raise ValueError(f"plotline.log({self.path!r}, fresh=True) needs the first row of the new run")
            return
        metrics = plain_row(metrics, self.path)
        with self._lock:
            if fresh or self._fresh_pending:
                self._fresh_pending = False
                self._restart(metrics)
            else:
                self._follow()
                if self._delimiter is None:
                    self._write(jsonl_line(metrics))
                else:
                    self._log_csv(metrics)
        for hook in _after_log_hooks:
            hook()

    def close(self):
        """Close the file descriptor (a later `log` opens it again)."""
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
            self._fd = -1
            self._identity = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"Logger({self.path!r})"

    # -- inside the lock --

    def _open(self):
        if self._fd >= 0:
            os.close(self._fd)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
        info = os.fstat(self._fd)
        self._checked = time.monotonic()
        self._identity = (info.st_dev, info.st_ino)
        self._columns = self._read_header() if self._delimiter is not None and info.st_size > 0 else []
        self._known = set(self._columns)

    def _follow(self):
        """Reopen when the path now names another file (replaced, deleted) than our descriptor."""
        now = time.monotonic()
        if now - self._checked < FOLLOW_INTERVAL and self._fd >= 0:
            return
        self._checked = now
        try:
            info = os.stat(self.path)
            if self._fd >= 0 and (info.st_dev, info.st_ino) == self._identity:
                return
        except FileNotFoundError:
            pass
        self._open()

    def _read_header(self):
        with open(self.path, "r", encoding="utf-8", newline="") as f:
            first = next(csv.reader(f, delimiter=self._delimiter), [])
        return [name.strip() for name in first]

    def _write(self, data):
        written = os.write(self._fd, data)
        if written < len(data):  # a short write (disk full, signal): finish the line
            view = memoryview(data)[written:]
            while view:
                view = view[os.write(self._fd, view):]

    def _log_csv(self, metrics):
        if not self._known.issuperset(metrics):
            fresh = [n for n in metrics if n not in self._known]
            if self._columns:
                self._widen(fresh)
            else:
                self._columns = fresh
                self._known = set(fresh)
                self._write(csv_line(self._columns, self._delimiter) + csv_line([metrics[c] for c in self._columns], self._delimiter))
                return
        get = metrics.get
        self._write(csv_line([get(c) for c in self._columns], self._delimiter))

    def _restart(self, metrics):
        """Replace the file by one holding only `metrics` (with its header for CSV), atomically."""
        if self._delimiter is None:
            data = jsonl_line(metrics)
        else:
            columns = list(metrics)
            data = csv_line(columns, self._delimiter) + csv_line([metrics[c] for c in columns], self._delimiter)
        self._replace(data)

    def _replace(self, data):
        directory, name = os.path.split(self.path)
        temp = os.path.join(directory, f".{name}.{os.getpid()}.plotline-tmp")
        with open(temp, "wb") as f:
            f.write(data)
        os.replace(temp, self.path)
        self._open()

    def _widen(self, fresh):
        """Rewrite the file with `fresh` columns added to the header, atomically (temp + rename)."""
        with open(self.path, "r", encoding="utf-8", newline="") as f:
            text = f.read()
        # A half-written last line (another process mid-write) stays as it is, unparsed.
        cut = text.rfind("\n") + 1
        body, tail = text[:cut], text[cut:]
        rows = list(csv.reader(io.StringIO(body, newline=""), delimiter=self._delimiter))
        header = [name.strip() for name in rows[0]] if rows else list(self._columns)
        header += [n for n in fresh if n not in header]
        out = [csv_line(header, self._delimiter)]
        for fields in rows[1:]:
            out.append(csv_line(fields + [None] * (len(header) - len(fields)), self._delimiter))
        self._replace(b"".join(out) + tail.encode("utf-8"))


_loggers = {}
_loggers_by_abspath = {}
_loggers_lock = threading.Lock()


def log(path, row=None, *, fresh=False, **metrics):
    """Append one row of `metrics` to the CSV / TSV / JSON Lines file at `path`.

    ``plotline.log("runs/a/metrics.csv", step=3, loss=0.25)``. One Logger (an open file
    descriptor) is kept per path, so a call costs a few microseconds. `row` is an optional
    mapping for names that are not Python identifiers (``{"val/loss": 0.3}``). ``fresh=True``
    starts a new run: the file is replaced by one holding only this row (re-running a cell with
    ``fresh=step == 0`` never mixes two runs' rows). Values are scalars; one-element lists,
    tuples, arrays and tensors are unwrapped, anything else raises TypeError and writes nothing.
    """
    logger = _loggers.get(path)
    if logger is None:
        logger = _logger_for(path)
    logger.log(row, fresh=fresh, **metrics)


def _logger_for(path):
    with _loggers_lock:
        key = os.path.abspath(os.fspath(path))
        logger = _loggers_by_abspath.get(key)
        if logger is None:
            logger = Logger(path)
            _loggers_by_abspath[key] = logger
        _loggers[path] = logger
        return logger
