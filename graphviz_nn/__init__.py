"""graphviz_nn: neural networks as computational graphs you can step through.

    import graphviz_nn as gnn
    g = gnn.Graph()
    x, y, z = g.input("x", -2.0), g.input("y", 5.0), g.input("z", -4.0)
    f = g.mul(g.add(x, y, name="q"), z, name="f")
    g.forward(); g.backward(f)      # f.value == -12, x.grad == -4

The engine is numpy + networkx only; it never imports Qt.
"""

from .graph import Graph
from .node import GraphError, Node
from .ops import OPS, OpSpec
from .trace import BackwardStep, ForwardStep, LocalGrad, Trace

__all__ = ["OPS", "BackwardStep", "ForwardStep", "Graph", "GraphError", "LocalGrad", "Node",
           "OpSpec", "Trace", "gradcheck", "load", "parse"]


def __getattr__(name: str):
    # parse, load and gradcheck arrive in later modules; imported on first use
    if name == "parse":
        from .parse import parse
        return parse
    if name == "load":
        from .io import load
        return load
    if name == "gradcheck":
        from .gradcheck import gradcheck
        return gradcheck
    raise AttributeError(f"module 'graphviz_nn' has no attribute {name!r}")
