"""A plain-numpy forward pass of an MLP from a weight snapshot.

The decision boundary and the confusion matrix are computed on the GUI thread from copies of the
weights (``model.get_weights()`` taken between two steps), never by calling the model while the
trainer is using its graph. Dropout is off at inference, as in ``predict``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from graphviz_nn.nn.activations import get as get_activation


def activate(z: np.ndarray, name: str | None) -> np.ndarray:
    """Apply the activation ``name`` (Keras names) to ``z``, in place: the training layer's own
    activations, so the views use the same formulas (and the same leaky-ReLU slope) as ``fit``."""
    # sigmoid of a very negative z: exp overflows to 0; weights that have grown huge give
    # inf - inf = nan, which the views show as such (never as a picture of other weights)
    with np.errstate(over="ignore", invalid="ignore"):
        return get_activation(name).forward(z, z)


def mlp_forward(x: np.ndarray, weights: Sequence[np.ndarray],
                activations: Sequence[str | None]) -> np.ndarray:
    """Forward ``x`` through Dense layers given as ``[W1, b1, W2, b2, ...]``.

    ``activations`` has one entry per Dense layer. Kernels are Keras-shaped ``(in, out)``;
    a kernel stored the other way round is transposed to fit.
    """
    h = np.asarray(x, dtype=np.float32)
    if len(weights) != 2 * len(activations):
        raise ValueError(f"{len(weights)} weight arrays for {len(activations)} Dense layers")
    for i, act in enumerate(activations):
        w, b = np.asarray(weights[2 * i]), np.asarray(weights[2 * i + 1])
        if w.shape[0] != h.shape[1] and w.shape[1] == h.shape[1]:
            w = w.T
        with np.errstate(over="ignore", invalid="ignore"):
            z = h @ w + b.reshape(1, -1)
        h = activate(z, act)
    return h


def predict(weights: Sequence[np.ndarray], how, x: np.ndarray) -> np.ndarray:
    """Outputs for ``x`` with a weight snapshot; ``how`` is the MLP's activations (one per
    Dense layer) or a callable ``how(weights, x)`` (a model that predicts for itself)."""
    if callable(how):
        return how(weights, x)
    return mlp_forward(x, weights, how)


def grid_probabilities(weights: Sequence[np.ndarray], activations,
                       bounds: tuple[float, float, float, float], n: int = 80) -> np.ndarray:
    """Class probabilities on an ``n``×``n`` grid over ``(xmin, xmax, ymin, ymax)``.

    Returns an array of shape ``(n, n, classes)`` indexed ``[ix, iy]`` (x along axis 0, as
    pyqtgraph's ImageItem expects).
    """
    xmin, xmax, ymin, ymax = bounds
    gx = np.linspace(xmin, xmax, n, dtype=np.float32)
    gy = np.linspace(ymin, ymax, n, dtype=np.float32)
    xx, yy = np.meshgrid(gx, gy, indexing="ij")
    pts = np.column_stack([xx.ravel(), yy.ravel()])
    p = predict(weights, activations, pts)
    return np.asarray(p).reshape(n, n, -1)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, classes: int) -> np.ndarray:
    """Counts ``[true, predicted]`` as an int64 ``classes``×``classes`` matrix."""
    idx = np.asarray(y_true, dtype=np.int64) * classes + np.asarray(y_pred, dtype=np.int64)
    return np.bincount(idx, minlength=classes * classes).reshape(classes, classes)
