"""Optimizers with Keras's names, defaults and update rules, applied in place.

Each optimizer updates a list of parameter arrays from a list of gradient arrays of the same
shapes. The parameter arrays are changed in place (so a graph that holds them sees the update)
and the gradients are left untouched. State (momentum, accumulators, moments) lives in arrays
allocated on the first step and reused afterwards, together with one scratch buffer per
parameter, so a training step allocates nothing.

The rules follow Keras 3 (``keras.optimizers``), epsilons included:

- SGD:      v = m·v − lr·g;  w += v  (nesterov: w += m·v − lr·g);  plain: w −= lr·g
- Adagrad:  acc += g²;  w −= lr·g / sqrt(acc + ε)
- RMSprop:  v = ρ·v + (1−ρ)·g²;  w −= lr·g / sqrt(v + ε)   (centered: v − ḡ² inside the sqrt)
- Adam:     m += (g − m)(1−β1);  v += (g² − v)(1−β2);
            w −= lr·sqrt(1−β2ᵗ)/(1−β1ᵗ) · m / (sqrt(v) + ε)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["Optimizer", "SGD", "Adagrad", "RMSprop", "Adam", "get", "OPTIMIZERS"]


class Optimizer:
    """Base class: ``apply(params, grads)`` updates ``params`` in place."""

    name = "optimizer"

    def __init__(self, learning_rate: float = 0.001) -> None:
        lr = float(learning_rate)
        if not math.isfinite(lr) or lr <= 0:
            raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
        self.learning_rate = lr
        self.iterations = 0
        self._slots: list[dict[str, np.ndarray]] | None = None

    # -- state -------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget all state (moments, accumulators, step count)."""
        self.iterations = 0
        self._slots = None

    def _make_slots(self, p: np.ndarray) -> dict[str, np.ndarray]:
        return {"tmp": np.empty_like(p)}

    def apply(self, params: Sequence[np.ndarray], grads: Sequence[np.ndarray]) -> None:
        """One update step: change every array of ``params`` in place from ``grads``.

        The state is (re)created when the parameters' number or shapes change."""
        slots = self._slots
        if slots is None or len(slots) != len(params) or any(
                s["tmp"].shape != p.shape for s, p in zip(slots, params, strict=True)):
            slots = self._slots = [self._make_slots(p) for p in params]
        self.iterations += 1
        self._begin_step()
        for p, g, s in zip(params, grads, slots, strict=True):
            self._update(p, g, s)

    def _begin_step(self) -> None:
        pass

    def _update(self, p: np.ndarray, g: np.ndarray, s: dict[str, np.ndarray]) -> None:
        raise NotImplementedError

    def get_config(self) -> dict:
        """The hyper-parameters, as Keras's ``get_config``."""
        return {"name": self.name, "learning_rate": self.learning_rate}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items() if k != "name")
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    """Stochastic gradient descent with optional (Nesterov) momentum."""

    name = "SGD"

    def __init__(self, learning_rate: float = 0.01, momentum: float = 0.0,
                 nesterov: bool = False) -> None:
        super().__init__(learning_rate)
        if not 0.0 <= momentum <= 1.0:
            raise ValueError(f"momentum must be between 0 and 1, got {momentum!r}")
        self.momentum = float(momentum)
        self.nesterov = bool(nesterov)

    def _make_slots(self, p: np.ndarray) -> dict[str, np.ndarray]:
        s = super()._make_slots(p)
        if self.momentum > 0:
            s["velocity"] = np.zeros_like(p)
        return s

    def _update(self, p, g, s) -> None:
        lr, tmp = self.learning_rate, s["tmp"]
        np.multiply(g, lr, out=tmp)
        if self.momentum == 0:
            np.subtract(p, tmp, out=p)
            return
        v = s["velocity"]
        v *= self.momentum
        v -= tmp                      # v = m·v − lr·g
        if self.nesterov:
            np.subtract(p, tmp, out=p)
            np.multiply(v, self.momentum, out=tmp)
            p += tmp                  # w += m·v − lr·g
        else:
            p += v

    def get_config(self) -> dict:
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


class Adagrad(Optimizer):
    """Adagrad: per-weight learning rates from the sum of squared gradients."""

    name = "Adagrad"

    def __init__(self, learning_rate: float = 0.001, initial_accumulator_value: float = 0.1,
                 epsilon: float = 1e-7) -> None:
        super().__init__(learning_rate)
        self.initial_accumulator_value = float(initial_accumulator_value)
        self.epsilon = float(epsilon)

    def _make_slots(self, p):
        s = super()._make_slots(p)
        s["accumulator"] = np.full_like(p, self.initial_accumulator_value)
        return s

    def _update(self, p, g, s) -> None:
        acc, tmp = s["accumulator"], s["tmp"]
        np.multiply(g, g, out=tmp)
        acc += tmp
        np.add(acc, self.epsilon, out=tmp)
        np.sqrt(tmp, out=tmp)
        np.divide(g, tmp, out=tmp)
        tmp *= self.learning_rate
        p -= tmp

    def get_config(self) -> dict:
        return {**super().get_config(), "initial_accumulator_value":
                self.initial_accumulator_value, "epsilon": self.epsilon}


class RMSprop(Optimizer):
    """RMSprop: divide by a moving average of squared gradients."""

    name = "RMSprop"

    def __init__(self, learning_rate: float = 0.001, rho: float = 0.9, momentum: float = 0.0,
                 epsilon: float = 1e-7, centered: bool = False) -> None:
        super().__init__(learning_rate)
        self.rho, self.momentum = float(rho), float(momentum)
        self.epsilon, self.centered = float(epsilon), bool(centered)

    def _make_slots(self, p):
        s = super()._make_slots(p)
        s["velocity"] = np.zeros_like(p)
        if self.centered:
            s["average_gradient"] = np.zeros_like(p)
        if self.momentum > 0:
            s["momentum"] = np.zeros_like(p)
        return s

    def _update(self, p, g, s) -> None:
        rho, v, tmp = self.rho, s["velocity"], s["tmp"]
        v *= rho
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - rho
        v += tmp                                   # v = ρ·v + (1−ρ)·g²
        if self.centered:
            avg = s["average_gradient"]
            avg *= rho
            np.multiply(g, 1.0 - rho, out=tmp)
            avg += tmp
            np.multiply(avg, avg, out=tmp)
            np.subtract(v, tmp, out=tmp)
            tmp += self.epsilon
        else:
            np.add(v, self.epsilon, out=tmp)
        np.sqrt(tmp, out=tmp)
        np.divide(g, tmp, out=tmp)
        tmp *= self.learning_rate                  # increment = lr·g / sqrt(...)
        if self.momentum > 0:
            mom = s["momentum"]
            mom *= self.momentum
            mom += tmp
            p -= mom
        else:
            p -= tmp

    def get_config(self) -> dict:
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum,
                "epsilon": self.epsilon, "centered": self.centered}


class Adam(Optimizer):
    """Adam: bias-corrected moving averages of the gradient and its square."""

    name = "Adam"

    def __init__(self, learning_rate: float = 0.001, beta_1: float = 0.9, beta_2: float = 0.999,
                 epsilon: float = 1e-7) -> None:
        super().__init__(learning_rate)
        self.beta_1, self.beta_2, self.epsilon = float(beta_1), float(beta_2), float(epsilon)
        self._alpha = 0.0

    def _make_slots(self, p):
        s = super()._make_slots(p)
        s["m"] = np.zeros_like(p)
        s["v"] = np.zeros_like(p)
        return s

    def _begin_step(self) -> None:
        t = self.iterations
        self._alpha = (self.learning_rate * math.sqrt(1.0 - self.beta_2 ** t)
                       / (1.0 - self.beta_1 ** t))

    def _update(self, p, g, s) -> None:
        m, v, tmp = s["m"], s["v"], s["tmp"]
        np.subtract(g, m, out=tmp)
        tmp *= 1.0 - self.beta_1
        m += tmp                                   # m += (g − m)(1 − β1)
        np.multiply(g, g, out=tmp)
        tmp -= v
        tmp *= 1.0 - self.beta_2
        v += tmp                                   # v += (g² − v)(1 − β2)
        np.sqrt(v, out=tmp)
        tmp += self.epsilon
        np.divide(m, tmp, out=tmp)
        tmp *= self._alpha
        p -= tmp

    def get_config(self) -> dict:
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2,
                "epsilon": self.epsilon}


OPTIMIZERS: dict[str, type[Optimizer]] = {
    "sgd": SGD, "adagrad": Adagrad, "rmsprop": RMSprop, "adam": Adam,
}


def get(identifier: str | Optimizer, learning_rate: float | None = None) -> Optimizer:
    """An optimizer from a name ("sgd", "adagrad", "rmsprop", "adam") or an instance."""
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, str) and identifier.lower() in OPTIMIZERS:
        cls = OPTIMIZERS[identifier.lower()]
        return cls() if learning_rate is None else cls(learning_rate=learning_rate)
    names = ", ".join(OPTIMIZERS)
    raise ValueError(f"unknown optimizer {identifier!r}; choose one of: {names}")
