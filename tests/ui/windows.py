"""How the window tests make their windows and work their canvas with the mouse (imported by
the test modules; the fixtures that need no arguments are in conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def make_window(qtbot, tmp_path, name: str = "w", example: str | None = None):
    """A shown window on ``example`` (None: an empty graph) whose settings and recovery files
    live in ``tmp_path``; closing it at teardown never asks about unsaved changes."""
    from ui.app import MainWindow

    w = MainWindow(example=example)
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    w.document.use(recovery_dir=tmp_path / "recovery", settings=settings)
    w.document.ask_save_changes = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def texts_on_screen(view) -> list[tuple[str, float, object]]:
    """Every text the canvas ``view`` paints into its viewport: (text, height on screen, rect).
    No cached pictures: every item paints again, in view coordinates."""
    from PySide6.QtWidgets import QGraphicsItem

    from ui.canvas import fonts

    items = view.scene().items()
    modes = [item.cacheMode() for item in items]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    fonts.recorder = []
    try:
        view.viewport().grab()
        return fonts.recorder
    finally:
        fonts.recorder = None
        for item, mode in zip(items, modes, strict=True):
            item.setCacheMode(mode)


def vp_point(w, scene_pos: QPointF) -> QPoint:
    return w.canvas.mapFromScene(scene_pos)


def drag(w, a: QPointF, b: QPointF, steps: int = 6) -> None:
    """Press at scene point ``a``, move in steps to ``b``, release (the real mouse path)."""
    vp = w.canvas.viewport()
    pa, pb = vp_point(w, a), vp_point(w, b)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pa)
    for k in range(1, steps + 1):
        p = pa + (pb - pa) * (k / steps)
        QTest.mouseMove(vp, p)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pb)


def out_port(w, node_id) -> QPointF:
    return w.scene.node_item(node_id).out_port_pos()


def in_port(w, node_id, port) -> QPointF:
    return w.scene.node_item(node_id).in_port_pos(port)


def drop_op(w, op: str, scene_pos: QPointF) -> None:
    mime: QMimeData = w.palette.mime_for(op)
    vp = w.canvas.viewport()
    p = QPointF(vp_point(w, scene_pos))
    enter = QDragEnterEvent(p.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, enter)
    assert enter.isAccepted()
    drop = QDropEvent(p, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, drop)
    # a copy: a "move" would make the palette delete its row
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
