"""The fused output heads against central differences, and Keras's functional losses against
their formulas."""

import numpy as np
import pytest

from graphviz_nn import losses
from graphviz_nn.nn import activations


def central_diff(f, z, eps=1e-6):
    g = np.zeros_like(z)
    for idx in np.ndindex(z.shape):
        zp, zm = z.copy(), z.copy()
        zp[idx] += eps
        zm[idx] -= eps
        g[idx] = (f(zp) - f(zm)) / (2 * eps)
    return g


@pytest.mark.parametrize("loss, act, units", [
    ("sparse_categorical_crossentropy", "softmax", 4),
    ("categorical_crossentropy", "softmax", 4),
    ("binary_crossentropy", "sigmoid", 1),
    ("binary_crossentropy", "sigmoid", 3),
    ("mse", "linear", 2),
    ("mse", "tanh", 3),
    ("mse", "relu", 3),
])
def test_head_gradient_matches_central_differences(loss, act, units):
    rng = np.random.default_rng(0)
    n = 6
    z = rng.normal(size=(n, units)) * 2
    head = losses.make_head(loss, activations.get(act), units)
    if head.sparse:
        y = head.targets(rng.integers(0, units, n), n)
    elif loss == "categorical_crossentropy":
        y = head.targets(np.eye(units)[rng.integers(0, units, n)], n).astype(np.float64)
    else:
        y = head.targets(rng.random((n, units)).round(), n).astype(np.float64)
    dz = np.zeros_like(z)
    mean_loss, _ = head.train(z.copy(), y, dz)
    total, _ = head.evaluate(z.copy(), y)
    assert total / n == pytest.approx(mean_loss, rel=1e-9)
    numeric = central_diff(lambda zz: head.evaluate(zz.copy(), y)[0] / n, z)
    np.testing.assert_allclose(dz, numeric, rtol=1e-5, atol=1e-8)


def test_fused_cross_entropy_is_stable_for_huge_logits():
    head = losses.make_head("sparse_categorical_crossentropy", activations.get("softmax"), 3)
    z = np.array([[1000.0, 0.0, -1000.0], [0.0, 1000.0, 0.0]])
    dz = np.zeros_like(z)
    loss, correct = head.train(z.copy(), np.array([0, 0]), dz)
    assert loss == pytest.approx(500.0) and correct == 1      # (0 + 1000) / 2, no inf/nan
    assert np.isfinite(dz).all()


def test_functional_losses_match_their_formulas():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    np.testing.assert_allclose(losses.sparse_categorical_crossentropy([0, 2], p),
                               [-np.log(0.7), -np.log(0.8)])
    np.testing.assert_allclose(losses.categorical_crossentropy([[0, 1, 0], [0, 0, 1]], p),
                               [-np.log(0.2), -np.log(0.8)])
    np.testing.assert_allclose(losses.binary_crossentropy([1, 0], [[0.9], [0.2]]),
                               [-np.log(0.9), -np.log(0.8)])
    np.testing.assert_allclose(losses.mse([[1.0, 2.0]], [[0.0, 4.0]]), [2.5])


def test_loss_and_output_layer_must_fit_together():
    with pytest.raises(ValueError, match="needs a sigmoid output layer"):
        losses.make_head("binary_crossentropy", activations.get("relu"), 1)
    with pytest.raises(ValueError, match="at least 2 output units"):
        losses.make_head("categorical_crossentropy", activations.get("softmax"), 1)
