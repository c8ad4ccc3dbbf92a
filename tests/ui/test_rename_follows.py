"""A node renamed (F2, then the name typed in the dialog) is called by its new name
everywhere the window writes it: the inspector's step and node, the code view."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

import graphviz_nn as gnn


def _click_node(win, node_id: int) -> None:
    item = win.scene.node_item(node_id)
    pos = win.canvas.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(win.canvas.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, pos)


def _rename_with_f2(win, qtbot, node_id: int, name: str) -> None:
    """Select the node, press F2, type ``name`` in the dialog and press Enter."""
    _click_node(win, node_id)
    typed = []

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QInputDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        QTest.keyClicks(edit, name)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        typed.append(name)

    QTimer.singleShot(20, answer)
    QTest.keyClick(win.canvas, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: typed == [name], timeout=3000)
    qtbot.wait(20)


def test_an_untraceable_graph_names_the_renamed_node(win, qtbot):
    """Seen in the window: after renaming add1 (whose port b is empty) to 'total', the
    inspector still said 'Not traced: cannot trace add1: missing input on port b'."""
    c = win.controller
    c.replace_graph(gnn.Graph())
    x = c.add_node("input", (0.0, 0.0), "x", 1.0)
    s = c.add_node("sigmoid", (250.0, 0.0))
    a = c.add_node("add", (500.0, 0.0))
    c.connect_ports(x, s, 0)
    c.connect_ports(s, a, 0)
    win.canvas.fit()
    assert "add1" in win.inspector.step_text()
    _rename_with_f2(win, qtbot, a, "total")
    assert c.graph.node_by_id(a).name == "total"
    step = win.inspector.step_text()
    assert "add1" not in step and "total" in step, step
    win.code_link.update()
    code = win.code_view.text.toPlainText()
    assert "add1" not in code, code


def test_a_traced_graph_names_the_renamed_input(win, qtbot):
    """f = (x + y) * z stepped to its end, then x renamed to 'a': ∂f/∂a everywhere."""
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_F5)
    QTest.keyClick(win.canvas, Qt.Key.Key_F6)
    c = win.controller
    x = c.graph["x"].id
    _rename_with_f2(win, qtbot, x, "a")
    step = win.inspector.step_text()
    assert "∂f/∂a" in step and "∂f/∂x" not in step, step
    win.code_link.update()
    code = win.code_view.text.toPlainText()
    assert "da = dq" in code and "dx" not in code, code
