"""TensorFlow Playground's regression sets and input features."""

import numpy as np
import pytest

from graphviz_nn import datasets
from graphviz_nn.nn import Dense, Sequential
from graphviz_nn.optim import Adam


def test_plane_target_is_the_sum_scaled():
    x, y = datasets.plane(n=400, noise=0.0, seed=1)
    assert x.shape == (400, 2) and y.shape == (400,) and y.dtype == np.float32
    np.testing.assert_allclose(y, np.clip((x[:, 0] + x[:, 1]) / 10, -1, 1), atol=1e-6)
    assert np.abs(x).max() <= 6.0


def test_multi_gaussian_has_bumps_of_both_signs_at_their_centres():
    x, y = datasets.multi_gaussian(n=2000, noise=0.0, seed=2)
    assert -1.0 <= y.min() < -0.5 and 0.5 < y.max() <= 1.0
    near = lambda cx, cy: np.hypot(x[:, 0] - cx, x[:, 1] - cy) < 0.5   # noqa: E731
    assert (y[near(-4, 2.5)] > 0.7).all() and (y[near(0, 2.5)] < -0.7).all()
    assert (y[near(0, -2.5)] > 0.7).all() and (y[near(4, -2.5)] < -0.7).all()
    far = (np.abs(x[:, 1]) > 5.0) & (np.abs(x[:, 0]) > 5.0)
    assert np.all(y[far] == 0)


def test_noise_moves_where_the_target_is_read():
    x0, y0 = datasets.plane(n=300, noise=0.0, seed=3)
    x1, y1 = datasets.plane(n=300, noise=0.5, seed=3)
    np.testing.assert_array_equal(x0, x1)
    assert np.abs(y0 - y1).mean() > 0.1


@pytest.mark.parametrize("name", datasets.REGRESSION)
def test_regression_trains_to_a_low_mse(name):
    x, y = datasets.regression(name, n=600, noise=0.0, seed=0)
    m = Sequential([Dense(16, activation="tanh", input_shape=(2,)),
                    Dense(16, activation="tanh"), Dense(1)], seed=0)
    m.compile(optimizer=Adam(learning_rate=0.02), loss="mse")
    before = m.evaluate(x, y)
    m.fit(x, y, epochs=60 if name == "plane" else 150, batch_size=30, verbose=0)
    after = m.evaluate(x, y)
    # predicting the mean would score the target's variance (0.21 and 0.08 here)
    assert after < 0.02 * float(np.var(y)) if name == "plane" else after < 0.1 * float(np.var(y))
    assert after < before / 10


def test_features_widen_the_input_and_the_summary():
    x, _ = datasets.spiral(n=50, seed=0)
    cols = datasets.features(x, ["x1", "x2", "x1^2", "x1*x2", "sin(x2)"])
    np.testing.assert_allclose(cols, np.stack([x[:, 0], x[:, 1], x[:, 0] ** 2, x[:, 0] * x[:, 1],
                                               np.sin(x[:, 1])], 1), rtol=1e-6)
    m = Sequential([Dense(4, activation="relu", input_shape=(cols.shape[1],)),
                    Dense(2, activation="softmax")])
    assert m.count_params() == 5 * 4 + 4 + 4 * 2 + 2
    assert "24" in m.summary_text()


@pytest.mark.parametrize("names, match", [([], "at least one"), (["x3"], "unknown feature"),
                                          (["x1", "x1"], "once")])
def test_features_refuse_what_they_cannot_make(names, match):
    with pytest.raises(ValueError, match=match):
        datasets.features(np.zeros((3, 2)), names)
