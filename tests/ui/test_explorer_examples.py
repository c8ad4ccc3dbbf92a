"""Every example opens from the Examples menu and steps forward and backward; the numbers the
window shows are checked against values worked out by hand (CS231n's slides, the seed notes)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ui.explore.examples import EXAMPLES
from ui.style import parse_number


def open_example(w, key):
    act = next(a for a in w.examples_menu.actions() if a.objectName() == f"example_{key}")
    act.trigger()
    assert w.example_key == key
    assert w.inspector.example_box.isVisibleTo(w.inspector)


def shown(w, name, what="value"):
    item = w.scene.node_item(w.controller.graph[name].id)
    text = item.value_text() if what == "value" else item.grad_text().removeprefix("∂ ")
    return parse_number(text)


@pytest.mark.parametrize("key", [e.key for e in EXAMPLES])
def test_every_example_steps_both_ways(win, key):
    open_example(win, key)
    c = win.controller
    assert c.trace is not None, c.trace_error
    win.actions["forward"].trigger()
    out = c.output
    assert win.scene.node_item(out.id).value_text() != ""
    win.actions["backward"].trigger()
    assert win.scene.node_item(out.id).grad_text() == "∂ 1"
    for _ in range(2):
        win.actions["step_back"].trigger()
    assert c.cursor == len(c.trace) - 3
    win.actions["step_forward"].trigger()
    assert "Backward step" in win.inspector.step_text()
    # every leaf that feeds the output shows a gradient at the end
    win.actions["last"].trigger()
    for n in c.graph.nodes:
        if n.is_leaf and c.graph.consumers(n) and np.asarray(n.value).dtype.kind == "f":
            assert win.scene.node_item(n.id).grad_text().startswith("∂ ")


def test_sigmoid_neuron_matches_cs231n(win):
    open_example(win, "sigmoid")
    win.actions["backward"].trigger()
    assert shown(win, "f") == pytest.approx(0.73, abs=0.005)
    # the slide's numbers: w0 -0.2, x0 0.39, w1 -0.39, x1 -0.59, w2 0.2
    for name, grad in {"w0": -0.2, "x0": 0.39, "w1": -0.39, "x1": -0.59, "w2": 0.2}.items():
        assert shown(win, name, "grad") == pytest.approx(grad, abs=0.01)


def test_softmax_of_1_2_0(win):
    open_example(win, "softmax")
    win.actions["backward"].trigger()
    assert shown(win, "p1") == pytest.approx(math.e ** 2 / (math.e + math.e ** 2 + 1), abs=1e-3)
    c = win.controller
    grad = c.graph["scores"].grad
    p = np.exp([1.0, 2.0, 0.0]) / np.exp([1.0, 2.0, 0.0]).sum()
    assert grad == pytest.approx(p[1] * (np.array([0, 1, 0]) - p), abs=1e-9)


def test_two_linear_layers_collapse_but_log_does_not(win):
    open_example(win, "linear")
    win.actions["backward"].trigger()
    assert shown(win, "c") == 13            # 1×4+2 = 6, 6×3-5 = 13 = 1×12+1
    assert shown(win, "difference") == 0
    assert shown(win, "a", "grad") == 0     # 12 - 12
    open_example(win, "nonlinear")
    win.actions["backward"].trigger()
    assert shown(win, "a", "grad") == pytest.approx(2.0)   # 3 · (1/6) · 4


def test_fashion_model_shows_weight_templates(win):
    open_example(win, "fashion")
    win.actions["backward"].trigger()
    c = win.controller
    assert c.graph["W1"].value.shape == (784, 100)
    c.select([c.graph["W1"].id])
    assert win.inspector.value_view.mode == "templates"
    assert win.inspector.grad_view.mode == "templates"
    c.select([c.graph["b2"].id])
    assert win.inspector.value_view.mode == "table"
    c.select([c.graph["h1"].id])
    assert win.inspector.value_view.mode == "heatmap"
    assert "100" in win.scene.node_item(c.graph["h1"].id).value_text()


def test_loading_an_example_can_be_undone(win):
    open_example(win, "sigmoid")
    assert "w0" in win.controller.graph
    win.controller.undo_stack.undo()
    assert "q" in win.controller.graph and "w0" not in win.controller.graph


def test_examples_dialog_shows_each_explanation(win, qtbot):
    from ui.explore.examples_dialog import ExamplesDialog
    dialog = ExamplesDialog(win, "cs231n")
    qtbot.addWidget(dialog)
    for row, ex in enumerate(EXAMPLES):
        dialog.list.setCurrentRow(row)
        assert ex.title in dialog.text.text() and ex.text[:40] in dialog.text.text()
    dialog.list.setCurrentRow(1)
    assert dialog.chosen == "sigmoid"


@pytest.mark.parametrize("key", [e.key for e in EXAMPLES])
def test_walk_every_step_and_select_every_node(win, qtbot, key):
    """Every step of every example, every node selected, quiz on and off: no errors, and the
    inspector always names the current step."""
    open_example(win, key)
    c = win.controller
    for quiz in (False, True):
        win.controller.set_quiz(quiz)
        win.actions["first"].trigger()
        for i in range(len(c.trace)):
            win.actions["step_forward"].trigger()
            assert c.cursor == i
            step = c.trace[i]
            assert step.node.name in win.inspector.step_text()
            assert win.timeline.slider.value() == i
    for n in c.graph.nodes:
        c.select([n.id])
        assert win.inspector.node_box.title() == f"Node {n.name}"
