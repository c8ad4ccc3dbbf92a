"""Paint your own data on the decision-boundary view: a tool bar (look, add points, erase,
clear; the class, or the value for a regression set) and the mouse on the plot.

With "add points" a click adds one point of the chosen class where it lands, and dragging
sprays a few points around the pointer at each move; with "erase" a click or a drag removes
the points near the pointer. Edits are not undoable (Regenerate draws the problem again).
The bar and the filter only emit intents in data coordinates; the dock changes the data.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from ui.i18n import translate

LOOK, ADD, ERASE = "look", "add", "erase"
SPRAY_POINTS = 3        # points added at each move of a drag
SPRAY_RADIUS = 0.03     # of the view's width
ERASE_RADIUS = 0.04     # of the view's width


class PaintBar(QWidget):
    """The tool (look / add points / erase), the class or value to paint, and Clear."""

    tool_changed = Signal(str)
    clear = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self.regression = False
        group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        tips = {LOOK: translate("TrainingDock", "Drag to move, wheel to zoom"),
                ADD: translate("TrainingDock", "Click to add a point of the chosen class, drag "
                               "to spray points"),
                ERASE: translate("TrainingDock", "Click or drag over points to erase them")}
        texts = {LOOK: translate("TrainingDock", "Look"),
                 ADD: translate("TrainingDock", "Add points"),
                 ERASE: translate("TrainingDock", "Erase")}
        for tool in (LOOK, ADD, ERASE):
            b = QPushButton(texts[tool])
            b.setCheckable(True)
            b.setToolTip(tips[tool])
            group.addButton(b)
            row.addWidget(b)
            self.buttons[tool] = b
            b.toggled.connect(lambda on, tool=tool: on and self._set_tool(tool))
        self._tool = LOOK
        self.buttons[LOOK].setChecked(True)
        self.label = QComboBox()
        self.label.setToolTip(translate("TrainingDock", "The class of the points you add"))
        self.value = QDoubleSpinBox()
        self.value.setRange(-1.0, 1.0)
        self.value.setSingleStep(0.1)
        self.value.setValue(1.0)
        self.value.setToolTip(translate("TrainingDock", "The value of the points you add "
                                        "(a regression set: −1 orange to +1 blue)"))
        self.clear_button = QPushButton(translate("TrainingDock", "Clear"))
        self.clear_button.setToolTip(translate("TrainingDock", "Remove every point, to paint "
                                               "a data set of your own"))
        row.addWidget(self.label)
        row.addWidget(self.value)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        self.clear_button.clicked.connect(self.clear)
        self.set_classes(2)

    def tool(self) -> str:
        return self._tool

    def _set_tool(self, tool: str) -> None:
        self._tool = tool
        self.tool_changed.emit(tool)

    def set_tool(self, tool: str) -> None:
        self.buttons[tool].setChecked(True)

    def set_classes(self, classes: int) -> None:
        """Offer ``classes`` classes to paint (0: a regression set, paint values)."""
        regression = self.regression = classes <= 0
        want = [translate("TrainingDock", "class {k}").format(k=k) for k in range(classes)]
        if [self.label.itemText(i) for i in range(self.label.count())] != want:
            keep = self.label.currentIndex()
            self.label.clear()
            self.label.addItems(want)
            if 0 <= keep < len(want):
                self.label.setCurrentIndex(keep)
        self.label.setVisible(not regression)
        self.value.setVisible(regression)

    def paint_value(self) -> float:
        """The class (or value) the next points get."""
        if self.regression:
            return float(self.value.value())
        return float(max(0, self.label.currentIndex()))


class PaintFilter(QObject):
    """Turns mouse presses and drags on a plot's viewport into paint intents, in data
    coordinates: ``add(points (k, 2))``, ``erase(x, y, radius)``, and ``stroke_done`` on
    release."""

    add = Signal(object)
    erase = Signal(float, float, float)
    stroke_done = Signal()

    def __init__(self, plot, bar: PaintBar) -> None:
        super().__init__(plot)
        self.plot, self.bar = plot, bar
        self._down = False
        self.tool = LOOK
        self._rng = np.random.default_rng(0)
        plot.viewport().installEventFilter(self)
        bar.tool_changed.connect(self._on_tool)

    def _on_tool(self, tool: str) -> None:
        self.tool = tool
        look = tool == LOOK
        self.plot.setMouseEnabled(x=look, y=look)
        self.plot.viewport().setCursor(Qt.CursorShape.ArrowCursor if look
                                       else Qt.CursorShape.CrossCursor)

    def to_data(self, pos: QPointF) -> tuple[float, float] | None:
        """Data coordinates of a viewport position (None outside the plot's area)."""
        vb = self.plot.getPlotItem().getViewBox()
        scene = self.plot.mapToScene(pos.toPoint())
        if not vb.sceneBoundingRect().contains(scene):
            return None
        p = vb.mapSceneToView(scene)
        return float(p.x()), float(p.y())

    def _width(self) -> float:
        (x0, x1), _ = self.plot.getPlotItem().getViewBox().viewRange()
        return float(x1 - x0)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        tool = self.tool
        if tool == LOOK:
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            at = self.to_data(event.position())
            if at is None:
                return False
            self._down = True
            self._act(tool, at, first=True)
            return True
        if kind == QEvent.Type.MouseMove and self._down:
            at = self.to_data(event.position())
            if at is not None:
                self._act(tool, at, first=False)
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._down:
            self._down = False
            self.stroke_done.emit()
            return True
        return False

    def _act(self, tool: str, at: tuple[float, float], first: bool) -> None:
        width = self._width()
        if tool == ERASE:
            self.erase.emit(at[0], at[1], ERASE_RADIUS * width)
            return
        if first:                          # a click: one point, exactly where it landed
            self.add.emit(np.array([at], dtype=np.float32))
            return
        r = SPRAY_RADIUS * width * np.sqrt(self._rng.uniform(0, 1, SPRAY_POINTS))
        t = self._rng.uniform(0, 2 * np.pi, SPRAY_POINTS)
        pts = np.column_stack([at[0] + r * np.cos(t), at[1] + r * np.sin(t)])
        self.add.emit(pts.astype(np.float32))
