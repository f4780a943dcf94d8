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


# Every keyword the API offers, each written into a spec that the schema validates and the binary
# draws: a keyword added to the API without a line here fails `test_every_keyword_is_covered`.

FIGURE_SAMPLES = {"title": "T", "size": (400, 300), "dpi": 120, "theme": "dark", "layout": (1, None), "sharex": True,
                  "sharey": True, "facet": "cat", "palette": "tab20", "rasterize": "never", "formats": ["png", "svg"]}
DATA_SAMPLES = {"delimiter": ",", "header": True, "timestamps": {"when": "s"}, "decimal": ".", "thousands": "_",
                "comment": "#", "na_values": ["NA"], "encoding": "utf-8"}
PANEL_SAMPLES = {"title": "P", "x": {"label": "X"}, "y": {"robust": True}, "y2": {"label": "Y2"}, "xlabel": "X",
                 "ylabel": "Y", "y2label": "Y2", "xscale": "log", "yscale": "log", "y2scale": "linear", "xlim": (1, None),
                 "ylim": (None, 100), "y2lim": (0, 10), "grid": "y", "minor_grid": True, "legend": "upper left",
                 "group": 0.5}
# (method, keyword) -> the call's keywords (the one tested among them) and the series key it writes.
SERIES_CALLS = {
    **{(m, "x"): (dict(x="step", y="a"), "x") for m in ("line", "scatter", "step", "area", "errorbar")},
    **{(m, "y"): (dict(y="a"), "y") for m in ("line", "scatter", "step", "area", "bar")},
    ("errorbar", "y"): (dict(x="step", y="a", error="err"), "y"),
    ("errorbar", "error"): (dict(x="step", y="a", error="err"), "error"),
    ("bar", "x"): (dict(x="cat", y="a"), "x"),
    ("box", "x"): (dict(x="cat", y="a"), "x"),
    ("box", "y"): (dict(y="a"), "y"),
    ("histogram", "y"): (dict(y="a"), "y"),
    ("histogram", "x"): (dict(x="a"), "x"),
    ("pie", "y"): (dict(y="a"), "y"),
    ("pie", "labels"): (dict(y="a", labels="cat"), "labels"),
    ("heatmap", "columns"): (dict(columns=["a", "b"]), "columns"),
    ("heatmap", "x"): (dict(x="step", y="cat", value="a"), "x"),
    ("heatmap", "y"): (dict(x="step", y="cat", value="a"), "y"),
    ("heatmap", "value"): (dict(x="step", y="cat", value="a"), "value"),
}


def keywords(function, skip=()):
    """The named parameters of `function` (no self, *args or **options)."""
    import inspect
    return {p.name for p in inspect.signature(function).parameters.values()
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name not in ("self",) + tuple(skip)}


def series_methods():
    return list(speckeys.KINDS) + ["errorbar"]


def test_every_keyword_is_covered():
    assert keywords(plotline.Figure.__init__, ["path"]) == set(FIGURE_SAMPLES)
    assert keywords(plotline.Figure.data, ["name", "value"]) == set(DATA_SAMPLES)
    assert keywords(Panel.__init__, ["figure"]) == set(PANEL_SAMPLES)
    offered = {(m, k) for m in series_methods() for k in keywords(getattr(Panel, m), ["data"])}
    assert offered == set(SERIES_CALLS)
    # Names: Figure's keywords are figure keys (or FIGURE_KEYWORDS says which), data options are
    # data keys, Panel's are panel keys or an axis shorthand.
    for k in FIGURE_SAMPLES:
        assert k in speckeys.FIGURE_KEYS or speckeys.FIGURE_KEYWORDS[k][0] in speckeys.FIGURE_KEYS, k
    assert set(DATA_SAMPLES) <= set(speckeys.DATA_KEYS)
    for k in PANEL_SAMPLES:
        assert k in speckeys.PANEL_KEYS or any(k_endswith(k, s) for s in speckeys.AXIS_SHORTHANDS), k


def test_figure_layout_and_share_keys_equal_the_schema(schema):
    assert list(speckeys.LAYOUT_KEYS) == list(schema["properties"]["layout"]["properties"])
    assert list(speckeys.SHARE_KEYS) == list(schema["properties"]["share"]["properties"])


def sample_data(folder):
    path = os.path.join(folder, "d.csv")
    with open(path, "w") as f:
        f.write("step,when,a,b,err,cat\n")
        for i in range(1, 7):
            f.write(f"{i},{1_700_000_000 + 3600 * i},{i * i},{10 - i},0.5,{'pq'[i % 2]}\n")
    return path


def check(figure, plotline_bin, schema):
    """The figure's spec validates against the schema and the binary draws it; returns the spec."""
    jsonschema = pytest.importorskip("jsonschema")
    spec = json.loads(open(figure.write()).read())
    jsonschema.validate(spec, schema)
    figure.render(binary=plotline_bin)
    return spec


def test_every_figure_and_data_keyword_renders(tmp_path, plotline_bin, schema):
    data = sample_data(str(tmp_path))
    for i, (keyword, value) in enumerate(FIGURE_SAMPLES.items()):
        figure = plotline.Figure(str(tmp_path / f"f{i}"), **{keyword: value})
        figure.panel().line(data, x="step", y="a")
        spec = check(figure, plotline_bin, schema)
        key, inner = speckeys.FIGURE_KEYWORDS.get(keyword, (keyword, None))
        assert key in spec, keyword
        if inner is not None:
            assert spec[key][inner] == value, keyword
    for i, (keyword, value) in enumerate(DATA_SAMPLES.items()):
        figure = plotline.Figure(str(tmp_path / f"d{i}"))
        figure.data("d", data, **{keyword: value})
        figure.panel().line("d", x="step", y="a")
        spec = check(figure, plotline_bin, schema)
        assert spec["data"]["d"][keyword] == value, keyword


def test_every_panel_and_series_keyword_renders(tmp_path, plotline_bin, schema):
    data = sample_data(str(tmp_path))
    for i, (keyword, value) in enumerate(PANEL_SAMPLES.items()):
        figure = plotline.Figure(str(tmp_path / f"p{i}"))
        panel = figure.panel(**{keyword: value})
        panel.bar(data, x="step", y="a").line(data, x="step", y="b", axis="right")
        spec = check(figure, plotline_bin, schema)["panels"][0]
        axis, suffix = next(((keyword[:-len(s)], s) for s in speckeys.AXIS_SHORTHANDS if k_endswith(keyword, s)), (None, None)) \
            if keyword not in speckeys.PANEL_KEYS else (None, None)
        if axis is None:
            assert keyword in spec, keyword
        else:
            keys = speckeys.AXIS_SHORTHANDS[suffix]
            values = value if len(keys) > 1 else (value,)
            assert {k: v for k, v in zip(keys, values) if v is not None}.items() <= spec[axis].items(), keyword
    for i, ((method, keyword), (call, key)) in enumerate(SERIES_CALLS.items()):
        figure = plotline.Figure(str(tmp_path / f"s{i}"))
        getattr(figure.panel(), method)(data, **call)
        spec = check(figure, plotline_bin, schema)
        assert key in spec["panels"][0]["series"][0], (method, keyword)


def k_endswith(keyword, suffix):
    return keyword.endswith(suffix) and keyword[:-len(suffix)] in ("x", "y", "y2")


def test_column_keys_are_the_schemas(schema):
    series = schema["$defs"]["series"]["properties"]
    names = {k for k, v in series.items() if v.get("type") == "string" and "column" in v.get("description", "")}
    assert names == {k for k, how in speckeys.COLUMN_KEYS.items() if how == "name"}
    assert {k for k, how in speckeys.COLUMN_KEYS.items() if how == "list"} == \
        {k for k, v in series.items() if v.get("type") == "array" and "column" in v.get("description", "")}
    fields = {k for k, v in series.items()
              if any("field" in o.get("properties", {}) for o in v.get("oneOf", []))}
    assert fields == {k for k, how in speckeys.COLUMN_KEYS.items() if how == "field"}


def test_integer_columns_of_an_array_are_named_in_every_column_key(tmp_path, plotline_bin, schema):
    numpy = pytest.importorskip("numpy")
    table = numpy.column_stack([numpy.arange(1.0, 7.0), numpy.arange(6.0) ** 2, numpy.linspace(0, 1, 6)])
    figure = plotline.Figure(str(tmp_path / "array"))
    figure.panel().scatter(table, x=0, y=1, color={"field": 2}).line(table, x=0, y=1, error=2)
    spec = check(figure, plotline_bin, schema)
    first, second = spec["panels"][0]["series"]
    assert (first["x"], first["y"], first["color"]) == ("0", "1", {"field": "2"})
    assert second["error"] == "2"
