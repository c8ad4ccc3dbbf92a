"""Each optimizer's first steps against its update rule written out by hand (Keras 3's rules)."""

import math

import numpy as np
import pytest

from graphviz_nn import optim

GRADS = [np.array([0.5, -1.0, 2.0]), np.array([-0.25, 0.75, 1.5]), np.array([1.0, 0.0, -3.0])]
W0 = np.array([1.0, -2.0, 0.5])


def run(opt, steps=3):
    w = W0.astype(np.float32)
    ident = id(w)
    out = []
    for g in GRADS[:steps]:
        g32 = g.astype(np.float32)
        before = g32.copy()
        opt.apply([w], [g32])
        assert np.array_equal(g32, before), "the gradient must not be changed"
        out.append(w.copy())
    assert id(w) == ident
    return out


def check(opt, expected):
    got = run(opt)
    for step, (a, b) in enumerate(zip(got, expected, strict=True)):
        np.testing.assert_allclose(a, b, rtol=2e-6, atol=1e-6, err_msg=f"step {step + 1}")


def test_sgd_plain_default_lr_is_keras_0_01():
    opt = optim.SGD()
    assert opt.learning_rate == 0.01
    w, exp = W0.copy(), []
    for g in GRADS:
        w = w - 0.01 * g
        exp.append(w)
    check(opt, exp)


@pytest.mark.parametrize("nesterov", [False, True])
def test_sgd_momentum(nesterov):
    lr, m = 0.1, 0.9
    w, v, exp = W0.copy(), np.zeros(3), []
    for g in GRADS:
        v = m * v - lr * g
        w = w + (m * v - lr * g if nesterov else v)
        exp.append(w)
    check(optim.SGD(learning_rate=lr, momentum=m, nesterov=nesterov), exp)


def test_adagrad():
    lr, eps = 0.05, 1e-7
    w, acc, exp = W0.copy(), np.full(3, 0.1), []
    for g in GRADS:
        acc = acc + g * g
        w = w - lr * g / np.sqrt(acc + eps)
        exp.append(w)
    check(optim.Adagrad(learning_rate=lr), exp)
    assert optim.Adagrad().learning_rate == 0.001


@pytest.mark.parametrize("centered", [False, True])
def test_rmsprop(centered):
    lr, rho, eps = 0.01, 0.9, 1e-7
    w, v, avg, exp = W0.copy(), np.zeros(3), np.zeros(3), []
    for g in GRADS:
        v = rho * v + (1 - rho) * g * g
        if centered:
            avg = rho * avg + (1 - rho) * g
            denom = v - avg * avg + eps
        else:
            denom = v + eps
        w = w - lr * g / np.sqrt(denom)
        exp.append(w)
    check(optim.RMSprop(learning_rate=lr, centered=centered), exp)


def test_rmsprop_momentum():
    lr, rho, mom, eps = 0.01, 0.9, 0.5, 1e-7
    w, v, buf, exp = W0.copy(), np.zeros(3), np.zeros(3), []
    for g in GRADS:
        v = rho * v + (1 - rho) * g * g
        buf = mom * buf + lr * g / np.sqrt(v + eps)
        w = w - buf
        exp.append(w)
    check(optim.RMSprop(learning_rate=lr, momentum=mom), exp)


def test_adam():
    lr, b1, b2, eps = 0.001, 0.9, 0.999, 1e-7
    w, m, v, exp = W0.copy(), np.zeros(3), np.zeros(3), []
    for t, g in enumerate(GRADS, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        alpha = lr * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        w = w - alpha * m / (np.sqrt(v) + eps)
        exp.append(w)
    opt = optim.Adam()
    check(opt, exp)
    # Adam's first step moves every weight by about lr, whatever the gradient's size
    np.testing.assert_allclose(np.abs(exp[0] - W0), lr, rtol=1e-3)


def test_get_by_name_and_errors():
    assert isinstance(optim.get("adam"), optim.Adam)
    assert isinstance(optim.get("RMSprop"), optim.RMSprop)
    assert optim.get("sgd", learning_rate=0.3).learning_rate == 0.3
    with pytest.raises(ValueError, match="unknown optimizer 'adamw'"):
        optim.get("adamw")
    with pytest.raises(ValueError, match="learning_rate"):
        optim.SGD(learning_rate=-1)
