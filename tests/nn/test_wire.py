"""Messages between processes, and a model's whole state carried across: training that goes on
in another process must give exactly the model that training here would have given."""

from __future__ import annotations

import io

import numpy as np
import pytest

from graphviz_nn.datasets import spiral
from graphviz_nn.nn import Dense, Dropout, Sequential, wire


def _roundtrip(head, arrays):
    buf = io.BytesIO()
    wire.send(buf, head, arrays)
    buf.seek(0)
    return wire.recv(buf), buf


def test_a_message_arrives_as_sent():
    arrays = [np.arange(6, dtype=np.float32).reshape(2, 3), np.array([1, -2], np.int64),
              np.zeros((0, 4)), np.float64(3.5) * np.ones(()), np.array([True, False])]
    (head, got), buf = _roundtrip({"t": "x", "nested": {"a": [1, 2.5, None]}}, arrays)
    assert head == {"t": "x", "nested": {"a": [1, 2.5, None]}}
    assert len(got) == len(arrays)
    for a, b in zip(arrays, got, strict=True):
        assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)
    assert got[0].flags.writeable                      # the receiver may train on them
    assert wire.recv(buf) is None                      # end of stream, not an error


def test_a_cut_message_or_foreign_bytes_are_named():
    buf = io.BytesIO()
    wire.send(buf, {"t": "x"}, [np.ones(100)])
    cut = io.BytesIO(buf.getvalue()[:-10])
    with pytest.raises(wire.WireError, match="cut short"):
        wire.recv(cut)
    with pytest.raises(wire.WireError, match="not a graphviz-nn message"):
        wire.recv(io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
    with pytest.raises(wire.WireError, match="dtype"):
        wire.send(io.BytesIO(), {}, [np.array(["text"])])


def _model(dropout=0.0, optimizer="adam", seed=3):
    layers = [Dense(16, activation="relu", input_shape=(2,))]
    if dropout:
        layers.append(Dropout(dropout))
    layers += [Dense(8, activation="tanh"), Dense(3, activation="softmax")]
    model = Sequential(layers, seed=seed)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


@pytest.mark.parametrize("optimizer,dropout", [("adam", 0.0), ("rmsprop", 0.3), ("sgd", 0.2)])
def test_training_goes_on_elsewhere_exactly_as_it_would_here(optimizer, dropout):
    x, y = spiral(n=150, noise=0.1, seed=1)
    here = _model(dropout, optimizer)
    here.fit(x, y, epochs=2, batch_size=16, verbose=0)      # moments, steps, generators moved on
    spec, arrays = wire.model_state(here)
    (spec, arrays), _ = _roundtrip(spec, arrays)         # through bytes, as between processes
    there = wire.model_from_state(spec, arrays)
    h1 = here.fit(x, y, epochs=2, batch_size=16, verbose=0)
    h2 = there.fit(x, y, epochs=2, batch_size=16, verbose=0)
    assert h1.history["loss"] == h2.history["loss"]
    for a, b in zip(here.get_weights(), there.get_weights(), strict=True):
        assert np.array_equal(a, b)
    assert there.optimizer.iterations == here.optimizer.iterations


def test_a_state_coming_back_lands_in_the_arrays_the_graph_shows():
    x, y = spiral(n=120, noise=0.1, seed=2)
    model = _model()
    w1_node_value = model.graph["W1"].value                # what the canvas draws
    other = wire.model_from_state(*wire.model_state(model))
    other.fit(x, y, epochs=3, batch_size=16, verbose=0)
    wire.load_state(model, *wire.model_state(other))
    assert model.graph["W1"].value is w1_node_value        # same array, new numbers
    assert np.array_equal(w1_node_value, other.get_weights()[0])
    assert model.evaluate(x, y) == other.evaluate(x, y)


def test_an_uncompiled_model_is_refused_with_a_reason():
    with pytest.raises(wire.WireError, match="compiled"):
        wire.model_state(Sequential([Dense(2, input_shape=(2,))]))
