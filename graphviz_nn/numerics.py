"""Where a value or a gradient first stopped being a number (NaN, inf or −inf), and why.

NaN and inf spread: once one node makes one, every node after it shows one too, and a learner
sees a canvas full of ``nan`` with no word of where it started. These functions look at the
values and gradients a pass left on the graph and name only the *first* node of each chain,
the one whose own inputs were all finite, with what happened there in words:

    log of a negative number gives nan (log(-1))
    exp overflowed to inf: exp(800) is above 1.8e+308, the largest float64
    gradient became inf here: the local derivative ∂(xᵖ)/∂x = p·xᵖ⁻¹ is inf at x = 0

They read what ``forward`` and ``backward`` stored and run after them (``Graph.diagnose``, the
trace), so the passes themselves pay nothing for it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from .messages import say

if TYPE_CHECKING:
    from .graph import Graph
    from .node import Node


def finite(a) -> bool:
    """True when every number of ``a`` is finite (integers always are)."""
    if type(a) is not np.ndarray:
        a = np.asarray(a)
    if a.dtype.kind != "f":
        return True
    if a.size == 1:
        return math.isfinite(a.item())
    with np.errstate(all="ignore"):
        s = a.sum()                     # fast; inf/nan if any element is (or the sum overflows)
    return bool(np.isfinite(s)) or bool(np.isfinite(a).all())


def _kind(a: np.ndarray) -> str:
    if np.isnan(a).any():
        return "nan"
    return "-inf" if (np.isneginf(a).any() and not np.isposinf(a).any()) else "inf"


def _count(a: np.ndarray) -> str:
    if a.size <= 1:
        return ""
    return say("count", bad=f"{int((~np.isfinite(a)).sum()):,}", size=f"{a.size:,}")


def _num(v) -> str:
    return format(float(v), ".4g")


def _first(x: np.ndarray, mask: np.ndarray):
    """The first element of ``x`` (broadcast to ``mask``) where ``mask`` holds."""
    x = np.broadcast_to(x, mask.shape)
    return x[np.unravel_index(int(np.argmax(mask)), mask.shape)] if mask.ndim else x[()]


def _bad_values(graph: Graph) -> set[int]:
    """Ids of the nodes whose value holds NaN or ±inf."""
    return {n.id for n in graph.nodes if n.value is not None and not finite(n.value)}


def value_problems(graph: Graph, bad: set[int] | None = None) -> dict[Node, str]:
    """``{node: why}`` for every node whose value holds NaN or ±inf although all its inputs are
    finite: where a non-finite value first appeared (a leaf set to one counts too).
    ``bad``: the ids of the non-finite values, if known already."""
    found: dict[Node, str] = {}
    bad = _bad_values(graph) if bad is None else bad
    for node in graph.nodes:
        if node.id not in bad:
            continue
        v = node.value
        if any(i is not None and i.id in bad for i in node.inputs):
            continue                                    # it came from upstream
        v = np.asarray(v)
        if node.is_leaf:
            found[node] = say("leaf_nonfinite", kind=_kind(v), count=_count(v))
        else:
            found[node] = _explain(node, [np.asarray(i.value) for i in node.inputs], v,
                                   _count(v))
    return found


def _explain(node: Node, xs: list[np.ndarray], out: np.ndarray, count: str) -> str:
    """What made ``out`` non-finite from finite ``xs``, in words (``count`` added)."""
    msg = _explain_value(node, xs, out)
    return say("value_and_count", value=msg, count=count) if count else msg


def _explain_value(node: Node, xs: list[np.ndarray], out: np.ndarray) -> str:
    kind, op = _kind(out), node.op
    dtype = out.dtype if out.dtype.kind == "f" else np.dtype("float64")
    big = say("largest", max=f"{float(np.finfo(dtype).max):.2g}", dtype=str(dtype))
    with np.errstate(all="ignore"):
        if op == "log":
            x = xs[0]
            if (x < 0).any():
                return say("log_negative", x=_num(_first(x, x < 0)))
            return say("log_zero")
        if op == "exp":
            x = xs[0]
            return say("exp_overflow", x=_num(x.max()), big=big)
        if op == "div":
            a, b = xs
            zero = np.broadcast_to(b == 0, out.shape)
            if (zero & (np.broadcast_to(a, out.shape) == 0)).any():
                return say("zero_by_zero")
            if zero.any():
                return say("division_by_zero", kind=kind)
            return say("division_overflow", kind=kind, big=big)
        if op == "pow":
            x, p = xs[0], node.attrs.get("p", 2.0)
            if p != int(p) and (x < 0).any():
                return say("pow_negative", p=f"{p:g}", x=_num(_first(x, x < 0)))
            if p < 0 and (x == 0).any():
                return say("pow_zero_negative", p=f"{p:g}")
            return say("pow_overflow", kind=kind, p=f"{p:g}", big=big)
    if op in ("add", "sub", "mul", "matmul", "sum", "mean", "mse"):
        what = say(f"what_{op}")
        if kind == "nan":
            return say("overflow_nan", what=what, big=big)
        return say("overflow", what=what, kind=kind, big=big)
    return say("op_nonfinite", op=op, kind=kind, big=big)


def grad_problems(graph: Graph, bad: set[int] | None = None) -> dict[Node, str]:
    """``{node: why}`` where the last backward pass's gradient first became NaN or ±inf: the
    node sent a non-finite gradient to an input although its own value, inputs and incoming
    gradient were finite, or the finite gradients arriving at it summed to a non-finite one.
    (Gradients that are non-finite because a value already was are the value's problem.)
    ``bad``: the ids of the non-finite values, if known already."""
    found: dict[Node, str] = {}
    edges = graph._edge_grads
    bad = _bad_values(graph) if bad is None else bad
    for node in reversed(graph.nodes):
        g = node.grad
        if g is None or node.value is None or node.id in bad:
            continue
        if not finite(g):
            arriving = [edges.get((c.id, port)) for c, port in graph.consumers(node)]
            arriving = [e for e in arriving if e is not None]
            if arriving and all(finite(e) for e in arriving):
                found[node] = say("grad_sum_overflow", kind=_kind(np.asarray(g)),
                                  dtype=str(np.asarray(g).dtype))
            continue
        if node.is_leaf or any(i is None or i.value is None or i.id in bad for i in node.inputs):
            continue
        xs = [i.value for i in node.inputs]
        for port, inp in enumerate(node.inputs):
            e = edges.get((node.id, port))
            if e is not None and not finite(e):
                found[node] = _explain_grad(node, port, inp, xs, np.asarray(e))
                break
    return found


def _explain_grad(node: Node, port: int, inp: Node, xs: list, e: np.ndarray) -> str:
    spec = node.spec
    local = None
    if spec.local_fn is not None:
        with np.errstate(all="ignore"):
            try:
                local = spec.local_fn(xs, node.value, node)[port]
            except Exception:  # noqa: BLE001 - only an explanation; the gradient is the fact
                local = None
    names = [i.name if i is not None else None for i in node.inputs]
    rule = spec.local_rule(port, names, node.attrs) if port < len(spec.local) else ""
    if local is not None and not finite(local):
        local = np.asarray(local)
        x = np.broadcast_to(xs[port], local.shape) if local.shape else xs[port]
        at = _num(_first(x, ~np.isfinite(local)))
        return say("grad_local", kind=_kind(e), name=inp.name, rule=rule,
                   local_kind=_kind(local), at=at)
    return say("grad_overflow", kind=_kind(e), name=inp.name, rule=rule, count=_count(e))


def problems(graph: Graph) -> tuple[dict[Node, str], dict[Node, str]]:
    """``(value_problems, grad_problems)``, the values checked once for both."""
    bad = _bad_values(graph)
    return value_problems(graph, bad), grad_problems(graph, bad)


def diagnose(graph: Graph) -> dict[Node, str]:
    """Both: where values, then gradients, first stopped being numbers (one message a node)."""
    found, grads = problems(graph)
    for node, why in grads.items():
        found[node] = say("value_and_grad", value=found[node], grad=why) if node in found \
            else why
    return found
