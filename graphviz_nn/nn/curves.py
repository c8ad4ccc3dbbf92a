"""Training curves as a PNG, with numpy and zlib only (no plotting library, no Qt).

``save_curves_png(history, "curves.png")`` draws two panels, loss and accuracy, each with
the training curve (blue) and the validation curve (orange) over the epochs, the value range
on the y axis and the number of epochs on the x axis, in a small built-in bitmap font.
"""

from __future__ import annotations

import math
import struct
import zlib

import numpy as np

from graphviz_nn.io import write_atomic

__all__ = ["save_curves_png", "encode_png"]

_GLYPHS = {
    "0": " ### |#   #|#  ##|# # #|##  #|#   #| ### ",
    "1": "  #  | ##  |  #  |  #  |  #  |  #  | ### ",
    "2": " ### |#   #|    #|   # |  #  | #   |#####",
    "3": "#####|   # |  #  |   # |    #|#   #| ### ",
    "4": "   # |  ## | # # |#  # |#####|   # |   # ",
    "5": "#####|#    |#### |    #|    #|#   #| ### ",
    "6": "  ## | #   |#    |#### |#   #|#   #| ### ",
    "7": "#####|    #|   # |  #  | #   | #   | #   ",
    "8": " ### |#   #|#   #| ### |#   #|#   #| ### ",
    "9": " ### |#   #|#   #| ####|    #|   # | ##  ",
    ".": "     |     |     |     |     | ##  | ##  ",
    "-": "     |     |     |#####|     |     |     ",
    "a": "     |     | ### |    #| ####|#   #| ####",
    "c": "     |     | ### |#    |#    |#   #| ### ",
    "e": "     |     | ### |#   #|#####|#    | ### ",
    "h": "#    |#    |# ## |##  #|#   #|#   #|#   #",
    "i": "  #  |     | ##  |  #  |  #  |  #  | ### ",
    "l": " ##  |  #  |  #  |  #  |  #  |  #  | ### ",
    "n": "     |     |# ## |##  #|#   #|#   #|#   #",
    "o": "     |     | ### |#   #|#   #|#   #| ### ",
    "p": "     |#### |#   #|#   #|#### |#    |#    ",
    "r": "     |     |# ## |##  #|#    |#    |#    ",
    "s": "     |     | ####|#    | ### |    #|#### ",
    "t": " #   | #   |###  | #   | #   | #  #|  ## ",
    "u": "     |     |#   #|#   #|#   #|#  ##| ## #",
    "v": "     |     |#   #|#   #|#   #| # # |  #  ",
    "y": "     |     |#   #|#   #| ####|    #| ### ",
    " ": "     |     |     |     |     |     |     ",
}
_FONT = {ch: np.array([[c == "#" for c in row] for row in g.split("|")])
         for ch, g in _GLYPHS.items()}

TRAIN, VAL = (31, 119, 180), (255, 127, 14)
INK, GRID, FRAME = (40, 40, 40), (225, 225, 225), (120, 120, 120)


def _text(img: np.ndarray, x: int, y: int, text: str, color=INK, scale: int = 2) -> int:
    """Draw ``text`` with its top-left corner at (x, y); returns the x after it."""
    for ch in text.lower():
        glyph = _FONT.get(ch, _FONT[" "])
        big = np.kron(glyph, np.ones((scale, scale), dtype=bool))
        h, w = big.shape
        region = img[y:y + h, x:x + w]
        region[big[:region.shape[0], :region.shape[1]]] = color
        x += w + scale
    return x


def _text_width(text: str, scale: int = 2) -> int:
    return len(text) * 6 * scale - scale


def _line(img: np.ndarray, x0, y0, x1, y1, color, width: int = 2) -> None:
    n = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
    xs = np.rint(np.linspace(x0, x1, n)).astype(int)
    ys = np.rint(np.linspace(y0, y1, n)).astype(int)
    for dx in range(width):
        for dy in range(width):
            yy = np.clip(ys + dy - width // 2, 0, img.shape[0] - 1)
            xx = np.clip(xs + dx - width // 2, 0, img.shape[1] - 1)
            img[yy, xx] = color


def _fmt(v: float) -> str:
    if v == 0 or 0.01 <= abs(v) < 1000:
        return f"{v:.3f}".rstrip("0").rstrip(".") if abs(v) < 10 else f"{v:.1f}"
    return f"{v:.1e}".replace("e+0", "e").replace("e-0", "e-")


def _panel(img, x0, y0, w, h, title, series) -> None:
    left, right, top, bottom = x0 + 90, x0 + w - 20, y0 + 40, y0 + h - 50
    _text(img, left, y0 + 10, title)
    values = [v for _, vals in series for v in vals if math.isfinite(v)]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    pad = (hi - lo) * 0.05
    lo = lo - pad if lo - pad >= 0 or lo < 0 else 0.0      # no negative axis for losses
    hi = hi + pad if title != "accuracy" or hi + pad <= 1 else 1.0
    epochs = max((len(vals) for _, vals in series), default=1)
    for k in range(5):                                   # horizontal grid and y labels
        y = int(round(bottom - k * (bottom - top) / 4))
        img[y, left:right] = GRID
        label = _fmt(lo + k * (hi - lo) / 4)
        _text(img, left - 8 - _text_width(label), y - 7, label)
    img[top:bottom + 1, left] = FRAME
    img[bottom, left:right + 1] = FRAME
    _text(img, left, bottom + 10, "1")
    last = str(epochs)
    _text(img, right - _text_width(last), bottom + 10, last)
    _text(img, (left + right - _text_width("epoch")) // 2, bottom + 28, "epoch")

    def px(i, v):
        x = left + (right - left) * (i / max(epochs - 1, 1))
        return x, bottom - (bottom - top) * (v - lo) / (hi - lo)

    for color, vals in series:
        pts = [px(i, v) for i, v in enumerate(vals) if math.isfinite(v)]
        if len(pts) == 1:
            _line(img, *pts[0], *pts[0], color, width=4)
        for (xa, ya), (xb, yb) in zip(pts, pts[1:], strict=False):
            _line(img, xa, ya, xb, yb, color)
    lx = right - 190                                       # legend, in one row above
    for name, color in (("train", TRAIN), ("val", VAL)):
        if any(c == color for c, _ in series):
            _line(img, lx, y0 + 17, lx + 24, y0 + 17, color, width=3)
            lx = _text(img, lx + 32, y0 + 10, name) + 24


def encode_png(rgb: np.ndarray) -> bytes:
    """PNG bytes of an (h, w, 3) uint8 image."""
    h, w, _ = rgb.shape
    raw = np.concatenate([np.zeros((h, 1), np.uint8), rgb.reshape(h, w * 3)], axis=1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw.tobytes(), 9)) + chunk(b"IEND", b""))


def save_curves_png(history: dict, path, size: tuple[int, int] = (1000, 400)) -> None:
    """Save loss and accuracy curves (train and, when present, validation) as a PNG,
    atomically. ``history`` is ``History.history``."""
    w, h = size
    img = np.full((h, w, 3), 255, np.uint8)
    panels = [("loss", "loss", "val_loss"), ("accuracy", "accuracy", "val_accuracy")]
    panels = [p for p in panels if p[1] in history] or panels[:1]
    pw = w // len(panels)
    for i, (title, tkey, vkey) in enumerate(panels):
        series = [(c, list(map(float, history[k]))) for c, k in ((TRAIN, tkey), (VAL, vkey))
                  if history.get(k)]
        _panel(img, i * pw, 0, pw, h, title, series)
    write_atomic(path, encode_png(img))
