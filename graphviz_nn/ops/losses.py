"""Losses: mse and the fused, stable softmax_cross_entropy; and dropout (regularization)."""

from __future__ import annotations

import numpy as np

from ..messages import say
from .spec import OpSpec, register, shown


class OpError(ValueError):
    """A forward pass could not run for a reason the op explains itself."""


# ---- mse = mean((pred − target)²) ----

def _mse_forward(xs, node):
    d = xs[0] - xs[1]
    return np.asarray((d * d).mean())


def _mse_vjp(g, xs, out, node, need):
    d = xs[0] - xs[1]
    gp = g * (2.0 / max(d.size, 1)) * d
    return [gp, -gp if need[1] else None]


def _mse_local(xs, out, node):
    d = xs[0] - xs[1]
    k = 2.0 / max(d.size, 1)
    return [k * d, -k * d]


register(OpSpec(
    "mse", "MSE", "Losses", ("pred", "target"), {}, "mean((pred − target)²)",
    ("∂MSE/∂pred = 2(pred − target)/n", "∂MSE/∂target = −2(pred − target)/n"),
    "Mean squared error over all elements.",
    _mse_forward, _mse_vjp, _mse_local))


# ---- softmax_cross_entropy: fused for stability (log-sum-exp) ----

def _labels(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Integer class labels checked against the logits (N, C); a clear error otherwise."""
    n, c = z.shape
    if y.shape != (n,):
        raise OpError(say("labels_shape", n=n, logits=str(tuple(z.shape)),
                          shape=str(tuple(y.shape))))
    if y.dtype.kind not in "iu":
        if y.dtype.kind != "f" or not np.all(np.isfinite(y)) or np.any(y != np.round(y)):
            raise OpError(say("labels_integer"))
        y = y.astype(np.int64)
    if n and (y.min() < 0 or y.max() >= c):
        raise OpError(say("labels_range", top=c - 1, classes=c))
    return y


def _ce_forward(xs, node):
    z, y = xs
    if z.ndim == 1:                     # one sample: logits (C,), label ()
        if y.size != 1:
            raise OpError(say("labels_one_sample", logits=str(tuple(z.shape)),
                              shape=str(tuple(y.shape))))
        z, y = z[None, :], np.reshape(y, (1,))
    if z.ndim != 2:
        raise OpError(say("logits_2d", shape=str(tuple(xs[0].shape))))
    y = _labels(z, y)
    n = z.shape[0]
    rows = np.arange(n)
    shifted = z - z.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    node._saved = (logp, rows, y)       # for the backward pass
    if not n:
        return np.zeros((), z.dtype)
    return np.asarray(-logp[rows, y].sum() / n)


def _ce_grad(xs, node):
    logp, rows, y = node._saved
    d = np.exp(logp)                    # softmax(logits)
    d[rows, y] -= 1.0
    d /= max(len(rows), 1)
    return d.reshape(xs[0].shape)


def _ce_vjp(g, xs, out, node, need):
    d = _ce_grad(xs, node)
    if not (g.ndim == 0 and g == 1.0):  # the usual case, the loss is the output, needs no scaling
        d *= g
    return [d, None]


register(OpSpec(
    "softmax_cross_entropy", "CE", "Losses", ("logits", "labels"), {},
    "mean over the batch of −log softmax(logits)[label]",
    ("∂L/∂logits = (softmax(logits) − onehot(label)) / N", "labels are integers: no gradient"),
    "Softmax and cross-entropy in one stable step (log-sum-exp); integer labels, batch mean.",
    _ce_forward, _ce_vjp, lambda xs, out, node: [_ce_grad(xs, node), None], int_ports=(1,)))


# ---- dropout ----

def _dropout_forward(xs, node):
    x = xs[0]
    p = node.attrs["p"]
    if not node.graph.training or p == 0:
        node._saved = None
        return x
    mask = (node.graph.rng.random(x.shape) >= p).astype(
        x.dtype if x.dtype.kind == "f" else node.graph.dtype)
    mask /= 1.0 - p
    node._saved = mask
    return x * mask


def _dropout_local(xs, out, node):
    mask = node._saved
    return [np.ones_like(out) if mask is None else mask.copy()]


def _dropout_vjp(g, xs, out, node, need):
    mask = node._saved
    return [g if mask is None else g * mask]


def _check_p(attrs):
    p = attrs.get("p")
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p < 1:
        raise ValueError(say("attr_dropout_p", value=shown(p)))


register(OpSpec(
    "dropout", "dropout", "Regularization", ("x",), {"p": 0.5},
    "x · mask / (1 − p) while training (mask ~ Bernoulli(1 − p)); x when evaluating",
    ("∂/∂x = mask / (1 − p) while training, 1 when evaluating",),
    "Randomly zeroes a fraction p of the inputs while training, rescaling the rest.",
    _dropout_forward, _dropout_vjp, _dropout_local, _check_p))
