"""Encoding of one logged row as a CSV / TSV line or a JSON Lines line.

Values are what a training loop has at hand: ints, floats, bools, None, strings, and numpy or
torch scalars (anything with ``.item()``). Plotline's readers (Sources/Spec) treat an empty CSV
field and JSON ``null`` as missing, booleans in JSON as 0 / 1, and ``nan`` / ``inf`` as numbers,
so the encoding below keeps every value plottable.
"""

import json
import math

__all__ = ["plain", "csv_field", "csv_line", "jsonl_line"]


def plain(value):
    """Return `value` as a plain Python scalar (numpy / torch scalars through ``.item()``)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    item = getattr(value, "item", None)
    if callable(item):
        try:
            return item()
        except (TypeError, ValueError):
            pass
    if hasattr(value, "__index__"):
        return value.__index__()
    if hasattr(value, "__float__"):
        return float(value)
    return str(value)


def csv_field(value, delimiter):
    """Return one CSV field: numbers as shortest round-trip text, bools as 1 / 0, None as empty,
    strings quoted per RFC 4180 when they hold the delimiter, a quote, CR or LF."""
    kind = type(value)
    if kind is float and value - value == 0.0:  # finite: the common case first
        return repr(value)
    if kind is int:
        return str(value)
    value = plain(value)
    if value is None:
        return ""
    if value is True:
        return "1"
    if value is False:
        return "0"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ("nan" if value != value else ("inf" if value > 0 else "-inf"))
    if isinstance(value, int):
        return str(value)
    text = value
    if delimiter in text or '"' in text or "\n" in text or "\r" in text or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_line(values, delimiter):
    """Return the fields joined by `delimiter` with a final ``\\n``, as UTF-8 bytes."""
    fields = []
    for v in values:
        kind = type(v)
        if kind is float and v - v == 0.0:
            fields.append(repr(v))
        elif kind is int:
            fields.append(str(v))
        else:
            fields.append(csv_field(v, delimiter))
    return (delimiter.join(fields) + "\n").encode("utf-8")


def _json_value(value):
    value = plain(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN / inf; null reads as a missing value
    return value


def jsonl_line(metrics):
    """Return the metrics as one JSON object line (``\\n``-terminated UTF-8 bytes)."""
    obj = {str(k): _json_value(v) for k, v in metrics.items()}
    return (json.dumps(obj, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")
