"""The trainer's wire protocol against bytes from anywhere: any input gives a message, the end
of the stream, or a WireError saying what is wrong - never another exception type - and memory
stays bounded by the bytes that really arrive (a header declaring 500 MB costs about 1 MB). A
model state that does not fit its arrays is refused before anything is built. The trainer
process ends cleanly after a bad message or a closed stdin."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphviz_nn.nn import Dense, Sequential, wire

ROOT = Path(__file__).resolve().parents[2]


def _frame(header, tail: bytes = b"") -> bytes:
    raw = header if isinstance(header, bytes) else json.dumps(header).encode()
    return struct.pack(">I", len(raw)) + raw + tail


def _recv_traced(data: bytes):
    """``wire.recv`` on ``data``: (result or the exception, peak bytes allocated)."""
    tracemalloc.start()
    try:
        result = wire.recv(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - the test looks at which type escaped
        result = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, peak


def test_50_bytes_declaring_500_mb_are_refused_without_allocating_it():
    data = _frame(b'{"arrays":[["float32",[125,1000,1000]]]}', b"\x00" * 6)
    assert len(data) == 50
    result, peak = _recv_traced(data)
    assert isinstance(result, wire.WireError) and "cut short" in str(result)
    assert peak < 2 << 20


@pytest.mark.parametrize("header, words", [
    (b"[1, 2]", "not an object"),
    (b'{"t": "x"}', "no list of arrays"),
    (b'{"arrays": 5}', "no list of arrays"),
    (b'{"arrays": [5]}', "expected [dtype, shape]"),
    (b'{"arrays": [["float32", [-1]]]}', "non-negative integers"),
    (b'{"arrays": [["float32", [2.5]]]}', "non-negative integers"),
    (b'{"arrays": [["float32", [true]]]}', "non-negative integers"),
    (b'{"arrays": [["float32", "(2,)"]]}', "expected [dtype, shape]"),
    (b'{"arrays": [["object", [1]]]}', "bad array dtype"),
    (b'{"arrays": [[["float32"], [1]]]}', "bad array dtype"),
    (b'{"arrays": [["uint8", [4294967295, 4294967295, 4294967295]]]}', "more than"),
    (b'{"arrays": [["uint8", [' + b"1," * 40 + b'1]]]}', "up to 32 non-negative"),
    (b"[" * 100_000, "bad message header"),
    (b'{"t": 1' + b"0" * 5000 + b"}", "bad message header"),
    (b"\xff\xfe{}", "bad message header"),
])
def test_a_malformed_header_raises_wire_error_naming_it(header, words):
    result, _ = _recv_traced(_frame(header, b"\x00" * 16))
    assert type(result) is wire.WireError, result
    assert words in str(result)


_JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(),
              st.text(max_size=8)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=3), max_leaves=8)
_DIM = st.one_of(st.integers(0, 4), st.integers(0, 2**33), st.integers(-3, -1), st.floats(),
                 st.text(max_size=2), st.booleans())
_SPEC = st.one_of(
    st.tuples(st.sampled_from(sorted(wire.DTYPES) + ["object", "float16", ""]),
              st.lists(_DIM, max_size=4)).map(list),
    _JSON)
_MESSAGE = st.one_of(
    st.binary(max_size=80),
    st.tuples(st.fixed_dictionaries({"t": _JSON}, optional={"arrays": st.lists(_SPEC,
                                                                                max_size=3)}),
              st.binary(max_size=80)).map(lambda t: _frame(t[0], t[1])),
    st.tuples(st.integers(0, 2**32 - 1), st.binary(max_size=60))
    .map(lambda t: struct.pack(">I", t[0]) + t[1]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_MESSAGE)
def test_any_bytes_give_a_message_the_end_or_a_wire_error_in_bounded_memory(data):
    result, peak = _recv_traced(data)
    if isinstance(result, Exception):
        assert type(result) is wire.WireError, repr(result)
    elif result is not None:
        head, arrays = result
        assert isinstance(head, dict) and all(isinstance(a, np.ndarray) for a in arrays)
        assert sum(a.nbytes for a in arrays) <= len(data)
    assert peak < (1 << 20) + 256 * 1024 + 4 * len(data)


def _state():
    model = Sequential([Dense(4, activation="relu", input_shape=(2,)),
                        Dense(3, activation="softmax")], seed=1)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(np.zeros((8, 2), np.float32), np.zeros(8, np.int64), epochs=1, batch_size=4,
              verbose=0)
    return model, *wire.model_state(model)


def test_a_state_that_declares_huge_layers_is_refused_before_anything_is_built():
    _, spec, arrays = _state()
    spec = json.loads(json.dumps(spec))
    spec["input_dim"] = 10**6
    spec["layers"][0]["units"] = 10**6                 # a 4 TB weight matrix
    tracemalloc.start()
    try:
        with pytest.raises(wire.WireError, match="weight 0 has shape"):
            wire.model_from_state(spec, arrays)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < 1 << 20


_PATHS = [("name",), ("input_dim",), ("layers",), ("layers", 0), ("layers", 0, "units"),
          ("layers", 1, "activation"), ("layers", 0, "kind"), ("loss",), ("metrics",),
          ("optimizer",), ("optimizer", "name"), ("optimizer", "learning_rate"),
          ("iterations",), ("slot_keys",), ("slot_keys", 0), ("n_weights",), ("rng",),
          ("rng", "shuffle"), ("rng", "drop", "state")]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(_PATHS), junk=_JSON, drop=st.integers(0, 6))
def test_a_damaged_model_state_gives_a_model_or_a_wire_error(path, junk, drop):
    model, spec, arrays = _state()
    before = [w.copy() for w in model.get_weights()]
    spec = json.loads(json.dumps(spec))
    node = spec
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = junk
    arrays = arrays[:len(arrays) - drop] if drop < 6 else arrays + [np.zeros(3)]
    for attempt in (wire.model_from_state, lambda s, a: wire.load_state(model, s, a)):
        try:
            attempt(spec, arrays)
        except Exception as exc:  # noqa: BLE001 - which type escapes is what is tested
            assert type(exc) is wire.WireError, repr(exc)
            if attempt is not wire.model_from_state:      # a refused state changes nothing
                for a, b in zip(before, model.get_weights(), strict=True):
                    assert np.array_equal(a, b)


def _trainer():
    return subprocess.Popen([sys.executable, "-m", "graphviz_nn.nn.remote"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def test_the_trainer_process_ends_after_a_bad_message_and_after_its_stdin_closes():
    proc = _trainer()
    try:
        ready = wire.recv(proc.stdout)
        assert ready[0]["t"] == "ready"
        proc.stdin.write(_frame({"t": "fit", "arrays": [["float32", ["x"]]]}))
        proc.stdin.flush()                      # stdin stays open: the message alone ends it
        assert proc.wait(timeout=20) == 3
        err = proc.stderr.read().decode().strip().splitlines()
        assert len(err) == 1 and "bad message" in err[0] and "shape" in err[0]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # a run under way, then the window goes away (stdin closes): the trainer stops and ends
    model, spec, arrays = _state()
    x, y = np.zeros((64, 2), np.float32), np.zeros(64, np.int64)
    proc = _trainer()
    try:
        assert wire.recv(proc.stdout)[0]["t"] == "ready"
        wire.send(proc.stdin, {"t": "fit", "job": 1, "model": spec, "data": [False],
                               "fit": {"epochs": 100000, "batch_size": 4}}, arrays + [x, y])
        assert wire.recv(proc.stdout)[0]["t"] == "progress"       # it is training
        proc.stdin.close()
        assert proc.wait(timeout=20) == 0
        kinds = []
        while (msg := wire.recv(proc.stdout)) is not None:
            kinds.append(msg[0]["t"])
        assert kinds[-1] == "done"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_an_array_in_the_other_byte_order_is_refused_not_sent_as_wrong_numbers():
    """The wire carries native little-endian bytes: a big-endian float32 array was named
    "float32" and its bytes arrived read the other way round (1.5 became 4.6e-41)."""
    fh = io.BytesIO()
    with pytest.raises(wire.WireError, match="dtype"):
        wire.send(fh, {"t": "x"}, [np.array([1.5], dtype=">f4")])
    wire.send(fh, {"t": "x"}, [np.array([1.5], dtype="<f4")])
    fh.seek(0)
    _head, (a,) = wire.recv(fh)
    assert a.tolist() == [1.5]
