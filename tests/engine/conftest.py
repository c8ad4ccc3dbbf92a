"""Fixtures shared by the engine tests."""

import pytest

import graphviz_nn as gnn


@pytest.fixture
def fxyz():
    """The lecture's f = (x + y)·z with x = −2, y = 5, z = −4: (graph, x, y, z, q, f)."""
    g = gnn.Graph()
    x, y, z = g.input("x", -2.0), g.input("y", 5.0), g.input("z", -4.0)
    q = g.add(x, y, name="q")
    f = g.mul(q, z, name="f")
    return g, x, y, z, q, f
