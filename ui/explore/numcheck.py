"""'Check numerically': each node's gradient against central differences.

For a leaf, its value is nudged directly. For an inner node, a copy of the graph feeds a
constant holding that node's value to its consumers instead, and the constant is nudged. The
central differences are the engine's (``graphviz_nn.gradcheck.numeric_grad``). A few sampled
elements per node keep this fast on big tensors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graphviz_nn.gradcheck import numeric_grad


@dataclass
class NodeCheck:
    node: int                 # node id
    name: str
    ok: bool
    max_rel_error: float
    checked: int              # how many elements were compared


def _tolerances(dtype) -> tuple[float, float, float]:
    """(eps, relative tolerance, absolute tolerance) for the graph's float type."""
    if np.dtype(dtype) == np.float32:
        return 1e-3, 5e-2, 1e-3
    return 1e-6, 1e-4, 1e-7


def check_graph(graph, output, samples: int = 6, seed: int = 0,
                grads: dict[int, np.ndarray] | None = None) -> list[NodeCheck]:
    """Compare each node's gradient (``grads[id]``, else ``node.grad`` after a backward pass
    to ``output``) with central differences on copies of ``graph``.

    With ``grads`` given, ``graph`` can be a private copy and this can run on a worker thread.
    """
    state = graph.rng.bit_generator.state
    dropout = graph.training and any(n.op == "dropout" for n in graph.nodes)
    if dropout:
        # the masks behind the given gradients cannot be drawn again: take the gradients of
        # one draw, and draw those same masks on every nudged pass below
        graph.forward()
        graph.backward(output)
        grads = {n.id: n.grad for n in graph.nodes}
    elif grads is None:
        if output.grad is None:
            graph.backward(output)
        grads = {n.id: n.grad for n in graph.nodes}
    else:
        graph.forward()     # a fresh copy holds only the leaves' values
    eps, rtol, atol = _tolerances(graph.dtype)
    rng = np.random.default_rng(seed)
    results = []
    for node in graph.nodes:
        if node.id == output.id or grads.get(node.id) is None or node.value is None:
            continue
        if np.asarray(node.value).dtype.kind != "f" or node.op == "dropout":
            continue
        probe = graph.copy()
        probe.training = graph.training
        target = probe.node_by_id(node.id)
        if not target.is_leaf:
            const = probe.add_node("const", name="__probe__", value=np.array(node.value, copy=True))
            for consumer, port in probe.consumers(target):
                probe.connect(const, consumer, port)
            target = const
        out = probe.node_by_id(output.id)
        grad = np.asarray(grads[node.id], dtype=float)
        size = np.size(node.value)
        picks = np.arange(size) if size <= samples else rng.choice(size, samples, replace=False)
        numeric = numeric_grad(probe, out, target, picks, eps=eps, rng_state=state)
        shape = np.shape(node.value)
        analytic = grad.reshape(-1)[picks] if grad.shape == shape else np.full(len(picks), np.nan)
        diff = np.abs(analytic - numeric)
        rel = diff / np.maximum(np.abs(analytic) + np.abs(numeric), 1e-12)
        worst = float(np.where(np.isfinite(rel), rel, np.inf).max(initial=0.0))
        bad = bool(np.any(~np.isfinite(diff) | ((diff > atol) & (rel > rtol))))
        results.append(NodeCheck(node.id, node.name, not bad, worst, len(picks)))
    return results


def snapshot(graph, output) -> tuple:
    """What a worker thread needs: a private copy, its output, and the gradients to check."""
    copy = graph.copy()
    grads = {n.id: None if n.grad is None else np.array(n.grad, copy=True) for n in graph.nodes}
    return copy, copy.node_by_id(output.id), grads


def work_size(graph) -> int:
    """Elements in all values: a rough measure of how long a check takes."""
    return int(sum(np.size(n.value) for n in graph.nodes if n.value is not None))
