"""Live figures in real notebooks: a real ipykernel, ipywidgets, the real watcher.

Both situations of issue 5: (1) a training loop busy in the foreground of a cell, (2) training
in a background thread after its cell finished while other cells run. The assertions read the
kernel's iopub messages: comm updates of the Image widget carry the PNG bytes and the version.
"""

import json
import os

import pytest

from notebook_run import Stream, run_notebook

pytest.importorskip("nbclient")
pytest.importorskip("ipywidgets")
pytest.importorskip("ipykernel")

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def setup_cell(folder, poll_interval):
    return f"""
import json, os, sys, threading, time
sys.path.insert(0, {PYTHON_DIR!r})
import plotline, plotline.live
plotline.live.POLL_INTERVAL = {poll_interval!r}
FOLDER = {str(folder)!r}
CSV, PNG = FOLDER + "/metrics.csv", FOLDER + "/metrics.png"
watcher = plotline.watch(FOLDER, debounce=100)
fig = plotline.show(PNG)
print("watcher pid", watcher.pid)
"""


def wait_cell(drive):
    # Test code, not plotline: wait until the displayed figure reached the final render.
    return f"""
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    s = plotline.read_status(PNG)
    {"fig.refresh()" if drive else ""}
    if s and s.rows == ROWS and fig.version == s.version:
        break
    time.sleep(0.05)
print("FINAL " + json.dumps({{"version": s.version, "rows": s.rows, "shown": fig.version, "updates": fig.updates}}))
sys.stdout.flush()
"""


def final_of(stream):
    pos = stream.printed("FINAL ")
    text = stream.messages[pos]["content"]["text"]
    return json.loads(text[text.index("FINAL ") + 6:].splitlines()[0])


def check_end_state(stream, folder, final):
    updates = stream.image_updates()
    assert None not in [v for _, v, _ in updates[1:]], "only a PNG shown before its first sidecar lacks a version"
    versions = [v for _, v, _ in updates if v is not None]
    assert versions == sorted(versions) and len(set(versions)) == len(versions), f"versions strictly increase: {versions}"
    assert final["shown"] == final["version"], final
    _, last_bytes = updates[-1][0], updates[-1][2]
    assert last_bytes == (folder / "metrics.png").read_bytes(), "the last image sent is the final PNG"
    assert last_bytes[:8] == b"\x89PNG\r\n\x1a\n"
    assert stream.captions()[-1][1] == final["version"], f"the display ends labelled with the final version: {final}"


def watcher_pid(stream):
    text = stream.messages[stream.printed("watcher pid")]["content"]["text"]
    return int(text.split("watcher pid")[1].split()[0])


def assert_stopped(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return
    with open(f"/proc/{pid}/stat") as f:
        assert f.read().split()[2] == "Z", "the watcher stops when the kernel exits"


@pytest.mark.parametrize("poll_interval", [0.25, None], ids=["poller-and-log", "log-calls-only"])
def test_foreground_loop_updates_the_image_during_the_loop(tmp_path, plotline_bin, monkeypatch, poll_interval):
    monkeypatch.setenv("PLOTLINE_BIN", plotline_bin)
    loop = """
print("loop start"); sys.stdout.flush()
t0 = time.monotonic(); step = 0
while time.monotonic() - t0 < 3.5:
    plotline.log(CSV, step=step, loss=1.0 / (step + 1), acc=step % 7)
    step += 1
    x = sum(range(20000))  # CPU-bound work, as a training step is: no sleep, the GIL stays busy
ROWS = step
print("loop end", step); sys.stdout.flush()
"""
    cells = [setup_cell(tmp_path, poll_interval), loop, wait_cell(drive=poll_interval is None)]
    _, messages = run_notebook(cells, tmp_path)
    stream = Stream(messages, cells)
    start, end = stream.printed("loop start"), stream.printed("loop end")
    during = [(pos, v) for pos, v, _ in stream.image_updates() if start < pos < end]
    assert len({v for _, v in during}) >= 2, f"at least two new versions shown while the loop ran: {during}"
    check_end_state(stream, tmp_path, final_of(stream))
    assert_stopped(watcher_pid(stream))


def test_background_thread_updates_the_image_after_its_cell_finished(tmp_path, plotline_bin, monkeypatch):
    monkeypatch.setenv("PLOTLINE_BIN", plotline_bin)
    start_training = """
ROWS = 250
def train():
    for step in range(ROWS):
        plotline.log(CSV, step=step, loss=1.0 / (step + 1))
        time.sleep(0.012)
threading.Thread(target=train, daemon=True).start()
print("training started")
"""
    other_work = [f"time.sleep(0.5); other = sum(range(100000))  # other work {n}" for n in range(5)]
    cells = [setup_cell(tmp_path, 0.25), start_training] + other_work + [wait_cell(drive=False)]
    _, messages = run_notebook(cells, tmp_path)
    stream = Stream(messages, cells)
    started = stream.cell_end(1)
    after = [v for pos, v, _ in stream.image_updates() if pos > started]
    assert len(set(after)) >= 2, f"new versions arrive after the training cell finished: {after}"
    while_other_cells = [v for pos, v, _ in stream.image_updates() if started < pos < stream.cell_end(6)]
    assert while_other_cells, "updates arrive while the user runs other cells"
    check_end_state(stream, tmp_path, final_of(stream))


def test_without_ipywidgets_a_display_handle_updates_in_place(tmp_path, plotline_bin, monkeypatch):
    """The fallback when ipywidgets is missing: one display_id, replaced by update_display_data."""
    import base64

    monkeypatch.setenv("PLOTLINE_BIN", plotline_bin)
    no_widgets = "import sys; sys.modules['ipywidgets'] = None  # as if it were not installed\n"
    loop = """
print("loop start"); sys.stdout.flush()
t0 = time.monotonic(); step = 0
while time.monotonic() - t0 < 3.0:
    plotline.log(CSV, step=step, loss=1.0 / (step + 1))
    step += 1
    x = sum(range(20000))
ROWS = step
print("loop end", step); sys.stdout.flush()
"""
    cells = [no_widgets + setup_cell(tmp_path, 0.25), loop, wait_cell(drive=False)]
    _, messages = run_notebook(cells, tmp_path)
    stream = Stream(messages, cells)
    assert not stream.image_comms, "no widget was created"
    start, end = stream.printed("loop start"), stream.printed("loop end")
    shown = [(pos, msg) for pos, msg in enumerate(messages)
             if msg["msg_type"] in ("display_data", "update_display_data") and "image/png" in msg["content"]["data"]]
    ids = {msg["content"].get("transient", {}).get("display_id") for _, msg in shown}
    assert len(ids) == 1 and None not in ids, f"every image goes to one display id: {ids}"
    during = {msg["content"]["data"]["image/png"] for pos, msg in shown
              if msg["msg_type"] == "update_display_data" and start < pos < end}
    assert len(during) >= 2, "the image was replaced in place at least twice while the loop ran"
    last = base64.b64decode(shown[-1][1]["content"]["data"]["image/png"])
    assert last == (tmp_path / "metrics.png").read_bytes(), "the display ends at the final PNG"
    assert_stopped(watcher_pid(stream))
