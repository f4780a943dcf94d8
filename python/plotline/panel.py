"""One panel of a figure: its axes, grid and legend, its series and annotations.

Every method maps one-to-one onto the figure spec (docs/figure-spec.md): a series method adds
one ``series`` object per y column with the options given as spec keys (``color``, ``dash``,
``markersize``, ``bins``, ...), checked here against the spec's key tables (``speckeys``) so a
misspelt or misplaced option fails at the call with the keys there are; values are checked by
the binary, whose errors name the spec file and key path.
"""

import difflib

from .speckeys import ANNOTATION_KEYS, AXIS_KEYS, AXIS_SHORTHANDS, COLUMN_KEYS, KIND_KEYS, PANEL_KEYS, SERIES_KEYS

__all__ = ["Panel"]

_METHOD_KEYS = ("data", "x", "y", "kind")
"""Series keys the methods set from their own arguments, never given as options."""


def _axis(name, given, **shorthands):
    """An axis object from `given` (a dict of axis keys) and the shorthand arguments (``label``,
    ``scale``, ``lim``: ``AXIS_SHORTHANDS`` says which axis keys each sets)."""
    axis = dict(given or {})
    for key in axis:
        if key not in AXIS_KEYS:
            raise TypeError(_unknown(f"{name} axis", key, AXIS_KEYS))
    for suffix, value in shorthands.items():
        if value is None:
            continue
        keys = AXIS_SHORTHANDS[suffix]
        values = value if len(keys) > 1 else (value,)
        if len(values) != len(keys):
            raise ValueError(f"{name}{suffix} is ({', '.join(keys)}), found {value!r}")
        for key, v in zip(keys, values):
            if v is not None:
                axis[key] = v
    return axis


def _unknown(where, key, known):
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown {where} key {key!r}{hint}; the keys are: {', '.join(known)}"


def _columns(source, how, value):
    """`value` with the columns it names as the spec names them (``COLUMN_KEYS``: a name, a list
    of names, or an object's ``field``); other values as given."""
    if source is None or value is None or how is None:
        return value
    if how == "name":
        return source.column(value)
    if how == "list":
        return [source.column(c) for c in value]
    if isinstance(value, dict) and "field" in value:  # "field": a colour encoding, not a colour
        return dict(value, field=source.column(value["field"]))
    return value


def _plain(value):
    """Numbers as JSON takes them (numpy scalars unwrapped, tuples as lists)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes, bool, int, float)):
        return value.item()
    return value


class Panel:
    """A panel of a ``Figure``; create it with ``Figure.panel(...)``.

    Axis shorthands: ``xlabel``, ``xscale`` (linear, log, symlog, time, category), ``xlim=(min,
    max)`` (either end None), the same for ``y`` and the right-hand axis ``y2``; or ``x=dict(...)``
    with any axis key (``robust``, ``linthresh``). Series methods return the panel, so calls chain.
    """

    def __init__(self, figure, title=None, *, x=None, y=None, y2=None, xlabel=None, ylabel=None, y2label=None,
                 xscale=None, yscale=None, y2scale=None, xlim=None, ylim=None, y2lim=None, grid=None,
                 minor_grid=None, legend=None, group=None):
        self._figure = figure
        self.title = title
        self.x = _axis("x", x, label=xlabel, scale=xscale, lim=xlim)
        self.y = _axis("y", y, label=ylabel, scale=yscale, lim=ylim)
        self.y2 = _axis("y2", y2, label=y2label, scale=y2scale, lim=y2lim)
        self.grid, self.minor_grid, self.legend, self.group = grid, minor_grid, legend, group
        self.series = []
        self.annotations = []

    # Series -----------------------------------------------------------------------------

    def add(self, kind, data=None, *, x=None, y=None, name=None, **options):
        """Add series of `kind` (one per column when `y` is a list): the general form of the methods below.

        Options are series keys of the spec (``color``, ``width``, ``dash``, ``marker``, ...);
        with a list of `y` columns, ``label`` may be a list of as many legend entries.

        `data`: a file path, a source name given to ``Figure.data``, or in-memory data (an
        array, a list, a dict of columns, a DataFrame), which the figure writes to a file of its
        own (``name`` names that source for ``Figure.update``). None: the figure's only source.
        """
        for key in options:
            if key not in SERIES_KEYS or key in _METHOD_KEYS:
                raise TypeError(_unknown("series", key, [k for k in SERIES_KEYS if k not in _METHOD_KEYS]))
            kinds = KIND_KEYS.get(key)
            if kinds is not None and kind not in kinds:
                raise TypeError(f"{key!r} applies only to kind {' or '.join(kinds)}, not {kind}")
        source = self._figure._source_for(data, name)
        ys = y if isinstance(y, (list, tuple)) else [y]
        if source is not None and source.is_vector and ys == [None] and x is None and kind != "heatmap":
            ys = ["value"]
        labels = options.pop("label", None)
        if isinstance(labels, (list, tuple)):
            if len(labels) != len(ys):
                raise ValueError(f"{len(labels)} labels for {len(ys)} y columns")
        else:
            labels = [labels] * len(ys)
        for column, label in zip(ys, labels):
            options["label"] = label
            series = {"data": source.name if source is not None else None, "kind": kind,
                      "x": _columns(source, COLUMN_KEYS["x"], x), "y": _columns(source, COLUMN_KEYS["y"], column)}
            for key, value in options.items():
                series[key] = _plain(_columns(source, COLUMN_KEYS.get(key), value))
            self.series.append({k: v for k, v in series.items() if v is not None})
        return self

    def line(self, data=None, x=None, y=None, **options):
        """Lines through (x, y) (matplotlib's ``plot``); `x` None draws against the row number."""
        return self.add("line", data, x=x, y=y, **options)

    def scatter(self, data=None, x=None, y=None, **options):
        """Markers at (x, y) (``scatter``); ``markersize`` in points, ``alpha`` for dense clouds."""
        return self.add("scatter", data, x=x, y=y, **options)

    def step(self, data=None, x=None, y=None, **options):
        """A step line (``step``)."""
        return self.add("step", data, x=x, y=y, **options)

    def area(self, data=None, x=None, y=None, **options):
        """A filled area down to zero, or between `y` and the column ``y2`` (``fill_between``)."""
        return self.add("area", data, x=x, y=y, **options)

    def bar(self, data=None, x=None, y=None, **options):
        """Bars (``bar``; ``orientation="horizontal"`` for ``barh``, ``stack`` to pile, ``error`` for error bars)."""
        return self.add("bar", data, x=x, y=y, **options)

    def errorbar(self, data=None, x=None, y=None, error=None, **options):
        """A line with symmetric error bars from the column `error` (``errorbar``); ``kind`` line, scatter or bar."""
        kind = options.pop("kind", "line")
        return self.add(kind, data, x=x, y=y, error=error, **options)

    def histogram(self, data=None, y=None, x=None, **options):
        """A histogram of the values in `y` (or `x`, horizontal); ``bins``: a count or auto, fd, sturges, sqrt."""
        return self.add("histogram", data, x=x, y=y, **options)

    def box(self, data=None, x=None, y=None, **options):
        """Box plots of `y` per category of `x` (``boxplot``)."""
        return self.add("box", data, x=x, y=y, **options)

    def pie(self, data=None, y=None, labels=None, **options):
        """A pie of the sizes in `y`, labelled from the column `labels`."""
        return self.add("pie", data, y=y, labels=labels, **options)

    def heatmap(self, data=None, *, columns=None, x=None, y=None, value=None, **options):
        """A heat map with a colour bar (``imshow``).

        A 2-D array (or with ``matrix=True``, any table) is drawn whole on numeric axes: column
        index along x, row index down y. A table draws its ``columns`` (wide form) or one cell
        per row from ``x``, ``y`` and ``value`` (long form); with ``columns``, ``y`` may name the
        rows' labels (a DataFrame's index written as a column). ``colormap``, ``vmin``, ``vmax``.
        """
        source = self._figure._source_for(data, options.get("name"))
        if columns is None and x is None and y is None and value is None and "matrix" not in options:
            options["matrix"] = True
        if source is not None:
            options.setdefault("name", source.name)
        return self.add("heatmap", source.name if source is not None else None, x=x, y=y,
                        columns=columns, value=value, **options)

    # Annotations ------------------------------------------------------------------------

    def _annotate(self, kind, main, options):
        for key in options:
            if key not in ANNOTATION_KEYS[kind]:
                raise TypeError(_unknown(f"{kind} annotation", key, ANNOTATION_KEYS[kind]))
        entry = {kind: _plain(main)}
        entry.update({k: _plain(v) for k, v in options.items() if v is not None})
        self.annotations.append(entry)
        return self

    def hline(self, y, **options):
        """A horizontal reference line at `y` (``axhline``; ``color``, ``width``, ``dash``)."""
        return self._annotate("hline", y, options)

    def vline(self, x, **options):
        """A vertical reference line at `x` (``axvline``)."""
        return self._annotate("vline", x, options)

    def hspan(self, y0, y1, **options):
        """A horizontal band from `y0` to `y1` (``axhspan``; ``color``, ``alpha``)."""
        return self._annotate("hspan", [y0, y1], options)

    def vspan(self, x0, x1, **options):
        """A vertical band from `x0` to `x1` (``axvspan``)."""
        return self._annotate("vspan", [x0, x1], options)

    def text(self, text, x, y, **options):
        """Text at (x, y) in data units with a dot there (``annotate``; ``dx``, ``dy`` in points)."""
        return self._annotate("text", text, dict(options, x=x, y=y))

    # Spec -------------------------------------------------------------------------------

    def spec(self):
        """The panel as a spec object."""
        out = {}
        # In the spec's key order (``PANEL_KEYS``); empty axes and unset keys left out.
        for key in PANEL_KEYS:
            value = getattr(self, key)
            if key in ("x", "y", "y2"):
                value = {k: _plain(v) for k, v in value.items()} or None
            elif key == "annotations":
                value = list(value) or None
            elif key == "series":
                value = [dict(s) for s in value]
            if value is not None:
                out[key] = value
        return out
