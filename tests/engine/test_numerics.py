"""NaN and inf are traced to the first node that made them, with what happened in words; integer
arithmetic never wraps around."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphviz_nn as gnn
from graphviz_nn.numerics import finite, grad_problems, value_problems


@pytest.mark.parametrize("text, values, node, message", [
    ("f = log(x) * 2 + y", dict(x=-1.0, y=1.0), "log1",
     "log of a negative number gives nan (log(-1))"),
    ("f = log(x) + y", dict(x=0.0, y=1.0), "log1", "log of 0 gives -inf"),
    ("f = exp(x) + y", dict(x=800.0, y=1.0), "exp1",
     "exp overflowed to inf: exp(800) is above 1.8e+308, the largest float64"),
    ("f = x / y + 1", dict(x=1.0, y=0.0), "div1", "division by 0 gives inf"),
    ("f = x / y - 1", dict(x=0.0, y=0.0), "div1", "0 / 0 gives nan"),
    ("f = (x ** 0.5) * y", dict(x=-4.0, y=1.0), "pow1",
     "a negative number to the power 0.5 gives nan ((-4) ** 0.5)"),
    ("f = x * y * 1e300 + 1", dict(x=1e300, y=2.0), "mul2",
     "the product overflowed to inf: it is beyond ±1.8e+308, the largest float64"),
])
def test_the_first_node_that_made_a_non_finite_value_is_named_with_what_happened(
        text, values, node, message):
    g = gnn.parse(text, **values)
    trace = g.trace(g.output)
    assert not math.isfinite(float(g.output.value))          # it spread to the output ...
    assert {n.name: w for n, w in trace.value_warnings.items()} == {node: message}  # ... once


def test_a_leaf_that_holds_nan_is_where_it_started():
    g = gnn.Graph()
    x = g.input("x", [1.0, np.nan, np.inf])
    g.output = g.sum(g.exp(x), name="s")
    g.forward()
    assert value_problems(g) == {x: "this value holds nan (2 of 3 numbers)"}


def test_tensors_say_how_many_numbers():
    g = gnn.Graph()
    x = g.input("x", [-1.0, 2.0, -3.0, 0.5])
    lg = g.log(x, name="lg")
    g.forward()
    assert value_problems(g) == {lg: "log of a negative number gives nan (log(-1)) "
                                     "(2 of 4 numbers)"}


def test_a_gradient_that_becomes_inf_is_named_where_it_did():
    g = gnn.parse("f = x ** 0.5 + y", x=0.0, y=1.0)     # the value 0 is fine, its slope is not
    trace = g.trace(g.output)
    assert trace.value_warnings == {}
    assert {n.name: w for n, w in trace.grad_warnings.items()} == {
        "pow1": "gradient became inf here (sent to x): the local derivative "
                "∂(xᵖ)/∂x = p·xᵖ⁻¹  (p = 0.5) is inf at x = 0"}
    assert math.isinf(float(g["x"].grad))


def test_finite_gradients_that_add_up_to_inf_are_named_where_they_meet():
    g = gnn.parse("f = x * a + x * b", x=1.0, a=1e308, b=1e308)
    g.forward()
    g.backward(g.output)
    assert grad_problems(g) == {g["x"]: "gradient became inf here: the gradients arriving add "
                                        "up to more than the largest float64"}


def test_diagnose_merges_values_and_gradients():
    g = gnn.parse("f = x ** 0.5 + log(y)", x=0.0, y=-1.0)
    g.forward()
    g.backward(g.output)
    found = {n.name: w for n, w in g.diagnose().items()}
    assert found["log1"].startswith("log of a negative number")
    assert found["pow1"].startswith("gradient became inf here")


def test_finite_graphs_have_nothing_to_say():
    g = gnn.parse("f = sigmoid(w0 * x0 + w1 * x1 + w2)", w0=2, x0=-1, w1=-3, x1=-2, w2=-3)
    trace = g.trace(g.output)
    assert trace.value_warnings == {} and trace.grad_warnings == {} and g.diagnose() == {}


def test_integer_arithmetic_never_wraps_around():
    g = gnn.Graph()
    n = g.input("n", np.array([2 ** 62, 2 ** 62]))          # int64 labels-style data
    s = g.add(n, n, name="s")
    total = g.sum(g.mul(n, n), name="total")
    g.forward()
    assert s.value.dtype == np.float64 and (s.value == 2.0 ** 63).all()   # not -2**63
    assert float(total.value) == pytest.approx(2 * 2.0 ** 124)
    assert n.value.dtype == np.int64                           # the leaf keeps its integers


def test_labels_stay_integers_for_the_loss():
    g = gnn.Graph()
    z = g.input("z", [[2.0, 0.0], [0.0, 3.0]])
    y = g.input("y", np.array([0, 1]))
    loss = g.softmax_cross_entropy(z, y, name="loss")
    g.forward()
    g.backward(loss)
    assert float(loss.value) == pytest.approx(
        -(np.log(np.exp(2) / (np.exp(2) + 1)) + np.log(np.exp(3) / (np.exp(3) + 1))) / 2)
    assert y.grad is None or not np.any(y.grad)


def test_finite_is_exact_even_when_the_sum_overflows():
    assert finite(np.array([1e308, 1e308]))
    assert not finite(np.array([1.0, np.nan]))
    assert finite(np.array([2 ** 62] * 4))


UNARY = ["exp", "log", "neg", "sigmoid", "tanh", "relu", "sum", "mean"]
BINARY = ["add", "sub", "mul", "div"]
EXTREMES = st.sampled_from([0.0, -0.0, 1.0, -1.0, 1e-310, 710.0, -710.0, 1e308, -1e308,
                            np.nan, np.inf, -np.inf, 3.5])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EXTREMES, min_size=3, max_size=3),
       st.lists(st.tuples(st.sampled_from(UNARY + BINARY), st.integers(0, 99),
                          st.integers(0, 99)), min_size=1, max_size=8))
def test_every_non_finite_value_has_a_named_first_node_upstream(leaves, ops):
    g = gnn.Graph()
    nodes = [g.input(f"x{i}", v) for i, v in enumerate(leaves)]
    for op, i, j in ops:
        a, b = nodes[i % len(nodes)], nodes[j % len(nodes)]
        nodes.append(g._op(op, (a, b) if op in BINARY else (a,), None))
    g.forward()
    g.backward(nodes[-1])
    flagged = value_problems(g)
    for node in g.nodes:
        if node.value is not None and not finite(node.value):
            upstream = nx.ancestors(g._nx, node.id) | {node.id}
            assert any(f.id in upstream for f in flagged), node
    for node, why in flagged.items():
        assert why and all(finite(i.value) for i in node.inputs)
    assert all(why.startswith("gradient became") for why in grad_problems(g).values())
