"""The timeline: a slider over the steps of the trace, what the current step is, and the
Play/Pause timer with its speed."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QSpinBox, QWidget

from ui.i18n import translate


class TimelinePanel(QWidget):
    """Slider from -1 (before the first step) to the last step of the trace."""

    seek_requested = Signal(int)
    step_requested = Signal(int)
    playing_changed = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(-1, -1)
        self.slider.setPageStep(1)
        self.slider.setToolTip(translate("Timeline", "Timeline: every step of the forward and "
                                          "the backward pass"))
        self.label = QLabel(translate("Timeline", "no trace"))
        self.label.setMinimumWidth(260)
        self.speed = QSpinBox()
        self.speed.setRange(1, 30)
        self.speed.setValue(2)
        self.speed.setSuffix(translate("Timeline", " steps/s"))
        self.speed.setToolTip(translate("Timeline", "Play speed"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(QLabel(translate("Timeline", "Timeline")))
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.label)
        lay.addWidget(self.speed)
        self.timer = QTimer(self)
        self._wire_signals()
        self._on_speed_change(self.speed.value())

    def _wire_signals(self) -> None:
        self.slider.valueChanged.connect(self.seek_requested.emit)
        self.speed.valueChanged.connect(self._on_speed_change)
        self.timer.timeout.connect(self._tick)

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def set_playing(self, on: bool) -> None:
        if on == self.playing:
            return
        if on and self.slider.value() >= self.slider.maximum():
            self.seek_requested.emit(-1)       # play again from the start
        self.timer.start() if on else self.timer.stop()
        self.playing_changed.emit(on)

    def _tick(self) -> None:
        if self.slider.value() >= self.slider.maximum():
            self.set_playing(False)
        else:
            self.step_requested.emit(1)

    def _on_speed_change(self, steps_per_second: int) -> None:
        self.timer.setInterval(int(1000 / max(steps_per_second, 1)))

    def show_position(self, cursor: int, n_steps: int, n_forward: int, step=None) -> None:
        """Move the slider without re-emitting, and describe the current step."""
        with QSignalBlocker(self.slider):
            self.slider.setRange(-1, max(n_steps - 1, -1))
            self.slider.setValue(cursor)
        if n_steps == 0:
            self.label.setText(translate("Timeline", "no trace"))
        elif step is None:
            self.label.setText(translate("Timeline", "start (0/{n}): press Forward or Step")
                               .format(n=n_steps))
        elif step.kind == "forward":
            self.label.setText(translate("Timeline", "forward {k}/{n}: {node}").format(
                k=cursor + 1, n=n_forward, node=step.node.name))
        else:
            self.label.setText(translate("Timeline", "backward {k}/{n}: {node}").format(
                k=cursor - n_forward + 1, n=n_steps - n_forward, node=step.node.name))
