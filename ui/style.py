"""Colours and number formatting shared by the canvas, the inspector and the renderer, and
the PNG bytes of a grabbed widget for the atomic file writer.

Values are green and sit above an edge, gradients are red and sit below it, as in the
CS231n slides. Numbers are formatted for reading: ``-4``, ``0.731``, ``1.2e-05``.
"""

from __future__ import annotations

import math
import re

import numpy as np

VALUE_COLOR = "#1b7a36"      # forward values (green, above an edge)
GRAD_COLOR = "#c0262d"       # gradients (red, below an edge)
NODE_FILL = "#fbfbf8"
NODE_BORDER = "#5b6573"
LEAF_FILL = "#eef4fb"
PARAM_FILL = "#fff4e0"
HIGHLIGHT = "#f0a500"        # the node of the current step
EMPHASIS = "#2f6fd6"         # edges the current step reads or writes
ERROR_COLOR = "#b00020"      # nodes that could not be computed / failed a check
WARNING_COLOR = "#b26a00"    # where a value or gradient first became NaN or inf
EDGE_COLOR = "#8a94a3"
TEXT_COLOR = "#1f2328"
MUTED_TEXT = "#6b7280"
BACKGROUND = "#ffffff"

MINUS = "-"   # ASCII so that what the learner reads can be copied and parsed back


def fmt_num(x: float, digits: int = 3) -> str:
    """Format one number for reading: ``-4``, ``0.731``, ``1.2e-05``, ``12346``, ``nan``."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "0"
    ax = abs(x)
    if ax >= 1e6 or ax < 1e-3:
        mant, exp = f"{x:.{max(digits - 1, 1)}e}".split("e")
        mant = mant.rstrip("0").rstrip(".")
        return f"{mant}e{exp}"
    if ax >= 10 ** digits:
        return str(int(round(x)))
    text = f"{x:.{digits}g}"
    if "e" in text:     # e.g. 1e+03 from %g: write it out instead
        text = str(int(round(x)))
    return text


def shape_text(shape: tuple[int, ...]) -> str:
    """``(32, 10)`` -> ``[32×10]``, ``(3,)`` -> ``[3]``; scalars -> ``scalar``."""
    if len(shape) == 0:
        return "scalar"
    return "[" + "×".join(str(int(s)) for s in shape) + "]"


def fmt_value(value, max_items: int = 3, max_chars: int = 22) -> str:
    """Short text for a value of any shape: a number, a tiny vector (``[0.24, 0.67, 0.09]``,
    two significant digits), or its shape in brackets."""
    if value is None:
        return ""
    arr = np.asarray(value)
    if arr.size == 1:
        return fmt_num(arr.reshape(-1)[0])
    if arr.ndim == 1 and arr.size <= max_items:
        text = "[" + ", ".join(fmt_num(v, 2) for v in arr) + "]"
        if len(text) <= max_chars:
            return text
    return shape_text(arr.shape)


def fmt_stats(value) -> str:
    """One line describing a tensor: shape, mean, min and max."""
    arr = np.asarray(value, dtype=float)
    from ui.i18n import translate

    if arr.size == 0:
        return translate("Values", "{shape} (empty)").format(shape=shape_text(arr.shape))
    if arr.size == 1:
        return fmt_num(arr.reshape(-1)[0])
    return translate("Values", "{shape}  mean {mean}  min {min}  max {max}").format(
        shape=shape_text(arr.shape), mean=fmt_num(arr.mean()), min=fmt_num(arr.min()),
        max=fmt_num(arr.max()))


def parse_number(text: str) -> float:
    """Read a number a learner types: "-4", "−4" (the typographic minus), "0.197", "1.5×10^-3",
    "7,510" (commas between groups of thousands); ValueError if it is not a number."""
    t = text.strip().replace("−", "-").replace("×10^", "e").replace(" ", "")
    if "," in t:
        if not re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d*)?", t):
            raise ValueError(f"not a number: {text!r}")
        t = t.replace(",", "")
    return float(t)


def png_bytes(image) -> bytes:
    """A ``QImage`` or ``QPixmap`` encoded as PNG, to write with ``graphviz_nn.io.write_atomic``;
    OSError when Qt cannot encode it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buf, "PNG")
    buf.close()
    if not ok or data.isEmpty():
        raise OSError("could not encode the image as PNG")
    return bytes(data)
