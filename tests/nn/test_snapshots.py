"""Time travel's memory: weights kept at thinning steps, bounded, found again exactly."""

import numpy as np
import pytest

from graphviz_nn.nn import Dense, Sequential
from graphviz_nn.nn.callbacks import Callback
from graphviz_nn.nn.snapshots import SnapshotStore


def test_a_784_100_10_run_of_20_epochs_stays_under_50_mb():
    """60,000 samples, batch 32: 37,500 steps of 79,510 float32 weights (318 kB each)."""
    shapes = [(784, 100), (100,), (100, 10), (10,)]
    weights = [np.zeros(s, np.float32) for s in shapes]
    store = SnapshotStore()
    steps = 20 * 1875
    for step in range(steps + 1):
        if store.wants(step):
            weights[0][0, 0] = step            # mark the copy with its step
            store.add(step, weights)
    weights[0][0, 0] = steps
    store.add(steps, weights)                  # the end of the run
    total = store.nbytes + sum(w.nbytes for w in store.latest[1])
    assert total <= 50 * 2**20
    assert len(store) >= 64                    # still 3+ per epoch to scrub through
    kept = store.steps
    assert kept[0] == 0 and store.latest[0] == steps
    assert all(b - a == store.stride for a, b in zip(kept, kept[1:], strict=False))
    for k in (0, 12_345, steps - 1, steps):
        saved, ws = store.at(k)
        assert saved <= k and ws[0][0, 0] == saved


def test_weights_are_copies_and_at_finds_the_latest_before():
    store = SnapshotStore(max_count=8)
    w = [np.zeros(3)]
    for step in range(20):
        w[0][:] = step
        if store.wants(step):
            store.add(step, w)
    assert store.stride == 4 and store.steps == [0, 4, 8, 12, 16]
    assert store.at(10)[0] == 8 and store.at(10)[1][0][0] == 8
    with pytest.raises(ValueError, match="after step"):
        store.add(3, w)


class _Record(Callback):
    def __init__(self, model, store):
        super().__init__()
        self.m, self.store, self.step = model, store, 0

    def on_batch_end(self, step, logs=None):
        self.step = step + 1
        if self.store.wants(self.step):
            self.store.add(self.step, self.m.get_weights())


def test_scrubbing_to_step_k_gives_exactly_the_weights_trained_to_k():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(64, 2)).astype(np.float32), rng.integers(0, 2, 64)

    def model():
        m = Sequential([Dense(5, activation="tanh", input_shape=(2,)),
                        Dense(2, activation="softmax")], seed=4)
        m.compile("sgd", "sparse_categorical_crossentropy")
        return m

    m, store = model(), SnapshotStore(max_count=6)
    store.add(0, m.get_weights())
    m.fit(x, y, batch_size=8, epochs=4, shuffle=False, verbose=0, callbacks=[_Record(m, store)])
    assert len(store.steps) >= 4 and store.stride > 1       # it thinned as the run grew
    for k in store.steps:
        again = model()
        if k:
            again.fit(x, y, batch_size=8, epochs=k // 8 + 1, shuffle=False, verbose=0,
                      callbacks=[_StopAt(again, k)])
        for a, b in zip(store.at(k)[1], again.get_weights(), strict=True):
            np.testing.assert_array_equal(a, b)


class _StopAt(Callback):
    def __init__(self, model, k):
        super().__init__()
        self.m, self.k, self.n = model, k, 0

    def on_batch_end(self, step, logs=None):
        if step + 1 == self.k:
            self.m.stop_training = True


def test_extras_go_with_their_snapshot_and_count_in_its_size():
    store = SnapshotStore(max_bytes=10 * 24, max_count=100)   # ten snapshots of 3 + 3 floats
    for step in range(40):
        w = [np.full(3, step, np.float32)]
        store.add(step, w, extra=None if step == 0 else [np.full(3, -step, np.float32)])
    assert store.nbytes <= store.max_bytes and store.stride == 4   # 0, 4, ... 36
    assert store.at(17)[0] == 16 and store.extra_at(17)[0][0] == -16
    assert store.extra_at(3) is None                            # step 0 has no gradients
    assert store.extra_at(39)[0][0] == -39                      # the latest, off the stride
