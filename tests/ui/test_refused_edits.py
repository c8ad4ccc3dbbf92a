"""An edit the window refuses leaves no trace in the history and says why in the window's
message bar, with a way out where there is one (issue 10, item 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from ui.train import install


@pytest.fixture
def window(qtbot):
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    dock = install(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    dock.shutdown()


def click_node(w, node_id, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    item = w.scene.node_item(node_id)
    QTest.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, modifier,
                     w.canvas.mapFromScene(item.sceneBoundingRect().center()))


def drag(w, a: QPointF, b: QPointF, steps: int = 6) -> None:
    vp = w.canvas.viewport()
    pa, pb = w.canvas.mapFromScene(a), w.canvas.mapFromScene(b)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pa)
    for k in range(1, steps + 1):
        QTest.mouseMove(vp, pa + (pb - pa) * (k / steps))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pb)


def test_delete_while_the_canvas_graph_trains_is_refused_without_a_history_entry(
        qtbot, window):
    dock, c = window.training_dock, window.controller
    window.load_example("spiral")
    dock.data_form.kind.setCurrentText("spiral")
    dock.data_form.size.setValue(300)
    dock.model_form.source.setCurrentIndex(1)                 # the graph on the canvas
    dock.model_form.epochs.setValue(100_000)
    dock.train()
    qtbot.waitUntil(lambda: dock.state == "running", timeout=20_000)
    rows = window.history.rows()
    n_nodes = len(c.graph)
    click_node(window, c.graph["W1"].id)
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert len(c.graph) == n_nodes and "W1" in c.graph
    assert window.history.rows() == rows                      # no "Delete selection"
    bar = window.message_bar
    assert bar.isVisibleTo(window) and bar.key == "edit" and bar.severity == "warning"
    assert "Training is running" in bar.text()
    stop = [b for b in bar.findChildren(QPushButton) if b.text() == "Stop training"]
    assert len(stop) == 1
    QTest.mouseClick(stop[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=20_000)
    assert not bar.isVisibleTo(window)
    click_node(window, c.graph["W1"].id)
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Delete)           # stopped: it may go now
    assert "W1" not in c.graph
    assert window.history.rows()[-1].startswith("Delete")


def test_undo_refused_while_training_says_so_in_the_bar(qtbot, window):
    dock, c = window.training_dock, window.controller
    window.load_example("spiral")
    dock.data_form.kind.setCurrentText("spiral")
    dock.model_form.source.setCurrentIndex(1)
    dock.model_form.epochs.setValue(100_000)
    dock.train()
    qtbot.waitUntil(lambda: dock.state == "running", timeout=20_000)
    rows = window.history.rows()
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.history.rows() == rows and c.graph["W1"] is not None
    assert "Training is running" in window.message_bar.text()
    dock.stop()
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=20_000)


def test_a_wire_that_would_make_a_cycle_is_refused_in_the_bar(window):
    c = window.controller
    g = c.graph                                                # f = (x + y) * z
    rows = window.history.rows()
    window.canvas.fit()
    f, x = window.scene.node_item(g["f"].id), window.scene.node_item(g["x"].id)
    # f's output into x's place: q = f + y, while f needs q
    q = window.scene.node_item(g["q"].id)
    drag(window, f.out_port_pos(), q.in_port_pos(0))
    assert g["q"].inputs[0] is g["x"] and x is not None        # unchanged
    assert window.history.rows() == rows
    bar = window.message_bar
    assert bar.isVisibleTo(window) and bar.key == "edit"
    assert "cycle" in bar.text() and "f" in bar.text()


def test_a_wire_moved_into_a_cycle_is_refused_in_the_bar(window):
    window.load_example("sigmoid")                 # f = σ(s), s = s01 + w2
    g = window.controller.graph
    rows = window.history.rows()
    f, s01 = window.scene.node_item(g["f"].id), window.scene.node_item(g["s01"].id)
    drag(window, f.in_port_pos(0), s01.in_port_pos(0))   # s → f picked up, dropped below s
    assert g["f"].inputs[0] is g["s"] and g["s01"].inputs[0] is g["w0x0"]
    assert window.history.rows() == rows
    assert "would make a cycle" in window.message_bar.text()


def test_a_paste_whose_every_node_is_refused_leaves_no_history_entry(window):
    import json

    from PySide6.QtWidgets import QApplication

    rows = window.history.rows()
    QApplication.clipboard().setText(json.dumps({
        "format": "graphviz-nn-fragment", "nodes": [{"id": 0, "op": "nope", "name": "a"}],
        "edges": []}))
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.history.rows() == rows and "a" not in window.controller.graph
    assert "nope" in window.message_bar.text()
