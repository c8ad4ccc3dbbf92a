"""How fast training runs, for a learner who wants to watch it learn (as in TensorFlow
Playground): steps a second, from one step a second to full speed.

The 2-D problems start at ``WATCH`` steps a second, at which the spiral's default run (1,500
steps) takes about 15 s and its decision boundary visibly grows into the arms; the other data
sets start at full speed. Once the learner has moved the slider, their choice stays.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

from ui.i18n import translate

SPEEDS: tuple[float | None, ...] = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, None)
WATCH = 100          # steps a second for the 2-D problems
FULL = None


def speed_text(rate: float | None) -> str:
    if rate is None:
        return translate("TrainingDock", "full speed")
    if rate == 1:
        return translate("TrainingDock", "1 step/s")
    return translate("TrainingDock", "{n} steps/s").format(n=f"{rate:g}")


_SLIDER_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class _Slider(QSlider):
    """A slider that keeps its keys: the window's arrow-key shortcuts (step through the graph)
    must not take them while it has the focus."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in _SLIDER_KEYS \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            return True
        return super().event(event)


class SpeedControl(QWidget):
    """A slider over ``SPEEDS`` and the speed it stands at; ``changed(rate)`` (None: full)."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = _Slider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setFixedWidth(110)
        self.slider.setToolTip(translate(
            "TrainingDock", "How fast training runs: slow enough to watch the decision "
            "boundary grow, or full speed"))
        self.value = QLabel()
        width = max(self.value.fontMetrics().horizontalAdvance(speed_text(r)) for r in SPEEDS)
        self.value.setFixedWidth(width + 6)
        self.chosen = False          # the learner moved the slider: data sets leave it alone
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # compact
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(QLabel(translate("TrainingDock", "speed")))
        lay.addWidget(self.slider)
        lay.addWidget(self.value)
        self.slider.actionTriggered.connect(self._on_user_action)
        self.slider.valueChanged.connect(self._on_value)
        self.set_rate(FULL, chosen=False)

    def rate(self) -> float | None:
        """Steps a second (None: full speed)."""
        return SPEEDS[self.slider.value()]

    def set_rate(self, rate: float | None, chosen: bool = True) -> None:
        """Move to the speed nearest ``rate``; ``chosen=False`` for a default (a data set's),
        which the learner's own choice overrides."""
        if rate is None:
            index = len(SPEEDS) - 1
        else:
            index = min(range(len(SPEEDS) - 1), key=lambda i: abs(SPEEDS[i] - rate))
        if chosen:
            self.chosen = True
        elif self.chosen:
            return
        self.slider.setValue(index)
        self._on_value(index)

    def _on_user_action(self, _action: int) -> None:
        self.chosen = True

    def _on_value(self, index: int) -> None:
        text = speed_text(SPEEDS[index])
        if self.value.text() != text:
            self.value.setText(text)
            self.changed.emit(SPEEDS[index])
