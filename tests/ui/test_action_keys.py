"""The keys a learner presses work on every desktop. Qt takes standard keys from the platform:
under X11 (xcb) Redo is only Ctrl+Shift+Z, while the offscreen platform the tests run on also
binds Ctrl+Y, so a test pressing Ctrl+Y passed while Ctrl+Y did nothing in the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from ui.actions import shortcuts_for

XCB_REDO = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Redo")]   # keyBindings(Redo) under xcb


def _keys(seqs) -> set[str]:
    return {QKeySequence(s).toString() for s in seqs}


def test_redo_answers_ctrl_y_and_ctrl_shift_z_whatever_the_platform_binds():
    for platform in (XCB_REDO, [QKeySequence("Ctrl+Y")], []):
        keys = _keys(shortcuts_for("redo", QKeySequence.StandardKey.Redo, platform))
        assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= keys, (platform, keys)
        assert _keys(platform) <= keys                  # and every key the platform binds


def test_undo_keeps_the_platform_keys():
    platform = [QKeySequence("Ctrl+Z"), QKeySequence("F14")]
    assert _keys(shortcuts_for("undo", QKeySequence.StandardKey.Undo, platform)) \
        == {"Ctrl+Z", "F14"}


def test_ctrl_y_and_ctrl_shift_z_redo_in_the_window(win, qtbot):
    c = win.controller
    x = c.graph["x"].id
    c.rename_node(x, "a")
    for key, mods in ((Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)):
        win.activateWindow()
        qtbot.waitActive(win)
        QTest.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert c.graph.node_by_id(x).name == "x"
        QTest.keyClick(win.canvas, key, mods)
        assert c.graph.node_by_id(x).name == "a", key
