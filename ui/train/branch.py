"""“Continue from here”: a branch of a run, trained from the weights of a kept step.

The branch's model is the run's model made afresh: the same layers (activations, dropout,
regularizers) and the same seed, so its shuffling and dropout draw what a new model of that seed
draws; the weights of step k; a fresh optimizer of the kind and learning rate now in the form
(its moments start at zero). That is exactly the run a script makes with
``Sequential(..., seed=s)``, ``compile``, ``set_weights(snapshot)`` and ``fit`` on the run's own
training and validation data, and the tests hold it to that, bit for bit.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from PySide6.QtCore import QTimer

from graphviz_nn.nn import wire
from graphviz_nn.nn.divergence import DivergenceWatch
from ui.i18n import translate
from ui.train.curve_lines import BRANCH_COLORS
from ui.train.graph_model import GraphModel
from ui.train.model_form import make_optimizer
from ui.train.run_record import RunRecord


def fresh_copy(model, weights: list[np.ndarray], optimizer):
    """A ``Sequential`` of ``model``'s layers and seed, as new (generators included), with
    ``weights`` and ``optimizer`` (fresh)."""
    from graphviz_nn.nn import Sequential

    spec, _state = wire.model_state(model)
    seeded = Sequential(seed=model.seed)       # the generators a new model of that seed has
    spec = dict(spec, optimizer=optimizer.get_config(), iterations=0, slot_keys=None,
                rng={"shuffle": seeded._shuffle_rng.bit_generator.state,
                     "drop": seeded._drop_rng.bit_generator.state})
    copy = wire.model_from_state(spec, [np.array(w, dtype=np.float32) for w in weights])
    copy.seed = model.seed
    return copy


def branch_settings(dock, settings):
    """The run's settings with the optimizer and learning rate now in the form."""
    try:
        form = dock.model_form.settings()
    except ValueError:
        return settings
    return dataclasses.replace(settings, optimizer=form.optimizer,
                               learning_rate=form.learning_rate)


def start_branch(travel, step: int) -> None:
    """Stop the run shown (it is paused or over) and train a branch from global ``step``."""
    d, rec = travel.dock, travel.record
    saved, weights, _grads = rec.at(step)
    old = d.worker
    if old is not None and old.is_running():
        for signal, slot in ((old.progress, d._on_progress), (old.paused, d._on_paused),
                             (old.finished, d._on_finished)):
            signal.disconnect(slot)          # its end is not this branch's end
        old.stop_and_join()
    if d.model is not None and travel.live_weights is not None:
        d.model.set_weights(travel.live_weights)    # the run keeps its own last weights
    settings = branch_settings(d, rec.settings)
    optimizer = make_optimizer(settings.optimizer, settings.learning_rate)
    if isinstance(d.model, GraphModel):        # the graph on the canvas trains in place
        model = d.model
        model.set_weights(weights)
        model.optimizer = optimizer
    else:
        model = fresh_copy(d.model, weights, optimizer)
    x_train, y_train, x_val, y_val = rec.data
    per_epoch = max(1, math.ceil(len(x_train) / settings.batch_size))
    first_epoch = saved // per_epoch
    epochs_left = max(1, settings.epochs - first_epoch)

    label = translate("TimeTravel", "branch from step {k}").format(k=f"{saved:,}")
    travel.record = RunRecord(label, settings, rec.predictor, rec.data, start=saved,
                              parent=rec, grads=rec.grads)
    travel.record.set_latest(saved, weights)
    travel.viewing, travel.live_weights, travel.resume_on_live = None, None, False
    travel._release_blas()
    d.gradflow.show_cursor(None)
    color = BRANCH_COLORS[travel.branches % len(BRANCH_COLORS)]
    travel.branches += 1
    travel.line = d.curves.add_line(color, label)

    d.model, d.settings = model, settings
    d.x_train, d.y_train, d.x_val, d.y_val = x_train, y_train, x_val, y_val
    d.halt = d._diverging = None
    d.watch = DivergenceWatch()
    d.feedback.clear()
    d.refresher.reset()
    d.gradflow.begin_run()
    d.last_step, d.last_epoch, d.last_loss = saved - 1, first_epoch, float("nan")
    travel._sync_bar()
    d.show_weights(weights)
    if not isinstance(model, GraphModel):
        d.model_on_canvas = False
        if settings.show_on_canvas and d.controller is not None:
            QTimer.singleShot(20, d, d._put_model_on_canvas)
    d.message.emit(translate(
        "TimeTravel", "Branch from step {k}: {optimizer}, learning rate {lr}, fresh optimizer "
        "state, the same data and seed.").format(k=f"{saved:,}", optimizer=settings.optimizer,
                                                lr=f"{settings.learning_rate:g}"))
    d._launch(epochs_left, saved, first_epoch, None)
