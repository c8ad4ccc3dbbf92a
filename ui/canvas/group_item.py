"""A Dense layer on the canvas: one box ("Dense 100, sigmoid", its weight as a heatmap, the
layer's output value and the gradient arriving at it) when collapsed, a titled frame behind its
nodes when expanded. It covers the same place either way, so it opens and closes in place.

The item paints and reports double-clicks to the scene; which layers are collapsed is the
scene's view state, not an edit of the graph.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui import style
from ui.canvas.fonts import draw_text, min_scene_px, wrap_words
from ui.canvas.thumbnail import heatmap_image

PAD = 12.0          # room around the layer's nodes
TITLE_H = 30.0      # the title strip above them
TITLE_PX = 16
TEXT_PX = 14
FILL = "#eef2f8"


class GroupItem(QGraphicsItem):
    """The layer ``layer`` (a :class:`graphviz_nn.layer_groups.LayerGroup`) of the graph."""

    def __init__(self, layer, title: str) -> None:
        super().__init__()
        self.layer = layer
        self.title = title
        self.collapsed = False
        self.highlighted = False
        self.value = None
        self.grad = None
        self._value_text = ""
        self._grad_text = ""
        self._weight = None
        self._weight_img: QImage | None = None
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(-1.0)

    @property
    def key(self) -> int:
        return self.layer.key

    # ----- geometry ---------------------------------------------------------------------------
    def set_members_rect(self, rect: QRectF) -> None:
        """Cover ``rect`` (the scene rectangle of the layer's nodes) with room around it."""
        new = rect.adjusted(-PAD, -PAD - TITLE_H, PAD, PAD)
        if new != self._rect:
            self.prepareGeometryChange()
            self._rect = new

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        """Collapsed: the whole box. Expanded: only the title strip, so the background between
        the layer's nodes still pans the view."""
        path = QPainterPath()
        r = self._rect if self.collapsed else QRectF(self._rect.topLeft(),
                                                     QPointF(self._rect.right(),
                                                             self._rect.top() + TITLE_H))
        path.addRect(r)
        return path

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def in_port_pos(self, port: int = 0) -> QPointF:
        return QPointF(self._rect.left(), self._rect.center().y())

    def out_port_pos(self) -> QPointF:
        return QPointF(self._rect.right(), self._rect.center().y())

    # ----- content ---------------------------------------------------------------------------
    def set_collapsed(self, on: bool) -> None:
        if on != self.collapsed:
            self.prepareGeometryChange()
            self.collapsed = on
            self.setZValue(1.0 if on else -1.0)
            self.update()

    def set_numbers(self, value, grad, weight) -> None:
        """The layer's output value, the gradient arriving at it, and its weight (heatmap)."""
        if value is self.value and grad is self.grad and weight is self._weight:
            return
        self.value, self.grad = value, grad
        self._value_text = style.fmt_value(value)
        self._grad_text = "" if grad is None else "∂ " + style.fmt_value(grad)
        if weight is not self._weight:
            self._weight = weight
            self._weight_img = None if weight is None else heatmap_image(weight)
        self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def value_text(self) -> str:
        return self._value_text

    def grad_text(self) -> str:
        return self._grad_text

    # ----- painting ----------------------------------------------------------------------------
    def paint(self, painter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        r = self._rect
        if not self.collapsed:
            painter.setPen(QPen(QColor(style.NODE_BORDER), 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(QColor(FILL)))
            painter.drawRoundedRect(r, 10, 10)
            px = max(TEXT_PX, min_scene_px(lod))
            if px * 1.1 <= TITLE_H * 1.6:
                painter.setPen(QColor(style.TEXT_COLOR))
                draw_text(painter, QRectF(r.left() + 10, r.top() + 2, r.width() - 20,
                                          max(TITLE_H, px * 1.2)),
                          Qt.AlignmentFlag.AlignVCenter, f"▾ {self.title}", px, True)
            return
        border, width = QColor(style.NODE_BORDER), 1.6
        if self.isSelected():
            border, width = QColor(style.EMPHASIS), 2.4
        if self.highlighted:
            border, width = QColor(style.HIGHLIGHT), 3.6
        painter.setPen(QPen(border, width))
        painter.setBrush(QBrush(QColor(FILL)))
        painter.drawRoundedRect(r, 10, 10)
        painter.setBrush(QBrush(QColor(style.NODE_BORDER)))
        for p in (self.in_port_pos(), self.out_port_pos()):
            painter.drawEllipse(p, 5.0, 5.0)
        # the weight's heatmap on the left, as tall as the box allows
        side = min(r.height() - 2 * PAD, r.width() * 0.35)
        left = r.left() + PAD
        if self._weight_img is not None and side > 8:
            target = QRectF(left, r.center().y() - side / 2, side, side)
            painter.drawImage(target, self._weight_img)
            painter.setPen(QPen(QColor(style.NODE_BORDER), 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target)
            left += side + PAD
        w = r.right() - PAD - left
        title_px = max(TITLE_PX, min_scene_px(lod))
        lines = [(t, style.TEXT_COLOR, True, TITLE_PX)
                 for t in wrap_words(f"▸ {self.title}", w, title_px, True)]
        lines += [(self._value_text, style.VALUE_COLOR, False, TEXT_PX),
                  (self._grad_text, style.GRAD_COLOR, False, TEXT_PX)]
        lines = [ln for ln in lines if ln[0]]
        sizes = [max(base, min_scene_px(lod)) for *_, base in lines]
        while lines and sum(s * 1.15 for s in sizes) > r.height() - 8:
            lines.pop()                     # what does not fit in readable type is left out
            sizes.pop()
        y = r.center().y() - sum(s * 1.15 for s in sizes) / 2
        for (text, colour, bold, _), px in zip(lines, sizes, strict=True):
            painter.setPen(QColor(colour))
            draw_text(painter, QRectF(left, y, w, px * 1.15), Qt.AlignmentFlag.AlignVCenter,
                      text, px, bold)
            y += px * 1.15

    # ----- interaction: report to the scene --------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        super().mousePressEvent(event)          # selects the box
        scene = self.scene()
        if event.button() == Qt.MouseButton.LeftButton and hasattr(scene, "begin_group_drag"):
            scene.begin_group_drag(self.key)
            event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if event.buttons() & Qt.MouseButton.LeftButton and hasattr(scene, "drag_group"):
            scene.drag_group(event.scenePos() - event.buttonDownScenePos(Qt.MouseButton.LeftButton))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        scene = self.scene()
        if hasattr(scene, "end_group_drag"):
            scene.end_group_drag()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if hasattr(scene, "toggle_group"):
            scene.toggle_group(self.key)
        event.accept()
