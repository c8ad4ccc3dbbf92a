"""A paired run's two decision boundaries side by side, each under its label and its latest
loss and accuracy."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ui.i18n import translate
from ui.train.boundary import BoundaryView
from ui.train.curve_lines import B_COLOR
from ui.train.curves import TRAIN


class PairView(QWidget):
    """Run A's boundary on the left, run B's on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.a, self.b = BoundaryView(), BoundaryView()
        for view in (self.a, self.b):
            paint_bar = getattr(view, "paint_bar", None)
            if paint_bar is not None:    # painting is the Decision boundary tab's: it looks here
                paint_bar.hide()
        self.titles = [QLabel(), QLabel()]
        self.stats = [QLabel(" "), QLabel(" ")]
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        for col, (view, title, stat, color) in enumerate(zip(
                (self.a, self.b), self.titles, self.stats, (TRAIN, _hex(B_COLOR)),
                strict=True)):
            title.setStyleSheet(f"color: {color}; font-weight: bold;")
            stat.setStyleSheet("color: #444;")
            grid.addWidget(title, 0, col)
            grid.addWidget(view, 1, col)
            grid.addWidget(stat, 2, col)
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(1, 1)

    def set_labels(self, a: str, b: str) -> None:
        self.titles[0].setText(a)
        self.titles[1].setText(b)

    def set_data(self, x, y, classes: int, **kwargs) -> None:
        """The plane's points, as ``BoundaryView.set_data`` takes them (features, frame)."""
        for view in (self.a, self.b):
            view.set_data(x, y, classes, **kwargs)

    def draw(self, side: int, weights, predictor) -> None:
        """Draw side 0 (A) or 1 (B) with these weights."""
        view = (self.a, self.b)[side]
        if view.bounds is not None and weights is not None:
            view.update_weights(weights, predictor)

    def show_stats(self, side: int, step: int, loss: float, acc: float) -> None:
        text = translate("Compare", "step {step}   loss {loss}").format(
            step=f"{step:,}", loss=f"{loss:.4g}")
        if np.isfinite(acc):
            text += "   " + translate("Compare", "accuracy {acc}").format(acc=f"{acc:.3f}")
        self.stats[side].setText(text)


def _hex(rgb) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in rgb)
