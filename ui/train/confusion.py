"""Confusion matrix of the validation set, refreshed at the end of every epoch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.train.inference import confusion_matrix, predict
from ui.train.refresh import TimedLayoutWidget

MAX_TEXT_CLASSES = 12   # beyond this the counts are not written in the cells


class ConfusionView(QWidget):
    """Rows: true class; columns: predicted class; the diagonal holds the correct answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plots = TimedLayoutWidget()
        self.plots.setBackground("w")
        self.plot = self.plots.addPlot(title=translate("ConfusionView", "confusion matrix "
                                                       "(validation)"))
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.invertY(True)
        self.plot.setAspectLocked(True)
        self.plot.setLabel("left", translate("ConfusionView", "true class"))
        self.plot.setLabel("bottom", translate("ConfusionView", "predicted class"))
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.ColorMap([0.0, 1.0], [(255, 255, 255), (31, 84, 168)]))
        self.plot.addItem(self.image)
        self._texts: list[pg.TextItem] = []
        self._ticks = None
        self.caption = QLabel(translate("ConfusionView", "Train with a validation split to see "
                                        "which classes get mixed up."))
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plots, 1)
        lay.addWidget(self.caption)
        self.matrix: np.ndarray | None = None
        self.class_names: list[str] = []
        self.x_val: np.ndarray | None = None
        self.y_val: np.ndarray | None = None
        self.regression = False

    def set_validation(self, x_val: np.ndarray | None, y_val: np.ndarray | None,
                       class_names: Sequence[str], regression: bool = False) -> None:
        """The validation set the matrix is computed on (None: no validation split);
        ``regression``: there are no classes, so no matrix (the caption says so)."""
        self.regression = regression
        self.x_val, self.y_val = (None, None) if regression else (x_val, y_val)
        self.class_names = [str(c) for c in class_names]
        self._clear_matrix()
        if regression:
            self.caption.setText(translate(
                "ConfusionView", "regression: MSE. A regression predicts a number, not a "
                "class: there is no confusion matrix (the loss curves show the MSE)."))
        elif x_val is None or len(x_val) == 0:
            self.caption.setText(translate("ConfusionView", "No validation split: set one above 0 "
                                           "to see the matrix."))
        else:
            self.caption.setText(translate("ConfusionView", "{n} validation samples; filled "
                                           "after each epoch.").format(n=len(x_val)))

    def _clear_matrix(self) -> None:
        self.matrix = None
        self.image.clear()
        for t in self._texts:
            self.plot.removeItem(t)
        self._texts = []

    def update_weights(self, epoch: int, weights: Sequence[np.ndarray],
                       activations: Sequence[str | None], step: int | None = None,
                       when: str | None = None) -> None:
        """Predict the validation set with a weight snapshot and redraw the matrix: the
        weights at the end of ``epoch``, or after ``step`` (a run that paused or stopped);
        ``when`` replaces the caption's "after ..." (e.g. for fresh weights)."""
        if self.x_val is None or len(self.x_val) == 0 or not weights:
            return
        probs = predict(weights, activations, self.x_val)
        if not np.isfinite(probs).all():     # never leave the matrix of other weights up
            self._clear_matrix()
            self.caption.setText(translate(
                "ConfusionView", "The network's outputs are not finite numbers with these "
                "weights (they have grown too large): no matrix."))
            return
        k = max(len(self.class_names), probs.shape[1])
        pred = probs.argmax(axis=1) if probs.shape[1] > 1 else (probs[:, 0] > 0.5).astype(int)
        self.show_matrix(confusion_matrix(self.y_val, pred, k), epoch, step, when)

    def show_matrix(self, m: np.ndarray, epoch: int | None = None,
                    step: int | None = None, when: str | None = None) -> None:
        self.matrix = m
        k = m.shape[0]
        rows = m.sum(axis=1, keepdims=True)
        share = np.divide(m, rows, out=np.zeros(m.shape, dtype=float), where=rows > 0)
        self.image.setImage(share.T, autoLevels=False, levels=(0, 1))  # image is [x, y]
        self.image.setRect(-0.5, -0.5, k, k)
        if len(self._texts) != (k * k if k <= MAX_TEXT_CLASSES else 0):
            for t in self._texts:
                self.plot.removeItem(t)
            self._texts = []
            for i in range(k if k <= MAX_TEXT_CLASSES else 0):
                for j in range(k):
                    t = pg.TextItem("", anchor=(0.5, 0.5))
                    t.setPos(j, i)
                    self.plot.addItem(t)
                    self._texts.append(t)
        for n, t in enumerate(self._texts):     # the cells' counts (kept items: scrubbing)
            i, j = divmod(n, k)
            t.setText(str(int(m[i, j])), color="w" if share[i, j] > 0.55 else (40, 40, 40))
        names = self.class_names + [str(i) for i in range(len(self.class_names), k)]
        ticks = [[(i, names[i]) for i in range(k)]] if k <= 20 else None
        if ticks != self._ticks:
            self._ticks = ticks
            self.plot.getAxis("bottom").setTicks(ticks)
            self.plot.getAxis("left").setTicks(ticks)
            self.plot.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.02)
        acc = np.trace(m) / max(m.sum(), 1)
        if when is not None:
            when += ": "
        elif step is not None:
            when = translate("ConfusionView", "after step {step}: ").format(step=step + 1)
        elif epoch is not None:
            when = translate("ConfusionView", "after epoch {epoch}: ").format(epoch=epoch + 1)
        else:
            when = ""
        self.caption.setText(when + translate(
            "ConfusionView", "{right} of {total} validation samples right ({share}%).").format(
            right=int(np.trace(m)), total=int(m.sum()), share=f"{100 * acc:.1f}"))
