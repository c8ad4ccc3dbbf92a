"""The divergence rule on real runs: healthy runs never trip it, a learning rate of 100 does."""

from __future__ import annotations

import numpy as np
import pytest

from graphviz_nn import datasets, optim
from graphviz_nn.nn import Sequential, mlp_layers
from graphviz_nn.nn.divergence import DivergenceWatch


def _run(name: str, optimizer: str, lr: float, epochs: int = 30):
    x, y = datasets.playground(name, n=400, noise=0.1, seed=0)
    model = Sequential(mlp_layers(2, [16, 16], 2, "relu", 0.0), seed=0)
    model.compile(optim.get(optimizer, lr), "sparse_categorical_crossentropy", ["accuracy"])
    h = model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)
    log = h.step_log
    return np.arange(log.count), log.loss[:log.count].copy(), h.history["loss"]


def _watch(steps, losses, epoch_means):
    """Feed the watch as the dock does: an epoch's steps (in two drains), then its mean."""
    watch = DivergenceWatch()
    per_epoch = len(steps) // len(epoch_means)
    for e, mean in enumerate(epoch_means):
        a, b = e * per_epoch, (e + 1) * per_epoch
        for lo, hi in ((a, (a + b) // 2), ((a + b) // 2, b)):
            if found := watch.steps(steps[lo:hi], losses[lo:hi]):
                return found
        if found := watch.epoch(e, mean):
            return found
    return None


@pytest.mark.parametrize("name,optimizer,lr", [("spiral", "adam", 0.01), ("circles", "sgd", 0.1),
                                               ("xor", "adam", 0.05), ("moons", "sgd", 1.0)])
def test_healthy_runs_never_trip_it(name, optimizer, lr):
    steps, losses, means = _run(name, optimizer, lr)
    assert _watch(steps, losses, means) is None


def test_sgd_at_100_on_the_circles_trips_it_at_its_second_step():
    steps, losses, means = _run("circles", "sgd", 100.0, epochs=5)
    found = _watch(steps, losses, means)
    assert found is not None and found["step"] == 1
    assert found["first"] == pytest.approx(losses[0]) and found["loss"] >= 1000 * losses[0]


def test_a_loss_that_stays_ten_times_too_high_for_an_epoch_trips_it():
    watch = DivergenceWatch()
    assert watch.steps(np.arange(3), np.array([0.7, 5.0, 6.0])) is None   # rough, not 1000×
    assert watch.epoch(0, 6.5) is None
    assert watch.epoch(1, 7.5) == {"epoch": 1, "loss": 7.5, "first": 0.7}
    assert watch.epoch(2, float("nan")) is None          # NaN is the non-finite check's
