"""An edge: a curve from an output port to an input port, its forward value written above
(green) and the gradient sent back along it written below (red)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui import style
from ui.canvas.fonts import draw_text, metrics
from ui.canvas.node_item import FULL_MAX_PX, detail_px, full_detail_lod  # labels follow nodes
from ui.canvas.routing import path_points, plain_dx

LABEL_PX = 13
LABEL_H = 18.0
_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable     # looked up once: a big
_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache            # graph makes 16,000 edges


class EdgeItem(QGraphicsItem):
    """Edge ``src_id -> dst_id`` on input ``port``; endpoints are set by the scene."""

    paints = 0      # how many times any edge painted

    # what an edge shows before it is given anything (class defaults: a 10,000-node graph
    # makes its items quickly)
    value = None
    grad = None
    grad_hidden = False
    emphasised = False
    label_t = 0.5               # where along the wire the labels sit (the scene spreads the
                                # labels of wires leaving the same node)
    _texts_stale = False        # the label texts and the rectangle are made when needed
    _value_text = ""
    _grad_text = ""
    _waypoints: list = []
    _routed = False             # laid by set_ends at least once
    _p1 = _p2 = _anchor = QPointF()     # (replaced, never changed in place)
    _path = QPainterPath()
    _rect = QRectF()

    def __init__(self, src_id: int, dst_id: int, port: int) -> None:
        super().__init__()
        self.src_id = src_id
        self.dst_id = dst_id
        self.port = port
        self.setFlag(_SELECTABLE)
        self.setCacheMode(_CACHE)

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.src_id, self.dst_id, self.port)

    def set_ends(self, p1: QPointF, p2: QPointF, waypoints: list | tuple = ()) -> None:
        """Run from ``p1`` to ``p2``, through ``waypoints`` (see ui/canvas/routing.py: the
        wire goes around nodes in its way) if any."""
        waypoints = list(waypoints)
        if self._routed and p1 == self._p1 and p2 == self._p2 and waypoints == self._waypoints:
            return
        self._routed = True
        self.prepareGeometryChange()
        self._p1, self._p2, self._waypoints = QPointF(p1), QPointF(p2), waypoints
        path = QPainterPath(p1)
        for cmd in path_points(p1.x(), p1.y(), p2.x(), p2.y(), waypoints):
            if cmd[0] == "line":
                path.lineTo(*cmd[1])
            else:
                path.cubicTo(QPointF(*cmd[1]), QPointF(*cmd[2]), QPointF(*cmd[3]))
        self._path = path
        self._anchor = self._point_at(self.label_t)
        self._update_rect()

    def set_label_t(self, t: float) -> None:
        """Move the labels to fraction ``t`` of the wire."""
        if t != self.label_t:
            self.label_t = t
            if self._path.isEmpty():
                return              # not laid yet: set_ends places the labels
            self.prepareGeometryChange()
            self._anchor = self._point_at(t)
            self._update_rect()
            self.update()

    def _point_at(self, t: float) -> QPointF:
        """The point at ``t`` along the wire: of a plain curve, at its parameter ``t`` (cheap,
        and close to the fraction of its length); of a wire that goes around nodes, at that
        fraction of its length."""
        if self._waypoints:
            return self._path.pointAtPercent(t)
        p1, p2 = self._p1, self._p2
        dx = plain_dx(p1.x(), p2.x())
        u = 1.0 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        return QPointF(a * p1.x() + b * (p1.x() + dx) + c * (p2.x() - dx) + d * p2.x(),
                       (a + b) * p1.y() + (c + d) * p2.y())

    def shape_path(self) -> QPainterPath:
        """The wire's curve in scene coordinates."""
        return QPainterPath(self._path)

    def label_anchor(self) -> QPointF:
        """Where the labels sit: fraction ``label_t`` along the curve."""
        return self._anchor

    def _update_rect(self) -> None:
        if self._texts_stale:
            self._make_texts()
        rect = self._path.controlPointRect().adjusted(-4, -4, 4, 4)
        mid = self.label_anchor()
        w = max(metrics(FULL_MAX_PX, True).horizontalAdvance(t)     # as wide as zoomed out
                for t in (self._value_text, self._grad_text, " "))
        rect = rect.united(QRectF(mid.x() - w / 2 - 4, mid.y() - LABEL_H - 4, w + 8, 2 * LABEL_H + 8))
        self._rect = rect

    def set_labels(self, value, grad, grad_hidden: bool = False, force: bool = False) -> None:
        """Show ``value`` above and ``grad`` below (either may be None)."""
        if value is self.value and grad is self.grad and grad_hidden == self.grad_hidden \
                and not force:
            return
        self.prepareGeometryChange()
        self.value, self.grad, self.grad_hidden = value, grad, grad_hidden
        self._texts_stale = True            # texts and rectangle when next asked for
        self.update()

    def _make_texts(self) -> None:
        self._texts_stale = False
        self._value_text = style.fmt_value(self.value)
        self._grad_text = "?" if self.grad_hidden else style.fmt_value(self.grad)
        if self._routed:
            self._update_rect()

    def set_emphasised(self, on: bool) -> None:
        if on != self.emphasised:
            self.prepareGeometryChange()
            self.emphasised = on
            self._update_rect()     # bold labels are a little wider
            self.setZValue(0.5 if on else 0.0)
            self.update()

    def value_text(self) -> str:
        if self._texts_stale:
            self._make_texts()
        return self._value_text

    def grad_text(self) -> str:
        if self._texts_stale:
            self._make_texts()
        return self._grad_text

    def boundingRect(self) -> QRectF:  # noqa: N802
        if self._texts_stale:
            self._make_texts()
        return self._rect

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(8.0)
        return stroker.createStroke(self._path)

    def paint(self, painter, option, widget=None) -> None:
        EdgeItem.paints += 1
        if self._texts_stale:
            self._make_texts()
        colour = QColor(style.EMPHASIS if self.emphasised or self.isSelected() else style.EDGE_COLOR)
        painter.setPen(QPen(colour, 3.0 if self.emphasised else 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        mid = self.label_anchor()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < full_detail_lod():
            return      # zoomed out: the nodes carry the numbers, the inspector the step
        px = detail_px(LABEL_PX, lod)
        fm, h = metrics(px, self.emphasised), LABEL_H
        for text, colour, top in ((self._value_text, style.VALUE_COLOR, mid.y() - h - 1),
                                  (self._grad_text, style.GRAD_COLOR, mid.y() + 1)):
            if not text:
                continue
            w = fm.horizontalAdvance(text) + 6
            box = QRectF(mid.x() - w / 2, top, w, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 215))
            painter.drawRect(box)
            painter.setPen(QColor(colour))
            draw_text(painter, box, Qt.AlignmentFlag.AlignCenter, text, px,
                      self.emphasised, elide=False)
