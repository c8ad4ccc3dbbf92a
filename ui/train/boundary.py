"""The decision boundary of a 2-D classifier: a coloured image of the predicted class under the
data points, recomputed from weight snapshots while the network trains."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from graphviz_nn.datasets import PLAYGROUND
from ui.train.inference import grid_probabilities
from ui.train.refresh import TimedPlotWidget

# class colours (Okabe-Ito: readable for colour-blind learners)
PALETTE = np.array([
    (0, 114, 178), (230, 159, 0), (0, 158, 115), (204, 121, 167),
    (86, 180, 233), (213, 94, 0), (240, 228, 66), (0, 0, 0),
    (120, 120, 120), (160, 82, 45),
], dtype=np.float32)
GRID = 80
UNKNOWN = (150, 150, 150)   # where the network's outputs are not finite numbers
MAX_POINTS = 1500


def class_colors(k: int) -> np.ndarray:
    """``k`` RGB colours (float32, 0-255), repeating the palette when needed."""
    return PALETTE[np.arange(k) % len(PALETTE)]


class BoundaryView(QWidget):
    """Data points over the classifier's predicted-class image (2-D data sets only)."""

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
        self.scatters: list[pg.ScatterPlotItem] = []   # one per class: one brush each, fast
        self.note = QLabel("The decision boundary is drawn for 2-D data sets\n"
                           f"({', '.join(PLAYGROUND)}).")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666; padding: 12px;")
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.plot)
        self._stack.addWidget(self.note)
        self.bounds: tuple[float, float, float, float] | None = None
        self.classes = 0
        self.rgb: np.ndarray | None = None     # the image shown, (GRID, GRID, 3) uint8
        self.updates = 0

    def set_data(self, x: np.ndarray | None, y: np.ndarray | None, classes: int) -> None:
        """Show the data points (or the note when the data are not 2-D)."""
        self.rgb = None
        self.image.clear()
        for item in self.scatters:
            self.plot.removeItem(item)
        self.scatters = []
        if x is None or x.ndim != 2 or x.shape[1] != 2:
            self.bounds = None
            self._stack.setCurrentWidget(self.note)
            return
        self._stack.setCurrentWidget(self.plot)
        self.classes = int(classes)
        lo, hi = x.min(axis=0), x.max(axis=0)
        pad = 0.08 * np.maximum(hi - lo, 1e-6)
        self.bounds = (float(lo[0] - pad[0]), float(hi[0] + pad[0]),
                       float(lo[1] - pad[1]), float(hi[1] + pad[1]))
        if len(x) > MAX_POINTS:
            keep = np.random.default_rng(0).choice(len(x), MAX_POINTS, replace=False)
            x, y = x[keep], y[keep]
        y = np.asarray(y, dtype=np.int64)
        for k, color in enumerate(class_colors(self.classes).astype(int)):
            pts = np.asarray(x[y == k], dtype=float)
            if len(pts):
                item = pg.ScatterPlotItem(pos=pts, size=5, pen=self._point_pen,
                                          brush=pg.mkBrush(*color))
                self.plot.addItem(item)
                self.scatters.append(item)
        xmin, xmax, ymin, ymax = self.bounds
        self.plot.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def update_weights(self, weights: Sequence[np.ndarray],
                       activations: Sequence[str | None]) -> None:
        """Recompute the predicted-class image from a weight snapshot."""
        if self.bounds is None or not weights:
            return
        probs = grid_probabilities(weights, activations, self.bounds, GRID)
        bad = ~np.isfinite(probs).all(axis=-1)       # weights so large the outputs overflow
        probs = np.where(bad[..., None], 0.0, probs)
        k = probs.shape[-1]
        colors = class_colors(k) if k > 1 else class_colors(2)
        if k == 1:   # a single sigmoid unit: probability of class 1
            probs = np.concatenate([1 - probs, probs], axis=-1)
        mixed = probs @ colors
        conf = probs.max(axis=-1, keepdims=True)          # paler where the net is unsure
        alpha = 0.25 + 0.45 * np.clip((conf - 1.0 / probs.shape[-1]) * 2, 0, 1)
        rgb = 255.0 * (1 - alpha) + mixed * alpha
        rgb[bad] = UNKNOWN
        self.rgb = rgb.clip(0, 255).astype(np.uint8)
        xmin, xmax, ymin, ymax = self.bounds
        self.image.setImage(self.rgb, autoLevels=False, levels=(0, 255))
        self.image.setRect(xmin, ymin, xmax - xmin, ymax - ymin)
        self.updates += 1
