"""A node on the canvas: op symbol, name, value (green), gradient (red), shape and heatmaps.

The item holds plain display data (no engine objects), paints it, and reports moves, clicks
and double-clicks to the scene, which turns them into intent signals.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui import style
from ui.canvas.fonts import font, metrics, pixel_font, pixel_metrics
from ui.canvas.port_item import RADIUS, PortItem, paint_port
from ui.canvas.thumbnail import heatmap_image

WIDTH = 156.0
HEIGHT = 56.0
THUMB = 20.0
COMPACT_LOD = 0.62     # below this zoom, draw name and one number in bigger type
MIN_SCREEN_PX = 10.0   # smallest text height on screen in the compact drawing
TEXT_X = 44.0
NAME_PT = 10.5
TEXT_PT = 10.0

FILLS = {"input": style.LEAF_FILL, "param": style.PARAM_FILL, "const": "#f1f1ee"}


def _is_tensor(value) -> bool:
    """Worth a heatmap: more numbers than the text can show (up to 3 are written out)."""
    return value is not None and np.asarray(value).size > 3


def _fitting_pt(text: str, width: float) -> float:
    """TEXT_PT, or down to 7.5 pt when that lets ``text`` fit (e.g. [0.24, 0.67, 0.09])."""
    pt = TEXT_PT
    while pt > 7.5 and metrics(pt).horizontalAdvance(text) > width:
        pt -= 0.5
    return pt


def _symbol_size(symbol: str, width: float = 27.0) -> float:
    """The largest font size (pt) at which ``symbol`` fits in the symbol circle."""
    size = 14.0 if len(symbol) <= 1 else 9.5
    while size > 5.0 and metrics(size, len(symbol) <= 1).horizontalAdvance(symbol) > width:
        size -= 0.5
    return size


class NodeItem(QGraphicsItem):
    """One graph node. ``kind`` is the op name (``"input"``, ``"param"``, ``"add"``, ...)."""

    paints = 0      # how many times any node painted (benchmarks check only changes repaint)

    def __init__(self, node_id: int, name: str, symbol: str, kind: str,
                 ports: tuple[str, ...] | list[str]) -> None:
        super().__init__()
        self.node_id = node_id
        self.name = name
        self.symbol = symbol
        self.kind = kind
        self.is_leaf = kind in FILLS        # input, param, const
        self.value = None
        self.grad = None
        self.error: str | None = None
        self.highlighted = False
        self.marked = False
        self.grad_hidden = False
        self._value_text = ""
        self._grad_text = ""
        self._value_img: QImage | None = None
        self._symbol_pt: float | None = None
        self._grad_img: QImage | None = None
        self._tip_stale = True          # the tooltip is built when asked for (hover), not here
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1.0)
        self.in_ports = [PortItem(node_id, i, p, self) for i, p in enumerate(ports)]
        self.out_port = PortItem(node_id, -1, name, self)
        self._place_ports()

    # ----- geometry -------------------------------------------------------------------------
    def _place_ports(self) -> None:
        n = len(self.in_ports)
        for i, port in enumerate(self.in_ports):
            port.setPos(0.0, HEIGHT * (i + 1) / (n + 1))
        self.out_port.setPos(WIDTH, HEIGHT / 2)

    def boundingRect(self) -> QRectF:  # noqa: N802
        m = RADIUS + 3
        return QRectF(-m, -3, WIDTH + 2 * m, HEIGHT + 6)

    def in_port_pos(self, port: int) -> QPointF:
        """Scene position of input port ``port``."""
        if 0 <= port < len(self.in_ports):
            return self.mapToScene(self.in_ports[port].pos())
        return self.mapToScene(QPointF(0.0, HEIGHT / 2))

    def out_port_pos(self) -> QPointF:
        return self.mapToScene(self.out_port.pos())

    # ----- content (each setter repaints only when something changed) ------------------------
    def set_name(self, name: str) -> None:
        if name != self.name:
            self.name = name
            self._tip_stale = True
            self.update()

    def set_value(self, value, force: bool = False) -> None:
        """Show ``value``; the same array again is skipped unless ``force`` (changed in place)."""
        if value is self.value and not force:
            return
        self.value = value
        self._value_text = style.fmt_value(value)
        self._value_img = heatmap_image(value) if _is_tensor(value) else None
        self._tip_stale = True
        self.update()

    def set_grad(self, grad, hidden: bool = False) -> None:
        if grad is self.grad and hidden == self.grad_hidden:
            return
        self.grad = grad
        self.grad_hidden = hidden
        if hidden:
            self._grad_text, self._grad_img = "∂ ?", None
        else:
            self._grad_text = "" if grad is None else "∂ " + style.fmt_value(grad)
            self._grad_img = heatmap_image(grad) if _is_tensor(grad) else None
        self._tip_stale = True
        self.update()

    def set_error(self, error: str | None) -> None:
        if error != self.error:
            self.error = error
            self._tip_stale = True
            self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def set_marked(self, on: bool) -> None:
        if on != self.marked:
            self.marked = on
            self.update()

    def value_text(self) -> str:
        """What the node shows as its value (for tests and the renderer)."""
        return self._value_text

    def grad_text(self) -> str:
        return self._grad_text

    def tooltip_text(self) -> str:
        """Name, kind, value and gradient statistics (mean, min, max) and the error, if any."""
        lines = [f"{self.name}  ({self.kind})"]
        if self.value is not None:
            lines.append("value " + style.fmt_stats(self.value))
        if self.grad is not None and not self.grad_hidden:
            lines.append("grad " + style.fmt_stats(self.grad))
        if self.error:
            lines.append(self.error)
        return "\n".join(lines)

    def sync_tooltip(self) -> None:
        """Build the tooltip if the node changed since it was last built (the scene calls
        this when the mouse rests on the node: statistics of big tensors cost time)."""
        if self._tip_stale:
            self._tip_stale = False
            self.setToolTip(self.tooltip_text())

    def toolTip(self) -> str:  # noqa: N802 - Qt's name
        self.sync_tooltip()
        return super().toolTip()

    # ----- painting ----------------------------------------------------------------------------
    def paint(self, painter, option, widget=None) -> None:
        NodeItem.paints += 1
        rect = QRectF(0, 0, WIDTH, HEIGHT)
        border = QColor(style.NODE_BORDER)
        width = 1.2
        if self.isSelected():
            border, width = QColor(style.EMPHASIS), 2.0
        if self.marked or self.error:
            border, width = QColor(style.ERROR_COLOR), 2.2
        if self.highlighted:
            border, width = QColor(style.HIGHLIGHT), 3.2
        pen = QPen(border, width)
        if self.marked:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(FILLS.get(self.kind, style.NODE_FILL))))
        painter.drawRoundedRect(rect, 8, 8)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < COMPACT_LOD:
            self._paint_compact(painter, lod)
            return
        self._paint_symbol(painter)
        for port in self.in_ports:
            paint_port(painter, port)
        paint_port(painter, self.out_port)
        right = WIDTH - 6 - (THUMB + 4 if (self._value_img or self._grad_img) else 0)
        tw = right - TEXT_X
        painter.setPen(QColor(style.TEXT_COLOR))
        painter.setFont(font(NAME_PT, True))
        painter.drawText(QRectF(TEXT_X, 2, tw, 18), Qt.AlignmentFlag.AlignVCenter,
                         metrics(NAME_PT, True).elidedText(self.name, Qt.TextElideMode.ElideRight, tw))
        painter.setFont(font(TEXT_PT))
        if self.error and self.value is None:
            painter.setPen(QColor(style.ERROR_COLOR))
            painter.drawText(QRectF(TEXT_X, 20, tw, 34),
                             Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop,
                             self.error)
        else:
            for text, colour, top in ((self._value_text, style.VALUE_COLOR, 19.0),
                                      (self._grad_text, style.GRAD_COLOR, 36.0)):
                pt = _fitting_pt(text, tw)
                painter.setFont(font(pt))
                painter.setPen(QColor(colour))
                painter.drawText(QRectF(TEXT_X, top, tw, 17), Qt.AlignmentFlag.AlignVCenter,
                                 metrics(pt).elidedText(text, Qt.TextElideMode.ElideRight, tw))
        x = WIDTH - 6 - THUMB
        for img, y, colour in ((self._value_img, 6.0, style.VALUE_COLOR),
                               (self._grad_img, HEIGHT - 6 - THUMB, style.GRAD_COLOR)):
            if img is not None:
                target = QRectF(x, y, THUMB, THUMB)
                painter.drawImage(target, img)
                painter.setPen(QPen(QColor(colour), 1.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(target)

    def _paint_compact(self, painter, lod: float) -> None:
        """Zoomed out: the name and the numbers in type big enough to read (two numbers if
        three lines fit, else the gradient once known, else the value); no symbol, thumbnails
        or ports."""
        three = HEIGHT * lod / 3 >= MIN_SCREEN_PX
        rows = 3 if three else 2
        px = min(MIN_SCREEN_PX / max(lod, 1e-3), (HEIGHT - 4) / rows)
        w, h = WIDTH - 10, (HEIGHT - 4) / rows
        painter.setPen(QColor(style.TEXT_COLOR))
        painter.setFont(pixel_font(int(px), True))
        painter.drawText(QRectF(5, 2, w, h), Qt.AlignmentFlag.AlignCenter,
                         pixel_metrics(int(px), True).elidedText(self.name, Qt.TextElideMode.ElideRight, w))
        if self.error and self.value is None:
            lines = [("error", style.ERROR_COLOR)]
        elif three:
            lines = [(self._value_text, style.VALUE_COLOR), (self._grad_text, style.GRAD_COLOR)]
        elif self._grad_text:
            lines = [(self._grad_text, style.GRAD_COLOR)]
        else:
            lines = [(self._value_text, style.VALUE_COLOR)]
        painter.setFont(pixel_font(int(px)))
        fm = pixel_metrics(int(px))
        for i, (text, colour) in enumerate(lines, start=1):
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(5, 2 + i * h, w, h), Qt.AlignmentFlag.AlignCenter,
                             fm.elidedText(text, Qt.TextElideMode.ElideRight, w))

    def _paint_symbol(self, painter) -> None:
        r = QRectF(7, HEIGHT / 2 - 15, 30, 30)
        painter.setPen(QPen(QColor(style.NODE_BORDER), 1.0))
        painter.setBrush(QBrush(QColor("#ffffff")))
        if self.is_leaf:
            painter.drawRoundedRect(r, 5, 5)
        else:
            painter.drawEllipse(r)
        if self._symbol_pt is None:
            self._symbol_pt = _symbol_size(self.symbol)
        painter.setFont(font(self._symbol_pt, len(self.symbol) <= 1))
        painter.setPen(QColor(style.TEXT_COLOR))
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.symbol)

    # ----- interaction: report to the scene -------------------------------------------------------
    def itemChange(self, change, value):  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            if scene is not None and hasattr(scene, "node_item_moved"):
                scene.node_item_moved(self)
        return super().itemChange(change, value)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        super().mousePressEvent(event)
        scene = self.scene()
        if hasattr(scene, "begin_node_drag"):
            scene.begin_node_drag()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        scene = self.scene()
        if hasattr(scene, "end_node_drag"):
            scene.end_node_drag()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if hasattr(scene, "report_node_activated"):
            scene.report_node_activated(self)
        event.accept()

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if hasattr(scene, "report_node_context"):
            scene.report_node_context(self, event.screenPos())
            event.accept()
        else:
            event.ignore()
