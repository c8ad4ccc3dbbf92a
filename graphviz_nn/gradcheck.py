"""Check analytic gradients against central differences."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .node import GraphError, Node


def gradcheck(graph, output: Node, eps: float = 1e-6,
              wrt: Iterable[Node] | None = None, max_per_leaf: int | None = 1000) -> float:
    """Max error between backward's gradients and central differences.

    Works on a float64 copy, so ``graph`` is left as it was. The error of one element is
    ``|analytic − numeric| / max(1, |analytic|, |numeric|)`` (relative for large gradients,
    absolute for small ones); the result is the maximum over every float leaf element (or over
    the leaves in ``wrt``). A non-scalar output counts as the sum of its elements; dropout
    draws the same mask on every pass. Leaves larger than ``max_per_leaf`` elements are checked
    on that many elements picked at random (with a fixed seed); None checks every element.
    """
    graph._own(output)
    g = graph.copy(dtype="float64")
    out = g.node_by_id(output.id)
    if wrt is None:
        leaves = [n for n in g.nodes if n.is_leaf]
    else:
        leaves = [g.node_by_id(graph._own(n).id) for n in wrt]
    leaves = [n for n in leaves if n.value is not None and n.value.dtype.kind == "f"]
    state = g.rng.bit_generator.state

    def run() -> float:
        g.rng.bit_generator.state = state
        errors = g.forward()
        if out.value is None:
            raise GraphError(f"cannot check {out.name}: {errors.get(out, 'no value')}")
        return float(np.sum(out.value))

    run()
    g.backward(out)
    analytics = [np.zeros_like(n.value) if n.grad is None else n.grad.copy() for n in leaves]
    worst = 0.0
    for leaf, analytic in zip(leaves, analytics, strict=True):
        flat = leaf.value.reshape(-1)       # a view: perturb in place, restore after
        picked = np.arange(flat.size)
        if max_per_leaf is not None and flat.size > max_per_leaf:
            picked = np.sort(np.random.default_rng(0).choice(flat.size, max_per_leaf, False))
        analytic = analytic.reshape(-1)[picked]
        num = np.zeros(len(picked))
        for k, i in enumerate(picked):
            old = flat[i]
            flat[i] = old + eps
            up = run()
            flat[i] = old - eps
            down = run()
            flat[i] = old
            num[k] = (up - down) / (2 * eps)
        scale = np.maximum(1.0, np.maximum(np.abs(analytic), np.abs(num)))
        err = np.abs(analytic - num) / scale
        if err.size:
            worst = max(worst, float(np.nan_to_num(err, nan=np.inf).max()))
    return worst
