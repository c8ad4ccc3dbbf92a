"""Every op's gradient against central differences (gradcheck) and, where simple, by hand."""

import numpy as np
import pytest

import graphviz_nn as gnn
from graphviz_nn.ops import OPS, OpSpec

TOL = 1e-6
rng = np.random.default_rng(0)


def rand(*shape, low=-2.0, high=2.0):
    return rng.uniform(low, high, size=shape)


def away_from_zero(*shape):
    """Values with |v| in [0.3, 2]: no kink of relu/leaky_relu/elu within eps."""
    return rng.uniform(0.3, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)


BINARY = [
    ("add", (3, 4), (4,)), ("add", (3, 1), (1, 4)), ("add", (2, 3), ()),
    ("sub", (3, 4), (3, 4)), ("sub", (4,), (2, 3, 4)),
    ("mul", (3, 4), (3, 1)), ("mul", (), (2, 2)),
    ("div", (3, 4), (4,)), ("div", (2, 1), (1, 3)),
    ("matmul", (3, 4), (4, 2)), ("matmul", (4,), (4, 2)), ("matmul", (3, 4), (4,)),
    ("matmul", (4,), (4,)), ("matmul", (2, 3, 4), (4, 5)), ("matmul", (3, 4), (2, 4, 5)),
    ("mse", (5, 2), (5, 2)), ("mse", (5, 2), (2,)),
]


@pytest.mark.parametrize("op, sa, sb", BINARY)
def test_binary_op_gradients(op, sa, sb):
    g = gnn.Graph()
    a = g.input("a", rand(*sa))
    b = g.input("b", rand(*sb, low=0.5, high=2.0) if op == "div" else rand(*sb))
    out = getattr(g, op)(a, b)
    assert g.forward() == {}
    assert gnn.gradcheck(g, out) < TOL


UNARY = [
    ("neg", {}), ("abs", {}), ("exp", {}), ("log", {}), ("sigmoid", {}), ("tanh", {}), ("relu", {}),
    ("leaky_relu", {"alpha": 0.1}), ("elu", {"alpha": 0.7}), ("softmax", {"axis": -1}),
    ("softmax", {"axis": 0}), ("pow", {"p": 3.0}), ("pow", {"p": -1.0}), ("pow", {"p": 0.5}),
    ("sum", {"axis": None}), ("sum", {"axis": 0}), ("sum", {"axis": 1}),
    ("sum", {"axis": (0, 2)}), ("sum", {"axis": -1}),
    ("mean", {"axis": None}), ("mean", {"axis": 1}), ("mean", {"axis": (1, 2)}),
]


@pytest.mark.parametrize("op, attrs", UNARY)
def test_unary_op_gradients(op, attrs):
    g = gnn.Graph()
    positive = op == "log" or (op == "pow" and attrs["p"] != 3.0)
    x = g.input("x", rand(2, 3, 4, low=0.3) if positive else away_from_zero(2, 3, 4))
    out = g._op(op, (x,), None, **attrs)
    # weight the output so that the check also sees how each element is used
    g.forward()
    w = g.const("w", rand(*out.value.shape))
    loss = g.sum(g.mul(out, w))
    assert g.forward() == {}
    assert gnn.gradcheck(g, loss) < TOL


def test_every_op_is_covered_and_described():
    covered = {op for op, _, _ in BINARY} | {op for op, _ in UNARY}
    covered |= {"input", "param", "const", "softmax_cross_entropy", "dropout"}
    assert covered == set(OPS)
    for spec in OPS.values():
        assert spec.symbol and spec.category and spec.doc
        assert len(spec.local) == len(spec.ports)
        assert all("∂" in text or "no gradient" in text for text in spec.local)


def test_softmax_cross_entropy_gradient_and_value():
    g = gnn.Graph()
    z = rand(4, 3)
    labels = np.array([0, 2, 1, 2])
    logits = g.input("z", z)
    y = g.input("y", labels)
    loss = g.softmax_cross_entropy(logits, y)
    g.forward()
    g.backward(loss)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert float(loss.value) == pytest.approx(-np.log(p[np.arange(4), labels]).mean())
    onehot = np.eye(3)[labels]
    np.testing.assert_allclose(logits.grad, (p - onehot) / 4)
    assert y.value.dtype == np.int64 and y.grad is None
    assert gnn.gradcheck(g, loss, wrt=[logits]) < TOL


def test_mse_gradient_by_hand():
    g = gnn.Graph()
    p, t = rand(3, 2), rand(3, 2)
    loss = g.mse(g.input("p", p), g.input("t", t))
    g.forward()
    g.backward(loss)
    assert float(loss.value) == pytest.approx(((p - t) ** 2).mean())
    np.testing.assert_allclose(g["p"].grad, 2 * (p - t) / 6)
    np.testing.assert_allclose(g["t"].grad, -2 * (p - t) / 6)


def test_div_gradient_by_hand():
    g = gnn.Graph()
    f = g.div(g.input("a", 3.0), g.input("b", -2.0))
    g.forward()
    g.backward(f)
    assert float(f.value) == -1.5
    assert float(g["a"].grad) == pytest.approx(1 / -2.0)
    assert float(g["b"].grad) == pytest.approx(-3.0 / 4.0)


def test_dropout_train_and_eval():
    g = gnn.Graph(seed=1)
    x = g.input("x", np.ones((50, 40)))
    d = g.dropout(x, p=0.25)
    loss = g.sum(g.mul(d, g.const("w", rand(50, 40))))
    g.forward()
    kept = d.value != 0
    assert 0.70 < kept.mean() < 0.80
    np.testing.assert_allclose(d.value[kept], 1 / 0.75)       # survivors scaled by 1/(1−p)
    g.backward(loss)
    np.testing.assert_array_equal(x.grad == 0, ~kept)          # same mask in backward
    assert gnn.gradcheck(g, loss) < TOL
    g.training = False
    g.forward()
    np.testing.assert_array_equal(d.value, x.value)
    assert gnn.gradcheck(g, loss) < TOL


def test_node_used_twice_accumulates():
    g = gnn.Graph()
    x = g.input("x", 3.0)
    sq = g.mul(x, x, name="sq")            # both ports from x
    f = g.add(sq, g.mul(x, 4.0), name="f")  # and a second consumer
    g.forward()
    g.backward(f)
    assert float(x.grad) == 2 * 3.0 + 4.0
    assert float(g.edge_grad(x, sq)) == 6.0
    assert float(g.edge_grad(x, sq, port=0)) == 3.0
    assert gnn.gradcheck(g, f) < TOL


def test_gradcheck_catches_a_wrong_gradient():
    spec = OpSpec("bad_square", "?", "Arithmetic", ("x",), {}, "x²", ("∂/∂x = x (wrong)",),
                  "A square with a wrong gradient.", lambda xs, node: xs[0] ** 2,
                  lambda g, xs, out, node, need: [g * xs[0]])
    OPS[spec.name] = spec
    try:
        g = gnn.Graph()
        x = g.input("x", [1.0, 2.0])
        f = g.sum(g._op("bad_square", (x,), None))
        assert gnn.gradcheck(g, f) > 0.1
    finally:
        del OPS[spec.name]


def test_float32_graph_stays_float32():
    g = gnn.Graph(dtype="float32")
    x = g.input("x", rand(4, 3))
    w = g.param("w", rand(3, 2))
    loss = g.softmax_cross_entropy(g.add(g.matmul(x, w), g.param("b", rand(2))),
                                   g.input("y", [0, 1, 1, 0]))
    g.forward()
    g.backward(loss)
    assert loss.value.dtype == np.float32 and w.grad.dtype == np.float32
    assert g["y"].value.dtype == np.int64
    assert gnn.gradcheck(g, loss) < 1e-6   # checked on a float64 copy


def test_gradcheck_samples_big_leaves_and_leaves_the_graph_alone():
    g = gnn.Graph(dtype="float32")
    w = g.param("w", rand(60, 50))
    x = g.input("x", rand(4, 60))
    loss = g.mean(g.tanh(g.matmul(x, w)))
    before = w.value.copy()
    assert gnn.gradcheck(g, loss, max_per_leaf=50) < 1e-6
    np.testing.assert_array_equal(w.value, before)
    assert w.value.dtype == np.float32 and w.grad is None


@pytest.mark.parametrize("loss_op", ["softmax_cross_entropy", "mse"])
def test_losses_inside_a_bigger_graph(loss_op):
    """A loss that is not the output gets an upstream gradient other than 1."""
    g = gnn.Graph()
    z = g.input("z", rand(4, 3))
    other = g.input("y", [2, 0, 1, 1]) if loss_op == "softmax_cross_entropy" \
        else g.input("t", rand(4, 3))
    loss = g._op(loss_op, (z, other), "loss")
    out = g.add(g.mul(loss, 2.5), g.pow(loss, 2.0))
    g.forward()
    g.backward(out)
    assert float(loss.grad) == pytest.approx(2.5 + 2 * float(loss.value))
    assert gnn.gradcheck(g, out) < TOL
