"""Time travel in the training dock: every run keeps snapshots of its weights; the bar under the
curves (``scrubber.TimeBar``) takes the learner to any kept step, and every view shows the
model at that step: the decision boundary, the network diagram, the confusion matrix, the
gradient flow's cursor and the canvas (the model's graph traced again with those weights).

Moving back in time while the run trains pauses it (the views then show one moment, and the
model's arrays on the canvas can be set to the snapshot's without the trainer changing them);
Live puts the newest weights back, and resumes a run that time travel paused.

"Continue from here" trains a branch from the weights of the step shown: a new model of the same
layers and seed, on the same data, with a fresh optimizer (the optimizer's moments are not kept
in the snapshots: the branch is the run a script would make by setting those weights and calling
fit). It takes the optimizer and learning rate now in the form, so a learner may branch with a
lower rate just before a run blew up. The branch is drawn from step k in a colour of its own;
the run it came from stays.
"""

from __future__ import annotations

import math

import numpy as np

from ui.i18n import translate
from ui.train.controls import PAUSED, RUNNING
from ui.train.run_record import RunRecord


class TimeTravel:
    """The dock's runs as time travel keeps them, and the step the views show."""

    def __init__(self, dock, bar) -> None:
        self.dock, self.bar = dock, bar
        self.record: RunRecord | None = None       # the run being trained or shown
        self.viewing: int | None = None            # the global step shown; None: live
        self.live_weights: list | None = None      # the model's own weights while away
        self.resume_on_live = False                # time travel paused a running run
        self.line = None                           # the curves' line this run draws on
        self.branches = 0
        self._blas = None                          # BLAS held to one thread while away
        bar.moved.connect(self.show_step)
        bar.live_clicked.connect(self.go_live)
        bar.branch_clicked.connect(self.branch_here)

    # runs ------------------------------------------------------------------------------------
    def begin_run(self, model, label: str = "") -> RunRecord:
        """A new run (Train): its record; the bar starts over."""
        d = self.dock
        self.viewing, self.live_weights, self.resume_on_live = None, None, False
        self._release_blas()
        self.line, self.branches = None, 0
        self.record = RunRecord(label, d.settings, d.predictor,
                                (d.x_train, d.y_train, d.x_val, d.y_val),
                                grads=RunRecord.wants_grads(model))
        self._sync_bar()
        return self.record

    def job_history(self, step_offset: int) -> list[dict] | None:
        """The snapshot settings of a fit that starts at global step ``step_offset``."""
        if self.record is None:
            return None
        pair = getattr(self.dock, "pairs", None)
        b = pair.record if pair is not None and pair.active else None
        return [rec.job_history(step_offset) for rec in (self.record, b) if rec is not None]

    def take(self, up) -> None:
        """What the trainer sent: the snapshots kept, and the newest weights when exact."""
        rec = self.record
        if rec is None:
            return
        if up.snaps:
            rec.take(up.snaps)
        if up.weights is not None and getattr(up, "weights_step", None) is not None:
            rec.set_latest(up.weights_step, up.weights)
        if self.viewing is None and (up.snaps or up.weights is not None):
            self._sync_bar()

    def still(self, weights) -> None:
        """The trainer is still (paused, ended): ``weights`` are those of the newest step."""
        rec, model = self.record, self.dock.model
        if rec is None or weights is None:
            return
        if self.viewing is not None:      # the trainer wrote its last weights into the model:
            self.live_weights = [np.array(w, copy=True) for w in weights]   # kept for Live,
            weights = self.live_weights
        rec.set_latest(self.dock.last_step + 1, weights)
        if self.viewing is not None and model is not None:
            model.set_weights(rec.at(self.viewing)[1])      # and the step shown put back
        self._sync_bar()

    @property
    def line_target(self):
        """Where the run's steps are drawn: the curves, or the branch's own line."""
        return self.line if self.line is not None else self.dock.curves

    # moving in time --------------------------------------------------------------------------
    def show_step(self, step: int) -> None:
        """Show every view at the kept step nearest at or before ``step``."""
        d, rec = self.dock, self.record
        d.starting.finish()               # a run that just began: its views first
        if rec is None or rec.last_step < 0:
            return
        if self.viewing is None:
            if step >= rec.last_step:          # the end of the bar is live
                return
            if not self._hold_still():
                self._sync_bar()
                return
            self.live_weights = d.model.get_weights() if d.model is not None else None
            self._limit_blas()
        saved, weights, grads = rec.at(step)
        if saved >= rec.last_step:
            self.go_live()
            return
        self.viewing = saved
        self._show(saved, weights, grads)
        self._sync_bar()

    def _hold_still(self) -> bool:
        """Before leaving the live step: a running trainer pauses, and all it sent is in."""
        d = self.dock
        worker = d.worker
        if d.state == RUNNING and worker is not None and worker.is_running():
            d.toggle_pause()
            self.resume_on_live = True
        if worker is not None and worker.is_running():
            if not worker.wait_parked():
                d.message.emit(translate("TimeTravel", "The trainer is still busy with a "
                                                       "step; try again."))
                return False
            worker.sync()
            if d.model is not None:
                self.still(d.model.get_weights())
        return True

    def go_live(self) -> None:
        """Back to the newest step: the model's own weights, every view redrawn."""
        d = self.dock
        if self.viewing is None:
            return
        self.viewing = None
        self._release_blas()
        if self.live_weights is not None and d.model is not None:
            d.model.set_weights(self.live_weights)
        self.live_weights = None
        self._sync_bar()
        d.gradflow.show_cursor(None)
        self._show_histograms(None)
        d._show_still_weights()
        d.refresher.refresh_all(d._recompute_canvas)
        if self.resume_on_live and d.state == PAUSED:
            self.resume_on_live = False
            d.resume()
        self.resume_on_live = False

    def _limit_blas(self) -> None:
        """The views' small matrix products run several times faster without BLAS helper
        threads (which wait for a core); held while the learner is away from live."""
        from ui.train.workers import _single_threaded_blas
        if self._blas is None:
            self._blas = _single_threaded_blas()

    def _release_blas(self) -> None:
        if self._blas is not None:
            self._blas.restore_original_limits()
            self._blas = None

    def leave(self) -> None:
        """Before anything that trains on (Resume, Step, Reset): back to live, no resuming."""
        self.resume_on_live = False
        self.go_live()

    def _show(self, step: int, weights: list, grads: list | None) -> None:
        d = self.dock
        d.show_weights(weights, grads)         # the decision boundary, the network diagram
        if d.settings is not None:
            d.confusion.update_weights(
                self._epoch_of(step), weights, d.predictor,
                when=translate("TimeTravel", "at step {k}").format(k=f"{step:,}"))
        pairs = getattr(d, "pairs", None)
        if pairs is not None and pairs.active:
            pairs.show_at(step)
        d.gradflow.show_cursor(step, grads)
        self._show_histograms(step - 1)      # their samples are of the step index just done
        if d.model is not None and self.record is not None:
            d.model.set_weights(weights)     # the canvas shows the model's own arrays
            d._recompute_canvas()

    def _show_histograms(self, index: int | None) -> None:
        """The ridges as they were after step ``index`` (None: the newest), drawn now if on
        show (the tab draws them when it is brought up)."""
        h = getattr(self.dock, "histograms", None)
        if h is None:
            return
        if h.isVisible():
            h.show_at(index)
        else:
            h.at_step = index


    def _epoch_of(self, step: int) -> int:
        s, x = self.dock.settings, self.dock.x_train
        per_epoch = max(1, math.ceil(len(x) / s.batch_size)) if x is not None else 1
        return max(0, step - 1) // per_epoch

    def _sync_bar(self) -> None:
        rec = self.record
        steps = rec.saved_steps() if rec is not None else []
        self.bar.set_steps(steps, self.viewing, self.dock.controls.total_steps)
        pairs = getattr(self.dock, "pairs", None)
        self.bar.branch.setEnabled(self.viewing is not None and self.dock.model is not None
                                   and not (pairs is not None and pairs.active))

    # branching -------------------------------------------------------------------------------
    def branch_here(self) -> None:
        """Train a branch from the step shown (see the module's docstring)."""
        from ui.train.branch import start_branch
        if self.viewing is not None and self.record is not None:
            start_branch(self, self.viewing)
