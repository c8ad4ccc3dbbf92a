"""The last picture of every training view belongs to the model's final weights: after a run
ends, after Stop, after Pause, for the trainer process and for a thread. Each view's picture is
compared with one computed here from the weights the model holds at that moment."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from ui.train.boundary import BoundaryView
from ui.train.remote_worker import ProcessTrainingWorker
from ui.train.workers import TrainingWorker


@pytest.fixture
def window(train_window):
    return train_window


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def _forward(x: np.ndarray, weights: list[np.ndarray], hidden_act: str) -> np.ndarray:
    """The MLP's class probabilities, written out here (ReLU or tanh hidden layers)."""
    h = np.asarray(x, dtype=np.float64)
    n = len(weights) // 2
    for k in range(n):
        h = h @ weights[2 * k].astype(np.float64) + weights[2 * k + 1].astype(np.float64)
        if k < n - 1:
            h = np.maximum(h, 0) if hidden_act == "relu" else np.tanh(h)
    e = np.exp(h - h.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _boundary_of(dock, weights) -> np.ndarray:
    """The decision-boundary image a fresh view draws for these weights and the run's data."""
    view = BoundaryView()
    view.set_data(dock.x_train, dock.y_train, dock.data.classes, frame=dock.boundary.bounds)
    view.update_weights(weights, dock.predictor)
    return view.rgb


def _check_views(dock, weights, hidden_act: str = "relu") -> None:
    assert dock.boundary.rgb is not None
    assert np.array_equal(dock.boundary.rgb, _boundary_of(dock, weights)), \
        "the decision boundary is not the final weights' boundary"
    probs = _forward(dock.x_val, weights, hidden_act)
    pred = probs.argmax(axis=1)
    k = max(dock.data.classes, probs.shape[1])
    want = np.zeros((k, k), np.int64)
    np.add.at(want, (dock.y_val, pred), 1)
    assert np.array_equal(dock.confusion.matrix, want), \
        "the confusion matrix is not the final weights' matrix"
    flow = dock.gradflow.run
    flow.flush()
    assert len(flow.steps) and flow.steps.data[-1] == dock.last_step, \
        "the gradient flow's last sample is not of the last step"


def _wait_idle(qtbot, dock, timeout=30_000) -> None:
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=timeout)
    qtbot.wait(50)


def test_spiral_with_the_defaults_ends_on_the_final_weights_everywhere(qtbot, window):
    """The issue's journey: spiral, the dock's defaults (at full speed), Train, to the end."""
    dock = window.training_dock
    assert dock.data_form.kind.currentText() == "spiral"
    _click(qtbot, dock.controls.train)
    assert isinstance(dock.worker, ProcessTrainingWorker)
    _wait_idle(qtbot, dock)
    assert dock.worker.steps_done == dock.last_step + 1 > 1000
    final = dock.model.get_weights()
    _check_views(dock, final)
    g = window.controller.graph                       # the canvas shows the final weights
    assert g is dock.model.graph
    assert np.array_equal(window.scene.node_item(g["W1"].id).value, final[0])
    assert "loss" in dock.controls.info.text() and f"{dock.last_loss:.4g}" in \
        dock.controls.info.text()


def test_the_graph_on_the_canvas_ends_on_its_final_weights_too(qtbot, window):
    """A thread run (the canvas's own graph): boundary, matrix, gradient flow and canvas."""
    dock = window.training_dock
    window.load_example("spiral")
    dock.model_form.source.setCurrentIndex(1)                   # "graph on the canvas"
    dock.data_form.kind.setCurrentText("spiral")
    dock.data_form.size.setValue(300)
    dock.model_form.epochs.setValue(40)
    dock.model_form.lr.setValue(0.05)
    _click(qtbot, dock.controls.train)
    assert isinstance(dock.worker, TrainingWorker)
    _wait_idle(qtbot, dock)
    g = window.controller.graph
    final = dock.model.get_weights()
    act = "relu"
    _check_views(dock, [w for w in final], act)
    # the gradient flow's last sample is the last step's gradient (not a cleared one)
    last = [d["grad_norm"] for d in dock.model.diagnostics()]
    assert all(v > 0 for v in last)
    assert np.allclose(dock.gradflow.run.last_norms, last)
    w1 = window.scene.node_item(g["W1"].id).value
    assert np.array_equal(w1, final[0])


def test_after_stop_the_views_show_the_weights_it_stopped_at(qtbot, window):
    dock = window.training_dock
    dock.model_form.epochs.setValue(100_000)
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.last_epoch >= 30, timeout=20_000)
    _click(qtbot, dock.controls.stop)
    _wait_idle(qtbot, dock)
    _check_views(dock, dock.model.get_weights())


def test_after_pause_the_views_show_the_weights_it_paused_at(qtbot, window):
    dock = window.training_dock
    dock.model_form.epochs.setValue(100_000)
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.last_epoch >= 30, timeout=20_000)
    _click(qtbot, dock.controls.pause)
    qtbot.waitUntil(lambda: dock.worker.is_paused(), timeout=5000)
    qtbot.wait(400)                                  # the pieces of the final redraw
    paused = dock.model.get_weights()
    _check_views(dock, paused)
    _click(qtbot, dock.controls.stop)                # no step in between: the trainer's own
    _wait_idle(qtbot, dock)                          # weights come back, and are the same
    assert all(np.array_equal(a, b) for a, b in zip(paused, dock.model.get_weights(),
                                                    strict=True))


def test_values_the_learner_stepped_to_are_traced_again_with_the_final_weights(qtbot, window):
    """Pause, run the forward pass on the canvas, resume, stop: the canvas's values (its
    loss) are the final weights', not those of the moment it paused."""
    dock = window.training_dock
    dock.model_form.epochs.setValue(100_000)
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: window.controller.graph is getattr(dock.model, "graph", None)
                    and dock.last_epoch >= 5, timeout=20_000)
    _click(qtbot, dock.controls.pause)
    qtbot.waitUntil(lambda: dock.worker.is_paused(), timeout=5000)
    window.actions["forward"].trigger()
    g = window.controller.graph
    at_pause = float(window.scene.node_item(g["loss"].id).value)
    _click(qtbot, dock.controls.pause)                           # Resume
    qtbot.waitUntil(lambda: dock.last_epoch >= 25, timeout=20_000)
    _click(qtbot, dock.controls.stop)
    _wait_idle(qtbot, dock)
    final = dock.model.get_weights()
    shown = float(window.scene.node_item(g["loss"].id).value)
    probs = _forward(g["x"].value, final, "relu")
    want = -np.log(probs[np.arange(len(probs)), np.asarray(g["y"].value)]).mean()
    assert shown != at_pause
    assert np.isclose(shown, want, rtol=1e-4)
