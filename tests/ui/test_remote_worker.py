"""Training in the trainer process: the same network as training in a script, step by step
control across the process boundary, and a trainer that dies is reported, not waited for."""

from __future__ import annotations

import numpy as np
import pytest

from graphviz_nn.datasets import spiral
from graphviz_nn.nn import Dense, Sequential
from ui.train.remote_worker import ProcessTrainingWorker
from ui.train.trainer_process import trainer_process


def _model(lr=0.01, optimizer="adam"):
    from graphviz_nn import optim
    model = Sequential([Dense(16, activation="relu", input_shape=(2,)),
                        Dense(3, activation="softmax")], seed=7)
    model.compile(optimizer=optim.get(optimizer, lr), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


@pytest.fixture(scope="module")
def data():
    x, y = spiral(n=240, noise=0.1, seed=0)
    return x[:200], y[:200], x[200:], y[200:]


def _fit(data, epochs):
    xt, yt, xv, yv = data
    return {"x": xt, "y": yt, "epochs": epochs, "batch_size": 20, "shuffle": True,
            "verbose": 0, "validation_data": (xv, yv)}


def _run(qtbot, worker, timeout=20_000):
    outcome = []
    worker.finished.connect(lambda reason, info: outcome.append((reason, info)))
    steps, losses = [], []
    worker.progress.connect(lambda up: (steps.extend(up.steps), losses.extend(up.loss)))
    worker.start()
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    return outcome[0], np.array(steps), np.array(losses)


def test_the_window_trains_the_very_network_a_script_would(qtbot, data):
    here = _model()
    history = here.fit(**_fit(data, 6))
    model = _model()
    w1_on_canvas = model.graph["W1"].value
    (reason, info), steps, losses = _run(qtbot, ProcessTrainingWorker(model, _fit(data, 6)))
    assert reason == "done" and info["steps"] == 60
    assert list(steps) == list(range(60))                     # every step reached the curve
    assert np.array_equal(losses, history.step_log.loss)      # with the script's losses
    for a, b in zip(model.get_weights(), here.get_weights(), strict=True):
        assert np.array_equal(a, b)
    assert model.graph["W1"].value is w1_on_canvas            # in place: the canvas sees them
    assert model.optimizer.iterations == 60                   # Adam's state came back too


def test_pause_step_and_resume_reach_the_trainer(qtbot, data):
    model = _model()
    worker = ProcessTrainingWorker(model, _fit(data, 20), start_paused_after=3)
    paused_at = []
    worker.paused.connect(paused_at.append)
    worker.start()
    qtbot.waitUntil(lambda: paused_at == [2], timeout=10_000)
    assert worker.is_paused() and worker.steps_done == 3
    worker.step_once()
    qtbot.waitUntil(lambda: paused_at == [2, 3], timeout=5000)
    assert worker.steps_done == 4
    qtbot.wait(200)
    assert worker.steps_done == 4                              # paused means no steps
    outcome = []
    worker.finished.connect(lambda r, i: outcome.append(r))
    worker.resume()
    qtbot.waitUntil(lambda: outcome == ["done"], timeout=20_000)
    assert worker.steps_done == 200


def test_new_weights_given_while_paused_are_the_ones_training_goes_on_from(qtbot, data):
    model = _model(lr=0.001)
    worker = ProcessTrainingWorker(model, _fit(data, 50), start_paused_after=100)
    worker.start()
    qtbot.waitUntil(worker.is_paused, timeout=10_000)
    worker.sync()
    trained = model.get_weights()
    model.reset_weights()
    fresh = model.get_weights()
    worker.set_weights(fresh)
    assert worker.wait_parked(5.0)
    worker.step_once()
    qtbot.waitUntil(lambda: worker.is_paused() and worker.steps_done == 101, timeout=5000)
    worker.sync()
    now = model.get_weights()[0]
    assert np.abs(now - fresh[0]).max() < 0.01                # one small step from the reset
    assert np.abs(now - trained[0]).max() > 0.05
    assert worker.stop_and_join(5.0)


def test_stop_ends_the_run_soon_and_keeps_what_was_learned(qtbot, data):
    model = _model()
    before = model.get_weights()
    worker = ProcessTrainingWorker(model, _fit(data, 100_000))
    outcome = []
    worker.finished.connect(lambda r, i: outcome.append((r, i)))
    worker.start()
    qtbot.waitUntil(lambda: worker.steps_done > 500, timeout=10_000)
    worker.stop()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome[0][0] == "stopped" and outcome[0][1]["steps"] < 1_000_000
    after = model.get_weights()
    assert all(np.isfinite(w).all() for w in after) and not np.allclose(before[0], after[0])


def test_a_blow_up_names_the_step_and_node_and_the_weights_stay_finite(qtbot, data):
    model = _model(lr=1e6, optimizer="sgd")
    (reason, info), steps, _ = _run(qtbot, ProcessTrainingWorker(model, _fit(data, 50)))
    assert reason == "nonfinite"
    assert info["step"] == len(steps) and isinstance(info["node"], str) and info["node"]
    assert all(np.isfinite(w).all() for w in model.get_weights())


def test_a_trainer_that_dies_is_reported_and_the_next_run_gets_a_new_one(qtbot, data):
    model = _model()
    worker = ProcessTrainingWorker(model, _fit(data, 100_000))
    outcome = []
    worker.finished.connect(lambda r, i: outcome.append((r, i)))
    worker.start()
    qtbot.waitUntil(lambda: worker.steps_done > 100, timeout=10_000)
    trainer_process().proc.kill()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    reason, info = outcome[0]
    assert reason == "error" and "ended unexpectedly" in info["message"]
    assert all(np.isfinite(w).all() for w in model.get_weights())
    (reason, _), _, _ = _run(qtbot, ProcessTrainingWorker(_model(), _fit(data, 2)))
    assert reason == "done"


@pytest.mark.parametrize("message", [
    ({"t": "progress", "job": 1, "n0": "x", "epoch": 0, "epochs": [], "diag": [],
      "snapshot": False, "epoch_weights": None}, [np.zeros(2), np.zeros(2)]),
    ({"t": "progress", "job": 1}, []),
    ({"t": "progress", "job": 1, "n0": 0, "epoch": 0, "epochs": [], "diag": [],
      "snapshot": True, "grads": True, "epoch_weights": None},        # gradients of no weight
     [np.zeros(0), np.zeros(0)] + _model().get_weights() + [np.zeros(3)] * 4),
    ({"t": "done", "job": 1, "reason": "done", "model": {"layers": "junk"}}, []),
    ({"t": "done", "job": 1, "reason": "nonfinite", "info": {"step": "seven"}}, []),
])
def test_a_message_the_window_cannot_read_ends_the_run_with_an_error(qtbot, data, message):
    from ui.train.trainer_process import _Inbox

    model = _model()
    before = model.get_weights()
    worker = ProcessTrainingWorker(model, _fit(data, 1))
    worker._inbox = _Inbox()                         # what the trainer's reader filed
    worker._inbox.messages.append(message)
    outcome = []
    worker.finished.connect(lambda r, i: outcome.append((r, i)))
    worker.sync()                                    # the GUI thread's drain: no exception
    assert outcome and outcome[0][0] == "error" and "cannot read" in outcome[0][1]["message"]
    for a, b in zip(before, model.get_weights(), strict=True):
        assert np.array_equal(a, b)                  # the model is not half-overwritten


def test_a_trainer_that_sends_what_is_not_a_message_is_ended_and_reported(qtbot, monkeypatch):
    import subprocess
    import sys

    from ui.train import trainer_process as tp

    babbler = ("import sys, time; sys.stdout.buffer.write(b'\\x00\\x00\\x00\\x02[]');"
               "sys.stdout.flush(); time.sleep(60)")
    real_popen = subprocess.Popen
    monkeypatch.setattr(tp.subprocess, "Popen",
                        lambda args, **kw: real_popen([sys.executable, "-c", babbler], **kw))
    proc = tp.TrainerProcess()
    inbox = proc.submit(99, {"t": "fit", "job": 99}, [])
    assert inbox.done.wait(10)
    head, _ = inbox.messages[-1]
    assert head["t"] == "died" and "not an object" in head["why"]
    assert proc.proc.poll() is not None and not proc.alive     # ended, not left running
