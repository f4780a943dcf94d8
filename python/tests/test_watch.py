"""plotline.watch: the real binary on a temp folder, PNG + sidecar, the pid file, stop."""

import os
import subprocess
import time

import pytest

import plotline
from plotline.watch import PID_FILE
from polling import wait_for




def test_watch_renders_a_logged_csv_and_stops(tmp_path, plotline_bin):
    watcher = plotline.watch(tmp_path, debounce=50)
    try:
        assert watcher.owned and watcher.running()
        assert plotline.watch(tmp_path) is watcher, "one watcher per folder"
        assert (tmp_path / PID_FILE).read_text().split("\n")[0] == str(watcher.pid)
        for step in range(20):
            plotline.log(str(tmp_path / "metrics.csv"), step=step, loss=1.0 / (step + 1))
            time.sleep(0.01)  # a loop's pace (and the watcher adds its inotify watch asynchronously)
        status = wait_for(lambda: (s := plotline.read_status(tmp_path / "metrics.png")) and s.rows == 20 and s)
        assert status, f"no sidecar with 20 rows; watcher log:\n{watcher.log_tail()}"
        assert status.ok and status.error is None and status.version >= 1
        png = (tmp_path / "metrics.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        watcher.stop()
    assert not watcher.running()
    assert not (tmp_path / PID_FILE).exists(), "stop removes the pid file"


def test_a_watcher_started_elsewhere_is_adopted_not_doubled(tmp_path, plotline_bin):
    other = subprocess.Popen([plotline_bin, "watch", str(tmp_path), "--quiet"], stdout=subprocess.DEVNULL)
    try:
        (tmp_path / PID_FILE).write_text(f"{other.pid}\n\n")
        time.sleep(0.2)
        found = plotline.watch(tmp_path)
        assert found.pid == other.pid and not found.owned
        found.stop()
        assert other.poll() is None, "stop leaves another process's watcher running"
    finally:
        other.terminate()
        other.wait()
    # The pid now names a finished process: a new watcher starts.
    fresh = plotline.watch(tmp_path, quiet=True)
    try:
        assert fresh.owned and fresh.pid != other.pid and fresh.running()
    finally:
        fresh.stop()


def test_a_failing_start_raises_with_the_log(tmp_path, plotline_bin):
    with pytest.raises(RuntimeError, match="debounce"):
        plotline.watch(tmp_path, debounce=99999)


def test_missing_binary_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PLOTLINE_BIN", str(tmp_path / "nope"))
    with pytest.raises(plotline.PlotlineNotFound, match="PLOTLINE_BIN"):
        plotline.watch(tmp_path)


def test_show_outside_jupyter_prints_the_path(tmp_path, capsys):
    assert plotline.show(tmp_path / "a.png") is None
    assert capsys.readouterr().out.strip() == str(tmp_path / "a.png")


def test_the_sidecar_lists_the_vector_files_written_beside_the_png(tmp_path, plotline_bin):
    (tmp_path / "m.csv").write_text("step,loss\n1,0.5\n2,0.4\n3,0.3\n")
    done = subprocess.run([plotline_bin, "watch", str(tmp_path), "--once", "--quiet", "--format", "png,svg"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    status = plotline.read_status(tmp_path / "m.png")
    assert status.ok and status.also == ("m.svg",)
    assert (tmp_path / "m.svg").read_bytes().startswith(b"<?xml")


def test_a_stray_text_value_is_a_sidecar_warning_not_a_lost_series(tmp_path, plotline_bin):
    # `[0.0005]` in a numeric column (a logged list) is drawn as a missing value and listed.
    (tmp_path / "m.csv").write_text("step,lr\n1,0.001\n2,[0.0005]\n3,0.0005\n4,0.0004\n")
    done = subprocess.run([plotline_bin, "watch", str(tmp_path), "--once", "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    status = plotline.read_status(tmp_path / "m.png")
    assert status.ok and status.rows == 4
    assert status.warning_count == 1
    assert status.warnings == ({"file": str(tmp_path / "m.csv"), "line": 3, "column": "lr", "value": "[0.0005]"},)
