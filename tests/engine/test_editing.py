"""Editing operations the GUI uses, and forward passes on incomplete or ill-shaped graphs."""

import numpy as np
import pytest

import graphviz_nn as gnn
from graphviz_nn import GraphError


def test_nodes_are_in_topological_order_and_edges_listed(fxyz):
    g, x, y, z, q, f = fxyz
    order = g.nodes
    for src, dst, _ in g.edges:
        assert order.index(src) < order.index(dst)
    assert set(g.edges) == {(x, q, 0), (y, q, 1), (q, f, 0), (z, f, 1)}
    assert g.consumers(q) == [(f, 0)]
    assert g["q"] is q and g.node_by_id(q.id) is q and "q" in g and len(g) == 5


def test_cycle_is_refused_with_a_clear_message(fxyz):
    g, x, y, z, q, f = fxyz
    m = g.add_node("mul", "m")
    g.connect(f, m, 0)
    with pytest.raises(GraphError, match="connecting m → q would make a cycle"):
        g.connect(m, q, 1)
    with pytest.raises(GraphError, match="cycle"):
        g.connect(m, m, 1)
    assert q.inputs == [x, y]   # the refused edit changed nothing


def test_would_cycle_says_in_advance_what_connect_refuses(fxyz):
    g, x, y, z, q, f = fxyz
    m = g.add_node("mul", "m")
    g.connect(f, m, 0)                  # x → q → f → m
    assert g.would_cycle(m, q) and g.would_cycle(f, x) and g.would_cycle(m, m)
    assert not g.would_cycle(x, m) and not g.would_cycle(z, q)
    for src, dst in ((m, q), (m, m)):
        with pytest.raises(GraphError, match="cycle"):
            g.connect(src, dst, 1)
    g.connect(x, m, 1)                  # no loop: connected
    assert m.inputs == [f, x]
    other = gnn.Graph().input("a", 1.0)
    with pytest.raises(GraphError, match="not in this graph"):
        g.would_cycle(other, x)


def test_add_node_connect_disconnect_replace(fxyz):
    g, x, y, z, q, f = fxyz
    s = g.add_node("sub", pos=(10, 20))
    assert s.inputs == [None, None] and s.pos == (10.0, 20.0) and s.name == "sub1"
    g.connect(x, s, 0)
    g.connect(y, s, "b")
    errors = g.forward()
    assert errors == {} and float(s.value) == -7.0
    g.connect(z, s, 1)          # replaces y
    assert s.inputs == [x, z] and (y, s, 1) not in g.edges
    g.disconnect(s, 0)
    assert g.forward() == {s: "missing input on port a"}
    assert s.error == "missing input on port a" and s.value is None
    assert float(f.value) == -12.0   # the rest still computes
    with pytest.raises(GraphError, match="no port 2"):
        g.connect(x, s, 2)
    with pytest.raises(GraphError, match="no input ports"):
        g.connect(x, y, 0)


def test_remove_leaves_ports_unconnected(fxyz):
    g, x, y, z, q, f = fxyz
    g.remove(q)
    assert f.inputs == [None, z] and "q" not in g and q not in g
    errors = g.forward()
    assert errors == {f: "missing input on port a"}


def test_downstream_of_a_broken_node_says_why(fxyz):
    g, x, y, z, q, f = fxyz
    g.disconnect(q, 1)
    errors = g.forward()
    assert errors[q] == "missing input on port b"
    assert "'q'" in errors[f] and "no value" in errors[f]


def test_shape_mismatch_names_both_shapes():
    g = gnn.Graph()
    a, b = g.input("a", np.ones((3, 4))), g.input("b", np.ones((5, 2)))
    m = g.matmul(a, b)
    s = g.add(a, b)
    errors = g.forward()
    assert errors[m] == "shape mismatch: (3, 4) @ (5, 2)"
    assert errors[s] == "shape mismatch: (3, 4) + (5, 2)"


def test_bad_labels_are_reported_not_raised():
    g = gnn.Graph()
    loss = g.softmax_cross_entropy(g.input("z", np.zeros((2, 3))), g.input("y", [0, 3]))
    assert "between 0 and 2" in g.forward()[loss]
    g.set_value(g["y"], [0.5, 1.0])
    assert "integer" in g.forward()[loss]


def test_leaf_without_value_is_reported():
    g = gnn.Graph()
    x = g.add_node("input", "x")
    n = g.neg(x)
    errors = g.forward()
    assert errors[x] == "no value set" and n in errors


def test_rename_keeps_id_and_refuses_duplicates(fxyz):
    g, x, y, z, q, f = fxyz
    old_id = q.id
    g.rename(q, "sum_xy")
    assert g["sum_xy"] is q and q.id == old_id and "q" not in g
    with pytest.raises(GraphError, match="already a node named 'x'"):
        g.rename(q, "x")
    with pytest.raises(GraphError, match="non-empty"):
        g.rename(q, "  ")


def test_set_value_dtypes_and_invalidation(fxyz):
    g, x, y, z, q, f = fxyz
    g.forward()
    g.set_value(x, 1)
    assert x.value.dtype == np.float64 and float(x.value) == 1.0
    assert q.value is None and f.value is None         # stale results are forgotten
    labels = g.input("labels", [1, 0, 2])
    assert labels.value.dtype == np.int64
    g32 = gnn.Graph(dtype="float32")
    assert g32.input("a", [1.5, 2]).value.dtype == np.float32
    with pytest.raises(GraphError, match="only leaves"):
        g.set_value(q, 3.0)
    with pytest.raises(GraphError, match="numbers"):
        g.set_value(x, "abc")
    with pytest.raises(GraphError, match="rectangular"):
        g.set_value(x, [[1, 2], [3]])


def test_attrs_are_checked(fxyz):
    g, x, *_ = fxyz
    with pytest.raises(GraphError, match="unknown op 'conv'"):
        g.add_node("conv")
    with pytest.raises(GraphError, match="no attribute 'beta'"):
        g.add_node("elu", beta=1.0)
    d = g.dropout(x, p=0.2)
    with pytest.raises(GraphError, match=r"\[0, 1\)"):
        g.set_attr(d, "p", 1.0)
    g.set_attr(d, "p", 0.0)
    assert d.attrs["p"] == 0.0
    with pytest.raises(GraphError, match="axis"):
        g.sum(x, axis="rows")


def test_backward_before_forward_is_a_clear_error(fxyz):
    g, *_, f = fxyz
    with pytest.raises(GraphError, match="run forward first"):
        g.backward(f)


def test_backward_wrt_skips_nodes_that_do_not_need_a_gradient(fxyz):
    g, x, y, z, q, f = fxyz
    g.forward()
    g.backward(f, wrt=[z])
    assert float(z.grad) == 3.0 and x.grad is None and q.grad is None


def test_copy_is_independent(fxyz):
    g, x, *_ = fxyz
    c = g.copy()
    c.set_value(c["x"], 10.0)
    c.rename(c["q"], "qq")
    assert float(x.value) == -2.0 and "q" in g
    assert [n.id for n in c.nodes] == [n.id for n in g.nodes]


def test_backward_through_an_unconnected_port_is_a_clear_error(fxyz):
    g, x, y, z, q, f = fxyz
    g.forward()
    g.disconnect(q, 1)
    with pytest.raises(GraphError, match="has an unconnected port|no value"):
        g.backward(f)


def test_backward_of_a_leaf_and_of_an_unreachable_wrt(fxyz):
    g, x, y, z, q, f = fxyz
    g.forward()
    g.backward(x)
    assert float(x.grad) == 1.0 and f.grad is None
    g.backward(q, wrt=[z])
    assert float(q.grad) == 1.0 and z.grad is None


def test_loss_shape_errors_name_the_ports():
    g = gnn.Graph()
    m = g.mse(g.input("p", np.ones((2, 3))), g.input("t", np.ones((3, 2))))
    ce = g.softmax_cross_entropy(g.input("z", [1.0, 2.0]), g.input("y", [0, 1]))
    one = g.softmax_cross_entropy(g.input("z1", [1.0, 2.0]), g.input("y1", 1))
    errors = g.forward()
    assert errors[m].startswith("shape mismatch: pred (2, 3), target (3, 2)")
    assert "one integer" in errors[ce]
    assert one not in errors and float(one.value) == pytest.approx(np.log1p(np.exp(-1.0)))
