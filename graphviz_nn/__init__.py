"""graphviz_nn: neural networks as computational graphs you can step through.

    import graphviz_nn as gnn
    g = gnn.Graph()
    x, y, z = g.input("x", -2.0), g.input("y", 5.0), g.input("z", -4.0)
    f = g.mul(g.add(x, y, name="q"), z, name="f")
    g.forward(); g.backward(f)      # f.value == -12, x.grad == -4

The engine is numpy + networkx only; it never imports Qt.
"""

from .gradcheck import gradcheck
from .graph import Graph
from .io import load
from .node import GraphError, Node
from .ops import OPS, OpSpec
from .parse import ParseError, parse
from .trace import BackwardStep, ForwardStep, LocalGrad, Trace

__all__ = ["OPS", "BackwardStep", "ForwardStep", "Graph", "GraphError", "LocalGrad", "Node",
           "OpSpec", "ParseError", "Trace", "gradcheck", "load", "parse"]
