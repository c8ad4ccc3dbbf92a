"""A forward pass never allocates more than its bounds: a broadcast or matrix product too big
for one value is refused before numpy makes it, and a pass stops once its values are full; the
nodes left say why."""

from __future__ import annotations

import numpy as np

import graphviz_nn as gnn
from graphviz_nn import passes


def test_a_huge_broadcast_or_product_is_refused_before_it_is_made():
    g = gnn.Graph()
    row, col = g.input("row", np.ones((1, 30000))), g.input("col", np.ones((30000, 1)))
    outer = g.add(row, col, name="outer")            # 900 million numbers from 60,000
    product = g.matmul(col, row, name="product")
    dot = g.matmul(row, col, name="dot")             # (1, 1): fine
    errors = g.forward()
    for node in (outer, product):
        assert errors[node] == ("the result would hold 900,000,000 numbers (shape (30000, "
                                "30000)); one value holds at most 67,108,864")
        assert node.value is None
    assert dot.value.item() == 30000.0


def test_a_pass_stops_once_its_values_are_full(monkeypatch):
    monkeypatch.setattr(passes, "MAX_PASS_ELEMENTS", 2500)
    g = gnn.Graph()
    x = g.input("x", np.ones(1000))
    a = g.exp(x, name="a")
    b = g.exp(a, name="b")
    c = g.exp(b, name="c")                           # 3,000 numbers made before it
    d = g.exp(c, name="d")
    errors = g.forward()
    assert a.value is not None and b.value is not None and c.value is not None
    assert errors[d].startswith("not computed: this forward pass already made 3,000 numbers")
