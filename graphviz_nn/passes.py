"""Forward and backward passes of ``Graph`` (kept apart from the editing code).

Both walk the cached topological order; backward walks a cached per-output plan
``[(node, vjp, inputs, need)]`` so a training step does no graph searching at all.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np

from .node import GraphError, Node
from .ops import OPS, OpError, unbroadcast


class PassesMixin:
    """forward, backward, edge_grad."""

    def forward(self) -> dict[Node, str]:
        """Compute every node it can; returns ``{node: why not}`` for the others (and sets
        ``node.error``). Never raises for a broken graph."""
        errors: dict[Node, str] = {}
        self._edge_grads.clear()
        with np.errstate(all="ignore"):
            for node in self._topo():
                node.grad = None
                spec = OPS[node.op]
                fwd = spec.forward
                if fwd is None:
                    node.error = None if node.value is not None else "no value set"
                    if node.error:
                        errors[node] = node.error
                    continue
                xs = []
                why = None
                for port, inp in enumerate(node.inputs):
                    if inp is None:
                        why = f"missing input on port {spec.ports[port]}"
                        break
                    v = inp.value
                    if v is None or inp.error is not None:
                        why = f"input {inp.name!r} on port {spec.ports[port]} has no value"
                        break
                    xs.append(v)
                if why is None:
                    try:
                        out = fwd(xs, node)
                        if type(out) is not np.ndarray:
                            out = np.asarray(out)
                    except OpError as exc:
                        why = str(exc)
                    except (ValueError, IndexError, TypeError) as exc:
                        why = _shape_error(spec, xs, exc)
                if why is None:
                    node.value = out
                    node.error = None
                else:
                    node.value = None
                    node.error = errors[node] = why
        self._fresh = not errors
        return errors

    def backward(self, output: Node, wrt: Iterable[Node] | None = None) -> None:
        """Fill ``.grad`` (∂output/∂node, summed over every use) and the edge gradients.

        A non-scalar output is treated as the sum of its elements. ``wrt`` (optional) limits the
        work to the nodes on a path from these nodes to ``output``; others keep ``grad = None``.
        """
        self._backward(output, wrt, None)

    def _backward(self, output: Node, wrt, record: list | None) -> None:
        self._own(output)
        plan = self._backward_plan(output, wrt)
        if not self._fresh:
            for node, _, ins, _ in plan:
                for n in (node, *ins):
                    if n.value is None or n.error is not None:
                        why = f" ({n.error})" if n.error else "; run forward first"
                        raise GraphError(f"cannot run backward: {n.name!r} has no value{why}")
        for n in self._by_id.values():
            n.grad = None
        edge = self._edge_grads
        edge.clear()
        grads = {output: np.ones_like(output.value)}
        with np.errstate(all="ignore"):
            for node, vjp, ins, need in plan:
                g = grads.pop(node, None)
                node.grad = g
                if vjp is None or g is None:
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
                    if gi.shape != xs[port].shape:
                        gi = unbroadcast(gi, xs[port].shape)
                    edge[(node.id, port)] = gi
                    sent.append((port, gi))
                    prev = grads.get(inp)
                    grads[inp] = gi if prev is None else prev + gi
                if record is not None:
                    record.append((node, g, xs, sent))

    def _backward_plan(self, output: Node, wrt) -> list:
        key = (output.id, None if wrt is None else frozenset(self._own(n).id for n in wrt))
        plan = self._plans.get(key)
        if plan is None:
            relevant = nx.ancestors(self._nx, output.id) | {output.id}
            if key[1] is not None:
                reach = set(key[1])
                for i in key[1]:
                    reach |= nx.descendants(self._nx, i)
                relevant &= reach
            plan = []
            for node in reversed(self._topo()):
                if node.id in relevant:
                    need = tuple(i is not None and i.id in relevant for i in node.inputs)
                    vjp = None if node.is_leaf or not any(need) else OPS[node.op].vjp
                    plan.append((node, vjp, list(node.inputs), need))
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


def _shape_error(spec, xs: list, exc: Exception) -> str:
    shapes = [tuple(x.shape) for x in xs]
    if len(xs) == 2:
        return f"shape mismatch: {shapes[0]} {spec.symbol} {shapes[1]}"
    return f"{spec.name} cannot take shape {shapes[0]}: {exc}" if xs else str(exc)
