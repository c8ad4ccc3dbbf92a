"""Layers of the Keras-style model: ``Dense`` and ``Dropout``.

A layer holds its configuration and, once the model is built, its weights. The weights are
the very arrays the engine graph's parameter nodes hold, so training (which updates them in
place) is what the graph shows.
"""

from __future__ import annotations

import numpy as np

from graphviz_nn.messages import say
from graphviz_nn.nn import activations, regularizers

__all__ = ["Layer", "Dense", "Dropout", "mlp_layers", "parse_layer_sizes"]


class Layer:
    """Base class of the layers a ``Sequential`` model stacks."""

    kind = "Layer"

    def __init__(self, name: str | None = None, input_shape: tuple[int, ...] | None = None
                 ) -> None:
        self.name = name
        self.input_shape = _shape(input_shape)
        self.input_dim: int | None = None      # set when the model is built

    def output_dim(self, input_dim: int) -> int:
        return input_dim

    def count_params(self) -> int:
        return 0

    @property
    def weights(self) -> list[np.ndarray]:
        return []

    def __repr__(self) -> str:
        return f"<{self.kind} {self.name or ''}>".replace(" >", ">")


def _shape(shape) -> tuple[int, ...] | None:
    if shape is None:
        return None
    if isinstance(shape, int):
        shape = (shape,)
    try:
        shape = tuple(int(s) for s in shape)
    except (TypeError, ValueError):
        raise ValueError(f"input_shape must be a tuple of sizes like (784,), got {shape!r}") \
            from None
    if not shape or any(s <= 0 for s in shape):
        raise ValueError(f"input_shape must hold positive sizes, got {shape!r}")
    return shape


class Dense(Layer):
    """A fully connected layer: ``activation(x @ W + b)``.

    ``Dense(units, activation=None, input_shape=None)`` as in Keras; ``activation`` is one of
    sigmoid, tanh, relu, leaky_relu, elu, softmax, linear (``None`` = linear). Weights start
    Glorot-uniform, biases at zero. ``kernel_regularizer`` / ``bias_regularizer``: a penalty
    from ``graphviz_nn.nn.regularizers`` (``l1``, ``l2``, ``l1_l2``) added to the loss.
    """

    kind = "Dense"

    def __init__(self, units: int, activation: str | None = None,
                 input_shape: tuple[int, ...] | None = None, use_bias: bool = True,
                 name: str | None = None, kernel_regularizer=None,
                 bias_regularizer=None) -> None:
        super().__init__(name, input_shape)
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units <= 0:
            raise ValueError(f"Dense needs a positive whole number of units, got {units!r}")
        if not use_bias:
            raise ValueError("Dense(use_bias=False) is not supported: every layer has a bias")
        self.units = int(units)
        self.activation = activations.get(activation)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.W: np.ndarray | None = None
        self.b: np.ndarray | None = None

    def output_dim(self, input_dim: int) -> int:
        return self.units

    def count_params(self) -> int:
        if self.input_dim is None:
            return 0
        return self.input_dim * self.units + self.units

    @property
    def weights(self) -> list[np.ndarray]:
        return [] if self.W is None else [self.W, self.b]

    def penalties(self) -> list[tuple[np.ndarray, regularizers.Regularizer]]:
        """(weights, regularizer) for each of this layer's penalised weights."""
        pairs = [(self.W, self.kernel_regularizer), (self.b, self.bias_regularizer)]
        return [(w, r) for w, r in pairs if r is not None and w is not None]

    def penalty(self) -> float:
        """The regularization loss of this layer's weights now."""
        return sum(r(w) for w, r in self.penalties())

    def initialize(self, rng: np.random.Generator, dtype=np.float32) -> None:
        """Glorot-uniform weights and zero biases, written into the existing arrays if any."""
        fan_in, fan_out = self.input_dim, self.units
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        w = rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(dtype)
        if self.W is None or self.W.shape != w.shape:
            self.W, self.b = w, np.zeros(fan_out, dtype=dtype)
        else:
            np.copyto(self.W, w)
            self.b.fill(0)


class Dropout(Layer):
    """Randomly zero a fraction ``rate`` of the inputs while training, scaling the rest by
    ``1 / (1 − rate)`` so the expected sum is unchanged; does nothing in evaluate/predict."""

    kind = "Dropout"

    def __init__(self, rate: float, name: str | None = None,
                 input_shape: tuple[int, ...] | None = None) -> None:
        super().__init__(name, input_shape)
        try:
            rate = float(rate)
        except (TypeError, ValueError):
            raise ValueError(f"Dropout rate must be a number in [0, 1), got {rate!r}") from None
        if not 0.0 <= rate < 1.0:
            raise ValueError(f"Dropout rate must be in [0, 1), got {rate!r}")
        self.rate = rate


MAX_UNITS = 4096


def parse_layer_sizes(text: str) -> list[int]:
    """Hidden layer sizes as a learner types them: ``"64, 64"`` -> ``[64, 64]``.

    Commas, spaces or semicolons separate the sizes; an empty text means no hidden layer.
    Raises ValueError saying what is wrong (not a whole number, out of 1 to 4096).
    """
    sizes = []
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        if not part:
            continue
        try:
            size = int(part)
        except ValueError:
            raise ValueError(say("layer_sizes_format", part=part)) from None
        if not 1 <= size <= MAX_UNITS:
            raise ValueError(say("layer_size_range", size=size, limit=MAX_UNITS))
        sizes.append(size)
    return sizes


def mlp_layers(input_dim: int, hidden: list[int], classes: int, activation: str = "relu",
               dropout: float = 0.0) -> list[Layer]:
    """The classifier MLP the app and ``graphviz-nn train`` build: a Dense layer per size in
    ``hidden`` (each followed by a Dropout when ``dropout`` > 0), then a softmax Dense layer of
    ``max(classes, 2)`` units. The first layer gets ``input_shape=(input_dim,)``."""
    layers: list[Layer] = []
    first = {"input_shape": (input_dim,)}
    for units in hidden:
        layers.append(Dense(units, activation=activation, **(first if not layers else {})))
        if dropout > 0:
            layers.append(Dropout(dropout))
    layers.append(Dense(max(classes, 2), activation="softmax", **(first if not layers else {})))
    return layers
