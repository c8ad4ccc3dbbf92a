"""Which node of a graph is differentiated: the one a person chose, else the graph's sink.

One rule for the window (the controller), ``graphviz-nn render`` and the code exports, so a
file shows and exports the same gradients everywhere.
"""

from __future__ import annotations

import numpy as np

from .node import Node


def sinks(graph) -> list[Node]:
    """The nodes that compute (no leaf) and that nothing consumes, in topological order."""
    return [n for n in graph.nodes if not n.is_leaf and not graph.consumers(n)]


def pick_output(graph) -> Node | None:
    """The node to differentiate when nobody chose one: the graph's sink. Among several sinks:
    a loss, then one that computes, then a scalar, then the one that uses most of the graph,
    then the newest. A function of the graph alone (its last forward pass included), so an
    undo brings back the same output."""
    found = sinks(graph)
    if len(found) < 2:
        return found[0] if found else None

    upstream = _upstream_counts(graph)

    def rank(n):
        computes = n.value is not None and n.error is None
        return (n.spec.category == "Losses", computes, computes and np.size(n.value) == 1,
                upstream[n.id], n.id)

    return max(found, key=rank)


def default_output(graph) -> Node | None:
    """The node a person chose (``graph.chosen_output``, while it exists and computes), else
    the graph's sink (:func:`pick_output`; with several sinks a forward pass runs first, as
    which of them compute decides)."""
    if graph.chosen_output is not None:
        try:
            chosen = graph.node_by_id(graph.chosen_output)
        except (KeyError, ValueError):
            chosen = None           # deleted: the sink, until an undo brings it back
        if chosen is not None and not chosen.is_leaf:
            return chosen
    if len(sinks(graph)) > 1:
        graph.forward()
    return pick_output(graph)


def _upstream_counts(graph) -> dict[int, int]:
    """How many nodes each node depends on (one pass in topological order, the sets of
    ancestors as bits of Python ints: fast for 10,000 nodes)."""
    bit = {n.id: 1 << i for i, n in enumerate(graph.nodes)}
    above: dict[int, int] = {}
    for n in graph.nodes:
        acc = 0
        for src in n.inputs:
            if src is not None:
                acc |= above[src.id] | bit[src.id]
        above[n.id] = acc
    return {nid: a.bit_count() for nid, a in above.items()}
