"""The differentiated output follows the graph being built: the sink (the node nothing
consumes; a loss when there are several), unless the learner chose one with "Differentiate
this"; that choice survives undo/redo, history jumps, save and load (issue 10, item 5)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.windows import make_window


@pytest.fixture
def win(qtbot, tmp_path):
    return make_window(qtbot, tmp_path)


def drop_op(w, op: str, x: float, y: float) -> int:
    """Drop ``op`` from the palette at scene point (x, y); returns the new node's id."""
    before = {n.id for n in w.controller.graph.nodes}
    mime = w.palette.mime_for(op)
    p = QPointF(w.canvas.mapFromScene(QPointF(x, y)))
    vp = w.canvas.viewport()
    enter = QDragEnterEvent(p.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, enter)
    QApplication.sendEvent(vp, QDropEvent(p, Qt.DropAction.CopyAction, mime,
                                          Qt.MouseButton.LeftButton,
                                          Qt.KeyboardModifier.NoModifier))
    (new,) = {n.id for n in w.controller.graph.nodes} - before
    return new


def wire(w, src: int, dst: int, port: int) -> None:
    """Drag from ``src``'s output port to ``dst``'s input ``port`` with the mouse."""
    a = w.scene.node_item(src).out_port_pos()
    b = w.scene.node_item(dst).in_port_pos(port)
    vp = w.canvas.viewport()
    pa, pb = w.canvas.mapFromScene(a), w.canvas.mapFromScene(b)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pa)
    for k in range(1, 7):
        QTest.mouseMove(vp, pa + (pb - pa) * (k / 6))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pb)
    assert w.controller.graph.node_by_id(dst).inputs[port].id == src


def right_click_menu(w, node_id: int, text: str) -> None:
    """Right-click the node and click the menu entry starting with ``text``."""
    item = w.scene.node_item(node_id)
    vp = w.canvas.viewport()
    at = w.canvas.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(vp, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, at)
    # what the window system sends after a right click (QTest does not)
    QApplication.sendEvent(vp, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                 vp.mapToGlobal(at)))
    menu = w.editor._menu
    assert isinstance(menu, QMenu) and menu.isVisible()
    (act,) = [a for a in menu.actions() if a.text().startswith(text)]
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     menu.actionGeometry(act).center())


def out_name(w) -> str:
    return w.controller.output.name


def grad_of(w, name: str) -> float:
    return float(w.controller.graph[name].grad)


def build(w):
    """x1, x2 → add1 → mul1 (× x1) → sigmoid1, by palette drops and mouse drags."""
    ids = {}
    for op, name, x, y in (("input", "x1", 0, 0), ("input", "x2", 0, 160),
                           ("add", "add1", 260, 80)):
        ids[name] = drop_op(w, op, x, y)
    w.canvas.fit()
    wire(w, ids["x1"], ids["add1"], 0)
    wire(w, ids["x2"], ids["add1"], 1)
    assert out_name(w) == "add1"
    ids["mul1"] = drop_op(w, "mul", 520, 80)
    ids["sigmoid1"] = drop_op(w, "sigmoid", 780, 80)
    w.canvas.fit()
    assert out_name(w) == "add1"            # the new nodes compute nothing yet
    wire(w, ids["add1"], ids["mul1"], 0)
    wire(w, ids["x1"], ids["mul1"], 1)
    assert out_name(w) == "mul1"
    wire(w, ids["mul1"], ids["sigmoid1"], 0)
    return ids


def test_the_output_follows_the_graph_being_built(win):
    g = win.controller.graph
    ids = build(win)
    names = {g.node_by_id(i).name for i in ids.values()}
    assert names == {"x1", "x2", "add1", "mul1", "sigmoid1"}
    assert out_name(win) == "sigmoid1"
    # x1 = x2 = 1: m = (x1 + x2)·x1 = 2, ∂σ(m)/∂x1 = σ'(2)·(2·x1 + x2) = σ'(2)·3
    s = 1 / (1 + np.exp(-2.0))
    assert grad_of(win, "x1") == pytest.approx(s * (1 - s) * 3)
    assert "∂sigmoid1/∂" in win.inspector.node_text() or "sigmoid1" in win.inspector.step_text()


def test_differentiate_this_survives_undo_redo_history_and_save(win, tmp_path):
    g = win.controller.graph
    ids = build(win)
    right_click_menu(win, ids["mul1"], "Differentiate this")
    assert out_name(win) == "mul1"
    assert grad_of(win, "x1") == pytest.approx(3.0)        # ∂mul1/∂x1 = 2·x1 + x2
    exp1 = drop_op(win, "exp", 1000, 200)                  # an edit after the choice
    wire(win, ids["sigmoid1"], exp1, 0)
    assert out_name(win) == "mul1"                          # chosen: stays
    rows = win.history.rows()
    assert any(r.startswith("Differentiate mul1") for r in rows)
    win.canvas.setFocus()
    for _ in range(2):                                      # undo the wire and the exp
        QTest.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "exp1" not in win.controller.graph and out_name(win) == "mul1"
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert out_name(win) == "sigmoid1"                      # the choice undone: the sink
    QTest.keyClick(win.canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)   # redo
    assert out_name(win) == "mul1"
    # a jump in the history list, back to before the choice and forward again
    view = win.history
    view.show()

    def click_row(row: int) -> None:
        rect = view.visualRect(view.model().index(row, 0))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())

    chosen_row = rows.index(next(r for r in rows if r.startswith("Differentiate")))
    click_row(chosen_row - 1)
    assert out_name(win) == "sigmoid1"
    click_row(len(rows) - 1)
    assert out_name(win) == "mul1" and "exp1" in win.controller.graph
    click_row(chosen_row - 1)
    assert out_name(win) == "sigmoid1"
    click_row(chosen_row)
    assert out_name(win) == "mul1"
    # deleting the chosen node falls back to the sink; undo brings the choice back
    win.editor.canvas.select([ids["mul1"]])
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Delete)
    assert "mul1" not in win.controller.graph and out_name(win) == "add1"
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert out_name(win) == "mul1"
    # save and open again
    path = tmp_path / "chosen.json"
    assert win.document.save_to(path)
    assert json.loads(path.read_text())["chosen_output"] == ids["mul1"]
    assert win.document.open_path(path)
    assert out_name(win) == "mul1" and win.controller.graph is not g
    # the choice can be taken back: the sink again
    right_click_menu(win, win.controller.graph["mul1"].id, "Differentiate this")
    assert out_name(win) == "sigmoid1"


def test_an_old_file_without_a_chosen_output_opens_on_its_sink(win, tmp_path):
    import graphviz_nn as gnn

    g = gnn.parse("f = (x + y) * z", x=-2.0, y=5.0, z=-4.0)
    g.sigmoid(g["f"], name="s")                              # built on after f
    data = g.to_dict()
    data.pop("chosen_output", None)
    assert data["output"] == g["f"].id                       # an old file names f
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    assert win.document.open_path(path)
    assert out_name(win) == "s"


def test_a_loss_wins_over_other_sinks(win):
    import graphviz_nn as gnn

    g = gnn.Graph()
    x, y = g.input("x", [1.0, 2.0]), g.input("y", [0.0, 1.0])
    h = g.tanh(x, name="h")
    g.sum(h, name="report")                                  # a second sink, computed later
    g.mse(h, y, name="loss")
    g.exp(h, name="zz")                                      # a third, last in order
    win.controller.load_graph(g)
    assert out_name(win) == "loss"
