"""Badges say the whole message, wrapped, in type that stays readable at any zoom, and the
full text on hover (a shape mismatch used to show as "shape mismatch: (2,")."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from tests.ui.windows import texts_on_screen
from ui.canvas import fonts
from ui.canvas.badge_item import BADGE_PX, ErrorBadge


def test_a_mismatch_badge_shows_its_whole_message(win):
    c = win.controller
    a = c.add_node("input", (0.0, 0.0), "a", [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = c.add_node("param", (0.0, 150.0), "b", [[1.0, 0.0]] * 5)
    m = c.add_node("matmul", (300.0, 60.0), "m")
    c._connect(a, m, 0)
    c._connect(b, m, 1)
    QApplication.processEvents()
    message = c.node(m).error
    assert message == "shape mismatch: (2, 3) @ (5, 2)"
    badge = next(ch for ch in win.scene.node_item(m).childItems() if isinstance(ch, ErrorBadge))
    assert badge.isVisible() and badge.toolTip() == message
    for zoom in (1.0, 0.3):                        # near and far: the badge reads the same
        win.canvas.resetTransform()
        win.canvas.scale(zoom, zoom)
        win.canvas.centerOn(win.scene.node_item(m))
        QApplication.processEvents()
        texts = texts_on_screen(win.canvas)
        shown = [(t, h, r) for t, h, r in texts if t == message]
        assert shown, [t for t, _, _ in texts]
        _, height, rect = shown[0]
        assert height >= 11.0
        # the rectangle it was drawn in holds every wrapped line, inside the badge's box
        fm = QFontMetricsF(fonts.font(BADGE_PX))
        need = fm.boundingRect(QRectF(0, 0, rect.width(), 1e4), int(Qt.TextFlag.TextWordWrap),
                               message)
        assert rect.height() >= need.height() - 0.5
        box = badge.deviceTransform(win.canvas.viewportTransform()).mapRect(
            badge.boundingRect())
        assert box.adjusted(-2, -2, 2, 2).contains(rect)


def test_a_long_message_wraps_instead_of_being_cut(win):
    item = win.scene.node_item(win.controller.graph["q"].id)
    text = ("shape mismatch: (2, 3) @ (5, 2): the inner sizes 3 and 5 differ; a matmul needs "
            "the columns of its first input to match the rows of its second")
    badge = ErrorBadge(item, text, "warning")
    QApplication.processEvents()
    texts = [t for t, _, _ in texts_on_screen(win.canvas)]
    assert text in texts                             # drawn whole, not elided
    assert badge.boundingRect().height() > 3 * BADGE_PX  # over several lines
    badge.set_message("", "warning")
    assert not badge.isVisible()
