"""The inspector in the real window, driven through real clicks, keys and typing: its Node
header names a node of the graph on the canvas, never one of an old graph or a deleted one
(issue 10, 4.3); the numbers it writes are the ones the canvas shows; a closed Dense layer
stepped as a whole is explained as a layer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.windows import make_window
from ui.explore import examples


@pytest.fixture
def win(qtbot, tmp_path):
    return make_window(qtbot, tmp_path, example=examples.DEFAULT)


def header(w) -> str:
    return w.inspector.node_box.title()


def header_names_a_current_node(w) -> bool:
    """The header is the bare section title, or names a node the canvas shows."""
    title = header(w)
    names = {n.name for n in w.controller.graph.nodes}
    if title == "Node":
        return True
    return any(title == f"Node {n}" for n in names)


def click_node(w, name: str) -> None:
    item = w.scene.node_item(w.controller.graph[name].id)
    pos = w.canvas.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, pos)


def test_clicking_a_node_names_it(win):
    click_node(win, "q")
    assert header(win) == "Node q"


def test_loading_an_example_drops_the_old_graphs_node(win):
    click_node(win, "q")
    win.examples_menu.findChild(type(win.actions["forward"]), "example_softmax").trigger()
    assert "q" not in win.controller.graph
    assert header_names_a_current_node(win), header(win)


def test_typing_an_expression_drops_the_old_graphs_node(win, qtbot):
    click_node(win, "z")
    win.expression.clear()
    QTest.keyClicks(win.expression, "g = a * b")
    QTest.keyClick(win.expression, Qt.Key.Key_Return)
    assert "z" not in win.controller.graph and "g" in win.controller.graph
    assert header_names_a_current_node(win), header(win)


def test_deleting_the_node_with_the_delete_key(win):
    click_node(win, "z")
    assert header(win) == "Node z"
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Delete)
    assert "z" not in win.controller.graph
    assert header_names_a_current_node(win), header(win)
    win.actions["undo"].trigger()                # z comes back
    assert header_names_a_current_node(win), header(win)
    win.actions["redo"].trigger()                # and goes again
    assert "z" not in win.controller.graph
    assert header_names_a_current_node(win), header(win)


def test_undoing_an_example_load(win):
    win.examples_menu.findChild(type(win.actions["forward"]), "example_sigmoid").trigger()
    click_node(win, "w0x0")
    assert header(win) == "Node w0x0"
    win.actions["undo"].trigger()                # back to f = (x + y) * z
    assert "w0x0" not in win.controller.graph
    assert header_names_a_current_node(win), header(win)


def test_renaming_shows_the_new_name(win):
    click_node(win, "q")
    win.controller.rename_node(win.controller.graph["q"].id, "sum_xy")
    assert header(win) == "Node sum_xy"


def test_opening_a_file_drops_the_old_graphs_node(win, tmp_path):
    import graphviz_nn as gnn
    g = gnn.parse("h = a - b", a=1.0, b=2.0)
    path = tmp_path / "h.json"
    g.save(str(path))
    click_node(win, "q")
    assert win.document.open_path(path)
    assert "q" not in win.controller.graph
    assert header_names_a_current_node(win), header(win)


def test_stepping_names_the_node_of_the_step(win):
    win.actions["forward"].trigger()
    assert header(win) == "Node f"
    win.actions["step_back"].trigger()
    assert header(win) == "Node q"
    win.actions["first"].trigger()              # no step, nothing selected
    assert header(win) == "Node"


def test_a_closed_layer_stepped_whole_is_explained_as_a_layer(win, qtbot):
    win.examples_menu.findChild(type(win.actions["forward"]), "example_fashion").trigger()
    win.actions["whole_layers"].setChecked(True)
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Right)         # the first layer, forward, one step
    lines = [ln.strip() for ln in win.inspector.step_text().splitlines()]
    assert lines[0] == "Layer Dense 100, sigmoid, forward in one step: its 3 nodes one " \
                       "after the other."
    for row in ("x@W1 = x @ W1", "z1 = x@W1 + b1", "h1 = σ(z1)"):
        assert row in lines
    QTest.keyClick(win.canvas, Qt.Key.Key_End)           # the last step: layer 1, backward
    text = win.inspector.step_text()
    assert "Layer Dense 100, sigmoid, backward in one step" in text
    assert "∂loss/∂W1 = ∂loss/∂x@W1 · ∂x@W1/∂W1" in text
    QTest.keyClick(win.canvas, Qt.Key.Key_Left)          # one step back: the whole layer 2
    text = win.inspector.step_text()
    assert text.startswith("Layer Dense 10, softmax in the loss, backward in one step")
    assert "∂loss/∂W2 = ∂loss/∂h1@W2 · ∂h1@W2/∂W2" in text


def test_the_softmax_gradient_is_written_out_as_the_canvas_shows_it(win):
    win.examples_menu.findChild(type(win.actions["forward"]), "example_softmax").trigger()
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_End)           # backward through the softmax
    g = win.controller.graph
    on_canvas = win.scene.edge_item(g["scores"].id, g["p"].id, 0).grad_text()
    assert on_canvas == "[-0.16, 0.22, -0.06]"
    lines = [ln.strip() for ln in win.inspector.step_text().splitlines()]
    assert "= [-0.163, 0.223, -0.0599]" in lines
    assert not any("[3]" in ln for ln in lines)


def test_the_equations_are_never_cut_off(win):
    """The step's view is as tall as its text, whatever the step (a QTextBrowser would
    otherwise scroll inside the inspector)."""
    win.examples_menu.findChild(type(win.actions["forward"]), "example_spiral").trigger()
    win.canvas.setFocus()
    heights = set()
    for _ in range(len(win.controller.trace)):
        QTest.keyClick(win.canvas, Qt.Key.Key_Right)
        view = win.inspector.step_label
        need = view.document().size().height()
        assert view.height() >= need, (win.controller.cursor, view.height(), need)
        heights.add(view.height())
    assert len(heights) > 3                  # it followed steps of different lengths


def _table_numbers(view) -> list[str]:
    t = view.table
    return [t.item(r, c).text() for r in range(t.rowCount()) for c in range(t.columnCount())
            if t.item(r, c) is not None]


def test_weights_changed_in_place_by_training_are_shown_anew(win):
    """Training writes a parameter's array in place and announces it (show_values): the
    inspector's value table must show the new numbers, not the ones it drew before."""
    import numpy as np

    import graphviz_nn as gnn

    g = gnn.Graph()
    x = g.input("x", np.ones((4, 2)))
    w = g.param("w", np.array([[0.5, -1.5]] * 4))
    g.sum(g.mul(x, w, name="xw"), name="out")
    win.controller.load_graph(g)
    win.canvas.fit()
    click_node(win, "w")
    assert header(win) == "Node w"
    assert _table_numbers(win.inspector.value_view) == ["0.5", "-1.5"] * 4
    w.value[:] = [2.25, 7.0]              # what an optimizer step does
    win.controller.show_values()
    assert _table_numbers(win.inspector.value_view) == ["2.25", "7"] * 4


def test_ctrl_shift_z_redoes(win):
    """Both of the platform's Redo keys work (Ctrl+Y and Ctrl+Shift+Z)."""
    win.controller.add_node("exp")
    n = len(win.controller.graph)
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(win.controller.graph) == n - 1
    QTest.keyClick(win.canvas, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(win.controller.graph) == n
