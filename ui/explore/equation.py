"""An equation block as the lecture writes it: rows aligned on "=", real numbers, values green and
gradients red, everything else in the normal text colour.

A block is a list of paragraphs (:class:`Para`) and aligned tables (lists of :class:`Row`).
:func:`to_html` writes it as Qt rich text (a small tensor as a bracketed matrix, a big one as a
heatmap image with its min, mean and max); :func:`to_text` writes the same as plain text, which
tests read and a learner can copy.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field

import numpy as np

from ui import style
from ui.i18n import translate

SMALL_SIDE = 3            # tensors up to 3×3 (and vectors up to 3) are written out
_PNG_CACHE: dict[int, tuple[object, tuple, str]] = {}  # id -> (array kept alive, size, data url)


@dataclass
class Piece:
    """One term of a row: a symbol or formula (``text``) or numbers (``array``).

    ``kind`` picks the colour: "grad" (red), "value" (green), "op" and "text" (normal text),
    "muted". ``paren``: a negative number is written in parentheses (after an operator)."""

    text: str = ""
    array: object = None
    kind: str = "text"
    caption: str = ""
    bold: bool = False
    paren: bool = False


@dataclass
class Row:
    """``lhs = rhs``; an empty ``lhs`` continues the row above (``      = rhs``)."""

    lhs: list[Piece] = field(default_factory=list)
    rhs: list[Piece] = field(default_factory=list)


@dataclass
class Para:
    """A line of prose: "text" (normal colour), "title" (bold), "muted" or "error"."""

    text: str
    kind: str = "text"


def sym(text: str, kind: str = "text", caption: str = "", bold: bool = False) -> Piece:
    """A symbol or formula."""
    return Piece(text=text, kind=kind, caption=caption, bold=bold)


def num(array, kind: str, caption: str = "", paren: bool = False, bold: bool = False) -> Piece:
    """Numbers: a scalar, a small tensor written out, or a big one as a heatmap."""
    return Piece(array=np.asarray(array), kind=kind, caption=caption, paren=paren, bold=bold)


def op(text: str) -> Piece:
    """An operator between terms: ``·``, ``⊙``, ``+``, ``@``."""
    return Piece(text=text, kind="op")


# ----- numbers -------------------------------------------------------------------------------

def is_small(arr: np.ndarray) -> bool:
    """Written out rather than drawn: a scalar, a vector of at most 3, a matrix up to 3×3."""
    if arr.ndim == 0 or arr.size == 1:
        return True
    if arr.ndim == 1:
        return arr.size <= SMALL_SIDE
    return arr.ndim == 2 and arr.shape[0] <= SMALL_SIDE and arr.shape[1] <= SMALL_SIDE


def _stats(arr: np.ndarray) -> dict[str, str] | None:
    a = np.asarray(arr, dtype=float)
    finite = a[np.isfinite(a)]
    if finite.size == 0:
        return None
    lo, hi, mean = finite.min(), finite.max(), finite.mean()
    if abs(mean) < 1e-9 * max(abs(lo), abs(hi)):
        mean = 0.0                      # a sum of rounding errors (softmax minus one-hot)
    return {"shape": style.shape_text(a.shape), "min": style.fmt_num(lo),
            "mean": style.fmt_num(mean), "max": style.fmt_num(hi)}


def stats_text(arr: np.ndarray) -> str:
    """``[36×16]  min -0.1  mean 0.02  max 0.3`` for a big tensor."""
    st = _stats(arr)
    if st is None:
        return style.shape_text(np.shape(arr))
    return translate("Inspector", "{shape}  min {min}  mean {mean}  max {max}").format(**st)


def stats_html(arr: np.ndarray) -> str:
    """The same under a heatmap, in four short lines."""
    st = _stats(arr)
    if st is None:
        return html.escape(style.shape_text(np.shape(arr)))
    lines = [st["shape"], translate("Inspector", "min {min}").format(**st),
             translate("Inspector", "mean {mean}").format(**st),
             translate("Inspector", "max {max}").format(**st)]
    return "<br>".join(html.escape(t) for t in lines)


def _scalar_text(x, paren: bool) -> str:
    text = style.fmt_num(x)
    return f"({text})" if paren and text.startswith("-") else text


def array_text(arr: np.ndarray, paren: bool = False) -> str:
    """Plain text of numbers: ``-4``, ``[0.245, 0.665, 0.09]``, ``[[1, 2], [3, 4]]``, or the
    shape with min, mean and max."""
    arr = np.asarray(arr)
    if arr.size == 1:
        return _scalar_text(arr.reshape(-1)[0], paren)
    if not is_small(arr):
        return stats_text(arr)
    if arr.ndim == 1:
        return "[" + ", ".join(style.fmt_num(v) for v in arr) + "]"
    return "[" + ", ".join("[" + ", ".join(style.fmt_num(v) for v in row) + "]"
                           for row in arr) + "]"


def _piece_text(p: Piece) -> str:
    return p.text if p.array is None else array_text(p.array, p.paren)


def _glued(prev: Piece, nxt: Piece) -> bool:
    """No space in ``σ(s)``, ``x^2``, ``−x``, ``a, b``."""
    if prev.kind != "op" and prev.array is None and (prev.text.endswith("(") or prev.text == "−"):
        return True
    return nxt.array is None and nxt.kind != "op" and nxt.text[:1] in (")", ",", "^")


def join(pieces: list[Piece], render=_piece_text) -> str:
    """The pieces in a line, spaced as a formula is written."""
    out = ""
    for k, p in enumerate(pieces):
        if k and not _glued(pieces[k - 1], p):
            out += " "
        out += render(p)
    return out


def to_text(block: list) -> str:
    """The block as plain text, one line per paragraph and per row."""
    lines: list[str] = []
    for item in block:
        if isinstance(item, Para):
            lines.append(item.text)
            continue
        width = max((len(join(r.lhs)) for r in item), default=0)
        for r in item:
            lhs, rhs = join(r.lhs), join(r.rhs)
            lines.append(f"{lhs:>{width}} = {rhs}" if r.rhs else lhs)
    return "\n".join(lines)


# ----- rich text ----------------------------------------------------------------------------

def _colour(kind: str) -> str | None:
    return {"grad": style.GRAD_COLOR, "value": style.VALUE_COLOR, "muted": style.MUTED_TEXT,
            "error": style.ERROR_COLOR}.get(kind)


def _span(text: str, kind: str, bold: bool = False) -> str:
    out = html.escape(text)
    c = _colour(kind)
    if c:
        out = f'<span style="color:{c}">{out}</span>'
    return f"<b>{out}</b>" if bold else out


def _image_url(arr: np.ndarray, side: int) -> tuple[str, int, int]:
    """A heatmap of ``arr`` as a PNG data URL, and the size to draw it at."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication

    from ui.canvas.thumbnail import as_matrix, heatmap_image

    rows, cols = as_matrix(arr, 1 << 20).shape
    w = side
    h = int(round(min(max(side * rows / cols, side * 0.4), side)))
    if rows > cols:                     # tall: keep the height, narrow the picture
        h, w = side, int(round(min(max(side * cols / rows, side * 0.4), side)))
    # drawn at w×h pixels of layout, made at the screen's pixel ratio: crisp cells on HiDPI
    app = QGuiApplication.instance()
    ratio = max(1.0, app.devicePixelRatio()) if app is not None else 1.0
    hit = _PNG_CACHE.get(id(arr))
    if hit is not None and hit[0] is arr and hit[1] == (side, ratio):
        return hit[2], w, h
    img = heatmap_image(arr, max_side=128).scaled(
        round(w * ratio), round(h * ratio), Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    url = "data:image/png;base64," + base64.b64encode(bytes(data)).decode("ascii")
    if len(_PNG_CACHE) > 64:
        _PNG_CACHE.clear()
    _PNG_CACHE[id(arr)] = (arr, (side, ratio), url)
    return url, w, h


_PRE = '<p style="white-space:pre; margin:0" align="{align}">{inner}</p>'


def _pre(inner: str, align: str = "center") -> str:
    """Cell content that never wraps (Qt breaks a narrow table cell anywhere, even in -0.02)."""
    return _PRE.format(align=align, inner=inner)


def _matrix_html(arr: np.ndarray, kind: str, bold: bool) -> str:
    rows = arr.shape[0]
    left = ["["] if rows == 1 else ["⎡"] + ["⎢"] * (rows - 2) + ["⎣"]
    right = ["]"] if rows == 1 else ["⎤"] + ["⎥"] * (rows - 2) + ["⎦"]
    trs = []
    for r in range(rows):
        cells = "".join(f"<td>{_pre(_span(style.fmt_num(v), kind, bold), 'right')}</td>"
                        for v in arr[r])
        trs.append(f"<tr><td>{left[r]}</td>{cells}<td>{right[r]}</td></tr>")
    return f'<table cellspacing="0" cellpadding="1">{"".join(trs)}</table>'


def _piece_html(p: Piece, side: int) -> str:
    if p.array is None:
        return _span(p.text, p.kind, p.bold)
    arr = p.array
    if arr.size == 1 or (is_small(arr) and arr.ndim == 1):
        return _span(array_text(arr, p.paren), p.kind, p.bold).replace(", ", ",&nbsp;")
    if is_small(arr):
        return _matrix_html(arr, p.kind, p.bold)
    url, w, h = _image_url(arr, side)
    return _pre(f'<img src="{url}" width="{w}" height="{h}"><br>'
                f'<span style="font-size:small; color:{style.MUTED_TEXT}">'
                f"{stats_html(arr)}</span>", "left")


def _needs_cells(pieces: list[Piece]) -> bool:
    return any(p.caption or (p.array is not None and p.array.size > 1
                             and not (p.array.ndim == 1 and is_small(p.array)))
               for p in pieces)


def _seq_html(pieces: list[Piece], side: int) -> str:
    """Terms side by side: inline text, or a one-row table when a term is a matrix, a
    picture or has a caption under it."""
    if not _needs_cells(pieces):
        return join(pieces, lambda p: _piece_html(p, side))
    cells = []
    for p in pieces:
        inner = _piece_html(p, side)
        if p.caption:
            inner += (f'<br><span style="font-size:small; color:{style.MUTED_TEXT}">'
                      f"{html.escape(p.caption)}</span>")
        if not inner.startswith("<table") and not inner.startswith("<p"):
            inner = _pre(inner)
        cells.append(f'<td valign="middle">{inner}</td>')
    # the last cell takes the width the column has to spare, so the terms stay together
    cells.append('<td width="100%"></td>')
    return f'<table cellspacing="0" cellpadding="2"><tr>{"".join(cells)}</tr></table>'


def _has_picture(block: list) -> bool:
    return any(p.array is not None and not is_small(p.array)
               for item in block if not isinstance(item, Para)
               for r in item for p in r.lhs + r.rhs)


def to_html(block: list, side: int = 96) -> str:
    """The block as Qt rich text; ``side``: the size of a heatmap picture in pixels."""
    out: list[str] = []
    if _has_picture(block):
        block = [*block, Para(translate("Inspector", "Heatmaps: blue is negative, white zero, "
                                        "red positive."), "muted")]
    for item in block:
        if isinstance(item, Para):
            text = html.escape(item.text)
            if item.kind == "title":
                text = f"<b>{text}</b>"
            elif _colour(item.kind):
                text = f'<span style="color:{_colour(item.kind)}">{text}</span>'
            out.append(f'<p style="margin-top:4px; margin-bottom:2px">{text}</p>')
            continue
        trs = []
        for r in item:
            lhs = _seq_html(r.lhs, side)
            rhs = _seq_html(r.rhs, side) if r.rhs else ""
            eq = "=" if r.rhs else ""
            trs.append(f'<tr><td valign="middle">{_pre(lhs, "right")}</td>'
                       f'<td valign="middle">{eq}</td><td valign="middle">{rhs}</td></tr>')
        out.append('<table cellspacing="0" cellpadding="2" style="margin-top:2px; '
                   f'margin-bottom:6px">{"".join(trs)}</table>')
    return "".join(out)
