"""The window's state as the lesson checks see it (``graphviz_nn.lessons.Snapshot``), and the
record of the training runs that ended while a lesson was open."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, Signal

from graphviz_nn.datasets import PLAYGROUND
from graphviz_nn.lessons import Run, Snapshot
from graphviz_nn.lessons.checks import small
from ui.style import parse_number

# features and classes of the data sets the dock offers (before one is loaded)
SHAPES = {"digits": (64, 10), "MNIST": (784, 10), "Fashion-MNIST": (784, 10)}
SAMPLES = {"digits": 1797, "MNIST": 60_000, "Fashion-MNIST": 60_000}
KIND_OF_DATA = {"mnist": "MNIST", "fashion_mnist": "Fashion-MNIST"}   # DataSet.name -> kind


def snapshot(window, runs: list[Run] | None = None) -> Snapshot:
    """What the window shows now: the controller's graph (values and gradients of its last
    trace), the timeline, the workspace, the training form and the ``runs`` that ended."""
    c = window.controller
    values, grads, ops, leaves = {}, {}, {}, []
    for node in c.graph.nodes:
        ops[node.name] = node.op
        for store, v in ((values, node.value), (grads, node.grad)):
            arr = small(v)
            if arr is not None:
                store[node.name] = arr
        if node.op in ("input", "param"):
            leaves.append(node.name)
    steps = []
    for step in c.trace or ():
        sends = tuple(lg.input.name for lg in step.locals) if step.kind == "backward" else ()
        steps.append((step.kind, step.node.name, sends))
    return Snapshot(values, grads, ops, tuple(leaves), steps, c.cursor, window.workspace,
                    train_settings(getattr(window, "training_dock", None)), list(runs or []))


def train_settings(dock) -> dict:
    """The training form's choices and the numbers that follow from them (``quantity.NAMES``);
    empty before the Train workspace is first opened."""
    if dock is None:
        return {}
    data, model = dock.data_form, dock.model_form
    kind = data.kind.currentText()
    out: dict = {"dataset": kind, "optimizer": model.optimizer.currentText(),
                 "batch_size": model.batch.value(), "learning_rate": model.lr.value(),
                 "epochs": model.epochs.value(), "dropout": model.dropout.value()}
    loaded = data._data if data._data is not None and data._key == data.choice_key() else None
    if loaded is not None:
        samples, inputs, classes = len(loaded.x), loaded.x.shape[1], loaded.classes
    elif kind in SHAPES:
        samples, (inputs, classes) = SAMPLES[kind], SHAPES[kind]
    elif kind in PLAYGROUND:
        samples, inputs, classes = data.size.value(), 2, 2
    else:
        samples = inputs = classes = None
    out.update(samples=samples, inputs=inputs, classes=classes)
    if samples is not None:
        fraction = model.val_split.value()
        n_val = int(round(fraction * samples))
        if fraction > 0 and n_val == 0:
            n_val = 1
        out["train_samples"] = samples - n_val          # as split_data does
    try:
        hidden = [int(h) for h in model.hidden.text().replace(",", " ").split()]
    except ValueError:
        hidden = None
    if inputs is not None and classes is not None and hidden is not None:
        sizes = [inputs, *hidden, classes]
        out["model_params"] = sum(a * b + b for a, b in zip(sizes, sizes[1:], strict=False))
    return out


def run_of(dock) -> Run | None:
    """The run the dock has just ended (or paused by itself), as a lesson check sees it."""
    s, data = dock.settings, dock.data
    if s is None or data is None:
        return None
    epochs = dock.curves.run.epochs
    keys = sorted({k for _e, _s, logs in epochs for k in logs})
    history = {k: [float(logs.get(k, math.nan)) for _e, _s, logs in epochs] for k in keys}
    loss = dock.curves.run.loss.data
    if dock.halt is not None:
        ended = str(dock.halt.get("why", "diverged"))
    else:
        ended = "done" if len(epochs) >= s.epochs else "stopped"
    return Run(dataset=KIND_OF_DATA.get(data.name, data.name), optimizer=s.optimizer,
               learning_rate=float(s.learning_rate), batch_size=int(s.batch_size),
               epochs=int(s.epochs), dropout=float(s.dropout), hidden=tuple(s.hidden),
               activation=s.activation, train_samples=len(dock.x_train),
               ended=ended, history=history,
               first_loss=float(loss[0]) if len(loss) else math.nan,
               last_loss=float(loss[-1]) if len(loss) else math.nan)


class RunRecorder(QObject):
    """Keeps a :class:`Run` for every training run that ends (finished, stopped, or paused by
    itself after a NaN or a diverging loss) and says so with ``ended``."""

    ended = Signal(object)          # the Run

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runs: list[Run] = []
        self.dock = None
        self._state = "idle"
        self._last: tuple[int, int] | None = None     # (id of the curves' run, steps) recorded

    def watch(self, dock) -> None:
        """Follow ``dock`` (the window's TrainingDock); once."""
        if self.dock is dock:
            return
        self.dock = dock
        self._state = dock.state
        dock.state_changed.connect(self._on_state)

    def _on_state(self, state: str) -> None:
        before, self._state = self._state, state
        dock = self.dock
        if state == "idle" and before != "idle" or state == "paused" and dock.halt is not None:
            key = (id(dock.curves.run), len(dock.curves.run.steps))
            if key == self._last:            # a halted run, stopped: already recorded
                return
            run = run_of(dock)
            if run is not None:
                self._last = key
                self.runs.append(run)
                self.ended.emit(run)


def as_number(text: str) -> float | None:
    """The finite number the learner typed (read as the quiz reads it: ``style.parse_number``),
    or None."""
    try:
        value = parse_number(text)
    except ValueError:
        return None
    return value if np.isfinite(value) else None
