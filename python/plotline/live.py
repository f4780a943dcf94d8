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
The approach follows the notes in DESIGN.md (checked with ipykernel 7.4 / ipywidgets 8.1).
"""

import html
import os
import threading
import time

from . import logger
from .sidecar import file_stamp, read_status, sidecar_path

__all__ = ["LiveFigure", "poke", "POLL_INTERVAL", "LOG_CHECK_INTERVAL"]

POLL_INTERVAL = 0.25
"""Seconds between background polls of the shown figures' sidecars (None: no poller thread)."""

LOG_CHECK_INTERVAL = 0.1
"""Least seconds between two sidecar checks driven by ``plotline.log`` in the caller's thread."""


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
        error = None if status is None or status.ok else (status.error or "render failed")
        caption = _caption(self.path, status)
        if data and data != self._bytes:
            self._bytes = data
            self._view.show_image(data, caption)
            self.updates += 1
            pushed = True
        elif status is not None and self._bytes is not None:
            self._view.show_caption(caption)  # a new version with the same pixels (or an error)
        if status is not None:
            self.version = status.version
        if error != self.error or (self.updates == 0 and not pushed):
            self.error = error
            self._view.show_text(_message(self.path, error, waiting=self._bytes is None))
        return pushed

    def __repr__(self):
        return f"<plotline.LiveFigure {self.path!r} version {self.version}>"


def _caption(path, status):
    name = os.path.basename(path)
    if status is None:
        return name
    return f"{name} · version {status.version} · {status.rows} rows · {status.ms:.0f} ms"


def _message(path, error, waiting):
    if error:
        return f"plotline: {error}"
    if waiting:
        return f"plotline: waiting for {path}"
    return ""


class WidgetView:
    """An ipywidgets Image (the PNG bytes) over an HTML line (errors, waiting)."""

    def __init__(self, widgets):
        self._image = widgets.Image(format="png")
        self._text = widgets.HTML(value="", layout=widgets.Layout(display="none"))
        self.widget = widgets.VBox([self._image, self._text])
        """The widget displayed (a VBox of the image and the status line)."""

    def display(self):
        from IPython.display import display
        display(self.widget)

    def show_image(self, data, caption):
        image = self._image
        with image.hold_sync():  # one comm message carrying both changes
            image.value = data
            if image.has_trait("tooltip"):
                image.tooltip = caption

    def show_caption(self, caption):
        if self._image.has_trait("tooltip"):
            self._image.tooltip = caption

    def show_text(self, text):
        self._text.value = f'<span style="color:#a00;font-family:monospace">{html.escape(text)}</span>' if text else ""
        self._text.layout.display = None if text else "none"


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

    def show_image(self, data, caption):
        from IPython.display import Image
        self._image = Image(data=data, format="png")
        if self._image_handle is not None:
            self._image_handle.update(self._image)

    def show_caption(self, caption):
        pass  # an Image display object has no caption

    def show_text(self, text):
        self._text = text
        if self._text_handle is not None:
            self._text_handle.update(_Plain(text))


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
