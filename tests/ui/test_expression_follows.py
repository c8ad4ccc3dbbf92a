"""The expression bar is never left over from another graph (issue 10, item 4): a typed
expression builds fresh leaves, and the bar always shows the graph's own expression (or
nothing), whatever changed the graph."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.windows import make_window
from ui.explore import examples
from ui.explore.expression import expression_of


@pytest.fixture
def win(qtbot, tmp_path):
    return make_window(qtbot, tmp_path, example=examples.DEFAULT)


def type_expression(w, text: str) -> None:
    """Click into the bar, select what it holds, type ``text`` and press Enter."""
    bar = w.expression
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton)
    QTest.keyClick(bar, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(bar, text)
    QTest.keyClick(bar, Qt.Key.Key_Return)


def drag(w, a: QPointF, b: QPointF) -> None:
    vp = w.canvas.viewport()
    pa, pb = w.canvas.mapFromScene(a), w.canvas.mapFromScene(b)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pa)
    for k in range(1, 7):
        QTest.mouseMove(vp, pa + (pb - pa) * (k / 6))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pb)


def test_an_expression_typed_after_the_fashion_example_builds_fresh_leaves(win):
    win.load_example("fashion")
    type_expression(win, "f = (x + y) * z")
    g = win.controller.graph
    assert sorted(n.name for n in g.nodes if n.is_leaf) == ["x", "y", "z"] and "f" in g
    for name in ("x", "y", "z"):
        assert np.size(g[name].value) == 1                 # not the 16×784 images
    assert win.editor.canvas.badges() == {}                # no shape mismatch
    win.actions["backward"].trigger()
    assert np.isfinite(float(g["f"].value))
    assert win.expression.text() == "f = (x + y) * z"


def test_leaves_get_distinct_numbers_and_keep_a_scalar_they_had(win):
    type_expression(win, "f = sigmoid(w0 * x0 + w1 * x1 + w2)")
    g = win.controller.graph
    values = [float(g[n].value) for n in ("w0", "x0", "w1", "x1", "w2")]
    assert len(set(values)) == 5                           # each leaf its own number
    g.forward()
    assert 0.05 < float(g["f"].value) < 0.95               # σ not saturated
    win.load_example("cs231n")                             # x = -2, y = 5, z = -4
    type_expression(win, "f = (x + y) * z * 2")
    g = win.controller.graph
    assert [float(g[n].value) for n in "xyz"] == [-2.0, 5.0, -4.0]


def test_the_bar_follows_edits_on_the_canvas(win):
    c = win.controller
    assert win.expression.text() == "f = (x + y) * z"
    win.canvas.fit()
    e = c.add_node("exp", (700.0, 60.0))
    win.canvas.fit()
    f = win.scene.node_item(c.graph["f"].id)
    drag(win, f.out_port_pos(), win.scene.node_item(e).in_port_pos(0))
    assert win.expression.text() == "exp1 = exp((x + y) * z)"
    assert win.expression.text() == expression_of(c.graph)
    win.editor.canvas.select([e])
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Delete)
    assert win.expression.text() == "f = (x + y) * z"
    c.add_node("input", (0.0, 400.0), "stray", 1.0)        # the output does not use it
    assert win.expression.text() == ""
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.expression.text() == "f = (x + y) * z"


def test_the_bar_follows_files_build_mlp_examples_and_undo(win, tmp_path):
    import graphviz_nn as gnn
    from ui.build.mlp_builder import MlpSpec, apply_mlp

    path = tmp_path / "other.json"
    gnn.parse("g = exp(a) - b", a=1.0, b=2.0).save(path)
    assert win.document.open_path(path)
    assert win.expression.text() == "g = exp(a) - b"
    apply_mlp(win.controller, MlpSpec())                   # Build MLP
    assert win.expression.text() == ""
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.expression.text() == "g = exp(a) - b"
    win.load_example("sigmoid")
    assert win.expression.text() == "f = sigmoid(w0 * x0 + w1 * x1 + w2)"
    win.load_example("spiral")
    assert win.expression.text() == ""


def test_a_draft_is_kept_while_typed_and_given_back_on_escape(win):
    bar = win.expression
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton)
    QTest.keyClick(bar, Qt.Key.Key_End)
    QTest.keyClicks(bar, " + 1")
    win.controller.recompute()                             # values change meanwhile
    assert bar.text() == "f = (x + y) * z + 1"             # the learner's draft stays
    QTest.keyClick(bar, Qt.Key.Key_Escape)
    assert bar.text() == "f = (x + y) * z"
    QTest.keyClicks(bar, " - 3")
    win.canvas.setFocus()                                  # leaving the bar without Enter
    assert bar.text() == "f = (x + y) * z"


def test_a_refused_expression_stays_to_be_fixed_with_its_message(win):
    type_expression(win, "f = (x + ) * z")
    assert win.expression.text() == "f = (x + ) * z"
    assert win.expression_message.isVisibleTo(win)
    assert "f" in win.controller.graph and win.controller.graph["x"].value == -2.0
