"""Show a tensor: a table when small, a pyqtgraph heatmap with a colour bar when large, or the
per-unit "templates" of first-layer weights (one 28×28 or 8×8 image per hidden unit).

pyqtgraph is imported only when a large tensor is first shown, to keep startup light.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.explore.equation import is_small, stats_text
from ui.i18n import translate
from ui.style import fmt_num

TABLE_MAX = 64           # at most this many elements go in a table
TEMPLATE_SIDES = {784: 28, 64: 8}


def template_mosaic(weights: np.ndarray, max_units: int = 100) -> np.ndarray | None:
    """Weights (D, H) with D = 28² or 8² -> one image per unit, tiled in a grid (NaN gaps)."""
    w = np.asarray(weights, dtype=float)
    if w.ndim != 2 or w.shape[0] not in TEMPLATE_SIDES:
        return None
    side = TEMPLATE_SIDES[w.shape[0]]
    units = min(w.shape[1], max_units)
    cols = math.ceil(math.sqrt(units))
    rows = math.ceil(units / cols)
    mosaic = np.full((rows * (side + 1) - 1, cols * (side + 1) - 1), np.nan)
    for u in range(units):
        r, c = divmod(u, cols)
        img = w[:, u].reshape(side, side)
        mosaic[r * (side + 1): r * (side + 1) + side, c * (side + 1): c * (side + 1) + side] = img
    return mosaic


class TensorView(QWidget):
    """Table / heatmap / templates for one array."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.caption = QLabel("")
        self.caption.setWordWrap(True)
        self.table = QTableWidget()
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())
        self.stack.addWidget(self.table)
        self._plot = None          # pyqtgraph widgets, made on first use
        self._image = None
        self._bar = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.caption)
        lay.addWidget(self.stack)
        self.mode = "empty"
        self.setVisible(False)

    def clear(self) -> None:
        if self.mode != "empty" or self.isVisibleTo(self.parentWidget() or self):
            self.mode = "empty"
            self.setVisible(False)

    def show_array(self, value, title: str, templates: bool = False) -> None:
        """Show ``value``; up to 3×3 the numbers are written out in the text: no view."""
        if value is None or is_small(np.asarray(value)):
            self.clear()
            return
        arr = np.asarray(value, dtype=float)
        self.setVisible(True)
        mosaic = template_mosaic(arr) if templates else None
        if mosaic is not None:
            self.caption.setText(translate(
                "Inspector", "{title}: each hidden unit's weights as a {side}×{side} image (its "
                "template); {stats}").format(title=title, side=TEMPLATE_SIDES[arr.shape[0]],
                                             stats=stats_text(arr)))
            self.mode = "templates"
            self._show_heatmap(mosaic)
        elif arr.size <= TABLE_MAX and arr.ndim <= 2:
            self.caption.setText(translate("Inspector", "{title}: {stats}").format(
                title=title, stats=stats_text(arr)))
            self._show_table(arr)
            self.mode = "table"
        else:
            self.caption.setText(translate("Inspector", "{title} (heatmap): {stats}").format(
                title=title, stats=stats_text(arr)))
            self.mode = "heatmap"
            self._show_heatmap(arr.reshape(arr.shape[0], -1) if arr.ndim > 1 else arr[None, :])

    def _show_table(self, arr: np.ndarray) -> None:
        m = arr.reshape(1, -1) if arr.ndim <= 1 else arr
        self.table.clear()
        self.table.setRowCount(m.shape[0])
        self.table.setColumnCount(m.shape[1])
        for r in range(m.shape[0]):
            for c in range(m.shape[1]):
                self.table.setItem(r, c, QTableWidgetItem(fmt_num(m[r, c])))
        self.table.resizeColumnsToContents()
        self.table.setMinimumHeight(min(40 + 26 * m.shape[0], 220))
        self.stack.setCurrentWidget(self.table)

    def _show_heatmap(self, mat: np.ndarray) -> None:
        import pyqtgraph as pg  # lazy: only large tensors need it

        if self._plot is None:
            self._plot = pg.PlotWidget()
            self._plot.setBackground("w")
            self._plot.setMinimumHeight(220)
            self._plot.invertY(True)
            self._image = pg.ImageItem(axisOrder="row-major")
            self._plot.addItem(self._image)
            self._bar = pg.ColorBarItem(colorMap=pg.colormap.get("CET-D1"), interactive=False,
                                        width=12)
            self._bar.setImageItem(self._image, insert_in=self._plot.getPlotItem())
            self.stack.addWidget(self._plot)
        finite = mat[np.isfinite(mat)]
        lim = float(np.max(np.abs(finite))) if finite.size else 1.0
        templates = self.mode == "templates"
        self._plot.setAspectLocked(templates)     # a batch × units matrix fills the view
        for axis in ("left", "bottom"):
            self._plot.getPlotItem().showAxis(axis, not templates)
        self._image.setImage(mat, autoLevels=False)
        self._bar.setLevels((-lim or -1.0, lim or 1.0))
        self._plot.getPlotItem().getViewBox().setRange(
            xRange=(0, mat.shape[1]), yRange=(0, mat.shape[0]), padding=0.02)
        self.stack.setCurrentWidget(self._plot)
