"""The training dock driven like a learner would: pick a 2-D data set, train, pause, resume, step,
stop, close the window mid-run (a run that blows up: test_training_feedback.py)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ui.train import TrainingDock, install
from ui.train.controls import IDLE, PAUSED, RUNNING


def _configure(dock: TrainingDock, *, kind="spiral", n=300, hidden="16,16", activation="relu",
               optimizer="Adam", lr=0.02, epochs=200, batch=32, split=0.2) -> None:
    f, m = dock.data_form, dock.model_form
    f.kind.setCurrentText(kind)
    f.size.setValue(n)
    f.noise.setValue(0.1)
    m.hidden.setText(hidden)
    m.activation.setCurrentText(activation)
    m.optimizer.setCurrentText(optimizer)
    m.lr.setValue(lr)
    m.epochs.setValue(epochs)
    m.batch.setValue(batch)
    m.val_split.setValue(split)
    dock.set_speed(None)                     # full speed (the 2-D sets start at a watchable one)


@pytest.fixture
def dock(qtbot):
    d = TrainingDock()
    d.resize(1300, 560)
    qtbot.addWidget(d)
    d.show()
    messages: list[str] = []
    d.message.connect(messages.append)
    d.messages = messages
    yield d
    d.shutdown()


def test_training_draws_a_falling_loss_and_a_moving_boundary(qtbot, dock):
    _configure(dock, kind="moons", n=400, epochs=400)
    dock.train()
    assert dock.state == RUNNING
    qtbot.waitUntil(lambda: len(dock.curves.run.loss) >= 40, timeout=5000)
    qtbot.waitUntil(lambda: dock.boundary.rgb is not None, timeout=3000)
    early_image = dock.boundary.rgb.copy()

    dock.toggle_pause()
    assert dock.state == PAUSED
    qtbot.waitUntil(lambda: dock.worker.is_paused(), timeout=3000)
    qtbot.wait(100)
    held = dock.worker.steps_done
    qtbot.wait(250)
    assert dock.worker.steps_done == held                  # paused means no steps
    assert dock.controls.pause.text().endswith("Resume")

    dock.toggle_pause()                                    # resume
    assert dock.state == RUNNING
    qtbot.waitUntil(lambda: len(dock.curves.run.steps) > held + 300, timeout=15000)
    dock.stop()
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=5000)
    assert any("stopped" in m for m in dock.messages)

    # the curve holds every step (what it draws is that, reduced to the pixels it has)
    y = dock.curves.run.loss.data
    steps = dock.curves.run.steps.data
    assert len(y) == len(steps) > held                      # the curve grew with every step
    shown = dock.curves.raw_loss.yData
    assert shown.max() == y.max() and shown.min() == y.min()   # its peaks are all drawn
    assert np.array_equal(steps, np.arange(len(steps)))
    assert y[-30:].mean() < 0.6 * y[:10].mean()             # and fell
    ex, val = dock.curves.val_loss.getData()
    assert len(val) >= 30 and val[-1] < val[0]              # per-epoch validation loss too
    changed = np.abs(dock.boundary.rgb.astype(int) - early_image.astype(int)).max(axis=-1)
    assert (changed > 30).mean() > 0.05                     # the boundary moved
    assert dock.confusion.matrix is not None
    assert dock.confusion.matrix.sum() == len(dock.y_val)


def test_step_one_batch_runs_exactly_one_step_each_time(qtbot, dock):
    _configure(dock, epochs=5)
    dock.step_one_batch()
    qtbot.waitUntil(lambda: dock.worker.is_paused() and len(dock.curves.run.steps) == 1,
                    timeout=5000)
    assert dock.state == PAUSED
    dock.step_one_batch()
    qtbot.waitUntil(lambda: len(dock.curves.run.steps) == 2, timeout=5000)
    qtbot.wait(150)
    assert dock.worker.steps_done == 2
    dock.stop()
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=5000)


def test_reset_weights_while_paused_gives_fresh_weights(qtbot, dock):
    _configure(dock, epochs=10_000)          # a run long enough to pause in
    dock.train()
    qtbot.waitUntil(lambda: dock.last_epoch >= 5, timeout=10000)
    dock.toggle_pause()
    qtbot.waitUntil(lambda: dock.worker.is_paused(), timeout=3000)
    trained = dock.model.get_weights()
    dock.reset_weights()
    fresh = dock.model.get_weights()
    assert not np.allclose(trained[0], fresh[0])
    assert np.all(fresh[1] == 0)                             # zero biases, as Keras does
    dock.stop()
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=5000)


class _Window(QMainWindow):
    """The two things install() needs from the main window."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[str] = []

    def add_panel(self, widget, title, area="left", workspaces=None, name=None):
        panel = QDockWidget(title, self)
        panel.setWidget(widget)
        self.addDockWidget(Qt.BottomDockWidgetArea if area == "bottom" else Qt.LeftDockWidgetArea,
                           panel)
        return panel

    def status(self, msg: str) -> None:
        self.statuses.append(msg)


def test_closing_the_window_mid_training_stops_the_trainer(qtbot):
    window = _Window()
    qtbot.addWidget(window)
    dock = install(window)
    window.show()
    _configure(dock, epochs=10_000)
    dock.train()
    qtbot.waitUntil(lambda: len(dock.curves.run.steps) > 10, timeout=5000)
    worker = dock.worker
    assert worker.is_running()
    window.close()
    assert not worker.is_running()                              # joined before close returned
    assert dock.worker.steps_done < 10_000 * 8


def test_bad_settings_get_a_message_not_a_traceback(qtbot, dock):
    dock.model_form.hidden.setText("64, lots")
    dock.train()
    assert dock.state == IDLE
    assert "hidden layers" in dock.messages[-1]
    dock.model_form.hidden.setText("8")
    dock.data_form.kind.setCurrentText("CSV file…")
    dock.data_form.path.setText("/nonexistent/data.csv")
    dock.train()
    assert dock.state == IDLE
    assert "data.csv" in dock.messages[-1]


def test_a_refused_close_leaves_the_run_going(qtbot):
    """The learner closes, is asked about unsaved changes, and cancels: training goes on."""
    from PySide6.QtCore import QEvent, QObject

    class _Refuse(QObject):                    # the document's "save changes?" answered Cancel
        refuse = True

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Close and self.refuse:
                event.ignore()
                return True
            return False

    window = _Window()
    qtbot.addWidget(window)
    refuse = _Refuse(window)
    window.installEventFilter(refuse)
    dock = install(window)                     # installed later, so Qt asks its filter first
    window.show()
    _configure(dock, epochs=10_000)
    dock.train()
    qtbot.waitUntil(lambda: len(dock.curves.run.steps) > 10, timeout=5000)
    worker = dock.worker
    window.close()
    assert window.isVisible() and worker.is_running()
    refuse.refuse = False
    window.close()
    assert not worker.is_running()


def test_without_a_trainer_process_the_run_goes_on_a_thread_and_says_so(qtbot, dock,
                                                                       monkeypatch):
    import ui.train.launch as launch
    from ui.train.workers import TrainingWorker

    def refuse():
        raise OSError("no processes here")

    monkeypatch.setattr(launch, "trainer_process", refuse)
    _configure(dock, epochs=3)
    dock.train()
    assert isinstance(dock.worker, TrainingWorker)
    assert any("on a thread" in m and "no processes here" in m for m in dock.messages)
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=20_000)
    assert len(dock.curves.run.steps) == dock.worker.steps_done > 0
