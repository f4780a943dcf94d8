"""Encoding of one logged row as a CSV / TSV line or a JSON Lines line.

Values are what a training loop has at hand: ints, floats, bools, None, strings, numpy or
torch scalars (anything with ``.item()``), and one-element lists, tuples, arrays and tensors,
which are unwrapped; any other non-scalar is refused (``plain_row``) before a byte is written. Plotline's readers (Sources/Table) treat an empty CSV
field and JSON ``null`` as missing, booleans in JSON as 0 / 1, and ``nan`` / ``inf`` as numbers,
so the encoding below keeps every value plottable.
"""

import json
import math

__all__ = ["plain", "plain_row", "csv_field", "csv_line", "jsonl_line"]


_SCALARS = (bool, int, float, str)


def plain(value):
    """Return `value` as a plain Python scalar, or raise TypeError for a non-scalar.

    Unwrapped: numpy / torch scalars and one-element arrays and tensors (anything with
    ``.item()``), and one-element lists and tuples (``scheduler.get_last_lr()`` gives
    ``[0.0005]``). Raised on: longer or empty lists, tuples, arrays and tensors, mappings,
    sets, bytes and other iterables. Other objects (a ``datetime``) are written as text.
    """
    if value is None or isinstance(value, _SCALARS):
        return value
    if isinstance(value, (list, tuple)):
        if len(value) == 1:
            return plain(value[0])
        raise TypeError(f"a {type(value).__name__} of {len(value)} values, not one number")
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, dict):
        try:
            scalar = item()
        except (TypeError, ValueError, RuntimeError):  # numpy: ValueError; torch: RuntimeError
            shape = getattr(value, "shape", None)
            raise TypeError(f"a {type(value).__name__} of shape {tuple(shape) if shape is not None else '?'}, "
                            "not one number") from None
        return plain(scalar)
    if hasattr(value, "__index__"):
        return value.__index__()
    if hasattr(value, "__float__"):
        return float(value)
    if isinstance(value, (dict, set, frozenset, bytes, bytearray)) or hasattr(value, "__iter__"):
        raise TypeError(f"a {type(value).__name__}, not one number or string")
    return str(value)


def plain_row(metrics, path):
    """Return `metrics` with every value made plain (`plain`), or raise TypeError naming the key.

    Runs before anything is written, so a bad value leaves the file (and a CSV header) as it was.
    """
    out = metrics
    for key, value in metrics.items():
        if value is None or type(value) in _SCALARS:
            continue
        try:
            converted = plain(value)
        except TypeError as error:
            raise TypeError(f"plotline.log({path!r}): {key}={_short(value)} is {error}; log one value per key "
                            f"(e.g. {key}=value[0], or one key per element). Nothing was written.") from None
        if out is metrics:
            out = dict(metrics)
        out[key] = converted
    return out


def _short(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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
