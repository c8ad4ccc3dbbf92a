"""How a run starts: which worker trains it, and the model shown on the canvas.

The worker: the trainer process for a ``Sequential``, a thread otherwise.

A ``Sequential`` (the MLP builder's model) trains in the trainer process, where it never
waits for the window; the views may then repaint more often, since the window's work no
longer takes the trainer's interpreter lock. The graph on the canvas trains on a thread, in
place (its nodes are the canvas's own). If the process cannot start, the run goes on a thread
and the status bar says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.build.commands import GraphReplaceCmd
from ui.engine_text import error_text
from ui.i18n import translate
from ui.train.remote_worker import ProcessTrainingWorker, can_train_in_process
from ui.train.trainer_process import trainer_process
from ui.train.workers import TrainingWorker

REMOTE_BUDGET_SCALE = 5.0   # share of GUI time the views may spend, × the thread case's
REMOTE_FLOOR_SCALE = 0.5    # and least intervals between repaints, × the thread case's


def new_worker(model: Any, fit: dict, refresher, report: Callable[[str], None],
               **kwargs) -> TrainingWorker | ProcessTrainingWorker:
    """A worker for ``model.fit(**fit)``; ``kwargs`` go to the worker (offsets, parent...)."""
    remote = can_train_in_process(model)
    if kwargs.get("model_b") is not None and not remote:
        raise ValueError(translate("TrainingDock", "paired runs train a model of the MLP "
                                   "builder in the trainer process"))
    if remote:
        try:
            trainer_process()      # already running, or it loads during the run's first paints
        except OSError as exc:
            if kwargs.get("model_b") is not None:
                raise
            report(translate("TrainingDock", "Training on a thread: the trainer process did not "
                             "start ({why}).").format(why=exc))
            remote = False
    refresher.budget_scale = REMOTE_BUDGET_SCALE if remote else 1.0
    refresher.floor_scale = REMOTE_FLOOR_SCALE if remote else 1.0
    if not remote:
        kwargs.pop("model_b", None)
        return TrainingWorker(model, fit, **kwargs)
    return ProcessTrainingWorker(model, fit, **kwargs)


class ModelShowCmd(GraphReplaceCmd):
    """Show the model being trained in place of the canvas's graph. Train after Train makes
    one history entry, not one per run: a run whose model replaces the previous run's model
    merges into that entry, so one Undo brings the learner's own graph back, and Redo the
    newest model. (A saved state in between is kept: Qt does not merge at the clean index.)"""

    ID = 0x7EA1

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.ID

    def mergeWith(self, other) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, ModelShowCmd) or other.old is not self.new:
            return False
        self.new, self.new_output = other.new, other.new_output
        return True


def put_model_on_canvas(dock) -> None:
    """Show the dock's model's graph on the canvas, undoably (``ModelShowCmd``)."""
    c = dock.controller
    if c is None or dock.model is None:
        return
    g = dock.model.graph
    if c.graph is g:
        dock.model_on_canvas = True
        return
    loss = g["loss"] if "loss" in g else (g.nodes[-1] if g.nodes else None)
    from ui.canvas.scene_groups import open_collapsed
    open_collapsed(g)        # the model reads as x -> Dense -> Dense -> loss beside the diagram
    try:
        c.undo_stack.push(ModelShowCmd(c, g, translate("TrainingDock",
                                                       "Show the model being trained"),
                                       output=loss.name if loss is not None else None))
        dock.model_on_canvas = True
    except Exception as exc:  # noqa: BLE001 - the canvas is optional for training
        dock.message.emit(translate("TrainingDock", "Could not show the model on the canvas: "
                                    "{why}").format(why=error_text(exc)))
