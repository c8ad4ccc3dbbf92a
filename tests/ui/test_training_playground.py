"""TensorFlow Playground's data controls in the training dock, driven with real clicks and
typing: input features, regularization, regression, noise / ratio / batch / show test data /
discretize / Regenerate applied at once, painting points, and CSV files."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from graphviz_nn.nn import Dense, Sequential, regularizers
from ui.train import TrainingDock
from ui.train.controls import IDLE, PAUSED, RUNNING


@pytest.fixture
def dock(qtbot):
    d = TrainingDock()
    d.resize(1300, 620)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.set_speed(None)
    messages: list[str] = []
    d.message.connect(messages.append)
    d.messages = messages
    yield d
    d.shutdown()


def _click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.LeftButton)


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


def _choose(qtbot, combo, text: str, typed: str | None = None) -> None:
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 20)
    qtbot.keyClicks(combo, typed or text)        # a combo box selects the item typed
    assert combo.currentText() == text


def _first_layer_params(dock) -> int:
    row = next(line for line in dock.summary.toPlainText().splitlines()
               if line.startswith(" dense (Dense)"))
    return int(row.split()[-1].replace(",", ""))


def _wait_idle(qtbot, dock, timeout=30_000) -> None:
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=timeout)
    qtbot.wait(50)


def _shown_points(view, test: bool = False) -> np.ndarray:
    items = view.test_scatters if test else view.scatters
    pts = [np.column_stack(item.getData()) for item in items]
    return np.concatenate(pts) if pts else np.zeros((0, 2))


def test_each_feature_toggle_changes_the_input_width_and_the_summary(qtbot, dock):
    boxes = dock.data_form.plane.boxes
    assert _first_layer_params(dock) == 2 * 16 + 16            # x1, x2
    _click(qtbot, boxes["x1^2"])
    assert _first_layer_params(dock) == 3 * 16 + 16
    _click(qtbot, boxes["x1*x2"])
    assert _first_layer_params(dock) == 4 * 16 + 16
    _click(qtbot, boxes["x2"])                                  # off again
    assert _first_layer_params(dock) == 3 * 16 + 16
    for name in ("x1", "x1^2", "x1*x2"):                      # the last one cannot go
        _click(qtbot, boxes[name])
    assert boxes["x1*x2"].isChecked() and _first_layer_params(dock) == 1 * 16 + 16
    _click(qtbot, boxes["sin(x2)"])
    _click(qtbot, boxes["x1^2"])
    assert _first_layer_params(dock) == 3 * 16 + 16

    _click(qtbot, dock.controls.step)                          # one batch, then paused
    qtbot.waitUntil(lambda: dock.state == PAUSED and dock.last_step == 0, timeout=10_000)
    assert dock.model.input_dim == 3 and dock.x_train.shape[1] == 3
    a, b = dock.p_train[:, 0], dock.p_train[:, 1]              # the columns, written out
    want = np.column_stack([a * a, a * b, np.sin(b)])
    assert np.allclose(dock.x_train, want, rtol=1e-6, atol=1e-6)
    assert dock.boundary.features == ["x1^2", "x1*x2", "sin(x2)"]


def _mlp(x, weights, act: str, linear_out: bool = False) -> np.ndarray:
    h = np.asarray(x, np.float64)
    n = len(weights) // 2
    for k in range(n):
        h = h @ weights[2 * k].astype(np.float64) + weights[2 * k + 1].astype(np.float64)
        if k < n - 1:
            h = np.maximum(h, 0) if act == "relu" else np.tanh(h)
    if linear_out:
        return h
    e = np.exp(h - h.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("kind", ["L2", "L1"])
def test_a_penalty_chosen_in_the_dock_gives_the_losses_of_a_script(qtbot, dock, kind):
    f, m = dock.data_form, dock.model_form
    _type(qtbot, f.size, "200")
    _type(qtbot, m.hidden, "8,8")
    _choose(qtbot, m.penalty.kind, kind)
    _type(qtbot, m.penalty.rate, "0.01")
    _type(qtbot, m.epochs, "3")
    _click(qtbot, dock.controls.train)
    _wait_idle(qtbot, dock)
    assert f"+ {kind} 0.01 penalty" in dock.curves.loss_plot.titleLabel.text

    reg = regularizers.l2(0.01) if kind == "L2" else regularizers.l1(0.01)
    script = Sequential([Dense(8, activation="relu", input_shape=(2,), kernel_regularizer=reg),
                         Dense(8, activation="relu", kernel_regularizer=reg),
                         Dense(2, activation="softmax", kernel_regularizer=reg)], seed=0)
    script.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                   metrics=["accuracy"])
    script.optimizer.learning_rate = m.lr.value()
    h = script.fit(dock.x_train, dock.y_train, epochs=3, batch_size=32,
                   validation_data=(dock.x_val, dock.y_val), verbose=0)
    steps = h.step_log.count
    got = dock.curves.run.loss.data
    assert len(got) == steps
    assert np.allclose(got, h.step_log.loss[:steps], rtol=1e-5, atol=1e-7)
    val = [logs["val_loss"] for _e, _s, logs in dock.curves.run.epochs]
    assert np.allclose(val, h.history["val_loss"], rtol=1e-5)
    # as Keras counts it: the validation loss is the cross-entropy plus the penalty
    weights = dock.model.get_weights()
    probs = _mlp(dock.x_val, weights, "relu")
    ce = -np.mean(np.log(probs[np.arange(len(probs)), dock.y_val]))
    kernels = weights[0::2]
    penalty = 0.01 * sum(float((w.astype(np.float64) ** 2).sum()) if kind == "L2" else
                         float(np.abs(w.astype(np.float64)).sum()) for w in kernels)
    assert penalty > 0.01 and np.isclose(val[-1], ce + penalty, rtol=1e-4)


@pytest.mark.parametrize("kind,hidden,act,lr,epochs", [
    ("plane (regression)", "8", "tanh", 0.01, 30),
    ("multi gaussian (regression)", "32,32,32", "relu", 0.005, 150)])
def test_regression_trains_to_a_low_mse_and_the_heatmap_is_the_models_output(
        qtbot, dock, kind, hidden, act, lr, epochs):
    f, m = dock.data_form, dock.model_form
    _choose(qtbot, f.kind, kind)
    _type(qtbot, f.noise, "0")
    _type(qtbot, f.size, "500")
    _type(qtbot, m.hidden, hidden)
    _choose(qtbot, m.activation, act)
    _type(qtbot, m.lr, str(lr))
    _type(qtbot, m.batch, "16")
    _type(qtbot, m.epochs, str(epochs))
    assert "(None, 1)" in dock.summary.toPlainText()            # one linear output
    _click(qtbot, dock.controls.train)
    _wait_idle(qtbot, dock, 60_000)
    assert dock.model.loss == "mse" and dock.y_train.dtype == np.float32
    weights = dock.model.get_weights()
    pred = _mlp(dock.x_val, weights, act, linear_out=True)[:, 0]
    mse = float(np.mean((pred - dock.y_val) ** 2))
    assert mse < 0.1 * float(np.var(dock.y_val)), (mse, np.var(dock.y_val))
    assert "MSE" in dock.curves.loss_plot.titleLabel.text
    assert "regression: MSE" in dock.confusion.caption.text()
    assert dock.confusion.matrix is None

    view = dock.boundary
    xmin, xmax, ymin, ymax = view.bounds
    n = view.outputs.shape[0]
    gx, gy = np.linspace(xmin, xmax, n), np.linspace(ymin, ymax, n)
    grid = np.array([[a, b] for a in gx for b in gy], np.float32)
    want = _mlp(grid, weights, act, linear_out=True).reshape(n, n)
    assert np.allclose(view.outputs[..., 0], want, rtol=1e-3, atol=1e-4)
    hi, lo = np.unravel_index(want.argmax(), want.shape), np.unravel_index(want.argmin(),
                                                                          want.shape)
    r, _g, b = view.rgb[hi].astype(int)
    assert b > r + 40                                    # most positive: blue
    r, _g, b = view.rgb[lo].astype(int)
    assert r > b + 40                                    # most negative: orange


def test_data_controls_change_the_data_at_once(qtbot, dock):
    f, m, view = dock.data_form, dock.model_form, dock.boundary
    before = _shown_points(view)
    assert len(before) + len(_shown_points(view, test=True)) == 600
    _type(qtbot, f.noise, "0.4")
    after = _shown_points(view)
    assert after.shape == before.shape and not np.allclose(after, before)
    _click(qtbot, f.plane.regen)
    again = _shown_points(view)
    assert f.plane_seed == 1 and not np.allclose(again, after)

    _type(qtbot, m.val_split, "0.5")                   # half the points are test points
    assert len(_shown_points(view)) == 300 and len(_shown_points(view, test=True)) == 300
    assert not any(item.isVisible() for item in view.test_scatters)
    _click(qtbot, f.plane.show_test)
    assert all(item.isVisible() for item in view.test_scatters)

    _click(qtbot, dock.controls.step)
    qtbot.waitUntil(lambda: dock.state == PAUSED and view.rgb is not None, timeout=10_000)
    smooth = view.rgb.copy()
    _click(qtbot, f.plane.discretize)
    colours = np.unique(view.rgb.reshape(-1, 3), axis=0)
    assert len(colours) == 2 and len(np.unique(smooth.reshape(-1, 3), axis=0)) > 2
    _click(qtbot, dock.controls.stop)
    _wait_idle(qtbot, dock)

    _type(qtbot, m.epochs, "500")                       # a change while training: starts over
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.state == RUNNING and dock.last_step > 5, timeout=10_000)
    _type(qtbot, m.batch, "64")
    qtbot.waitUntil(lambda: dock.settings.batch_size == 64 and dock.state == RUNNING,
                    timeout=10_000)
    assert any("starts over" in text for text in dock.messages)
    old = dock.data
    _type(qtbot, f.noise, "0.2")                        # the data too
    qtbot.waitUntil(lambda: dock.data is not old and dock.state == RUNNING, timeout=10_000)
    assert not np.allclose(dock.data.points, old.points)
    dock.stop()
    _wait_idle(qtbot, dock)


def _viewport_pos(view, x: float, y: float):
    vb = view.plot.getPlotItem().getViewBox()
    scene = vb.mapViewToScene(QPointF(x, y))
    return view.plot.mapFromScene(scene)


def test_painting_adds_points_of_the_chosen_class_where_clicked_and_erase_removes(qtbot, dock):
    view, f = dock.boundary, dock.data_form
    bar = view.paint_bar
    start = len(f.plane_points()[0])
    _click(qtbot, bar.buttons["add"])
    _choose(qtbot, bar.label, "class 1")
    port = view.plot.viewport()
    QTest.mouseClick(port, Qt.LeftButton, pos=_viewport_pos(view, 1.5, -2.0))
    pts, y = f.plane_points()
    assert len(pts) == start + 1 and y[-1] == 1
    (x0, x1), _ = view.plot.getPlotItem().getViewBox().viewRange()
    pixel = (x1 - x0) / port.width()
    assert np.hypot(pts[-1, 0] - 1.5, pts[-1, 1] + 2.0) < 2 * pixel
    shown = np.concatenate([_shown_points(view), _shown_points(view, test=True)])
    assert np.min(np.hypot(*(shown - pts[-1]).T)) < 1e-5                  # drawn at once

    _choose(qtbot, bar.label, "class 0")                        # spray: drag
    QTest.mousePress(port, Qt.LeftButton, pos=_viewport_pos(view, -3.0, 3.0))
    for t in np.linspace(0, 1, 6)[1:]:
        QTest.mouseMove(port, _viewport_pos(view, -3.0 + 2 * t, 3.0))
    QTest.mouseRelease(port, Qt.LeftButton, pos=_viewport_pos(view, -1.0, 3.0))
    pts2, y2 = f.plane_points()
    new = pts2[start + 1:]
    assert len(new) > 5 and (y2[start + 1:] == 0).all()
    assert (np.abs(new[:, 1] - 3.0) < 1.0).all() and (new[:, 0] > -4).all()

    _click(qtbot, bar.buttons["erase"])                         # erase the clicked point
    QTest.mouseClick(port, Qt.LeftButton, pos=_viewport_pos(view, 1.5, -2.0))
    pts3, _ = f.plane_points()
    assert len(pts3) < len(pts2)
    assert np.min(np.hypot(pts3[:, 0] - 1.5, pts3[:, 1] + 2.0)) > 0.1
    _click(qtbot, bar.clear_button)
    assert len(f.plane_points()[0]) == 0 and len(_shown_points(view)) == 0


def test_a_bad_csv_file_goes_to_the_message_bar_and_a_good_one_is_drawn(qtbot, win, tmp_path):
    from ui.train import install
    win.show_workspace("train")
    dock = install(win)
    bad = tmp_path / "broken.csv"
    bad.write_text("a,b,label\n0,1,0\n1,zero,1\n", encoding="utf-8")
    _choose(qtbot, dock.data_form.kind, "CSV file…", typed="CSV")
    _type(qtbot, dock.data_form.path, str(bad))
    qtbot.waitUntil(lambda: dock.feedback.bar is not None and dock.feedback.bar.isVisible(),
                    timeout=5000)
    text = dock.feedback.bar.text()
    assert "broken.csv" in text and "line 3" in text and "'zero'" in text
    good = tmp_path / "points.csv"
    good.write_text("a,b,label\n0,1,0\n1,0,1\n2,2,0\n-1,3,1\n", encoding="utf-8")
    _type(qtbot, dock.data_form.path, str(good))
    assert not dock.feedback.bar.isVisible()
    shown = np.concatenate([_shown_points(dock.boundary), _shown_points(dock.boundary, True)])
    assert len(shown) == 4 and _first_layer_params(dock) == 2 * 16 + 16
    dock.shutdown()


def test_ridge_plots_have_a_row_per_layer_update_during_a_run_and_show_vanishing_gradients(
        qtbot, dock):
    m, view = dock.model_form, dock.histograms
    _type(qtbot, m.hidden, "8,8,8,8,8")
    _choose(qtbot, m.activation, "sigmoid")
    _type(qtbot, m.epochs, "20000")                       # longer than the test: it stops it
    bar = dock.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(dock.tabs.indexOf(view)).center())
    assert dock.tabs.currentWidget() is view
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: len(view.rows) == 6 and view.updates >= 2, timeout=15_000)
    seen = view.updates
    caption = view.caption.text()
    qtbot.waitUntil(lambda: view.updates > seen + 2 and view.caption.text() != caption,
                    timeout=15_000)
    assert dock.state == RUNNING                          # they move while it trains
    _click(qtbot, dock.controls.stop)
    _wait_idle(qtbot, dock)
    log = view.log
    assert len(view.rows) == len(dock.model.dense_layers) == 6
    assert log.steps[-1] == dock.last_step                # the last sample: the last step
    w0 = dock.model.get_weights()[0]
    counts, _ = np.histogram(w0.astype(np.float64), bins=24,
                             range=(float(w0.min()), float(w0.max())))
    assert log.samples[-1][0]["w"] == counts.tolist()
    # vanishing gradients: at the start the first layer's are decades smaller than the last's
    centres = np.linspace(-10, 2, 25)[:-1] + 0.25

    def typical(layer: dict) -> float:
        g = np.asarray(layer["g"], float)
        return float((g * centres).sum() / g.sum())

    assert log.steps[0] < 50
    first, last = log.samples[0][0], log.samples[0][-1]
    assert typical(first) < typical(last) - 2.0
    view.show_at(log.steps[0])                            # as it was at the first sample
    assert f"to step {log.steps[0] + 1}" in view.caption.text()


def test_ridge_plots_of_a_run_trained_behind_another_tab_show_when_their_tab_is_clicked(
        qtbot, dock):
    """The rows are made when the tab is first shown (not while Train is pressed): a run
    trained with the boundary in front still shows all its layers and its last step after."""
    m, view = dock.model_form, dock.histograms
    _type(qtbot, m.hidden, "8,8")
    _type(qtbot, m.epochs, "3")
    assert dock.tabs.currentWidget() is not view
    _click(qtbot, dock.controls.train)
    _wait_idle(qtbot, dock)
    bar = dock.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(dock.tabs.indexOf(view)).center())
    assert dock.tabs.currentWidget() is view
    qtbot.waitUntil(lambda: len(view.rows) == 3, timeout=5_000)
    assert f"to step {dock.last_step + 1} " in view.caption.text()
