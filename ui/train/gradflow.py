"""Gradient flow: the norm of each layer's weight gradient per step, and the share of dead ReLU
units per layer. A deep sigmoid network's first layers get gradients orders of magnitude smaller
than its last layer (vanishing gradients); a ReLU network's do not, but some of its units may die.
The previous run stays faded beside the current one, so the two can be compared."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.train.refresh import TimedLayoutWidget
from ui.train.series import EMA, Series

SMOOTHING = 0.8   # the per-step norms jump around; show their moving average
FLUSH_SAMPLES = 128   # samples kept as they came before they go into the arrays


def layer_color(i: int, n: int) -> tuple[int, int, int]:
    """From dark blue (first layer) to orange (last layer)."""
    t = 0.0 if n <= 1 else i / (n - 1)
    a, b = np.array([25, 60, 160]), np.array([235, 120, 20])
    return tuple(int(v) for v in (a + (b - a) * t))


class _Run:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.steps = Series()
        self.norms: list[Series] = []
        self.smooth: list[EMA] = []
        self.dead: list[float | None] = []
        self.last_norms: list[float] = []
        self.pending: list[tuple[list[int], list[list[dict]]]] = []   # added, not yet in arrays
        self.pending_count = 0

    def flush(self) -> None:
        """Move the pending samples into the arrays, all at once (vectorised)."""
        if not self.pending:
            return
        steps = [s for chunk, _ in self.pending for s in chunk]
        diagnostics = [d for _, chunk in self.pending for d in chunk]
        self.pending, self.pending_count = [], 0
        if not self.names:
            self.names = [str(d.get("layer", f"layer {i + 1}"))
                          for i, d in enumerate(diagnostics[0])]
            self.norms = [Series() for _ in self.names]
            self.smooth = [EMA(SMOOTHING) for _ in self.names]
        self.steps.extend(np.asarray(steps, dtype=float))
        n = len(self.names)
        norms = np.array([[float(d.get("grad_norm", np.nan)) for d in diag[:n]]
                          + [np.nan] * (n - len(diag)) for diag in diagnostics])
        for i in range(n):
            self.norms[i].extend(norms[:, i])
            self.smooth[i].extend(norms[:, i])
        last = diagnostics[-1]
        self.last_norms = [float(d.get("grad_norm", np.nan)) for d in last]
        self.dead = [d.get("dead_fraction") for d in last]


class GradientFlowView(QWidget):
    """‖dW‖ per layer over the steps (log scale), and dead-ReLU share per layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = _Run()
        self.previous: _Run | None = None
        self.plots = TimedLayoutWidget()
        self.plots.setBackground("w")
        self.norm_plot = self.plots.addPlot(row=0, col=0,
                                            title=translate("GradientFlow", "‖dW‖ per layer"))
        self.norm_plot.setLogMode(y=True)
        self.norm_plot.setLabel("bottom", translate("Curves", "step"))
        self.norm_plot.setMenuEnabled(False)
        self.legend = self.norm_plot.addLegend(offset=(-5, 5), labelTextSize="8pt",
                                               brush=(255, 255, 255, 200))
        self.legend.setZValue(100)
        self.dead_plot = self.plots.addPlot(row=0, col=1,
                                            title=translate("GradientFlow", "dead ReLU units"))
        self.dead_plot.setYRange(0, 1, padding=0.02)
        self.dead_plot.setLabel("left", translate("GradientFlow", "share"))
        self.dead_plot.setMenuEnabled(False)
        self.dead_plot.setMouseEnabled(x=False, y=False)
        self.plots.ci.layout.setColumnStretchFactor(0, 3)
        self.plots.ci.layout.setColumnStretchFactor(1, 1)
        self.summary = QLabel(" ")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #444;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plots, 1)
        lay.addWidget(self.summary)
        self._curves: list[pg.PlotDataItem] = []
        self._prev_curves: list[pg.PlotDataItem] = []
        self._bars: list[pg.BarGraphItem] = []
        self._refreshes = 0
        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((200, 30, 30),
                                                                            width=2))
        self.cursor.hide()
        self.norm_plot.addItem(self.cursor, ignoreBounds=True)
        self.cursor_step: int | None = None    # time travel: the step shown (None: live)

    def begin_run(self) -> None:
        """Start a new run; the current one is kept, faded, for comparison."""
        self.run.flush()
        if len(self.run.steps):
            self.previous = self.run
        self.run = _Run()
        for c in self._curves + self._prev_curves:
            self.norm_plot.removeItem(c)
        self.legend.clear()
        self._curves, self._prev_curves = [], []
        if self.previous is not None:
            p = self.previous
            for i, s in enumerate(p.smooth):
                c = self.norm_plot.plot(p.steps.data, np.maximum(s.out.data, 1e-30),
                                        pen=pg.mkPen((190, 190, 190), width=1))
                c.setDownsampling(auto=True, method="peak")
                c.setClipToView(True)
                self._prev_curves.append(c)
                if i == 0:
                    self.legend.addItem(c, translate("Curves", "previous run"))
        self._draw_dead()
        self.summary.setText(" ")

    def add(self, steps: list[int], diagnostics: list[list[dict]]) -> None:
        """Append samples of ``model.diagnostics()`` taken at ``steps`` (cheap: they are put
        into arrays when the view is drawn, or in batches of ``FLUSH_SAMPLES``)."""
        if not steps:
            return
        r = self.run
        r.pending.append((list(steps), list(diagnostics)))
        r.pending_count += len(steps)
        if r.pending_count >= FLUSH_SAMPLES:
            r.flush()

    def refresh(self, force: bool = False) -> None:
        """Redraw the curves; the bars and the summary only every few calls unless ``force``."""
        r = self.run
        r.flush()
        if len(self._curves) < len(r.names):   # made here, not in add: only when on show
            n = len(r.names)
            for i, name in enumerate(r.names):
                c = self.norm_plot.plot([], [], pen=pg.mkPen(layer_color(i, n), width=1),
                                        name=name)
                c.setDownsampling(auto=True, method="peak")
                c.setClipToView(True)
                self._curves.append(c)
        for c, s in zip(self._curves, r.smooth, strict=False):
            c.setData(r.steps.data, np.maximum(s.out.data, 1e-30))
        self._refreshes += 1
        if self.cursor_step is not None:        # time travel: the sentence is the step's
            return
        if force or self._refreshes % 8 == 1:   # bars and sentence change slowly: ~3 Hz is plenty
            self._draw_dead()
            self.summary.setText(self.summary_text())

    def show_cursor(self, step: int | None, grads=None) -> None:
        """Time travel: a line at ``step`` and each layer's ‖dW‖ there (from ``grads``, the
        gradients of that step, or else the nearest sample at or before it); None: live."""
        self.cursor_step = step
        if step is None:
            self.cursor.hide()
            self.summary.setText(self.summary_text())
            return
        self.cursor.setPos(step)
        self.cursor.show()
        if grads is not None:
            norms = [float(np.linalg.norm(g)) for g in grads if np.ndim(g) == 2]
        else:
            r = self.run
            r.flush()
            i = int(np.searchsorted(r.steps.data, step, side="right")) - 1
            norms = [float(s.data[i]) for s in r.norms] if i >= 0 else []
        if step == 0 or not norms:
            self.summary.setText(translate("GradientFlow", "At step {k}: no gradient yet.")
                                 .format(k=step))
            return
        self.summary.setText(translate("GradientFlow", "At step {k}: ‖dW‖ per layer {norms}.")
                             .format(k=f"{step:,}", norms=", ".join(f"{n:.3g}" for n in norms)))

    @staticmethod
    def _ratio(run: _Run | None) -> float | None:
        if run is None or len(run.last_norms) < 2:
            return None
        first, last = run.last_norms[0], run.last_norms[-1]
        if not (np.isfinite(first) and np.isfinite(last)) or last <= 0:
            return None
        return first / last

    def summary_text(self) -> str:
        """One sentence comparing the first and the last layer's gradient norms."""
        r = self.run
        r.flush()
        ratio = self._ratio(r)
        if ratio is None:
            return " "
        text = translate("GradientFlow", "‖dW‖ of {first} is {ratio}× that of {last}").format(
            first=r.names[0], ratio=f"{ratio:.2g}", last=r.names[-1])
        if ratio < 0.01:
            text += translate("GradientFlow", ": the first layer hardly learns (vanishing "
                              "gradients)")
        before = self._ratio(self.previous)
        if before is not None:
            text += translate("GradientFlow", " (previous run: {ratio}×)").format(
                ratio=f"{before:.2g}")
        text += "."
        dead = [d for d in r.dead if d is not None]
        if dead:
            text += translate("GradientFlow", "  Dead ReLU units: {shares}.").format(
                shares=", ".join(f"{100 * d:.0f}%" for d in dead))
        return text

    def _draw_dead(self) -> None:
        for b in self._bars:
            self.dead_plot.removeItem(b)
        self._bars = []
        groups = [(self.previous, (190, 190, 190), -0.2), (self.run, None, 0.2)]
        ticks = []
        for run, color, shift in groups:
            if run is None or not run.dead:
                continue
            xs, hs, brushes = [], [], []
            n = len(run.dead)
            for i, d in enumerate(run.dead):
                if d is None:
                    continue
                xs.append(i + 1 + shift)
                hs.append(float(d))
                brushes.append(pg.mkBrush(color or layer_color(i, n)))
            if xs:
                bar = pg.BarGraphItem(x=xs, height=hs, width=0.38, brushes=brushes, pen=None)
                self.dead_plot.addItem(bar)
                self._bars.append(bar)
            ticks = [(i + 1, str(i + 1)) for i in range(n)]
        self.dead_plot.getAxis("bottom").setTicks([ticks] if ticks else None)
        self.dead_plot.setXRange(0.4, max(len(ticks), 1) + 0.6, padding=0)
