"""Plain-text explanations the inspector shows: the chain rule of a step, a node's facts,
and the fan-out sum. Pure functions of engine data, so tests can read them directly."""

from __future__ import annotations

import numpy as np

from ui.style import fmt_num, fmt_stats, fmt_value, shape_text


def _v(value) -> str:
    """A number, or a shape in brackets for a tensor."""
    if value is None:
        return "?"
    arr = np.asarray(value)
    return fmt_num(arr.reshape(-1)[0]) if arr.size == 1 else shape_text(arr.shape)


def call_text(node) -> str:
    """``q = add(x, y)``; leaves: ``x (input)``."""
    if node.is_leaf:
        return f"{node.name} ({node.op})"
    args = ", ".join(i.name if i is not None else "∅" for i in node.inputs)
    return f"{node.name} = {node.op}({args})"


def rule_text(node, port: int) -> str:
    """The local derivative of ``node`` for input ``port``, written with its inputs' names:
    ``∂(q·z)/∂q = z`` (the op's own rule, ``∂(a·b)/∂a = b``, with the ports renamed)."""
    names = [i.name if i is not None else None for i in node.inputs]
    return node.spec.local_rule(port, names, node.attrs)


def forward_lines(step, index: int, n_forward: int) -> list[str]:
    node = step.node
    lines = [f"Forward step {index + 1} of {n_forward}: {call_text(node)}",
             f"formula: {node.spec.formula}"]
    for port, inp in zip(node.spec.ports, step.inputs, strict=False):
        if inp is not None:
            lines.append(f"input {port} = {inp.name} = {_v(inp.value)}")
    lines.append(f"→ {node.name} = {_v(step.value)}")
    return lines


def backward_lines(step, output_name: str, hidden: bool = False) -> list[str]:
    """The chain rule of one backward step, one line per input:
    ``upstream ∂f/∂q = -4 × local ∂q/∂x = 1 → downstream ∂f/∂x = -4``."""
    n = step.node.name
    o = output_name
    lines = [f"Backward through {call_text(step.node)}",
             f"upstream ∂{o}/∂{n} = {_v(step.upstream)}"
             + (f"  ({o} is the output: the chain starts at 1)" if n == o else "")]
    for lg in step.locals:
        i = lg.input.name
        if hidden:      # quiz: the local derivative as its rule, so nothing gives the answer
            local, down = rule_text(step.node, lg.port).split("=", 1)[-1].strip(), "?"
        else:
            local = _v(lg.local) if lg.local is not None else lg.formula.split("=", 1)[-1].strip()
            down = _v(lg.downstream)
        lines.append(f"upstream ∂{o}/∂{n} = {_v(step.upstream)} × local ∂{n}/∂{i} = {local}"
                     f" → downstream ∂{o}/∂{i} = {down}")
        lines.append(f"    rule: {lg.formula}")
    return lines


def node_lines(node, value, grad, output_name: str | None) -> list[str]:
    spec = node.spec
    lines = [f"node {call_text(node)}",
             f"op {spec.symbol} ({node.op}): {spec.doc}".rstrip(": ")]
    if spec.formula:
        lines.append(f"formula {spec.formula}")
    if node.attrs:
        lines.append("attributes " + ", ".join(f"{k}={v}" for k, v in node.attrs.items()))
    if value is not None:
        lines.append(f"value {_value_text(value)}")
    if grad is not None and output_name:
        lines.append(f"grad ∂{output_name}/∂{node.name} = {_value_text(grad)}")
    if node.error:
        lines.append(f"cannot compute: {node.error}")
    return lines


def _value_text(value) -> str:
    """The numbers of a small value; a tensor's shape, mean, min and max (as its tooltip)."""
    return fmt_stats(value) if np.size(value) > 3 else fmt_value(value)


def fanout_lines(graph, node, edge_grads: dict, output_name: str | None) -> list[str]:
    """Where ``node`` feeds several nodes: each gradient that arrives, and their sum."""
    consumers = graph.consumers(node)
    if len(consumers) < 2:
        return []
    o = output_name or "out"
    lines = [f"{node.name} feeds {len(consumers)} nodes, so its gradient is the sum of what "
             f"each sends back:"]
    arrived = []
    for dst, port in consumers:
        g = edge_grads.get((node.id, dst.id, port))
        lines.append(f"  from {dst.name} (port {dst.spec.ports[port]}): {_v(g)}")
        if g is not None:
            arrived.append(np.asarray(g))
    if arrived:
        total = arrived[0]
        for g in arrived[1:]:
            total = total + g
        done = "" if len(arrived) == len(consumers) else \
            f"  ({len(arrived)} of {len(consumers)} arrived so far)"
        lines.append(f"  sum ∂{o}/∂{node.name} = {_v(total)}{done}")
    return lines
