"""Training off the GUI thread.

``TrainingWorker`` runs ``model.fit`` on a plain ``threading.Thread``. The callback it hands to
``fit`` (``ui/train/trainer_link.py``) never touches a widget and never emits a Qt signal. The training
layer's ``fit`` writes each step's loss into its step log by itself, so the callback runs only
every couple of milliseconds, to take a gradient-flow sample or a weight snapshot when one is
due; with another ``fit`` it appends each step's logs to a deque (atomic, no lock). A ``QTimer``
on the GUI thread drains all that at a bounded rate and emits ``progress`` with everything that
arrived since the last tick, so the trainer never waits for painting. Both threads share the
GIL: every millisecond of GUI work is one the trainer waits, so the GUI side is kept cheap (see
``ui/train/refresh.py``).

Pause makes the callback wait on a ``threading.Event`` between two steps; stop sets
``model.stop_training``; "step one batch" lets exactly one more step run and pauses again.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Any

import numpy as np

from graphviz_nn.nn.callbacks import StepLog, StepPacer
from graphviz_nn.nn.lockstep import HistoryTap, last_gradients
from ui.train.blas import _single_threaded_blas, blas_controller
from ui.train.trainer_link import BufferCallback, Update
from ui.train.worker_base import (
    DIAG_INTERVAL_S,
    HIST_INTERVAL_S,
    PACED_SNAPSHOT_S,
    SNAPSHOT_INTERVAL_S,
    WorkerBase,
)

__all__ = ["TrainingWorker", "Update", "blas_controller", "histograms_of"]


def histograms_of(model: Any) -> list[dict] | None:
    """The weight and gradient histograms of ``model``'s layers (its own ``histograms()``,
    or those of a ``Sequential``'s Dense layers); None for a model that has neither."""
    own = getattr(model, "histograms", None)
    if callable(own):
        return own()
    if hasattr(model, "dense_layers"):
        from graphviz_nn.nn.histograms import model_histograms
        return model_histograms(model)
    return None

NAN = float("nan")


class TrainingWorker(WorkerBase):
    """Runs ``model.fit(**fit_kwargs)`` on a background thread and reports at ``DRAIN_HZ``
    (signals and arguments: ``WorkerBase``)."""

    def __init__(self, model: Any, fit_kwargs: dict, **kwargs) -> None:
        super().__init__(model, fit_kwargs, **kwargs)
        start_paused_after = self.start_paused_after
        self.want_diagnostics = hasattr(model, "diagnostics")
        self._count = 0            # steps reported one by one (a fit without a step log)
        self._log: StepLog | None = None   # the step log of the training layer's fit
        self._log_read = 0         # steps of the log the GUI thread has drained
        self._cb = BufferCallback(self)
        self._lock = threading.Lock()
        self._rows: deque[dict] = deque()
        self._diag: list[tuple[int, list[dict]]] = []
        self._hist: list[tuple[int, list[dict]]] = []
        self._last_hist = 0.0
        self._hist_step = -1
        self._epochs: list[tuple[int, int, dict]] = []
        self._epoch_weights: list[tuple[int, list]] = []
        self._snapshot: list | None = None   # newest weights, for the decision boundary
        self._snapshot_grads: list | None = None     # and the gradients of their step
        self.tap = HistoryTap(self.history[0]) if self.history else None   # time travel
        self._last_diag = 0.0
        self._diag_step = -1       # the step of the newest gradient-flow sample
        self._last_snap = 0.0
        self._next_sample = 0.0
        self._go = threading.Event()
        self._go.set()
        self._pacer = StepPacer()          # the trainer thread's: holds it to self.speed
        self._wake = threading.Event()     # ends a paced wait early (a command came)
        self._steps_left: int | None = start_paused_after
        self._attention = start_paused_after is not None   # the hot path must look closer
        self._stop = False
        self._nonfinite: dict | None = None
        self._error: str | None = None
        self._done = threading.Event()
        self._parked = threading.Event()   # set while the trainer waits between two steps
        self._thread: threading.Thread | None = None
        self._paused_reported = False
        self._finished_emitted = False
        self._blas = None

    @property
    def steps_done(self) -> int:
        """Steps finished so far in this run."""
        log = self._log
        return log.count if log is not None else self._count

    # control (GUI thread) ------------------------------------------------------------------------
    def _start_now(self) -> None:
        if self._done.is_set():
            return
        self._blas = _single_threaded_blas()
        self._thread = threading.Thread(target=self._run, name="graphviz-nn-training", daemon=True)
        self._timer.start()
        self._thread.start()

    def is_running(self) -> bool:
        """True from ``start`` until fit has returned (a delayed start counts as running)."""
        return self._scheduled and not self._done.is_set()

    def is_paused(self) -> bool:
        """True once the trainer actually waits between two steps (not merely asked to)."""
        return self.is_running() and self._parked.is_set()

    def wait_parked(self, timeout: float = 2.0) -> bool:
        """After ``pause``: block until the current step has finished and the trainer waits."""
        return self._wait_parked(self._parked, self._done, timeout)

    def _look(self) -> None:
        """Make the trainer call back after its current step and take the slow path there."""
        self._attention = True
        self._cb.batch_end_from = 0
        self._wake.set()

    def set_speed(self, speed: float | None) -> None:
        self.speed = speed if speed is not None and speed > 0 else None
        self._cb.batch_end_from = 0
        self._wake.set()

    def wait_for_pace(self) -> None:
        """Trainer thread, after a step: hold the learner's speed (a command cuts it short)."""
        if self._pacer.rate != self.speed:
            self._pacer.set_rate(self.speed)
        delay = self._pacer.delay(time.perf_counter())
        if delay > 0:
            self._wake.clear()
            if not self._attention and not self._stop:
                self._wake.wait(delay)

    def pause(self) -> None:
        self._go.clear()
        self._look()

    def resume(self) -> None:
        self._steps_left = None
        self._paused_reported = False
        self._go.set()

    def step_once(self) -> None:
        """Let exactly one more batch run, then pause again."""
        self._steps_left = 1
        self._look()
        self._paused_reported = False
        self._go.set()

    def stop(self) -> None:
        """Ask fit to stop after the current step (also wakes a paused trainer)."""
        self._stop = True
        try:
            self.model.stop_training = True
        except AttributeError:
            pass
        self._go.set()
        self._wake.set()

    def join(self, timeout: float | None = 10.0) -> bool:
        """Wait for the thread to end; returns True if it has ended."""
        if self._thread is None:
            if self._scheduled and self._stop:   # stopped before a delayed start: never run
                self._done.set()
                self._timer.start()              # report "stopped" from the next tick
            return True
        self._thread.join(timeout)
        ended = not self._thread.is_alive()
        if ended:
            self._tick()
        return ended

    def sync(self) -> None:
        """Nothing to take in: the trainer's model is the window's own."""

    def set_weights(self, weights: list) -> None:
        """Nothing to hand over: the trainer trains the window's own model (already reset)."""

    # worker thread -------------------------------------------------------------------------------
    def _slow_path(self) -> None:
        """After a step, when a sample is due or the GUI asked for something (pause, step)."""
        self._sample(time.perf_counter())
        if self._steps_left is not None:
            self._steps_left -= 1
            if self._steps_left <= 0:
                self._steps_left = None
                self._go.clear()
        if not self._go.is_set():
            self._wait_while_paused()
        self._attention = self._steps_left is not None or not self._go.is_set()

    def _sample(self, now: float, force_snapshot: bool = True) -> None:
        """Take a gradient-flow sample and a weight snapshot when their time has come."""
        if self.want_diagnostics and now - self._last_diag >= DIAG_INTERVAL_S:
            self._last_diag = now
            self._sample_diagnostics()
        if now - self._last_hist >= HIST_INTERVAL_S:
            self._last_hist = now
            self._sample_histograms()
        snap_every = SNAPSHOT_INTERVAL_S if self.speed is None else PACED_SNAPSHOT_S
        if now - self._last_snap >= snap_every or (
                force_snapshot and self._steps_left is not None):
            self._last_snap = now
            snap = self.model.get_weights()
            grads = last_gradients(self.model)      # the network diagram's edges hover them
            with self._lock:
                self._snapshot, self._snapshot_grads = snap, grads
        next_diag = self._last_diag + DIAG_INTERVAL_S if self.want_diagnostics else float("inf")
        self._next_sample = min(next_diag, self._last_snap + snap_every)

    def take_history(self, count: int) -> None:
        """Trainer thread, after ``count`` steps: the snapshot time travel keeps, if due."""
        tap = self.tap
        if tap is not None and tap.schedule.wants(tap.offset + count):
            with self._lock:
                tap.take(self.model, count)

    def _sample_diagnostics(self) -> None:
        step = self.step_offset + self.steps_done - 1
        try:
            diag = self.model.diagnostics()
        except Exception:  # noqa: BLE001 - diagnostics are optional for the display
            self.want_diagnostics = False
            return
        self._diag_step = step
        with self._lock:
            self._diag.append((step, diag))

    def _sample_histograms(self) -> None:
        step = self.step_offset + self.steps_done - 1
        if step < self.step_offset or step == self._hist_step:
            return
        hist = histograms_of(self.model)
        if hist is not None:
            self._hist_step = step
            with self._lock:
                self._hist.append((step, hist))

    def _sample_still(self) -> None:
        """The trainer is still (parked, or fit has returned): the views' next pictures must be
        of this step, so take its gradient-flow sample (unless taken) and its weights."""
        if self.want_diagnostics and self.steps_done and \
                self._diag_step != self.step_offset + self.steps_done - 1:
            self._sample_diagnostics()
        self._sample_histograms()
        snap, grads = self.model.get_weights(), last_gradients(self.model)
        with self._lock:
            self._snapshot, self._snapshot_grads = snap, grads

    def _wait_while_paused(self) -> None:
        self._sample_still()
        self._parked.set()
        try:
            while not self._go.wait(0.1):
                if self._stop:
                    break
        finally:
            self._parked.clear()

    def _run(self) -> None:
        if self._stop:          # stopped (or the window closed) before a delayed start
            self._done.set()
            return
        try:
            self.model.stop_training = False
            kwargs = dict(self.fit_kwargs)
            kwargs["callbacks"] = list(kwargs.get("callbacks") or []) + [self._cb]
            kwargs.setdefault("verbose", 0)
            if self._steps_left is not None:
                self._go.set()  # run the requested steps, then pause
            self.take_history(0)
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                self.model.fit(**kwargs)
            finally:
                self.fit_seconds = time.perf_counter() - t0
                self.fit_cpu_seconds = time.thread_time() - c0
            if self._nonfinite is None:
                self._sample_still()
        except Exception as exc:  # noqa: BLE001 - reported on the status bar, never lost
            self._error = f"{type(exc).__name__}: {exc}"
        finally:
            self._done.set()

    # GUI thread ----------------------------------------------------------------------------------
    def drain(self) -> Update | None:
        """Take everything the trainer buffered since the last call (None if nothing)."""
        log = self._log
        if log is not None:
            return self._drain_log(log)
        n = len(self._rows)
        rows = [self._rows.popleft() for _ in range(n)]   # popleft is atomic: no lock needed
        up = self._take(bool(rows))
        if up is None:
            return None
        if rows:   # per step work here holds the GIL the trainer needs: keep it tiny
            n = len(rows)
            first, last = rows[0], rows[-1]
            s0, s1 = first.get("step", 0), last.get("step", 0)
            if s1 - s0 == n - 1:            # fit counts steps one by one
                steps = np.arange(s0, s1 + 1, dtype=np.int64)
            else:
                steps = np.fromiter((r.get("step", 0) for r in rows), np.int64, n)
            up.steps = steps + self.step_offset
            up.loss = np.fromiter((r.get("loss", NAN) for r in rows), float, n)
            if "accuracy" in last:
                up.accuracy = np.fromiter((r.get("accuracy", NAN) for r in rows), float, n)
            else:
                up.accuracy = np.full(n, NAN)
            up.epoch = int(last.get("epoch", 0)) + self.epoch_offset
        return up

    def _take(self, new_steps: bool) -> Update | None:
        """An Update with what the trainer left under the lock (None if nothing and no steps)."""
        with self._lock:
            diag, self._diag = self._diag, []
            hist, self._hist = self._hist, []
            epochs, self._epochs = self._epochs, []
            ew, self._epoch_weights = self._epoch_weights, []
            snap, self._snapshot = self._snapshot, None
            grads, self._snapshot_grads = self._snapshot_grads, None
            snaps = []
            if self.tap is not None:
                snaps = self.tap.drain_split()
        if not new_steps and not diag and not epochs and snap is None and not snaps \
                and not hist:
            return None
        return Update(steps=np.zeros(0, np.int64), loss=np.zeros(0), accuracy=np.zeros(0),
                      epochs=epochs, diag_steps=[s for s, _ in diag],
                      diagnostics=[d for _, d in diag], weights=snap,
                      grads=grads if snap is not None else None, epoch_weights=ew,
                      snaps=snaps, hist_steps=[s for s, _ in hist],
                      histograms=[h for _, h in hist])

    def _drain_log(self, log: StepLog) -> Update | None:
        """``drain`` for a fit with a step log: slices of its arrays, no per-step Python."""
        up = self._take(True)
        n0, n1 = self._log_read, log.count   # after the epochs: none ends past n1
        if n1 <= n0:   # the entries below count are final
            empty = not (up.epochs or up.diag_steps or up.epoch_weights or up.snaps
                         or up.hist_steps) and up.weights is None
            return None if empty else up
        self._log_read = n1
        up.steps = np.arange(n0 + self.step_offset, n1 + self.step_offset, dtype=np.int64)
        up.loss = log.loss[n0:n1].copy()
        up.accuracy = log.accuracy[n0:n1].copy()
        up.epoch = log.epoch_batch(n1 - 1)[0] + self.epoch_offset
        return up

    def _tick(self) -> None:
        done = self._done.is_set()   # first: all that fit did before it ended is drained now
        up = self.drain()
        if up is not None:
            self.progress.emit(up)
        if done:
            self._timer.stop()
            if self._blas is not None:
                self._blas.restore_original_limits()
                self._blas = None
            if not self._finished_emitted:
                self._finished_emitted = True
                self.finished.emit(*self._outcome())
        elif self._parked.is_set() and not self._paused_reported and self._steps_left is None:
            self._paused_reported = True
            self.paused.emit(self.step_offset + self.steps_done - 1)

    def _outcome(self) -> tuple[str, dict]:
        if self._error is not None:
            return "error", {"message": self._error}
        if self._nonfinite is not None:
            return "nonfinite", dict(self._nonfinite)
        if self._stop:
            return "stopped", {"steps": self.steps_done}
        return "done", {"steps": self.steps_done}

