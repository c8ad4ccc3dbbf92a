"""Forward and backward passes of ``Graph`` (kept apart from the editing code).

Both walk the cached topological order; backward walks a cached per-output plan
``[(node, vjp, inputs, need)]`` so a training step does no graph searching at all.

Gradients do not survive a forward pass: new values make the old gradients wrong, so
``forward`` forgets every node and edge gradient, and ``backward`` then fills them. The
clearing happens once per forward + backward: each pass clears only if gradients were set
since the last clear (a second backward without a forward in between clears the first's).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx
import numpy as np

from .messages import reason, say
from .node import GraphError, Node
from .ops import OPS, OpError, unbroadcast

# Bounds that keep one pass's memory proportional to what a teaching graph needs: one value
# (e.g. a broadcast sum) holds at most 2**26 numbers (512 MB in float64), and a forward pass
# stops computing once its values hold 2**27 numbers (the nodes left say so).
MAX_VALUE_ELEMENTS = 2 ** 26
MAX_PASS_ELEMENTS = 2 ** 27


class PassesMixin:
    """forward, backward, edge_grad."""

    def _forward_plan(self) -> list:
        plan = self._plans.get("forward")
        if plan is None:
            plan = [(n, OPS[n.op].forward, n.inputs, OPS[n.op].int_ports) for n in self._topo()]
            self._plans["forward"] = plan
        return plan

    def forward(self) -> dict[Node, str]:
        """Compute every node it can; returns ``{node: why not}`` for the others (and sets
        ``node.error``). Never raises for a broken graph. Every gradient is forgotten (they
        belonged to the old values) until the next ``backward``. Integer values (labels)
        enter arithmetic as floats of the graph's dtype (see ``OpSpec.int_ports``)."""
        errors: dict[Node, str] = {}
        self._clear_grads()
        made = 0                                              # numbers computed in this pass
        with np.errstate(all="ignore"):
            for node, fwd, ins, int_ports in self._forward_plan():
                if fwd is None:                               # a leaf
                    if node.value is None:
                        node.error = errors[node] = say("no_value_set")
                    else:
                        node.error = None
                    continue
                try:
                    xs = [i.value for i in ins]               # AttributeError: port empty
                    for port, v in enumerate(xs):
                        if v is None:
                            raise _NoValue
                        if v.dtype.kind != "f" and port not in int_ports:
                            xs[port] = v.astype(self.dtype)   # integers never wrap around
                    if len(xs) == 2 and xs[0].size * xs[1].size > MAX_VALUE_ELEMENTS:
                        _check_result_size(node.op, xs)       # before numpy allocates it
                    if made > MAX_PASS_ELEMENTS:
                        raise OpError(say("pass_too_big", made=f"{made:,}",
                                          limit=f"{MAX_PASS_ELEMENTS:,}"))
                    out = fwd(xs, node)
                    if type(out) is not np.ndarray:
                        out = np.asarray(out)
                    made += out.size
                    node.value = out
                    node.error = None
                except Exception as exc:                      # noqa: BLE001 (reported per node)
                    node.value = None
                    node.error = errors[node] = _why(node, exc)
        self._fresh = not errors
        return errors

    def backward(self, output: Node, wrt: Iterable[Node] | None = None) -> None:
        """Fill ``.grad`` (∂output/∂node, summed over every use) and the edge gradients.

        A non-scalar output is treated as the sum of its elements. ``wrt`` (optional) limits the
        work to the nodes on a path from these nodes to ``output``; others keep ``grad = None``.
        """
        self._backward(output, wrt, None)

    def _backward(self, output: Node, wrt, record: list | None) -> None:
        key = (output.id, None if wrt is None else tuple(n.id for n in wrt))
        plan = self._plans.get(key)
        if plan is None or plan[0][0] is not output:
            plan = self._backward_plan(output, wrt, key)
        if not self._fresh:
            for node, _, ins, _ in plan:
                for n in (node, *ins):
                    if n is None:
                        raise GraphError(say("backward_unconnected", name=node.name))
                    if n.value is None or n.error is not None:
                        raise GraphError(say("backward_error", name=n.name, why=n.error)
                                         if n.error else say("backward_no_value", name=n.name))
        self._clear_grads()
        self._has_grads = True
        edge = self._edge_grads
        seed = output.value
        grads = {output: np.ones(seed.shape, seed.dtype)}
        with np.errstate(all="ignore"):
            for node, vjp, ins, need in plan:
                g = grads.pop(node, None)
                node.grad = g
                if g is None:
                    continue
                xs = [i.value for i in ins]
                gs = vjp(g, xs, node.value, node, need)
                sent = []
                for port, inp in enumerate(ins):
                    gi = gs[port]
                    if gi is None or not need[port]:
                        continue
                    if type(gi) is not np.ndarray:
                        gi = np.asarray(gi)
                    shape = xs[port].shape
                    if gi.shape != shape:
                        gi = unbroadcast(gi, shape)
                    edge[(node.id, port)] = gi
                    if record is not None:
                        sent.append((port, gi))
                    prev = grads.get(inp)
                    grads[inp] = gi if prev is None else prev + gi
                if record is not None:
                    record.append((node, g, xs, sent))
        for n, g in grads.items():                            # the leaves
            n.grad = g

    def _clear_grads(self) -> None:
        """Forget every node and edge gradient (nothing to do if none was set since)."""
        if self._has_grads:
            for n in self._by_id.values():
                n.grad = None
            self._edge_grads.clear()
            self._has_grads = False

    def _backward_plan(self, output: Node, wrt, key) -> list:
        """[(node, vjp, inputs, need)] in reverse topological order: the non-leaf nodes
        between ``wrt`` (default: every leaf) and ``output``."""
        self._own(output)
        relevant = nx.ancestors(self._nx, output.id) | {output.id}
        if wrt is not None:
            reach = set()
            for n in wrt:
                reach |= nx.descendants(self._nx, self._own(n).id) | {n.id}
            relevant &= reach
        plan = []
        for node in reversed(self._topo()):
            if node.id in relevant and not node.is_leaf:
                need = tuple(i is not None and i.id in relevant for i in node.inputs)
                if any(need) or node is output:
                    plan.append((node, OPS[node.op].vjp, list(node.inputs), need))
        if not plan or plan[0][0] is not output:      # a leaf output, or output not needed
            plan.insert(0, (output, _no_vjp, [], ()))
        self._plans[key] = plan
        return plan

    def edge_grad(self, src: Node, dst: Node, port: int | None = None) -> np.ndarray | None:
        """The gradient ``dst`` sent back to ``src`` in the last backward pass (summed over
        the ports where ``src`` feeds ``dst`` unless ``port`` is given); None if not computed."""
        self._own(src)
        self._own(dst)
        ports = [p for p, n in enumerate(dst.inputs) if n is src]
        if port is not None:
            ports = [p for p in ports if p == port]
        if not ports:
            raise GraphError(f"{src.name} is not connected to {dst.name}"
                             + ("" if port is None else f" on port {port}"))
        found = [self._edge_grads[(dst.id, p)] for p in ports if (dst.id, p) in self._edge_grads]
        if not found:
            return None
        total = found[0]
        for g in found[1:]:
            total = total + g
        return total


def _check_result_size(op: str, xs: list) -> None:
    """Refuse, before it is made, a broadcast or matrix product above MAX_VALUE_ELEMENTS
    (a (1, 30000) + (30000, 1) sum would be 900 million numbers from 60,000)."""
    a, b = xs[0].shape, xs[1].shape
    try:
        shape = _matmul_shape(a, b) if op == "matmul" else np.broadcast_shapes(a, b)
    except (ValueError, IndexError):
        return                                                # a shape mismatch, named later
    size = math.prod(shape)
    if size > MAX_VALUE_ELEMENTS:
        raise OpError(say("result_too_big", size=f"{size:,}", shape=str(tuple(int(n) for n in shape)),
                          limit=f"{MAX_VALUE_ELEMENTS:,}"))


def _matmul_shape(a: tuple, b: tuple) -> tuple:
    if len(a) == 2 and len(b) == 2:
        return a[0], b[1]                                     # the common case, checked each step
    if len(a) == 1 and len(b) == 1:
        return ()
    if len(a) == 1:
        return b[:-2] + b[-1:]                                # (k) @ (..., k, n)
    if len(b) == 1:
        return a[:-1]                                         # (..., m, k) @ (k)
    return np.broadcast_shapes(a[:-2], b[:-2]) + (a[-2], b[-1])


class _NoValue(Exception):
    """An input has no value (raised and caught inside forward)."""


def _no_vjp(g, xs, out, node, need):
    return []


def _why(node: Node, exc: Exception) -> str:
    """Why ``node`` could not be computed, in words (never a bare numpy message)."""
    spec = node.spec
    for port, inp in enumerate(node.inputs):
        if inp is None:
            return say("missing_input", port=spec.ports[port])
        if inp.value is None:
            return say("input_no_value", name=inp.name, port=spec.ports[port])
    if isinstance(exc, OpError):
        return reason(exc)
    xs = [i.value for i in node.inputs]
    if isinstance(exc, (ValueError, IndexError, TypeError)):
        return _shape_error(spec, xs, exc)
    return say("op_failed", op=spec.name, detail=f"{type(exc).__name__}: {exc}")


def _shape_error(spec, xs: list, exc: Exception) -> str:
    shapes = [tuple(x.shape) for x in xs]
    if len(xs) == 2 and spec.symbol in "+−×÷@":
        return say("shape_mismatch", a=str(shapes[0]), symbol=spec.symbol, b=str(shapes[1]))
    if len(xs) == 2:
        return say("shape_mismatch_ports", port_a=spec.ports[0], a=str(shapes[0]),
                   port_b=spec.ports[1], b=str(shapes[1]), detail=reason(exc))
    return say("bad_shape", op=spec.name, shape=str(shapes[0]), detail=reason(exc)) if xs \
        else reason(exc)
