"""Live figures: a displayed PNG that follows its sidecar version, updated in place.

Two drivers keep a shown figure current, because notebooks run training in two ways:

1. a foreground loop keeps the cell busy: every ``plotline.log`` call runs `poke`, which at
   most every LOG_CHECK_INTERVAL seconds stats the sidecars of shown figures and pushes a new
   image when the version moved (a stat costs ~2 µs; the push, only on a new version, ~1 ms);
2. the cell has finished and training runs in a thread or another process: a daemon thread
   polls the sidecars every POLL_INTERVAL seconds and pushes new images.

Both only ever *set* the displayed value, never clear output or wait: with ipywidgets an
``ipywidgets.Image`` whose ``value`` is set to the new PNG bytes (the bytes travel in the
comm message, so no browser cache can show a stale image, and ipykernel sends comm messages
from any thread while a cell runs); without ipywidgets an IPython display handle updated with
``update_display_data``. A per-figure lock taken without waiting keeps the two drivers from
pushing the same version twice; the main thread simply skips a check while the poller holds it.
The approach follows the notes in DESIGN.md (checked with ipykernel 7.4 / ipywidgets 8.1.9 in
JupyterLab 4.6 and Notebook 7.6 in Chromium: python/tests/test_jupyterlab.py).

Under the image a status line carries the caption (name, version, rows, render time), a render
error, or, before the first image, a "waiting" line that turns into a hint after
hints.HINT_AFTER seconds (hints.py). The line is only re-sent when its text changes.
"""

import html
import os
import threading
import time

from . import hints, logger
from .sidecar import file_stamp, read_status, sidecar_path

__all__ = ["LiveFigure", "poke", "POLL_INTERVAL", "LOG_CHECK_INTERVAL"]

POLL_INTERVAL = 0.025
"""Seconds between background polls of the shown figures' sidecars (None: no poller thread).

`watch` redraws a figure as soon as the render thread is free (20-40 times a second for a
training log on a 2-core machine), so the display must not be what holds a figure back: a
poll stats each shown figure's sidecar (~2 µs), so 40 polls a second of two figures cost about
0.2 ms of CPU a second; bytes are read and pushed only when a new version is there."""

LOG_CHECK_INTERVAL = 0.02
"""Least seconds between two sidecar checks driven by ``plotline.log`` in the caller's thread
(at most 50 checks a second, each a stat per shown figure, so a loop calling ``log`` every
millisecond pays for one check in twenty calls)."""

HINT_RECHECK = 2.0
"""Seconds between two looks at what the hint of a figure that never appeared says."""


class LiveFigure:
    """A PNG shown in a notebook that is replaced in place when its sidecar version changes."""

    def __init__(self, png_path, view):
        self.path = os.fspath(png_path)
        """The PNG followed."""
        self.version = None
        """The sidecar version on display (None before the first one)."""
        self.error = None
        """The error of the latest render, shown under the last good image (None when ok)."""
        self.updates = 0
        """How many times new image bytes were pushed to the display."""
        self._view = view
        self._lock = threading.Lock()
        self._stamps = None
        self._bytes = None
        self._line = None
        self._since = time.monotonic()
        self._hint_checked = float("-inf")

    def refresh(self, wait=True):
        """Push the PNG if its sidecar (or the PNG) changed since the last look; True when pushed.

        With ``wait=False`` a check already running in another thread makes this one return
        at once (the main thread never waits for the poller).
        """
        if not self._lock.acquire(blocking=wait):
            return False
        try:
            return self._refresh()
        finally:
            self._lock.release()

    def display(self):
        """Show the figure (again) in the current cell; every view follows the same updates."""
        self._view.display()

    def _refresh(self):
        stamps = (file_stamp(sidecar_path(self.path)), file_stamp(self.path))
        if stamps == self._stamps:
            if self._bytes is None:
                self._waiting(changed=False)
            return False
        self._stamps = stamps
        status = read_status(self.path)
        if status is not None and self.version is not None and status.version <= self.version:
            # The same version (a PNG written, its sidecar not yet) or an older watcher's sidecar.
            return False
        try:
            with open(self.path, "rb") as f:
                data = f.read()
        except OSError:
            data = None
        pushed = False
        error = None if status is None or status.ok or status.waiting else (status.error or "render failed")
        if data and data != self._bytes:
            self._bytes = data
            self._view.show_image(data)
            self.updates += 1
            pushed = True
        if status is not None:
            self.version = status.version
        self.error = error
        if self._bytes is None:
            if error and not hints.is_missing_data_error(error):
                self._set_status("", f"plotline: {error}", "error")
            else:  # no PNG yet, or an empty / missing data file: waiting is normal
                self._waiting(changed=True)
        else:
            note = "" if error else _warning_note(status)
            level = "error" if error else ("warning" if note else "")
            self._set_status(_caption(self.path, status), f"plotline: {error}" if error else note, level)
        return pushed

    def _set_status(self, caption, message, level):
        line = (caption, message, level)
        if line != self._line:
            self._line = line
            self._view.show_status(caption, message, level)

    def _waiting(self, changed):
        """Show the waiting line, or after HINT_AFTER s the hint (re-checked every HINT_RECHECK s)."""
        now = time.monotonic()
        if now - self._since < hints.HINT_AFTER:
            if changed:
                self._set_status("", hints.waiting_message(self.path), "waiting")
        elif changed or now - self._hint_checked >= HINT_RECHECK:
            self._hint_checked = now
            self._set_status("", hints.hint_message(self.path, hints.HINT_AFTER), "waiting")

    def __repr__(self):
        return f"<plotline.LiveFigure {self.path!r} version {self.version}>"


def _caption(path, status):
    name = os.path.basename(path)
    if status is None:
        return name
    return f"{name} · version {status.version} · {status.rows} rows · {status.ms:.0f} ms"


_STYLES = {"": "color:#666", "waiting": "color:#666", "warning": "color:#a60", "error": "color:#a00"}


def _warning_note(status):
    """The status line's note about values drawn as missing (the sidecar's warnings) or, when
    there are none, the first of the sidecar's read notes; "" when there is neither."""
    if status is None:
        return ""
    if not status.warning_count:
        if not status.notes:
            return ""
        more = len(status.notes) - 1
        return f"plotline: {status.notes[0]}" + (f" (+{more} more note{'s' if more != 1 else ''})" if more else "")
    n = status.warning_count
    note = f"plotline: {n} value{'s' if n != 1 else ''} not a number, drawn as missing"
    if status.warnings:
        w = status.warnings[0]
        note += f" (first: {os.path.basename(str(w.get('file', '')))}:{w.get('line', '?')} " \
                f"column '{w.get('column', '')}': {w.get('value', '')!r})"
    return note


class WidgetView:
    """An ipywidgets Image (the PNG bytes) over an HTML status line (caption, waiting, errors).

    The Image stays hidden (``layout.display = "none"``) until the first PNG, so no broken-image
    icon shows while waiting, and its ``tooltip`` is never set: JupyterLab's widget manager reads
    ``description.length`` when a tooltip changes, which an Image does not have, and the whole
    state change (the new ``value`` with it) was dropped (ipywidgets pull request #3921). The
    caption lives in the status line instead.
    """

    def __init__(self, widgets):
        self._image = widgets.Image(format="png", layout=widgets.Layout(display="none"))
        self._text = widgets.HTML(value="")
        self.widget = widgets.VBox([self._image, self._text])
        """The widget displayed (a VBox of the image and the status line)."""

    def display(self):
        from IPython.display import display
        display(self.widget)

    def show_image(self, data):
        self._image.value = data
        if self._image.layout.display == "none":
            self._image.layout.display = None

    def show_status(self, caption, message, level):
        parts = []
        if caption:
            parts.append(f'<span style="color:#666">{html.escape(caption)}</span>')
        if message:
            parts.append(f'<span style="{_STYLES.get(level, "")}">{html.escape(message)}</span>')
        self._text.value = ('<div style="font-family:monospace;font-size:12px;white-space:pre-wrap">'
                            + "<br>".join(parts) + "</div>") if parts else ""


class DisplayView:
    """IPython display handles (``display_id``) for the image and the status line."""

    def __init__(self):
        self._image = None
        self._image_handle = None
        self._text = ""
        self._text_handle = None

    def display(self):
        from IPython.display import display
        placeholder = self._image if self._image is not None else _Plain("")
        if self._image_handle is None:
            self._image_handle = display(placeholder, display_id=True)
            self._text_handle = display(_Plain(self._text), display_id=True)
        else:
            display(placeholder, display_id=self._image_handle.display_id)
            display(_Plain(self._text), display_id=self._text_handle.display_id)

    def show_image(self, data):
        from IPython.display import Image
        self._image = Image(data=data, format="png")
        if self._image_handle is not None:
            self._image_handle.update(self._image)

    def show_status(self, caption, message, level):
        self._text = "\n".join(part for part in (caption, message) if part)
        if self._text_handle is not None:
            self._text_handle.update(_Plain(self._text))


class _Plain:
    """A text/plain-only display object (an empty one shows nothing)."""

    def __init__(self, text):
        self.text = text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": self.text}


_figures = []
_figures_lock = threading.Lock()
_poller = None
_last_poke = 0.0


def register(figure):
    """Start following `figure` (from the poller thread and from `plotline.log` calls)."""
    global _poller
    with _figures_lock:
        if figure not in _figures:
            _figures.append(figure)
        if poke not in logger._after_log_hooks:
            logger._after_log_hooks.append(poke)
        if POLL_INTERVAL and (_poller is None or not _poller.is_alive()):
            _poller = threading.Thread(target=_poll, name="plotline-live", daemon=True)
            _poller.start()


def unregister(figure):
    """Stop following `figure` (its display keeps the last image)."""
    with _figures_lock:
        if figure in _figures:
            _figures.remove(figure)


def poke():
    """Check the shown figures now if LOG_CHECK_INTERVAL passed since the last check (never waits)."""
    global _last_poke
    now = time.monotonic()
    if now - _last_poke < LOG_CHECK_INTERVAL:
        return
    _last_poke = now
    for figure in list(_figures):
        try:
            figure.refresh(wait=False)
        except Exception:  # a display problem must never break the training loop
            pass


def _poll():
    while True:
        interval = POLL_INTERVAL
        if not interval:
            return
        for figure in list(_figures):
            try:
                figure.refresh()
            except Exception:
                pass
        time.sleep(interval)
