"""An op's formula written with the names (or numbers) of one node's inputs: ``q = x + y``,
``f = σ(s)``; and its local derivative rule, from the op's own rule text
(graphviz_nn/ops), with the ports renamed: ``∂(a·b)/∂a = b`` becomes ``z`` for ``f = q · z``."""

from __future__ import annotations

import re

import numpy as np

from ui.engine_text import op_local
from ui.explore.equation import Piece, num, op, sym
from ui.style import fmt_num

INFIX = {"add": "+", "sub": "−", "mul": "·", "div": "/", "matmul": "@"}
FUNCTION = {"log": "ln", "softmax_cross_entropy": "CE", "mse": "MSE"}
SHOWN_ATTRS = {"sum": "axis", "mean": "axis", "softmax": "axis", "leaky_relu": "alpha",
               "elu": "alpha", "dropout": "p"}
LITERAL = re.compile(r"^[−-]?\d+(\.\d+)?$")
_SIMPLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def call_pieces(node, operands: list[Piece]) -> list[Piece]:
    """``operands`` (names or numbers, in port order) combined as the op writes them."""
    name = node.op
    if name in INFIX and len(operands) == 2:
        return [operands[0], op(INFIX[name]), operands[1]]
    if name == "neg":
        return [sym("−"), *operands]
    if name == "pow":
        return [*operands, sym(f"^{fmt_num(node.attrs.get('p', 2.0))}")]
    head = FUNCTION.get(name, node.spec.symbol)
    out: list[Piece] = [sym(f"{head}(")]
    for k, p in enumerate(operands):
        if k:
            out.append(sym(","))
        out.append(p)
    key = SHOWN_ATTRS.get(name)
    if key is not None and node.attrs.get(key) not in (None, node.spec.attrs.get(key)):
        out.append(sym(f", {key}={node.attrs[key]}"))
    out.append(sym(")"))
    return out


def _wrapped(name: str) -> str:
    """A name inside a formula: ``x@W1`` needs parentheses, ``h1`` does not."""
    return name if _SIMPLE_NAME.match(name) else f"({name})"


def _rule(node, port: int) -> tuple[str, str] | None:
    """The op's rule for ``port`` in this node's names (graphviz_nn/ops: ``OpSpec.local_rule``),
    split at its "=": (``∂(q·z)/∂q``, ``z``); None when the rule is not a formula."""
    names = [None if i is None else _wrapped(i.name) for i in node.inputs]
    text = node.spec.local_rule(port, names, node.attrs, rule=op_local(node.op, port))
    if " = " not in text:
        return None
    lhs, rhs = text.split(" = ", 1)
    return lhs.strip(), rhs.split("  (", 1)[0].strip()


def local_rule(node, port: int, upstream: str) -> str | None:
    """The right-hand side of the op's rule for ``port``, in the node's names: ``z`` for
    ``∂(q·z)/∂q``, ``1`` for an add, ``∂L/∂z2 · W2ᵀ`` for a matmul. None when the op gives no
    formula (e.g. integer labels)."""
    rule = _rule(node, port)
    if rule is None:
        return None
    rhs = rule[1].split(",  ", 1)[0]
    wrapped = {_wrapped(i.name): i.name for i in node.inputs if i is not None}
    if rhs in wrapped:                   # the whole rule is one input: no parentheses needed
        return wrapped[rhs]
    return re.sub(r"(?<![A-Za-z0-9_])upstream(?![A-Za-z0-9_])", lambda _m: upstream, rhs)


def rule_where(node, port: int) -> str | None:
    """What the rule's own letters stand for, in the node's names: ``s = softmax(scores)``."""
    rule = _rule(node, port)
    if rule is None or ",  " not in rule[1]:
        return None
    return rule[1].split(",  ", 1)[1].strip()


def factor(rule: str) -> str:
    """A rule written after ``upstream ·``: in parentheses when it is more than one term
    (``(1 if z1 > 0 else 0)``; not ``σ(s)·(1 − σ(s))``)."""
    depth = 0
    for k, ch in enumerate(rule):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch == " " and rule[k + 1: k + 3] in ("+ ", "− ", "- ", "/ ", "if"):
            return f"({rule})"
    return rule


def derivative_of(node, port: int) -> str:
    """The local derivative as a formula to work out, as the quiz writes it: ``∂(q·z)/∂q``,
    ``∂σ(s)/∂s``."""
    rule = _rule(node, port)
    if rule is not None:
        return rule[0]
    wrt = node.inputs[port]
    return f"∂{node.name}/∂{wrt.name if wrt is not None else '∅'}"


def _n(x) -> str:
    text = fmt_num(x)
    return f"({text})" if text.startswith("-") else text


# the local derivative with the numbers put in, for the rules that are more than one number
_NUMBERS = {
    ("sigmoid", 0): lambda xs, out, attrs: f"{_n(out)}·(1 − {_n(out)})",
    ("tanh", 0): lambda xs, out, attrs: f"1 − {_n(out)}²",
    ("exp", 0): lambda xs, out, attrs: f"e^{_n(xs[0])}",
    ("log", 0): lambda xs, out, attrs: f"1/{_n(xs[0])}",
    ("div", 0): lambda xs, out, attrs: f"1/{_n(xs[1])}",
    ("div", 1): lambda xs, out, attrs: f"−{_n(xs[0])}/{_n(xs[1])}²",
    ("pow", 0): lambda xs, out, attrs: f"{_n(attrs['p'])}·{_n(xs[0])}^{fmt_num(attrs['p'] - 1)}",
}


def local_numbers(node, port: int) -> str | None:
    """The rule with this node's numbers in it, e.g. ``0.731·(1 − 0.731)`` for a sigmoid whose
    output is 0.731; None where the rule is a plain number or a name, or for tensors."""
    rule = _NUMBERS.get((node.op, port))
    values = [None if i is None else i.value for i in node.inputs]
    if rule is None or node.value is None or any(v is None or v.size != 1 for v in values) \
            or node.value.size != 1:
        return None
    xs = [float(v.reshape(-1)[0]) for v in values]
    return rule(xs, float(node.value.reshape(-1)[0]), node.attrs)


def vjp_pieces(node, port: int, upstream) -> list[Piece] | None:
    """For the rules that use the upstream gradient itself (matmul, softmax): the rule with
    the numbers put in, e.g. ``upstream @ W2ᵀ``; None for other ops."""
    values = [None if i is None else i.value for i in node.inputs]
    if any(v is None for v in values) or node.value is None:
        return None
    u = num(upstream, "grad")
    if node.op == "matmul" and all(np.ndim(v) == 2 for v in values):
        a, b = values
        return [u, op("·"), num(b.T, "value")] if port == 0 else \
            [num(a.T, "value"), op("·"), u]
    if node.op == "softmax":
        s = node.value
        inner = np.sum(np.asarray(upstream) * s, axis=node.attrs.get("axis", -1), keepdims=True)
        return [num(s, "value"), op("⊙"), sym("("), u, op("−"),
                num(inner if inner.size > 1 else inner.reshape(()), "grad", paren=True), sym(")")]
    return None
