"""The expression bar's builder: text -> Graph, or a message saying what is wrong."""

from __future__ import annotations

import graphviz_nn as gnn

DEFAULT_LEAF_VALUE = 1.0


def build_expression(text: str, current=None) -> tuple[gnn.Graph | None, str | None]:
    """Parse ``text``; leaves without a value keep the value of a same-named leaf of
    ``current`` (so retyping an expression keeps x = -2), else get 1. Returns (graph, error)."""
    text = (text or "").strip()
    if not text:
        return None, "Type an expression such as  f = (x + y) * z"
    try:
        g = gnn.parse(text)
    except (gnn.GraphError, ValueError, TypeError) as exc:
        return None, f"Cannot build this expression: {exc}"
    if g.output is None or len(g) == 0:
        return None, "The expression computes nothing; write  name = expression"
    for node in g.nodes:
        if node.is_leaf and node.value is None:
            value = DEFAULT_LEAF_VALUE
            if current is not None and node.name in current:
                old = current[node.name]
                if old.is_leaf and old.value is not None:
                    value = old.value
            try:
                g.set_value(node, value)
            except (gnn.GraphError, ValueError):
                g.set_value(node, DEFAULT_LEAF_VALUE)
    return g, None
