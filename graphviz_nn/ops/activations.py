"""Activations: sigmoid, tanh, relu, leaky_relu, elu and softmax (stable)."""

from __future__ import annotations

import numpy as np

from ..messages import say
from .spec import OpSpec, register, shown
from .spec import finite as _finite
from .tensor import check_axis


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^−x); e^−x overflowing to inf gives the right limit 0 (warnings are off).
    Worked in one new array (a training step's sigmoid is over a whole batch)."""
    e = np.exp(-x)
    if type(e) is not np.ndarray:                      # a 0-d input gives a numpy scalar
        return np.asarray(1.0 / (1.0 + e))
    e += 1.0
    return np.reciprocal(e, out=e)


def _sigmoid_local(xs, out, node):
    return [out * (1.0 - out)]


def _sigmoid_vjp(g, xs, out, node, need):
    """upstream × σ(x)·(1 − σ(x)), in one new array when the dtypes agree."""
    d = 1.0 - out
    if type(d) is not np.ndarray or d.dtype != g.dtype or d.shape != g.shape:
        return [g * _sigmoid_local(xs, out, node)[0]]
    d *= out
    d *= g
    return [d]


def _tanh_local(xs, out, node):
    return [1.0 - out * out]


def _relu_local(xs, out, node):
    return [(xs[0] > 0).astype(out.dtype)]


def _leaky_local(xs, out, node):
    x = xs[0]
    return [np.where(x > 0, 1.0, node.attrs["alpha"]).astype(out.dtype)]


def _elu_forward(xs, node):
    x = xs[0]
    return np.where(x > 0, x, node.attrs["alpha"] * np.expm1(np.minimum(x, 0)))


def _elu_local(xs, out, node):
    x = xs[0]
    return [np.where(x > 0, 1.0, out + node.attrs["alpha"]).astype(out.dtype)]


def _softmax_forward(xs, node):
    x = xs[0]
    axis = node.attrs.get("axis", -1)
    e = np.exp(x - x.max(axis=axis, keepdims=True))   # subtract the max: no overflow
    return e / e.sum(axis=axis, keepdims=True)


def _softmax_vjp(g, xs, out, node, need):
    axis = node.attrs.get("axis", -1)
    return [out * (g - (g * out).sum(axis=axis, keepdims=True))]


def _check_alpha(attrs):
    alpha = attrs.get("alpha")
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or not _finite(alpha):
        raise ValueError(say("attr_alpha", value=shown(alpha)))


def _check_softmax_axis(attrs):
    if not isinstance(attrs.get("axis"), int) or isinstance(attrs.get("axis"), bool):
        raise ValueError(say("attr_softmax_axis", value=shown(attrs.get("axis"))))
    check_axis(attrs)


def _local_vjp(g, xs, out, node, need):
    """Elementwise ops: downstream = upstream × local."""
    return [g * node.spec.local_fn(xs, out, node)[0]]


register(OpSpec(
    "sigmoid", "σ", "Activations", ("x",), {}, "σ(x) = 1/(1+e^−x)", ("∂σ(x)/∂x = σ(x)·(1 − σ(x))",),
    "Squashes to (0, 1); the classic neuron of CS231n.",
    lambda xs, node: sigmoid(xs[0]),
    _sigmoid_vjp, _sigmoid_local))
register(OpSpec(
    "tanh", "tanh", "Activations", ("x",), {}, "tanh(x)", ("∂tanh(x)/∂x = 1 − tanh²(x)",),
    "Squashes to (−1, 1).",
    lambda xs, node: np.tanh(xs[0]),
    _local_vjp, _tanh_local))
register(OpSpec(
    "relu", "ReLU", "Activations", ("x",), {}, "max(0, x)",
    ("∂ReLU/∂x = 1 if x > 0 else 0",),
    "Keeps positives, zeroes negatives; the gradient passes only where x > 0.",
    lambda xs, node: np.maximum(xs[0], 0),
    _local_vjp, _relu_local))
register(OpSpec(
    "leaky_relu", "LReLU", "Activations", ("x",), {"alpha": 0.01}, "x if x > 0 else α·x",
    ("∂/∂x = 1 if x > 0 else α",),
    "Like ReLU but lets a small slope α through for negatives.",
    lambda xs, node: np.where(xs[0] > 0, xs[0], node.attrs["alpha"] * xs[0]),
    _local_vjp, _leaky_local, _check_alpha))
register(OpSpec(
    "elu", "ELU", "Activations", ("x",), {"alpha": 1.0}, "x if x > 0 else α(eˣ − 1)",
    ("∂/∂x = 1 if x > 0 else ELU(x) + α",),
    "Smooth for negatives, saturating at −α.",
    _elu_forward, _local_vjp, _elu_local, _check_alpha))
register(OpSpec(
    "softmax", "softmax", "Activations", ("x",), {"axis": -1},
    "softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ  (max subtracted first)",
    ("∂L/∂x = s ⊙ (upstream − Σ(upstream ⊙ s)),  s = softmax(x)",),
    "Turns scores into probabilities along an axis.",
    _softmax_forward, _softmax_vjp, None, _check_softmax_axis))
