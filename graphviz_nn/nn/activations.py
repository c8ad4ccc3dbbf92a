"""Activations of the Keras layer, written for the training plan: in place, no allocation.

Each activation computes ``a = f(z)`` into a buffer (it may be ``z`` itself) and turns the
gradient with respect to its output into the gradient with respect to its input using only the
output ``a`` (every derivative here can be written from the output), so the plan keeps one
buffer per layer.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Activation", "get", "ACTIVATIONS", "HIDDEN_ACTIVATIONS"]


class Activation:
    """An elementwise (or row-wise, for softmax) activation with its derivative."""

    name = "linear"
    engine_op: str | None = None      # the engine op that draws it in model.graph
    engine_attrs: dict = {}

    def forward(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        if out is not z:
            np.copyto(out, z)
        return out

    def backward(self, a: np.ndarray, da: np.ndarray, out: np.ndarray,
                 scratch: np.ndarray) -> np.ndarray:
        """``out = da · f'(z)`` written from ``a = f(z)``; ``scratch`` is a spare buffer."""
        if out is not da:
            np.copyto(out, da)
        return out

    def __repr__(self) -> str:
        return self.name


class Sigmoid(Activation):
    name, engine_op = "sigmoid", "sigmoid"

    def forward(self, z, out):
        # 1 / (1 + e^-z) without overflow warnings for very negative z (exp(inf) -> inf -> 0)
        np.negative(z, out=out)
        np.exp(out, out=out)
        out += 1.0
        np.reciprocal(out, out=out)
        return out

    def backward(self, a, da, out, scratch):
        np.subtract(1.0, a, out=scratch)
        scratch *= a
        np.multiply(da, scratch, out=out)
        return out


class Tanh(Activation):
    name, engine_op = "tanh", "tanh"

    def forward(self, z, out):
        return np.tanh(z, out=out)

    def backward(self, a, da, out, scratch):
        np.multiply(a, a, out=scratch)
        np.subtract(1.0, scratch, out=scratch)
        np.multiply(da, scratch, out=out)
        return out


class ReLU(Activation):
    name, engine_op = "relu", "relu"

    def forward(self, z, out):
        return np.maximum(z, 0.0, out=out)

    def backward(self, a, da, out, scratch):
        np.greater(a, 0.0, out=scratch)          # 1.0 where the unit was active, else 0.0
        np.multiply(da, scratch, out=out)
        return out


class LeakyReLU(Activation):
    name, engine_op = "leaky_relu", "leaky_relu"

    def __init__(self, alpha: float = 0.2) -> None:   # Keras 3's negative_slope default
        self.alpha = float(alpha)
        self.engine_attrs = {"alpha": self.alpha}

    def forward(self, z, out):
        scaled = np.multiply(z, self.alpha, out=None if out is z else out)
        return np.maximum(z, scaled, out=out)

    def backward(self, a, da, out, scratch):
        np.greater(a, 0.0, out=scratch)
        scratch *= 1.0 - self.alpha
        scratch += self.alpha
        np.multiply(da, scratch, out=out)
        return out


class ELU(Activation):
    name, engine_op = "elu", "elu"

    def __init__(self, alpha: float = 1.0) -> None:
        self.alpha = float(alpha)
        self.engine_attrs = {"alpha": self.alpha}

    def forward(self, z, out):
        neg = np.minimum(z, 0.0)
        np.expm1(neg, out=neg)
        neg *= self.alpha
        np.maximum(z, 0.0, out=out)
        out += neg
        return out

    def backward(self, a, da, out, scratch):
        # f'(z) = 1 for z > 0, else alpha·e^z = a + alpha
        np.add(a, self.alpha, out=scratch)
        np.copyto(scratch, 1.0, where=a > 0)
        np.multiply(da, scratch, out=out)
        return out


class Softmax(Activation):
    name, engine_op = "softmax", "softmax"

    def forward(self, z, out):
        m = z.max(axis=-1, keepdims=True)
        np.subtract(z, m, out=out)
        np.exp(out, out=out)
        out /= out.sum(axis=-1, keepdims=True)
        return out

    def backward(self, a, da, out, scratch):
        np.multiply(da, a, out=scratch)
        s = scratch.sum(axis=-1, keepdims=True)
        np.subtract(da, s, out=out)
        out *= a
        return out


ACTIVATIONS: dict[str, type[Activation]] = {
    "linear": Activation, "sigmoid": Sigmoid, "tanh": Tanh, "relu": ReLU,
    "leaky_relu": LeakyReLU, "elu": ELU, "softmax": Softmax,
}
# what a hidden layer can be given in the app's forms, the usual choice first
HIDDEN_ACTIVATIONS = ("relu", "sigmoid", "tanh", "leaky_relu", "elu")


def get(identifier: str | Activation | None) -> Activation:
    """An activation from its Keras name (``None`` means linear) or an instance."""
    if identifier is None:
        return Activation()
    if isinstance(identifier, Activation):
        return identifier
    if isinstance(identifier, str) and identifier.lower() in ACTIVATIONS:
        return ACTIVATIONS[identifier.lower()]()
    names = ", ".join(ACTIVATIONS)
    raise ValueError(f"unknown activation {identifier!r}; choose one of: {names}")
