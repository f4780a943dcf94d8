"""find_binary: the documented search order and the error when there is no binary."""

import os

import pytest

import plotline
from plotline import binary


def fake_binary(folder, name="plotline"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\necho fake\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def nothing_found(tmp_path, monkeypatch):
    """No $PLOTLINE_BIN, no installed binary, an empty PATH, a checkout without builds."""
    monkeypatch.delenv("PLOTLINE_BIN", raising=False)
    monkeypatch.setattr(binary, "installed_binary", lambda: None)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    monkeypatch.setattr(binary, "_repo_root", lambda: str(tmp_path / "checkout"))
    return tmp_path


def test_the_order_is_argument_env_installed_path_checkout(nothing_found, monkeypatch):
    tmp = nothing_found
    checkout = fake_binary(tmp / "checkout" / ".build" / "release")
    assert plotline.find_binary() == checkout
    on_path = fake_binary(tmp / "empty-path")
    assert plotline.find_binary() == on_path, "PATH before the checkout"
    installed = fake_binary(tmp / "venv" / "bin")
    monkeypatch.setattr(binary, "installed_binary", lambda: installed)
    assert plotline.find_binary() == installed, "the package's own binary before PATH"
    env = fake_binary(tmp / "env")
    monkeypatch.setenv("PLOTLINE_BIN", env)
    assert plotline.find_binary() == env, "$PLOTLINE_BIN before the installed one"
    explicit = fake_binary(tmp / "explicit")
    assert plotline.find_binary(explicit) == explicit, "an explicit path first"


def test_a_bad_plotline_bin_is_an_error_not_skipped(nothing_found, monkeypatch):
    monkeypatch.setenv("PLOTLINE_BIN", str(nothing_found / "nope"))
    with pytest.raises(plotline.PlotlineNotFound, match=r"\$PLOTLINE_BIN is .*nope.*not an executable file"):
        plotline.find_binary()


def test_no_binary_says_where_it_looked_and_how_to_install(nothing_found):
    with pytest.raises(plotline.PlotlineNotFound) as info:
        plotline.find_binary()
    message = str(info.value)
    assert "plotline on PATH" in message and os.path.join("checkout", ".build", "release", "plotline") in message
    assert "pip install ./python" in message and "swift build -c release" in message


def test_the_checkout_is_not_taken_for_an_installed_package():
    assert binary.installed_binary() is None, "imported from python/ (the tests), not from a wheel"
