"""Numbers and arrays written into a script so that they come back exactly.

Small arrays are written as ``np.array([...])`` with each float's shortest round-trip text;
bigger ones as their raw bytes in base64 (``Blobs``), decoded by a helper the script defines.
Expected results of the same size are checked by their sum, their absolute sum and a few
sampled elements instead of element by element, so a script stays readable.
"""

from __future__ import annotations

import base64
import math

import numpy as np

LITERAL_MAX = 16       # arrays up to this many elements are written out as numbers
CHECK_FULL_MAX = 4096  # expected results up to this many elements are compared in full
SAMPLES = 6            # elements sampled from a bigger expected result


def number(v, dtype: np.dtype | None = None) -> str:
    """One number as Python text that reads back to the same value (``np.nan``, ``np.inf``)."""
    v = float(v)
    if math.isnan(v):
        return "np.nan"
    if math.isinf(v):
        return "np.inf" if v > 0 else "-np.inf"
    if dtype is not None and np.dtype(dtype) == np.float32:
        return str(np.float32(v))            # the shortest text of the float32 value
    return repr(v)


def axis(value) -> str:
    """An axis argument as text: ``1``, ``None`` or the tuple ``(0, 1)``."""
    return repr(tuple(value)) if isinstance(value, (list, tuple)) else repr(value)


def nested(arr: np.ndarray) -> str:
    """``[[1.0, 2.0], [3.0, 4.0]]``: an array's elements as nested lists of exact numbers."""
    if arr.ndim == 0:
        return _elem(arr[()], arr.dtype)
    return "[" + ", ".join(nested(a) for a in arr) + "]"


def _elem(v, dtype: np.dtype) -> str:
    if dtype.kind in "iub":
        return str(int(v))
    return number(v, dtype)


def dtype_name(dtype: np.dtype) -> str:
    """``float64`` -> ``np.float64``."""
    return f"np.{np.dtype(dtype).name}"


class Blobs:
    """Arrays too big to write as numbers, kept as base64 of their raw little-endian bytes."""

    def __init__(self) -> None:
        self.items: dict[str, np.ndarray] = {}

    def add(self, name: str, arr: np.ndarray) -> str:
        """Store ``arr`` under ``name``; returns the script text that decodes it."""
        self.items[name] = np.ascontiguousarray(arr)
        return f'_array("{name}")'

    def source(self) -> str:
        """The ``_BLOBS`` table and the ``_array`` helper, or nothing when there is no blob."""
        if not self.items:
            return ""
        lines = ["# ---- big arrays as exact raw bytes (base64); the code is further down ----",
                 "_BLOBS = {"]
        for name, arr in self.items.items():
            raw = arr.astype(arr.dtype.newbyteorder("<")).tobytes()
            text = base64.b64encode(raw).decode("ascii")
            chunks = [text[i:i + 96] for i in range(0, len(text), 96)] or [""]
            body = "\n".join(f'        "{c}"' for c in chunks)
            lines.append(f'    "{name}": ("<{arr.dtype.str[1:]}", {tuple(arr.shape)!r}, (\n'
                         f"{body})),")
        lines += ["}", "", "",
                  "def _array(name):",
                  "    dtype, shape, text = _BLOBS[name]",
                  "    raw = base64.b64decode(text)",
                  "    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()", "", ""]
        return "\n".join(lines)


def summary(arr: np.ndarray) -> tuple[float, float, dict[int, float]]:
    """Sum, absolute sum and ``SAMPLES`` elements (flat index -> value) of a big array."""
    flat = np.asarray(arr, dtype=np.float64).reshape(-1)
    idx = np.unique(np.linspace(0, flat.size - 1, SAMPLES).round().astype(int))
    with np.errstate(all="ignore"):
        return float(flat.sum()), float(np.abs(flat).sum()), {int(i): float(flat[i]) for i in idx}
