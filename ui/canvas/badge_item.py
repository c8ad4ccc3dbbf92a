"""A badge under a node saying what is wrong with it: the whole message, wrapped, in type of a
fixed size on screen (it does not shrink when the view zooms out), the full text on hover too.

``ErrorBadge(node_item, text, severity)``: ``severity`` is "error" (red: the node cannot be
computed) or "warning" (amber: where a value or gradient first became NaN or inf). The item
only paints. ``sync_badges(scene, badges)`` keeps one badge per node that needs one (the
window's editor and the headless renderer both use it).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui import style
from ui.canvas.fonts import draw_text, metrics

BADGE_W = 230.0       # screen px
BADGE_PX = 12
MARK = 16.0
NODE_Z = 1.0          # a node item's z value (node_item.py)
COLOURS = {"error": style.ERROR_COLOR, "warning": style.WARNING_COLOR}


class ErrorBadge(QGraphicsItem):
    """The message ``text`` under its parent node (hidden while ``text`` is empty)."""

    def __init__(self, parent: QGraphicsItem, text: str = "", severity: str = "error") -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(5)
        self._text = ""
        self.severity = "error"
        self._rect = QRectF()
        self.set_message(text, severity)

    def set_message(self, text: str, severity: str = "error") -> None:
        """Show ``text`` (all of it) with the colour of ``severity``."""
        text = text or ""
        severity = severity if severity in COLOURS else "error"
        if text == self._text and severity == self.severity:
            return
        self.prepareGeometryChange()
        self._text, self.severity = text, severity
        self.setToolTip(text)
        self.setVisible(bool(text))
        parent = self.parentItem().boundingRect()
        self.setPos(parent.left() + 4, parent.bottom() + 2)
        h = self.text_rect_for(text).height() + 8
        self._rect = QRectF(0, 0, BADGE_W, max(h, MARK + 6))
        self.update()

    def text(self) -> str:
        return self._text

    @staticmethod
    def text_rect_for(text: str) -> QRectF:
        """The rectangle the wrapped ``text`` needs inside the badge."""
        width = BADGE_W - MARK - 14
        return metrics(BADGE_PX).boundingRect(QRectF(0, 0, width, 10_000),
                                              int(Qt.TextFlag.TextWordWrap), text)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter, option, widget=None) -> None:
        colour = QColor(COLOURS[self.severity])
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(QBrush(QColor(255, 255, 255, 240)))
        painter.drawRoundedRect(self._rect, 5, 5)
        mark = QRectF(5, 4, MARK, MARK)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(mark)
        painter.setPen(QColor("#ffffff"))
        draw_text(painter, mark, Qt.AlignmentFlag.AlignCenter, "!", BADGE_PX, True)
        painter.setPen(colour.darker(120))
        need = self.text_rect_for(self._text)
        draw_text(painter, QRectF(MARK + 10, 4, BADGE_W - MARK - 14, need.height()),
                  Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, self._text, BADGE_PX,
                  elide=False)


def badge_message(item) -> tuple[str, str]:
    """(text, severity) of the badge node ``item`` needs: its error, else its warning."""
    if item.error:
        return item.error, "error"
    return (item.warning or ""), "warning"


def sync_badges(scene, badges: dict) -> None:
    """Give every node of ``scene`` with an error or a warning a badge saying it in full, and
    hide the others'. ``badges`` (node id -> ErrorBadge) is kept between calls. A node inside a
    collapsed layer puts its badge on the layer's box, naming itself."""
    nodes = scene.nodes
    display = getattr(scene, "display_item", nodes.get)
    for nid in list(badges):
        b, item = badges[nid], nodes.get(nid)
        if item is None or not shiboken6.isValid(b) or b.parentItem() is not display(nid):
            if shiboken6.isValid(b) and b.scene() is not None:
                b.scene().removeItem(b)            # its node or layer box went away or changed
            del badges[nid]
    # only nodes that show a message or had one (a step of a big graph looks at a handful)
    flagged = scene.flagged_ids() if hasattr(scene, "flagged_ids") else nodes.keys()
    for nid in sorted(set(flagged) | badges.keys()):
        item = nodes.get(nid)
        if item is None:
            continue
        text, severity = badge_message(item)
        badge = badges.get(nid)
        if not text and badge is None:
            continue
        parent = display(nid) or item
        if text and parent is not item:
            text = f"{item.name}: {text}"
        if badge is None:
            badge = badges[nid] = ErrorBadge(parent)
        badge.set_message(text, severity)
        if parent is item:          # above the nodes around it, so they cannot hide the badge
            item.setZValue(NODE_Z + 1 if text else NODE_Z)


def shown_badges(scene, badges: dict) -> dict[int, str]:
    """node id -> the text of its visible badge."""
    display = getattr(scene, "display_item", scene.nodes.get)
    return {nid: b.text() for nid, b in badges.items()
            if shiboken6.isValid(b) and b.isVisible() and b.parentItem() is display(nid)}
