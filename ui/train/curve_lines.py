"""More runs on the loss and accuracy plots: a branch (from step k, in a colour of its own,
beside the run it branched from) or the other side of a paired run (B beside A).

An ``ExtraLine`` takes steps and epochs as ``CurvesView`` does (``add_steps``, ``add_epoch``),
so the dock feeds whichever line the run in progress draws.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

BRANCH_COLORS = [(142, 68, 173), (27, 158, 119), (194, 24, 91), (120, 90, 40)]
B_COLOR = (194, 24, 91)     # run B of a paired run (A keeps the curves' own blue)


class ExtraLine:
    """One more run: its smoothed per-batch loss and accuracy, and its per-epoch validation
    (dashed), in ``color`` under ``label``."""

    def __init__(self, curves, color, label: str) -> None:
        from ui.train.series import RunData

        self.curves, self.color, self.label = curves, color, label
        self.data = RunData(curves.smoothing.value() / 100.0)
        self._has_accuracy = False
        pen = pg.mkPen(color, width=1.5)
        dashed = pg.mkPen(color, width=1, style=Qt.DashLine)
        self.loss = curves.loss_plot.plot([], [], pen=pen)
        self.acc = curves.acc_plot.plot([], [], pen=pen)
        curves.legend.set_entry(self, color, label)
        self.val_loss = curves.loss_plot.plot([], [], pen=dashed, symbol="s", symbolSize=4,
                                              symbolBrush=color, symbolPen=None)
        self.val_acc = curves.acc_plot.plot([], [], pen=dashed, symbol="s", symbolSize=4,
                                            symbolBrush=color, symbolPen=None)
        for item in (self.loss, self.acc):    # smoothed already: a mean of each few points
            item.setDownsampling(auto=True, method="mean")
            item.setClipToView(True)

    @property
    def items(self) -> list:
        return [self.loss, self.acc, self.val_loss, self.val_acc]

    def add_steps(self, steps: np.ndarray, loss: np.ndarray, accuracy: np.ndarray,
                  epoch: int = 0) -> None:
        if self.data.add_steps(steps, loss, accuracy, epoch):
            self._has_accuracy = True

    def add_epoch(self, epoch: int, last_step: int, logs: dict) -> None:
        self.data.epochs.append((epoch, last_step, dict(logs)))

    def refresh(self) -> None:
        r = self.data
        steps = r.steps.data
        self.loss.setData(steps, r.smooth_loss.out.data)
        if self._has_accuracy:
            self.acc.setData(steps, r.smooth_acc.out.data)
        self.val_loss.setData(*r.epoch_arrays("val_loss"))
        self.val_acc.setData(*r.epoch_arrays("val_accuracy"))

    def resmooth(self, weight: float) -> None:
        r = self.data
        r.smooth_loss.recompute(r.loss.data, weight)
        r.smooth_acc.recompute(r.acc.data, weight)
        self.refresh()

    def remove(self) -> None:
        self.curves.legend.remove(self)
        for plot, items in ((self.curves.loss_plot, (self.loss, self.val_loss)),
                            (self.curves.acc_plot, (self.acc, self.val_acc))):
            for item in items:
                plot.removeItem(item)


def rename_main(curves, label: str) -> None:
    """Call the curves' own run ``label`` in the legend (e.g. "A: SGD")."""
    from ui.train.curves import TRAIN
    curves.legend.set_entry("main", TRAIN, label)
