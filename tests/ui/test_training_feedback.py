"""What the training dock tells the learner, driven through the real window: a run that blows up
(NaN, or a diverging loss) pauses with a message bar whose button fixes it; the next run's plot
is scaled to that run; Train does not fill the history; the learning rate stays what the
learner typed; Reset weights clears the header's numbers."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from ui.train.controls import IDLE, PAUSED, RUNNING
from ui.train.inference import predict


@pytest.fixture
def window(train_window):
    """The Train workspace at full speed, with the dock's status lines kept."""
    train_window.statuses = []
    train_window.training_dock.message.connect(train_window.statuses.append)
    return train_window


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def _type(qtbot, field, text: str) -> None:
    """Select what the field holds and type ``text`` over it, then Enter."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


def _choose(qtbot, combo, text: str) -> None:
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 20)   # a new search, not more of the last
    qtbot.keyClicks(combo, text)           # a combo box selects the item typed
    assert combo.currentText() == text


def _bar_button(bar, text: str) -> QPushButton:
    for b in bar.findChildren(QPushButton):
        if b.text() == text and b.isVisible():
            return b
    raise AssertionError(f"no {text!r} button in the message bar: {bar.action_texts()}")


def test_sgd_at_100_on_the_circles_pauses_with_a_message_and_one_click_fixes_it(qtbot, window):
    dock = window.training_dock
    _choose(qtbot, dock.data_form.kind, "circles")
    _choose(qtbot, dock.model_form.optimizer, "SGD")
    _type(qtbot, dock.model_form.lr, "100")
    _type(qtbot, dock.model_form.epochs, "60")
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.state == PAUSED and dock.halt is not None, timeout=20_000)
    bar = dock.feedback.bar
    assert bar is not None and bar.isVisible() and bar.severity == "error"
    text = bar.text()
    assert "diverged" in text and "100" in text and "lower learning rate" in text
    assert dock.halt["why"] == "diverged" and dock.halt["step"] == 1
    assert not any("Training finished" in m for m in window.statuses)
    qtbot.wait(300)                # the canvas traced again at the paused weights
    status = window.statusBar().currentMessage()
    assert "paused" in status and "being trained" not in status, status
    step = dock.last_step

    _click(qtbot, _bar_button(bar, "Lower the learning rate"))
    assert not bar.isVisible()
    assert dock.model_form.lr.value() == pytest.approx(10.0)
    assert dock.state == RUNNING
    qtbot.waitUntil(lambda: dock.state != RUNNING, timeout=30_000)
    # 10 is still too much for plain SGD here: it says so again, at a later step
    if dock.state == PAUSED:
        assert dock.halt["why"] == "diverged" and dock.last_step > step and bar.isVisible()
        step = dock.last_step
        _click(qtbot, _bar_button(bar, "Lower the learning rate"))
        assert dock.model_form.lr.value() == pytest.approx(1.0)
        qtbot.waitUntil(lambda: dock.state == IDLE, timeout=30_000)
    assert dock.halt is None and not bar.isVisible()
    # the header counts to the run's real last step (the halted epoch was run again)
    done, total = re.search(r"step ([\d,]+)/([\d,]+)", dock.controls.info.text()).groups()
    assert done == total and int(done.replace(",", "")) == dock.last_step + 1
    # after the last click the run no longer blows up (how well it learns in the steps that are
    # left depends on where the trainer paused: 10 may bounce, 1 learns; not judged here)
    loss = dock.curves.run.loss.data
    after = loss[step + 1:]
    assert len(after) and np.isfinite(after).all() and after.max() < 100
    top = dock.curves.loss_plot.vb.viewRange()[1][1]        # the recovery is what is seen
    assert top < 100 < loss.max()


def test_a_nan_pauses_with_a_message_and_finite_weights(qtbot, window):
    dock = window.training_dock
    _choose(qtbot, dock.model_form.optimizer, "SGD")
    _type(qtbot, dock.model_form.lr, "1000000")
    _type(qtbot, dock.model_form.epochs, "50")
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.halt is not None, timeout=10_000)
    assert dock.state == PAUSED
    bar = dock.feedback.bar
    assert bar.isVisible() and bar.severity == "error"
    step, node = dock.halt["step"], dock.halt["node"]
    assert f"step {step}" in bar.text() and f"'{node}'" in bar.text()
    assert "last finite values" in bar.text() and "lower learning rate" in bar.text()
    assert all(np.isfinite(w).all() for w in dock.model.get_weights())
    assert len(dock.curves.run.steps) == step               # the steps before it are kept

    _type(qtbot, dock.model_form.lr, "0.05")                  # the learner follows the advice
    _click(qtbot, dock.controls.reset)
    _click(qtbot, dock.controls.pause)                        # Resume
    assert dock.state == RUNNING and not bar.isVisible()
    qtbot.waitUntil(lambda: len(dock.curves.run.steps) > step + 20, timeout=10_000)
    assert dock.curves.run.steps.data[step] == step          # numbering goes on
    assert np.isfinite(dock.curves.run.loss.data[step:]).all()
    _click(qtbot, dock.controls.stop)
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=5000)


def test_after_a_blown_up_run_the_next_runs_loss_axis_is_its_own(qtbot, window):
    dock = window.training_dock
    _choose(qtbot, dock.data_form.kind, "circles")
    _choose(qtbot, dock.model_form.optimizer, "SGD")
    _type(qtbot, dock.model_form.lr, "100")
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.halt is not None, timeout=20_000)
    assert dock.curves.run.loss_max > 1000
    _click(qtbot, dock.controls.stop)
    _choose(qtbot, dock.model_form.optimizer, "Adam")
    _type(qtbot, dock.model_form.lr, "0.01")
    _type(qtbot, dock.model_form.epochs, "20")
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=20_000)
    assert dock.curves.previous is not None and dock.curves.previous.loss_max > 1000
    top = dock.curves.loss_plot.vb.viewRange()[1][1]
    assert dock.curves.run.loss_max < top < 3 * dock.curves.run.loss_max + 0.1


def test_training_again_and_again_leaves_one_history_entry_that_undo_takes_back(qtbot, window):
    dock, c = window.training_dock, window.controller
    learners = c.graph
    depth = c.undo_stack.count()
    _type(qtbot, dock.model_form.epochs, "3")
    for _ in range(3):
        _click(qtbot, dock.controls.train)
        qtbot.waitUntil(lambda: dock.state == IDLE and c.graph is dock.model.graph,
                        timeout=20_000)
    assert c.undo_stack.count() == depth + 1
    assert c.undo_stack.text(depth) == "Show the model being trained"
    shown = c.graph
    window.actions["undo"].trigger()
    assert c.graph is learners                                  # one Undo: the learner's graph
    window.actions["redo"].trigger()
    assert c.graph is shown                                     # Redo: the newest model
    # the graph on the canvas trains in place: nothing for the history (Reset weights undoes it)
    window.load_example("spiral")
    depth = c.undo_stack.count()
    dock.model_form.source.setCurrentIndex(1)
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=30_000)
    assert c.undo_stack.count() == depth


def test_switching_the_optimizer_keeps_the_learning_rate_and_offers_its_usual_one(qtbot, window):
    form = window.training_dock.model_form
    _type(qtbot, form.lr, "0.003")
    _choose(qtbot, form.optimizer, "SGD")
    assert form.lr.value() == pytest.approx(0.003)                # not changed behind their back
    assert form.usual_lr.isVisible() and "0.1" in form.usual_lr.text()
    _click(qtbot, form.usual_lr)
    assert form.lr.value() == pytest.approx(0.1) and not form.usual_lr.isVisible()
    _choose(qtbot, form.optimizer, "Adam")
    assert form.lr.value() == pytest.approx(0.1)
    assert form.usual_lr.isVisible() and "0.01" in form.usual_lr.text()
    assert form.settings().learning_rate == pytest.approx(0.1)


def test_reset_weights_clears_the_headers_epoch_and_loss(qtbot, window):
    dock = window.training_dock
    info = dock.controls.info
    _type(qtbot, dock.model_form.epochs, "5")
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=20_000)
    old_loss = f"{dock.last_loss:.4g}"
    assert "epoch 5/5" in info.text() and old_loss in info.text()
    _click(qtbot, dock.controls.reset)
    assert "epoch" not in info.text() and old_loss not in info.text()
    assert "reset" in info.text() and dock.controls.bar.value() == 0
    fresh = dock.model.get_weights()                              # the matrix is theirs too
    probs = predict(fresh, dock.predictor, dock.x_val)
    want = np.bincount(dock.y_val * 2 + probs.argmax(1), minlength=4).reshape(2, 2)
    assert np.array_equal(dock.confusion.matrix, want)
    assert "fresh weights" in dock.confusion.caption.text()

    _type(qtbot, dock.model_form.epochs, "100000")               # mid-run, paused
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.last_epoch >= 3, timeout=20_000)
    _click(qtbot, dock.controls.pause)
    qtbot.waitUntil(lambda: dock.worker.is_paused(), timeout=5000)
    qtbot.wait(300)
    step, old_loss = dock.last_step, f"loss {dock.last_loss:.4g}"
    assert old_loss in info.text()
    _click(qtbot, dock.controls.reset)
    assert old_loss not in info.text() and "loss –" in info.text()
    assert f"step {step + 1}/" in info.text()                     # the run's count goes on
    qtbot.wait(700)                                               # no late refresh brings it back
    assert old_loss not in info.text()
    _click(qtbot, dock.controls.stop)
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=5000)


FOUR = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


def test_fashion_mnist_without_a_network_names_its_files_and_loads_from_a_chosen_folder(
        qtbot, window, tmp_path, monkeypatch):
    import urllib.request

    from PySide6.QtWidgets import QFileDialog

    from graphviz_nn.datasets.idx import write_idx
    from ui.i18n import app_settings
    from ui.train.data_form import DataForm

    def offline(url, timeout):
        raise OSError("Temporary failure in name resolution")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    monkeypatch.setenv("GRAPHVIZ_NN_CACHE", str(tmp_path / "cache"))
    dock = window.training_dock
    _choose(qtbot, dock.data_form.kind, "Fashion-MNIST")
    _type(qtbot, dock.model_form.epochs, "2")
    _click(qtbot, dock.controls.train)
    qtbot.waitUntil(lambda: dock.feedback.bar is not None and dock.feedback.bar.isVisible(),
                    timeout=10_000)
    bar = dock.feedback.bar
    assert bar.severity == "error" and dock.state == IDLE
    text = bar.text()
    assert all(name in text for name in FOUR), text
    assert "tf-keras-datasets" in text and "Choose folder…" in text
    assert "name resolution" in text

    folder = tmp_path / "fashion"                               # the learner has the files
    folder.mkdir()
    rng = np.random.default_rng(0)
    for part, n in (("train", 50), ("t10k", 10)):
        write_idx(folder / f"{part}-images-idx3-ubyte.gz",
                  rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(folder / f"{part}-labels-idx1-ubyte.gz", (np.arange(n) % 10).astype(np.uint8))
    asked = []

    def pick(parent, caption, start="", *args, **kwargs):
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    _click(qtbot, _bar_button(bar, "Choose folder…"))           # cancelled: the message stays
    assert bar.isVisible() and "Choose folder…" in bar.text()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    _click(qtbot, _bar_button(bar, "Choose folder…"))
    assert asked and not bar.isVisible()
    qtbot.waitUntil(lambda: dock.data is not None and dock.data.name == "fashion_mnist",
                    timeout=20_000)                             # loaded, and the Train goes on
    assert dock.data.x.shape == (50, 784)
    qtbot.waitUntil(lambda: dock.state == IDLE, timeout=20_000)
    assert dock.worker.steps_done > 0
    try:
        assert dock.data_form.path.text() == str(folder)
        again = DataForm()                                      # the next start remembers it
        qtbot.addWidget(again)
        again.kind.setCurrentText("Fashion-MNIST")
        assert again.source.currentIndex() == 1 and again.path.text() == str(folder)
    finally:
        app_settings().remove("datasets")
