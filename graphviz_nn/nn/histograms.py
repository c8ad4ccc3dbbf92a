"""Histograms of each layer's weights and of its last step's weight gradients: the numbers
behind the training dock's ridge plots, small enough to travel with the trainer's progress
messages (plain JSON lists).

Weights are counted over their own range (``lo`` to ``hi``, ``BINS`` equal bins). Gradients
are counted by order of magnitude, ``log10 |g|`` over the fixed range ``GRAD_LOG_RANGE`` (a
gradient of exactly 0 counts in the lowest bin), so that every layer and every step share one
axis: vanishing gradients show as a first layer whose ridge sits decades left of the last's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["BINS", "GRAD_LOG_RANGE", "histogram", "grad_histogram", "layer_histograms",
           "model_histograms"]

BINS = 24
GRAD_LOG_RANGE = (-10.0, 2.0)


def histogram(values: np.ndarray, bins: int = BINS) -> tuple[float, float, list[int]]:
    """``(lo, hi, counts)`` of the finite ``values`` over their own range."""
    v = np.asarray(values, dtype=np.float64).ravel()
    v = v[np.isfinite(v)]
    if not v.size:
        return 0.0, 0.0, [0] * bins
    lo, hi = float(v.min()), float(v.max())
    if hi <= lo:
        hi = lo + 1e-12
    counts, _ = np.histogram(v, bins=bins, range=(lo, hi))
    return lo, hi, [int(c) for c in counts]


def grad_histogram(grad: np.ndarray, bins: int = BINS) -> list[int]:
    """Counts of ``log10 |g|`` over ``GRAD_LOG_RANGE`` (clipped into it; 0 in the lowest
    bin; not-a-number left out)."""
    g = np.abs(np.asarray(grad, dtype=np.float64).ravel())
    g = g[~np.isnan(g)]
    lo, hi = GRAD_LOG_RANGE
    with np.errstate(divide="ignore"):
        e = np.clip(np.log10(g), lo, hi - 1e-9)
    counts, _ = np.histogram(e, bins=bins, range=(lo, hi))
    return [int(c) for c in counts]


def layer_histograms(names: Sequence[str], weights: Sequence[np.ndarray],
                     grads: Sequence[np.ndarray | None], bins: int = BINS) -> list[dict]:
    """Per layer: ``{"layer", "w_lo", "w_hi", "w", "g"}`` (``g`` None without a gradient)."""
    out = []
    for name, w, g in zip(names, weights, grads, strict=True):
        lo, hi, counts = histogram(w, bins)
        out.append({"layer": str(name), "w_lo": lo, "w_hi": hi, "w": counts,
                    "g": None if g is None else grad_histogram(g, bins)})
    return out


def model_histograms(model, bins: int = BINS) -> list[dict]:
    """``layer_histograms`` of a ``Sequential``'s Dense kernels and their gradients of the
    last training step (None before the first)."""
    plan = getattr(model, "_plan", None)
    dense = model.dense_layers
    grads = [plan.dense[k].dW if plan is not None and plan.rows else None
             for k in range(len(dense))]
    return layer_histograms([lay.name for lay in dense], [lay.W for lay in dense], grads, bins)
