"""Keras models in the window: File > Open of a .keras file shows the model as the graph,
ready to step through, and as the training dock's model; File > Save model as .keras and the
model exports take the model the window shows."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from graphviz_nn.export import from_sequential
from graphviz_nn.keras_io import read_keras, write_keras
from graphviz_nn.nn import Dense, Dropout, Sequential
from graphviz_nn.optim import RMSprop


@pytest.fixture
def keras_file(tmp_path):
    model = Sequential([Dense(6, activation="tanh", input_shape=(2,)), Dropout(0.1),
                        Dense(3, activation="softmax")], seed=7)
    model.compile(optimizer=RMSprop(learning_rate=0.003), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    path = tmp_path / "spiral_net.keras"
    write_keras(from_sequential(model), path)
    return path, model


def test_open_a_keras_file_shows_its_model_ready_to_step(win, qtbot, keras_file):
    path, model = keras_file
    assert win.document.open_path(path)
    c = win.controller
    assert c.output.name == "loss"
    assert {"x", "W1", "b1", "W2", "b2", "y", "loss"} <= {n.name for n in c.graph.nodes}
    np.testing.assert_array_equal(c.graph["W1"].value, model.get_weights()[0])
    assert "spiral_net.keras (Keras model)" in win.windowTitle()
    assert win.document.path is None              # Save writes a graph file, not the .keras
    assert str(path.resolve()) in win.document.recent_files()
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Right)
    assert win.code_view.lines()[win.code_view.highlighted_lines()[0]] == "m1 = x @ W1"


def test_the_opened_model_is_the_training_dock_s_model(win, keras_file):
    from ui.train.model_form import make_model

    path, _ = keras_file
    win.document.open_path(path)
    win.show_workspace("train")
    form = win.training_dock.model_form
    assert form.source.currentText() == "opened model: spiral_net.keras"
    assert form.optimizer.currentText() == "RMSprop"
    assert form.lr.value() == pytest.approx(0.003)
    settings = form.settings()
    trained = make_model(settings, 2, 3, "spiral")
    assert trained is win.opened_model and trained.graph is win.controller.graph
    with pytest.raises(ValueError, match="the opened model takes 2 inputs; the digits data "
                                         "have 64 features"):
        make_model(settings, 64, 10, "digits")
    assert settings.layer_activations() == ["tanh", "softmax"]


def test_a_keras_file_opened_before_the_train_workspace_is_offered_there(win, keras_file):
    path, _ = keras_file
    win.document.open_path(path)
    assert getattr(win, "training_dock", None) is None
    win.show_workspace("train")
    assert win.training_dock.model_form.source.currentIndex() == 2


def test_a_broken_keras_file_is_refused_and_the_graph_stays(win, tmp_path):
    bad = tmp_path / "broken.keras"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    names = {n.name for n in win.controller.graph.nodes}
    assert not win.document.open_path(bad)
    assert {n.name for n in win.controller.graph.nodes} == names
    assert "Could not open broken.keras" in win.message_bar.text()
    assert "not a .keras file" in win.message_bar.text()


def test_save_model_as_keras_takes_the_mlp_builder_s_graph(win, tmp_path):
    from ui.build.mlp_builder import MlpSpec, apply_mlp

    apply_mlp(win.controller, MlpSpec(inputs=3, hidden=[5], classes=4))
    g = win.controller.graph
    win.exports.ask_path = lambda *args: str(tmp_path / "built")
    assert win.exports.save_keras()
    spec = read_keras(tmp_path / "built.keras")
    assert [lay.units for lay in spec.dense] == [5, 4]
    np.testing.assert_array_equal(spec.weights[0], g["W1"].value.astype(np.float32))


def test_model_exports_of_the_opened_model_write_script_and_weights(win, keras_file, tmp_path):
    path, _ = keras_file
    win.document.open_path(path)
    written = win.exports.export("torch_model", tmp_path / "train_it.py")
    assert [p.name for p in written] == ["train_it.py", "train_it_weights.pt"]
    text = (tmp_path / "train_it.py").read_text()
    assert "torch.optim.RMSprop(model.parameters(), lr=0.003" in text
    assert "nn.Tanh()" in text and "nn.Dropout(0.1)" in text
    written = win.exports.export("keras_model", tmp_path / "keras_it.py")
    assert [p.name for p in written] == ["keras_it.py", "keras_it_weights.npz"]
    with np.load(tmp_path / "keras_it_weights.npz", allow_pickle=False) as f:
        np.testing.assert_array_equal(f["x"], win.controller.graph["x"].value)


def test_the_training_dock_s_model_is_exported_with_its_data_and_settings(win, tmp_path):
    from ui.train.model_form import TrainSettings

    win.show_workspace("train")
    dock = win.training_dock
    model = Sequential([Dense(4, activation="relu", input_shape=(2,)),
                        Dense(2, activation="softmax")], seed=1)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    x = np.random.default_rng(0).normal(size=(10, 2)).astype(np.float32)
    y = np.arange(10) % 2
    dock.model, dock.x_train, dock.y_train, dock.x_val, dock.y_val = model, x, y, x[:3], y[:3]
    dock.settings = TrainSettings([4], "relu", 0.0, "adam", 0.01, 5, 7, 0.2, 0, True)
    win.controller.replace_graph(model.graph, "model", "loss")
    spec = win.exports.model_spec()
    assert (spec.batch_size, spec.epochs) == (5, 7)
    np.testing.assert_array_equal(spec.x, x)
    np.testing.assert_array_equal(spec.x_val, x[:3])
