"""numeric_grad: central differences of chosen elements of one leaf, the numbers the app's
'Check numerically' compares with backward's gradients."""

from __future__ import annotations

import numpy as np
import pytest

import graphviz_nn as gnn
from graphviz_nn import GraphError
from graphviz_nn.gradcheck import numeric_grad


def test_cs231n_gradients_by_central_differences():
    g = gnn.parse("f = (x + y) * z", x=-2, y=5, z=-4)
    f = g["f"]
    assert numeric_grad(g, f, g["x"]) == pytest.approx([-4.0])
    assert numeric_grad(g, f, g["z"]) == pytest.approx([3.0])


def test_chosen_elements_of_a_tensor_and_the_values_are_put_back():
    g = gnn.Graph()
    w = g.param("w", np.arange(12.0).reshape(3, 4) - 5.0)
    before = w.value.copy()
    loss = g.sum(g.mul(w, w), name="L")                  # ∂L/∂w = 2w
    num = numeric_grad(g, loss, w, indices=[0, 5, 11])
    assert num == pytest.approx(2 * before.reshape(-1)[[0, 5, 11]], rel=1e-6)
    assert np.array_equal(w.value, before)
    assert len(numeric_grad(g, loss, w)) == 12          # None: every element


def test_every_nudged_pass_draws_the_same_dropout_mask():
    g = gnn.Graph(seed=3)
    w = g.param("w", np.linspace(0.5, 2.0, 8))
    d = g.dropout(w, 0.5, name="d")
    loss = g.sum(d, name="L")
    state = g.rng.bit_generator.state
    g.forward()
    kept = d.value / w.value                            # 0 where dropped, 2 where kept
    assert set(np.round(kept, 6)) == {0.0, 2.0}
    assert numeric_grad(g, loss, w, rng_state=state) == pytest.approx(kept, abs=1e-6)


def test_only_a_float_leaf_can_be_nudged():
    g = gnn.Graph()
    x, y = g.input("x", 1.0), g.input("y", 2.0)
    q = g.add(x, y, name="q")
    with pytest.raises(GraphError, match="q"):
        numeric_grad(g, q, q)
