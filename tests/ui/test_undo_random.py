"""Hypothesis: any sequence of edits, undone step by step, walks back through the very same
graphs to the empty one; redone, it gives the same graph again."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ui.test_undo_commands import LightController

OPS = ["input", "param", "const", "add", "mul", "sub", "sigmoid", "relu", "exp", "sum",
       "leaky_relu", "matmul"]


def _edit(c: LightController, data) -> None:
    g = c.graph
    nodes = g.nodes
    kind = data.draw(st.sampled_from(
        ["add", "add", "remove", "connect", "connect", "disconnect", "rename", "value", "move",
         "attr", "duplicate"] if nodes else ["add"]))
    pick = lambda: data.draw(st.sampled_from(nodes))  # noqa: E731
    if kind == "add":
        op = data.draw(st.sampled_from(OPS))
        pos = (data.draw(st.integers(-500, 500)) * 1.0, data.draw(st.integers(-500, 500)) * 1.0)
        c.add_node(op, data.draw(st.sampled_from([pos, None])))   # None: the controller places it
    elif kind == "remove":
        c.remove_nodes(list({pick().id for _ in range(data.draw(st.integers(1, 3)))}))
    elif kind == "connect":
        src, dst = pick(), pick()
        if dst.spec.ports:
            c.connect_ports(src.id, dst.id, data.draw(st.integers(0, len(dst.spec.ports) - 1)))
    elif kind == "disconnect":
        dst = pick()
        if dst.spec.ports:
            c.disconnect_port(dst.id, data.draw(st.integers(0, len(dst.spec.ports) - 1)))
    elif kind == "rename":
        c.rename_node(pick().id, data.draw(st.sampled_from(["a", "b", "q", "", "x1"])))
    elif kind == "value":
        leaves = [n for n in nodes if n.is_leaf]
        if leaves:
            c.set_value(data.draw(st.sampled_from(leaves)).id,
                        data.draw(st.floats(-10, 10, allow_nan=False)))
    elif kind == "move":
        chosen = {pick().id for _ in range(data.draw(st.integers(1, 3)))}
        dx = data.draw(st.integers(-50, 50))
        c.move_nodes({i: ((g.node_by_id(i).pos or (0.0, 0.0))[0] + dx,
                          (g.node_by_id(i).pos or (0.0, 0.0))[1]) for i in chosen},
                     merge=data.draw(st.booleans()))
    elif kind == "attr":
        leaky = [n for n in nodes if n.op == "leaky_relu"]
        if leaky:
            c.set_attr(data.draw(st.sampled_from(leaky)).id, "alpha",
                       data.draw(st.sampled_from([0.01, 0.1, 0.3])))
    elif kind == "duplicate":
        c.duplicate([pick().id])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edits_undo_to_empty_and_redo_to_the_same_graph(qapp, data):
    _undo_redo_walk(LightController(), data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_same_with_the_window_s_controller(qapp, data):
    """The real GraphController (it re-traces after every primitive edit)."""
    from ui.controller import GraphController

    _undo_redo_walk(GraphController(), data)


def _undo_redo_walk(c, data) -> None:
    seen = [c.graph.to_dict()]           # the graph after each undo step on the stack
    for _ in range(data.draw(st.integers(1, 25))):
        _edit(c, data)
        if c.undo_stack.count() == len(seen):      # an edit pushed a new step
            seen.append(c.graph.to_dict())
        else:                                      # refused, or merged into the last move
            assert c.undo_stack.count() == len(seen) - 1
            seen[-1] = c.graph.to_dict()
    final = c.graph.to_dict()
    n = c.undo_stack.count()
    for k in range(n, 0, -1):
        c.undo_stack.undo()
        assert c.graph.to_dict() == seen[k - 1]
    assert len(c.graph) == 0
    for _ in range(n):
        c.undo_stack.redo()
    assert c.graph.to_dict() == final


@pytest.fixture(scope="module")
def window(qapp):
    from ui.app import MainWindow

    w = MainWindow(example=None)
    w.show()
    yield w
    w.close()
    w.deleteLater()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_canvas_follows_every_undo_and_redo(window, data):
    """What the learner sees: after a random walk of edits and undos, the canvas shows
    exactly the graph's nodes, wires and positions."""
    import graphviz_nn as gnn

    c = window.controller
    c.load_graph(gnn.Graph())
    c.undo_stack.clear()
    for _ in range(data.draw(st.integers(1, 15))):
        _edit(c, data)
    for _ in range(data.draw(st.integers(0, c.undo_stack.count()))):
        c.undo_stack.undo()
    scene, g = window.scene, c.graph
    assert set(scene.nodes) == {n.id for n in g.nodes}
    assert set(scene.edges) == {(s.id, d.id, p) for s, d, p in g.edges}
    for n in g.nodes:
        item = scene.node_item(n.id)
        assert item.name == n.name
        if n.pos is not None:
            assert (item.pos().x(), item.pos().y()) == n.pos
