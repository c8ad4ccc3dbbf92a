"""Hypothesis builds random graphs; every gradient must match central differences."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphviz_nn as gnn

UNARY = ["neg", "tanh", "sigmoid", "softmax", "elu", "square", "exp_tanh"]
BINARY = ["add", "sub", "mul", "matmul", "div_soft"]


@st.composite
def graphs(draw):
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    g = gnn.Graph()
    nodes = []
    for i in range(draw(st.integers(1, 3))):
        shape = draw(st.sampled_from([(), (3, 3)]))
        nodes.append(g.input(f"x{i}", rng.uniform(-1, 1, size=shape)))
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            a = draw(st.sampled_from(nodes))
            op = draw(st.sampled_from(UNARY))
            if op == "square":
                n = g.pow(a, 2.0)
            elif op == "exp_tanh":
                n = g.exp(g.tanh(a))
            elif op == "softmax" and a.value is not None and np.ndim(a.value) == 0:
                n = g.sigmoid(a)
            else:
                n = g._op(op, (a,), None)
        else:
            a, b = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))  # may be equal
            op = draw(st.sampled_from(BINARY))
            if op == "matmul" and (np.ndim(a.value) == 0 or np.ndim(b.value) == 0):
                op = "mul"
            if op == "div_soft":           # a / (1 + b²): never divides by ~0
                n = g.div(a, g.add(1.0, g.pow(b, 2.0)))
            else:
                n = g._op(op, (a, b), None)
        g.forward()
        nodes.append(n)
    out = g.sum(g.tanh(nodes[-1]), name="out")  # tanh keeps the output's scale moderate
    return g, out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_random_graph_gradients_match_central_differences(case):
    g, out = case
    assert g.forward() == {}
    assert gnn.gradcheck(g, out) < 1e-5


SHAPES = [(), (2,), (3,), (2, 3), (3, 2), (2, 2)]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_random_edits_never_make_forward_raise(data):
    """Whatever a user wires up, forward reports per node instead of raising."""
    from graphviz_nn import OPS, GraphError
    g = gnn.Graph()
    ops = sorted(OPS)
    for _ in range(data.draw(st.integers(1, 12))):
        op = data.draw(st.sampled_from(ops))
        if OPS[op].is_leaf:
            shape = data.draw(st.sampled_from(SHAPES))
            value = data.draw(st.sampled_from([np.ones(shape), np.zeros(shape, int), None]))
            g.add_node(op, value=value)
        else:
            node = g.add_node(op)
            for port in range(len(OPS[op].ports)):
                if data.draw(st.booleans()):
                    try:
                        g.connect(data.draw(st.sampled_from(g.nodes)), node, port)
                    except GraphError:
                        pass            # a cycle: refused with a message
    errors = g.forward()
    for node in g.nodes:
        if node in errors:
            assert isinstance(errors[node], str) and errors[node] and node.value is None
        else:
            assert isinstance(node.value, np.ndarray)
