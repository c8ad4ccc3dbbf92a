"""The training dock inside the real main window: the model on the canvas, its weights moving,
Undo bringing the learner's graph back, and closing the window mid-run."""

from __future__ import annotations

import numpy as np
import pytest

from ui.train import install


@pytest.fixture
def window(qtbot):
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_workspace("train")          # makes the training views, as the Train tab does
    dock = install(w)                  # the same dock: install runs once per window
    assert dock is w.training_dock
    yield w
    dock.shutdown()


def _quick_spiral(dock, epochs: int) -> None:
    dock.data_form.kind.setCurrentText("spiral")
    dock.data_form.size.setValue(300)
    dock.model_form.hidden.setText("16,16")
    dock.model_form.epochs.setValue(epochs)
    dock.model_form.show_on_canvas.setChecked(True)
    dock.set_speed(None)


def test_training_shows_the_model_on_the_canvas_and_undo_brings_the_graph_back(qtbot, window):
    dock = window.training_dock
    assert window.training_panel.isVisible()
    user_graph = window.controller.graph
    assert "f" in user_graph                                  # the default example
    _quick_spiral(dock, epochs=2000)
    dock.train()
    qtbot.waitUntil(lambda: window.controller.graph is dock.model.graph, timeout=20_000)
    w1 = window.controller.graph["W1"]
    before = np.array(w1.value)
    qtbot.waitUntil(lambda: len(dock.curves.run.steps) > 200, timeout=10000)
    assert not np.allclose(w1.value, before)                  # the canvas's W1 is trained
    dock.toggle_pause()
    qtbot.waitUntil(lambda: dock.worker.is_paused(), timeout=3000)
    loss_on_canvas = float(window.controller.graph["loss"].value)
    assert np.isfinite(loss_on_canvas)
    dock.stop()
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=20_000)
    window.controller.undo_stack.undo()
    assert window.controller.graph is user_graph             # the learner's graph is back


def test_closing_the_main_window_mid_training_joins_the_trainer(qtbot, window):
    dock = window.training_dock
    _quick_spiral(dock, epochs=100_000)
    dock.train()
    qtbot.waitUntil(lambda: len(dock.curves.run.steps) > 50, timeout=10000)
    worker = dock.worker
    assert worker.is_running()
    window.close()
    assert not worker.is_running()


def test_the_graph_on_the_canvas_trains_in_place(qtbot, window):
    dock = window.training_dock
    dock.model_form.source.setCurrentIndex(1)                 # "graph on the canvas"
    messages: list[str] = []
    dock.message.connect(messages.append)
    dock.train()                                              # f = (x + y) * z has no loss
    assert dock.state == "idle" and "no loss" in messages[-1]

    window.load_example("spiral")                             # x -> Dense(16, ReLU) -> Dense(3)
    graph = window.controller.graph
    w1 = graph["W1"].value
    start = w1.copy()
    dock.data_form.kind.setCurrentText("spiral")
    dock.data_form.size.setValue(300)
    dock.model_form.epochs.setValue(60)
    dock.model_form.lr.setValue(0.05)
    dock.set_speed(None)
    dock.train()
    assert dock.model.graph is graph and dock.model_on_canvas
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=30000)
    assert window.controller.graph is graph                    # trained where it is drawn
    assert graph["W1"].value is w1 and not np.allclose(w1, start)
    loss = dock.curves.run.loss.data
    assert loss[-20:].mean() < 0.7 * loss[:5].mean()
    assert dock.boundary.rgb is not None                       # predicted with the graph
    assert graph["x"].value.shape == (36, 2)                   # the example's own batch is back


def test_the_graph_being_trained_cannot_be_edited_until_training_stops(qtbot, window):
    dock = window.training_dock
    c = window.controller
    statuses: list[str] = []
    c.message.connect(statuses.append)
    _quick_spiral(dock, epochs=100_000)
    dock.train()
    qtbot.waitUntil(lambda: c.graph is dock.model.graph, timeout=20_000)
    depth = c.undo_stack.index()
    n_nodes = len(c.graph)
    assert c.add_node("relu", pos=(0.0, 0.0)) is None         # refused, with the reason shown
    assert "stop it" in statuses[-1]
    assert c.rename_node(c.graph["W1"].id, "weights") is not None
    c.undo()                                                   # Ctrl+Z would drop the model
    assert c.graph is dock.model.graph and len(c.graph) == n_nodes
    assert c.undo_stack.index() == depth and "W1" in c.graph
    assert not window.history.isEnabled()
    dock.stop()
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=20_000)
    assert c.add_node("relu", pos=(0.0, 0.0)) is not None      # stopped: editable again
    assert window.history.isEnabled()


def test_the_status_bar_says_the_canvas_shows_the_model_being_trained(qtbot, window):
    dock = window.training_dock
    _quick_spiral(dock, epochs=100_000)
    dock.train()
    qtbot.waitUntil(lambda: window.controller.graph is dock.model.graph, timeout=20_000)
    assert "model being trained" in window.statusBar().currentMessage()
    dock.stop()
