"""The seed case in a real notebook: python/README.md's "Two live figures in about ten lines", run exactly.

Two figures with two panels each: `metrics` follows a log the foreground loop appends to,
`arrays` is replaced by a background thread while the loop cell runs. The cells are read from
the README, so the documented code is the tested code. The kernel's iopub messages show each
figure's image widget receiving new PNGs during the loop; the PNGs on disk are decoded to check
that both panels of both figures changed between the first image shown and the last.
"""

import os
import re

import pytest

from notebook_run import Stream, run_notebook
from pngread import distinct_colors, read_png, region_differs

pytest.importorskip("nbclient")
pytest.importorskip("ipywidgets")
pytest.importorskip("ipykernel")
pytest.importorskip("numpy")

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(PYTHON_DIR, "README.md")


def readme_cells():
    text = open(README, encoding="utf-8").read()
    section = text.split("## Two live figures in about ten lines", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


WAIT = """
import json
deadline = time.monotonic() + 60
while time.monotonic() < deadline and any(t.name != "MainThread" and t.is_alive() and "epochs" in repr(t) for t in threading.enumerate()):
    time.sleep(0.05)
last, stable_since = None, time.monotonic()
while time.monotonic() < deadline:
    m, a = plotline.read_status(metrics.png), plotline.read_status(arrays.png)
    now = (m and m.version, m and m.rows, a and a.version)
    if now != last:
        last, stable_since = now, time.monotonic()
    if m and m.rows == 4000 and time.monotonic() - stable_since > 2.0:
        break
    time.sleep(0.05)
print("FINAL " + json.dumps({"metrics": [m.version, m.rows, m.ok], "arrays": [a.version, a.ok]}))
"""


def updates_by_widget(stream):
    """{comm id: [(position, png bytes)]} of every image value the kernel sent, in stream order."""
    out = {}
    for pos, msg in enumerate(stream.messages):
        if msg["msg_type"] != "comm_msg" or msg["content"]["comm_id"] not in stream.image_comms:
            continue
        data = msg["content"]["data"]
        if data.get("method") == "update" and ["value"] in data.get("buffer_paths", []):
            index = data["buffer_paths"].index(["value"])
            out.setdefault(msg["content"]["comm_id"], []).append((pos, bytes(msg["buffers"][index])))
    return out


def test_seed_case_two_figures_two_panels_loop_and_thread(tmp_path, plotline_bin, monkeypatch):
    monkeypatch.setenv("PLOTLINE_BIN", plotline_bin)
    cells = readme_cells()
    assert len(cells) == 3 and sum(len(c.strip().splitlines()) for c in cells[:1]) <= 10, "about ten lines"
    setup = f"import sys; sys.path.insert(0, {PYTHON_DIR!r})"
    all_cells = [setup] + cells + [WAIT]
    nb, messages = run_notebook(all_cells, tmp_path, timeout=180)
    stream = Stream(messages, all_cells)
    errors = [o for cell in nb.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors

    final_text = stream.messages[stream.printed("FINAL ")]["content"]["text"]
    assert '"metrics": [' in final_text and "true]" in final_text, final_text

    loop_start = next(pos for pos, msg in enumerate(messages)
                      if msg["msg_type"] == "execute_input" and msg["content"]["code"] == cells[2])
    loop_end = stream.cell_end(3)
    widgets = updates_by_widget(stream)
    assert len(widgets) == 2, f"two image widgets: {list(widgets)}"
    runs = tmp_path / "runs"
    files = {"metrics": (runs / "metrics.png").read_bytes(), "arrays": (runs / "arrays.png").read_bytes()}
    by_name = {}
    for comm, updates in widgets.items():
        name = "metrics" if updates[-1][1] == files["metrics"] else "arrays"
        by_name[name] = updates
    assert set(by_name) == {"metrics", "arrays"}, "each widget ends at its figure's final PNG"
    for name, updates in by_name.items():
        during = {png for pos, png in updates if loop_start < pos < loop_end}
        assert len(during) >= 3, f"{name}: at least three new images while the loop cell ran, got {len(during)}"
        assert updates[-1][1] == files[name], f"{name}: the last image shown is the final PNG"
        first, last = read_png(updates[0][1]), read_png(updates[-1][1])
        width = last[0]
        for side, (x0, x1) in (("left", (0, width // 2)), ("right", (width // 2, width))):
            assert region_differs(first, last, x0, x1), f"{name}: the {side} panel changed between the first and last image"
            assert distinct_colors(last, x0, x1) > 8, f"{name}: the {side} panel is drawn"
