"""The trace the GUI's timeline steps through."""

import numpy as np
import pytest

import graphviz_nn as gnn
from graphviz_nn import GraphError


def test_trace_of_fxyz():
    g = gnn.parse("q = x + y\nf = q * z", x=-2, y=5, z=-4)
    t = g.trace(g["f"])
    assert [s.kind for s in t] == ["forward", "forward", "backward", "backward"]
    assert [s.node.name for s in t.forward_steps] == ["q", "f"]
    assert float(t[0].value) == 3.0 and t[0].inputs == [g["x"], g["y"]]
    first, second = t.backward_steps
    assert first.node is g["f"] and float(first.upstream) == 1.0
    down = {lg.input.name: float(lg.downstream) for lg in first.locals}
    assert down == {"q": -4.0, "z": 3.0}
    assert first.locals[0].formula == "∂(a·b)/∂a = b" and float(first.locals[0].local) == -4.0
    assert second.node is g["q"] and float(second.upstream) == -4.0
    assert [float(lg.downstream) for lg in second.locals] == [-4.0, -4.0]
    assert t.output is g["f"]


def test_downstream_is_upstream_times_local_for_elementwise_ops():
    g = gnn.Graph()
    x = g.input("x", np.array([0.5, -1.0, 2.0]))
    f = g.sum(g.tanh(g.sigmoid(x)), name="f")
    for step in g.trace(f).backward_steps:
        for lg in step.locals:
            if step.node.op != "sum":
                np.testing.assert_allclose(lg.downstream, step.upstream * lg.local)


def test_trace_values_are_snapshots():
    g = gnn.parse("f = x * y", x=2.0, y=3.0)
    t = g.trace(g["f"])
    g.set_value(g["x"], 10.0)
    g.forward()
    assert float(t.forward_steps[0].value) == 6.0


def test_trace_of_a_node_that_cannot_be_computed():
    g = gnn.Graph()
    f = g.neg(g.add_node("input", "x"), name="f")
    with pytest.raises(GraphError, match="cannot trace f"):
        g.trace(f)


def test_a_node_used_twice_has_two_locals():
    g = gnn.parse("f = x * x", x=3.0)
    step = g.trace(g["f"]).backward_steps[0]
    assert [float(lg.downstream) for lg in step.locals] == [3.0, 3.0]
    assert float(g["x"].grad) == 6.0
