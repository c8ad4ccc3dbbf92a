"""Time travel in the Train workspace, driven with the keys and the mouse: scrubbing to step k
shows the weights saved at k in every view (and those are the weights a script has after k
steps); Live comes back; a branch trains exactly as a script restarted from those weights."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from graphviz_nn.nn import Callback
from ui.train.boundary import BoundaryView
from ui.train.model_form import build_model


@pytest.fixture
def window(train_window):
    """conftest's Train window (full speed, 1440×900), runs of 12 epochs."""
    train_window.training_dock.model_form.epochs.setValue(12)
    return train_window


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def _train_to_end(qtbot, dock) -> None:
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=30_000)
    qtbot.wait(100)


def _boundary_of(dock, weights) -> np.ndarray:
    view = BoundaryView()
    view.set_data(dock.x_train, dock.y_train, dock.data.classes, frame=dock.boundary.bounds)
    view.update_weights(weights, dock.predictor)
    return view.rgb


def _matrix_of(dock, weights) -> np.ndarray:
    h = dock.x_val.astype(np.float64)
    n = len(weights) // 2
    for k in range(n):
        h = h @ weights[2 * k].astype(np.float64) + weights[2 * k + 1]
        if k < n - 1:
            h = np.maximum(h, 0)
    k = dock.data.classes
    want = np.zeros((k, k), np.int64)
    np.add.at(want, (dock.y_val, h.argmax(axis=1)), 1)
    return want


class _StopAt(Callback):
    def __init__(self, k):
        self.k = k

    def on_batch_end(self, step, logs=None):
        if step + 1 == self.k:
            self.model.stop_training = True


def _script_weights_after(dock, k):
    """The weights a script's model of the run's settings has after k steps."""
    model = build_model(dock.travel.record.settings, 2, dock.data.classes)
    if k:
        model.fit(dock.x_train, dock.y_train, epochs=100, batch_size=dock.settings.batch_size,
                  verbose=0, validation_data=(dock.x_val, dock.y_val), callbacks=[_StopAt(k)])
    return model.get_weights()


def _check_views_at(window, dock, k) -> None:
    saved, weights, grads = dock.travel.record.at(k)
    assert saved == k and dock.travel.viewing == k
    flow = dock.gradflow                                  # the gradient flow: a line at k and
    assert flow.cursor.isVisible() and flow.cursor.value() == k     # the norms of step k
    if k:
        norms = ", ".join(f"{np.linalg.norm(g):.3g}" for g in grads[0::2])
        assert f"At step {k:,}: ‖dW‖ per layer {norms}." == flow.summary.text()
    assert np.array_equal(dock.boundary.rgb, _boundary_of(dock, weights))
    assert np.array_equal(dock.confusion.matrix, _matrix_of(dock, weights))
    assert f"at step {k:,}" in dock.confusion.caption.text()
    net = dock.network                                    # the diagram: its maps and edges are
    for a, b in zip(net.weights, weights, strict=True):   # of step k's weights, its edges'
        assert np.array_equal(a, b)                       # gradients of step k's gradients
    assert (net.grads is None) == (grads is None)
    for a, b in zip(net.grads or (), grads or (), strict=True):
        assert np.array_equal(a, b)
    g = window.controller.graph                           # the canvas: its weights and values
    assert g is dock.model.graph
    for name, w in zip(("W1", "b1", "W2", "b2"), weights, strict=False):
        assert np.array_equal(g[name].value, w)
    assert np.array_equal(window.scene.node_item(g["W1"].id).value, weights[0])
    assert np.isclose(float(g["loss"].value), _loss(g, weights), rtol=1e-4), \
        "the canvas's values are not traced again with the weights of step k"
    assert f"step {k:,} of" in dock.time_bar.label.text()
    hist = dock.histograms                                # the ridges: samples up to step k
    dock.tabs.setCurrentWidget(hist)
    shown = [hist.log.steps[i] for i in hist.log.chosen(hist.at_step)]
    assert hist.at_step == k - 1 and all(s <= k - 1 for s in shown)
    if shown:
        assert f"to step {shown[-1] + 1} (bottom)" in hist.caption.text()


def test_scrubbing_shows_the_weights_saved_at_that_step_in_every_view(qtbot, window):
    dock = window.training_dock
    _train_to_end(qtbot, dock)
    final = dock.model.get_weights()
    rec, bar = dock.travel.record, dock.time_bar
    n = dock.last_step + 1
    assert rec.last_step == n and rec.saved_steps()[0] == 0
    assert bar.label.text() == f"live: step {n:,}" and not bar.line.isVisible()

    bar.slider.setFocus()
    QTest.keyClick(bar.slider, Qt.Key_Home)                 # back to the start
    _check_views_at(window, dock, 0)
    for _ in range(5):
        QTest.keyClick(bar.slider, Qt.Key_Right)            # five kept snapshots on
    k = rec.saved_steps()[5]
    _check_views_at(window, dock, k)
    for a, b in zip(rec.at(k)[1], _script_weights_after(dock, k), strict=True):
        assert np.array_equal(a, b)                        # the weights the run had at k
    assert bar.line.isVisible() and bar.line.value() == k

    plot = dock.curves.loss_plot                            # drag the line on the loss curve
    view = dock.curves.plots
    start = view.mapFromScene(plot.vb.mapViewToScene(_pt(k, plot)))
    goal = view.mapFromScene(plot.vb.mapViewToScene(_pt(n * 0.6, plot)))
    _drag(qtbot, view.viewport(), start, goal)
    k2 = dock.travel.viewing
    assert k2 is not None and abs(k2 - n * 0.6) <= n * 0.05 and k2 in rec.saved_steps()
    _check_views_at(window, dock, k2)

    _click(qtbot, bar.live)                                 # Live: the final weights again
    qtbot.wait(300)
    assert dock.travel.viewing is None and not bar.line.isVisible()
    assert not dock.gradflow.cursor.isVisible() and dock.histograms.at_step is None
    for a, b in zip(dock.model.get_weights(), final, strict=True):
        assert np.array_equal(a, b)
    assert np.array_equal(dock.boundary.rgb, _boundary_of(dock, final))
    assert np.array_equal(window.controller.graph["W1"].value, final[0])


def _loss(g, weights) -> float:
    """The canvas's batch (its x and y) through the weights, written out: mean cross-entropy."""
    h = np.asarray(g["x"].value, np.float64)
    n = len(weights) // 2
    for k in range(n):
        h = h @ weights[2 * k].astype(np.float64) + weights[2 * k + 1]
        if k < n - 1:
            h = np.maximum(h, 0)
    h -= h.max(axis=1, keepdims=True)
    logp = h - np.log(np.exp(h).sum(axis=1, keepdims=True))
    y = np.asarray(g["y"].value).astype(int).reshape(-1)
    return float(-logp[np.arange(len(y)), y].mean())


def _pt(step, plot):
    from PySide6.QtCore import QPointF
    lo, hi = plot.vb.viewRange()[1]
    return QPointF(float(step), (lo + hi) / 2)


def _drag(qtbot, widget, start, goal) -> None:
    QTest.mousePress(widget, Qt.LeftButton, Qt.NoModifier, start)
    steps = 8
    for i in range(1, steps + 1):
        p = start + (goal - start) * i / steps
        QTest.mouseMove(widget, QPoint(int(p.x()), int(p.y())))
        qtbot.wait(10)
    QTest.mouseRelease(widget, Qt.LeftButton, Qt.NoModifier, goal)


def test_a_branch_continues_exactly_as_a_run_restarted_from_those_weights(qtbot, window):
    dock = window.training_dock
    _train_to_end(qtbot, dock)
    rec, bar = dock.travel.record, dock.time_bar
    run_steps = len(dock.curves.run.steps)
    bar.slider.setFocus()
    QTest.keyClick(bar.slider, Qt.Key_Home)
    for _ in range(7):
        QTest.keyClick(bar.slider, Qt.Key_Right)
    k = dock.travel.viewing
    assert 0 < k < rec.last_step
    snapshot = [w.copy() for w in rec.at(k)[1]]
    dock.model_form.lr.setValue(0.003)                     # branch with another learning rate
    _click(qtbot, bar.branch)
    assert dock.state == "running"
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=30_000)
    qtbot.wait(100)

    s = dock.settings
    assert s.learning_rate == 0.003 and dock.travel.record.parent is rec
    per_epoch = -(-len(dock.x_train) // s.batch_size)
    script = build_model(s, 2, dock.data.classes)          # the script: same model and seed,
    script.set_weights(snapshot)                           # the weights of step k, and fit
    script.fit(dock.x_train, dock.y_train, epochs=s.epochs - k // per_epoch,
               batch_size=s.batch_size, verbose=0, validation_data=(dock.x_val, dock.y_val))
    line = dock.curves.lines[0]
    branch_loss = line.data.loss.data
    assert np.array_equal(branch_loss, script.history.step_log.loss)
    assert line.data.steps.data[0] == k and len(dock.curves.run.steps) == run_steps
    for a, b in zip(dock.model.get_weights(), script.get_weights(), strict=True):
        assert np.array_equal(a, b)
    assert [logs["val_loss"] for _e, _s, logs in line.data.epochs] == \
        script.history.history["val_loss"]

    # the branch's history goes back through the run's: step 0 is the run's start
    QTest.keyClick(bar.slider, Qt.Key_Home)
    assert dock.travel.viewing == 0
    assert np.array_equal(dock.travel.record.at(0)[1][0], rec.at(0)[1][0])


def test_scrubbing_while_it_trains_pauses_it_and_live_goes_on(qtbot, window):
    dock = window.training_dock
    dock.model_form.epochs.setValue(400)
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.last_step > 300, timeout=20_000)
    bar = dock.time_bar
    bar.slider.setFocus()
    QTest.keyClick(bar.slider, Qt.Key_PageDown)
    assert dock.state == "paused" and dock.worker.is_paused()
    k = dock.travel.viewing
    assert k is not None and k < dock.last_step
    _check_views_at(window, dock, k)
    qtbot.wait(300)                                         # the paused redraw changes nothing
    _check_views_at(window, dock, k)
    steps = dock.last_step
    _click(qtbot, bar.live)
    assert dock.travel.viewing is None and dock.state == "running"
    qtbot.waitUntil(lambda: dock.last_step > steps + 50, timeout=10_000)
    _click(qtbot, dock.controls.stop)
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=10_000)


class _Mnist784:
    """Stands in for a 784-100-10 model in the trainer: weights marked with their step."""

    def __init__(self):
        self.w = [np.zeros(s, np.float32) for s in ((784, 100), (100,), (100, 10), (10,))]

    def count_params(self):
        return sum(w.size for w in self.w)

    def get_weights(self):
        return [w.copy() for w in self.w]


def test_what_a_784_100_10_run_of_20_epochs_keeps_stays_under_50_mb():
    """The trainer's tap and the window's record, fed as a real run's messages feed them:
    60,000 samples in batches of 32 for 20 epochs, a message every 50 steps."""
    from graphviz_nn.nn.lockstep import HistoryTap, split_flat
    from ui.train.run_record import RunRecord

    model = _Mnist784()
    rec = RunRecord("mnist", None, None, (), grads=RunRecord.wants_grads(model))
    assert not rec.grads                       # too big to keep each step's gradients too
    tap = HistoryTap(rec.job_history(0))
    tap.take(model, 0)
    steps, count, peak = 20 * 1875, 0, 0
    while count < steps:
        nxt = min(tap.next_index(count) + 1, steps, (count // 50 + 1) * 50)
        count = nxt
        model.w[0][0, 0] = count
        tap.take(model, count)
        if count % 50 == 0 or count == steps:             # a progress message
            heads, arrays = tap.drain()              # one flat array a snapshot
            snaps = []
            for (step, has_grads), flat in zip(heads, arrays, strict=True):
                assert not has_grads
                weights, _none = split_flat(np.array(flat), tap.shapes, False)   # as sent
                snaps.append((step, weights, None))
            rec.take(snaps)
            rec.set_latest(count, model.get_weights())      # its live snapshot
            peak = max(peak, rec.store.nbytes + sum(w.nbytes for w in rec.store.latest[1]))
    assert peak <= 50 * 2**20
    kept = rec.saved_steps()
    assert len(kept) >= 64 and kept[0] == 0 and kept[-1] == steps
    for k in kept:
        assert rec.at(k)[1][0][0, 0] == k                 # each the weights of its own step


def test_the_bar_holds_still_while_the_run_grows(qtbot, window):
    """Found in the window: the step count's text grew (835 → 1,000) and moved the slider's
    handle away from under the learner's mouse just as they grabbed it."""
    dock = window.training_dock
    dock.model_form.epochs.setValue(80)                  # 1,200 steps
    dock.set_speed(500)
    qtbot.wait(500)                                      # the workspace's docks laid out
    _click(qtbot, dock.controls.train)
    bar = dock.time_bar
    qtbot.waitUntil(lambda: 300 < dock.last_step < 900, timeout=20_000)
    before = bar.slider.geometry()
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=30_000)
    assert bar.label.text() == "live: step 1,200"
    assert bar.slider.geometry() == before


def test_the_graph_on_the_canvas_travels_in_time_too(qtbot, window):
    """A thread run of the canvas's own graph: its snapshots come at the steps the store
    keeps, and scrubbing puts them into the canvas's params."""
    from ui.train.workers import TrainingWorker

    dock = window.training_dock
    window.load_example("spiral")
    dock.model_form.source.setCurrentIndex(1)               # "graph on the canvas"
    dock.data_form.size.setValue(300)
    dock.model_form.epochs.setValue(30)
    dock.model_form.lr.setValue(0.05)
    _click(qtbot, dock.controls.train)
    assert isinstance(dock.worker, TrainingWorker)
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=60_000)
    rec = dock.travel.record
    kept = rec.store.steps
    assert kept[0] == 0 and len(kept) > 20
    assert all(s % rec.store.stride == 0 for s in kept)     # exactly on the stride
    bar = dock.time_bar
    bar.slider.setFocus()
    QTest.keyClick(bar.slider, Qt.Key_Home)
    for _ in range(6):
        QTest.keyClick(bar.slider, Qt.Key_Right)
    k = dock.travel.viewing
    _saved, weights, _grads = rec.at(k)
    g = window.controller.graph
    for p, w in zip(dock.model.params, weights, strict=True):
        assert g[p.name].value is p.value and np.array_equal(p.value, w)
    assert np.array_equal(dock.boundary.rgb, _boundary_of(dock, weights))
