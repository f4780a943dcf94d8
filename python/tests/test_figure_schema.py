"""The figure spec is the one contract: the Python API's keys and kinds equal the binary's schema,
and every spec the API writes renders through the binary."""

import json
import os
import struct
import subprocess

import pytest

import plotline
from plotline import speckeys
from plotline.panel import Panel

from figure_gallery import gallery, keys_used


@pytest.fixture(scope="module")
def schema(plotline_bin):
    done = subprocess.run([plotline_bin, "schema"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def props(schema, name):
    node = schema if name is None else schema["$defs"][name]
    if "oneOf" in node:  # a data source is a path or an object
        node = next(n for n in node["oneOf"] if n.get("type") == "object")
    return list(node["properties"])


def test_keys_and_kinds_equal_the_binarys_schema(schema):
    assert list(speckeys.FIGURE_KEYS) == props(schema, None)
    assert list(speckeys.DATA_KEYS) == props(schema, "dataSource")
    assert list(speckeys.PANEL_KEYS) == props(schema, "panel")
    assert list(speckeys.AXIS_KEYS) == props(schema, "axis")
    assert list(speckeys.SERIES_KEYS) == props(schema, "series")
    series = schema["$defs"]["series"]["properties"]
    assert list(speckeys.KINDS) == series["kind"]["enum"]
    kind_keys = {k: tuple(v["x-kinds"]) for k, v in series.items() if "x-kinds" in v}
    assert speckeys.KIND_KEYS == kind_keys
    annotations = {}
    for option in schema["$defs"]["annotation"]["oneOf"]:
        kind, *rest = option["properties"]
        annotations[kind] = tuple(rest)
    assert speckeys.ANNOTATION_KEYS == annotations
    assert schema["properties"]["version"]["const"] == speckeys.SPEC_VERSION


def test_every_kind_has_a_panel_method():
    for kind in speckeys.KINDS:
        assert callable(getattr(Panel, kind, None)), f"Panel has no method for kind {kind!r}"
    for kind in speckeys.ANNOTATION_KEYS:
        assert callable(getattr(Panel, kind, None)), f"Panel has no method for annotation {kind!r}"


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def test_every_spec_the_api_writes_renders(tmp_path, plotline_bin):
    used = {}
    for name, figure in gallery(str(tmp_path)):
        png = figure.render(binary=plotline_bin)
        spec = json.loads(open(figure.path).read())
        width, height = png_size(png)
        size = spec.get("size", [1200, 800])
        if isinstance(size, str):
            size = [int(n) for n in size.split("x")]
        assert [width, height] == size, name
        for group, keys in keys_used(spec).items():
            used.setdefault(group, set()).update(keys)
    assert used["figure"] == set(speckeys.FIGURE_KEYS)
    assert used["data"] == set(speckeys.DATA_KEYS)
    assert used["panel"] == set(speckeys.PANEL_KEYS)
    assert used["axis"] == set(speckeys.AXIS_KEYS)
    assert used["series"] == set(speckeys.SERIES_KEYS)
    assert used["kinds"] == set(speckeys.KINDS)
    assert used["annotation"] == set(speckeys.ANNOTATION_KEYS) | {k for v in speckeys.ANNOTATION_KEYS.values() for k in v}


def test_written_specs_validate_against_the_schema(tmp_path, schema):
    jsonschema = pytest.importorskip("jsonschema")
    for name, figure in gallery(str(tmp_path)):
        jsonschema.validate(json.loads(open(figure.write()).read()), schema)
    bad = {"version": 1, "data": {"a": "a.csv"}, "panels": [{"series": [{"y": "v", "bins": 3}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
