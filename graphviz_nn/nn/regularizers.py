"""Weight penalties, with Keras's names and maths: ``regularizers.l1(0.01)``, ``l2(0.01)``,
``l1_l2(l1=0.0, l2=0.0)``.

    Dense(16, activation="relu", kernel_regularizer=regularizers.l2(0.01))

A penalty ``l1·Σ|w| + l2·Σw²`` is added to the loss the model reports (in ``fit`` and in
``evaluate``, as Keras does), and its gradient ``l1·sign(w) + 2·l2·w`` to the weight's
gradient before the optimizer's update.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["Regularizer", "L1", "L2", "L1L2", "l1", "l2", "l1_l2", "get"]


def _rate(value, what: str) -> float:
    try:
        rate = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"the {what} rate must be a number, got {value!r}") from None
    if not math.isfinite(rate) or rate < 0:
        raise ValueError(f"the {what} rate must be a finite number >= 0, got {value!r}")
    return rate


class Regularizer:
    """``l1·Σ|w| + l2·Σw²``; ``L1``, ``L2`` and ``L1L2`` only differ in their defaults."""

    def __init__(self, l1: float = 0.0, l2: float = 0.0) -> None:
        self.l1, self.l2 = _rate(l1, "L1"), _rate(l2, "L2")

    def __call__(self, w: np.ndarray) -> float:
        """The penalty for the weights ``w``."""
        total = 0.0
        if self.l1:
            total += self.l1 * float(np.abs(w).sum(dtype=np.float64))
        if self.l2:
            total += self.l2 * float(np.square(w, dtype=np.float64).sum())
        return total

    def add_gradient(self, w: np.ndarray, grad: np.ndarray) -> None:
        """``grad += l1·sign(w) + 2·l2·w``, in place."""
        if self.l1:
            grad += (self.l1 * np.sign(w)).astype(grad.dtype, copy=False)
        if self.l2:
            grad += (2.0 * self.l2) * w

    def get_config(self) -> dict:
        return {"l1": self.l1, "l2": self.l2}

    @property
    def name(self) -> str:
        if self.l1 and self.l2:
            return f"L1 {self.l1:g} + L2 {self.l2:g}"
        return f"L1 {self.l1:g}" if self.l1 else f"L2 {self.l2:g}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Regularizer) and self.get_config() == other.get_config()

    def __hash__(self) -> int:
        return hash((self.l1, self.l2))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(l1={self.l1:g}, l2={self.l2:g})"


class L1(Regularizer):
    def __init__(self, l1: float = 0.01) -> None:
        super().__init__(l1=l1)


class L2(Regularizer):
    def __init__(self, l2: float = 0.01) -> None:
        super().__init__(l2=l2)


class L1L2(Regularizer):
    def __init__(self, l1: float = 0.0, l2: float = 0.0) -> None:
        super().__init__(l1=l1, l2=l2)


def l1(l1: float = 0.01) -> Regularizer:
    """Keras's ``regularizers.l1``: ``l1·Σ|w|``."""
    return L1(l1)


def l2(l2: float = 0.01) -> Regularizer:
    """Keras's ``regularizers.l2``: ``l2·Σw²``."""
    return L2(l2)


def l1_l2(l1: float = 0.0, l2: float = 0.0) -> Regularizer:
    """Keras's ``regularizers.l1_l2``: ``l1·Σ|w| + l2·Σw²``."""
    return L1L2(l1, l2)


def get(identifier) -> Regularizer | None:
    """A regularizer from ``None``, an instance, a name ("l1", "l2", "l1_l2", Keras's
    defaults) or a config dict ``{"l1": ..., "l2": ...}``."""
    if identifier is None or isinstance(identifier, Regularizer):
        return identifier
    if isinstance(identifier, str):
        makers = {"l1": l1, "l2": l2, "l1_l2": l1_l2}
        key = identifier.lower()
        if key not in makers:
            raise ValueError(f"unknown regularizer {identifier!r}; choose l1, l2 or l1_l2")
        return makers[key]()
    if isinstance(identifier, dict):
        extra = set(identifier) - {"l1", "l2"}
        if extra:
            raise ValueError(f"a regularizer config holds l1 and l2, not {sorted(extra)}")
        return Regularizer(identifier.get("l1", 0.0), identifier.get("l2", 0.0))
    raise ValueError(f"a regularizer must be l1(...), l2(...), l1_l2(...) or None, "
                     f"got {identifier!r}")
