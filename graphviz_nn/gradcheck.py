"""Check analytic gradients against central differences: ``gradcheck`` for a whole graph,
``numeric_grad`` for chosen elements of one leaf."""

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
        size = leaf.value.size
        picked = np.arange(size)
        if max_per_leaf is not None and size > max_per_leaf:
            picked = np.sort(np.random.default_rng(0).choice(size, max_per_leaf, False))
        analytic = analytic.reshape(-1)[picked]
        num = numeric_grad(g, out, leaf, picked, eps=eps, rng_state=state)
        scale = np.maximum(1.0, np.maximum(np.abs(analytic), np.abs(num)))
        err = np.abs(analytic - num) / scale
        if err.size:
            worst = max(worst, float(np.nan_to_num(err, nan=np.inf).max()))
    return worst


def numeric_grad(graph, output: Node, leaf: Node, indices: Iterable[int] | None = None,
                 eps: float = 1e-6, rng_state: dict | None = None) -> np.ndarray:
    """Central differences ``(L(v + eps) − L(v − eps)) / 2·eps`` of ``L = sum(output)`` with
    respect to chosen elements of ``leaf``'s value, as a float64 array.

    ``indices`` are flat (row-major) indices into the value; None takes every element. The
    passes run on ``graph`` itself, in its own dtype: each element is nudged in place and put
    back, so the graph ends with the values it had (its computed values are those of the last
    nudged pass: run ``forward`` again to see the originals). Before every pass the graph's
    random generator restarts at ``rng_state`` (default: its state at the call), so dropout
    draws the same mask each time. A pass in which ``output`` gets no value gives nan.
    """
    graph._own(output)
    graph._own(leaf)
    if not leaf.is_leaf or leaf.value is None or leaf.value.dtype.kind != "f":
        raise GraphError(f"{leaf.name}: only a leaf holding floats can be nudged")
    value = leaf.value
    state = graph.rng.bit_generator.state if rng_state is None else rng_state
    picked = np.arange(value.size) if indices is None else np.asarray(list(indices), dtype=int)

    def total() -> float:
        graph.rng.bit_generator.state = state
        graph.forward()
        return np.nan if output.value is None else float(np.sum(output.value))

    num = np.empty(len(picked))
    for k, i in enumerate(picked):
        idx = np.unravel_index(int(i), value.shape) if value.ndim else ()
        old = value[idx]
        value[idx] = old + eps
        up = total()
        value[idx] = old - eps
        down = total()
        value[idx] = old
        num[k] = (up - down) / (2 * eps)
    return num
