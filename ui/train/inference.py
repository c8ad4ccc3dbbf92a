"""A plain-numpy forward pass of an MLP from a weight snapshot, and the model's output over
the plane of a 2-D data set (through the input features it takes: ``grid_outputs``).

The decision boundary and the confusion matrix are computed on the GUI thread from copies of the
weights (``model.get_weights()`` taken between two steps), never by calling the model while the
trainer is using its graph. Dropout is off at inference, as in ``predict``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from graphviz_nn.datasets import features as features_of
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


def grid_points(bounds: tuple[float, float, float, float], n: int) -> np.ndarray:
    """The ``n``×``n`` grid over ``(xmin, xmax, ymin, ymax)`` as ``(n*n, 2)`` float32 points of
    the plane, x along the first grid axis (point ``ix * n + iy``)."""
    xmin, xmax, ymin, ymax = bounds
    gx = np.linspace(xmin, xmax, n, dtype=np.float32)
    gy = np.linspace(ymin, ymax, n, dtype=np.float32)
    xx, yy = np.meshgrid(gx, gy, indexing="ij")
    return np.column_stack([xx.ravel(), yy.ravel()])


def model_inputs(points: np.ndarray, features: Sequence[str] | None) -> np.ndarray:
    """What the model takes for points ``(n, 2)`` of the plane: the points themselves
    (``features`` None), or the chosen input features of them, in the model's order
    (``graphviz_nn.datasets.features``: the same columns the run trained on)."""
    if features is None:
        return np.asarray(points, dtype=np.float32)
    return features_of(points, list(features))


def grid_outputs(weights: Sequence[np.ndarray], how, bounds: tuple[float, float, float, float],
                 n: int = 80, features: Sequence[str] | None = None) -> np.ndarray:
    """The model's outputs on an ``n``×``n`` grid over ``bounds``: shape ``(n, n, outputs)``
    indexed ``[ix, iy]`` (x along axis 0, as pyqtgraph's ImageItem expects). ``how``: as for
    ``predict``; ``features``: the input features the model takes (None: x1, x2 as they are)."""
    pts = model_inputs(grid_points(bounds, n), features)
    return np.asarray(predict(weights, how, pts)).reshape(n, n, -1)


def grid_probabilities(weights: Sequence[np.ndarray], activations,
                       bounds: tuple[float, float, float, float], n: int = 80,
                       features: Sequence[str] | None = None) -> np.ndarray:
    """Class probabilities on an ``n``×``n`` grid over ``(xmin, xmax, ymin, ymax)``
    (``grid_outputs`` of a classifier)."""
    return grid_outputs(weights, activations, bounds, n, features)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, classes: int) -> np.ndarray:
    """Counts ``[true, predicted]`` as an int64 ``classes``×``classes`` matrix."""
    idx = np.asarray(y_true, dtype=np.int64) * classes + np.asarray(y_pred, dtype=np.int64)
    return np.bincount(idx, minlength=classes * classes).reshape(classes, classes)
