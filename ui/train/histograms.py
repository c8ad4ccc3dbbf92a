"""Histograms of each layer's weights and gradients over time: one row per layer, a ridge
plot of its weights and one of its gradients, the oldest sample at the top and the newest at
the bottom (TensorBoard's "offset" histograms). Gradients are drawn by order of magnitude
(log₁₀|g|), on one axis for every layer: a deep sigmoid network's first layers sit decades to
the left of its last (vanishing gradients), and weights that spread wide show saturation
coming.

The samples come from the trainer (``graphviz_nn.nn.histograms``) with their step; the log
keeps them all (thinned past ``MAX_SAMPLES``), so ``show_at(step)`` can draw the ridges as
they were at any step of the run (for a scrubber through time).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from graphviz_nn.nn.histograms import GRAD_LOG_RANGE
from ui.i18n import translate
from ui.train.gradflow import layer_color
from ui.train.refresh import TimedLayoutWidget

RIDGES = 6             # samples drawn per plot
RIDGE_HEIGHT = 2.2     # a ridge's tallest bin, in gaps between two baselines
ROW_PX = 160           # least height of a layer's row (the view scrolls)
MAX_SAMPLES = 4000     # then every other old sample goes


class HistogramLog:
    """Every sample of a run: ``steps[i]`` and ``samples[i]`` (one dict per layer)."""

    def __init__(self) -> None:
        self.steps: list[int] = []
        self.samples: list[list[dict]] = []

    def add(self, steps, samples) -> None:
        for step, sample in zip(steps, samples, strict=True):
            if self.steps and step <= self.steps[-1]:
                continue                          # a sample of a step already here
            self.steps.append(int(step))
            self.samples.append(list(sample))
        if len(self.steps) > MAX_SAMPLES:         # thin the older half, keep the newest
            half = len(self.steps) // 2
            self.steps = self.steps[:half:2] + self.steps[half:]
            self.samples = self.samples[:half:2] + self.samples[half:]

    @property
    def names(self) -> list[str]:
        return [str(d.get("layer", i + 1)) for i, d in enumerate(self.samples[-1])] \
            if self.samples else []

    def chosen(self, at_step: int | None = None, count: int = RIDGES) -> list[int]:
        """Indices of up to ``count`` samples spread evenly over those up to ``at_step``
        (None: all), always the newest of them."""
        n = len(self.steps) if at_step is None else int(np.searchsorted(
            self.steps, at_step, side="right"))
        if n <= 0:
            return []
        if n <= count:
            return list(range(n))
        return sorted({int(round(i)) for i in np.linspace(0, n - 1, count)})


class HistogramView(QWidget):
    """A row per layer: its weights' ridges (left) and its gradients' ridges (right)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log = HistogramLog()
        self.at_step: int | None = None       # None: follow the run
        self.plots = TimedLayoutWidget()
        self.plots.setBackground("w")
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.plots)
        self.scroll.setWidgetResizable(True)
        self.caption = QLabel(translate(
            "HistogramView", "Train to see how each layer's weights and gradients spread, "
            "step by step: one row per layer, the oldest sample at the top."))
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.caption)
        self.rows: list[tuple[pg.PlotItem, pg.PlotItem]] = []
        self._curves: list[tuple[list[pg.PlotCurveItem], list[pg.PlotCurveItem]]] = []
        self._drawn = (-1, None)              # (samples, at_step) last drawn
        self._names: list[str] = []
        self._wanted: list[str] = []          # the rows the next model needs
        self.updates = 0

    def begin_run(self, names: list[str] | None = None) -> None:
        """Forget the samples of the last run; ``names``: the new model's layers (their rows
        are made now, with the run's other first paints, not while it trains)."""
        self.log = HistogramLog()
        self.at_step = None
        self._drawn = (-1, None)
        names = list(names or [])
        self._wanted = names
        if names != self._names:
            # hidden (behind the boundary's tab): made when first shown, not as Train is pressed
            self._make_rows(names if self.isVisible() else [])
        for w_curves, g_curves in self._curves:
            for item in (*w_curves, *g_curves):
                item.setVisible(False)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.rows and (self.log.names or self._wanted):   # put off while hidden
            if self.log.names:
                self.refresh(force=True)          # makes the rows of the samples it draws
            else:
                self._make_rows(self._wanted)
        super().showEvent(event)

    def add(self, steps, samples) -> None:
        """Samples from the trainer (cheap: drawn at the next ``refresh``)."""
        self.log.add(steps, samples)

    def show_at(self, step: int | None) -> None:
        """Draw the ridges as they were at ``step`` (None: the newest, following the run)."""
        self.at_step = step
        self.refresh(force=True)

    def _make_rows(self, names: list[str]) -> None:
        self._names = list(names)
        self.plots.clear()
        self.rows, self._curves = [], []
        n = len(names)
        for i, name in enumerate(names):
            w = self.plots.addPlot(row=i, col=0, title=translate(
                "HistogramView", "{layer}: weights").format(layer=name))
            g = self.plots.addPlot(row=i, col=1, title=translate(
                "HistogramView", "{layer}: gradients").format(layer=name))
            g.setXRange(*GRAD_LOG_RANGE, padding=0)
            for p in (w, g):
                p.setMenuEnabled(False)
                p.setMouseEnabled(x=False, y=False)
                p.hideButtons()
                p.getAxis("left").setWidth(34)
            g.setLabel("bottom", "log₁₀|∂L/∂W|")
            self.rows.append((w, g))
            color = layer_color(i, n)
            self._curves.append(tuple([self._ridge(p, color, k) for k in range(RIDGES)]
                                      for p in (w, g)))
        self.plots.setMinimumHeight(ROW_PX * max(n, 1))

    @staticmethod
    def _ridge(plot: pg.PlotItem, color, k: int) -> pg.PlotCurveItem:
        shade = 0.35 + 0.65 * k / max(RIDGES - 1, 1)       # older ridges paler
        pen = tuple(int(255 - shade * (255 - c)) for c in color)
        # an opaque tint, not alpha: translucent fills paint many times slower
        fill = tuple(int(255 - 0.25 * (255 - c)) for c in pen)
        item = pg.PlotCurveItem(pen=pg.mkPen(pen, width=1), brush=pg.mkBrush(*fill),
                                fillLevel=0.0)
        item.setZValue(k)
        plot.addItem(item)
        return item

    def refresh(self, force: bool = False) -> None:
        """Redraw the ridges if new samples came (or ``force``)."""
        log = self.log
        key = (len(log.steps), self.at_step)
        if key == self._drawn and not force:
            return
        self._drawn = key
        names = log.names
        if len(names) != len(self.rows):
            self._make_rows(names)                # a model whose layers were not known
        chosen = log.chosen(self.at_step)
        for li, (w_curves, g_curves) in enumerate(self._curves):
            self._draw(self.rows[li], w_curves, g_curves, li, chosen)
        if chosen:
            steps = [log.steps[i] for i in chosen]
            self.caption.setText(translate(
                "HistogramView", "{n} samples from step {first} (top) to step {last} "
                "(bottom); gradients by order of magnitude, the same axis for every layer."
            ).format(n=len(chosen), first=steps[0] + 1, last=steps[-1] + 1))
        self.updates += 1

    def _draw(self, plots, w_curves, g_curves, li: int, chosen: list[int]) -> None:
        log = self.log
        m = len(chosen)
        ticks = []
        for k in range(RIDGES):
            slot = k - (RIDGES - m)               # the newest sample in the last slot
            for curves in (w_curves, g_curves):
                curves[k].setVisible(slot >= 0)
            if slot < 0:
                continue
            layer = log.samples[chosen[slot]][li] if li < len(log.samples[chosen[slot]]) \
                else {}
            base = float(m - 1 - slot)            # newest at the bottom (0)
            w = layer.get("w") or []
            if w:
                edges = np.linspace(layer["w_lo"], layer["w_hi"], len(w) + 1)
                _set_ridge(w_curves[k], edges, np.asarray(w, float), base)
            g = layer.get("g")
            if g:
                edges = np.linspace(*GRAD_LOG_RANGE, len(g) + 1)
                _set_ridge(g_curves[k], edges, np.asarray(g, float), base)
            else:
                g_curves[k].setVisible(False)
            if slot in (0, m - 1):
                ticks.append((base, str(log.steps[chosen[slot]] + 1)))
        for p in plots:
            p.getAxis("left").setTicks([ticks])
            p.setYRange(-0.2, max(m - 1, 0) + RIDGE_HEIGHT, padding=0)


def _set_ridge(item: pg.PlotCurveItem, edges: np.ndarray, counts: np.ndarray,
               base: float) -> None:
    """A ridge: the counts as steps over ``edges``, scaled to ``RIDGE_HEIGHT``, on ``base``."""
    top = counts.max() if counts.size else 0
    h = counts / top * RIDGE_HEIGHT if top > 0 else counts
    xs = np.repeat(edges, 2)[1:-1]
    ys = base + np.repeat(h, 2)
    item.setData(xs, ys)
    item.setFillLevel(base)
