"""The figure spec's keys and kinds as the Python figure API knows them.

These tables are the Python side of the one contract, the figure spec (docs/figure-spec.md).
The binary prints the same lists as a JSON Schema (``plotline schema``, committed as
docs/figure-spec.schema.json), and python/tests/test_figure_schema.py checks that these tables
equal the schema's, so the API cannot offer a key the binary refuses, or miss one it reads.
"""

__all__ = ["SPEC_VERSION", "FIGURE_KEYS", "LAYOUT_KEYS", "SHARE_KEYS", "DATA_KEYS", "PANEL_KEYS", "AXIS_KEYS",
           "SERIES_KEYS", "COLUMN_KEYS", "KINDS", "KIND_KEYS", "ANNOTATION_KEYS", "FIGURE_KEYWORDS", "AXIS_SHORTHANDS"]

SPEC_VERSION = 1
"""The spec format version the API writes."""

FIGURE_KEYS = ("version", "title", "size", "dpi", "theme", "layout", "share", "facet", "palette", "rasterize", "formats",
               "data", "panels")
LAYOUT_KEYS = ("rows", "columns")
"""The keys of the figure's ``layout`` object, in the order of ``Figure(layout=(rows, columns))``."""
SHARE_KEYS = ("x", "y")
"""The keys of the figure's ``share`` object (``Figure(sharex=..., sharey=...)``)."""
DATA_KEYS = ("path", "delimiter", "header", "timestamps", "decimal", "thousands", "comment", "na_values", "encoding")
PANEL_KEYS = ("title", "x", "y", "y2", "grid", "minor_grid", "legend", "group", "annotations", "series")
AXIS_KEYS = ("label", "scale", "linthresh", "min", "max", "robust", "categories")
SERIES_KEYS = ("data", "x", "y", "by", "kind", "label", "color", "width", "dash", "marker", "markersize", "alpha",
               "smooth", "bins", "orientation", "stack", "error", "colormap", "vmin", "vmax", "columns",
               "value", "matrix", "labels", "percentages", "y2", "aggregate", "band", "axis")

COLUMN_KEYS = {"x": "name", "y": "name", "by": "name", "error": "name", "value": "name", "labels": "name", "y2": "name",
               "columns": "list", "color": "field"}
"""The series keys that name columns of the series' data, and how: the value is a column's name, a
list of names, or (``color``) an object whose ``field`` is one. A 2-D array's columns are named by
integers in Python, written as strings."""

KINDS = ("line", "scatter", "step", "area", "bar", "histogram", "heatmap", "box", "pie")
"""Every series kind, in the spec's order."""

KIND_KEYS = {
    "by": ("line", "scatter", "step", "area", "bar", "box", "histogram"),
    "markersize": ("line", "scatter"),
    "smooth": ("line", "scatter", "step", "area", "bar"),
    "bins": ("histogram",),
    "orientation": ("bar", "histogram"),
    "stack": ("bar",),
    "error": ("line", "scatter", "bar"),
    "colormap": ("heatmap",),
    "vmin": ("heatmap",),
    "vmax": ("heatmap",),
    "columns": ("heatmap",),
    "value": ("heatmap",),
    "matrix": ("heatmap",),
    "labels": ("pie",),
    "percentages": ("pie",),
    "y2": ("area",),
    "aggregate": ("line", "step", "area", "bar"),
    "band": ("line", "step", "area", "bar"),
}
"""The kinds each kind-specific series key applies to; other keys apply to every kind."""

ANNOTATION_KEYS = {
    "hline": ("color", "width", "dash"),
    "vline": ("color", "width", "dash"),
    "hspan": ("color", "alpha"),
    "vspan": ("color", "alpha"),
    "text": ("x", "y", "dx", "dy", "color", "marker"),
}
"""Each annotation kind and the options it takes."""

FIGURE_KEYWORDS = {"sharex": ("share", "x"), "sharey": ("share", "y")}
"""The ``Figure`` keywords not named like their spec key: keyword -> (figure key, key inside it).
Every other keyword of ``Figure`` is the figure key of its name (``FIGURE_KEYS``)."""

AXIS_SHORTHANDS = {"label": ("label",), "scale": ("scale",), "lim": ("min", "max")}
"""``Panel``'s axis shorthands (``xlabel``, ``yscale``, ``y2lim``, ...): suffix -> the axis keys it sets."""
