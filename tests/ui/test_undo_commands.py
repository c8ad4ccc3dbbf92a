"""Undo commands: each edit undone restores the graph exactly, redone gives the same graph.

A light controller runs the commands (primitives straight on a real engine Graph), so these
tests need no window; tests/ui/test_editor*.py drive the real one.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

import graphviz_nn as gnn
from ui.build.commands import (
    EdgeConnectCmd,
    GraphReplaceCmd,
    NodeAddCmd,
    NodeRemoveCmd,
    NodesMoveCmd,
    push,
)
from ui.build.editing import EditingMixin, fragment


class LightController(EditingMixin, QObject):
    """The controller's primitive edits, without the window (same signatures as ui.controller)."""

    message = Signal(str)

    def __init__(self, graph=None) -> None:
        super().__init__()
        self.graph = graph if graph is not None else gnn.Graph()
        self.output = None
        self.undo_stack = QUndoStack(self)
        self.messages: list[str] = []
        self.message.connect(self.messages.append)

    def _add_node(self, op, name=None, value=None, pos=None, attrs=None, node_id=None):
        kw = dict(attrs or {})
        if node_id is not None:
            kw["node_id"] = node_id
        return self.graph.add_node(op, name=name, value=value, pos=pos, **kw)

    def _remove_node(self, i):
        self.graph.remove(self.graph.node_by_id(i))

    def _connect(self, s, d, p):
        self.graph.connect(self.graph.node_by_id(s), self.graph.node_by_id(d), p)

    def _disconnect(self, d, p):
        self.graph.disconnect(self.graph.node_by_id(d), p)

    def _rename(self, i, name):
        self.graph.rename(self.graph.node_by_id(i), name)

    def _set_value(self, i, v):
        self.graph.set_value(self.graph.node_by_id(i), v)

    def _set_attr(self, i, k, v):
        self.graph.set_attr(self.graph.node_by_id(i), k, v)

    def _move(self, i, pos):
        self.graph.node_by_id(i).pos = (float(pos[0]), float(pos[1]))

    def load_graph(self, graph, output=None, record=True):
        self.graph, self.output = graph, output


def state(graph) -> dict:
    """Everything a user sees of a graph's structure, values and positions."""
    return graph.to_dict()


@pytest.fixture
def ctrl(qapp):
    g = gnn.Graph()
    x, y, z = g.input("x", -2.0), g.input("y", 5.0), g.input("z", -4.0)
    g.mul(g.add(x, y, name="q"), z, name="f")
    for k, n in enumerate(g.nodes):
        n.pos = (100.0 * k, 10.0 * k)
    return LightController(g)


def test_remove_then_undo_restores_id_name_value_position_and_wires(ctrl):
    g = ctrl.graph
    before = state(g)
    q = g["q"]
    ctrl.remove_nodes([q.id])
    assert "q" not in g and g["f"].inputs[0] is None
    ctrl.undo_stack.undo()
    assert state(ctrl.graph) == before
    g.forward()
    g.backward(g["f"])
    assert float(g["f"].value) == -12.0 and float(g["x"].grad) == -4.0


def test_removing_a_leaf_used_twice_restores_both_consumers(qapp):
    g = gnn.Graph()
    x = g.input("x", 3.0)
    g.mul(x, x, name="sq")
    c = LightController(g)
    before = state(g)
    c.remove_nodes([x.id])
    assert g["sq"].inputs == [None, None]
    c.undo_stack.undo()
    assert state(c.graph) == before


def test_connect_that_replaces_remembers_the_old_wire(ctrl):
    g = ctrl.graph
    before = state(g)
    # feed z into q's port 0 (was x)
    assert ctrl.connect_ports(g["z"].id, g["q"].id, 0) is None
    assert g["q"].inputs[0] is g["z"]
    assert "was fed by x" in ctrl.messages[-1]
    ctrl.undo_stack.undo()
    assert state(g) == before


def test_cycle_is_refused_with_the_reason_and_leaves_no_undo_step(ctrl):
    g = ctrl.graph
    before = state(g)
    error = ctrl.connect_ports(g["f"].id, g["q"].id, 1)
    assert error == "connecting f → q would make a cycle"
    assert ctrl.messages[-1] == error
    assert ctrl.undo_stack.count() == 0 and state(g) == before


def test_refused_add_is_not_pushed(ctrl):
    cmd = NodeAddCmd(ctrl, "add", "q")          # name taken
    assert push(ctrl.undo_stack, cmd) == "there is already a node named 'q'"
    assert ctrl.undo_stack.count() == 0


def test_value_undo_gives_back_the_old_gradient(ctrl):
    g = ctrl.graph
    ctrl.set_value(g["z"].id, 2.0)
    g.forward()
    g.backward(g["f"])
    assert float(g["x"].grad) == 2.0
    ctrl.undo_stack.undo()
    g.forward()
    g.backward(g["f"])
    assert float(g["x"].grad) == -4.0


def test_bad_value_is_refused_with_the_reason_and_is_not_pushed(ctrl):
    reason = ctrl.set_value(ctrl.graph["q"].id, 1.0)   # q is computed, not a leaf
    assert "only leaves take a value" in reason and ctrl.messages[-1] == reason
    assert ctrl.undo_stack.count() == 0


def test_drag_of_several_nodes_is_one_step_and_arrow_nudges_merge(ctrl):
    g = ctrl.graph
    before = state(g)
    ids = [g["x"].id, g["y"].id]
    ctrl.move_nodes({ids[0]: (500.0, 1.0), ids[1]: (600.0, 2.0)})
    assert ctrl.undo_stack.count() == 1
    for _ in range(3):
        ctrl.move_nodes({i: (g.node_by_id(i).pos[0] + 10, 0.0) for i in ids}, merge=True)
    assert ctrl.undo_stack.count() == 2            # the nudges merged into one
    ctrl.undo_stack.undo()
    assert g["x"].pos == (500.0, 1.0)
    ctrl.undo_stack.undo()
    assert state(g) == before


def test_rename_and_attr_undo(ctrl):
    g = ctrl.graph
    before = state(g)
    assert ctrl.rename_node(g["q"].id, "") == "a node needs a non-empty name"
    ctrl.rename_node(g["q"].id, "sum")
    s = ctrl.add_node("leaky_relu", (0.0, 0.0))
    ctrl.set_attr(s, "alpha", 0.2)
    assert g.node_by_id(s).attrs["alpha"] == 0.2 and "sum" in g
    for _ in range(3):
        ctrl.undo_stack.undo()
    assert state(g) == before


def test_replace_graph_and_back(ctrl):
    before = state(ctrl.graph)
    other = gnn.parse("out = sigmoid(w * x)", w=1.0, x=2.0)
    ctrl.undo_stack.push(GraphReplaceCmd(ctrl, other, "Load", "out"))
    assert ctrl.output.name == "out" and "w" in ctrl.graph
    ctrl.undo_stack.undo()
    assert state(ctrl.graph) == before


def test_paste_is_one_step_with_fresh_names_and_inner_wires(ctrl):
    g = ctrl.graph
    frag = fragment(g, [g["x"].id, g["y"].id, g["q"].id])
    assert len(frag["edges"]) == 2
    new = ctrl.paste(frag)
    assert ctrl.undo_stack.count() == 1
    names = sorted(g.node_by_id(i).name for i in new)
    assert names == ["q_2", "x_2", "y_2"]
    assert g["q_2"].inputs == [g["x_2"], g["y_2"]]
    assert g["x_2"].pos == (g["x"].pos[0] + 40, g["x"].pos[1] + 40)
    ctrl.undo_stack.undo()
    assert "q_2" not in g and len(g) == 5


def test_paste_refuses_what_is_not_a_fragment(ctrl):
    with pytest.raises(ValueError, match="does not hold graphviz-nn nodes"):
        ctrl.paste({"nodes": "x"})


def test_undo_redo_of_a_whole_build_by_hand(qapp):
    c = LightController()
    x = c.add_node("input", (0, 0), "x", 3.0)
    w = c.add_node("param", (0, 100), "w", -2.0)
    m = c.add_node("mul", (200, 50))
    s = c.add_node("sigmoid", (400, 50), "out")
    for src, dst, port in ((x, m, 0), (w, m, 1), (m, s, 0)):
        c.undo_stack.push(EdgeConnectCmd(c, src, dst, port))
    c.undo_stack.push(NodesMoveCmd(c, {s: ((400.0, 50.0), (420.0, 60.0))}))
    c.remove_nodes([w])
    built = state(c.graph)
    n = c.undo_stack.count()
    for _ in range(n):
        c.undo_stack.undo()
    assert len(c.graph) == 0
    for _ in range(n):
        c.undo_stack.redo()
    assert state(c.graph) == built
    c.undo_stack.undo()                           # bring w back, wired into mul
    g = c.graph
    g.forward()
    g.backward(g["out"])
    sig = 1 / (1 + np.exp(6.0))
    assert np.isclose(float(g["x"].grad), sig * (1 - sig) * -2.0)
    assert isinstance(c.undo_stack.command(0), NodeAddCmd)
    assert c.undo_stack.undoText() == "Move node"


def test_remove_command_snapshot_names_the_node(ctrl):
    cmd = NodeRemoveCmd(ctrl, ctrl.graph["q"].id)
    assert cmd.text() == "Delete q"


def test_paste_and_duplicate_refused_while_training_make_no_nodes(ctrl):
    ctrl.edit_guard = lambda: "training is running"
    before = state(ctrl.graph)
    x = ctrl.graph["x"].id
    assert ctrl.duplicate([x]) == []
    assert ctrl.paste(fragment(ctrl.graph, [x])) == []
    assert state(ctrl.graph) == before and ctrl.undo_stack.count() == 0
    assert ctrl.messages[-1] == "training is running"
