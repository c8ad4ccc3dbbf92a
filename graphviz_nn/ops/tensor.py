"""Tensor ops: matmul, sum and mean (over one axis, several axes or everything)."""

from __future__ import annotations

import numpy as np

from ..messages import say
from .spec import OpSpec, register, shown


def _matmul_forward(xs, node):
    a, b = xs
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError(say("matmul_scalar"))
    return a @ b


def _matmul_vjp(g, xs, out, node, need):
    a, b = xs
    if a.ndim == 2 and b.ndim == 2:                 # the common case, no reshaping
        return [g @ b.T if need[0] else None, a.T @ g if need[1] else None]
    if a.ndim == 1 and b.ndim == 1:                 # dot product: g is a scalar
        return [g * b, g * a]
    a2 = a[None, :] if a.ndim == 1 else a
    b2 = b[:, None] if b.ndim == 1 else b
    g2 = g
    if a.ndim == 1:
        g2 = np.expand_dims(g2, -2)
    if b.ndim == 1:
        g2 = np.expand_dims(g2, -1)
    ga = gb = None
    if need[0]:
        ga = g2 @ np.swapaxes(b2, -1, -2)
        if a.ndim == 1:
            ga = ga.reshape(-1, a.shape[0]).sum(axis=0)
    if need[1]:
        gb = np.swapaxes(a2, -1, -2) @ g2
        if b.ndim == 1:
            gb = gb.reshape(-1, b.shape[0]).sum(axis=0)
    return [ga, gb]


register(OpSpec(
    "matmul", "@", "Tensor", ("a", "b"), {}, "a @ b  (matrix product)",
    ("∂(a@b)/∂a = upstream · bᵀ", "∂(a@b)/∂b = aᵀ · upstream"),
    "Matrix product, e.g. a batch of inputs times a weight matrix.",
    _matmul_forward, _matmul_vjp))


def _axes(axis, ndim):
    """``axis`` as a tuple of non-negative ints (None = every axis)."""
    if axis is None:
        return tuple(range(ndim))
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    for ax in axes:
        if not -ndim <= ax < max(ndim, 1) or ndim == 0:
            raise ValueError(say("attr_axis_range", axis=ax, ndim=ndim))
    return tuple(sorted(ax % ndim for ax in axes))


def _count(x, axis) -> int:
    """How many elements of ``x`` each output of a mean over ``axis`` averages (at least 1)."""
    n = 1
    for ax in _axes(axis, x.ndim):
        n *= x.shape[ax]
    return max(n, 1)


def _sum_forward(xs, node):
    x = xs[0]
    return np.asarray(x.sum(axis=_axes(node.attrs.get("axis"), x.ndim)))


def _expand(g, x, axis):
    """The upstream gradient of a reduction, copied back to every element of ``x``."""
    axes = _axes(axis, x.ndim)
    return np.broadcast_to(np.expand_dims(g, axes), x.shape).copy()


def _sum_vjp(g, xs, out, node, need):
    return [_expand(g, xs[0], node.attrs.get("axis"))]


def _mean_forward(xs, node):
    x = xs[0]
    return np.asarray(x.mean(axis=_axes(node.attrs.get("axis"), x.ndim)))


def _mean_vjp(g, xs, out, node, need):
    x = xs[0]
    axis = node.attrs.get("axis")
    return [_expand(g / _count(x, axis), x, axis)]


def _mean_local(xs, out, node):
    x = xs[0]
    n = _count(x, node.attrs.get("axis"))
    return [np.full_like(x, 1.0 / n, dtype=np.result_type(x.dtype, np.float32))]


def check_axis(attrs):
    """Refuse an axis that is not None, an int or a list of ints."""
    axis = attrs.get("axis")
    if axis is None or (isinstance(axis, int) and not isinstance(axis, bool)):
        return
    if isinstance(axis, (list, tuple)) and axis and all(
            isinstance(a, int) and not isinstance(a, bool) for a in axis):
        return
    raise ValueError(say("attr_axis_type", value=shown(axis)))


register(OpSpec(
    "sum", "Σ", "Tensor", ("x",), {"axis": None}, "Σ x  (over axis, or everything)",
    ("∂(Σx)/∂x = 1  (the upstream gradient is copied to every summed element)",),
    "Sums over an axis (or all elements).",
    _sum_forward, _sum_vjp, lambda xs, out, node: [np.ones_like(xs[0])], check_axis))
register(OpSpec(
    "mean", "mean", "Tensor", ("x",), {"axis": None}, "(1/n) Σ x  (over axis, or everything)",
    ("∂mean/∂x = 1/n  (for each of the n averaged elements)",),
    "Averages over an axis (or all elements).",
    _mean_forward, _mean_vjp, _mean_local, check_axis))
