"""Training in a child process: ``python -m graphviz_nn.nn.remote``.

A window that trains in its own process shares the interpreter lock with the trainer: every
millisecond spent painting is one the trainer waits. This child process trains instead; it
reads jobs and commands on stdin and writes progress on stdout, as ``wire`` messages.

Parent -> child:
    {"t": "fit", "job": id, "model": state spec, "fit": {...}, "data": [has_val],
     "pause_after": n | None, "every": {"send": s, "diag": s, "snapshot": s},
     "speed": steps a second | None (full speed),
     "history": [per run {"max_bytes", "max_count", "offset", "steps", "sizes", "grads"}] | None,
     "model_b": state spec (a paired run: two models in lock-step, A then B each step)}
        arrays: the model state's (then model B's), then x, y (and x_val, y_val)
    {"t": "pause" | "resume" | "step" | "stop", "job": id}
    {"t": "speed", "job": id, "steps_per_s": rate | None (full speed)}
    {"t": "set_weights", "job": id}  arrays: the weights (the optimizer forgets its state)
    {"t": "quit"}  (or the end of stdin)
    Anything else (bytes that are not a message, an unknown "t", a command without its job)
    ends the trainer with one line on stderr and exit status 3: the stream is no longer in
    step, so guessing would be worse.
Child -> parent:
    {"t": "ready"} once, then per job:
    {"t": "progress", "job", "n0", "epoch", "epochs": [[epoch, last_step, logs]...],
     "diag": [[step, [per layer dict]]...], "hist": [[step, [per layer histograms]]...],
     "snapshot": bool, "grads": bool (with a snapshot),
     "epoch_weights": epoch | None,
     "snaps": [[step, has_grads]...] (time travel: weights at the steps the store keeps),
     "b": {the same keys for run B of a paired run}}
        arrays: loss[n0:n1], accuracy[n0:n1], then the snapshot's weights and (if "grads") the
        gradients of the step they came from, in the same order, then the epoch's weights,
        then per "snaps" one flat array: its weights raveled in order (then its gradients);
        then run B's in the same order.
        A paired run's n1 is the same for both runs: the steps both have done.
    {"t": "parked", "job", "step"}    the trainer waits between two steps
    {"t": "done", "job", "reason", "info", "fit_seconds", "fit_cpu_seconds" (the trainer's CPU
     time in the fit, its reader thread's included), "model": state spec, "model_b": spec}
        arrays: the model state's (weights, moments, generators in the spec), then B's
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time

import numpy as np

from graphviz_nn.nn import wire
from graphviz_nn.nn.callbacks import Callback, CallPacer, StepPacer
from graphviz_nn.nn.histograms import model_histograms
from graphviz_nn.nn.lockstep import HistoryTap, Leader, fit_lockstep, last_gradients
from graphviz_nn.nn.remote_commands import _Control, _reader

PACED_SNAPSHOT_S = 0.1   # weight snapshots this often while held to a speed (time to spare)


class _Link(Callback):
    """The callback of a job's fit (of a paired run's last model): sends progress now and
    then, parks when asked, takes the snapshots time travel keeps."""

    def __init__(self, out, ctrl: _Control, job: dict, leaders: list | tuple = ()) -> None:
        self.out, self.ctrl, self.job = out, ctrl, job["job"]
        every = job.get("every", {})
        self.send_every = float(every.get("send", 0.05))
        self.diag_every = float(every.get("diag", 0.02))
        self.snap_every = float(every.get("snapshot", 0.3))
        self.leaders = list(leaders)  # models that do each step before this fit's model
        n = len(self.leaders) + 1
        self.sent = [0] * n
        self.epochs: list[list] = [[] for _ in range(n)]
        self.diag: list[list] = [[] for _ in range(n)]
        self.hist_every = float(every.get("hist", 0.25))
        self.hist: list[list] = [[] for _ in range(n)]
        self.hist_step = -1           # the step of the newest histogram sample
        self.diag_step = -1           # the step of the newest gradient-flow sample
        self.epoch_weights: list = [None] * n
        hist = job.get("history")
        self.taps = [HistoryTap(h) for h in hist][:n] if isinstance(hist, list) else None
        if self.taps is not None and len(self.taps) != n:
            raise ValueError("the snapshot settings do not name every run")
        self.nonfinite: dict | None = None
        self._pace = CallPacer()      # fit logs every step itself: a call every ~2 ms will do
        self._speed = StepPacer()     # the learner's steps a second, when not full speed
        self._t_send = self._t_diag = self._t_snap = self._t_hist = 0.0

    @property
    def runs(self) -> list:
        return [*self.leaders, self.model]

    def begin(self, models: list) -> None:
        """Before fit: the snapshots of step 0 (the weights every run starts from)."""
        for tap, model in zip(self.taps or (), models, strict=False):
            tap.take(model, 0)

    def on_train_begin(self, logs=None) -> None:
        self._t_send = time.perf_counter()
        self._pace.start(self._t_send)
        if self.ctrl.stop:            # stopped before fit began (fit clears the flag)
            self.model.stop_training = True

    def on_batch_end(self, step: int, logs=None) -> None:
        ctrl, now = self.ctrl, time.perf_counter()
        if self.taps is not None:
            for tap, model in zip(self.taps, self.runs, strict=True):
                tap.take(model, step + 1)
        if now - self._t_diag >= self.diag_every:
            self._t_diag = now
            self.sample_diagnostics(step)
        if now - self._t_hist >= self.hist_every:
            self._t_hist = now
            self.sample_histograms(step)
        if ctrl.attention:
            ctrl.attention = False
            if ctrl.stop:
                self.model.stop_training = True
            if ctrl.steps_left is not None:
                ctrl.steps_left -= 1
                if ctrl.steps_left <= 0:
                    ctrl.steps_left, ctrl.paused = None, True
            if ctrl.paused and not ctrl.stop:
                self._park(step)
                now = time.perf_counter()
            if ctrl.steps_left is not None or ctrl.paused:
                ctrl.attention = True
        paced = ctrl.speed is not None
        if now - self._t_send >= self.send_every:
            snap_every = min(self.snap_every, PACED_SNAPSHOT_S) if paced else self.snap_every
            self.flush(snapshot=now - self._t_snap >= snap_every)
            now = time.perf_counter()
        if paced or self._speed.rate is not None:
            self._wait_for_pace(now)
        nxt = self._pace.next_from(step, now)
        if self.taps is not None:      # called at each step a snapshot is due, exactly
            nxt = min(nxt, *(tap.next_index(step + 1) for tap in self.taps))
        self.batch_end_from = 0 if ctrl.attention or paced else nxt

    def _wait_for_pace(self, now: float) -> None:
        """Hold the learner's speed: wait until the next step is due (a command cuts it
        short, and acts at the next step)."""
        ctrl = self.ctrl
        if self._speed.rate != ctrl.speed:
            self._speed.set_rate(ctrl.speed)
        delay = self._speed.delay(now)
        if delay > 0:
            ctrl.wake.clear()
            if not ctrl.attention:
                ctrl.wake.wait(delay)

    def on_epoch_end(self, epoch: int, logs=None) -> None:
        self.epoch_end(len(self.leaders), epoch, logs)

    def epoch_end(self, run: int, epoch: int, logs) -> None:
        model = self.runs[run]
        logs = {k: float(v) for k, v in (logs or {}).items()}
        self.epochs[run].append([int(epoch), model.history.step_log.count - 1, logs])
        self.epoch_weights[run] = (int(epoch), model.get_weights())

    def sample_diagnostics(self, step: int) -> None:
        """A gradient-flow sample of ``step`` (the step just done), unless one was taken."""
        if step >= 0 and step != self.diag_step:
            self.diag_step = step
            for run, model in enumerate(self.runs):
                self.diag[run].append([step, model.diagnostics()])

    def sample_histograms(self, step: int) -> None:
        """Histograms of the weights and gradients of ``step``, unless taken."""
        if step >= 0 and step != self.hist_step:
            self.hist_step = step
            for run, model in enumerate(self.runs):
                self.hist[run].append([step, model_histograms(model)])

    def on_nonfinite(self, info: dict) -> None:
        self.nonfinite = {"step": int(info.get("step", -1)), "node": str(info.get("node", "?"))}
        if self.leaders:
            self.nonfinite["run"] = len(self.leaders)

    def flush(self, snapshot: bool = False) -> None:
        """Send what is new: steps, epochs, gradient-flow samples, maybe a weight snapshot,
        the snapshots kept for time travel (of each run of a paired run)."""
        runs = self.runs
        n1 = min(m.history.step_log.count for m in runs)    # the steps every run has done
        if snapshot:
            self._t_snap = time.perf_counter()
        head, arrays = self._part(0, n1, snapshot)
        if len(runs) > 1:
            head["b"], more = self._part(1, n1, snapshot)
            arrays += more
        head.update(t="progress", job=self.job)
        wire.send(self.out, head, arrays)
        self._t_send = time.perf_counter()

    def _part(self, run: int, n1: int, snapshot: bool) -> tuple[dict, list]:
        model = self.runs[run]
        log = model.history.step_log
        n0 = min(self.sent[run], n1)
        arrays = [log.loss[n0:n1], log.accuracy[n0:n1]]
        epoch = log.epoch_batch(n1 - 1)[0] if n1 else 0
        head = {"n0": n0, "epoch": epoch, "epochs": self.epochs[run], "diag": self.diag[run],
                "hist": self.hist[run], "snapshot": snapshot, "epoch_weights": None}
        if snapshot:
            arrays += model.get_weights()
            grads = last_gradients(model)        # for the network diagram's edges
            head["grads"] = grads is not None
            arrays += grads or []
        if self.epoch_weights[run] is not None:
            head["epoch_weights"] = self.epoch_weights[run][0]
            arrays += self.epoch_weights[run][1]
        if self.taps is not None:
            head["snaps"], snaps = self.taps[run].drain()
            arrays += snaps
        self.sent[run], self.epochs[run], self.diag[run] = n1, [], []
        self.hist[run] = []
        self.epoch_weights[run] = None
        return head, arrays

    def _park(self, step: int) -> None:
        ctrl = self.ctrl
        self.sample_diagnostics(step)     # the views' pictures while parked are of this step
        self.sample_histograms(step)
        self.flush(snapshot=True)
        wire.send(self.out, {"t": "parked", "job": self.job, "step": step})
        while ctrl.paused and not ctrl.stop:
            try:
                cmd, arrays = ctrl.commands.get(timeout=0.1)
            except queue.Empty:
                continue
            if cmd == "set_weights" and not self.leaders:
                self.model.set_weights(arrays)
                self.model.optimizer.reset()
                self.flush(snapshot=True)
                wire.send(self.out, {"t": "parked", "job": self.job, "step": step})


def _run_job(out, ctrl: _Control, job: dict, arrays: list[np.ndarray]) -> None:
    specs = [job["model"]] + ([job["model_b"]] if "model_b" in job else [])
    models, i = [], 0
    for spec in specs:
        k = wire.state_len(spec)
        models.append(wire.model_from_state(spec, arrays[i:i + k]))
        i += k
    data = arrays[i:]
    if len(data) != (4 if job["data"][0] else 2):
        raise wire.WireError(f"fit message with {len(data)} data arrays")
    model = models[-1]
    fit = dict(job["fit"])
    if job["data"][0]:
        fit["validation_data"] = (data[2], data[3])
    link = _Link(out, ctrl, job, leaders=models[:-1])
    ctrl.model, ctrl.direct_stop = model, len(models) == 1
    if job.get("pause_after") is not None:
        ctrl.steps_left, ctrl.attention = int(job["pause_after"]), True
    reason, info = "done", {}
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        link.begin(models)
        if len(models) == 1:
            model.fit(data[0], data[1], callbacks=[link], verbose=0, **fit)
        else:
            runs = [(m, dict(fit, x=data[0], y=data[1], verbose=0,
                             callbacks=[Leader(link, r)])) for r, m in enumerate(models[:-1])]
            runs.append((model, dict(fit, x=data[0], y=data[1], verbose=0, callbacks=[link])))
            fit_lockstep(runs)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which shows it
        reason, info = "error", {"message": f"{type(exc).__name__}: {exc}"}
    fit_seconds = time.perf_counter() - t0
    fit_cpu = time.process_time() - c0
    ctrl.model = None
    if model.history is not None:      # fit began: send its last steps and epochs
        if link.nonfinite is None and reason != "error":   # and the last step's gradients
            link.sample_diagnostics(model.history.step_log.count - 1)
            link.sample_histograms(model.history.step_log.count - 1)
        link.flush(snapshot=True)      # the final weights with their step's gradients
    if reason != "error" and link.nonfinite is not None:
        reason, info = "nonfinite", link.nonfinite
    elif reason != "error" and ctrl.stop:
        reason = "stopped"
    head = {"t": "done", "job": job["job"], "reason": reason, "info": info,
            "fit_seconds": fit_seconds, "fit_cpu_seconds": fit_cpu}
    arrays = []
    for key, m in zip(("model", "model_b"), models, strict=False):
        head[key], state = wire.model_state(m)
        arrays += state
    wire.send(out, head, arrays)


def _warm_up() -> None:
    """One tiny fit, so the first real job does not pay for first calls (about 20 ms)."""
    from graphviz_nn.nn import Dense, Sequential
    model = Sequential([Dense(4, activation="relu", input_shape=(2,)),
                        Dense(2, activation="softmax")], seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x = np.zeros((8, 2), np.float32)
    model.fit(x, np.zeros(8, np.int64), epochs=2, batch_size=4, verbose=0,
              validation_data=(x, np.zeros(8, np.int64)))
    model.diagnostics()


def serve(inp, out) -> int:
    """Answer jobs until stdin ends or the parent says quit: 0. A message that is not one of
    ours ends the trainer too, with one line on stderr: 3."""
    _warm_up()
    ctrl, jobs, problems = _Control(), queue.Queue(), []
    threading.Thread(target=_reader, args=(inp, ctrl, jobs, problems), daemon=True,
                     name="graphviz-nn-commands").start()
    wire.send(out, {"t": "ready", "pid": os.getpid()})
    while True:
        item = jobs.get()
        if item is None:
            break
        head, arrays = item
        try:
            _run_job(out, ctrl, head, arrays)
        except OSError:
            return 0                         # the parent is gone
        except Exception as exc:  # noqa: BLE001 - the parent must hear of it, not hang
            wire.send(out, {"t": "done", "job": head["job"], "reason": "error",
                            "info": {"message": f"{type(exc).__name__}: {exc}"}})
    if problems:
        print(f"graphviz-nn trainer: stopped on a bad message from the window: "
              f"{problems[0]}", file=sys.stderr, flush=True)
        return 3
    return 0


def main() -> int:
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())   # stray prints must not break messages
    try:
        return serve(sys.stdin.buffer, out)
    except (OSError, KeyboardInterrupt):
        return 0


if __name__ == "__main__":
    sys.exit(main())
