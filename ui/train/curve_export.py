"""The curves saved: the two plots as a PNG, the numbers behind them as CSV (one row per
step; the epoch's metrics on the last step of their epoch). Both written atomically."""

from __future__ import annotations

import csv
import io

import numpy as np
from PySide6.QtWidgets import QFileDialog

from graphviz_nn.io import write_atomic
from ui.i18n import translate
from ui.style import png_bytes


def ask_png(curves) -> None:
    """Ask where to save ``curves`` (a ``CurvesView``) as PNG, and save."""
    path, _ = QFileDialog.getSaveFileName(curves, translate("Curves", "Save curves as PNG"),
                                          "curves.png", translate("Curves", "PNG image (*.png)"))
    if path:
        curves.export_png(path)


def ask_csv(curves) -> None:
    """Ask where to save ``curves``' numbers as CSV, and save."""
    path, _ = QFileDialog.getSaveFileName(curves, translate("Curves", "Save curves as CSV"),
                                          "curves.csv", "CSV (*.csv)")
    if path:
        curves.export_csv(path)


def export_png(curves, path: str) -> None:
    """The legend and the two plots, as one PNG."""
    write_atomic(path, png_bytes(curves.plots_with_legend()))
    curves.exported.emit(translate("Curves", "Saved the curves to {path}").format(path=path))


def export_csv(curves, path: str) -> None:
    """One row per step of the current run."""
    r = curves.run
    by_step = {last: logs for _ep, last, logs in r.epochs}
    cols = ["val_loss", "val_accuracy", "epoch_loss", "epoch_accuracy"]

    text = io.StringIO(newline="")
    out = csv.writer(text)
    out.writerow(["step", "epoch", "loss", "accuracy", "loss_smoothed", "accuracy_smoothed",
                  *cols])
    data = zip(r.steps.data, r.epoch_of_step.data, r.loss.data, r.acc.data,
               r.smooth_loss.out.data, r.smooth_acc.out.data, strict=False)
    for s, e, lo, ac, sl, sa in data:
        logs = by_step.get(int(s), {})
        extra = [logs.get("val_loss", ""), logs.get("val_accuracy", ""), logs.get("loss", ""),
                 logs.get("accuracy", "")]
        out.writerow([int(s), int(e) + 1, _num(lo), _num(ac), _num(sl), _num(sa),
                      *[_num(v) if v != "" else "" for v in extra]])
    write_atomic(path, text.getvalue().encode("utf-8"))
    curves.exported.emit(translate("Curves", "Saved {n} steps to {path}").format(
        n=len(r.steps), path=path))


def _num(v: float) -> str:
    return "" if not np.isfinite(v) else repr(float(v))
