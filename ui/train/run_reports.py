"""What the training dock does with its trainer's reports (on the GUI thread): each batch of
progress stored and the views redrawn in turn, a pause or the end of a run shown with the
model's weights as they are now, and the status bar told how the run ended.
"""

from __future__ import annotations

from functools import partial

from ui.engine_text import error_text
from ui.i18n import translate
from ui.train.controls import IDLE, PAUSED
from ui.train.workers import Update


class RunReportsMixin:
    """For ``TrainingDock``: the slots of its worker's ``progress``, ``paused`` and
    ``finished`` signals."""

    def _on_progress(self, up: Update) -> None:
        """Store what arrived (cheap), then redraw the views whose turn it is."""
        self.starting.finish()               # the views of this run are all made first
        lines = self.travel.line_target      # the curves, or a branch's own line
        if len(up):
            lines.add_steps(up.steps, up.loss, up.accuracy, up.epoch)
            self.last_step = int(up.steps[-1])
            self.last_epoch = up.epoch
            self.last_loss = float(up.loss[-1])
            self._diverged(self.watch.steps(up.steps, up.loss))
        self.travel.take(up)
        if up.b is not None:
            self.pairs.take(up)
        for epoch, last_step, logs in up.epochs:
            lines.add_epoch(epoch, last_step, logs)
            self.last_epoch = epoch + 1
            self._diverged(self.watch.epoch(epoch, logs.get("loss", float("nan"))))
        if up.diag_steps:
            self.gradflow.add(up.diag_steps, up.diagnostics)
        if up.hist_steps:
            self.histograms.add(up.hist_steps, up.histograms)
        if up.weights is not None:
            self.refresher.pending_weights = up.weights
            self.refresher.pending_network = (up.weights, up.grads)
            self.last_grads = up.grads
        if up.epoch_weights:
            epoch, weights = up.epoch_weights[-1]
            self.refresher.pending_epoch_weights = (epoch, weights, None)
        self.refresher.refresh()

    def _on_paused(self, step: int) -> None:
        self.starting.finish()
        self._set_state(PAUSED)
        self._show_still_weights()
        self.refresher.refresh_all(self._recompute_canvas)

    def _on_finished(self, reason: str, info: dict) -> None:
        self.starting.finish()
        # every view redraws, in pieces; the state changes once they all have
        self._show_still_weights()
        self.refresher.refresh_all(self._recompute_canvas, partial(self._finish, reason, info))

    def _show_still_weights(self) -> None:
        """The trainer is still (paused or ended): the views' next pictures are of the model's
        weights now, not of the last snapshot that happened to arrive while it ran."""
        if self.model is None:
            return
        weights = self.model.get_weights()
        self.travel.still(weights)
        self.pairs.still()
        if self.travel.viewing is not None:     # the views show a step of the past
            return
        self.refresher.pending_weights = weights
        self.refresher.pending_network = (weights, self.last_grads)
        if self.last_step >= 0:
            self.refresher.pending_epoch_weights = (self.last_epoch, weights, self.last_step)

    def _finish(self, reason: str, info: dict) -> None:
        if self._halted(reason, info):
            return
        if reason == "error":
            self.message.emit(translate("TrainingDock", "Training failed: {why}").format(
                why=info.get("message") or translate("TrainingDock", "unknown error")))
        elif reason == "stopped":
            self.message.emit(translate("TrainingDock", "Training stopped after step {step}.")
                              .format(step=self.last_step + 1))
        else:
            self.message.emit(translate("TrainingDock", "Training finished: {steps} steps, loss "
                                        "{loss}.").format(steps=self.last_step + 1,
                                                          loss=f"{self.last_loss:.4g}"))
        self._set_state(IDLE)
        self._restart_if_asked()

    def _recompute_canvas(self) -> None:
        """While the trainer is still, trace the model's graph again so every value and
        gradient on the canvas belongs to the current weights (not only the weights)."""
        c = self.controller
        if self.model_on_canvas and c is not None and c.graph is getattr(self.model, "graph", None):
            try:
                c.recompute()
            except Exception as exc:  # noqa: BLE001 - the canvas is optional for training
                self.message.emit(translate("TrainingDock", "Could not refresh the canvas: {why}")
                                  .format(why=error_text(exc)))
