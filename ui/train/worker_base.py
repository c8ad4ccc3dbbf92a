"""What both training workers share: their signals, their settings and their drain timer.

``ui.train.workers.TrainingWorker`` trains on a thread of this process (the graph on the canvas);
``ui.train.remote_worker.ProcessTrainingWorker`` in the trainer process (a ``Sequential``). The dock
drives either the same way.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

DRAIN_HZ = 10               # how often the GUI thread collects what the trainer sent
DIAG_INTERVAL_S = 0.02      # at most one gradient-flow sample per 20 ms of training
SNAPSHOT_INTERVAL_S = 0.3   # weight snapshots, for the canvas and the decision boundary
PACED_SNAPSHOT_S = 0.1      # and while held to a speed the learner chose (time to spare)
HIST_INTERVAL_S = 0.25      # weight and gradient histograms (the ridge plots)


class WorkerBase(QObject):
    """Runs ``model.fit(**fit_kwargs)`` off the GUI thread and reports ``DRAIN_HZ`` times a
    second.

    Signals (all emitted on the GUI thread):
        progress(Update)      new steps, epochs, diagnostics and weight snapshots
        paused(int)           the trainer is waiting after the given step
        finished(str, dict)   reason "done" | "stopped" | "nonfinite" | "error", with details
                              (for "nonfinite": step, node; for "error": message)

    ``step_offset`` and ``epoch_offset`` number this run's steps and epochs after an earlier
    run's; ``start_paused_after=n`` runs n steps, then pauses; ``speed``: steps a second for a
    learner who wants to watch (None: full speed), changed during the run by ``set_speed``;
    ``history``: per run, the snapshot settings of time travel (``RunRecord.job_history``).
    """

    progress = Signal(object)
    paused = Signal(int)
    finished = Signal(str, dict)

    def __init__(self, model: Any, fit_kwargs: dict, *, step_offset: int = 0,
                 epoch_offset: int = 0, start_paused_after: int | None = None,
                 speed: float | None = None, history: list[dict] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.fit_kwargs = dict(fit_kwargs)
        self.step_offset = step_offset
        self.epoch_offset = epoch_offset
        self.start_paused_after = start_paused_after
        self.speed = speed if speed is not None and speed > 0 else None
        self.history = history
        self.fit_seconds = 0.0     # wall time of model.fit, on the trainer's own clock
        self.fit_cpu_seconds = 0.0   # and the CPU time the trainer spent in it
        self._scheduled = False
        self._timer = QTimer(self)
        self._timer.setInterval(int(1000 / DRAIN_HZ))
        self._timer.timeout.connect(self._tick)

    def start(self, delay_ms: int = 0) -> None:
        """Start training (after ``delay_ms`` of event loop, if given); a worker runs once."""
        if self._scheduled:
            raise RuntimeError("a training worker runs once; make a new one to train again")
        self._scheduled = True
        if delay_ms > 0:
            QTimer.singleShot(delay_ms, self._start_now)
        else:
            self._start_now()

    def _start_now(self) -> None:
        raise NotImplementedError

    def _tick(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def set_speed(self, speed: float | None) -> None:
        """Steps a second from now on (None: full speed)."""
        raise NotImplementedError

    def join(self, timeout: float | None = 10.0) -> bool:
        raise NotImplementedError

    def is_running(self) -> bool:
        raise NotImplementedError

    def _wait_parked(self, parked: threading.Event, done: threading.Event,
                     timeout: float) -> bool:
        """Block until the trainer waits between two steps (or has ended), up to ``timeout``."""
        if not self.is_running():
            return True
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if parked.wait(0.01) or done.is_set():
                return True
        return False

    def stop_and_join(self, timeout: float = 10.0) -> bool:
        """Ask the trainer to stop after its current step and wait for it to end."""
        self.stop()
        return self.join(timeout)
