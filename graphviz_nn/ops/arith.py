"""Leaves and arithmetic: input, param, const, add, sub, mul, div, neg, pow, exp, log.

``div`` is ``a · b⁻¹`` (micrograd's trick): its gradient is the ``mul`` rule chained with the
``pow`` rule, so there is no separate quotient rule to get wrong.
"""

from __future__ import annotations

import numpy as np

from ..messages import say
from .spec import OpSpec, ones, register, shown
from .spec import finite as _finite

for _name, _symbol, _doc in (
    ("input", "in", "Data fed to the graph, e.g. an image batch or x in f(x, y)."),
    ("param", "θ", "A trainable parameter (weight or bias): training updates its value."),
    ("const", "c", "A fixed number."),
):
    register(OpSpec(_name, _symbol, "Inputs", (), {}, "value set by you", (), _doc))


# ---- rules shared by several ops (one line each, like a rule table) ----

def _mul_grads(g, a, b):
    return g * b, g * a


def _pow_grad(g, a, p):
    if p == 0:
        return g * np.zeros_like(a)
    return g * (p * a ** (p - 1))


# ---- add / sub / neg ----

def _add_vjp(g, xs, out, node, need):
    return [g, g]


def _sub_vjp(g, xs, out, node, need):
    return [g, -g if need[1] else None]


def _sub_local(xs, out, node):
    return [np.ones_like(out), -np.ones_like(out)]


def _neg_local(xs, out, node):
    return [-np.ones_like(out)]


register(OpSpec(
    "add", "+", "Arithmetic", ("a", "b"), {}, "a + b",
    ("∂(a+b)/∂a = 1", "∂(a+b)/∂b = 1"),
    "Adds two tensors (numpy broadcasting); passes the upstream gradient unchanged to both.",
    lambda xs, node: xs[0] + xs[1], _add_vjp, ones))
register(OpSpec(
    "sub", "−", "Arithmetic", ("a", "b"), {}, "a − b",
    ("∂(a−b)/∂a = 1", "∂(a−b)/∂b = −1"),
    "Subtracts b from a; the gradient to b is the upstream gradient negated.",
    lambda xs, node: xs[0] - xs[1], _sub_vjp, _sub_local))
register(OpSpec(
    "neg", "−", "Arithmetic", ("x",), {}, "−x", ("∂(−x)/∂x = −1",),
    "Negates its input.",
    lambda xs, node: -xs[0], lambda g, xs, out, node, need: [-g], _neg_local))


# ---- mul / div / pow ----

def _mul_vjp(g, xs, out, node, need):
    return list(_mul_grads(g, xs[0], xs[1]))


def _mul_local(xs, out, node):
    a, b = xs
    return [np.broadcast_to(b, out.shape).copy(), np.broadcast_to(a, out.shape).copy()]


def _div_forward(xs, node):
    return xs[0] / xs[1]


def _div_vjp(g, xs, out, node, need):
    a, b = xs
    r = b ** -1.0                      # a / b = a · r with r = b⁻¹
    ga, gr = _mul_grads(g, a, r)       # the mul rule ...
    gb = _pow_grad(gr, b, -1.0) if need[1] else None   # ... chained with the pow rule
    return [ga, gb]


def _div_local(xs, out, node):
    a, b = xs
    return [np.broadcast_to(1.0 / b, out.shape).copy(),
            np.broadcast_to(-a / (b * b), out.shape).copy()]


def _pow_forward(xs, node):
    return xs[0] ** node.attrs["p"]


def _pow_vjp(g, xs, out, node, need):
    return [_pow_grad(g, xs[0], node.attrs["p"])]


def _pow_local(xs, out, node):
    p = node.attrs["p"]
    return [p * xs[0] ** (p - 1)]


def _check_p(attrs):
    p = attrs.get("p")
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not _finite(p):
        raise ValueError(say("attr_exponent", value=shown(p)))


register(OpSpec(
    "mul", "×", "Arithmetic", ("a", "b"), {}, "a · b",
    ("∂(a·b)/∂a = b", "∂(a·b)/∂b = a"),
    "Multiplies elementwise; each input's gradient is the upstream gradient times the other input.",
    lambda xs, node: xs[0] * xs[1], _mul_vjp, _mul_local))
register(OpSpec(
    "div", "÷", "Arithmetic", ("a", "b"), {}, "a / b  (= a · b⁻¹)",
    ("∂(a/b)/∂a = 1/b", "∂(a/b)/∂b = −a/b²"),
    "Divides elementwise, computed as a times b to the power −1.",
    _div_forward, _div_vjp, _div_local))
register(OpSpec(
    "pow", "xᵖ", "Arithmetic", ("x",), {"p": 2.0}, "xᵖ  (p a constant)",
    ("∂(xᵖ)/∂x = p·xᵖ⁻¹",),
    "Raises to a constant power p.",
    _pow_forward, _pow_vjp, _pow_local, _check_p))


# ---- abs (the L1 penalty's |w|) ----

register(OpSpec(
    "abs", "|x|", "Arithmetic", ("x",), {}, "|x|", ("∂|x|/∂x = sign(x)",),
    "The absolute value; its derivative is the sign (0 at 0, as numpy's sign).",
    lambda xs, node: np.abs(xs[0]), lambda g, xs, out, node, need: [g * np.sign(xs[0])],
    lambda xs, out, node: [np.sign(xs[0]).astype(out.dtype)]))


# ---- exp / log ----

def _exp_vjp(g, xs, out, node, need):
    return [g * out]


def _log_vjp(g, xs, out, node, need):
    return [g / xs[0]]


register(OpSpec(
    "exp", "exp", "Arithmetic", ("x",), {}, "eˣ", ("∂exp(x)/∂x = exp(x)",),
    "The exponential; its derivative is itself.",
    lambda xs, node: np.exp(xs[0]), _exp_vjp, lambda xs, out, node: [out.copy()]))
register(OpSpec(
    "log", "log", "Arithmetic", ("x",), {}, "ln x", ("∂(ln x)/∂x = 1/x",),
    "The natural logarithm.",
    lambda xs, node: np.log(xs[0]), _log_vjp, lambda xs, out, node: [1.0 / xs[0]]))
