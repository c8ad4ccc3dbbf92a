""".keras files read and written without Keras: the round trip, the layers and settings it
keeps, and damaged or hostile files refused with a clear message in bounded memory. (Keras
itself opening the app's files, and the app opening Keras's, is in tests/interop.)"""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphviz_nn.export import from_sequential
from graphviz_nn.keras_io import (
    KerasFileError,
    keras_bytes,
    model_config,
    read_keras,
    read_keras_bytes,
    weights_h5,
    write_keras,
)
from graphviz_nn.nn import Dense, Dropout, Sequential
from graphviz_nn.optim import SGD


def small_spec(optimizer="adam"):
    model = Sequential([Dense(5, activation="tanh", input_shape=(3,)), Dropout(0.25),
                        Dense(4, activation="relu"), Dense(2, activation="softmax")], seed=3)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return from_sequential(model)


def archive(config=None, h5=None, meta=b'{"keras_version": "3.15.1"}', extra=(),
            method=zipfile.ZIP_DEFLATED):
    """A .keras zip with these members (None: the member is left out)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        if meta is not None:
            zf.writestr("metadata.json", meta)
        if config is not None:
            zf.writestr("config.json", config if isinstance(config, bytes) else
                        json.dumps(config))
        if h5 is not None:
            zf.writestr("model.weights.h5", h5)
        for name, data in extra:
            zf.writestr(name, data)
    return buf.getvalue()


def refused(data) -> str:
    with pytest.raises(KerasFileError) as err:
        read_keras_bytes(data)
    return str(err.value)


def test_round_trip_keeps_layers_weights_loss_and_optimizer(tmp_path):
    spec = small_spec(SGD(learning_rate=0.05, momentum=0.9, nesterov=True))
    path = tmp_path / "m.keras"
    write_keras(spec, path)
    back = read_keras(path)
    assert back.input_dim == 3
    assert [(lay.kind, lay.units, lay.activation, lay.rate) for lay in back.layers] == [
        ("Dense", 5, "tanh", 0.0), ("Dropout", 0, "linear", 0.25), ("Dense", 4, "relu", 0.0),
        ("Dense", 2, "softmax", 0.0)]
    assert [lay.name for lay in back.layers] == ["dense", "dropout", "dense_1", "dense_2"]
    for a, b in zip(back.weights, spec.weights, strict=True):
        np.testing.assert_array_equal(a, b)
    assert back.loss == "sparse_categorical_crossentropy"
    assert back.optimizer == {"name": "sgd", "learning_rate": 0.05, "momentum": 0.9,
                              "nesterov": True}
    model = back.to_sequential()
    x = np.random.default_rng(0).normal(size=(6, 3))
    np.testing.assert_array_equal(model.predict(x), spec.to_sequential().predict(x))


def test_the_archive_has_keras_s_three_members():
    names = zipfile.ZipFile(io.BytesIO(keras_bytes(small_spec()))).namelist()
    assert names == ["metadata.json", "config.json", "model.weights.h5"]


def test_a_first_flatten_layer_takes_images_as_rows_of_pixels():
    config = model_config(small_spec())
    layers = config["config"]["layers"]
    layers[0]["config"]["batch_shape"] = [None, 28, 28]
    layers.insert(1, {"class_name": "Flatten", "config": {"name": "flatten"}})
    layers[2]["build_config"]["input_shape"] = [None, 784]
    spec = small_spec()
    spec.input_dim = 784
    spec.weights[0] = np.zeros((784, 5), np.float32)
    back = read_keras_bytes(archive(config, weights_h5(spec)))
    assert back.input_dim == 784 and back.weights[0].shape == (784, 5)


@pytest.mark.parametrize("change, words", [
    (lambda c: c["config"]["layers"].insert(2, {"class_name": "Conv2D",
                                                "config": {"name": "conv2d"}}),
     "layer 'conv2d' is a Conv2D: graphviz-nn opens Sequential models of Dense and Dropout"),
    (lambda c: c["config"]["layers"][1]["config"].update(activation="gelu"),
     "Dense layer 'dense': activation 'gelu' is not one graphviz-nn knows"),
    (lambda c: c["config"]["layers"][1]["config"].update(use_bias=False),
     "Dense layer 'dense' has no bias"),
    (lambda c: c["config"]["layers"][2]["config"].update(rate=1.5),
     "Dropout layer 'dropout': rate 1.5 is not in [0, 1)"),
    (lambda c: c["config"]["layers"][1]["config"].update(units=10**9),
     "Dense layer 'dense': units must be a whole number from 1 to 65536"),
    (lambda c: c.update(class_name="Functional"), "this one is a 'Functional'"),
    (lambda c: c["config"].update(layers=[]), "the model has no layers"),
    (lambda c: c["config"]["layers"][0]["config"].update(batch_shape=[None, 28, 28]),
     "needs a Flatten layer first"),
    (lambda c: c["config"]["layers"][1]["config"].update(units=60000) or
     c["config"]["layers"][0]["config"].update(batch_shape=[None, 60000]),
     "weights; graphviz-nn opens up to"),
])
def test_wrong_configs_are_named(change, words):
    spec = small_spec()
    config = model_config(spec)
    change(config)
    assert words in refused(archive(config, weights_h5(spec)))


def test_weights_of_the_wrong_shape_are_refused_before_they_are_read():
    spec = small_spec()
    other = small_spec()
    other.layers[0].units = 7
    other.weights[0] = np.zeros((3, 7), np.float32)
    other.weights[1] = np.zeros(7, np.float32)
    other.weights[2] = np.zeros((7, 4), np.float32)
    msg = refused(archive(model_config(spec), weights_h5(other)))
    assert "layer 'dense': weights of shape (3, 7), the layer needs (3, 5)" in msg


def test_missing_members_and_non_archives():
    spec = small_spec()
    assert "no config.json" in refused(archive(None, weights_h5(spec)))
    assert "no model.weights.h5" in refused(archive(model_config(spec), None))
    assert "not a zip archive" in refused(b"this is no zip file")
    assert "not valid JSON" in refused(archive(b"{not json", weights_h5(spec)))
    deep = archive(b"[" * 100_000, weights_h5(spec), method=zipfile.ZIP_STORED)
    assert "nested too deeply" in refused(deep)
    assert "not an HDF5 file" in refused(archive(model_config(spec), b"x" * 100))
    nan = small_spec()
    nan.weights[2][0, 0] = np.nan
    assert "not all finite" in refused(archive(model_config(nan), weights_h5(nan)))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(KerasFileError, match="cannot read .*nothere.keras"):
        read_keras(tmp_path / "nothere.keras")


def bomb(declared_mb: int) -> bytes:
    """A zip whose model.weights.h5 is a deflate stream of ``declared_mb`` MB of zeros."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("config.json", json.dumps(model_config(small_spec())))
        with zf.open("model.weights.h5", "w", force_zip64=True) as member:
            zeros = bytes(1 << 20)
            for _ in range(declared_mb):
                member.write(zeros)
    return buf.getvalue()


def test_a_zip_bomb_is_refused_in_bounded_memory():
    data = bomb(8)
    assert len(data) < 64 << 10
    tracemalloc.start()
    try:
        msg = refused(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "declares 8,388,608 bytes, more than the model it describes can need" in msg
    assert peak < 8 << 20


def test_a_member_that_lies_about_its_size_is_read_no_further_than_the_limit():
    """The zip's directory says 10 bytes; the stream holds 8 MB of zeros."""
    data = bytearray(bomb(8))
    small = (10).to_bytes(8, "little")
    # patch the declared size in the zip64 extra fields of both headers
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.find(header)
        while at != -1:
            extra = data.find(b"\x01\x00", at)       # zip64 extra field id
            data[extra + 4:extra + 12] = small
            at = data.find(header, at + 4)
    tracemalloc.start()
    try:
        refused(bytes(data))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


def test_a_highly_compressed_member_is_refused_as_a_bomb():
    spec = small_spec()
    config = json.dumps(model_config(spec)).encode() + b" " * (3 << 20)   # 3 MB of spaces
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("config.json", config)
    assert "refused as a zip bomb" in refused(buf.getvalue())
    assert zlib  # deflate is what makes the ratio


# ---- hypothesis: bytes from outside never get further than a KerasFileError ----
GOOD = keras_bytes(small_spec())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_files_give_a_project_error(data):
    raw = bytearray(GOOD)
    for _ in range(data.draw(st.integers(1, 6))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[:data.draw(st.integers(0, len(raw)))]
    try:
        spec = read_keras_bytes(bytes(raw))
    except KerasFileError as exc:
        assert str(exc)
    else:
        spec.check()


def _h5_of(spec) -> bytes:
    return zipfile.ZipFile(io.BytesIO(keras_bytes(spec))).read("model.weights.h5")


H5 = _h5_of(small_spec())
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=True)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=20)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_configs_give_a_spec_or_a_project_error(data):
    config = model_config(small_spec())
    for _ in range(data.draw(st.integers(1, 4))):
        body = config.get("config")
        layers = body.get("layers") if isinstance(body, dict) else None
        layers = [lay for lay in layers if isinstance(lay, dict)] \
            if isinstance(layers, list) else []
        targets = [config, body, *layers, *[lay.get("config") for lay in layers]]
        target = data.draw(st.sampled_from([t for t in targets if isinstance(t, dict)]))
        key = data.draw(st.sampled_from(sorted(target) + ["units", "rate", "activation"]))
        target[key] = data.draw(json_values)
    try:
        spec = read_keras_bytes(archive(json.dumps(config).encode(), H5))
    except KerasFileError as exc:
        assert str(exc)
    else:
        spec.check()
