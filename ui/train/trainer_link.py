"""The two ends of the link between ``fit`` on the training thread and the GUI thread.

``BufferCallback`` is what ``fit`` calls on the training thread: it copies numbers into the
worker's buffers, may wait while paused, and never paints. ``Update`` is what the GUI thread's
drain hands the views: everything that arrived since the last drain, as plain numpy data.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from graphviz_nn.nn import Callback
from graphviz_nn.nn.callbacks import CallPacer, StepLog

if TYPE_CHECKING:
    from ui.train.workers import TrainingWorker


@dataclass
class Update:
    """What arrived from the trainer since the last drain (all plain numpy / python data)."""

    steps: np.ndarray                       # global step numbers (from 0)
    loss: np.ndarray
    accuracy: np.ndarray                    # nan where the model has no accuracy metric
    epoch: int = 0                          # epoch of the newest step (from 0)
    epochs: list[tuple[int, int, dict]] = field(default_factory=list)  # (epoch, last step, logs)
    diag_steps: list[int] = field(default_factory=list)
    diagnostics: list[list[dict]] = field(default_factory=list)   # model.diagnostics() per sample
    weights: list[np.ndarray] | None = None  # newest weight snapshot, if one was taken
    grads: list[np.ndarray] | None = None    # the gradients of the snapshot's step, if sent
    weights_step: int | None = None         # its global step, when known exactly
    # weight and gradient histograms per layer (graphviz_nn.nn.histograms) and their steps
    hist_steps: list[int] = field(default_factory=list)
    histograms: list[list[dict]] = field(default_factory=list)
    epoch_weights: list[tuple[int, list[np.ndarray]]] = field(default_factory=list)
    # time travel: (step of the run's snapshot store, weights, gradients or None)
    snaps: list[tuple[int, list[np.ndarray], list[np.ndarray] | None]] = field(
        default_factory=list)
    b: Update | None = None                 # run B's, for a paired run

    def __len__(self) -> int:
        return int(self.steps.size)


class BufferCallback(Callback):
    """The callback ``fit`` calls on the worker thread: copy numbers, maybe wait, never paint.

    With the training layer's ``fit`` every step's loss is in ``history.step_log`` already, so
    this asks to be called only every ~2 ms (``CallPacer``, ``batch_end_from``); the GUI thread
    sets ``batch_end_from`` to 0 when it wants the trainer to look (pause, one step). With a
    ``fit`` that has no step log (the canvas's graph) it keeps each step's logs instead."""

    def __init__(self, worker: TrainingWorker) -> None:
        self._w = worker
        self._pace = CallPacer()

    def on_train_begin(self, logs: dict | None = None) -> None:
        log = getattr(getattr(self._w.model, "history", None), "step_log", None)
        if isinstance(log, StepLog):
            self._w._log = log
            self._pace.start(time.perf_counter())

    def on_batch_end(self, step: int, logs: dict | None = None) -> None:
        # The hot path. Without a step log it runs after every step: keep fit's logs dict as
        # it is (deque.append is atomic) and let the GUI thread's drain read the numbers out.
        w = self._w
        if w.tap is not None:
            w.take_history(step + 1)
        if w._log is None:
            w._rows.append(logs)
            w._count += 1
            if w._attention or time.perf_counter() >= w._next_sample:
                w._slow_path()
            if w.speed is not None or w._pacer.rate is not None:
                w.wait_for_pace()
            return
        now = time.perf_counter()
        if w._attention or now >= w._next_sample:
            w._slow_path()
            now = time.perf_counter()
        self.batch_end_from = self._pace.next_from(step, now)   # next call in ~2 ms
        if w.tap is not None:       # and at each step a time-travel snapshot is due
            self.batch_end_from = min(self.batch_end_from, w.tap.next_index(step + 1))
        if w.speed is not None or w._pacer.rate is not None:
            w.wait_for_pace()
            self.batch_end_from = 0          # held to a speed: every step comes here
        if w._attention:      # the GUI asked for something meanwhile: look at the next step
            self.batch_end_from = 0

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        w = self._w
        w._sample(time.perf_counter(), force_snapshot=False)
        snap = w.model.get_weights()
        logs = {k: float(v) for k, v in (logs or {}).items() if _is_number(v)}
        with w._lock:
            w._epochs.append((int(epoch) + w.epoch_offset, w.step_offset + w.steps_done - 1, logs))
            w._epoch_weights[:] = [(int(epoch) + w.epoch_offset, snap)]   # the newest only

    def on_nonfinite(self, info: dict) -> None:
        info = dict(info)
        info["step"] = int(info.get("step", -1)) + self._w.step_offset
        self._w._nonfinite = info


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float, np.floating, np.integer)) and not isinstance(v, bool)
