"""Live loss and accuracy curves: per batch (raw + smoothed) and per epoch (train, validation).

Built for long runs: each per-batch curve keeps a min/max envelope in pixel-sized buckets, updated
with only the new steps (envelope.py), so a refresh costs about the same at step 1,000 and at step
100,000; zoomed in, the visible steps are drawn. The previous run stays on the plots, faded.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.train.curve_legend import CurveLegend
from ui.train.curve_readout import METRICS, CurveReadoutMixin
from ui.train.envelope import PeakCurve
from ui.train.refresh import TimedLayoutWidget
from ui.train.series import RunData

TRAIN = "#2f6fd6"
VAL = "#e07b00"
EPOCH = "#0d2c66"
# Faded colours are opaque tints, not alpha: Qt's raster engine draws a translucent or a wider
# than 1 px polyline over ten times slower, and painting holds the GIL the trainer needs.
PREV = (185, 185, 185)
RAW = (178, 200, 238)
MAX_MARKERS = 60   # per-epoch markers only while they stay apart


def nice_ceil(v: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 × 10^k that is >= ``v`` (axes grow in steps,
    so their ticks are not redrawn at every refresh)."""
    if not np.isfinite(v) or v <= 0:
        return 1.0
    k = 10.0 ** np.floor(np.log10(v))
    for m in (1, 1.5, 2, 3, 4, 5, 6, 8, 10):
        if m * k >= v:
            return float(m * k)
    return float(10 * k)


def _curve(plot: pg.PlotItem, color, width: float = 1,
           symbol: str | None = None) -> pg.PlotDataItem:
    item = plot.plot([], [], pen=pg.mkPen(color, width=width), symbol=symbol,
                     symbolSize=5, symbolBrush=color, symbolPen=None)
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)
    return item


class CurvesView(CurveReadoutMixin, QWidget):
    """Loss and accuracy plots with smoothing, log scale, hover read-out and export."""

    exported = Signal(str)   # a message for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = RunData(0.6)
        self.previous: RunData | None = None
        self._has_accuracy = False
        self._epochs_drawn = -1
        self._planned = 0                  # steps the current run will take, if known
        self.lines: list = []              # more runs: a branch, a paired run's B (ExtraLine)

        self.smoothing = QSlider(Qt.Horizontal)
        self.smoothing.setRange(0, 99)
        self.smoothing.setValue(60)
        self.smoothing.setToolTip(translate("Curves", "Smoothing of the per-batch curves "
                                            "(exponential moving average, as in TensorBoard); "
                                            "0 shows the raw values"))
        self.smoothing_label = QLabel("0.60")
        self.log_scale = QCheckBox(translate("Curves", "log loss"))
        self.log_scale.setToolTip(translate("Curves", "Show the loss on a logarithmic axis"))
        self.png_button = QPushButton("PNG…")
        self.png_button.setToolTip(translate("Curves", "Save the curves as a PNG image"))
        self.csv_button = QPushButton("CSV…")
        self.csv_button.setToolTip(translate("Curves", "Save the numbers behind the curves as "
                                             "CSV"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(translate("Curves", "smoothing")))
        bar.addWidget(self.smoothing, 1)
        bar.addWidget(self.smoothing_label)
        bar.addWidget(self.log_scale)
        bar.addWidget(self.png_button)
        bar.addWidget(self.csv_button)

        self.legend = CurveLegend()        # above the plots: it hides none of their curves
        self.plots = TimedLayoutWidget()
        self.plots.setBackground("w")
        self.loss_plot = self.plots.addPlot(row=0, col=0,
                                            title=translate("Curves", METRICS["loss"]))
        self.acc_plot = self.plots.addPlot(row=0, col=1,
                                           title=translate("Curves", METRICS["accuracy"]))
        self.acc_plot.setXLink(self.loss_plot)
        for p in (self.loss_plot, self.acc_plot):
            # no grid: its lines are redrawn with the axis at every repaint, the biggest cost
            p.setLabel("bottom", translate("Curves", "step"))
            p.setMenuEnabled(False)
        self.acc_plot.setYRange(0, 1, padding=0.02)
        self._ranges = (0.0, 0.0)          # x and y extents the axes show now
        self._user_range = False           # the learner zoomed or panned: leave the axes alone
        for p in (self.loss_plot, self.acc_plot):
            p.vb.sigRangeChangedManually.connect(self._on_manual_range)
        self._make_items()
        self.loss_plot.vb.sigXRangeChanged.connect(self._on_x_range)
        self.loss_plot.vb.sigResized.connect(self._on_x_range)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.legend)
        lay.addWidget(self.plots, 1)

        self.smoothing.valueChanged.connect(self._on_smoothing_change)
        self.log_scale.toggled.connect(self._on_log_change)
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button.clicked.connect(self._ask_csv)
        self._hover_proxy = pg.SignalProxy(self.plots.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)

    def _make_items(self) -> None:
        lp, ap = self.loss_plot, self.acc_plot
        self.prev_loss = _curve(lp, PREV, 1)
        self.prev_val_loss = _curve(lp, PREV, 1)
        self.prev_acc = _curve(ap, PREV, 1)
        self.prev_val_acc = _curve(ap, PREV, 1)
        self.prev_val_loss.setPen(pg.mkPen(PREV, width=1, style=Qt.DashLine))
        self.prev_val_acc.setPen(pg.mkPen(PREV, width=1, style=Qt.DashLine))
        self.raw_loss = _curve(lp, RAW, 1)
        self.raw_acc = _curve(ap, RAW, 1)
        smoothed = translate("Curves", "train (batch, smoothed)")
        per_epoch = translate("Curves", "train (epoch)")
        validation = translate("Curves", "validation (epoch)")
        self.smooth_loss = _curve(lp, TRAIN, 1)
        self.smooth_acc = _curve(ap, TRAIN, 1)
        self.epoch_loss = _curve(lp, EPOCH, 1, symbol="o")
        self.epoch_acc = _curve(ap, EPOCH, 1, symbol="o")
        self.val_loss = _curve(lp, VAL, 1, symbol="s")
        self.val_acc = _curve(ap, VAL, 1, symbol="s")
        self.legend.set_entry("main", TRAIN, smoothed)
        self.legend.set_entry("epoch", EPOCH, per_epoch, "dots")
        self.legend.set_entry("validation", VAL, validation, "squares")
        self._symbols = {self.epoch_loss: "o", self.epoch_acc: "o", self.val_loss: "s",
                         self.val_acc: "s"}
        self._peaks = {item: PeakCurve(item) for item in (
            self.raw_loss, self.smooth_loss, self.smooth_acc, self.prev_loss, self.prev_acc)}

    def _draw_per_batch(self, previous: bool = False) -> None:
        """The per-batch curves (and the previous run's) for the x range on screen."""
        view = tuple(self.loss_plot.vb.viewRange()[0])
        r, p = self.run, self.previous
        todo = [(self.raw_loss, r, r.loss.data), (self.smooth_loss, r, r.smooth_loss.out.data)]
        if self._has_accuracy:   # per-batch accuracy is too jumpy to draw raw: smoothed only
            todo.append((self.smooth_acc, r, r.smooth_acc.out.data))
        if previous and p is not None:
            todo += [(self.prev_loss, p, p.smooth_loss.out.data),
                     (self.prev_acc, p, p.smooth_acc.out.data)]
        for item, run, y in todo:
            self._peaks[item].show(run.steps.data, y, view)

    def _on_x_range(self, *_args) -> None:
        """Zoom, pan or resize: the per-batch curves redraw for the new range."""
        self._draw_per_batch(previous=True)

    # data ---------------------------------------------------------------------------------------
    def begin_run(self, planned_steps: int = 0) -> None:
        """Start a new run; the current one becomes the faded previous run.

        With ``planned_steps`` the step axis spans the whole run from the start and the curves
        grow into it (the axis is not redrawn as the run goes on)."""
        if len(self.run.steps):
            self.previous = self.run
        self.clear_lines()
        self.run = RunData(self._weight())
        self._planned = max(0, int(planned_steps))
        self._has_accuracy = False
        self._epochs_drawn = -1
        self._user_range = False
        self._ranges = (0.0, 0.0)
        for item in (self.raw_loss, self.smooth_loss, self.smooth_acc):
            self._peaks[item].reset(self._planned)
        for item in (self.prev_loss, self.prev_acc):
            self._peaks[item].reset(0)
        self._redraw_previous()
        self.refresh()

    def add_line(self, color, label: str):
        """One more run drawn on the plots (a branch, run B): an ``ExtraLine`` to feed."""
        from ui.train.curve_lines import ExtraLine
        line = ExtraLine(self, color, label)
        self.lines.append(line)
        return line

    def clear_lines(self) -> None:
        from ui.train.curve_lines import rename_main
        for line in self.lines:
            line.remove()
        self.lines = []
        rename_main(self, translate("Curves", "train (batch, smoothed)"))

    def name_loss(self, regression: bool = False, penalty: str = "") -> None:
        """Title the plots for this run: which loss (cross-entropy, or MSE for a regression,
        which has no accuracy), and that it includes the weight penalty when there is one
        (as Keras reports it: the loss and val_loss are the data loss + the penalty)."""
        loss = "MSE" if regression else translate("TrainingDock", "cross-entropy")
        if penalty:
            title = translate("TrainingDock", "loss = {loss} + {penalty} penalty").format(
                loss=loss, penalty=penalty)
        else:
            title = translate("TrainingDock", "loss ({loss})").format(loss=loss)
        self.loss_plot.setTitle(title)
        self.acc_plot.setTitle(translate("TrainingDock", "regression: MSE, no accuracy")
                               if regression else translate("TrainingDock", "accuracy"))

    def add_steps(self, steps: np.ndarray, loss: np.ndarray, accuracy: np.ndarray,
                  epoch: int = 0) -> None:
        """Append per-batch numbers (cheap; call ``refresh`` to redraw)."""
        if self.run.add_steps(steps, loss, accuracy, epoch):
            self._has_accuracy = True

    def rescale(self) -> None:
        """The loss axis follows the steps from now on: a run that goes on after it blew up
        (the learning rate lowered) shows its recovery, not the blow-up's 10^20."""
        self.run.loss_max = 0.0
        self._user_range = False

    def add_epoch(self, epoch: int, last_step: int, logs: dict) -> None:
        """Per-epoch metrics, drawn at the last step of that epoch."""
        self.run.epochs.append((epoch, last_step, dict(logs)))

    def refresh(self) -> None:
        """Push the new steps to the curves (each gets a bounded number of points)."""
        r = self.run
        self._fit_axes()        # when the x axis grows, _on_x_range redraws the previous run too
        self._draw_per_batch()
        for line in self.lines:
            line.refresh()
        if len(r.epochs) != self._epochs_drawn:     # per-epoch curves change once an epoch
            self._epochs_drawn = len(r.epochs)
            symbols = len(r.epochs) <= MAX_MARKERS
            for item, key in ((self.epoch_loss, "loss"), (self.val_loss, "val_loss"),
                              (self.epoch_acc, "accuracy"), (self.val_acc, "val_accuracy")):
                ex, ey = r.epoch_arrays(key)
                item.setData(ex, ey, symbol=self._symbols[item] if symbols else None)

    def _fit_axes(self) -> None:
        """Grow the axes in nice steps instead of auto-ranging at every refresh."""
        if self._user_range:
            return
        # the current run's numbers alone: a faded run that blew up (loss 10^8) or ran longer
        # must not squash this one into the bottom or the left of the plot
        r = self.run
        xmax = len(r.steps)
        loss_max = r.loss_max
        for line in self.lines:       # a branch may run on past the run, or climb above it
            steps = line.data.steps.data
            xmax = max(xmax, int(steps[-1]) + 1 if len(steps) else 0)
            loss_max = max(loss_max, line.data.loss_max)
        xmax = self._planned if self._planned >= xmax else nice_ceil(xmax * 1.02)
        want = (float(xmax), nice_ceil(loss_max * 1.05))
        if want[0] != self._ranges[0]:
            self.loss_plot.setXRange(0, want[0], padding=0.01)   # the accuracy plot follows
        if want[1] != self._ranges[1] and not self.log_scale.isChecked():
            self.loss_plot.setYRange(0, want[1], padding=0.01)
        self._ranges = want

    def _on_manual_range(self, *_args) -> None:
        self._user_range = True

    def _redraw_previous(self) -> None:
        p = self.previous
        if p is None:
            return
        self.legend.set_entry("previous", PREV, translate("Curves", "previous run"))
        view = tuple(self.loss_plot.vb.viewRange()[0])
        self._peaks[self.prev_loss].show(p.steps.data, p.smooth_loss.out.data, view)
        self._peaks[self.prev_acc].show(p.steps.data, p.smooth_acc.out.data, view)
        self.prev_val_loss.setData(*p.epoch_arrays("val_loss"))
        self.prev_val_acc.setData(*p.epoch_arrays("val_accuracy"))
        for item in (self.raw_loss, self.raw_acc, self.smooth_loss, self.smooth_acc,
                     self.epoch_loss, self.epoch_acc, self.val_loss, self.val_acc):
            item.setData([], [])

    # handlers -----------------------------------------------------------------------------------
    def _weight(self) -> float:
        return self.smoothing.value() / 100.0

    def _on_smoothing_change(self, _value: int) -> None:
        w = self._weight()
        self.smoothing_label.setText(f"{w:.2f}")
        for run in (self.run, self.previous):
            if run is not None:
                run.smooth_loss.recompute(run.loss.data, w)
                run.smooth_acc.recompute(run.acc.data, w)
        for item in (self.smooth_loss, self.smooth_acc, self.prev_loss, self.prev_acc):
            self._peaks[item].reset()
        self._redraw_previous()
        for line in self.lines:
            line.resmooth(w)
        self.refresh()

    def _on_log_change(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        if on:
            self.loss_plot.enableAutoRange(axis="y")
        else:
            self._ranges = (self._ranges[0], 0.0)
            self._fit_axes()

    # export -------------------------------------------------------------------------------------
    def _ask_png(self) -> None:
        from ui.train.curve_export import ask_png
        ask_png(self)

    def _ask_csv(self) -> None:
        from ui.train.curve_export import ask_csv
        ask_csv(self)

    def plots_with_legend(self):
        """A picture of the legend and the two plots (what the PNG export saves)."""
        from PySide6.QtGui import QPainter, QPixmap
        legend, plots = self.legend.grab(), self.plots.grab()
        out = QPixmap(max(legend.width(), plots.width()), legend.height() + plots.height())
        out.setDevicePixelRatio(plots.devicePixelRatio())
        out.fill(Qt.GlobalColor.white)
        painter = QPainter(out)
        painter.drawPixmap(0, 0, legend)
        painter.drawPixmap(0, int(legend.height() / max(legend.devicePixelRatio(), 1)), plots)
        painter.end()
        return out

    def export_png(self, path: str) -> None:
        """Save the two plots as one PNG (written atomically)."""
        from ui.train.curve_export import export_png
        export_png(self, path)

    def export_csv(self, path: str) -> None:
        """Save one row per step; epoch metrics sit on the last step of their epoch."""
        from ui.train.curve_export import export_csv
        export_csv(self, path)
