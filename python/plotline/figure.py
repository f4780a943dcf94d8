"""Figures from Python: build the figure spec that ``plotline render --spec`` and ``plotline watch`` read.

Design: a ``Figure`` is a thin builder of the versioned JSON figure spec (docs/figure-spec.md,
schema in docs/figure-spec.schema.json), the one contract between Python and the binary; it
never draws. Writing a figure writes ``<name>.plot.json`` atomically (temp file + rename); a
running ``plotline watch`` draws it to ``<name>.png`` and redraws it when the spec or a data
file it names changes. ``render`` runs ``plotline render --spec`` once instead.

Data replaced every iteration (a histogram of weights, a 2-D array as a heat map, embeddings)
lives in memory and is written by the figure itself, as ``.npy`` arrays (or CSV for named
tables), so that an update never mixes two epochs in one frame:

- one in-memory source: ``NAME.npy`` beside ``NAME.plot.json``, replaced in place by one
  atomic rename per update; the spec is written once. The watcher redraws the spec when its
  data file is replaced (and, the spec being named like the data file, draws no second figure).
- several: each update writes the sources that changed to a new generation of files in a
  hidden folder beside the spec (``.NAME.plot/weights.7.npy``; hidden files are not drawn on
  their own), then the spec naming exactly those files, renamed last: the spec is the one
  atomic commit. A replaced file is deleted once it is four generations and a second old (a
  render that read an older spec still finds its data); an earlier run's files are deleted
  when the new run starts.

The spec is rewritten only when its text changes. ``update`` copies the new arrays and hands
the commit to one background thread (``writer``), so the loop pays for a memory copy, not for
the disk (0.16 ms for 10^4 float64 values under load, against 7 ms for writing them in the
loop's thread: bench/python/bench_arrays.py, bench/README.md); updates that queue up are
merged, newest array first.

Credits: the builder style (a figure of panels, methods per mark) follows matplotlib's
``subplots`` and Altair; the atomic replace is the usual temp-file-and-rename.
"""

import atexit
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time

from . import writer
from .binary import find_binary
from .panel import Panel
from .sources import Source, write_chunks
from .speckeys import DATA_KEYS, FIGURE_KEYS, LAYOUT_KEYS, SHARE_KEYS, SPEC_VERSION

__all__ = ["Figure", "FigureError"]

KEEP_GENERATIONS = 4
"""In-memory data files kept at least per source: the current generation and the three before it."""

KEEP_SECONDS = 1.0
"""A replaced data file is also kept until this many seconds after it was replaced (a render
that read the spec naming it, then lost the processor, still finds it) ..."""

MAX_FILES = 32
"""... but a source never keeps more files than this (under a thousand updates a second)."""


class FigureError(RuntimeError):
    """``plotline render`` refused a figure; the message is the binary's, naming the spec file and key path."""


def _unlink(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _spec_path(path):
    path = os.fspath(path)
    if path.endswith(".plot.json"):
        return os.path.abspath(path)
    if path.endswith(".json"):
        raise ValueError(f"{path}: a figure spec's name ends in .plot.json (plotline watch draws NAME.plot.json to NAME.png)")
    return os.path.abspath(path + ".plot.json")


class Figure:
    """A figure: a grid of panels, each with series, written as a spec for ``plotline``.

    ``Figure("runs/train")`` writes ``runs/train.plot.json``, which ``plotline watch runs``
    draws to ``runs/train.png`` (``fig.png``). Options are the spec's: ``title``, ``size``
    (``(width, height)`` or ``"WxH"`` pixels), ``dpi``, ``theme`` (light, dark), ``layout``
    (``(rows, columns)``, either may be None), ``sharex`` / ``sharey``, ``facet`` (a column: the one
    panel drawn once per value, in a grid on shared axes), ``palette`` (tab10, tab20), ``rasterize``
    (SVG and PDF: "auto", "always" or "never" draw dense scatter series as images), ``formats`` (the
    files ``plotline watch`` writes for it, e.g. ``["png", "svg", "pdf"]``; the PNG always).
    """

    def __init__(self, path=None, *, title=None, size=None, dpi=None, theme=None, layout=None, sharex=None,
                 sharey=None, facet=None, palette=None, rasterize=None, formats=None):
        self.path = _spec_path(path) if path is not None else None
        self.title, self.dpi, self.theme = title, dpi, theme
        self.size = list(size) if isinstance(size, (tuple, list)) else size
        self.layout = tuple(layout) if layout is not None else None
        if self.layout is not None and len(self.layout) != 2:
            raise ValueError(f"layout is (rows, columns), found {layout!r}")
        self.sharex, self.sharey = sharex, sharey
        self.facet, self.palette = facet, palette
        self.rasterize = rasterize
        self.formats = list(formats) if formats is not None else None
        self.panels = []
        self._sources = {}
        self._generation = None
        self._first_generation = 0
        self._stale = []
        self._written = None
        self._temp_folder = None
        self._pending = {}  # source name -> (extension, file chunks) not yet written
        self._error = None  # a background write's failure, raised by the next call
        self._lock = threading.RLock()  # the figure's state; held only briefly
        self._io = threading.Lock()  # one commit at a time; file I/O happens under it alone

    # Building ---------------------------------------------------------------------------

    def panel(self, title=None, **options):
        """Add a panel (filled into the grid row by row) and return it; options as ``Panel``."""
        panel = Panel(self, title, **options)
        self.panels.append(panel)
        return panel

    def data(self, name, value, *, delimiter=None, header=None, timestamps=None, decimal=None, thousands=None,
             comment=None, na_values=None, encoding=None):
        """Name a data source: a file path, or in-memory data that ``update(name=...)`` replaces.

        For a file, the spec's read options: ``delimiter`` (one character, "tab" or "whitespace"), ``header``
        (True / False), ``timestamps`` (``{"column": "s" or "ms"}``: numbers read as Unix time),
        and pandas' ``decimal`` ("." or ","), ``thousands``, ``comment`` (one character each),
        ``na_values`` (a list of strings) and ``encoding`` (as ``plotline schema`` lists).
        """
        with self._lock:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", name):
                raise ValueError(f"a data source name is a word of letters, digits, _ and -, found {name!r}")
            if name in self._sources:
                self._sources[name].set(value)
            else:
                self._sources[name] = Source(name, value)
            given = dict(delimiter=delimiter, header=header, timestamps=timestamps, decimal=decimal, thousands=thousands,
                         comment=comment, na_values=list(na_values) if na_values is not None else None, encoding=encoding)
            # The spec's keys, in its order (``DATA_KEYS``; a keyword the table lacks is an error here).
            options = {k: given.pop(k) for k in DATA_KEYS if k in given and given[k] is not None}
            if any(v is not None for v in given.values()):
                raise TypeError(f"read options without a spec key: {sorted(given)}")
            if options and self._sources[name].in_memory:
                raise TypeError(", ".join(sorted(options)) + ": read options of a file source, not of in-memory data")
            self._sources[name].options = options
            return name

    def _source_for(self, data, name):
        """The source a series names: None (the only one), a name, a path, or in-memory data."""
        if data is None and name is None:
            if len(self._sources) == 1:
                return next(iter(self._sources.values()))
            if not self._sources:
                raise ValueError("this series names no data: pass a file path, an array or a table")
            raise ValueError(f"the figure has several data sources ({', '.join(self._sources)}): name one")
        if data is None:
            if name not in self._sources:
                raise KeyError(f"no data source {name!r} (sources: {', '.join(self._sources) or 'none'})")
            return self._sources[name]
        if isinstance(data, str) and data in self._sources and name in (None, data):
            return self._sources[data]
        if isinstance(data, (str, os.PathLike)):
            absolute = os.path.abspath(os.fspath(data))
            for source in self._sources.values():
                if source.path == absolute:
                    return source
            stem = re.sub(r"[^A-Za-z0-9_-]", "_", os.path.basename(absolute).split(".")[0]) or "data"
            name = name or self._fresh(stem if stem[0].isalpha() or stem[0] == "_" else "d" + stem)
        else:
            for source in self._sources.values():
                if source.value is data and name in (None, source.name):
                    return source
            name = name or self._fresh("data")
        self.data(name, data)
        return self._sources[name]

    def _fresh(self, stem):
        if stem not in self._sources:
            return stem
        n = 2
        while f"{stem}{n}" in self._sources:
            n += 1
        return f"{stem}{n}"

    # Output -----------------------------------------------------------------------------

    @property
    def png(self):
        """The PNG ``plotline watch`` draws this figure to: the spec's path with ``.png``."""
        if self.path is None:
            return None
        return self.path[: -len(".plot.json")] + ".png"

    def _data_folder(self, spec_path):
        folder, name = os.path.split(spec_path)
        return os.path.join(folder, "." + name[: -len(".json")])

    def spec(self, paths=None):
        """The figure spec as a dict (what ``write`` saves as JSON).

        `paths` maps source names to the paths written in the spec; by default file sources
        get their absolute path and in-memory ones a placeholder (they get files on ``write``).
        """
        with self._lock:
            if not self.panels:
                raise ValueError("a figure needs at least one panel: add one with figure.panel()")
            if not self._sources:
                raise ValueError("a figure needs data: give a series a file path, an array or a table")
            paths = paths or {}
            out = {"version": SPEC_VERSION}
            values = {"title": self.title, "size": self.size, "dpi": self.dpi, "theme": self.theme,
                      "layout": self.layout and dict(zip(LAYOUT_KEYS, self.layout)),
                      "share": dict(zip(SHARE_KEYS, (self.sharex, self.sharey))),
                      "facet": self.facet, "palette": self.palette, "rasterize": self.rasterize, "formats": self.formats}
            # In the spec's key order (``FIGURE_KEYS``), objects without their unset keys.
            for key in FIGURE_KEYS:
                value = values.get(key)
                if isinstance(value, dict):
                    value = {k: v for k, v in value.items() if v is not None} or None
                if value is not None:
                    out[key] = value
            out["data"] = {}
            for name, source in self._sources.items():
                path = paths.get(name) or source.path or f"<in memory: {name}>"
                out["data"][name] = dict(path=path, **source.options) if source.options else path
            out["panels"] = [p.spec() for p in self.panels]
            return out

    def write(self, path=None):
        """Write the in-memory data that changed, then the spec if it changed, atomically; return the spec's path.

        Synchronous: the files are in place when it returns (``update`` queues the same work
        for a background thread). `path` (``NAME`` or ``NAME.plot.json``) sets the figure's
        path for this and later writes.
        """
        with self._lock:
            if path is not None and _spec_path(path) != self.path:
                self.path = _spec_path(path)
                self._written = None
                for source in self._sources.values():
                    source.dirty, source.files, source.times = source.in_memory, [], []
            if self.path is None:
                raise ValueError("this figure has no path: Figure('runs/name') or figure.write('runs/name')")
            self._encode_dirty()
        self._commit()
        return self.path

    def update(self, wait=False, **data):
        """Replace in-memory data sources by name and write the figure: one atomic commit.

        ``fig.update(weights=w, attention=a)`` copies the arrays and returns; a background
        thread writes both, then the spec naming them, so the figure ``plotline watch`` draws
        never mixes an old array with a new one, and the loop never waits for the disk. Updates
        faster than the disk are merged (the newest array wins). ``wait=True`` writes before
        returning; ``flush()`` waits for what is queued. An error of a background write is
        raised by the next call.
        """
        with self._lock:
            self._raise_error()
            for name, value in data.items():
                if name not in self._sources:
                    raise KeyError(f"no data source {name!r} (sources: {', '.join(self._sources) or 'none'})")
                self._sources[name].set(value)
            if self.path is None:
                raise ValueError("this figure has no path: Figure('runs/name') or figure.write('runs/name')")
            self._encode_dirty()
        if wait:
            self._commit()
        else:
            writer.submit(self)
        return self.path

    def flush(self):
        """Wait until every queued update is written; raise the error of one that failed."""
        self._commit()
        with self._lock:
            self._raise_error()

    def _raise_error(self):
        error, self._error = self._error, None
        if error is not None:
            raise error

    def _encode_dirty(self):
        """Copy the bytes of every in-memory source changed since its last encoding (lock held)."""
        for source in self._sources.values():
            if source.in_memory and (source.dirty or (not source.files and source.name not in self._pending)):
                self._pending[source.name] = (source.extension, source.encode())

    def _commit_in_background(self):
        try:
            self._commit()
        except BaseException as error:  # raised by the next update / flush
            with self._lock:
                self._error = error

    def _commit(self):
        """Write the pending data files, then the spec, then delete old files (one commit at a time)."""
        with self._io:
            with self._lock:
                pending, self._pending = self._pending, {}
                if self.path is None:
                    return
                folder = os.path.dirname(self.path)
                writes, text = self._plan(pending, folder)
                unchanged = text == self._written
            if writes or not unchanged:
                os.makedirs(folder, exist_ok=True)
            for file, chunks in writes:
                write_chunks(file, chunks)
            if not unchanged:
                write_chunks(self.path, [text.encode("utf-8")])
            with self._lock:
                self._written = text
                doomed = self._doomed()
            for file in doomed:
                _unlink(file)

    def _plan(self, pending, folder):
        """The data files to write for `pending` and the spec text naming them (lock held).

        One in-memory source: NAME.npy beside NAME.plot.json, replaced in place (one file, one
        rename; the watcher redraws the spec when it changes). Several: a new generation of
        files in the hidden data folder for the sources that changed.
        """
        memory = [s for s in self._sources.values() if s.in_memory]
        writes = []
        now = time.monotonic()
        if len(memory) == 1:
            source = memory[0]
            file = self.path[: -len(".plot.json")] + source.extension
            if source.name in pending:
                writes.append((file, pending[source.name][1]))
                source.files, source.times = [file], [now]
        elif memory:
            data_folder = self._data_folder(self.path)
            if self._generation is None:
                os.makedirs(data_folder, exist_ok=True)
                self._generation, self._stale = self._clear_earlier_run(data_folder)
                self._first_generation = self._generation
            changed = [s for s in memory if s.name in pending]
            if changed:
                self._generation += 1
            for source in changed:
                extension, chunks = pending[source.name]
                file = os.path.join(data_folder, f"{source.name}.{self._generation}{extension}")
                writes.append((file, chunks))
                source.files.append(file)
                source.times.append(now)
        paths = {s.name: os.path.relpath(s.files[-1] if s.in_memory else s.path, folder)
                 for s in self._sources.values()}
        return writes, json.dumps(self.spec(paths), indent=1, allow_nan=False) + "\n"

    def _doomed(self):
        """Data files no spec names any more that are old enough to delete (see KEEP_SECONDS; lock held)."""
        now = time.monotonic()
        out = []
        for source in self._sources.values():
            files, times = source.files, source.times
            while len(files) > KEEP_GENERATIONS and (len(files) > MAX_FILES or now - times[1] >= KEEP_SECONDS):
                out.append(files.pop(0))
                times.pop(0)
        if self._stale and self._generation >= self._first_generation + KEEP_GENERATIONS:
            out += self._stale
            self._stale = []
        return out

    def render(self, png=None, *, binary=None, timeout=120):
        """Draw the figure once with ``plotline render --spec``; return the written file's path.

        `png` defaults to ``fig.png`` (a figure without a path is written to a temporary
        folder first); its extension picks the format: ``.png``, ``.svg`` or ``.pdf`` (vector
        files with real text, for papers). Raises FigureError with the binary's message when the spec or its data
        is refused (the message names the spec file and the key path or the data file and line).
        """
        with self._lock:
            if self.path is None:
                if png is None:
                    raise ValueError("render(png) needs the PNG's path for a figure without a path")
                spec = self._temporary()
            else:
                spec = self.write()
            out = os.path.abspath(os.fspath(png)) if png is not None else self.png
        exe = binary or find_binary()
        done = subprocess.run([exe, "render", "--spec", spec, "-o", out], capture_output=True, text=True,
                              timeout=timeout)
        if done.returncode != 0:
            raise FigureError(done.stderr.strip() or f"plotline render exited with status {done.returncode}")
        return out

    def show(self, **options):
        """Write the figure and show its PNG live in the notebook (``plotline.show(fig.png)``).

        Needs a running ``plotline watch`` on a folder holding the spec (``plotline.watch``);
        returns what ``plotline.show`` returns.
        """
        from .show import show

        self.write()
        return show(self.png, **options)

    def _temporary(self):
        """Write a figure without a path into its own temporary folder (one per figure, reused)."""
        if self._temp_folder is None:
            self._temp_folder = tempfile.mkdtemp(prefix="plotline-figure-")
            atexit.register(shutil.rmtree, self._temp_folder, True)
        self.path = os.path.join(self._temp_folder, "figure.plot.json")
        try:
            return self.write()
        finally:
            self.path = None

    # Generations ------------------------------------------------------------------------

    @staticmethod
    def _clear_earlier_run(folder):
        """Delete an earlier run's data files but its last generation (a render may be reading it).

        Returns that generation's number, and its files, to delete a few generations later.
        """
        found = []
        for name in os.listdir(folder):
            match = re.fullmatch(r".+\.(\d+)\.(npy|csv)", name)
            if match:
                found.append((int(match.group(1)), name))
        last = max((g for g, _ in found), default=0)
        for generation, name in found:
            if generation < last:
                _unlink(os.path.join(folder, name))
        return last, [os.path.join(folder, name) for generation, name in found if generation == last]

    def __repr__(self):
        return f"<plotline.Figure {self.path or '(no path)'}: {len(self.panels)} panels, sources {list(self._sources)}>"
