"""What reading and writing .keras files share: the error, Keras's names for layers, losses and
optimizers, and h5py (the ``interop`` extra)."""

from __future__ import annotations

from typing import Any

from ..export.model_spec import Layer, ModelSpec
from ..node import GraphError

KERAS_VERSION = "3.15.1"          # the Keras version whose format this writes


class KerasFileError(GraphError):
    """A .keras file that cannot be read or written; the message says what is wrong."""


def need(cond: bool, msg: str) -> None:
    """KerasFileError(``msg``) unless ``cond``."""
    if not cond:
        raise KerasFileError(msg)


def need_h5py(doing: str):
    """The h5py module; KerasFileError saying how to install it when it is missing."""
    try:
        import h5py
    except ImportError:
        raise KerasFileError(f"{doing} .keras files needs h5py: python3 -m pip install "
                             "'graphviz-nn[interop]'") from None
    return h5py


LOSS_NAMES = {"sparse_categorical_crossentropy": "sparse_categorical_crossentropy",
              "SparseCategoricalCrossentropy": "sparse_categorical_crossentropy",
              "mse": "mse", "mean_squared_error": "mse", "MeanSquaredError": "mse"}
OPTIMIZERS = {"Adam": "adam", "SGD": "sgd", "RMSprop": "rmsprop", "Adagrad": "adagrad"}


def model_name(name: Any) -> str:
    """The model's name as a file keeps it ("sequential" for a missing or unusable one)."""
    return name if isinstance(name, str) and 0 < len(name) <= 100 else "sequential"


def keras_names(spec: ModelSpec) -> list[Layer]:
    """The layers with Keras's own names: dense, dense_1, ..., dropout, dropout_1, ..."""
    counts = {"Dense": 0, "Dropout": 0}
    out = []
    for lay in spec.layers:
        k = counts[lay.kind]
        counts[lay.kind] += 1
        base = lay.kind.lower()
        out.append(Layer(lay.kind, lay.units, lay.activation, lay.rate,
                         base if k == 0 else f"{base}_{k}"))
    return out
