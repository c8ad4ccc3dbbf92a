"""What a graph replacement and a refused edit do to the history, said by the controller
itself (no guessing in the editor)."""

from __future__ import annotations

import graphviz_nn as gnn


def test_a_recorded_replacement_is_one_undo_step_back_to_the_old_graph_and_output(win):
    c = win.controller
    c.set_output(c.graph["q"].id)                       # the learner differentiates q
    old = c.graph
    n = c.undo_stack.count()
    model = gnn.parse("loss = sigmoid(w * x)", w=0.5, x=2.0)
    c.load_graph(model, model.output)                   # record=True: an undo step
    assert c.undo_stack.count() == n + 1
    win.actions["undo"].trigger()
    assert c.graph is old and c.output.name == "q"      # the old output too
    win.actions["redo"].trigger()
    assert c.graph is model and c.output.name == "loss"


def test_an_unrecorded_replacement_leaves_the_history_alone(win):
    c = win.controller
    c.add_node("exp", (600.0, 60.0), "e")
    n = c.undo_stack.count()
    model = gnn.parse("loss = sigmoid(w * x)", w=0.5, x=2.0)
    c.load_graph(model, model.output, record=False)
    assert c.graph is model and c.undo_stack.count() == n
    assert set(win.scene.nodes) == {node.id for node in model.nodes}   # shown all the same


def test_undoing_an_example_switch_is_one_step(win):
    c = win.controller
    win.load_example("sigmoid")
    n = c.undo_stack.count()
    win.actions["undo"].trigger()
    assert "f" in c.graph and "w0" not in c.graph       # back to f = (x + y)·z
    assert c.undo_stack.index() == n - 1                # one step, no extra record of the undo


def test_a_refused_value_returns_why_like_every_other_edit(win):
    c = win.controller
    x = c.graph["x"].id
    n = c.undo_stack.count()
    reason = c.set_value(x, [[1.0], [1.0, 2.0]])          # ragged: not one array
    assert reason and "cannot use this value" in reason
    assert win.statusBar().currentMessage() == reason
    assert c.set_value(c.graph["q"].id, 1.0) == "q is computed by add; only leaves take a value"
    assert c.undo_stack.count() == n and float(c.graph["x"].value) == -2.0
    assert c.set_value(x, 3.0) is None and float(c.graph["x"].value) == 3.0


def test_the_inspector_shows_why_a_value_was_refused(win):
    c = win.controller
    win.inspector.value_edited.emit(c.graph["x"].id, "three")
    assert "must be numbers" in win.inspector.value_error.text()
    assert float(c.graph["x"].value) == -2.0
