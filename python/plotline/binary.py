"""Finding the ``plotline`` executable."""

import os
import shutil

__all__ = ["PlotlineNotFound", "find_binary"]


class PlotlineNotFound(FileNotFoundError):
    """The ``plotline`` executable was not found; the message lists where it was looked for."""


def _repo_root():
    # python/plotline/binary.py -> the repository holding python/ and .build/
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def find_binary():
    """Return the path of the ``plotline`` executable.

    Looks at ``$PLOTLINE_BIN``, then ``plotline`` on ``PATH``, then the repository's
    ``.build/release/plotline`` and ``.build/debug/plotline`` (when the package is used from a
    checkout). Raises PlotlineNotFound naming every place looked at.
    """
    searched = []
    env = os.environ.get("PLOTLINE_BIN")
    if env:
        if os.path.isfile(env) and os.access(env, os.X_OK):
            return os.path.abspath(env)  # a later chdir (a notebook's folder) must not break it
        raise PlotlineNotFound(f"$PLOTLINE_BIN is {env!r}, which is not an executable file")
    searched.append("$PLOTLINE_BIN (unset)")
    on_path = shutil.which("plotline")
    if on_path:
        return on_path
    searched.append("plotline on PATH")
    root = _repo_root()
    for config in ("release", "debug"):
        candidate = os.path.join(root, ".build", config, "plotline")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
        searched.append(candidate)
    raise PlotlineNotFound(
        "cannot find the plotline executable; looked at: " + ", ".join(searched)
        + ". Build it with `swift build -c release --product plotline` in the repository, "
        "or set PLOTLINE_BIN to its path.")
