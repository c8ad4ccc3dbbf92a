"""Losses with Keras's names, and the fused output "heads" the training plan uses.

A head is the last layer's activation together with the loss: it takes the last layer's
pre-activation ``z`` (the logits), and in one pass gives the batch-mean loss, the number of
correct predictions and the gradient ``∂loss/∂z``. Softmax + cross-entropy and sigmoid +
binary cross-entropy are fused and computed stably from the logits (log-sum-exp,
softplus), so the gradient is simply ``(p − y) / n``. Keras clips probabilities at 1e-7 before
taking the log; computing from the logits needs no clipping.

The plain functions (``sparse_categorical_crossentropy(y_true, y_pred)`` ...) take
probabilities like Keras's and return one loss per sample.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from graphviz_nn.nn import activations

__all__ = ["LOSSES", "Head", "make_head", "sparse_categorical_crossentropy",
           "categorical_crossentropy", "binary_crossentropy", "mse"]

EPSILON = 1e-7
LOSSES = ("sparse_categorical_crossentropy", "categorical_crossentropy",
          "binary_crossentropy", "mse")
_ALIASES = {"mean_squared_error": "mse", "crossentropy": "categorical_crossentropy"}


# -- Keras-style functional losses (probabilities in, per-sample loss out) ---------------------
def sparse_categorical_crossentropy(y_true, y_pred) -> np.ndarray:
    """−log p[label] per sample; ``y_pred`` holds probabilities (rows sum to 1)."""
    p = np.clip(np.asarray(y_pred, dtype=np.float64), EPSILON, 1 - EPSILON)
    y = np.asarray(y_true).astype(np.int64).reshape(-1)
    return -np.log(p[np.arange(len(y)), y])


def categorical_crossentropy(y_true, y_pred) -> np.ndarray:
    """−Σ y·log p per sample, with one-hot (or soft) targets."""
    p = np.clip(np.asarray(y_pred, dtype=np.float64), EPSILON, 1 - EPSILON)
    return -(np.asarray(y_true, dtype=np.float64) * np.log(p)).sum(axis=-1)


def binary_crossentropy(y_true, y_pred) -> np.ndarray:
    """−mean(y·log p + (1−y)·log(1−p)) over the last axis, per sample."""
    p = np.clip(np.asarray(y_pred, dtype=np.float64), EPSILON, 1 - EPSILON)
    y = np.asarray(y_true, dtype=np.float64).reshape(p.shape)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p)).mean(axis=-1)


def mse(y_true, y_pred) -> np.ndarray:
    """Mean squared error over the last axis, per sample."""
    p = np.asarray(y_pred, dtype=np.float64)
    y = np.asarray(y_true, dtype=np.float64).reshape(p.shape)
    return ((p - y) ** 2).mean(axis=-1)


# -- fused heads for the training plan --------------------------------------------------------
class Head:
    """Output activation + loss. Subclasses fill ``train`` / ``evaluate`` / ``output``."""

    name = ""
    sparse = False          # targets are integer class labels

    def __init__(self, activation: activations.Activation, units: int) -> None:
        self.activation, self.units = activation, units

    def targets(self, y, n: int) -> np.ndarray:
        """Check and convert targets for ``n`` samples (clear message if they do not fit)."""
        y = np.asarray(y)
        if self.sparse:
            if y.ndim == 2 and y.shape[1] == 1:
                y = y[:, 0]
            if y.ndim != 1 or len(y) != n:
                hint = (" (one-hot rows go with categorical_crossentropy)"
                        if y.ndim == 2 and y.shape[1] == self.units else "")
                raise ValueError(f"{self.name} needs one integer label per sample: got labels "
                                 f"of shape {y.shape} for {n} samples{hint}")
            if y.dtype.kind == "f" and not np.all(np.mod(y, 1) == 0):
                raise ValueError(f"{self.name} needs integer class labels, got fractions")
            y = y.astype(np.int64)
            if len(y) and (y.min() < 0 or y.max() >= self.units):
                raise ValueError(f"labels must be between 0 and {self.units - 1} for an output "
                                 f"layer of {self.units} units, got {y.min()}..{y.max()}")
            return y
        if y.ndim == 1 and self.units == 1:
            y = y[:, None]
        if y.shape != (n, self.units):
            raise ValueError(f"{self.name} needs targets of shape ({n}, {self.units}), got "
                             f"{y.shape}" + (" (use one_hot for class labels)"
                                             if y.ndim == 1 else ""))
        return np.ascontiguousarray(y, dtype=np.float32)

    def train(self, z: np.ndarray, y: np.ndarray, dz: np.ndarray) -> tuple[float, int]:
        """Mean loss and number correct over the batch; writes ∂loss/∂z into ``dz``.

        ``z`` may be overwritten."""
        raise NotImplementedError

    def evaluate(self, z: np.ndarray, y: np.ndarray) -> tuple[float, int]:
        """Summed loss and number correct (no gradient)."""
        raise NotImplementedError

    def _correct(self, z: np.ndarray, y: np.ndarray) -> int:
        """How many rows the model gets right (``z``: the logits; MSE: the outputs)."""
        raise NotImplementedError

    def output(self, z: np.ndarray) -> np.ndarray:
        """The model's prediction from the logits (probabilities for classifiers)."""
        return self.activation.forward(z, np.empty_like(z))


def _log_softmax(z: np.ndarray) -> np.ndarray:
    s = z - z.max(axis=-1, keepdims=True)
    s -= np.log(np.exp(s).sum(axis=-1, keepdims=True))
    return s


class SoftmaxSparseCE(Head):
    name, sparse = "sparse_categorical_crossentropy", True
    _rows = np.arange(0)

    def train(self, z, y, dz):
        n = len(y)
        if len(self._rows) < n:
            self._rows = np.arange(max(n, 1024))
        rows = self._rows[:n]
        correct = self._correct(z, y)
        z -= z.max(axis=1, keepdims=True)
        picked = float(z[rows, y].sum())
        np.exp(z, out=dz)
        s = dz.sum(axis=1, keepdims=True)
        loss = (float(np.log(s).sum()) - picked) / n
        dz /= s
        dz[rows, y] -= 1.0
        dz *= 1.0 / n
        return loss, correct

    def evaluate(self, z, y):
        logp = _log_softmax(z)
        loss = -float(logp[np.arange(len(y)), y].sum())
        return loss, self._correct(z, y)

    def _correct(self, z, y):
        return int(np.count_nonzero(z.argmax(axis=1) == y))


class SoftmaxCE(Head):
    name = "categorical_crossentropy"

    def train(self, z, y, dz):
        n = len(y)
        correct = self._correct(z, y)
        z -= z.max(axis=1, keepdims=True)
        yz = float(np.vdot(y, z))
        np.exp(z, out=dz)
        s = dz.sum(axis=1, keepdims=True)
        ysum = y.sum(axis=1, keepdims=True)
        # −Σ y·(z − log s) = Σ y·log s − Σ y·z
        loss = (float((ysum * np.log(s)).sum()) - yz) / n
        dz /= s
        dz *= ysum
        dz -= y
        dz *= 1.0 / n
        return loss, correct

    def evaluate(self, z, y):
        loss = -float((y * _log_softmax(z)).sum())
        return loss, self._correct(z, y)

    def _correct(self, z, y):
        return int(np.count_nonzero(z.argmax(axis=1) == y.argmax(axis=1)))


class SigmoidBCE(Head):
    name = "binary_crossentropy"

    @staticmethod
    def _losses(z, y):
        # softplus(z) − y·z, stably: max(z, 0) − y·z + log(1 + e^−|z|)
        return np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))

    def train(self, z, y, dz):
        n, k = z.shape
        correct = self._correct(z, y)
        loss = float(self._losses(z, y).sum()) / (n * k)
        self.activation.forward(z, dz)
        dz -= y
        dz *= 1.0 / (n * k)
        return loss, correct

    def evaluate(self, z, y):
        return float(self._losses(z, y).sum()) / z.shape[1], self._correct(z, y)

    def _correct(self, z, y):
        return int(np.count_nonzero(((z > 0) == (y > 0.5)).all(axis=1)))


class MSEHead(Head):
    name = "mse"

    def __init__(self, activation, units):
        super().__init__(activation, units)
        self._bufs = np.empty((2, 0, units), np.float32)

    def _correct(self, a, y):
        if a.shape[1] > 1:
            return int(np.count_nonzero(a.argmax(axis=1) == y.argmax(axis=1)))
        return int(np.count_nonzero(np.round(a[:, 0]) == np.round(y[:, 0])))

    def train(self, z, y, dz):
        n, k = z.shape
        if self._bufs.shape[1] < n or self._bufs.dtype != z.dtype:
            self._bufs = np.empty((2, max(n, 1), k), z.dtype)
        a, scratch = self._bufs[0, :n], self._bufs[1, :n]
        self.activation.forward(z, a)
        correct = self._correct(a, y)
        np.subtract(a, y, out=dz)
        loss = float(np.vdot(dz, dz)) / (n * k)
        dz *= 2.0 / (n * k)
        self.activation.backward(a, dz, dz, scratch)
        return loss, correct

    def evaluate(self, z, y):
        a = self.output(z)
        return float(((a - y) ** 2).sum()) / a.shape[1], self._correct(a, y)


_FUSED = {"sparse_categorical_crossentropy": ("softmax", SoftmaxSparseCE),
          "categorical_crossentropy": ("softmax", SoftmaxCE),
          "binary_crossentropy": ("sigmoid", SigmoidBCE)}


def make_head(loss: str, activation: activations.Activation, units: int) -> Head:
    """The head for ``loss`` on a last layer with ``activation`` and ``units`` outputs."""
    if not isinstance(loss, str):
        raise ValueError(f"loss must be one of {', '.join(LOSSES)}, got {loss!r}")
    name = _ALIASES.get(loss.lower(), loss.lower())
    if name == "mse":
        return MSEHead(activation, units)
    if name not in _FUSED:
        raise ValueError(f"unknown loss {loss!r}; choose one of: {', '.join(LOSSES)}")
    act, cls = _FUSED[name]
    if activation.name != act:
        raise ValueError(f"{name} needs a {act} output layer, e.g. Dense({units}, "
                         f"activation='{act}'); the last layer has activation "
                         f"'{activation.name}'")
    if act == "softmax" and units < 2:
        raise ValueError(f"{name} needs at least 2 output units, the last layer has {units}")
    return cls(activation, units)
