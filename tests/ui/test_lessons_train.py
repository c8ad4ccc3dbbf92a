"""Lessons 3 and 5 (the training lessons) played from the first step to the last in the real
window: Train clicked, each run waited for, one run per lesson that misses its checkpoint (the
hint shows). Runs are kept short where the checkpoint allows (fewer epochs, full speed)."""

from __future__ import annotations

import pytest
from lesson_driver import answer, click, guide, hint_shown, next_step, open_window, panel, passed
from lesson_driver import train as train_run
from PySide6.QtWidgets import QDockWidget


@pytest.fixture
def no_image_files(tmp_path, monkeypatch):
    """No MNIST / Fashion-MNIST files anywhere (an empty cache, no folder chosen)."""
    monkeypatch.setenv("GRAPHVIZ_NN_CACHE", str(tmp_path / "cache"))


def _shutdown(w) -> None:
    dock = getattr(w, "training_dock", None)
    if dock is not None:
        dock.shutdown()


def test_lesson_3_gradient_descent_sgd_mini_batches(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, "sgd")
    try:
        dock = w.training_dock
        assert w.workspace == "train" and dock.data_form.kind.currentText() == "moons"
        assert dock.model_form.batch.value() == 240               # the whole training set
        train_run(qtbot, w, batch_size=32, epochs=3)               # not full-batch: missed
        assert not passed(w) and hint_shown(w)
        train_run(qtbot, w, batch_size=240)
        assert passed(w)

        next_step(w)                                               # iterations per epoch
        assert dock.model_form.batch.value() == 16
        answer(w, "16")
        assert hint_shown(w)
        answer(w, "15")
        assert passed(w)

        next_step(w)                                               # mini-batch 16
        train_run(qtbot, w, epochs=10)
        assert passed(w)
        run = guide(w).recorder.runs[-1]
        assert run.batch_size == 16 and run.history["loss"][-1] < run.history["loss"][0]

        next_step(w)                                               # SGD, batch size 1
        assert dock.model_form.batch.value() == 1
        train_run(qtbot, w, epochs=1)
        assert passed(w)

        next_step(w)                                               # a learning rate too small
        assert dock.model_form.lr.value() == pytest.approx(0.0001)
        train_run(qtbot, w, epochs=10)
        assert passed(w)

        next_step(w)                                               # too large: it blows up
        train_run(qtbot, w)
        assert guide(w).recorder.runs[-1].ended in ("diverged", "nonfinite")
        assert dock.state == "paused" and passed(w)
        click(dock.controls.stop)
        next_step(w)
        assert guide(w).progress(guide(w).lesson) == (6, 6)
    finally:
        _shutdown(w)


def test_lesson_5_keras_without_the_fashion_files_goes_on_with_digits(qtbot, tmp_path,
                                                                       no_image_files):
    w = open_window(qtbot, tmp_path, "keras")
    try:
        dock, p = w.training_dock, panel(w)
        assert dock.data_form.kind.currentText() == "digits"        # the fallback
        assert p.note.isVisible() and "Fashion-MNIST" in p.note.text()
        assert "train-images-idx3-ubyte.gz" in p.note.toolTip() and p.choose_folder.isVisible()
        answer(w, "51")                                            # not normalised
        assert hint_shown(w)
        answer(w, "0.2")
        assert passed(w)

        next_step(w)                                               # the summary's total
        answer(w, "79510")                                         # Fashion-MNIST's: not these data
        assert hint_shown(w)
        answer(w, "7,510")                                         # digits: 64·100+100 + 1,010
        assert passed(w)

        next_step(w)                                               # compile and fit
        train_run(qtbot, w, epochs=3)
        assert passed(w)

        next_step(w)                                               # overfitting
        assert dock.model_form.activation.currentText() == "relu"
        train_run(qtbot, w, epochs=4)                              # too short to overfit
        assert not passed(w) and hint_shown(w)
        train_run(qtbot, w, epochs=30)
        assert passed(w)

        next_step(w)                                               # Dropout(0.3)
        assert dock.model_form.dropout.value() == pytest.approx(0.3)
        train_run(qtbot, w, epochs=2)
        assert passed(w)

        next_step(w)                                               # another optimizer
        train_run(qtbot, w, epochs=1)                              # the same one: missed
        assert hint_shown(w)
        w.findChild(QDockWidget, "dock_train_settings").raise_()   # the settings tab
        dock.model_form.optimizer.setCurrentText("SGD")
        click(dock.model_form.usual_lr)                            # SGD's usual 0.1
        train_run(qtbot, w, epochs=1)
        assert passed(w)
        next_step(w)
        assert guide(w).progress(guide(w).lesson) == (6, 6)
    finally:
        _shutdown(w)
