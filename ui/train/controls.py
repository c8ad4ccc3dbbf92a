"""Train / Pause-Resume / Stop / Step / Reset buttons and the progress bar with time left."""

from __future__ import annotations

import time

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.train.speed import SpeedControl

IDLE, RUNNING, PAUSED = "idle", "running", "paused"


def fmt_duration(seconds: float) -> str:
    """``75`` -> ``1:15``; ``3725`` -> ``1:02:05``."""
    s = max(0, int(round(seconds)))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainControls(QWidget):
    """The buttons enable themselves from ``set_state``; the dock connects their clicks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.train = QPushButton(translate("TrainingDock", "Train"))
        self.train.setToolTip(translate("TrainingDock", "Start a new run (the last run stays "
                                        "faded on the plots)"))
        self.pause = QPushButton(translate("TrainingDock", "Pause"))
        self.pause.setToolTip(translate("TrainingDock", "Pause between two steps / resume"))
        self.stop = QPushButton(translate("TrainingDock", "Stop"))
        self.step = QPushButton(translate("TrainingDock", "Step one batch"))
        self.step.setToolTip(translate("TrainingDock", "Run exactly one batch, then pause"))
        self.reset = QPushButton(translate("TrainingDock", "Reset weights"))
        self.reset.setToolTip(translate("TrainingDock", "Start again from fresh random weights"))
        st = self.style()
        self._play_icon = st.standardIcon(QStyle.SP_MediaPlay)
        self._pause_icon = st.standardIcon(QStyle.SP_MediaPause)
        self.train.setIcon(self._play_icon)
        self.stop.setIcon(st.standardIcon(QStyle.SP_MediaStop))
        self.step.setIcon(st.standardIcon(QStyle.SP_MediaSkipForward))
        self.reset.setIcon(st.standardIcon(QStyle.SP_BrowserReload))
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        # the numbers go in a label whose size never depends on its text: no relayout per update
        self.info = QLabel(translate("TrainingDock", "ready"))
        self.info.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.info.setFixedHeight(self.info.sizeHint().height())
        self.speed = SpeedControl()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.train, self.pause, self.stop, self.step, self.reset):
            buttons.addWidget(b)
        buttons.addWidget(self.speed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(self.info)
        lay.addWidget(self.bar)
        self.state = IDLE
        self.total_steps = 0
        self.epochs = 0
        self._t0 = 0.0
        self._last: tuple[int, int, float] | None = None     # step, epoch, loss last shown
        self._steps0 = 0
        self.set_state(IDLE)

    def set_state(self, state: str) -> None:
        self.state = state
        if state != RUNNING and self._last is not None:
            self._write_progress(*self._last, pace=False)     # a paused run has no "time left"
        self.train.setEnabled(state == IDLE)
        self.pause.setEnabled(state in (RUNNING, PAUSED))
        self.pause.setText(translate("TrainingDock", "Resume") if state == PAUSED
                           else translate("TrainingDock", "Pause"))
        self.pause.setIcon(self._play_icon if state == PAUSED else self._pause_icon)
        self.stop.setEnabled(state in (RUNNING, PAUSED))
        self.step.setEnabled(state in (IDLE, PAUSED))
        self.reset.setEnabled(state != RUNNING)

    def begin(self, total_steps: int, epochs: int, first_step: int = 0) -> None:
        self.total_steps = max(1, total_steps)
        self.epochs = epochs
        self._t0 = time.perf_counter()
        self._steps0 = first_step

    def show_progress(self, step: int, epoch: int, loss: float) -> None:
        """Update the bar: epoch, step, loss and the time left at the current pace."""
        self._last = (step, epoch, loss)
        self._write_progress(step, epoch, loss, pace=self.state == RUNNING)

    def _write_progress(self, step: int, epoch: int, loss: float, pace: bool) -> None:
        done = step + 1
        frac = min(1.0, done / self.total_steps)
        self.bar.setValue(int(1000 * frac))
        elapsed = time.perf_counter() - self._t0
        ran = done - self._steps0
        left = ""
        if pace and ran > 0 and elapsed > 0.2:
            rate = ran / elapsed
            left = translate("TrainingDock", "  ·  {rate} steps/s  ·  {time} left").format(
                rate=f"{rate:,.0f}", time=fmt_duration((self.total_steps - done) / rate))
        self.info.setText(translate("TrainingDock", "epoch {epoch}/{epochs}  ·  step "
                                    "{step}/{total}  ·  loss {loss}").format(
            epoch=min(epoch + 1, self.epochs), epochs=self.epochs, step=done,
            total=self.total_steps, loss=f"{loss:.4g}") + left)

    def show_reset(self, step: int | None, epoch: int = 0) -> None:
        """Fresh weights: no loss to show until the next step. ``step`` is where a paused run
        goes on from (its count goes on); None when no run is under way."""
        self._last = None
        if step is None:
            self.bar.setValue(0)
            self.info.setText(translate("TrainingDock", "weights reset: ready to train"))
            return
        self.info.setText(translate(
            "TrainingDock", "epoch {epoch}/{epochs}  ·  step {step}/{total}  ·  loss –  "
            "(weights reset)").format(epoch=min(epoch + 1, self.epochs), epochs=self.epochs,
                                      step=step + 1, total=self.total_steps))

    def restart_clock(self, first_step: int) -> None:
        """After a pause, measure the pace from now on."""
        self._t0 = time.perf_counter()
        self._steps0 = first_step
