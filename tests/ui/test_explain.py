"""The inspector's facts about a node: a tensor's value and gradient come with their mean,
min and max, written as the node's tooltip writes them; small values show their numbers."""

from __future__ import annotations

import numpy as np

import graphviz_nn as gnn
from ui.explore.explain import node_lines


def _graph():
    g = gnn.Graph()
    w = g.input("w", np.array([[-1.0, 0.0], [2.0, 3.0]]))
    s = g.sum(w, name="s")
    g.forward()
    g.backward(s)
    return g, w, s


def test_a_tensor_shows_its_mean_min_and_max():
    g, w, s = _graph()
    lines = node_lines(w, w.value, w.grad, "s")
    value = next(line for line in lines if line.startswith("value"))
    assert "[2×2]" in value and "mean 1" in value and "min -1" in value and "max 3" in value
    grad = next(line for line in lines if line.startswith("grad"))
    assert "∂s/∂w" in grad and "mean 1" in grad and "min 1" in grad and "max 1" in grad


def test_a_scalar_shows_its_number_without_statistics():
    g, w, s = _graph()
    lines = node_lines(s, s.value, s.grad, "s")
    value = next(line for line in lines if line.startswith("value"))
    assert value == "value 4"
