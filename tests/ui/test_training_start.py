"""Clicking Train resets the Train workspace's views a piece at a time (the curves, the plane,
the network diagram, its maps, the canvas), painting between two pieces: all at once held the
window ~140 ms (found with a stall tracer on the selftest). What must hold whatever the timing:
the views the learner sees once anything of the new run shows are all of the new run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ui.train.controls import PAUSED


def _spiral(dock, hidden: str) -> None:
    dock.data_form.kind.setCurrentText("spiral")
    dock.data_form.size.setValue(300)
    dock.model_form.hidden.setText(hidden)
    dock.model_form.epochs.setValue(500)


def test_train_then_pause_at_once_shows_only_the_new_run(qtbot, train_window):
    dock = train_window.training_dock
    _spiral(dock, "3")
    QTest.mouseClick(dock.controls.train, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.last_step >= 0, timeout=20_000)
    QTest.mouseClick(dock.controls.stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=20_000)
    assert dock.network.spec.sizes[1] == 3
    _spiral(dock, "7,5")
    QTest.mouseClick(dock.controls.train, Qt.MouseButton.LeftButton)
    assert dock.starting.pending > 0                  # the views come in turns of their own
    QTest.mouseClick(dock.controls.pause, Qt.MouseButton.LeftButton)     # before any turn
    assert dock.starting.pending == 0
    assert dock.state == PAUSED
    assert dock.network.spec.sizes[1:3] == [7, 5]     # the new model's diagram, not the old
    assert dock.network.weights is not None and dock.network.weights[0].shape == (2, 7)
    assert dock.boundary.outputs is not None          # the new model's boundary


def test_the_first_progress_of_a_run_finds_every_view_of_that_run(qtbot, train_window,
                                                                 monkeypatch):
    """Held back (a slow machine, a busy window), the pieces left are made before the first
    progress is shown: the curves never draw the new run's steps over the old run's plane."""
    from ui.train import run_start

    monkeypatch.setattr(run_start, "GAP_MS", 60_000)      # the pieces wait for a minute
    dock = train_window.training_dock
    _spiral(dock, "6")
    dock.model_form.show_on_canvas.setChecked(False)
    dock.train()
    assert dock.starting.pending == 4                  # the curves, plane, diagram, its maps
    shown = []
    dock.worker.progress.connect(lambda _up: shown.append(
        (dock.starting.pending, list(dock.network.spec.sizes), dock.boundary.outputs)))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    pending, sizes, outputs = shown[0]
    assert pending == 0 and sizes[1] == 6 and outputs is not None
