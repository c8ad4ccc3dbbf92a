"""A port circle on a node: paints itself and reports presses/drags to the scene.

The scene turns these reports into signals (``port_pressed``, ``port_dragged``,
``port_released``) that the editor's wiring code (ui/canvas/wiring.py) listens to.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui import style
from ui.i18n import translate

RADIUS = 5.0


class PortItem(QGraphicsItem):
    """Input port ``index`` (or the output port, ``index == -1``) of node ``node_id``."""

    def __init__(self, node_id: int, index: int, name: str, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.node_id = node_id
        self.index = index
        self.name = name
        self.connected = False
        self._hover = False
        self.setAcceptHoverEvents(True)
        # the node draws its ports (one paint call per node, not one per port)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._tip = False               # the tooltip is made when asked for (hover)

    def sync_tooltip(self) -> None:
        """Set the tooltip ("output of q", "input port a"), once, when it is first asked for."""
        if not self._tip:
            self._tip = True
            self.setToolTip(translate("Canvas", "output of {name}").format(name=self.name)
                            if self.index < 0 else
                            translate("Canvas", "input port {name}").format(name=self.name))

    @property
    def is_output(self) -> bool:
        return self.index < 0

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        r = RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter, option, widget=None) -> None:
        pass    # drawn by the node, see paint_port()

    @property
    def hovered(self) -> bool:
        return self._hover

    def set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.parentItem().update()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.parentItem().update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.parentItem().update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if event.button() == Qt.MouseButton.LeftButton and hasattr(scene, "report_port_press"):
            scene.report_port_press(self, event.scenePos())
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if hasattr(scene, "report_port_drag"):
            scene.report_port_drag(self, event.scenePos())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if hasattr(scene, "report_port_release"):
            scene.report_port_release(self, event.scenePos())


def paint_port(painter, port: PortItem) -> None:
    """Draw ``port`` in its parent's coordinates: filled when connected, blue when hovered."""
    painter.setPen(QPen(QColor(style.NODE_BORDER), 1.2))
    fill = style.EMPHASIS if port.hovered else (style.NODE_BORDER if port.connected else "#ffffff")
    painter.setBrush(QBrush(QColor(fill)))
    r = RADIUS + (1 if port.hovered else 0)
    c = port.pos()
    painter.drawEllipse(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
