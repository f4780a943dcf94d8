"""The Python figure API: the specs it writes, its checks, in-memory data and atomic updates."""

import json
import os
import subprocess
import sys
import threading

import pytest

import plotline
from plotline.npy import npy_bytes
from polling import wait_for

np = pytest.importorskip("numpy") if os.environ.get("PLOTLINE_NEED_NUMPY") else None
try:
    import numpy as np  # noqa: F811
except ImportError:
    np = None


def test_a_figure_is_the_spec_a_person_would_write(tmp_path):
    log = tmp_path / "runs" / "metrics.csv"
    log.parent.mkdir()
    log.write_text("step,loss,val_loss\n0,1,1.2\n")
    fig = plotline.Figure(tmp_path / "runs" / "train", title="Training", size=(1000, 600), layout=(1, 2))
    fig.panel("Loss", yscale="log", ylim=(1e-3, None)).line(log, x="step", y=["loss", "val_loss"], dash="dashed")
    fig.panel("Loss, linear").scatter(log, x="step", y="loss", markersize=3).hline(0.5)
    path = fig.write()
    assert path == str(tmp_path / "runs" / "train.plot.json") and fig.png == str(tmp_path / "runs" / "train.png")
    assert json.loads(open(path).read()) == {
        "version": 1, "title": "Training", "size": [1000, 600], "layout": {"rows": 1, "columns": 2},
        "data": {"metrics": "metrics.csv"},
        "panels": [
            {"title": "Loss", "y": {"scale": "log", "min": 0.001},
             "series": [{"data": "metrics", "kind": "line", "x": "step", "y": "loss", "dash": "dashed"},
                        {"data": "metrics", "kind": "line", "x": "step", "y": "val_loss", "dash": "dashed"}]},
            {"title": "Loss, linear", "annotations": [{"hline": 0.5}],
             "series": [{"data": "metrics", "kind": "scatter", "x": "step", "y": "loss", "markersize": 3}]},
        ]}
    assert sorted(os.listdir(tmp_path / "runs")) == ["metrics.csv", "train.plot.json"], "no temp files left"


def test_misspelt_and_misplaced_options_fail_at_the_call(tmp_path):
    panel = plotline.Figure(tmp_path / "f").panel()
    with pytest.raises(TypeError, match=r"unknown series key 'colour' \(did you mean 'color'\?\)"):
        panel.line("a.csv", y="v", colour="red")
    with pytest.raises(TypeError, match=r"'bins' applies only to kind histogram, not line"):
        panel.line("a.csv", y="v", bins=10)
    with pytest.raises(TypeError, match=r"unknown y axis key 'lable'"):
        plotline.Figure().panel(y={"lable": "loss"})
    with pytest.raises(TypeError, match=r"unknown hline annotation key 'alpha'"):
        panel.hline(1, alpha=0.5)
    with pytest.raises(ValueError, match="layout is \\(rows, columns\\)"):
        plotline.Figure(layout=(1, 2, 3))
    with pytest.raises(ValueError, match="ends in .plot.json"):
        plotline.Figure(tmp_path / "f.json")
    with pytest.raises(ValueError, match="Plotline draws 1-D and 2-D arrays"):
        panel.heatmap([[[1]]])


def test_the_binarys_errors_reach_python_with_the_key_path(tmp_path, plotline_bin):
    (tmp_path / "a.csv").write_text("x,v\n1,2\n")
    fig = plotline.Figure(tmp_path / "bad")
    fig.panel().line(tmp_path / "a.csv", x="x", y="val", color="tab:nope")
    with pytest.raises(plotline.FigureError) as error:
        fig.render(binary=plotline_bin)
    assert "bad.plot.json: panels[0].series[0].color: expected a colour" in str(error.value)
    assert not (tmp_path / "bad.png").exists()


def test_one_array_is_one_file_replaced_in_place(tmp_path, plotline_bin):
    fig = plotline.Figure(tmp_path / "weights")
    fig.panel("weights").histogram([0.0, 1.0, 1.5], name="w", bins=3)
    spec = fig.write()
    assert json.loads(open(spec).read())["data"] == {"w": "weights.npy"}
    before = os.stat(spec)
    fig.update(w=[2.0, 3.0, 4.0, 5.0], wait=True)
    after = os.stat(spec)
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns), "the spec is not rewritten"
    assert sorted(os.listdir(tmp_path)) == ["weights.npy", "weights.plot.json"]
    fig.render(binary=plotline_bin)
    done = subprocess.run([plotline_bin, "render", str(tmp_path / "weights.npy"), "-o", str(tmp_path / "w.png")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def epoch_arrays(epoch):
    return [float(epoch)] * 500, [[float(epoch)] * 8 for _ in range(8)]


def test_several_arrays_commit_together_so_no_frame_mixes_epochs(tmp_path):
    """A reader doing what a render does (read the spec, then its data files) always finds one epoch."""
    import time
    fig = plotline.Figure(tmp_path / "arrays", layout=(1, 2))
    w, a = epoch_arrays(0)
    fig.panel("weights").histogram(w, name="w")
    fig.panel("activations").heatmap(a, name="a")
    spec_path = fig.write()
    stop = threading.Event()
    seen, problems = [], []

    def reader():
        # As `watch` does (WatchSession.specFigure): a data file gone while the spec has been
        # replaced since means "read the newer spec"; gone while the spec still names it is a bug.
        while not stop.is_set():
            text = open(spec_path).read()
            spec = json.loads(text)
            try:
                values = []
                for name in ("w", "a"):
                    with open(os.path.join(tmp_path, spec["data"][name]), "rb") as f:
                        raw = f.read()
                    header = 10 + int.from_bytes(raw[8:10], "little")
                    values.append(set(memoryview(raw[header:]).cast("d")))
                if len(values[0]) != 1 or values[0] != values[1]:
                    problems.append(values)
                seen.append(next(iter(values[0])))
            except FileNotFoundError as error:
                if open(spec_path).read() == text:
                    problems.append(f"a file the current spec names is gone: {error}")

    thread = threading.Thread(target=reader)
    thread.start()
    for epoch in range(1, 300):
        w, a = epoch_arrays(epoch)
        fig.update(w=w, a=a)
        time.sleep(0.001)  # the rest of a training step
    fig.flush()
    stop.set()
    thread.join()
    assert not problems, problems[:3]
    assert len(set(seen)) > 10, "the reader saw many epochs"
    files = os.listdir(tmp_path / ".arrays.plot")
    assert 8 <= len(files) <= 64, f"from 4 to 32 recent generations of each array are kept: {sorted(files)}"
    assert not (tmp_path / "w.png").exists()


def test_an_unchanged_array_is_not_written_again(tmp_path, monkeypatch):
    monkeypatch.setattr(plotline.figure, "KEEP_SECONDS", 0)
    fig = plotline.Figure(tmp_path / "two", layout=(1, 2))
    fig.panel().histogram([1.0, 2.0], name="w")
    fig.panel().heatmap([[1.0, 2.0], [3.0, 4.0]], name="big")
    fig.write()
    for k in range(6):
        fig.update(w=[float(k), 1.0], wait=True)
    names = sorted(os.listdir(tmp_path / ".two.plot"))
    assert names == ["big.1.npy", "w.4.npy", "w.5.npy", "w.6.npy", "w.7.npy"], names


def test_a_rerun_starts_after_the_earlier_runs_files(tmp_path, monkeypatch):
    monkeypatch.setattr(plotline.figure, "KEEP_SECONDS", 0)
    for run in range(2):
        fig = plotline.Figure(tmp_path / "f", layout=(1, 2))
        fig.panel().histogram([1.0], name="w")
        fig.panel().histogram([2.0], name="v")
        for _ in range(3):
            fig.update(w=[1.0, 2.0], wait=True)
        if run == 0:
            assert sorted(os.listdir(tmp_path / ".f.plot")) == ["v.1.npy", "w.1.npy", "w.2.npy", "w.3.npy"]
    names = sorted(os.listdir(tmp_path / ".f.plot"))
    assert names == ["v.4.npy", "w.3.npy", "w.4.npy", "w.5.npy", "w.6.npy"], "the earlier run's last files stay a while"
    for _ in range(2):
        fig.update(w=[1.0, 2.0], wait=True)
    names = sorted(os.listdir(tmp_path / ".f.plot"))
    assert names == ["v.4.npy", "w.5.npy", "w.6.npy", "w.7.npy", "w.8.npy"], names


NPY_WITHOUT_NUMPY = r"""
import array, sys
sys.modules["numpy"] = None  # as if numpy were not installed
sys.path.insert(0, {path!r})
from plotline import write_array
folder = {folder!r}
write_array(folder + "/list.npy", [1, 2.5, None, -4])
write_array(folder + "/rows.npy", [[1, 2, 3], [4, 5, 6]])
write_array(folder + "/ints.npy", array.array("h", [-3, 7]))
write_array(folder + "/floats.npy", array.array("f", [0.5, 1.5]))
try:
    write_array(folder + "/bad.npy", [[1, 2], [3]])
except ValueError as error:
    print("error:", error)
"""


def test_arrays_are_written_without_numpy(tmp_path, plotline_bin):
    package = os.path.dirname(os.path.dirname(os.path.abspath(plotline.__file__)))
    code = NPY_WITHOUT_NUMPY.format(path=package, folder=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "error: a 2-D list needs rows of equal length: row 0 has 2, row 1 has 1" in done.stdout
    assert not (tmp_path / "bad.npy").exists()
    for name in ("list", "rows", "ints", "floats"):
        out = subprocess.run([plotline_bin, "render", str(tmp_path / f"{name}.npy"), "-o", str(tmp_path / f"{name}.png")],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
    if np is not None:
        assert np.load(tmp_path / "list.npy").tolist()[:2] == [1.0, 2.5]
        assert np.isnan(np.load(tmp_path / "list.npy")[2])
        assert np.load(tmp_path / "rows.npy").tolist() == [[1, 2, 3], [4, 5, 6]]
        assert np.load(tmp_path / "ints.npy").dtype == np.int16
        assert np.load(tmp_path / "floats.npy").tolist() == [0.5, 1.5]


@pytest.mark.skipif(np is None, reason="numpy is not installed")
def test_numpy_arrays_of_every_type_and_order_round_trip(tmp_path, plotline_bin):
    cases = [np.linspace(0, 1, 7), np.arange(6, dtype=np.float32), np.arange(-3, 3, dtype=np.int8),
             np.arange(6, dtype=">i4"), np.arange(6, dtype=np.uint64), np.array([True, False, True]),
             np.arange(5, dtype=np.float16), np.arange(12.0).reshape(3, 4), np.asfortranarray(np.arange(12.0).reshape(3, 4)),
             np.arange(12, dtype=np.int16).reshape(4, 3).T, np.arange(20.0)[::2]]
    for k, value in enumerate(cases):
        path = tmp_path / f"a{k}.npy"
        plotline.write_array(path, value)
        back = np.load(path)
        assert back.shape == value.shape and np.array_equal(back, value), (k, value.dtype)
        out = subprocess.run([plotline_bin, "render", str(path), "-o", str(tmp_path / f"a{k}.png"), "--size", "400x320"],
                             capture_output=True, text=True)
        assert out.returncode == 0, (k, out.stderr)
    with pytest.raises(ValueError, match="shape \\(2, 2, 2\\)"):
        npy_bytes(np.zeros((2, 2, 2)))
    with pytest.raises(TypeError, match="cannot write an array of <U1 as numbers"):
        npy_bytes(np.array(["a", "b"]))


def test_tables_in_memory_keep_their_column_names(tmp_path, plotline_bin):
    fig = plotline.Figure(tmp_path / "table")
    fig.panel().bar({"name": ["a", "b"], "count": [3, 5]}, name="counts", x="name", y="count")
    fig.render(binary=plotline_bin)
    assert open(tmp_path / "table.csv").read() == "name,count\na,3\nb,5\n"
    pandas = sys.modules.get("pandas")
    if pandas is None:
        try:
            import pandas
        except ImportError:
            return
    frame = pandas.DataFrame({"loss": [1.0, 0.5, 0.25]}, index=pandas.Index([10, 20, 30], name="step"))
    fig.update(counts=frame, wait=True)
    assert open(tmp_path / "table.csv").read() == "step,loss\n10,1.0\n20,0.5\n30,0.25\n"




def test_watch_redraws_a_figure_whose_array_is_replaced(tmp_path, plotline_bin):
    """One array: NAME.npy replaced in place, the spec untouched; the watcher redraws NAME.png, and only it."""
    watcher = plotline.watch(tmp_path, debounce=50)
    try:
        fig = plotline.Figure(tmp_path / "weights", layout=(1, 2))
        fig.panel("histogram").histogram(list(range(10)), name="w", bins=5)
        fig.panel("line").line("w")
        fig.write()
        first = wait_for(lambda: (s := plotline.read_status(fig.png)) and s.rows == 10 and s)
        assert first and first.ok, f"first render; watcher log:\n{watcher.log_tail()}"
        for n in (20, 30, 40):
            fig.update(w=[float(k % 7) for k in range(n)])
            status = wait_for(lambda: (s := plotline.read_status(fig.png)) and s.rows == n and s)
            assert status and status.ok and status.version > first.version, f"redrawn for {n} rows:\n{watcher.log_tail()}"
        assert sorted(p for p in os.listdir(tmp_path) if p.endswith(".png")) == ["weights.png"], "no second figure of weights.npy"
    finally:
        watcher.stop()


def test_update_returns_before_the_disk_and_flush_waits(tmp_path):
    """update() copies the array and queues the write: changing the array afterwards changes nothing."""
    fig = plotline.Figure(tmp_path / "queued")
    values = [1.0, 2.0, 3.0]
    fig.panel().histogram(values, name="v")
    fig.write()
    values[0] = 99.0
    fig.update(v=values)
    values[1] = -5.0  # the caller reuses its buffer at once
    fig.flush()
    raw = (tmp_path / "queued.npy").read_bytes()
    header = 10 + int.from_bytes(raw[8:10], "little")
    assert list(memoryview(raw[header:]).cast("d")) == [99.0, 2.0, 3.0]


def test_a_failed_background_write_is_raised_by_the_next_call(tmp_path):
    fig = plotline.Figure(tmp_path / "sub" / "f")
    fig.panel().histogram([1.0], name="v")
    fig.write()
    for name in os.listdir(tmp_path / "sub"):
        os.unlink(tmp_path / "sub" / name)
    os.rmdir(tmp_path / "sub")
    (tmp_path / "sub").write_text("a file where the figure's folder was")
    fig.update(v=[2.0])
    with pytest.raises(OSError):
        fig.flush()
    fig.flush()  # reported once


def test_a_figure_without_a_path_renders_from_a_temporary_folder(tmp_path, plotline_bin):
    fig = plotline.Figure(title="in memory")
    fig.panel().line([3.0, 1.0, 2.0], name="v")
    out = fig.render(tmp_path / "a.png", binary=plotline_bin)
    assert out == str(tmp_path / "a.png") and fig.path is None
    fig.data("v", [1.0, 2.0, 3.0, 4.0])
    fig.render(tmp_path / "b.png", binary=plotline_bin)
    assert (tmp_path / "a.png").read_bytes() != (tmp_path / "b.png").read_bytes(), "the new data is drawn"
    assert sorted(os.listdir(tmp_path)) == ["a.png", "b.png"]


def test_render_writes_svg_and_pdf_by_extension(tmp_path, plotline_bin):
    fig = plotline.Figure(title="vector")
    fig.panel("loss", xlabel="step").line([3.0, 1.0, 2.0, 0.5], name="loss")
    svg = fig.render(tmp_path / "fig.svg", binary=plotline_bin)
    pdf = fig.render(tmp_path / "fig.pdf", binary=plotline_bin)
    text = open(svg, encoding="utf-8").read()
    assert text.lstrip().startswith("<?xml") or text.lstrip().startswith("<svg"), text[:80]
    assert "vector" in text and "step" in text, "labels kept as searchable text"
    assert open(pdf, "rb").read(5) == b"%PDF-"
    with pytest.raises(plotline.FigureError, match="png, .svg or .pdf|\\.jpg"):
        fig.render(tmp_path / "fig.jpg", binary=plotline_bin)
