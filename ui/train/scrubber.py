"""The time-travel bar under the curves, and its line on the curves.

The slider's positions are the run's kept snapshots, in order (so every position shows weights
that were really saved, and an arrow key moves to the next one); the vertical line on the loss
plot is the same position, to drag along the step axis. While the run is live the line is
hidden and the slider rests at the end.
"""

from __future__ import annotations

import bisect

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ui.i18n import translate
from ui.train.speed import _Slider

LINE_PEN = pg.mkPen((200, 30, 30), width=2)
LINE_HOVER = pg.mkPen((240, 60, 60), width=4)
VIEWING_STYLE = "color: #b01e1e; font-weight: bold;"    # not live: hard to miss


class TimeBar(QWidget):
    """Slider over the kept steps, "step k of N", Live, Continue from here, Compare…"""

    moved = Signal(int)          # the learner chose the saved step k (slider, keys, line)
    live_clicked = Signal()
    branch_clicked = Signal()

    def __init__(self, curves, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[int] = []           # the kept steps the slider walks through
        self.viewing: int | None = None      # the step shown; None: live
        self.slider = _Slider(Qt.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setPageStep(8)
        self.slider.setToolTip(translate(
            "TimeTravel", "Time travel: drag back to see the model as it was at that step "
            "(every view); arrow keys move from one kept snapshot to the next"))
        self.slider.setMinimumWidth(80)
        self.label = QLabel()
        self.label.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self._digits = 0
        self.live = QPushButton(translate("TimeTravel", "Live"))
        self.live.setToolTip(translate("TimeTravel", "Back to the newest step"))
        self.branch = QPushButton(translate("TimeTravel", "Continue from here"))
        self.branch.setToolTip(translate(
            "TimeTravel", "Train a new branch from the weights of the step shown (fresh "
            "optimizer, same data and seed); the run stays on the curves"))
        self.compare = QPushButton(translate("TimeTravel", "Compare…"))
        self.compare.setToolTip(translate(
            "TimeTravel", "Two runs side by side, the same seed and data, one setting "
            "different (trained step for step)"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.label)
        lay.addWidget(self.live)
        lay.addWidget(self.branch)
        lay.addWidget(self.compare)

        self.line = pg.InfiniteLine(angle=90, movable=True, pen=LINE_PEN, hoverPen=LINE_HOVER)
        self.acc_line = pg.InfiniteLine(angle=90, movable=False, pen=LINE_PEN)
        for plot, line in ((curves.loss_plot, self.line), (curves.acc_plot, self.acc_line)):
            line.setZValue(50)
            line.hide()
            plot.addItem(line, ignoreBounds=True)
        self._quiet = False
        self.slider.valueChanged.connect(self._on_slider)
        self.line.sigDragged.connect(self._on_line)
        self.live.clicked.connect(self.live_clicked)
        self.branch.clicked.connect(self.branch_clicked)
        self.set_steps([], None)

    def set_steps(self, steps: list[int], viewing: int | None, planned: int = 0) -> None:
        """The kept steps (ascending) and the step shown (None: live, at the end);
        ``planned``: the steps the run will take (the label is made wide enough at once)."""
        self.steps, self.viewing = list(steps), viewing
        n = len(self.steps)
        self._quiet = True
        try:
            self.slider.setRange(0, max(0, n - 1))
            if viewing is None:
                self.slider.setValue(max(0, n - 1))
            else:
                self.slider.setValue(self.index_of(viewing))
        finally:
            self._quiet = False
        self.slider.setEnabled(n > 1)
        last = self.steps[-1] if self.steps else 0
        self._fit_label(max(last, planned))
        for line in (self.line, self.acc_line):
            line.setVisible(viewing is not None)
            if viewing is not None:
                line.setPos(viewing)
        self.live.setEnabled(viewing is not None)
        self.branch.setEnabled(viewing is not None)
        self.label.setStyleSheet(VIEWING_STYLE if viewing is not None else "")
        if not self.steps:
            self.label.setText(translate("TimeTravel", "no run yet"))
        elif viewing is None:
            self.label.setText(translate("TimeTravel", "live: step {n}").format(n=f"{last:,}"))
        else:
            self.label.setText(translate("TimeTravel", "step {k} of {n}").format(
                k=f"{viewing:,}", n=f"{last:,}"))

    def _fit_label(self, last: int) -> None:
        """A width for the widest text of a run this long: text that grew with every step
        would move the slider's handle under the learner's mouse."""
        digits = len(f"{last:,}")
        if digits != self._digits:
            self._digits = digits
            n = "8" * digits
            widest = max((translate("TimeTravel", "step {k} of {n}").format(k=n, n=n),
                          translate("TimeTravel", "live: step {n}").format(n=n),
                          translate("TimeTravel", "no run yet")), key=len)
            bold = QFont(self.label.font())       # the text is bold while not live
            bold.setBold(True)
            self.label.setFixedWidth(QFontMetrics(bold).horizontalAdvance(widest) + 6)

    def index_of(self, step: float) -> int:
        """The slider position of the kept step nearest to ``step``."""
        steps = self.steps
        if not steps:
            return 0
        i = bisect.bisect_left(steps, step)
        if i >= len(steps):
            return len(steps) - 1
        if i > 0 and step - steps[i - 1] <= steps[i] - step:
            i -= 1
        return i

    def _on_slider(self, index: int) -> None:
        if not self._quiet and self.steps:
            self.moved.emit(self.steps[min(index, len(self.steps) - 1)])

    def _on_line(self, line) -> None:
        if self.steps:
            step = self.steps[self.index_of(line.value())]
            line.setPos(step)                 # it snaps to the kept snapshot
            if step != self.viewing:
                self.moved.emit(step)
