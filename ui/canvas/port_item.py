"""A port circle on a node: where a wire starts or ends.

A port is no graphics item of its own (a 10,000-node graph would need 26,000 of them): its
node paints it (``paint_port``), finds it under the mouse (``NodeItem.port_at``) and reports
presses and drags on it to the scene, which turns them into signals (``port_pressed``,
``port_dragged``, ``port_released``) that the editor's wiring code (ui/build/wiring.py) uses.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPen

from ui import style
from ui.i18n import translate

RADIUS = 5.0
REACH = RADIUS + 2      # how far from its centre a port answers the mouse


class PortItem:
    """Input port ``index`` (or the output port, ``index == -1``) of node ``node_id``, at
    ``pos()`` in its node's coordinates."""

    __slots__ = ("node", "node_id", "index", "name", "connected", "hovered", "_x", "_y")

    def __init__(self, node_id: int, index: int, name: str, node) -> None:
        self.node = node                # the NodeItem that draws it
        self.node_id = node_id
        self.index = index
        self.name = name
        self.connected = False
        self.hovered = False
        self._x = self._y = 0.0

    @property
    def is_output(self) -> bool:
        return self.index < 0

    def pos(self) -> QPointF:
        return QPointF(self._x, self._y)

    def setPos(self, x: float, y: float) -> None:  # noqa: N802 - as a QGraphicsItem's
        self._x, self._y = float(x), float(y)

    def scenePos(self) -> QPointF:  # noqa: N802 - as a QGraphicsItem's
        return self.node.mapToScene(self._x, self._y)

    def scene_rect(self) -> QRectF:
        """The square around the port that answers the mouse, in scene coordinates."""
        c = self.scenePos()
        return QRectF(c.x() - REACH, c.y() - REACH, 2 * REACH, 2 * REACH)

    def hits(self, local: QPointF) -> bool:
        """Whether ``local`` (node coordinates) is on the port."""
        return abs(local.x() - self._x) <= REACH and abs(local.y() - self._y) <= REACH

    def tooltip(self) -> str:
        """"output of q" or "input port a"."""
        if self.index < 0:
            return translate("Canvas", "output of {name}").format(name=self.name)
        return translate("Canvas", "input port {name}").format(name=self.name)

    def set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.node.update()


def paint_port(painter, port: PortItem) -> None:
    """Draw ``port`` in its node's coordinates: filled when connected, blue when hovered."""
    painter.setPen(QPen(QColor(style.NODE_BORDER), 1.2))
    fill = style.EMPHASIS if port.hovered else (style.NODE_BORDER if port.connected else "#ffffff")
    painter.setBrush(QBrush(QColor(fill)))
    r = RADIUS + (1 if port.hovered else 0)
    painter.drawEllipse(QRectF(port._x - r, port._y - r, 2 * r, 2 * r))
