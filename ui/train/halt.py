"""What the training dock does when a run blows up (a NaN, or a loss that diverged) and when
the learner resets the weights: the run pauses with a message bar that says why
(``feedback.py``), and goes on with the learning rate now in the form."""

from __future__ import annotations

from ui.i18n import translate
from ui.train.controls import IDLE, PAUSED, RUNNING
from ui.train.feedback import halted_text
from ui.train.graph_model import GraphModel
from ui.train.model_form import make_optimizer


class HaltMixin:
    """For ``TrainingDock``: halts, going on after one, and Reset weights."""

    def reset_weights(self) -> None:
        """Fresh random weights for the current model (between two steps when paused)."""
        if self.model is None:
            self.message.emit(translate("TrainingDock", "Nothing to reset yet: train a model "
                                        "first."))
            return
        if self.state == RUNNING:
            return
        if self.pairs.active:
            self.message.emit(translate("Compare", "Reset weights is for one run: Compare… "
                                        "again starts the pair afresh."))
            return
        self.travel.leave()
        worker = self.worker
        if worker is not None and not worker.wait_parked():
            self.message.emit(translate("TrainingDock", "The trainer is still busy with a step; "
                                        "try again."))
            return
        running = worker is not None and worker.is_running()
        if running:
            worker.sync()          # snapshots that arrived before it parked: not after the reset
        self.model.reset_weights()
        if running:
            worker.set_weights(self.model.get_weights())
        self.refresher.pending_weights = None    # a snapshot from before the reset
        self.last_loss = float("nan")            # unknown until the next step
        if self.state == IDLE:                   # Train starts a new run: nothing goes on
            self.last_step, self.last_epoch = -1, 0
            self.controls.show_reset(None)
        else:
            self.controls.show_reset(self.last_step, self.last_epoch)
        weights = self.model.get_weights()
        self.show_weights(weights)
        self.refresher.pending_epoch_weights = None
        self.confusion.update_weights(self.last_epoch, weights, self.predictor,
                                      when=translate("TrainingDock", "with fresh weights"))
        self._recompute_canvas()
        self.message.emit(translate("TrainingDock", "Weights back to their values before "
                                    "training.") if isinstance(self.model, GraphModel) else
                          translate("TrainingDock", "Weights reset to fresh random values "
                                    "(Glorot uniform, zero biases)."))

    def lower_learning_rate(self) -> None:
        """The message bar's advice after a run blew up, taken: a tenth of the learning rate,
        fresh weights, and on it goes."""
        lr = self.model_form.lr
        lr.setValue(max(lr.minimum(), lr.value() / 10))
        self.reset_weights()
        self.resume()

    def _continue(self, steps: int | None) -> None:
        """Go on after a halt (NaN, diverged) with the learning rate now in the form."""
        s = self.settings
        try:
            new = self.model_form.settings()
        except ValueError as exc:
            self.message.emit(translate("TrainingDock", "Cannot resume: {why}").format(why=exc))
            return
        s.learning_rate, s.optimizer = new.learning_rate, new.optimizer
        self.model.optimizer = make_optimizer(s.optimizer, s.learning_rate)   # fit reads it
        self.halt = None
        self.feedback.clear()
        self.curves.rescale()
        epochs_left = max(1, s.epochs - self.last_epoch)
        self.message.emit(translate("TrainingDock", "Resuming with learning rate {lr}.").format(
            lr=f"{s.learning_rate:g}"))
        self._launch(epochs_left, self.last_step + 1, self.last_epoch, steps)

    def _diverged(self, found: dict | None) -> None:
        """The loss has blown up: stop the run; it pauses as after a NaN (see _finish)."""
        if found is not None and self._diverging is None and self.worker is not None:
            self._diverging = found
            self.worker.stop()

    def _halted(self, reason: str, info: dict) -> bool:
        """A run that ended on a NaN, or was stopped because its loss diverged, pauses: the
        message bar says why and offers a lower learning rate. True if it did."""
        diverged, self._diverging = self._diverging, None
        if reason == "nonfinite" or (diverged is not None and reason in ("done", "stopped")):
            self.halt = (dict(info, why="nonfinite") if reason == "nonfinite" else
                         dict(diverged, why="diverged"))
            text = halted_text(self.halt, self.settings.learning_rate, self.model.get_weights())
            lower = translate("TrainingDock", "Lower the learning rate")
            self.feedback.show(text, "error", [(lower, self.lower_learning_rate)])
            self._set_state(PAUSED)
            why = (translate("TrainingDock", "a value became NaN or infinite")
                   if self.halt["why"] == "nonfinite" else
                   translate("TrainingDock", "the loss diverged"))
            self.message.emit(translate("TrainingDock", "Training paused after step {step}: "
                                        "{why} (the message above says what to do).").format(
                step=self.last_step + 1, why=why))
            return True
        return False
