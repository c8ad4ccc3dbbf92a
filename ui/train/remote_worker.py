"""``ProcessTrainingWorker``: ``TrainingWorker``'s interface, with ``fit`` in a child process.

The dock drives it exactly as the thread worker (signals ``progress``, ``paused``, ``finished``;
``start``, ``pause``, ``resume``, ``step_once``, ``stop``, ``join``). What differs:

- the model is sent to the trainer process with its whole state, and the state comes back
  when the run ends (weights written in place, so the canvas's arrays stay the model's);
- weight snapshots that arrive during the run are written into the window's model, so the
  canvas and the decision boundary show the weights of the moment;
- ``set_weights`` hands new weights to a paused trainer (Reset weights while paused).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from graphviz_nn.nn import wire
from graphviz_nn.nn.lockstep import split_flat
from ui.i18n import translate
from ui.train.trainer_link import Update
from ui.train.trainer_process import next_job_id, trainer_process
from ui.train.worker_base import (
    DIAG_INTERVAL_S,
    HIST_INTERVAL_S,
    SNAPSHOT_INTERVAL_S,
    WorkerBase,
)

__all__ = ["ProcessTrainingWorker", "can_train_in_process"]

# seconds between the trainer's messages, gradient-flow samples and weight snapshots
EVERY = {"send": 0.05, "diag": DIAG_INTERVAL_S, "snapshot": SNAPSHOT_INTERVAL_S,
         "hist": HIST_INTERVAL_S}
# a small model's weights (and gradients) come with every message: the network diagram's maps
# then refresh 10-20 times a second, for a few kilobytes each time
SMALL_MODEL = 20_000        # parameters
PROCESS_DRAIN_HZ = 20       # the window takes in the trainer's messages this often


def every(model: Any) -> dict:
    """How often the trainer sends what, for ``model``."""
    small = model.count_params() <= SMALL_MODEL
    return dict(EVERY, snapshot=EVERY["send"]) if small else dict(EVERY)


def _empty() -> Update:
    return Update(steps=np.zeros(0, np.int64), loss=np.zeros(0), accuracy=np.zeros(0))


def can_train_in_process(model: Any) -> bool:
    """True for a compiled ``Sequential`` (the layers the trainer process can rebuild)."""
    from graphviz_nn.nn.model import Sequential
    return isinstance(model, Sequential) and model.optimizer is not None and model.built


def _sendable(a: Any) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype.kind == "f":
        return np.ascontiguousarray(a, dtype=np.float32)
    return a if a.dtype.name in wire.DTYPES else a.astype(np.int64)


class ProcessTrainingWorker(WorkerBase):
    """Runs ``model.fit(**fit_kwargs)`` in the trainer process and reports at ``DRAIN_HZ``
    (signals and arguments: ``WorkerBase``)."""

    def __init__(self, model: Any, fit_kwargs: dict, model_b: Any = None, **kwargs) -> None:
        super().__init__(model, fit_kwargs, **kwargs)
        self.model_b = model_b     # a paired run: B trains step for step with the model (A)
        self._timer.setInterval(int(1000 / PROCESS_DRAIN_HZ))   # no interpreter lock to share
        self._steps = 0            # steps received so far
        self._job = next_job_id()
        self._proc = None
        self._inbox = None
        self._stopped = False
        self._paused_reported = False
        self._outcome: tuple[str, dict] | None = None   # set once, when the run has ended
        self._reported = False     # finished has been emitted
        self._blas = None          # BLAS held to one thread in this process during the run

    @property
    def steps_done(self) -> int:
        return self._steps

    # control (GUI thread) ------------------------------------------------------------------------
    def _start_now(self) -> None:
        if self._stopped:
            self._finish_without_run()
            return
        kw = self.fit_kwargs
        arrays_data = [_sendable(kw["x"]), _sendable(kw["y"])]
        val = kw.get("validation_data")
        if val is not None:
            arrays_data += [_sendable(val[0]), _sendable(val[1])]
        spec, state = wire.model_state(self.model)
        extra = {}
        if self.model_b is not None:
            extra["model_b"], state_b = wire.model_state(self.model_b)
            state = state + state_b
        fit = {"epochs": int(kw.get("epochs", 1)), "batch_size": int(kw.get("batch_size", 32)),
               "shuffle": bool(kw.get("shuffle", True))}
        head = {"t": "fit", "job": self._job, "model": spec, "fit": fit,
                "data": [val is not None], "pause_after": self.start_paused_after,
                "every": every(self.model), "speed": self.speed, "history": self.history, **extra}
        self._proc = trainer_process()
        self._inbox = self._proc.submit(self._job, head, state + arrays_data)
        # the views' small matrix products (the network diagram's maps, 20 a second) run ten
        # times slower when BLAS wakes helper threads on the core the trainer uses
        from ui.train.workers import _single_threaded_blas
        self._blas = _single_threaded_blas()
        self._timer.start()

    def _finish_without_run(self) -> None:
        self._outcome = ("stopped", {"steps": 0})
        self._timer.start()

    def is_running(self) -> bool:
        return self._scheduled and self._outcome is None and not (
            self._inbox is not None and self._inbox.done.is_set())

    def is_paused(self) -> bool:
        return self.is_running() and self._inbox is not None and self._inbox.parked.is_set()

    def wait_parked(self, timeout: float = 2.0) -> bool:
        if self._inbox is None:
            return True
        return self._wait_parked(self._inbox.parked, self._inbox.done, timeout)

    def _command(self, kind: str, arrays: list | tuple = (), **fields) -> None:
        if self._proc is not None and self._inbox is not None and not self._inbox.done.is_set():
            self._proc.send({"t": kind, "job": self._job, **fields}, arrays)

    def set_speed(self, speed: float | None) -> None:
        self.speed = speed if speed is not None and speed > 0 else None
        self._command("speed", steps_per_s=self.speed)   # not started yet: the fit carries it

    def pause(self) -> None:
        self._command("pause")

    def resume(self) -> None:
        self._paused_reported = False
        if self._inbox is not None:
            self._inbox.parked.clear()
        self._command("resume")

    def step_once(self) -> None:
        self._paused_reported = False
        if self._inbox is not None:
            self._inbox.parked.clear()
        self._command("step")

    def set_weights(self, weights: list[np.ndarray]) -> None:
        """New weights for a paused run (the optimizer forgets its moments, as a reset does)."""
        if self._inbox is not None:
            self._inbox.parked.clear()      # parked again once the trainer has them
        self._command("set_weights", [np.ascontiguousarray(w) for w in weights])

    def stop(self) -> None:
        self._stopped = True
        self._command("stop")

    def join(self, timeout: float | None = 10.0) -> bool:
        if not self._scheduled:
            return True
        if self._inbox is None:     # a delayed start that has not happened: it never will
            self._stopped = True
            if self._outcome is None:
                self._finish_without_run()
            return True
        ended = self._inbox.done.wait(timeout)
        if ended:
            self._tick()
        return ended

    # GUI thread ----------------------------------------------------------------------------------
    def sync(self) -> None:
        """Take in, now, everything the trainer has sent."""
        self._tick()

    def _tick(self) -> None:
        if self._reported:
            return
        up = _empty()
        if self.model_b is not None:
            up.b = _empty()
        losses, accs, parked_at, done = ([], []), ([], []), None, None
        messages = self._inbox.messages if self._inbox is not None else ()
        while messages:
            head, arrays = messages.popleft()
            kind = head.get("t")
            try:
                if kind == "progress":
                    self._progress(head, arrays, up, losses, accs)
                elif kind == "parked":
                    parked_at = int(head["step"])
            except (KeyError, TypeError, ValueError, IndexError, OverflowError) as exc:
                done = ({"t": "died", "why": translate(
                    "Training", "a progress message it cannot read ({problem})")
                    .format(problem=exc)}, [])
                self._command("stop")
                break
            if kind in ("done", "died"):
                done = (head, arrays)
        for run, lo, ac in zip((up, up.b), losses, accs, strict=False):
            if lo and run is not None:
                n = sum(len(a) for a in lo)
                run.steps = np.arange(self._steps - n, self._steps, dtype=np.int64) + \
                    self.step_offset
                run.loss, run.accuracy = np.concatenate(lo), np.concatenate(ac)
        if len(up) or up.epochs or up.diag_steps or up.weights is not None or up.epoch_weights \
                or up.hist_steps or up.snaps or up.b is not None and (len(up.b) or up.b.snaps):
            self.progress.emit(up)
        if done is not None:
            self._outcome = self._done(*done)
        if self._outcome is not None:
            self._reported = True
            self._timer.stop()
            if self._blas is not None:
                self._blas.restore_original_limits()
                self._blas = None
            self.finished.emit(*self._outcome)
        elif parked_at is not None and not self._paused_reported and self.is_paused():
            self._paused_reported = True
            self.paused.emit(self.step_offset + parked_at)

    def _progress(self, head: dict, arrays: list, up: Update, losses: tuple,
                  accs: tuple) -> None:
        rest = self._run_progress(head, arrays, up, losses[0], accs[0], self.model)
        if self.model_b is not None:       # run B's part: the same steps, in lock-step
            n_a, n_b = head["n0"] + len(arrays[0]), head["b"]["n0"] + len(rest[0])
            if n_a != n_b:
                raise ValueError(f"run B at step {n_b}, run A at {n_a}")
            rest = self._run_progress(head["b"], rest, up.b, losses[1], accs[1], self.model_b)
        if rest:
            raise ValueError(f"{len(rest)} arrays more than the message says")

    def _run_progress(self, head: dict, arrays: list, up: Update, losses: list, accs: list,
                      model) -> list:
        """Take one run's part of a progress message; returns the arrays after it."""
        loss, acc, rest = arrays[0], arrays[1], arrays[2:]
        if len(loss):
            losses.append(loss)
            accs.append(acc)
            self._steps = head["n0"] + len(loss)
            up.epoch = head["epoch"] + self.epoch_offset
        for epoch, last_step, logs in head["epochs"]:
            up.epochs.append((epoch + self.epoch_offset, last_step + self.step_offset, logs))
        for step, diag in head["diag"]:
            up.diag_steps.append(step + self.step_offset)
            up.diagnostics.append(diag)
        for step, hist in head.get("hist") or ():
            up.hist_steps.append(int(step) + self.step_offset)
            up.histograms.append(hist)
        shapes = [w.shape for lay in model.dense_layers for w in lay.weights]   # no copies
        n_w = len(shapes)
        if head["snapshot"]:
            snap, rest = rest[:n_w], rest[n_w:]
            grads = None
            if head.get("grads"):            # checked before anything is written
                grads, rest = rest[:n_w], rest[n_w:]
                if [g.shape for g in grads] != [w.shape for w in snap]:
                    raise ValueError("gradients that do not match the weights")
            model.set_weights(snap)          # the canvas shows the model's own arrays
            up.weights, up.grads = snap, grads
            up.weights_step = self.step_offset + head["n0"] + len(loss)   # taken after n1
        if head["epoch_weights"] is not None:
            up.epoch_weights[:] = [(head["epoch_weights"] + self.epoch_offset, rest[:n_w])]
            rest = rest[n_w:]
        for step, has_grads in head.get("snaps", ()):
            if not rest:
                raise ValueError("a snapshot the message does not carry")
            weights, grads = split_flat(rest[0], shapes, bool(has_grads))
            rest = rest[1:]
            up.snaps.append((int(step), weights, grads))
        return rest

    def _done(self, head: dict, arrays: list) -> tuple[str, dict]:
        if head["t"] == "died":
            why = f": {head['why']}" if head.get("why") else ""
            code = translate("Training", " (exit code {code})").format(code=head["code"]) \
                if head.get("code") is not None else ""
            return "error", {"message": translate(
                "Training", "the training process ended unexpectedly{code}{why}")
                .format(code=code, why=why)}
        try:
            self.fit_seconds = float(head.get("fit_seconds", 0.0))
            self.fit_cpu_seconds = float(head.get("fit_cpu_seconds", 0.0))
            if head.get("model") is not None:
                n = wire.state_len(head["model"])
                wire.load_state(self.model, head["model"], arrays[:n])
                if self.model_b is not None:
                    wire.load_state(self.model_b, head["model_b"], arrays[n:])
            reason, info = str(head["reason"]), dict(head.get("info") or {})
            step = int(info.get("step", -1))
        except (KeyError, TypeError, ValueError, OverflowError) as exc:  # WireError too
            return "error", {"message": translate(
                "Training", "the training process sent a result this window cannot read "
                "({problem}); the weights are those of the last snapshot")
                .format(problem=exc)}
        if reason == "nonfinite":
            info["step"] = step + self.step_offset
        elif reason in ("done", "stopped"):
            info = {"steps": self._steps}
        return reason, info
