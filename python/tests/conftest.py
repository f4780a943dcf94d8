"""Shared fixtures: the package on sys.path, and the plotline binary the watcher tests run."""

import os
import sys

import pytest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if PYTHON_DIR not in sys.path:
    sys.path.insert(0, PYTHON_DIR)

import plotline  # noqa: E402


@pytest.fixture(scope="session")
def plotline_bin():
    """The plotline executable ($PLOTLINE_BIN, PATH, or the checkout's .build); skips when none."""
    try:
        return plotline.find_binary()
    except plotline.PlotlineNotFound as error:
        if os.environ.get("PLOTLINE_BIN"):
            raise
        pytest.skip(f"no plotline binary: {error}")
