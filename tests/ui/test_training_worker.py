"""The training worker on its own, with a tiny fake model that follows the training layer's
callback contract (so these tests pin the worker's behaviour, not the model's maths)."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from ui.train.workers import TrainingWorker


class FakeModel:
    """Loss falls as 1/(1+step); optionally goes non-finite at a given step; records threads."""

    def __init__(self, steps_per_epoch: int = 10, nonfinite_at: int | None = None,
                 delay: float = 0.0005, fail_at: int | None = None) -> None:
        self.stop_training = False
        self.steps_per_epoch = steps_per_epoch
        self.nonfinite_at = nonfinite_at
        self.fail_at = fail_at
        self.delay = delay
        self.w = np.ones((2, 2), dtype=np.float32)
        self.fit_threads: list[str] = []
        self.steps_run = 0

    def get_weights(self):
        return [self.w.copy(), np.zeros(2, np.float32)]

    def diagnostics(self):
        return [{"layer": "dense_1", "grad_norm": 1e-3, "weight_norm": 1.0, "dead_fraction": 0.1},
                {"layer": "dense_2", "grad_norm": 1.0, "weight_norm": 1.0, "dead_fraction": None}]

    def fit(self, x, y, epochs=1, batch_size=32, callbacks=(), **_kw):
        self.fit_threads.append(threading.current_thread().name)
        step = 0
        for epoch in range(epochs):
            for b in range(self.steps_per_epoch):
                time.sleep(self.delay)
                if self.fail_at == step:
                    raise RuntimeError("the fake model broke")
                if self.nonfinite_at == step:
                    for cb in callbacks:
                        cb.on_nonfinite({"step": step, "node": "W1"})
                    return None
                self.w += 0.01
                self.steps_run += 1
                logs = {"loss": 1.0 / (1 + step), "accuracy": step / (step + 5.0),
                        "epoch": epoch, "batch": b, "step": step}
                for cb in callbacks:
                    cb.on_batch_end(step, logs)
                step += 1
                if self.stop_training:
                    return None
            for cb in callbacks:
                cb.on_epoch_end(epoch, {"loss": 1.0 / (1 + step), "val_loss": 1.2 / (1 + step)})
            if self.stop_training:
                return None
        return None


def _collect(worker):
    got = {"steps": [], "loss": [], "epochs": [], "diag": 0, "finished": None, "paused": []}

    def on_progress(up):
        got["steps"].extend(up.steps.tolist())
        got["loss"].extend(up.loss.tolist())
        got["epochs"].extend((e, last) for e, last, _ in up.epochs)
        got["diag"] += len(up.diag_steps)

    worker.progress.connect(on_progress)
    worker.finished.connect(lambda reason, info: got.__setitem__("finished", (reason, info)))
    worker.paused.connect(got["paused"].append)
    return got


def _run_then_pause(qtbot, worker, after_steps: int):
    """Start ``worker``, pause it once more than ``after_steps`` steps arrived, wait until it
    reports the pause; returns what it reported (see ``_collect``)."""
    got = _collect(worker)
    worker.start()
    qtbot.waitUntil(lambda: len(got["steps"]) > after_steps, timeout=5000)
    worker.pause()
    qtbot.waitUntil(lambda: bool(got["paused"]), timeout=3000)
    return got


def test_fit_runs_off_the_gui_thread_and_every_step_arrives(qtbot):
    model = FakeModel(steps_per_epoch=20)
    worker = TrainingWorker(model, {"x": None, "y": None, "epochs": 3})
    got = _collect(worker)
    worker.start()
    qtbot.waitUntil(lambda: got["finished"] is not None, timeout=5000)
    assert got["finished"][0] == "done"
    assert model.fit_threads == ["graphviz-nn-training"]
    assert got["steps"] == list(range(60))          # none lost, none twice, in order
    assert got["epochs"] == [(0, 19), (1, 39), (2, 59)]     # each at its last step
    assert got["loss"][0] > got["loss"][-1]
    assert got["diag"] >= 1


def test_pause_holds_the_trainer_and_resume_lets_it_go_on(qtbot):
    model = FakeModel(steps_per_epoch=1000, delay=0.001)
    worker = TrainingWorker(model, {"x": None, "y": None, "epochs": 5})
    got = _run_then_pause(qtbot, worker, 5)
    held = model.steps_run
    qtbot.wait(150)
    assert model.steps_run == held                 # nothing runs while paused
    worker.resume()
    qtbot.waitUntil(lambda: model.steps_run > held + 5, timeout=3000)
    worker.stop()
    assert worker.join(5)
    qtbot.waitUntil(lambda: got["finished"] is not None, timeout=3000)
    assert got["finished"][0] == "stopped"
    assert model.steps_run < 5000


def test_step_once_runs_exactly_one_batch(qtbot):
    model = FakeModel(steps_per_epoch=1000, delay=0.001)
    worker = TrainingWorker(model, {"x": None, "y": None, "epochs": 1}, start_paused_after=1)
    got = _collect(worker)
    worker.start()
    qtbot.waitUntil(lambda: bool(got["paused"]), timeout=3000)
    assert model.steps_run == 1
    worker.step_once()
    qtbot.waitUntil(lambda: len(got["paused"]) == 2, timeout=3000)
    assert model.steps_run == 2
    assert got["steps"] == [0, 1]
    assert worker.stop_and_join(5)


def test_nonfinite_and_errors_are_reported_not_lost(qtbot):
    worker = TrainingWorker(FakeModel(nonfinite_at=7), {"x": None, "y": None, "epochs": 1})
    got = _collect(worker)
    worker.start()
    qtbot.waitUntil(lambda: got["finished"] is not None, timeout=5000)
    assert got["finished"] == ("nonfinite", {"step": 7, "node": "W1"})
    assert got["steps"] == list(range(7))

    worker = TrainingWorker(FakeModel(fail_at=3), {"x": None, "y": None, "epochs": 1})
    got = _collect(worker)
    worker.start()
    qtbot.waitUntil(lambda: got["finished"] is not None, timeout=5000)
    reason, info = got["finished"]
    assert reason == "error" and "the fake model broke" in info["message"]


def test_stop_wakes_a_paused_trainer(qtbot):
    model = FakeModel(steps_per_epoch=1000, delay=0.001)
    worker = TrainingWorker(model, {"x": None, "y": None, "epochs": 1}, start_paused_after=3)
    worker.start()
    qtbot.waitUntil(lambda: worker.is_paused(), timeout=3000)
    t0 = time.perf_counter()
    assert worker.stop_and_join(5)
    assert time.perf_counter() - t0 < 1.0
    assert model.steps_run == 3


def test_a_worker_runs_once(qtbot):
    worker = TrainingWorker(FakeModel(), {"x": None, "y": None, "epochs": 1})
    worker.start()
    with pytest.raises(RuntimeError):
        worker.start()
    assert worker.stop_and_join(5)


def _spiral_model(seed: int = 0):
    from graphviz_nn.nn import Dense, Sequential
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(640, 2)).astype(np.float32)
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    model = Sequential([Dense(16, activation="relu", input_shape=(2,)),
                        Dense(2, activation="softmax")], seed=seed)
    model.compile("adam", "sparse_categorical_crossentropy", ["accuracy"])
    return model, x, y


def test_real_model_every_step_arrives_though_fit_calls_back_rarely(qtbot):
    model, x, y = _spiral_model()
    calls = []
    worker = TrainingWorker(model, {"x": x, "y": y, "epochs": 30, "batch_size": 32})
    original = worker._cb.on_batch_end
    worker._cb.on_batch_end = lambda step, logs: (calls.append(step), original(step, logs))
    got = _collect(worker)
    worker.start()
    qtbot.waitUntil(lambda: got["finished"] is not None, timeout=10000)
    assert got["finished"] == ("done", {"steps": 600})
    assert got["steps"] == list(range(600))
    np.testing.assert_array_equal(got["loss"], model.history.step_log.loss)
    assert got["epochs"][-1] == (29, 599)
    assert len(calls) < 600                       # fit skipped the callback between samples


def test_real_model_pauses_and_steps_one_batch_at_a_time(qtbot):
    model, x, y = _spiral_model()
    worker = TrainingWorker(model, {"x": x, "y": y, "epochs": 10_000, "batch_size": 32})
    got = _run_then_pause(qtbot, worker, 200)
    held = worker.steps_done
    assert got["paused"] == [held - 1]
    qtbot.wait(100)
    assert worker.steps_done == held
    worker.step_once()
    qtbot.waitUntil(lambda: worker.steps_done == held + 1 and worker.is_paused(), timeout=3000)
    qtbot.wait(100)
    assert worker.steps_done == held + 1                  # exactly one more batch
    assert got["steps"][-1] == held
    assert worker.stop_and_join(5)
