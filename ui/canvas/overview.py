"""The map of a big graph, drawn when it is zoomed out too far for any text to read.

A graph of more than ``OVERVIEW_NODES`` nodes at a zoom below ``overview_lod()`` (where a node
has room for no line of readable text, see node_compact.py) is drawn by one item: every node
(or collapsed layer) a box coloured by what it shows, every wire a straight line, and a ring of
fixed size on screen around the current step's node and the selected one. The scene hides its
node and wire items meanwhile, so Qt neither paints nor indexes 26,000 items at Fit; they come
back when the learner zooms in to read.

The item only paints; the scene gives it the boxes, the lines and each box's state.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from ui import style
from ui.canvas.fonts import min_screen_px
from ui.canvas.node_compact import LINE, NAME_PX

OVERVIEW_NODES = 1500   # graphs with more nodes are drawn as a map when zoomed out
RING = 11.0             # screen px: the radius of the rings around the step's and the
                        # selected node

PLAIN, VALUE, GRAD, ERROR, WARNING, LAYER = range(6)
# (border, fill) of a box by its state: the value's green once computed, the gradient's red
# once the backward pass reached it
COLOURS = {PLAIN: (style.NODE_BORDER, style.NODE_FILL),
           VALUE: (style.VALUE_COLOR, "#dcefe1"),
           GRAD: (style.GRAD_COLOR, "#f7dcdd"),
           ERROR: (style.ERROR_COLOR, "#f3c4ca"),
           WARNING: (style.WARNING_COLOR, "#fbe6c6"),
           LAYER: (style.NODE_BORDER, "#eef2f8")}


def overview_lod(node_height: float = 60.0) -> float:
    """The zoom below which a node holds no line of readable text (the compact drawing's
    rows are ``(height - 2) // (px * LINE)``, its type at least ``NAME_PX``)."""
    biggest = max(int((node_height - 2) / LINE), NAME_PX)     # the largest type a row holds
    return min_screen_px() / biggest


def state_of(item) -> int:
    """The box state of a node item (or a layer's box) from what it shows."""
    if getattr(item, "error", None) and item.value is None:
        return ERROR
    if getattr(item, "warning", None):
        return WARNING
    if item.grad is not None and not getattr(item, "grad_hidden", False):
        return GRAD
    if item.value is not None:
        return VALUE
    return PLAIN


class _Ring(QGraphicsEllipseItem):
    """A circle of fixed size on screen, centred on its position."""

    def __init__(self, colour: str, parent: QGraphicsItem) -> None:
        super().__init__(-RING, -RING, 2 * RING, 2 * RING, parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(QPen(QColor(colour), 3.0))
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setVisible(False)


class OverviewItem(QGraphicsItem):
    """Boxes and lines, culled to what is exposed at each paint (numpy)."""

    paints = 0

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)   # the view handles clicks
        self.setZValue(0.5)
        self._rects: list[QRectF] = []
        self._box = np.zeros((0, 4))            # left, top, right, bottom per box
        self._state = np.zeros(0, dtype=np.int8)
        self._lines: list[QLineF] = []
        self._line_box = np.zeros((0, 4))
        self._bounds = QRectF()
        self.current = _Ring(style.HIGHLIGHT, self)
        self.selected = _Ring(style.EMPHASIS, self)

    # ----- what to draw (the scene) -------------------------------------------------------------
    def set_geometry(self, rects: list[QRectF], states: list[int],
                     lines: list[tuple[float, float, float, float]]) -> None:
        """Draw boxes ``rects`` in ``states`` and ``lines`` (x1, y1, x2, y2), all in scene
        coordinates; box ``i`` is addressed by ``i`` from now on."""
        self.prepareGeometryChange()
        self._rects = list(rects)
        self._box = np.array([(r.left(), r.top(), r.right(), r.bottom()) for r in rects],
                             dtype=float).reshape(-1, 4)
        self._state = np.array(states, dtype=np.int8)
        seg = np.array(lines, dtype=float).reshape(-1, 4)
        self._lines = [QLineF(*row) for row in seg.tolist()]
        self._line_box = np.column_stack([np.minimum(seg[:, 0], seg[:, 2]),
                                          np.minimum(seg[:, 1], seg[:, 3]),
                                          np.maximum(seg[:, 0], seg[:, 2]),
                                          np.maximum(seg[:, 1], seg[:, 3])])
        both = np.vstack([self._box, self._line_box])
        self._bounds = QRectF() if not len(both) else QRectF(
            both[:, 0].min(), both[:, 1].min(), both[:, 2].max() - both[:, 0].min(),
            both[:, 3].max() - both[:, 1].min()).adjusted(-2, -2, 2, 2)
        self.update()

    def set_state(self, index: int, state: int) -> None:
        """Box ``index`` now shows ``state`` (only its place repaints)."""
        if 0 <= index < len(self._state) and self._state[index] != state:
            self._state[index] = state
            self.update(self._rects[index].adjusted(-2, -2, 2, 2))

    def state(self, index: int) -> int:
        return int(self._state[index])

    def ring(self, which: _Ring, index: int | None) -> None:
        """Put the ring ``which`` (``current`` or ``selected``) around box ``index``, or hide it."""
        if index is None or not 0 <= index < len(self._rects):
            which.setVisible(False)
            return
        which.setPos(self._rects[index].center())
        which.setVisible(True)

    def box_at(self, x: float, y: float, reach: float) -> int | None:
        """The box at (x, y), or the nearest within ``reach`` (scene units), if any."""
        if not len(self._box):
            return None
        b = self._box
        dx = np.maximum(np.maximum(b[:, 0] - x, x - b[:, 2]), 0.0)
        dy = np.maximum(np.maximum(b[:, 1] - y, y - b[:, 3]), 0.0)
        d = np.hypot(dx, dy)
        i = int(np.argmin(d))
        return i if d[i] <= reach else None

    # ----- painting ----------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter, option, widget=None) -> None:
        OverviewItem.paints += 1
        r = option.exposedRect
        x0, y0, x1, y1 = r.left(), r.top(), r.right(), r.bottom()
        painter.setRenderHint(painter.RenderHint.Antialiasing, False)
        lb = self._line_box
        show = np.flatnonzero((lb[:, 2] >= x0) & (lb[:, 0] <= x1) & (lb[:, 3] >= y0)
                              & (lb[:, 1] <= y1))
        if len(show):
            painter.setPen(QPen(QColor(style.EDGE_COLOR), 0))      # cosmetic: 1 px
            lines = self._lines
            painter.drawLines([lines[i] for i in show.tolist()])
        b = self._box
        inside = (b[:, 2] >= x0) & (b[:, 0] <= x1) & (b[:, 3] >= y0) & (b[:, 1] <= y1)
        rects = self._rects
        for state, (border, fill) in COLOURS.items():
            show = np.flatnonzero(inside & (self._state == state))
            if len(show):
                painter.setPen(QPen(QColor(border), 0))
                painter.setBrush(QBrush(QColor(fill)))
                painter.drawRects([rects[i] for i in show.tolist()])
