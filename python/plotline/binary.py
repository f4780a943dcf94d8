"""Finding the ``plotline`` executable.

The wheel carries the binary as a script (``plotline-<v>.data/scripts/plotline``), so pip puts
it in the environment's ``bin/``; the package's installed-files record (``RECORD``) says where.
The search order is: an explicit path or ``$PLOTLINE_BIN``; the binary installed with this
package; ``plotline`` on ``PATH``; the checkout's Swift build (an editable install or the
tests, which import the package from python/).
"""

import os
import shutil

__all__ = ["PlotlineNotFound", "find_binary", "installed_binary"]

INSTALL_HINT = ("Install the package with its binary: `pip install ./python` in a Plotline checkout "
                "(building the wheel needs Swift 6), or build it with "
                "`swift build -c release --product plotline` and set PLOTLINE_BIN to .build/release/plotline.")


class PlotlineNotFound(FileNotFoundError):
    """The ``plotline`` executable was not found; the message lists where it was looked for."""


def _repo_root():
    # python/plotline/binary.py -> the repository holding python/ and .build/
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _executable(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def installed_binary():
    """The ``plotline`` binary installed with this package (from its wheel), or None."""
    try:
        from importlib import metadata
        dist = metadata.distribution("plotline")
    except Exception:  # not installed (imported from a checkout), or no metadata support
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    package_file = dist.locate_file("plotline/__init__.py")
    if os.path.dirname(os.path.abspath(str(package_file))) != here:
        return None  # the installed distribution is another copy than the one imported
    for entry in dist.files or ():
        parts = entry.parts
        if parts[-1] == "plotline" and len(parts) >= 2 and parts[-2] in ("bin", "Scripts"):
            path = os.path.abspath(str(dist.locate_file(entry)))
            if _executable(path):
                return path
    return None


def find_binary(explicit=None):
    """Return the path of the ``plotline`` executable.

    Looks at `explicit` (a path), then ``$PLOTLINE_BIN``, then the binary installed with this
    package, then ``plotline`` on ``PATH``, then the checkout's ``.build/release/plotline`` (and
    the other builds there). Raises PlotlineNotFound naming every place looked at and how to
    install the binary.
    """
    for given, origin in ((explicit, "the binary argument"), (os.environ.get("PLOTLINE_BIN"), "$PLOTLINE_BIN")):
        if given:
            given = os.fspath(given)
            if _executable(given):
                return os.path.abspath(given)  # a later chdir (a notebook's folder) must not break it
            raise PlotlineNotFound(f"{origin} is {given!r}, which is not an executable file")
    searched = ["$PLOTLINE_BIN (unset)"]
    installed = installed_binary()
    if installed:
        return installed
    searched.append("the binary installed with the plotline package (none: not installed from a wheel)")
    on_path = shutil.which("plotline")
    if on_path:
        return os.path.abspath(on_path)
    searched.append("plotline on PATH")
    root = _repo_root()
    for build in ("release", "wheel/release", "debug"):
        candidate = os.path.join(root, ".build", build, "plotline")
        if _executable(candidate):
            return candidate
        searched.append(candidate)
    raise PlotlineNotFound("cannot find the plotline executable; looked at: " + ", ".join(searched) + ". " + INSTALL_HINT)
