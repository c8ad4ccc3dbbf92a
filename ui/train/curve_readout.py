"""The curves' hover read-out: the step nearest the pointer, its raw and smoothed values, its
epoch and the validation value at that epoch's end, in a tooltip beside the pointer.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from ui.i18n import QT_TRANSLATE_NOOP, translate


def _fmt(x: float) -> str:
    if not np.isfinite(x):
        return "–"
    return f"{x:.4g}"


METRICS = {"loss": QT_TRANSLATE_NOOP("Curves", "loss"),
           "accuracy": QT_TRANSLATE_NOOP("Curves", "accuracy")}


class CurveReadoutMixin:
    """Needs the CurvesView's ``run``, ``plots``, ``loss_plot`` and ``acc_plot``."""

    def _on_mouse_moved(self, event) -> None:
        pos = event[0]
        for plot, name in ((self.loss_plot, "loss"), (self.acc_plot, "accuracy")):
            if not plot.sceneBoundingRect().contains(pos):
                continue
            # beside the pointer, not in a row of its own: the plots keep the height
            QToolTip.showText(QCursor.pos(), self.readout(plot.vb.mapSceneToView(pos).x(), name),
                              self.plots)
            return
        QToolTip.hideText()

    def readout(self, x: float, which: str = "loss") -> str:
        """Text for the step nearest to ``x``: its raw and smoothed values and its epoch."""
        r = self.run
        steps = r.steps.data
        if steps.size == 0:
            return " "
        i = int(np.clip(np.searchsorted(steps, x), 0, steps.size - 1))
        if i > 0 and abs(steps[i - 1] - x) < abs(steps[i] - x):
            i -= 1
        raw = (r.loss if which == "loss" else r.acc).data[i]
        sm = (r.smooth_loss if which == "loss" else r.smooth_acc).out.data[i]
        text = translate("Curves", "step {step}  (epoch {epoch}):  {metric} {raw}  smoothed "
                         "{smoothed}").format(step=int(steps[i]),
                                              epoch=int(r.epoch_of_step.data[i]) + 1,
                                              metric=translate("Curves", METRICS[which]),
                                              raw=_fmt(raw), smoothed=_fmt(sm))
        for _ep, last, logs in r.epochs:
            if last >= steps[i]:
                key = "val_loss" if which == "loss" else "val_accuracy"
                if key in logs:
                    text += translate("Curves", "   validation at epoch end {value}").format(
                        value=_fmt(logs[key]))
                break
        return text
