"""Growable numpy series and TensorBoard-style smoothing (no Qt here)."""

from __future__ import annotations

import numpy as np


def _ema_run(values: np.ndarray, w: float, last: float) -> np.ndarray:
    """The recursion s_k = w·s_(k-1) + (1-w)·x_k over ``values``, vectorised.

    Closed form: s_k = w^(k+1) · (s_(-1) + (1-w) · Σ_(j<=k) x_j / w^(j+1)). The run is cut into
    blocks short enough that w^-(j+1) stays below 1e100, so nothing overflows.
    """
    if w <= 0.0:
        return values.copy()
    block = max(1, int(100 * np.log(10) / -np.log(w))) if w < 1.0 else values.size
    out = np.empty_like(values)
    for start in range(0, values.size, block):
        x = values[start:start + block]
        a = w ** np.arange(1, x.size + 1, dtype=np.float64)
        out[start:start + x.size] = a * (last + (1.0 - w) * np.cumsum(x / a))
        last = float(out[start + x.size - 1])
    return out


class Series:
    """An append-only float64 array that grows by doubling (amortised O(1) per value)."""

    def __init__(self, capacity: int = 1024) -> None:
        self._buf = np.empty(capacity, dtype=np.float64)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        need = self._n + values.size
        if need > self._buf.size:
            new = np.empty(max(need, 2 * self._buf.size), dtype=np.float64)
            new[: self._n] = self._buf[: self._n]
            self._buf = new
        self._buf[self._n: need] = values
        self._n = need

    def append(self, value: float) -> None:
        self.extend(np.array([value]))

    @property
    def data(self) -> np.ndarray:
        """A view of the values so far (do not keep it across appends)."""
        return self._buf[: self._n]

    def clear(self) -> None:
        self._n = 0


class EMA:
    """TensorBoard's smoothing: exponential moving average with debiasing, kept incrementally.

    ``weight`` 0 shows the raw values, 0.99 a very smooth curve. Non-finite values are carried
    through without poisoning the average.
    """

    def __init__(self, weight: float = 0.6) -> None:
        self.weight = float(weight)
        self.out = Series()
        self._last = 0.0
        self._count = 0

    def reset(self, weight: float | None = None) -> None:
        if weight is not None:
            self.weight = float(weight)
        self.out.clear()
        self._last = 0.0
        self._count = 0

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        if values.size == 0:
            return
        w = self.weight
        finite = np.isfinite(values)
        if finite.all() and values.size > 64:
            last = _ema_run(values, w, self._last)
            k = np.arange(self._count + 1, self._count + values.size + 1, dtype=np.float64)
            debias = 1.0 - w ** k if w > 0 else np.ones_like(k)
            self.out.extend(last / debias)
            self._last = float(last[-1])
            self._count += values.size
            return
        res = np.empty(values.size)
        last, count = self._last, self._count
        for i, v in enumerate(values.tolist()):
            if not finite[i]:
                res[i] = v
                continue
            last = last * w + (1.0 - w) * v
            count += 1
            res[i] = last / (1.0 - w ** count) if w > 0 else last
        self._last, self._count = last, count
        self.out.extend(res)

    def recompute(self, values: np.ndarray, weight: float) -> None:
        self.reset(weight)
        self.extend(values)


class RunData:
    """The numbers of one run on the curves, in growable arrays."""

    def __init__(self, smoothing: float) -> None:
        self.steps = Series()
        self.loss = Series()
        self.acc = Series()
        self.epoch_of_step = Series()
        self.smooth_loss = EMA(smoothing)
        self.smooth_acc = EMA(smoothing)
        self.epochs: list[tuple[int, int, dict]] = []   # (epoch, last step, logs)
        self.loss_max = 0.0

    def add_steps(self, steps: np.ndarray, loss: np.ndarray, accuracy: np.ndarray,
                  epoch: int = 0) -> bool:
        """Append per-batch numbers; True if the accuracy has a finite value among them."""
        self.steps.extend(steps)
        self.loss.extend(loss)
        self.acc.extend(accuracy)
        self.epoch_of_step.extend(np.full(len(steps), epoch, dtype=float))
        self.smooth_loss.extend(loss)
        self.smooth_acc.extend(accuracy)
        finite = loss[np.isfinite(loss)]
        if finite.size:
            self.loss_max = max(self.loss_max, float(finite.max()))
        return bool(np.isfinite(accuracy).any())

    def epoch_arrays(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        xs = [s for _, s, logs in self.epochs if key in logs]
        ys = [logs[key] for _, s, logs in self.epochs if key in logs]
        return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
