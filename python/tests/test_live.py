"""LiveFigure without a kernel: what it pushes to its view as the sidecar changes."""

import json
import os

from plotline.live import LiveFigure


class RecordingView:
    def __init__(self):
        self.images, self.captions, self.texts = [], [], []

    def display(self):
        pass

    def show_image(self, data, caption):
        self.images.append(data)
        self.captions.append(caption)

    def show_caption(self, caption):
        self.captions.append(caption)

    def show_text(self, text):
        self.texts.append(text)


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
