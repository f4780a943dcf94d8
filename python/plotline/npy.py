"""Write numpy's ``.npy`` format, with numpy or without it, atomically.

Design: a ``.npy`` file is a 10-byte preamble, a Python-literal header padded to a multiple of
64 bytes, and the raw little-endian elements (numpy's NEP 1, ``numpy.lib.format``). With numpy
the array's own buffer is written as it is (no copy for C- or Fortran-contiguous arrays of a
type Plotline reads); without numpy, lists (1-D, or 2-D as a list of equal rows) and
``array.array`` objects are packed with the ``array`` module. Either way the bytes go to a
hidden temp file beside the target, which is then renamed over it, so a reader (the watcher's
render) sees the old array or the new one, never a mix. Plotline reads the same types back
(Sources/Table/NpyReader.swift): f4, f8, i1-i8, u1-u8 and bool, 1-D and 2-D.
"""

import array as _array
import os
import sys
import threading

__all__ = ["write_array", "npy_bytes"]

_MAGIC = b"\x93NUMPY\x01\x00"
_SUPPORTED = {"f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"}
_TYPECODES = {"b": "i", "B": "u", "h": "i", "H": "u", "i": "i", "I": "u", "l": "i", "L": "u", "q": "i",
              "Q": "u", "f": "f", "d": "f"}
_headers = {}


def _header(descr, fortran, shape):
    key = (descr, fortran, shape)
    cached = _headers.get(key)
    if cached is None:
        shape_text = "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"
        text = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (descr, "True" if fortran else "False", shape_text)
        pad = -(len(_MAGIC) + 2 + len(text) + 1) % 64
        text = text + " " * pad + "\n"
        cached = _MAGIC + len(text).to_bytes(2, "little") + text.encode("ascii")
        if len(_headers) < 256:
            _headers[key] = cached
    return cached


def _numpy():
    module = sys.modules.get("numpy")
    if module is None:
        try:
            import numpy as module  # noqa: F811 - only when installed
        except ImportError:
            return None
    return module


def _from_numpy(np, value):
    a = np.asarray(value)
    if a.ndim not in (1, 2):
        raise ValueError(f"Plotline draws 1-D and 2-D arrays; this one has shape {a.shape}")
    kind = a.dtype.kind
    if kind == "f" and a.dtype.itemsize == 2:
        a = a.astype("<f4")
    elif kind == "b":
        a = a.view("u1")  # numpy's bool is one byte, 0 or 1
    elif kind not in "fiu" or f"{kind}{a.dtype.itemsize}" not in _SUPPORTED:
        try:
            a = a.astype("<f8")
        except (TypeError, ValueError) as error:
            raise TypeError(f"cannot write an array of {a.dtype} as numbers: {error}") from None
    if a.dtype.byteorder == ">":
        a = a.astype(a.dtype.newbyteorder("<"))
    descr = "|b1" if kind == "b" else "<" + a.dtype.kind + str(a.dtype.itemsize)
    if a.ndim == 2 and a.flags.f_contiguous and not a.flags.c_contiguous:
        return _header(descr, True, a.shape), memoryview(a.T).cast("B")
    a = np.ascontiguousarray(a)
    return _header(descr, False, a.shape), memoryview(a).cast("B")


def _number(v):
    if v is None:
        return float("nan")
    try:
        return float(v)
    except (TypeError, ValueError):
        raise TypeError(f"expected numbers, found {v!r}") from None


def _from_python(value):
    if isinstance(value, _array.array):
        code = value.typecode
        if code not in _TYPECODES:
            raise TypeError(f"cannot write an array.array of type {code!r} as numbers")
        packed, shape = value, (len(value),)
        descr = "<" + _TYPECODES[code] + str(value.itemsize)
    else:
        rows = list(value)
        if rows and all(isinstance(r, (list, tuple)) for r in rows):
            width = len(rows[0])
            for i, r in enumerate(rows):
                if len(r) != width:
                    raise ValueError(f"a 2-D list needs rows of equal length: row 0 has {width}, row {i} has {len(r)}")
            packed = _array.array("d")
            try:
                for r in rows:  # C speed for rows of plain floats
                    packed.extend(r if isinstance(r, list) else list(r))
            except TypeError:  # ints, None, numbers of other types: one by one
                packed = _array.array("d", (_number(v) for r in rows for v in r))
            shape = (len(rows), width)
        else:
            try:
                packed = _array.array("d", rows)
            except TypeError:
                packed = _array.array("d", (_number(v) for v in rows))
            shape = (len(rows),)
        descr = "<f8"
    if sys.byteorder == "big" and packed.itemsize > 1:
        packed = _array.array(packed.typecode, packed)
        packed.byteswap()
    return _header(descr, False, shape), memoryview(packed).cast("B")


def npy_bytes(value):
    """The ``.npy`` encoding of `value` as (header bytes, data buffer).

    `value`: a numpy array (or anything ``numpy.asarray`` takes, when numpy is installed), a
    list of numbers (1-D), a list of equal-length rows (2-D), or an ``array.array``. None in a
    list is a missing value (NaN). Other shapes and non-numeric values raise ValueError / TypeError.
    """
    np = _numpy()
    if np is not None and not isinstance(value, _array.array):
        return _from_numpy(np, value)
    return _from_python(value)


_counter = [0]
_counter_lock = threading.Lock()


def _temp_path(path):
    with _counter_lock:
        _counter[0] += 1
        n = _counter[0]
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{os.getpid()}.{n}.tmp")


def write_array(path, value):
    """Write `value` (see ``npy_bytes``) to `path` as a ``.npy`` file, atomically; return the path.

    The bytes go to a hidden temp file in the same folder, renamed over `path` at the end, so
    ``plotline watch`` (which redraws the file's figure when it is replaced) never reads half
    an array. Safe from several threads. ``plotline render x.npy`` draws such a file: a 1-D
    array as a line of its values, a 2-D array as a heat map.
    """
    path = os.fspath(path)
    header, data = npy_bytes(value)
    temp = _temp_path(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
    try:
        os.write(fd, header)
        view, written = data, 0
        while written < len(data):
            written += os.write(fd, view[written:])
    except BaseException:
        os.close(fd)
        os.unlink(temp)
        raise
    os.close(fd)
    os.replace(temp, path)
    return path
