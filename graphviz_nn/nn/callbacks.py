"""Callbacks (Keras's hooks into ``fit``), the ``History`` every fit returns, and
``EarlyStopping``.

Logs are plain dicts of floats and ints. A callback can stop training by setting
``self.model.stop_training = True``; so can another thread, between two steps.

Every step's loss and accuracy also land in ``history.step_log`` (numpy arrays, no Python call
per step), so a callback that only needs them now and then, such as a GUI's, can raise its
``batch_end_from`` and be called every few milliseconds instead of every step.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["Callback", "CallPacer", "StepPacer", "History", "EarlyStopping", "LambdaCallback",
           "StepLog"]


class StepLog:
    """Each step's batch loss and accuracy, in arrays sized for the whole run.

    ``fit`` writes step ``k`` (from 0) into ``loss[k]`` and ``accuracy[k]`` (NaN without an
    accuracy metric), then sets ``count = k + 1``; another thread that reads ``count`` first and
    then the arrays up to it sees only finished steps."""

    def __init__(self, capacity: int, steps_per_epoch: int, first_epoch: int = 0) -> None:
        self.loss = np.full(max(0, capacity), np.nan)
        self.accuracy = np.full(max(0, capacity), np.nan)
        self.steps_per_epoch = max(1, int(steps_per_epoch))
        self.first_epoch = int(first_epoch)
        self.count = 0

    def epoch_batch(self, step: int) -> tuple[int, int]:
        """(epoch, batch within it) of the global step ``step`` (from 0)."""
        e, b = divmod(int(step), self.steps_per_epoch)
        return self.first_epoch + e, b


class Callback:
    """Override any of the ``on_*`` methods; ``self.model`` is set by ``fit``.

    ``fit`` calls ``on_batch_end`` only from the global step ``batch_end_from`` on (0: every
    step). A callback that reads ``self.model.history.step_log`` instead of each step's logs may
    raise it to be called less often; another thread may lower it again (to 0: at the next
    step), e.g. to pause training between two steps."""

    model = None
    batch_end_from = 0

    def set_model(self, model) -> None:
        self.model = model

    def on_train_begin(self, logs: dict) -> None: ...
    def on_epoch_begin(self, epoch: int, logs: dict) -> None: ...
    def on_batch_end(self, step: int, logs: dict) -> None:
        """After each step: ``step`` is global (from 0); logs hold that batch's own ``loss``
        and ``accuracy`` (not Keras's running mean), ``epoch``, ``batch`` and ``step``."""
    def on_epoch_end(self, epoch: int, logs: dict) -> None: ...
    def on_train_end(self, logs: dict) -> None: ...

    def on_nonfinite(self, info: dict) -> None:
        """A step produced NaN/inf: ``info = {"step": k, "node": name}``; fit then stops."""


class CallPacer:
    """For a callback that wants to be called about every ``interval`` seconds rather than
    every step: ``batch_end_from = pacer.next_from(step, now)`` after each call doubles or
    halves the stride (in steps) until the calls come about ``interval`` apart. The default,
    2 ms, is what a GUI's trainer uses: a pause acts within ~2 ms, at ~500 calls a second."""

    def __init__(self, interval: float = 0.002, most: int = 4096) -> None:
        self.interval, self.most = float(interval), int(most)
        self.every = 1          # steps between two calls
        self.t_last = 0.0

    def start(self, now: float) -> None:
        self.t_last = now

    def next_from(self, step: int, now: float) -> int:
        dt, self.t_last = now - self.t_last, now
        if dt < self.interval / 2:
            self.every = min(self.every * 2, self.most)
        elif dt > self.interval * 2:
            self.every = max(self.every // 2, 1)
        return step + self.every


class StepPacer:
    """Holds training to ``rate`` steps a second (None: full speed), for a learner who wants
    to watch it learn: ``delay(now)`` after each step says how long to wait before the next.
    A trainer that falls behind (a pause, a slow step) does not rush to catch up."""

    def __init__(self, rate: float | None = None) -> None:
        self.rate: float | None = None
        self._t0: float | None = None
        self._n = 0
        self.set_rate(rate)

    def set_rate(self, rate: float | None) -> None:
        """A new rate; counting starts again from the next step."""
        self.rate = float(rate) if rate is not None and rate > 0 else None
        self._t0, self._n = None, 0

    def delay(self, now: float) -> float:
        """Seconds to wait after the step that has just ended (0 at full speed)."""
        if self.rate is None:
            return 0.0
        if self._t0 is None:
            self._t0, self._n = now, 0
        self._n += 1
        due = self._t0 + self._n / self.rate
        if due < now - 1.0 / self.rate:         # far behind: start counting from here
            self._t0, self._n = now, 0
            return 0.0
        return max(0.0, due - now)


class LambdaCallback(Callback):
    """A callback from plain functions: ``LambdaCallback(on_batch_end=lambda step, logs: ...)``."""

    def __init__(self, **hooks) -> None:
        for key, fn in hooks.items():
            if not key.startswith("on_") or not hasattr(Callback, key):
                raise ValueError(f"unknown callback hook {key!r}")
            setattr(self, key, fn)


class History(Callback):
    """What ``fit`` returns: ``history.history["loss"]`` etc., one value per epoch."""

    def __init__(self) -> None:
        self.history: dict[str, list[float]] = {}
        self.epoch: list[int] = []
        self.params: dict = {}
        self.nonfinite: dict | None = None     # set when the non-finite guard stopped fit
        self.step_log = StepLog(0, 1)          # every step's loss and accuracy (set by fit)

    def on_train_begin(self, logs):
        self.history, self.epoch, self.nonfinite = {}, [], None

    def on_epoch_end(self, epoch, logs):
        self.epoch.append(epoch)
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)

    def on_nonfinite(self, info):
        self.nonfinite = dict(info)


class EarlyStopping(Callback):
    """Stop when ``monitor`` has not improved for ``patience`` epochs (Keras's rules).

    With ``restore_best_weights=True`` the weights of the best epoch are put back at the
    end of training.
    """

    def __init__(self, monitor: str = "val_loss", min_delta: float = 0.0, patience: int = 0,
                 mode: str = "auto", restore_best_weights: bool = False,
                 baseline: float | None = None, start_from_epoch: int = 0) -> None:
        if mode not in ("auto", "min", "max"):
            raise ValueError(f"mode must be 'auto', 'min' or 'max', got {mode!r}")
        if mode == "auto":
            mode = "max" if "acc" in monitor else "min"
        self.monitor, self.patience, self.mode = monitor, int(patience), mode
        self.min_delta = abs(float(min_delta)) * (1 if mode == "max" else -1)
        self.restore_best_weights, self.baseline = restore_best_weights, baseline
        self.start_from_epoch = int(start_from_epoch)
        self._reset()

    def _reset(self) -> None:
        self.wait, self.stopped_epoch, self.best_epoch = 0, 0, 0
        self.best = -math.inf if self.mode == "max" else math.inf
        self.best_weights = None

    def _better(self, value: float, reference: float) -> bool:
        if self.mode == "max":
            return value - self.min_delta > reference
        return value - self.min_delta < reference

    def on_train_begin(self, logs):
        self._reset()

    def on_epoch_end(self, epoch, logs):
        current = logs.get(self.monitor)
        if current is None:
            known = ", ".join(logs) or "none"
            raise ValueError(f"EarlyStopping monitors {self.monitor!r}, which fit does not "
                             f"report (it reports: {known})")
        if epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights, self.best_epoch = self.model.get_weights(), epoch
        self.wait += 1
        if self._better(current, self.best):
            self.best, self.best_epoch = current, epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._better(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs):
        if self.restore_best_weights and self.best_weights is not None:
            self.model.set_weights(self.best_weights)
