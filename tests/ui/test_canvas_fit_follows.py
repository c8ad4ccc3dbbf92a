"""The graph stays fitted when the canvas changes size (a workspace with other panels, a
resized window) until the learner zooms or pans by hand: a plain click on the background is
neither."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from ui.workspaces import NAMES


def _click_tab(w, name: str) -> None:
    bar = w.workspaces.bar
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(NAMES.index(name)).center())
    QTest.qWait(10)
    assert w.workspace == name


def _all_in_view(w) -> list[str]:
    """The nodes not wholly inside the canvas."""
    view = w.canvas
    vp = view.viewport().rect()
    return [item.name for item in w.scene.nodes.values()
            if not vp.contains(view.mapFromScene(item.sceneBoundingRect()).boundingRect())]


def _empty_spot(view) -> QPoint:
    vp = view.viewport().rect()
    for y in range(10, vp.height(), 20):
        for x in range(10, vp.width(), 20):
            if view.itemAt(QPoint(x, y)) is None:
                return QPoint(x, y)
    raise AssertionError("no empty spot on the canvas")


def test_a_click_on_the_background_keeps_the_graph_fitted(win, qtbot):
    """Seen in the window: a click on the empty canvas (to deselect, or to give it the
    keyboard), then the Build tab: the inputs were cut off at the left edge and the output at
    the right, the canvas having lost the palette's width."""
    win.resize(1440, 900)
    qtbot.wait(20)
    win.actions["fit"].trigger()
    assert _all_in_view(win) == []
    view = win.canvas
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_empty_spot(view))
    _click_tab(win, "build")
    qtbot.wait(20)
    assert _all_in_view(win) == []
    _click_tab(win, "explore")
    qtbot.wait(20)
    assert _all_in_view(win) == []


def test_a_pan_by_hand_is_kept(win, qtbot):
    """What the learner chose stays: after dragging the background the view is not fitted
    again behind their back."""
    win.resize(1440, 900)
    qtbot.wait(20)
    win.actions["fit"].trigger()
    view = win.canvas
    start = _empty_spot(view)
    centre = view.mapToScene(view.viewport().rect().center())
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 6):
        QTest.mouseMove(view.viewport(), start + QPoint(30 * k, 10 * k))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(150, 50))
    moved = view.mapToScene(view.viewport().rect().center())
    assert (moved - centre).manhattanLength() > 50           # the pan happened
    win.resize(1400, 880)
    qtbot.wait(20)
    assert not view.auto_fit
