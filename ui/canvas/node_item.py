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
from ui.canvas.fonts import draw_text, fitting_px, metrics, min_scene_px, min_screen_px
from ui.canvas.node_compact import paint_compact
from ui.canvas.port_item import RADIUS, PortItem, paint_port
from ui.canvas.thumbnail import heatmap_image
from ui.i18n import translate

WIDTH = 160.0
HEIGHT = 60.0
THUMB = 17.0
ROW = 18.0             # three rows: symbol and name, value, gradient
NAME_PX = 14
TEXT_PX = 13           # values and gradients at full detail (shrunk to fit, never below
SMALLEST_PX = 10       # SMALLEST_PX nor below what reads as 11 px on screen)
FULL_MAX_PX = 16       # zoomed out, full-detail text grows up to this (what a row holds)

FILLS = {"input": style.LEAF_FILL, "param": style.PARAM_FILL, "const": "#f1f1ee"}
_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsMovable \
    | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable           # looked up once: a big graph
_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache          # makes 10,000 nodes


def full_detail_lod() -> float:
    """The least zoom at which a node is drawn in full (symbol, name, value, gradient, ports)
    and wires carry their labels: where text of ``FULL_MAX_PX`` reads as 11 px on screen
    (below 100% the text grows from its own size up to that); below it the compact drawing
    writes fewer lines in bigger type."""
    return min_screen_px() / FULL_MAX_PX


def detail_px(px: int, lod: float) -> int:
    """The size of full-detail text meant to be ``px`` at 100%, at zoom ``lod``: never less
    than what reads as 11 px on screen."""
    return max(px, min_scene_px(lod))


def _is_tensor(value) -> bool:
    """Worth a heatmap: more numbers than the text can show (up to 3 are written out)."""
    return value is not None and np.asarray(value).size > 3


class NodeItem(QGraphicsItem):
    """One graph node. ``kind`` is the op name (``"input"``, ``"param"``, ``"add"``, ...)."""

    paints = 0      # how many times any node painted (benchmarks check only changes repaint)

    # what a node shows before it is given anything (class defaults: a 10,000-node graph makes
    # its items quickly)
    value = None
    grad = None
    error: str | None = None
    warning: str | None = None          # where a value or gradient first became NaN/inf
    highlighted = False
    marked = False
    grad_hidden = False
    _texts_stale = False                # value and gradient texts are made when first shown
    _value_text = ""
    _grad_text = ""
    _value_img: QImage | None = None
    _grad_img: QImage | None = None
    _tip_stale = True                   # the tooltip is built when asked for (hover), not here
    _hover_port: PortItem | None = None
    _wire_port: PortItem | None = None  # the port a wire is being dragged from

    def __init__(self, node_id: int, name: str, symbol: str, kind: str,
                 ports: tuple[str, ...] | list[str]) -> None:
        super().__init__()
        self.node_id = node_id
        self.name = name
        self.symbol = symbol
        self.kind = kind
        self.is_leaf = kind in FILLS        # input, param, const
        self._symbol_w: dict[int, float] = {}      # the symbol's pill width by type size
        self.setFlags(_FLAGS)
        self.setCacheMode(_CACHE)
        self.setZValue(1.0)
        self.setAcceptHoverEvents(True)     # for the ports
        self.in_ports = [PortItem(node_id, i, p, self) for i, p in enumerate(ports)]
        self.out_port = PortItem(node_id, -1, name, self)
        self._place_ports()

    # ----- geometry -------------------------------------------------------------------------
    def _place_ports(self) -> None:
        n = len(self.in_ports)
        for i, port in enumerate(self.in_ports):
            port._y = HEIGHT * (i + 1) / (n + 1)
        self.out_port._x, self.out_port._y = WIDTH, HEIGHT / 2

    def boundingRect(self) -> QRectF:  # noqa: N802
        m = RADIUS + 3
        return QRectF(-m, -3, WIDTH + 2 * m, HEIGHT + 6)

    def in_port_pos(self, port: int) -> QPointF:
        """Scene position of input port ``port``."""
        if 0 <= port < len(self.in_ports):
            return self.in_ports[port].scenePos()
        return self.mapToScene(0.0, HEIGHT / 2)

    def out_port_pos(self) -> QPointF:
        return self.out_port.scenePos()

    def ports(self) -> list[PortItem]:
        """The input ports, then the output port."""
        return [*self.in_ports, self.out_port]

    def port_at(self, local: QPointF) -> PortItem | None:
        """The port under ``local`` (node coordinates), if any."""
        for port in self.ports():
            if port.hits(local):
                return port
        return None

    # ----- content (each setter repaints only when something changed) ------------------------
    def set_name(self, name: str) -> None:
        if name != self.name:
            self.name = self.out_port.name = name
            self._tip_stale = True
            self.update()

    def set_value(self, value, force: bool = False) -> None:
        """Show ``value``; the same array again is skipped unless ``force`` (changed in place)."""
        if value is self.value and not force:
            return
        self.value = value
        self._texts_stale = self._tip_stale = True
        self.update()

    def set_grad(self, grad, hidden: bool = False) -> None:
        if grad is self.grad and hidden == self.grad_hidden:
            return
        self.grad = grad
        self.grad_hidden = hidden
        self._texts_stale = self._tip_stale = True
        self.update()

    def _make_texts(self) -> None:
        """The value's and the gradient's text and heatmap, from the numbers last given."""
        self._texts_stale = False
        value, grad = self.value, self.grad
        self._value_text = style.fmt_value(value)
        self._value_img = heatmap_image(value) if _is_tensor(value) else None
        if self.grad_hidden:
            self._grad_text, self._grad_img = "∂ ?", None
        else:
            self._grad_text = "" if grad is None else "∂ " + style.fmt_value(grad)
            self._grad_img = heatmap_image(grad) if _is_tensor(grad) else None

    def set_warning(self, warning: str | None) -> None:
        if warning != self.warning:
            self.warning = warning
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
        if self._texts_stale:
            self._make_texts()
        return self._value_text

    def grad_text(self) -> str:
        if self._texts_stale:
            self._make_texts()
        return self._grad_text

    def value_image(self) -> QImage | None:
        """The value's heatmap (a tensor of more than 3 numbers), as drawn."""
        if self._texts_stale:
            self._make_texts()
        return self._value_img

    def tooltip_text(self) -> str:
        """Name, kind, value and gradient statistics (mean, min, max) and the error, if any."""
        lines = [f"{self.name}  ({self.kind})"]
        if self.value is not None:
            lines.append(translate("Canvas", "value {stats}").format(
                stats=style.fmt_stats(self.value)))
        if self.grad is not None and not self.grad_hidden:
            lines.append(translate("Canvas", "grad {stats}").format(
                stats=style.fmt_stats(self.grad)))
        if self.error:
            lines.append(self.error)
        if self.warning:
            lines.append(self.warning)
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
    def border_pen(self) -> QPen:
        border, width = QColor(style.NODE_BORDER), 1.2
        if self.isSelected():
            border, width = QColor(style.EMPHASIS), 2.0
        if self.warning:
            border, width = QColor(style.WARNING_COLOR), 2.2
        if self.marked or self.error:
            border, width = QColor(style.ERROR_COLOR), 2.2
        if self.highlighted:
            border, width = QColor(style.HIGHLIGHT), 3.2
        pen = QPen(border, width)
        if self.marked:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def paint(self, painter, option, widget=None) -> None:
        NodeItem.paints += 1
        if self._texts_stale:
            self._make_texts()
        painter.setPen(self.border_pen())
        painter.setBrush(QBrush(QColor(FILLS.get(self.kind, style.NODE_FILL))))
        painter.drawRoundedRect(QRectF(0, 0, WIDTH, HEIGHT), 8, 8)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < full_detail_lod():
            self._paint_compact(painter, lod)
            return
        for port in self.in_ports:
            paint_port(painter, port)
        paint_port(painter, self.out_port)
        name_px = detail_px(NAME_PX, lod)
        left = 10.0 + self._paint_symbol(painter, name_px)
        draw_text(painter, QRectF(left, 3, WIDTH - 8 - left, ROW), Qt.AlignmentFlag.AlignVCenter,
                  self.name, name_px, True)
        imgs = self._value_img is not None or self._grad_img is not None
        right = WIDTH - 8 - (THUMB + 4 if imgs else 0)
        tw = right - 10
        text_px = detail_px(TEXT_PX, lod)
        smallest = max(SMALLEST_PX, min_scene_px(lod))
        if self.error and self.value is None:
            painter.setPen(QColor(style.ERROR_COLOR))
            head = self.error.split(":")[0]       # the badge below the node says it all
            draw_text(painter, QRectF(10, 3 + ROW, tw, ROW), Qt.AlignmentFlag.AlignVCenter,
                      head, fitting_px(head, tw, text_px, smallest))
        else:
            for text, number, colour, top, prefix in (
                    (self._value_text, self.value, style.VALUE_COLOR, 3 + ROW, ""),
                    (self._grad_text, self.grad, style.GRAD_COLOR, 3 + 2 * ROW, "∂ ")):
                if number is not None and text and \
                        metrics(smallest).horizontalAdvance(text) > tw:
                    text = prefix + style.shape_text(np.shape(number))   # summed up, not cut
                painter.setPen(QColor(colour))
                draw_text(painter, QRectF(10, top, tw, ROW), Qt.AlignmentFlag.AlignVCenter,
                          text, fitting_px(text, tw, text_px, smallest))
        x = WIDTH - 8 - THUMB
        for img, y, colour in ((self._value_img, 4 + ROW, style.VALUE_COLOR),
                               (self._grad_img, 4 + 2 * ROW, style.GRAD_COLOR)):
            if img is not None:
                target = QRectF(x, y, THUMB, THUMB)
                painter.drawImage(target, img)
                painter.setPen(QPen(QColor(colour), 1.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(target)

    def compact_name(self) -> str:
        """The name with the op's symbol before it (``σ f``), as the compact drawing writes it."""
        return self.name if self.is_leaf else f"{self.symbol} {self.name}"

    def _paint_compact(self, painter, lod: float) -> None:
        """Zoomed out: see ui/canvas/node_compact.py."""
        paint_compact(self, painter, lod, WIDTH, HEIGHT)

    def _paint_symbol(self, painter, px: int) -> float:
        """The op's symbol in a pill at the left of the first row; returns its width."""
        w = self._symbol_w.get(px)
        if w is None:
            w = self._symbol_w[px] = max(metrics(px, True).horizontalAdvance(self.symbol) + 10,
                                         22.0)
        r = QRectF(8, 3, w, ROW)
        painter.setPen(QPen(QColor(style.NODE_BORDER), 1.0))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRoundedRect(r, 4 if self.is_leaf else ROW / 2, 4 if self.is_leaf else ROW / 2)
        painter.setPen(QColor(style.TEXT_COLOR))
        draw_text(painter, r, Qt.AlignmentFlag.AlignCenter, self.symbol, px, True)
        return w

    # ----- interaction: report to the scene -------------------------------------------------------
    def hoverMoveEvent(self, event) -> None:  # noqa: N802
        port = self.port_at(event.pos())
        if port is not self._hover_port:
            if self._hover_port is not None:
                self._hover_port.hovered = False
            if port is not None:
                port.hovered = True
                self.setCursor(Qt.CursorShape.CrossCursor)
            else:
                self.unsetCursor()
            self._hover_port = port
            self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        if self._hover_port is not None:
            self._hover_port.hovered = False
            self._hover_port = None
            self.unsetCursor()
            self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        port = self.port_at(event.pos())
        if port is not None and event.button() == Qt.MouseButton.LeftButton \
                and hasattr(scene, "report_port_press"):
            self._wire_port = port              # a wire, not a move: this node stays
            scene.report_port_press(port, event.scenePos())
            event.accept()
            return
        super().mousePressEvent(event)
        if hasattr(scene, "begin_node_drag"):
            scene.begin_node_drag()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if self._wire_port is not None:
            if hasattr(scene, "report_port_drag"):
                scene.report_port_drag(self._wire_port, event.scenePos())
            return
        super().mouseMoveEvent(event)           # moves this node and the other selected ones
        if hasattr(scene, "nodes_dragged"):
            scene.nodes_dragged()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if self._wire_port is not None:
            port, self._wire_port = self._wire_port, None
            if hasattr(scene, "report_port_release"):
                scene.report_port_release(port, event.scenePos())
            return
        super().mouseReleaseEvent(event)
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
