"""The numbers behind the ridge plots: weight histograms over their own range, gradients by
order of magnitude on one fixed axis, and the trainer sending them with their step."""

from __future__ import annotations

import io

import numpy as np

from graphviz_nn.nn import Dense, Sequential
from graphviz_nn.nn.histograms import BINS, GRAD_LOG_RANGE, grad_histogram, histogram


def test_weights_are_counted_over_their_own_range():
    w = np.array([[-1.0, 0.0], [0.5, 1.0]], np.float32)
    lo, hi, counts = histogram(w, bins=4)
    assert (lo, hi) == (-1.0, 1.0) and counts == [1, 0, 1, 2] and sum(counts) == w.size


def test_gradients_are_counted_by_order_of_magnitude_zero_in_the_lowest_bin():
    lo, hi = GRAD_LOG_RANGE
    g = np.array([1e-3, -1e-3, 0.0, 5.0, np.nan, 1e-30])
    counts = grad_histogram(g)
    width = (hi - lo) / BINS
    assert counts[int((-3 - lo) // width)] == 2            # |±1e-3|: log10 = -3
    assert counts[0] == 2                                  # 0 and 1e-30, below the range
    assert counts[int((np.log10(5.0) - lo) // width)] == 1
    assert sum(counts) == 5                                # nan is left out


def test_the_trainer_sends_histograms_of_the_steps_it_trains(tmp_path):
    from graphviz_nn.nn import remote, wire

    model = Sequential([Dense(4, activation="sigmoid", input_shape=(2,)),
                        Dense(2, activation="softmax")], seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 2)).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.int64)
    spec, state = wire.model_state(model)
    job = {"t": "fit", "job": 1, "model": spec, "data": [False],
           "fit": {"epochs": 3, "batch_size": 16, "shuffle": True},
           "every": {"send": 0.0, "diag": 0.0, "snapshot": 10.0, "hist": 0.0}}
    out = io.BytesIO()
    ctrl = remote._Control()
    ctrl.job = 1
    remote._run_job(out, ctrl, job, state + [x, y])
    out.seek(0)
    samples = []
    while (msg := wire.recv(out)) is not None:
        head, _arrays = msg
        if head["t"] == "progress":
            samples += head["hist"]
        last = head
    assert last["t"] == "done"
    steps = [s for s, _ in samples]
    assert steps == sorted(set(steps)) and steps[-1] == 3 * 4 - 1   # the last step's too
    layers = samples[-1][1]
    assert [d["layer"] for d in layers] == ["dense", "dense_1"]
    final = wire.model_from_state(last["model"], _arrays)
    w = final.get_weights()[0].astype(np.float64)
    counts, _ = np.histogram(w, bins=BINS, range=(w.min(), w.max()))
    assert layers[0]["w"] == counts.tolist() and sum(layers[0]["g"]) == w.size
