"""Two runs in lock-step train exactly as each would alone; a trainer's history tap takes the
snapshots a window's store keeps, at exactly those steps."""

import numpy as np
import pytest

from graphviz_nn.datasets import spiral
from graphviz_nn.nn import Dense, Sequential
from graphviz_nn.nn.callbacks import Callback, CallPacer
from graphviz_nn.nn.lockstep import HistoryTap, fit_lockstep, split_flat
from graphviz_nn.nn.snapshots import SnapshotStore

X, Y = spiral(n=120, noise=0.1, seed=1)


def _model(optimizer="sgd", activation="relu"):
    m = Sequential([Dense(8, activation=activation, input_shape=(2,)),
                    Dense(3, activation="softmax")], seed=5)
    m.compile(optimizer, "sparse_categorical_crossentropy", metrics=["accuracy"])
    return m


class _Counts(Callback):
    def __init__(self, other):
        self.other, self.seen = other, []

    def on_batch_end(self, step, logs=None):
        self.seen.append((step + 1, self.other.history.step_log.count))


def test_two_runs_in_lock_step_train_as_each_would_alone():
    a, b = _model("sgd"), _model("adam")
    counts = _Counts(a)
    fit = {"x": X, "y": Y, "epochs": 3, "batch_size": 16, "validation_data": (X[:20], Y[:20])}
    fit_lockstep([(a, dict(fit)), (b, dict(fit, callbacks=[counts]))])
    assert len(counts.seen) == 3 * 8 and all(s == t for s, t in counts.seen)   # step for step
    for alone, paired in ((_model("sgd"), a), (_model("adam"), b)):
        alone.fit(X, Y, epochs=3, batch_size=16, verbose=0, validation_data=(X[:20], Y[:20]))
        np.testing.assert_array_equal(alone.history.step_log.loss, paired.history.step_log.loss)
        for w1, w2 in zip(alone.get_weights(), paired.get_weights(), strict=True):
            np.testing.assert_array_equal(w1, w2)
        assert alone.history.history == paired.history.history


def test_a_stop_in_one_run_ends_both_after_the_same_step():
    a, b = _model(), _model("adam")

    class _Stop(Callback):
        def on_batch_end(self, step, logs=None):
            if step == 4:
                self.model.stop_training = True

    fit_lockstep([(a, {"x": X, "y": Y, "epochs": 5, "batch_size": 16, "callbacks": [_Stop()]}),
                  (b, {"x": X, "y": Y, "epochs": 5, "batch_size": 16})])
    assert a.history.step_log.count == b.history.step_log.count == 5


class _Tapped(Callback):
    """Calls the tap only when it asks to be called (as the trainer's link does), with a
    pacer that would otherwise call rarely."""

    def __init__(self, tap):
        self.tap, self.pace, self.calls = tap, CallPacer(interval=10.0, most=4096), 0

    def on_batch_end(self, step, logs=None):
        self.calls += 1
        self.tap.take(self.model, step + 1)
        self.pace.every = 64
        self.batch_end_from = min(self.pace.next_from(step, 0.0), self.tap.next_index(step + 1))


def test_the_tap_takes_exactly_the_snapshots_the_window_store_keeps():
    limits = {"max_bytes": 10_000, "max_count": 9}
    m = _model("adam")
    tap = HistoryTap({**limits, "offset": 0, "steps": [], "sizes": [], "grads": True})
    tap.take(m, 0)
    link = _Tapped(tap)
    m.fit(X, Y, epochs=12, batch_size=8, verbose=0, callbacks=[link])
    heads, arrays = tap.drain()
    store, every_step = SnapshotStore(**limits), SnapshotStore(**limits)
    assert len(arrays) == len(heads)                            # one flat array a snapshot
    shapes = [w.shape for w in m.get_weights()]
    for (step, has_grads), flat in zip(heads, arrays, strict=True):
        ws, gs = split_flat(flat, shapes, has_grads)
        assert store.wants(step)                                  # nothing the store refuses
        store.add(step, ws, gs)
    assert link.calls < 12 * 15 / 2                             # not called at every step
    again = _model("adam")                                      # a store fed at every step
    rec = _Every(every_step)
    every_step.add(0, again.get_weights())
    again.fit(X, Y, epochs=12, batch_size=8, verbose=0, callbacks=[rec])
    assert store.steps == every_step.steps and store.stride > 1
    for k in store.steps:
        for w1, w2 in zip(store.at(k)[1], every_step.at(k)[1], strict=True):
            np.testing.assert_array_equal(w1, w2)
        assert (store.extra_at(k) is None) == (k == 0)


class _Every(Callback):
    def __init__(self, store):
        self.store = store

    def on_batch_end(self, step, logs=None):
        if self.store.wants(step + 1):
            grads = [g.copy() for g in self.model._plan.grads]
            self.store.add(step + 1, self.model.get_weights(), grads)


def test_a_flat_snapshot_of_the_wrong_size_is_refused_by_name():
    shapes = [(2, 3), (3,)]
    flat = np.arange(9, dtype=np.float32)
    ws, gs = split_flat(flat, shapes, False)
    assert gs is None and ws[0].tolist() == [[0, 1, 2], [3, 4, 5]] and ws[1].tolist() == [6, 7, 8]
    ws, gs = split_flat(np.arange(18, dtype=np.float32), shapes, True)
    assert gs[1].tolist() == [15, 16, 17]
    for bad in (np.arange(8.0), np.arange(10.0), np.zeros((3, 3))):
        with pytest.raises(ValueError, match="snapshot of"):
            split_flat(bad, shapes, False)
