"""A figure's data sources: files named by path, and data held in memory.

A source is either a file the figure reads by path (a log that ``plotline.log`` appends to, a
CSV, a ``.npy``; the watcher redraws the figure when it changes), or a value in memory that the
figure writes to a file of its own on every ``Figure.write`` / ``Figure.update``:

- arrays (numpy arrays, lists of numbers, lists of equal rows, ``array.array``) as ``.npy``,
  raw binary with no text formatting (the fast path for data replaced every epoch): a 1-D
  array is the column ``value``; a 2-D array has the columns ``0`` … ``k-1`` (``a[:, j]``,
  named by the integer or its string) and is drawn whole by ``heatmap``;
- tables with named columns (a dict of columns, a pandas DataFrame) as CSV, names kept (a
  DataFrame's named index becomes a column). A pandas Series is an array.
"""

import csv
import io
import math
import os
import sys

from .npy import _temp_path, npy_bytes

__all__ = ["Source", "write_chunks"]


def _is_table(value):
    if isinstance(value, dict):
        return True
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(value, pandas.DataFrame)


def _shape(value):
    """(ndim, column count) of an in-memory array, without copying it."""
    shape = getattr(value, "shape", None)
    if shape is not None:
        return len(shape), (shape[1] if len(shape) == 2 else 1)
    if isinstance(value, (str, bytes)):
        raise TypeError(f"expected an array, a table or a file path, found the bytes/str {value!r:.40}")
    try:
        first = value[0] if len(value) else None
    except TypeError:
        raise TypeError(f"expected an array, a table (dict, DataFrame) or a file path, found {type(value).__name__}") from None
    if isinstance(first, (list, tuple)):
        if first and isinstance(first[0], (list, tuple)):
            return 3, 0
        return 2, len(first)
    return 1, 1


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        return "" if math.isnan(v) else repr(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        return _cell(v.item())
    return str(v)


def _table_text(value):
    """CSV text of a dict of equal-length columns or a DataFrame."""
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(value, pandas.DataFrame):
        frame = value.reset_index() if any(n is not None for n in value.index.names) else value
        names = [str(c) for c in frame.columns]
        columns = [frame[c].tolist() for c in frame.columns]
    else:
        names = [str(k) for k in value]
        columns = [list(v) if not hasattr(v, "tolist") else v.tolist() for v in value.values()]
    lengths = {len(c) for c in columns}
    if len(lengths) > 1:
        detail = ", ".join(f"{n}: {len(c)}" for n, c in zip(names, columns))
        raise ValueError(f"the columns of a table must have equal lengths ({detail})")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in zip(*columns):
        writer.writerow([_cell(v) for v in row])
    return out.getvalue(), names


class Source:
    """One named data source of a figure: a file path, or an in-memory array or table."""

    def __init__(self, name, value):
        self.name = name
        self.path = None
        self.value = None
        self.files = []  # the files written for it, oldest first
        self.times = []  # when each was written (time.monotonic())
        self.options = {}  # a file's read options (delimiter, header, timestamps)
        self.set(value)

    def set(self, value):
        """Point the source at a file path, or at new in-memory data (validated here, written later)."""
        if isinstance(value, (str, os.PathLike)):
            if self.value is not None:
                raise TypeError(f"data source {self.name!r} holds in-memory data; update it with data, not a path")
            self.path = os.path.abspath(os.fspath(value))
            return
        if self.path is not None:
            raise TypeError(f"data source {self.name!r} is the file {self.path}; update the file instead")
        if _is_table(value):
            self.ndim, self.width, self.extension = None, None, ".csv"
        else:
            ndim, width = _shape(value)
            if ndim not in (1, 2):
                raise ValueError(f"data source {self.name!r}: Plotline draws 1-D and 2-D arrays, this one has {ndim} dimensions")
            self.ndim, self.width, self.extension = ndim, width, ".npy"
        self.value = value
        self.dirty = True

    @property
    def in_memory(self):
        """True for data the figure writes itself."""
        return self.path is None

    def column(self, key):
        """The spec's column name for `key`: integers name a 2-D array's columns; None stays None."""
        if key is None:
            return None
        if isinstance(key, bool) or not isinstance(key, (int, str)):
            if hasattr(key, "__index__"):
                return str(key.__index__())
            raise TypeError(f"a column is named by a string (or an integer for a 2-D array), found {key!r}")
        return str(key)

    @property
    def is_vector(self):
        return self.in_memory and self.ndim == 1

    @property
    def is_matrix(self):
        return self.in_memory and self.ndim == 2

    def encode(self):
        """The in-memory data's file bytes as a list of chunks, copied (the caller may change its array next)."""
        self.dirty = False
        if self.extension == ".npy":
            header, data = npy_bytes(self.value)
            return [header, bytes(data)]
        text, _ = _table_text(self.value)
        return [text.encode("utf-8")]


def write_chunks(path, chunks):
    """Write `chunks` to `path` atomically: a hidden temp file beside it, renamed over it."""
    temp = _temp_path(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
    try:
        for chunk in chunks:
            view = memoryview(chunk)
            while len(view):
                view = view[os.write(fd, view):]
    except BaseException:
        os.close(fd)
        os.unlink(temp)
        raise
    os.close(fd)
    os.replace(temp, path)
