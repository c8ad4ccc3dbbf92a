"""The data a run of the training dock trains on, as the dock holds it.

A 2-D data set (TensorFlow Playground's problems, its regression sets, a painted or imported
set of points) keeps its points of the plane apart from what the model takes: the model's
inputs are the chosen input features of the points (x1, x2, x1², ... as
``graphviz_nn.datasets.features`` computes them), so the decision boundary can be drawn over
the plane while the model sees its features.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graphviz_nn.datasets import PLAYGROUND, REGRESSION
from graphviz_nn.datasets import features as features_of
from ui.i18n import translate

IMAGES = {"MNIST": "mnist", "Fashion-MNIST": "fashion_mnist"}
RAW_FEATURES = ("x1", "x2")     # the plane's own coordinates: the inputs by default


@dataclass
class DataSet:
    """Model inputs ``x`` (n, d) float32 and targets ``y``: integer labels (n,) for a
    classifier, float32 numbers (n,) for a regression set.

    ``points`` (n, 2): where each sample lies on the plane, for a 2-D set (None otherwise);
    ``features``: the input features ``x``'s columns are, for a 2-D set."""

    name: str
    x: np.ndarray
    y: np.ndarray
    class_names: list[str]
    points: np.ndarray | None = None
    features: list[str] | None = None
    regression: bool = False

    @property
    def classes(self) -> int:
        """Number of classes; 0 for a regression set (one number per sample)."""
        return 0 if self.regression else len(self.class_names)

    @property
    def is_2d(self) -> bool:
        return self.points is not None


def split_data(data: DataSet, fraction: float, seed: int):
    """Shuffle with ``seed``, then hold out ``fraction`` as the validation set."""
    xt, yt, xv, yv, _pt, _pv = split_with_points(data, fraction, seed)
    return xt, yt, xv, yv


def split_with_points(data: DataSet, fraction: float, seed: int):
    """``split_data`` and the same split of the points of the plane (None when not 2-D):
    ``x_train, y_train, x_val, y_val, points_train, points_val``."""
    order = np.random.default_rng(seed).permutation(len(data.x))
    n_val = int(round(fraction * len(order)))
    if fraction > 0 and n_val == 0:
        n_val = 1
    if n_val >= len(order):
        raise ValueError(translate("TrainingDock", "the validation split leaves no training "
                                   "data"))
    tr, va = order[n_val:], order[:n_val]
    p = data.points
    return (data.x[tr], data.y[tr], data.x[va], data.y[va],
            None if p is None else p[tr], None if p is None else p[va])


def fit_kwargs(xt, yt, xv, yv, epochs: int, batch_size: int) -> dict:
    """The arguments of ``model.fit`` for a run of the dock (the selftest's headless baseline
    uses the same, so the two measure the same training)."""
    kw = {"x": xt, "y": yt, "epochs": epochs, "batch_size": batch_size, "shuffle": True,
          "verbose": 0}
    if xv is not None and len(xv):
        kw["validation_data"] = (xv, yv)
    return kw


def prepare(name: str, x, y, class_names: list[str] | None = None) -> DataSet:
    """A classification set from arrays: flat float32 rows (pixels scaled to [0, 1]) and
    int64 labels; a set of two columns is a 2-D set of points."""
    x = np.asarray(x)
    if x.ndim > 2:
        x = x.reshape(len(x), -1)
    x = x.astype(np.float32, copy=False)
    if x.size and float(np.nanmax(np.abs(x))) > 1.5 and name in ("digits", *IMAGES.values()):
        x = x / np.float32(16.0 if name == "digits" else 255.0)   # scale pixels to [0, 1]
    y = np.asarray(y).astype(np.int64).reshape(-1)
    if len(x) != len(y):
        raise ValueError(translate("TrainingDock", "{name}: {n} samples but {m} labels").format(
            name=name, n=len(x), m=len(y)))
    k = int(y.max()) + 1 if y.size else 0
    names = class_names or [str(i) for i in range(k)]
    points = x if x.ndim == 2 and x.shape[1] == 2 else None
    return DataSet(name, x, y, list(names), points=points,
                   features=list(RAW_FEATURES) if points is not None else None)


def plane_set(name: str, points: np.ndarray, y: np.ndarray, features, regression: bool,
              class_names: list[str] | None = None) -> DataSet:
    """A 2-D set whose model inputs are ``features`` of ``points``."""
    points = np.asarray(points, dtype=np.float32).reshape(-1, 2)
    feats = list(features) if features else list(RAW_FEATURES)
    x = features_of(points, feats) if len(points) else np.zeros((0, len(feats)), np.float32)
    if regression:
        return DataSet(name, x, np.asarray(y, dtype=np.float32).reshape(-1), [],
                       points=points, features=feats, regression=True)
    y = np.asarray(y).astype(np.int64).reshape(-1)
    names = class_names or [str(i) for i in range(max(2, int(y.max()) + 1 if y.size else 2))]
    return DataSet(name, x, y, list(names), points=points, features=feats)


def generate(name: str, n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Points and targets of one of Playground's sets (classification or regression)."""
    from graphviz_nn import datasets
    if name in REGRESSION:
        return datasets.regression(name, n=n, noise=noise, seed=seed)
    if name in PLAYGROUND:
        return datasets.playground(name, n=n, noise=noise, seed=seed)
    raise ValueError(f"unknown 2-D data set {name!r}")
