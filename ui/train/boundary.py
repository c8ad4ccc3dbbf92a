"""The model's output over the plane of a 2-D data set, under the data points: for a
classifier the predicted class (paler where it is unsure), for a regression the predicted
number as a heatmap (orange below 0, blue above, as TensorFlow Playground draws it).
Recomputed from weight snapshots while the network trains, through the input features the
model takes; "discretize output" draws two colours instead of a gradient. Points can be
painted on it (``ui/train/paint.py``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from graphviz_nn.datasets import PLAYGROUND
from ui.i18n import translate
from ui.train.inference import grid_outputs
from ui.train.paint import PaintBar, PaintFilter
from ui.train.refresh import TimedPlotWidget

# class colours (Okabe-Ito: readable for colour-blind learners)
PALETTE = np.array([
    (0, 114, 178), (230, 159, 0), (0, 158, 115), (204, 121, 167),
    (86, 180, 233), (213, 94, 0), (240, 228, 66), (0, 0, 0),
    (120, 120, 120), (160, 82, 45),
], dtype=np.float32)
# a regression's numbers: Playground's orange (-1) to white (0) to blue (+1)
NEGATIVE = np.array((245, 147, 34), np.float32)
POSITIVE = np.array((8, 119, 189), np.float32)
WHITE = np.array((255, 255, 255), np.float32)
GRID = 80
UNKNOWN = (150, 150, 150)   # where the network's outputs are not finite numbers
MAX_POINTS = 1500
HEAT_ALPHA = 0.75           # a regression's heatmap, blended over white
TEST_PEN = (30, 30, 30)


def class_colors(k: int) -> np.ndarray:
    """``k`` RGB colours (float32, 0-255), repeating the palette when needed."""
    return PALETTE[np.arange(k) % len(PALETTE)]


def value_colors(v: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """RGB (float32) of numbers ``v`` on the diverging scale: -1 orange, 0 white, +1 blue
    (clipped beyond), blended over white by ``alpha``."""
    t = np.clip(np.nan_to_num(np.asarray(v, np.float32)), -1.0, 1.0)[..., None]
    rgb = np.where(t < 0, WHITE - t * (NEGATIVE - WHITE), WHITE + t * (POSITIVE - WHITE))
    return WHITE + alpha * (rgb - WHITE)


class BoundaryView(QWidget):
    """Data points over the model's output (2-D data sets only), and the paint tools."""

    paint_add = Signal(object, float)        # points (k, 2), class or value
    paint_erase = Signal(float, float, float)
    paint_clear = Signal()
    stroke_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = TimedPlotWidget(background="w")
        self.plot.setAspectLocked(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self._point_pen = pg.mkPen((255, 255, 255, 160), width=0.6)
        self._test_pen = pg.mkPen(TEST_PEN, width=1.2)
        self.scatters: list[pg.ScatterPlotItem] = []   # training points, one per class
        self.test_scatters: list[pg.ScatterPlotItem] = []
        self.note = QLabel(translate("TrainingDock", "The model's output is drawn for 2-D data "
                                     "sets ({names}, the regression sets, a CSV of two feature "
                                     "columns).").format(names=", ".join(PLAYGROUND)))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666; padding: 12px;")
        self.paint_bar = PaintBar()
        self.painter = PaintFilter(self.plot, self.paint_bar)
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(self.paint_bar)
        col.addWidget(self.plot, 1)
        self._page = page
        self._stack = QStackedLayout(self)
        self._stack.addWidget(page)
        self._stack.addWidget(self.note)
        self.bounds: tuple[float, float, float, float] | None = None
        self.classes = 0
        self.features: list[str] | None = None   # the model's input features (None: x1, x2)
        self.outputs: np.ndarray | None = None   # the model's outputs on the grid (n, n, k)
        self.rgb: np.ndarray | None = None       # the image shown, (GRID, GRID, 3) uint8
        self.show_test = False
        self.discretize = False
        self.updates = 0
        self.painter.add.connect(lambda pts: self.paint_add.emit(pts,
                                                                 self.paint_bar.paint_value()))
        self.painter.erase.connect(self.paint_erase)
        self.painter.stroke_done.connect(self.stroke_done)
        self.paint_bar.clear.connect(self.paint_clear)

    @property
    def regression(self) -> bool:
        return self.classes <= 0

    def set_data(self, x: np.ndarray | None, y: np.ndarray | None, classes: int,
                 test_x: np.ndarray | None = None, test_y: np.ndarray | None = None,
                 features: Sequence[str] | None = None,
                 frame: tuple[float, float, float, float] | None = None,
                 keep_output: bool = False) -> None:
        """Show the points of the plane ``x`` (training) and ``test_x`` (validation, drawn
        when "show test data" is on) with their classes or values (``classes`` 0: a
        regression), or the note when the data are not 2-D. ``features``: what the model
        takes of each point; ``frame``: bounds the view covers at least (a generated set's
        plane, so painting does not move it); ``keep_output``: leave the model's output as it
        is (the same model over edited points)."""
        for item in self.scatters + self.test_scatters:
            self.plot.removeItem(item)
        self.scatters, self.test_scatters = [], []
        if x is None or x.ndim != 2 or x.shape[1] != 2:
            self.bounds = None
            self._clear_output()
            self._stack.setCurrentWidget(self.note)
            return
        self._stack.setCurrentWidget(self._page)
        feats = list(features) if features is not None else None
        bounds = _bounds([a for a in (x, test_x) if a is not None and len(a)], frame)
        same = (bounds == self.bounds and feats == self.features
                and int(classes) == self.classes)
        self.classes, self.features = int(classes), feats
        self.paint_bar.set_classes(self.classes)
        if not (keep_output and same):
            self._clear_output()
        self.bounds = bounds
        self.scatters = self._points(x, y, self._point_pen, 5)
        if test_x is not None and len(test_x):
            self.test_scatters = self._points(test_x, test_y, self._test_pen, 6)
        for item in self.test_scatters:
            item.setVisible(self.show_test)
        xmin, xmax, ymin, ymax = bounds
        self.plot.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def _points(self, x: np.ndarray, y: np.ndarray, pen, size: int) -> list:
        if len(x) > MAX_POINTS:
            keep = np.random.default_rng(0).choice(len(x), MAX_POINTS, replace=False)
            x, y = x[keep], y[keep]
        items = []
        if self.regression:
            colors = value_colors(y).astype(int)
            brushes = [pg.mkBrush(*c) for c in colors]
            if len(x):
                items.append(pg.ScatterPlotItem(pos=np.asarray(x, float), size=size, pen=pen,
                                                brush=brushes))
        else:
            y = np.asarray(y, dtype=np.int64)
            for k, color in enumerate(class_colors(max(self.classes, 2)).astype(int)):
                pts = np.asarray(x[y == k], dtype=float)
                if len(pts):
                    items.append(pg.ScatterPlotItem(pos=pts, size=size, pen=pen,
                                                    brush=pg.mkBrush(*color)))
        for item in items:
            self.plot.addItem(item)
        return items

    def set_options(self, show_test: bool, discretize: bool) -> None:
        """Show the test points or not; draw the output in two colours or as a gradient."""
        self.show_test = bool(show_test)
        for item in self.test_scatters:
            item.setVisible(self.show_test)
        if bool(discretize) != self.discretize:
            self.discretize = bool(discretize)
            if self.outputs is not None:
                self._render()

    def _clear_output(self) -> None:
        self.outputs = self.rgb = None
        self.image.clear()

    def update_weights(self, weights: Sequence[np.ndarray], how) -> None:
        """Recompute the output image from a weight snapshot (``how``: the activations of
        the MLP's Dense layers, or a model's own ``predict_with``)."""
        if self.bounds is None or not weights:
            return
        self.outputs = grid_outputs(weights, how, self.bounds, GRID, self.features)
        self._render()

    def _render(self) -> None:
        out = self.outputs
        bad = ~np.isfinite(out).all(axis=-1)         # weights so large the outputs overflow
        out = np.where(bad[..., None], 0.0, out)
        if self.regression:
            v = out[..., 0]
            rgb = value_colors(np.sign(v) if self.discretize else v, HEAT_ALPHA)
        else:
            rgb = self._class_image(out)
        rgb[bad] = UNKNOWN
        self.rgb = rgb.clip(0, 255).astype(np.uint8)
        xmin, xmax, ymin, ymax = self.bounds
        self.image.setImage(self.rgb, autoLevels=False, levels=(0, 255))
        self.image.setRect(xmin, ymin, xmax - xmin, ymax - ymin)
        self.updates += 1

    def _class_image(self, probs: np.ndarray) -> np.ndarray:
        k = probs.shape[-1]
        colors = class_colors(k) if k > 1 else class_colors(2)
        if k == 1:   # a single sigmoid unit: probability of class 1
            probs = np.concatenate([1 - probs, probs], axis=-1)
        if self.discretize:          # the predicted class, in one strength
            probs = np.eye(probs.shape[-1], dtype=np.float32)[probs.argmax(axis=-1)]
            return 255.0 * 0.4 + (probs @ colors) * 0.6
        mixed = probs @ colors
        conf = probs.max(axis=-1, keepdims=True)          # paler where the net is unsure
        alpha = 0.25 + 0.45 * np.clip((conf - 1.0 / probs.shape[-1]) * 2, 0, 1)
        return 255.0 * (1 - alpha) + mixed * alpha


def _bounds(arrays: list[np.ndarray], frame) -> tuple[float, float, float, float]:
    """The view's bounds: the points' extent padded by 8%, covering ``frame`` if given."""
    if arrays:
        pts = np.concatenate(arrays)
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        pad = 0.08 * np.maximum(hi - lo, 1e-6)
        lo, hi = lo - pad, hi + pad
    else:
        lo, hi = np.array([-1.0, -1.0]), np.array([1.0, 1.0])
    if frame is not None:
        lo = np.minimum(lo, [frame[0], frame[2]])
        hi = np.maximum(hi, [frame[1], frame[3]])
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])
