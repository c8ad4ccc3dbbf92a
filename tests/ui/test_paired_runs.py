"""Paired runs, chosen from the Compare… menu with the keyboard: both runs share the seed and the
data and differ only in the chosen setting (each trains exactly as a script of its own settings
would), they come in lock-step at every update, and time travel moves both."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from graphviz_nn.nn import regularizers, wire
from ui.train.boundary import BoundaryView
from ui.train.model_form import build_model
from ui.train.pairs import CHOICES


@pytest.fixture
def window(train_window):
    """conftest's Train window (full speed, 1440×900), runs of 3 epochs."""
    train_window.training_dock.model_form.epochs.setValue(3)
    return train_window


def _compare(qtbot, dock, key) -> list:
    """Click Compare…, go down the menu to ``key`` and press Enter; returns the list the
    run's progress updates will be recorded in."""
    index = [k for k, _t, _v in CHOICES].index(key)

    def choose():
        menu = QApplication.activePopupWidget()
        assert menu is dock.pairs.menu
        for _ in range(index + 1):
            QTest.keyClick(menu, Qt.Key_Down)
        QTest.keyClick(menu, Qt.Key_Return)

    QTimer.singleShot(300, choose)
    button = dock.time_bar.compare
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dock.pairs.active and dock.worker is not None, timeout=5000)
    updates = []
    dock.worker.progress.connect(lambda up: updates.append(
        (up.steps.copy(), None if up.b is None else up.b.steps.copy())))
    return updates


def _spec(model) -> dict:
    spec = wire.model_state(model)[0]
    spec.pop("rng")                    # the generators: compared by the losses instead
    return spec


@pytest.mark.parametrize("key", [k for k, _t, _v in CHOICES])
def test_a_pair_shares_seed_and_data_and_differs_in_one_setting(qtbot, window, key):
    dock = window.training_dock
    updates = _compare(qtbot, dock, key)
    a0, b0 = dock.travel.record, dock.pairs.record
    assert dock.worker.fit_kwargs["x"] is dock.x_train is a0.data[0] is b0.data[0]
    assert dock.worker.fit_kwargs["validation_data"][0] is dock.x_val is b0.data[2]
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=30_000)
    qtbot.wait(100)

    assert updates and all(b is not None and np.array_equal(a, b) for a, b in updates)
    a, b = dock.model, dock.pairs.model_b
    assert len(dock.curves.run.steps) == len(dock.pairs.line.data.steps) == dock.last_step + 1
    for wa, wb in zip(a0.at(0)[1], b0.at(0)[1], strict=True):
        assert np.array_equal(wa, wb)                      # the same initial weights
    sa, sb = _spec(a), _spec(b)
    value_a, value_b = next(v for k, _t, v in CHOICES if k == key)
    if key == "optimizer":
        assert (sa["optimizer"]["name"], sb["optimizer"]["name"]) == ("SGD", "Adam")
        assert sa["optimizer"]["learning_rate"] == sb["optimizer"]["learning_rate"]
        sa.pop("optimizer"), sb.pop("optimizer"), sa.pop("slot_keys"), sb.pop("slot_keys")
    elif key == "activation":
        assert [ls["activation"] for ls in sa["layers"]] == ["relu", "relu", "softmax"]
        assert [ls["activation"] for ls in sb["layers"]] == ["sigmoid", "sigmoid", "softmax"]
        for ls in sa["layers"][:-1] + sb["layers"][:-1]:
            ls.pop("activation")
    elif key == "dropout":
        assert [ls.get("rate") for ls in sb["layers"] if ls["kind"] == "Dropout"] == [0.3, 0.3]
        assert not [ls for ls in sa["layers"] if ls["kind"] == "Dropout"]
        sb["layers"] = [ls for ls in sb["layers"] if ls["kind"] == "Dense"]
    else:
        assert all(ls["kernel_regularizer"] is None for ls in sa["layers"])
        assert all(ls["kernel_regularizer"] == regularizers.l2(0.01).get_config()
                   for ls in sb["layers"])
        for ls in sa["layers"] + sb["layers"]:
            ls.pop("kernel_regularizer")
    assert sa == sb                                        # nothing else differs
    if key != "l2":                                        # each side as a script of its own
        for side, value, model in ((dock.curves.run, value_a, a),
                                   (dock.pairs.line.data, value_b, b)):
            s = dataclasses.replace(dock.settings, **{key: value})
            if key == "activation":                        # one per hidden layer
                s = dataclasses.replace(s, activations=[value] * len(s.hidden))
            script = build_model(s, 2, dock.data.classes)
            script.fit(dock.x_train, dock.y_train, epochs=3, batch_size=s.batch_size,
                       verbose=0, validation_data=(dock.x_val, dock.y_val))
            assert np.array_equal(side.loss.data, script.history.step_log.loss)
            for w1, w2 in zip(model.get_weights(), script.get_weights(), strict=True):
                assert np.array_equal(w1, w2)


def test_time_travel_moves_both_sides_of_a_pair(qtbot, window):
    dock = window.training_dock
    _compare(qtbot, dock, "activation")
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=30_000)
    qtbot.wait(100)
    view = dock.pairs.view
    assert dock.tabs.currentWidget() is view
    assert view.titles[0].text() == "A: ReLU" and view.titles[1].text() == "B: sigmoid"
    bar = dock.time_bar
    bar.slider.setFocus()
    QTest.keyClick(bar.slider, Qt.Key_Home)
    for _ in range(3):
        QTest.keyClick(bar.slider, Qt.Key_Right)
    k = dock.travel.viewing
    assert k == dock.travel.record.saved_steps()[3]
    for side, rec in ((view.a, dock.travel.record), (view.b, dock.pairs.record)):
        fresh = BoundaryView()
        fresh.set_data(dock.p_train, dock.y_train, dock.data.classes,
                       features=dock.data.features, frame=dock.boundary.bounds)
        fresh.update_weights(rec.at(k)[1], rec.predictor)
        assert np.array_equal(side.rgb, fresh.rgb)
    assert not bar.branch.isEnabled()                     # a pair does not branch


def test_both_sides_are_drawn_and_named_on_the_curves_and_b_over_the_same_plane(qtbot, window):
    """What a learner sees of a pair: A's and B's curves on the plots, each named in the
    legend, and B's boundary over the same plane as A's."""
    dock = window.training_dock
    _compare(qtbot, dock, "optimizer")
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=30_000)
    line, labels = dock.pairs.line, dock.pairs.labels
    assert line in dock.curves.lines
    assert line.loss in dock.curves.loss_plot.listDataItems()
    assert len(line.loss.getData()[0]) > 0                  # B's loss is drawn
    texts = dock.curves.legend.texts()
    assert any(labels[0] in t for t in texts) and any(labels[1] in t for t in texts)
    assert dock.pairs.view.b.bounds == dock.boundary.bounds and dock.pairs.view.b.outputs is not None
