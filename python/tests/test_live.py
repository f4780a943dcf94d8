"""LiveFigure without a kernel: what it pushes to its view as the sidecar changes."""

import json
import os

from plotline.live import LiveFigure


class RecordingView:
    def __init__(self):
        self.images, self.captions, self.texts, self.levels = [], [], [], []

    def display(self):
        pass

    def show_image(self, data):
        self.images.append(data)

    def show_status(self, caption, message, level):
        self.captions.append(caption)
        self.texts.append(message)
        self.levels.append(level)


def render(png, data, version, ok=True, error=None):
    if data is not None:
        png.write_bytes(data)
    sidecar = str(png) + ".json"
    with open(sidecar + ".tmp", "w") as f:
        json.dump({"version": version, "hash": "", "ok": ok, "error": error, "rows": 3, "ms": 1.5, "input": "m.csv"}, f)
    os.replace(sidecar + ".tmp", sidecar)


def test_waits_then_follows_versions_and_keeps_the_last_good_image_on_error(tmp_path):
    png = tmp_path / "m.png"
    view = RecordingView()
    figure = LiveFigure(str(png), view)
    assert not figure.refresh()
    assert "waiting for" in view.texts[-1]

    render(png, b"\x89PNG one", 1)
    assert figure.refresh() and view.images == [b"\x89PNG one"] and figure.version == 1
    assert not figure.refresh(), "nothing changed: nothing pushed"

    render(png, None, 2, ok=False, error="m.csv:7: 3 fields, the header has 2")
    assert not figure.refresh()
    assert view.images == [b"\x89PNG one"], "the last good image stays"
    assert view.texts[-1] == "plotline: m.csv:7: 3 fields, the header has 2"
    assert "version 2" in view.captions[-1]

    render(png, b"\x89PNG three", 3)
    assert figure.refresh() and view.images[-1] == b"\x89PNG three" and figure.error is None
    assert view.texts[-1] == "", "recovery clears the error line"


def test_a_png_newer_than_its_sidecar_waits_for_the_sidecar(tmp_path):
    png = tmp_path / "m.png"
    view = RecordingView()
    figure = LiveFigure(str(png), view)
    render(png, b"\x89PNG one", 1)
    figure.refresh()
    png.write_bytes(b"\x89PNG two")  # the watcher wrote the PNG; the sidecar comes next
    assert not figure.refresh()
    render(png, None, 2)
    assert figure.refresh() and view.images[-1] == b"\x89PNG two" and "version 2" in view.captions[-1]


def test_waiting_is_not_an_error_until_rows_exist_and_the_image_appears(tmp_path):
    png = tmp_path / "m.png"
    view = RecordingView()
    figure = LiveFigure(str(png), view)
    figure.refresh()
    assert view.levels[-1] == "waiting" and "waiting for the first rows" in view.texts[-1], view.texts
    assert "m.csv" in view.texts[-1], "the line names the data file that would draw the PNG"
    (tmp_path / "m.csv").write_text("")
    render(png, None, 1, ok=False, error="m.csv: the input is empty")
    figure.refresh()
    assert view.levels[-1] == "waiting" and "waiting for the first rows" in view.texts[-1], "an empty file is waiting, not red"
    (tmp_path / "m.csv").write_text("step,loss\n0,1\n")
    render(png, b"\x89PNG one", 2)
    assert figure.refresh()
    assert view.texts[-1] == "" and view.levels[-1] == "", "the waiting line is cleared once an image shows"
    assert "version 2" in view.captions[-1], "the caption is in the status line"


def test_a_real_error_before_the_first_image_is_shown_as_an_error(tmp_path):
    png = tmp_path / "m.png"
    view = RecordingView()
    figure = LiveFigure(str(png), view)
    render(png, None, 1, ok=False, error="m.csv:2: 3 fields, the header has 2")
    figure.refresh()
    assert view.levels[-1] == "error" and view.texts[-1] == "plotline: m.csv:2: 3 fields, the header has 2"


def test_a_figure_that_never_appears_gets_a_hint(tmp_path, monkeypatch):
    from plotline import hints

    png = tmp_path / "losses.png"
    (tmp_path / "metrics.csv").write_text("step,loss\n0,1\n")
    view = RecordingView()
    figure = LiveFigure(str(png), view)
    figure.refresh()
    assert "hint" not in view.texts[-1] and "Is plotline watch running" not in view.texts[-1]
    monkeypatch.setattr(hints, "HINT_AFTER", 0.0)
    figure.refresh()
    text = view.texts[-1]
    assert "no losses.png after" in text, text
    assert "Is plotline watch running?" in text, "no pid file anywhere above: the watcher is suspected"
    assert "losses.csv" in text and "none exists" in text, "the naming rule is spelled out"
    figure.refresh()
    assert len([t for t in view.texts if "no losses.png" in t]) == 1, "the hint is sent once"


def test_hint_inputs_follow_the_watchers_naming_rule():
    from plotline.hints import inputs_for

    assert inputs_for("/r/metrics.png") == ["/r/metrics.plot.json", "/r/metrics.csv", "/r/metrics.tsv",
                                            "/r/metrics.jsonl", "/r/metrics.ndjson", "/r/metrics.json"]
    assert inputs_for("/r/metrics.csv.png") == ["/r/metrics.csv"]
    assert inputs_for("/r/metrics.svg") == []


def test_waiting_names_the_data_file_of_a_spec(tmp_path):
    from plotline.hints import hint_message, waiting_message

    png = str(tmp_path / "train.png")
    (tmp_path / "train.plot.json").write_text(json.dumps({"version": 1, "data": {"d": "logs/train.csv"}, "panels": []}))
    assert waiting_message(png) == "plotline: waiting for the first rows (train.png is drawn from train.csv)"
    assert "No rows yet in train.csv" in hint_message(png, 12)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "train.csv").write_text("step,loss\n0,1\n")
    assert waiting_message(png) == "plotline: waiting for plotline watch to draw train.png from train.csv"


def test_the_hint_follows_what_changed(tmp_path, monkeypatch):
    from plotline import hints, live

    monkeypatch.setattr(hints, "HINT_AFTER", 0.0)
    png = tmp_path / "m.png"
    view = RecordingView()
    figure = LiveFigure(str(png), view)
    figure.refresh()
    assert "none exists yet" in view.texts[-1], view.texts[-1]
    (tmp_path / "m.csv").write_text("step,loss\n0,1\n")
    figure.refresh()
    assert "none exists yet" in view.texts[-1], "re-checked only every HINT_RECHECK seconds"
    monkeypatch.setattr(live, "HINT_RECHECK", 0.0)
    figure.refresh()
    assert "none exists yet" not in view.texts[-1] and "Is plotline watch running?" in view.texts[-1], view.texts[-1]
    render(png, b"\x89PNG one", 1)
    assert figure.refresh() and view.texts[-1] == "", "the first image clears the hint"


def test_warnings_and_waiting_from_the_sidecar_show_in_the_status_line(tmp_path):
    png = tmp_path / "m.png"
    view = RecordingView()
    figure = LiveFigure(str(png), view)
    sidecar = str(png) + ".json"
    with open(sidecar, "w") as f:
        json.dump({"version": 1, "hash": "", "ok": False, "error": None, "rows": 0, "ms": 0, "input": "m.csv",
                   "waiting": "no rows under the header ('step', 'lr')"}, f)
    assert not figure.refresh()
    assert view.levels[-1] == "waiting" and "waiting for" in view.texts[-1], "waiting is not an error"
    png.write_bytes(b"\x89PNG one")
    with open(sidecar, "w") as f:
        json.dump({"version": 2, "hash": "", "ok": True, "error": None, "rows": 3, "ms": 1, "input": "m.csv",
                   "warnings": [{"file": str(tmp_path / "m.csv"), "line": 4, "column": "lr", "value": "[0.0005]"}],
                   "warningCount": 2}, f)
    assert figure.refresh()
    assert view.levels[-1] == "warning"
    assert view.texts[-1] == "plotline: 2 values not a number, drawn as missing (first: m.csv:4 column 'lr': '[0.0005]')"


def test_read_notes_from_the_sidecar_show_when_no_value_is_missing(tmp_path):
    png = tmp_path / "m.png"
    view = RecordingView()
    figure = LiveFigure(str(png), view)
    png.write_bytes(b"\x89PNG one")
    with open(str(png) + ".json", "w") as f:
        json.dump({"version": 1, "hash": "", "ok": True, "error": None, "rows": 3, "ms": 1, "input": "m.csv",
                   "notes": ["m.csv: not UTF-8, read as Windows-1252", "m.csv: 2 dates read as missing"]}, f)
    assert figure.refresh()
    assert view.levels[-1] == "warning"
    assert view.texts[-1] == "plotline: m.csv: not UTF-8, read as Windows-1252 (+1 more note)"
