"""The network diagram's edges: one line per weight between two layers drawn unit by unit,
blue for a positive weight and orange for a negative one, wider and stronger the larger the
weight (TensorFlow Playground's encoding; a weak edge's colour is mostly the background's).
Lines of one look are drawn in one call."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ui.train.net_layout import Layout
from ui.train.unit_maps import NEGATIVE, POSITIVE

PX_PER_WEIGHT = 2.0      # an edge's width grows by this per unit of |w|
MIN_WIDTH = 0.5
QUANTUM = 0.5            # widths are drawn in steps of this many pixels
PLAIN = QColor(190, 190, 190)   # the connections of a layer drawn as one block


def max_width(side: float) -> float:
    """The widest edge next to units of ``side`` px: wide enough to read, never wider than a
    fifth of a unit."""
    return float(np.clip(side / 5, 1.5, 6.0))


def edge_width(w: np.ndarray, widest: float) -> np.ndarray:
    """Edge widths (px) for weights ``w``: ``PX_PER_WEIGHT·|w|``, between ``MIN_WIDTH`` and
    ``widest``; not-a-number weights get the thinnest line."""
    a = np.nan_to_num(np.abs(np.asarray(w, np.float64)), nan=0.0, posinf=1e9)
    return np.clip(PX_PER_WEIGHT * a, MIN_WIDTH, widest)


def edge_alpha(width: np.ndarray, widest: float) -> np.ndarray:
    """Opacity (0-255) for edges of ``width``: faint when thin, solid at the widest."""
    t = (width - MIN_WIDTH) / max(widest - MIN_WIDTH, 1e-9)
    return (70 + 185 * np.clip(t, 0, 1)).astype(int)


def edge_color(w: float, alpha: int = 255, over: QColor | None = None) -> QColor:
    """Blue for a weight >= 0, orange below; with ``over``, the colour ``alpha`` of it shows
    over that background, as an opaque colour (translucent lines cost ten times as much to
    draw; an opaque one looks the same except where two cross)."""
    rgb = (POSITIVE if w >= 0 else NEGATIVE).astype(float)
    if over is None:
        r, g, b = rgb.astype(int)
        return QColor(int(r), int(g), int(b), int(alpha))
    a = alpha / 255.0
    bg = np.array([over.red(), over.green(), over.blue()], float)
    r, g, b = np.rint(a * rgb + (1 - a) * bg).astype(int)
    return QColor(int(r), int(g), int(b))


class Edges:
    """Segments of every drawn weight, in widget pixels, and their pens for a weight list."""

    def __init__(self, lay: Layout) -> None:
        self.widest = max_width(lay.side)
        self.pairs = []      # (weight layer k from 1, from-unit idx, to-unit idx, x0, y0, x1, y1)
        self.plain: list[QLineF] = []
        self._buckets: list[tuple[QPen, list[QLineF]]] = []
        self._widths: dict[int, np.ndarray] = {}       # per weight layer, (in, out) px
        self._pending: list[np.ndarray] | None = None  # weights given, looks not made yet
        self._weights: list[np.ndarray] | None = None
        self.background = QColor(255, 255, 255)        # what the edges are drawn over
        self._lines: list[list[QLineF]] = []           # per pair, in the pair's edge order
        for i in range(len(lay.units) - 1):
            a, b = _ends(lay, i, out=True), _ends(lay, i + 1, out=False)
            if len(lay.units[i]) and len(lay.units[i + 1]):
                ia, ib = (g.ravel() for g in np.meshgrid(np.arange(len(a)), np.arange(len(b)),
                                                         indexing="ij"))
                self.pairs.append((i + 1, ia, ib, a[ia, 0], a[ia, 1], b[ib, 0], b[ib, 1]))
                self._lines.append([QLineF(*seg) for seg in zip(
                    a[ia, 0].tolist(), a[ia, 1].tolist(), b[ib, 0].tolist(), b[ib, 1].tolist(),
                    strict=True)])
            else:       # a block on one side: grey lines, no weights to show
                self.plain += [QLineF(QPointF(*pa), QPointF(*pb)) for pa in a for pb in b]

    @property
    def count(self) -> int:
        """How many weight edges there are."""
        return sum(len(pair[1]) for pair in self.pairs)

    def set_weights(self, weights: list[np.ndarray]) -> None:
        """Draw these weights from now on. Their pens and lines are made when first needed (a
        drawing, a hover): while a run trains, weights come far more often than the edges are
        drawn."""
        self._pending = list(weights)

    def set_background(self, color: QColor) -> None:
        """The colour the edges are drawn over (their pens are opaque blends with it)."""
        if QColor(color) != self.background:
            self.background = QColor(color)
            if self._pending is None and self._weights is not None:
                self._pending = self._weights

    @property
    def widths(self) -> dict[int, np.ndarray]:
        """Each weight layer's edge widths in px, (in, out)."""
        self._ensure()
        return self._widths

    def _ensure(self) -> None:
        """Pens and lines for the newest weights (thin ones first, so strong ones lie on
        top)."""
        if self._pending is None:
            return
        weights, self._pending = self._pending, None
        self._weights = weights
        groups: dict[tuple[bool, float], list[QLineF]] = {}
        self._widths = {}
        for (k, ia, ib, *_), lines in zip(self.pairs, self._lines, strict=True):
            w = np.asarray(weights[2 * (k - 1)])
            if w.ndim != 2 or w.shape[0] <= ia.max() or w.shape[1] <= ib.max():
                continue
            wv = w[ia, ib]
            width = edge_width(wv, self.widest)
            self._widths[k] = width.reshape(w.shape[0], w.shape[1])
            steps = np.rint(width / QUANTUM).astype(np.int64)
            key = 2 * steps + (wv < 0)                 # one look per (width step, sign)
            order = np.argsort(key, kind="stable")
            cuts = np.flatnonzero(np.diff(key[order])) + 1
            for idx in np.split(order, cuts):
                j = int(idx[0])
                look = (not bool(wv[j] < 0), float(steps[j] * QUANTUM))
                groups.setdefault(look, []).extend([lines[i] for i in idx.tolist()])
        buckets = []
        for (pos, width), lines in sorted(groups.items(), key=lambda kv: kv[0][1]):
            alpha = int(edge_alpha(np.array([width]), self.widest)[0])
            pen = QPen(edge_color(1.0 if pos else -1.0, alpha, self.background),
                       max(width, MIN_WIDTH))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            buckets.append((pen, lines))
        self._buckets = buckets

    def paint(self, p: QPainter) -> None:
        for pen, lines in self.pieces():
            p.setPen(pen)
            p.drawLines(lines)

    def pieces(self, most: int | None = None) -> list[tuple[QPen, list[QLineF]]]:
        """What ``paint`` draws, in order: (pen, lines), ``most`` lines a piece at most."""
        self._ensure()
        out = []
        for pen, lines in ([(QPen(PLAIN, 1), self.plain)] if self.plain else []) + \
                self._buckets:
            step = most or max(len(lines), 1)
            out += [(pen, lines[i:i + step]) for i in range(0, len(lines), step)]
        return out

    def at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """(weight layer, from unit, to unit) of the nearest edge within a few pixels."""
        best, found = None, None
        for k, ia, ib, x0, y0, x1, y1 in self.pairs:
            dx, dy = x1 - x0, y1 - y0
            t = np.clip(((x - x0) * dx + (y - y0) * dy) / np.maximum(dx * dx + dy * dy, 1e-9),
                        0, 1)
            d = np.hypot(x0 + t * dx - x, y0 + t * dy - y)
            width = self.widths.get(k)
            reach = 3.0 + (width[ia, ib] / 2 if width is not None else 0.0)
            d = np.where(d <= reach, d, np.inf)
            j = int(np.argmin(d))
            if np.isfinite(d[j]) and (best is None or d[j] < best):
                best, found = float(d[j]), (k, int(ia[j]), int(ib[j]))
        return found


def _ends(lay: Layout, i: int, out: bool) -> np.ndarray:
    """Where edges leave (``out``) or reach layer ``i``'s units: the middle of the side facing
    the next (or previous) layer; a block's middle for a block layer. (n, 2) px."""
    rects = lay.units[i] or [lay.blocks[i]]
    pts = []
    for x, y, w, h in rects:
        if lay.horizontal:
            pts.append((x + w if out else x, y + h / 2))
        else:
            pts.append((x + w / 2, y + h if out else y))
    if not lay.units[i]:
        pts = pts[:1]
    return np.array(pts, dtype=np.float64)
