"""The lecture's examples, with the numbers the lecture prints (seeds/: CS231n lecture 4)."""

import warnings

import numpy as np
import pytest

import graphviz_nn as gnn


def test_f_equals_x_plus_y_times_z():
    g = gnn.Graph()
    x, y, z = g.input("x", -2.0), g.input("y", 5.0), g.input("z", -4.0)
    q = g.add(x, y, name="q")
    f = g.mul(q, z, name="f")
    assert g.forward() == {}
    g.backward(f)
    assert f.value == -12.0 and q.value == 3.0
    assert (x.grad, y.grad, z.grad, q.grad) == (-4.0, -4.0, 3.0, -4.0)
    assert g.edge_grad(q, f) == -4.0 and g.edge_grad(z, f) == 3.0
    assert isinstance(f.value, np.ndarray) and f.value.shape == ()
    assert isinstance(x.grad, np.ndarray) and x.grad.shape == ()


def _neuron(g):
    """CS231n's sigmoid neuron from primitives: 1 / (1 + exp(−(w0·x0 + w1·x1 + w2)))."""
    w0, x0 = g.param("w0", 2.0), g.input("x0", -1.0)
    w1, x1 = g.param("w1", -3.0), g.input("x1", -2.0)
    w2 = g.param("w2", -3.0)
    s = g.add(g.add(g.mul(w0, x0), g.mul(w1, x1)), w2, name="s")
    e = g.exp(g.mul(s, -1.0, name="neg_s"), name="e")
    d = g.add(e, 1.0, name="d")
    return g.pow(d, -1.0, name="f")


def test_cs231n_sigmoid_neuron_from_primitives():
    g = gnn.Graph()
    f = _neuron(g)
    g.forward()
    g.backward(f)
    assert round(float(f.value), 2) == 0.73
    grads = [round(float(g[n].grad), 2) for n in ("w0", "x0", "w1", "x1", "w2")]
    assert grads == [-0.20, 0.39, -0.39, -0.59, 0.20]
    # the upstream gradients written under the lecture's edges
    assert round(float(g["d"].grad), 2) == -0.53
    assert round(float(g["e"].grad), 2) == -0.53
    assert round(float(g["neg_s"].grad), 2) == -0.20
    assert round(float(g["s"].grad), 2) == 0.20


def test_cs231n_sigmoid_neuron_with_the_sigmoid_gate():
    g = gnn.parse("f = sigmoid(w0*x0 + w1*x1 + w2)", w0=2, x0=-1, w1=-3, x1=-2, w2=-3)
    g.forward()
    g.backward(g["f"])
    assert round(float(g["f"].value), 2) == 0.73
    grads = [round(float(g[n].grad), 2) for n in ("w0", "x0", "w1", "x1", "w2")]
    assert grads == [-0.20, 0.39, -0.39, -0.59, 0.20]


def test_cs231n_neuron_as_vectors():
    g = gnn.Graph()
    w = g.param("w", [2.0, -3.0])
    x = g.input("x", [-1.0, -2.0])
    b = g.param("b", -3.0)
    f = g.sigmoid(g.add(g.sum(g.mul(w, x)), b), name="f")
    g.forward()
    g.backward(f)
    assert np.round(w.grad, 2).tolist() == [-0.20, -0.39]
    assert np.round(x.grad, 2).tolist() == [0.39, -0.59]
    assert round(float(b.grad), 2) == 0.20


def test_seed_softmax():
    g = gnn.Graph()
    s = g.softmax(g.input("z", [1.0, 2.0, 0.0]))
    g.forward()
    assert np.round(s.value, 2).tolist() == [0.24, 0.67, 0.09]


def test_softmax_of_huge_scores_does_not_overflow():
    g = gnn.Graph()
    s = g.softmax(g.input("z", [1000.0, 0.0, -1000.0]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert g.forward() == {}
    assert np.all(np.isfinite(s.value))
    assert s.value.tolist() == pytest.approx([1.0, 0.0, 0.0])


def test_cross_entropy_of_huge_logits_is_finite_and_right():
    g = gnn.Graph()
    z = g.input("z", [[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]])
    loss = g.softmax_cross_entropy(z, g.input("y", [1, 2]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g.forward()
        g.backward(loss)
    # sample 1: −log softmax = 1000 for class 1; sample 2: log 3; mean of the two
    assert float(loss.value) == pytest.approx((1000.0 + np.log(3.0)) / 2)
    assert np.all(np.isfinite(z.grad))
    assert z.grad[0].tolist() == pytest.approx([0.5, -0.5, 0.0])


def test_seed_softmax_of_a_batch_row_by_row():
    g = gnn.Graph()
    s = g.softmax(g.input("v", [[1.0, 2.0, 0.0], [-1.0, 0.0, 1.0], [-10.0, 0.0, 10.0]]))
    g.forward()
    assert np.round(s.value[0], 2).tolist() == [0.24, 0.67, 0.09]
    assert np.round(s.value[1], 2).tolist() == [0.09, 0.24, 0.67]
    # the notes print 2.06e-09, 4.53e-05, 9.99e-01 for the last row
    assert s.value[2] == pytest.approx([2.06e-09, 4.54e-05, 0.99995], rel=1e-2)


def test_two_layer_relu_network_of_the_lecture():
    """f = W2 · max(0, W1 · x), the 2-layer net of CS231n lecture 4, checked numerically."""
    rng = np.random.default_rng(4)
    g = gnn.Graph()
    x = g.input("x", rng.normal(size=(5, 4)))
    w1 = g.param("W1", rng.normal(size=(4, 6)))
    w2 = g.param("W2", rng.normal(size=(6, 3)))
    f = g.matmul(g.relu(g.matmul(x, w1)), w2, name="f")
    loss = g.softmax_cross_entropy(f, g.input("y", [0, 1, 2, 1, 0]))
    g.forward()
    hidden = np.maximum(0, x.value @ w1.value)
    np.testing.assert_allclose(f.value, hidden @ w2.value)
    assert gnn.gradcheck(g, loss) < 1e-6
