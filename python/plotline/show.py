"""``plotline.show``: display a PNG in Jupyter and keep it current (see live.py for how)."""

import os

from . import live

__all__ = ["show", "in_kernel"]

_shown = {}


def in_kernel():
    """True when running inside a Jupyter kernel (IPython with a kernel attached)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _make_view():
    try:
        import ipywidgets
    except ImportError:
        return live.DisplayView()
    return live.WidgetView(ipywidgets)


def show(png_path):
    """Show the figure at `png_path` and update it in place whenever its sidecar version changes.

    In Jupyter (Lab, classic Notebook, VS Code) returns the LiveFigure; it updates while a cell
    runs a training loop that calls ``plotline.log`` and after the cell finished (a background
    poller). Showing the same path again adds another view of the same live figure. The PNG may
    not exist yet (the watcher has not drawn it): a line says so until it appears. Outside
    Jupyter it prints the path and returns None.
    """
    path = os.path.abspath(os.fspath(png_path))
    if not in_kernel():
        print(path)
        return None
    figure = _shown.get(path)
    if figure is None:
        figure = live.LiveFigure(path, _make_view())
        figure.refresh()
        _shown[path] = figure
    figure.display()
    live.register(figure)
    return figure
