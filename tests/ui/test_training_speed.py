"""The speed control: the 2-D problems train slowly enough to watch the boundary grow, the
learner can slow a run down to a step a second or let it go at full speed, in the trainer
process and on a thread, while it runs."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from ui.train import install
from ui.train.remote_worker import ProcessTrainingWorker
from ui.train.workers import TrainingWorker


@pytest.fixture
def window(qtbot):
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show_workspace("train")
    dock = install(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    dock.shutdown()


def _slide(qtbot, speed, key) -> None:
    """Move the speed slider with the keyboard, as a learner can."""
    speed.slider.setFocus()
    qtbot.keyClick(speed.slider, key)


def _steps_in(qtbot, dock, seconds: float) -> tuple[int, float]:
    """Steps the trainer made during about ``seconds`` of running, and the seconds measured."""
    n0, t0 = dock.last_step, time.perf_counter()
    qtbot.wait(int(1000 * seconds))
    return dock.last_step - n0, time.perf_counter() - t0


def test_the_spiral_trains_at_a_watchable_speed_and_the_slider_changes_it_mid_run(qtbot,
                                                                                 window):
    dock = window.training_dock
    speed = dock.controls.speed
    assert dock.data_form.kind.currentText() == "spiral"
    assert speed.rate() == 100 and speed.value.text() == "100 steps/s"
    qtbot.mouseClick(dock.controls.train, Qt.LeftButton)
    assert isinstance(dock.worker, ProcessTrainingWorker)
    qtbot.waitUntil(lambda: dock.last_step >= 10, timeout=10_000)
    updates = dock.boundary.updates
    n, seconds = _steps_in(qtbot, dock, 1.5)
    assert 0 < n <= 100 * seconds + 20                # never faster than 100 a second
    assert dock.boundary.updates - updates >= 3        # and the boundary is seen to move
    for _ in range(3):                                 # three notches left: 10 steps a second
        _slide(qtbot, speed, Qt.Key_Left)
    assert speed.rate() == 10 and speed.chosen
    qtbot.wait(300)                                    # what was under way arrives
    n, seconds = _steps_in(qtbot, dock, 1.0)
    assert n <= 10 * seconds + 6
    _slide(qtbot, speed, Qt.Key_End)                   # full speed: the rest in a blink
    assert speed.rate() is None and speed.value.text() == "full speed"
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=15_000)
    assert dock.worker.steps_done == 1500


def test_a_thread_run_follows_the_slider_too(qtbot, window):
    dock = window.training_dock
    window.load_example("spiral")
    dock.model_form.source.setCurrentIndex(1)          # the graph on the canvas: a thread
    dock.model_form.epochs.setValue(40)
    speed = dock.controls.speed
    _slide(qtbot, speed, Qt.Key_Home)                  # one step a second
    assert speed.rate() == 1 and speed.value.text() == "1 step/s"
    qtbot.mouseClick(dock.controls.train, Qt.LeftButton)
    assert isinstance(dock.worker, TrainingWorker)
    qtbot.waitUntil(lambda: dock.last_step >= 0, timeout=10_000)
    n, seconds = _steps_in(qtbot, dock, 1.2)
    assert n <= seconds + 2
    _slide(qtbot, speed, Qt.Key_End)
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=30_000)
    assert dock.worker.steps_done == 40 * 15


def test_each_data_set_starts_at_its_speed_until_the_learner_chooses_one(qtbot, window):
    dock = window.training_dock
    speed = dock.controls.speed
    dock.data_form.kind.setCurrentText("digits")
    assert speed.rate() is None                        # big data sets: full speed
    dock.data_form.kind.setCurrentText("moons")
    assert speed.rate() == 100
    steps = window.controller.cursor
    _slide(qtbot, speed, Qt.Key_Right)                 # the slider's key, not the window's
    assert speed.rate() == 200 and window.controller.cursor == steps
    dock.data_form.kind.setCurrentText("digits")
    assert speed.rate() == 200                         # the learner's choice stays
