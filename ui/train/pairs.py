"""Paired runs (A/B): the lecture notes' comparisons in one click (Compare… under the curves).

Two models of the MLP builder's settings, trained step for step in one job of the trainer
process (``graphviz_nn.nn.lockstep``: A's step, then B's, each step): the same seed, so the same
initial weights, shuffling and dropout draws; the same data; one setting different, the one the
learner picked. Both are made from one model by changing only that setting in its description
(``variant``), so nothing else can differ. A is the dock's model: every view shows it, the
curves draw it in their own colour; B's curves are drawn beside them in B's colour, and the
"A / B" tab shows both decision boundaries side by side. Time travel moves both.
"""

from __future__ import annotations

import copy
import dataclasses
import time

from PySide6.QtWidgets import QDockWidget, QMenu

from graphviz_nn.nn import regularizers, wire
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.train.curve_lines import B_COLOR, rename_main
from ui.train.model_form import make_optimizer
from ui.train.pair_view import PairView
from ui.train.run_record import RunRecord

# what may differ: key, the menu's words, (A's value, B's value)
CHOICES = (
    ("optimizer", QT_TRANSLATE_NOOP("Compare", "SGD vs Adam (same learning rate)"),
     ("sgd", "adam")),
    ("dropout", QT_TRANSLATE_NOOP("Compare", "dropout 0 vs 0.3"), (0.0, 0.3)),
    ("activation", QT_TRANSLATE_NOOP("Compare", "ReLU vs sigmoid"), ("relu", "sigmoid")),
    ("l2", QT_TRANSLATE_NOOP("Compare", "L2 off vs on (0.01)"), (0.0, 0.01)),
)
NAMES = {"sgd": "SGD", "adam": "Adam", "relu": "ReLU", "sigmoid": "sigmoid"}
DRAW_S = 0.12      # least seconds between two redraws of the two boundaries while training


def side_label(key: str, value) -> str:
    """How a side is called on the curves and above its boundary: "SGD", "dropout 0.3"..."""
    if key == "dropout":
        return translate("Compare", "dropout {rate}").format(rate=f"{value:g}")
    if key == "l2":
        return (translate("Compare", "L2 {rate}").format(rate=f"{value:g}") if value else
                translate("Compare", "no L2"))
    return NAMES.get(value, str(value))


def variant(base, key: str, value, learning_rate: float):
    """A new model that is ``base`` (untrained: weights and generators as they start) with one
    setting changed: the optimizer (fresh, at ``learning_rate``), the hidden activation, the
    dropout after each hidden layer, or an L2 penalty on every kernel."""
    spec, state = wire.model_state(base)
    spec = copy.deepcopy(spec)
    n = spec["n_weights"]
    spec.update(iterations=0, slot_keys=None)            # a fresh optimizer either way
    dense = [ls for ls in spec["layers"] if ls["kind"] == "Dense"]
    if key == "optimizer":
        spec["optimizer"] = make_optimizer(value, learning_rate).get_config()
    elif key == "activation":
        for ls in dense[:-1]:
            ls["activation"] = value
    elif key == "dropout":
        layers = []
        for ls in dense:
            layers.append(ls)
            if value > 0 and ls is not dense[-1]:
                k = sum(x["kind"] == "Dropout" for x in layers)
                layers.append({"kind": "Dropout", "rate": float(value),
                               "name": "dropout" if k == 0 else f"dropout_{k}"})
        spec["layers"] = layers
    elif key == "l2":
        for ls in dense:
            ls["kernel_regularizer"] = regularizers.l2(value).get_config() if value else None
    else:
        raise ValueError(f"unknown setting to compare: {key!r}")
    model = wire.model_from_state(spec, state[:n])
    model.seed = base.seed
    return model


class Pairs:
    """The dock's paired run, when there is one."""

    def __init__(self, dock) -> None:
        self.dock = dock
        self.request: str | None = None     # Compare… chose this; the next run is a pair
        self.key: str | None = None
        self.labels = ("", "")
        self.model_b = None
        self.record: RunRecord | None = None   # B's, for time travel
        self.line = None                       # B's curves
        self.view = PairView()
        self._drawn = 0.0
        menu = QMenu(dock.time_bar.compare)
        for key, text, _values in CHOICES:
            action = menu.addAction(translate("Compare", text))
            action.triggered.connect(lambda _=False, k=key: self.compare(k))
        dock.time_bar.compare.setMenu(menu)
        self.menu = menu

    @property
    def active(self) -> bool:
        return self.model_b is not None

    def compare(self, key: str) -> None:
        """Start a paired run that differs in ``key`` (the dock must be idle)."""
        d = self.dock
        if d.state != "idle":
            d.message.emit(translate("Compare", "Stop the run first, then Compare…"))
            return
        self.request = key
        d.train()
        if self.request is not None:           # the run did not start (a message says why)
            self.request = None

    # the run's start (from the dock) ---------------------------------------------------------
    def begin_run(self, model, settings):
        """The dock made ``model`` for a new run: for a pair, it becomes A (and B is made);
        returns the model and settings to train."""
        key, self.request = self.request, None
        self.end()
        if key is None:
            return model, settings
        if settings.source != "builder":
            raise ValueError(translate("Compare", "Compare… trains two models of the MLP "
                                       "builder (choose “MLP builder” as the model)"))
        a, b = next(values for k, _t, values in CHOICES if k == key)
        lr = settings.learning_rate
        model_a, self.model_b = variant(model, key, a, lr), variant(model, key, b, lr)
        fields = {"optimizer": {"optimizer": a},
                  "activation": {"activation": a, "activations": [a] * len(settings.hidden)},
                  "dropout": {"dropout": a},
                  "l2": {"penalty": None}}[key]
        settings = dataclasses.replace(settings, **fields)
        self.key = key
        self.labels = ("A: " + side_label(key, a), "B: " + side_label(key, b))
        self.view.set_labels(*self.labels)
        acts = [lay.activation.name for lay in self.model_b.dense_layers]
        self.record = RunRecord(self.labels[1], settings, acts, (),
                                grads=RunRecord.wants_grads(self.model_b))
        return model_a, settings

    def launched(self) -> None:
        """The dock has set up the run: B's record now; B's curves and boundary once A's
        views are made for the run (they come a piece at a time, ``StagedStart``)."""
        d = self.dock
        if not self.active or self.line is not None:
            return
        self.record.data = (d.x_train, d.y_train, d.x_val, d.y_val)
        d.travel.record.label = self.labels[0]
        d.starting.after(self._show)

    def _show(self) -> None:
        """B's line on the curves (after A's, which a new run clears) and the A / B tab."""
        d = self.dock
        if not self.active or self.line is not None:
            return
        acts = self.record.predictor
        rename_main(d.curves, self.labels[0])       # first: the legends list A, then B
        self.line = d.curves.add_line(B_COLOR, self.labels[1])
        self.view.set_data(d.p_train, d.y_train, d.data.classes,
                           features=getattr(d.data, "features", None),
                           frame=d.boundary.bounds)
        self.view.draw(0, d.model.get_weights(), d.predictor)
        self.view.draw(1, self.model_b.get_weights(), acts)
        tabs = d.tabs
        if tabs.indexOf(self.view) < 0:
            tabs.insertTab(0, self.view, translate("Compare", "A / B"))
        tabs.setCurrentWidget(self.view)
        dock_widget = tabs.parentWidget()
        while dock_widget is not None and not isinstance(dock_widget, QDockWidget):
            dock_widget = dock_widget.parentWidget()
        if dock_widget is not None:
            dock_widget.raise_()
        d.message.emit(translate("Compare", "Paired run: {a} and {b}, the same seed and data, "
                                 "trained step for step.").format(a=self.labels[0],
                                                                  b=self.labels[1]))

    def end(self) -> None:
        """No pair any more (a new run): B's tab goes (its curves go with the run's)."""
        self.key, self.model_b, self.record, self.line = None, None, None, None
        tabs = self.dock.tabs
        i = tabs.indexOf(self.view)
        if i >= 0:
            tabs.removeTab(i)

    # during the run ---------------------------------------------------------------------------
    def take(self, up) -> None:
        """A progress update of a paired run: B's steps, snapshots, and both boundaries."""
        b = up.b
        if b is None or not self.active:
            return
        if len(b):
            self.line.add_steps(b.steps, b.loss, b.accuracy, b.epoch)
            self.view.show_stats(1, int(b.steps[-1]) + 1, float(b.loss[-1]),
                                 float(b.accuracy[-1]))
        if len(up):
            self.view.show_stats(0, int(up.steps[-1]) + 1, float(up.loss[-1]),
                                 float(up.accuracy[-1]))
        for epoch, last_step, logs in b.epochs:
            self.line.add_epoch(epoch, last_step, logs)
        if b.snaps:
            self.record.take(b.snaps)
        if b.weights is not None and b.weights_step is not None:
            self.record.set_latest(b.weights_step, b.weights)
        now = time.perf_counter()
        if b.weights is not None and up.weights is not None and now - self._drawn >= DRAW_S \
                and self.dock.travel.viewing is None:
            self._drawn = now
            self.view.draw(0, up.weights, self.dock.predictor)
            self.view.draw(1, b.weights, self.record.predictor)

    def still(self) -> None:
        """The trainer is still: both boundaries of the newest step (or of the step shown)."""
        d = self.dock
        if not self.active or self.record is None:
            return
        self.record.set_latest(d.last_step + 1, self.model_b.get_weights())
        if d.travel.viewing is not None:
            self.show_at(d.travel.viewing)
            return
        self.view.draw(0, d.model.get_weights(), d.predictor)
        self.view.draw(1, self.model_b.get_weights(), self.record.predictor)

    def show_at(self, step: int) -> None:
        """Time travel: both sides at global ``step``."""
        d = self.dock
        if not self.active or self.record is None or d.travel.record is None:
            return
        self.view.draw(0, d.travel.record.at(step)[1], d.predictor)
        self.view.draw(1, self.record.at(step)[1], self.record.predictor)
        for side in (0, 1):
            self.view.stats[side].setText(translate("Compare", "at step {k}").format(
                k=f"{step:,}"))
