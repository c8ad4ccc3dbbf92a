"""The network diagram in the Train workspace: legible up to 8 hidden layers of 16 units at
1280×720 and 1440×900, refreshed live by a real run, showing the gradient of the step its
weights came from, and selecting a unit's nodes on the canvas."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest

from ui.train import install
from ui.train.boundary import class_colors
from ui.train.model_form import build_model
from ui.train.network_view import NetSpec

MIN_SIDE = 12.0      # px: a unit's map still shows its shape


@pytest.fixture
def window(qtbot):
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    yield w
    if getattr(w, "training_dock", None) is not None:
        w.training_dock.shutdown()


def _train_workspace(qtbot, w, size):
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.show_workspace("train")
    QTest.qWait(50)
    return install(w)


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900)])
def test_eight_hidden_layers_of_sixteen_units_stay_legible(qtbot, window, size):
    dock = _train_workspace(qtbot, window, size)
    view = dock.network
    assert view.isVisible()
    sizes = [2] + [16] * 8 + [2]
    view.set_model(NetSpec(sizes, ["tanh"] * 8 + ["softmax"], (-1, 1, -1, 1),
                           class_colors=class_colors(2)))
    rng = np.random.default_rng(0)
    view.show_weights([rng.normal(size=s).astype(np.float32)
                       for a, b in zip(sizes, sizes[1:], strict=False) for s in ((a, b), (b,))])
    rects = [view.unit_rect(i, k) for i, n in enumerate(sizes) for k in range(n)]
    inside = QRectF(view.rect())
    assert all(inside.contains(r) for r in rects)
    assert min(r.width() for r in rects) >= MIN_SIDE, (view.size(), view.layout.side)
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b)
    # and every layer's title is there, above its layer and clear of its units
    for i in range(len(sizes)):
        title = QRectF(*view.layout.titles[i])
        assert inside.contains(title) and not any(title.intersects(r) for r in rects)


def _hover(view, pos) -> None:
    """Move the mouse over ``pos`` of ``view`` through its window."""
    top = view.window()
    QTest.mouseMove(top.windowHandle(), view.mapTo(top, pos))


def _quick_spiral(dock, epochs, hidden="8,8", optimizer="Adam", lr=None, batch=None):
    f, m = dock.data_form, dock.model_form
    f.kind.setCurrentText("spiral")
    f.size.setValue(200)
    m.hidden.setText(hidden)
    m.activation.setCurrentText("tanh")
    m.optimizer.setCurrentText(optimizer)
    if lr is not None:
        m.lr.setValue(lr)
    if batch is not None:
        m.batch.setValue(batch)
    m.epochs.setValue(epochs)
    m.show_on_canvas.setChecked(True)


def test_the_diagram_follows_a_real_run_and_ends_on_the_models_weights(qtbot, window):
    dock = _train_workspace(qtbot, window, (1440, 900))
    view = dock.network
    _quick_spiral(dock, epochs=400)
    dock.train()
    qtbot.waitUntil(lambda: view.spec is not None and view.spec.sizes == [2, 8, 8, 2])
    seen = []            # the weights each refresh drew while the run went on
    qtbot.waitUntil(lambda: dock.last_step > 0, timeout=20_000)
    for _ in range(3):
        before = view.refreshes
        qtbot.waitUntil(lambda b=before: view.refreshes > b, timeout=10_000)
        if dock.state == "running":
            seen.append([w.copy() for w in view.weights])
    assert len(seen) >= 2 and not np.array_equal(seen[0][0], seen[-1][0])   # it moved
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=60_000)
    qtbot.wait(300)
    for drawn, final in zip(view.weights, dock.model.get_weights(), strict=True):
        np.testing.assert_array_equal(drawn, final)           # the last picture is the model
    hidden = view.values[1]
    x = np.column_stack([view.values[0][0].ravel(), view.values[0][1].ravel()])
    w1, b1 = dock.model.get_weights()[:2]
    np.testing.assert_allclose(hidden.reshape(8, -1).T, np.tanh(x @ w1 + b1), atol=1e-5)


@pytest.mark.parametrize("where", ["process", "thread"])
def test_a_steps_gradient_is_the_one_its_update_used(qtbot, window, monkeypatch, where):
    """One step of plain SGD on the whole training set: the gradient the diagram shows for
    each weight is (weight before - weight after) / learning rate, whether the trainer process
    trained it or (when that process cannot start) a thread of the window."""
    if where == "thread":
        monkeypatch.setattr("ui.train.launch.can_train_in_process", lambda _model: False)
    dock = _train_workspace(qtbot, window, (1440, 900))
    lr = 0.5
    _quick_spiral(dock, epochs=5, optimizer="SGD", lr=lr, batch=256)
    dock.step_one_batch()
    qtbot.waitUntil(lambda: dock.worker is not None and dock.worker.is_paused(), timeout=20_000)
    qtbot.waitUntil(lambda: dock.network.grads is not None, timeout=5000)
    after = dock.model.get_weights()
    fresh = build_model(dock.model_form.settings(), 2, 2).get_weights()
    view = dock.network
    for g, w0, w1 in zip(view.grads, fresh, after, strict=True):
        np.testing.assert_allclose(g, (w0 - w1) / lr, rtol=1e-3, atol=1e-6)
    # and hovering an edge says it
    k, a, b = 2, 3, 5
    for kk, ia, ib, x0, y0, x1, y1 in view._edges.pairs:
        if kk == k:
            j = int(np.flatnonzero((ia == a) & (ib == b))[0])
            mid = ((x0[j] + x1[j]) / 2, (y0[j] + y1[j]) / 2)
    edge = view.edge_at(QRectF(mid[0], mid[1], 0, 0).topLeft())
    assert edge is not None
    _hover(view, view.rect().topLeft())
    _hover(view, QRectF(mid[0], mid[1], 0, 0).topLeft().toPoint())
    k, a, b = edge
    assert f"{float(view.grads[2 * (k - 1)][a, b]):.4g}" in view.hover_text
    assert f"{float(after[2 * (k - 1)][a, b]):.4g}" in view.hover_text
    dock.stop()


def test_training_the_canvas_graph_says_why_there_is_no_diagram(qtbot, window):
    dock = _train_workspace(qtbot, window, (1280, 720))
    window.load_example("spiral")
    dock.model_form.source.setCurrentIndex(1)               # "graph on the canvas"
    qtbot.waitUntil(lambda: "canvas" in dock.network.note, timeout=3000)    # before Train
    dock.model_form.epochs.setValue(2)
    QTest.mouseClick(dock.controls.train, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.state == "idle" and dock.last_step > 0, timeout=30_000)
    view = dock.network
    assert view.spec is None and "not made of Dense layers" in view.note
    img = view.grab().toImage()             # the note is painted: dark text on the base colour
    base = view.palette().base().color()
    assert any(img.pixelColor(x, y) != base for x in range(0, img.width(), 3)
               for y in range(img.height() // 3, 2 * img.height() // 3, 3))


def test_clicking_a_unit_selects_its_layer_on_the_canvas(qtbot, window):
    dock = _train_workspace(qtbot, window, (1440, 900))
    _quick_spiral(dock, epochs=3)
    dock.train()
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=60_000)
    qtbot.waitUntil(lambda: window.controller.graph is dock.model.graph, timeout=5000)
    view = dock.network
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.unit_rect(2, 4).center().toPoint())
    graph = window.controller.graph
    selected = set(window.scene.selected_ids())
    tag = graph.layer_tags["dense_2"]         # W2, b2, m2, z2, a2 (or the layer's box)
    assert selected and selected <= set(tag.node_ids)
    assert "column 4 of W2" in window.statusBar().currentMessage()
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.unit_rect(0, 1).center().toPoint())
    assert set(window.scene.selected_ids()) == {graph["x"].id}


def test_before_any_run_the_diagram_follows_the_settings(qtbot):
    from ui.train.dock import TrainingDock

    dock = TrainingDock()
    qtbot.addWidget(dock)
    dock.show()
    dock.data_form.kind.setCurrentText("moons")
    dock.model_form.hidden.setText("4,5")
    qtbot.waitUntil(lambda: dock.network.spec is not None
                    and dock.network.spec.sizes == [2, 4, 5, 2], timeout=5000)
    assert dock.network.values is not None and len(dock.network.values[2]) == 5
    dock.data_form.kind.setCurrentText("digits")            # not 2-D: nothing loads early
    qtbot.waitUntil(lambda: dock.network.spec is None, timeout=5000)
