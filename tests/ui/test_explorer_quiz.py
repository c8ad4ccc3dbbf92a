"""Quiz mode (predict, then reveal) and 'Check numerically'."""

from __future__ import annotations

import dataclasses

import numpy as np

from graphviz_nn.ops import OPS


def edge_grad_text(w, src, dst, port):
    g = w.controller.graph
    return w.scene.edge_item(g[src].id, g[dst].id, port).grad_text()


def test_quiz_hides_then_grades_and_reveals(win):
    win.actions["quiz"].trigger()
    assert win.controller.quiz and win.quiz.isVisibleTo(win)
    win.actions["forward"].trigger()
    win.actions["step_forward"].trigger()          # backward through f
    # the answers are hidden on the canvas and in the inspector
    assert edge_grad_text(win, "q", "f", 0) == "?"
    assert edge_grad_text(win, "z", "f", 1) == "?"
    lines = [line.strip() for line in win.inspector.step_text().splitlines()]
    at = lines.index("∂f/∂q = ∂f/∂f · ∂f/∂q")
    assert lines[at + 1: at + 4] == ["= 1 · ∂(q·z)/∂q", "= 1 · z", "= ?"]
    assert "-4" not in win.inspector.step_text()
    assert len(win.quiz.inputs) == 2 and win.quiz.stage == "local"
    win.quiz.inputs[0].setText("-4")               # ∂f/∂q = z
    win.quiz.inputs[1].setText("3.0")              # ∂f/∂z = q
    assert win.quiz.check() == [True, True]
    assert edge_grad_text(win, "q", "f", 0) == "?"  # the locals alone reveal nothing
    win.quiz.inputs[0].setText("-4")               # downstream: 1 × -4
    win.quiz.inputs[1].setText("3")
    assert win.quiz.check() == [True, True]
    assert "right" in win.quiz.result_text()
    assert edge_grad_text(win, "q", "f", 0) == "-4"     # revealed
    win.actions["step_forward"].trigger()          # backward through q
    assert edge_grad_text(win, "x", "q", 0) == "?"
    win.quiz.inputs[0].setText("1")
    win.quiz.inputs[1].setText("1")
    assert win.quiz.check() == [True, True]
    win.quiz.inputs[0].setText("4")                # a classic sign mistake
    win.quiz.inputs[1].setText("-4.01")            # within the tolerance
    assert win.quiz.check() == [False, True]
    text = win.quiz.result_text()
    assert "you said 4, it is -4" in text and "score 7/8" in text
    assert edge_grad_text(win, "x", "q", 0) == "-4"


def test_quiz_reveal_without_answering_closes_the_boxes(win):
    win.actions["quiz"].trigger()
    win.actions["forward"].trigger()
    win.actions["step_forward"].trigger()
    win.quiz.reveal_button.click()
    assert edge_grad_text(win, "q", "f", 0) == "-4"
    assert win.quiz.stage == "done" and win.quiz.inputs == []
    assert not win.quiz.check_button.isEnabled()


def test_quiz_not_a_number_is_wrong_not_a_crash(win):
    win.actions["quiz"].trigger()
    win.actions["forward"].trigger()
    win.actions["step_forward"].trigger()
    win.quiz.inputs[0].setText("minus four")
    assert win.quiz.check()[0] is False
    assert "not a number" in win.quiz.result_text()


def test_check_numerically_passes_on_correct_gradients(win):
    win.actions["backward"].trigger()
    assert win.check_numerically() == []
    assert win.controller.marked == set()
    assert "agree" in win.statusBar().currentMessage()


def test_check_numerically_flags_a_wrong_gradient_rule(win, monkeypatch):
    good = OPS["mul"]

    def wrong_vjp(g, xs, out, node, need):      # forgets to swap the inputs
        return [g * xs[0] if need[0] else None, g * xs[1] if need[1] else None]

    monkeypatch.setitem(OPS, "mul", dataclasses.replace(good, vjp=wrong_vjp))
    win.load_example("cs231n")
    win.actions["backward"].trigger()
    bad = win.check_numerically()
    assert set(bad) == {"q", "z", "x", "y"}      # everything below the broken multiply
    ids = {win.controller.graph[n].id for n in bad}
    assert win.controller.marked == ids
    assert all(win.scene.node_item(i).marked for i in ids)
    assert not win.scene.node_item(win.controller.graph["f"].id).marked
    assert "q" in win.statusBar().currentMessage()


def test_check_numerically_on_tensors(win):
    win.load_example("spiral")
    win.actions["backward"].trigger()
    assert win.check_numerically() == []
    assert np.isfinite(win.controller.graph["W1"].grad).all()


def test_check_numerically_through_dropout(win):
    """Dropout draws a mask on every pass: the nudged passes must use the same mask, or every
    node below it would be flagged."""
    import graphviz_nn as gnn
    g = gnn.Graph(seed=3)
    x = g.input("x", np.ones((4, 3)))
    w = g.param("W", np.linspace(-1.0, 1.0, 15).reshape(3, 5))
    g.sum(g.dropout(g.tanh(g.matmul(x, w, name="h"), name="t"), 0.5, name="d"), name="L")
    win.controller.load_graph(g, g["L"])
    win.actions["backward"].trigger()
    assert win.check_numerically() == []
    assert win.controller.marked == set()


def test_check_numerically_in_the_background_on_the_big_model(win, qtbot):
    win.load_example("fashion")
    win.actions["backward"].trigger()
    with qtbot.waitSignal(win.check_finished, timeout=60000) as blocker:
        assert win.check_numerically() is None        # big: runs on a worker thread
        assert not win.actions["check_numerically"].isEnabled()
    assert blocker.args == [[]]
    assert win.actions["check_numerically"].isEnabled()
    assert "agree" in win.statusBar().currentMessage()


def test_a_stale_background_check_is_dropped(win, qtbot):
    win.actions["backward"].trigger()
    with qtbot.waitSignal(win._check_done, timeout=10000):
        win.check_numerically(background=True)
        win.load_example("sigmoid")                # the graph changes meanwhile
    assert win.controller.marked == set()
    assert "changed" in win.statusBar().currentMessage()
