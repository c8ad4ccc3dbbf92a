"""Weight penalties as Keras names them: the loss the model reports, the graph's loss node and
gradients, and one optimizer update, each against the maths written out by hand."""

import numpy as np
import pytest

import graphviz_nn as gnn
from graphviz_nn.nn import Dense, Sequential, regularizers
from graphviz_nn.nn.wire import model_from_state, model_state
from graphviz_nn.optim import SGD


def _model(kernel=None, bias=None, seed=0):
    m = Sequential([Dense(4, activation="tanh", input_shape=(3,), kernel_regularizer=kernel,
                          bias_regularizer=bias),
                    Dense(2, activation="softmax")], seed=seed)
    m.compile(optimizer=SGD(learning_rate=0.1), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
    return m


def _data(n=8):
    rng = np.random.default_rng(1)
    return rng.normal(size=(n, 3)).astype(np.float32), rng.integers(0, 2, n)


def _data_loss(m, x, y):
    """Cross-entropy of the model's own probabilities, by hand."""
    p = m.predict(x).astype(np.float64)
    return float(-np.log(p[np.arange(len(y)), y]).mean())


@pytest.mark.parametrize("reg, penalty", [
    (regularizers.l2(0.01), lambda w: 0.01 * np.sum(w.astype(np.float64) ** 2)),
    (regularizers.l1(0.02), lambda w: 0.02 * np.sum(np.abs(w.astype(np.float64)))),
    (regularizers.l1_l2(l1=0.01, l2=0.03),
     lambda w: 0.01 * np.abs(w.astype(np.float64)).sum() + 0.03 * np.square(w.astype(np.float64)).sum()),
])
def test_evaluate_adds_the_penalty_as_keras(reg, penalty):
    m = _model(kernel=reg)
    x, y = _data()
    W1 = m.dense_layers[0].W
    loss, _ = m.evaluate(x, y)
    assert loss == pytest.approx(_data_loss(m, x, y) + penalty(W1), rel=1e-5)


def test_keras_defaults():
    assert regularizers.l1().get_config() == {"l1": 0.01, "l2": 0.0}
    assert regularizers.l2().get_config() == {"l1": 0.0, "l2": 0.01}
    assert regularizers.l1_l2().get_config() == {"l1": 0.0, "l2": 0.0}
    assert regularizers.get("l2") == regularizers.l2(0.01)
    with pytest.raises(ValueError, match="finite number >= 0"):
        regularizers.l2(-1)
    with pytest.raises(ValueError, match="unknown regularizer"):
        regularizers.get("l3")


def test_one_sgd_step_is_the_update_rule_written_out():
    """W' = W − lr·(∂data_loss/∂W + 2·l2·W) and b' = b − lr·(∂data_loss/∂b + l1·sign(b)):
    the data gradient comes from a twin model without penalties."""
    x, y = _data()
    m = _model(kernel=regularizers.l2(0.05), bias=regularizers.l1(0.1))
    plain = _model()
    plain.set_weights(m.get_weights())
    m.dense_layers[0].b[:] = [0.5, -0.5, 0.25, 0.0]
    plain.dense_layers[0].b[:] = m.dense_layers[0].b
    W, b = m.dense_layers[0].W.copy(), m.dense_layers[0].b.copy()
    h = m.fit(x, y, batch_size=len(x), epochs=1, shuffle=False, verbose=0)
    plan = plain._get_plan(len(x))
    data_loss, _ = plan.train_step(*plain._xy(x, y))
    dW, db = plan.grads[0], plan.grads[1]
    np.testing.assert_allclose(m.dense_layers[0].W, W - 0.1 * (dW + 2 * 0.05 * W), atol=1e-6)
    np.testing.assert_allclose(m.dense_layers[0].b, b - 0.1 * (db + 0.1 * np.sign(b)), atol=1e-6)
    penalty = 0.05 * np.square(W.astype(np.float64)).sum() + 0.1 * np.abs(b.astype(np.float64)).sum()
    assert h.history["loss"][0] == pytest.approx(data_loss + penalty, rel=1e-5)


@pytest.mark.parametrize("reg", [regularizers.l2(0.3), regularizers.l1(0.2),
                                 regularizers.l1_l2(0.1, 0.2)])
def test_graph_has_the_penalty_and_its_gradients_check(reg):
    m = _model(kernel=reg, bias=regularizers.l2(0.5))
    x, y = _data(5)
    g = m.graph
    g["x"].value = x
    g["y"].value = y
    g.forward()
    loss = g["loss"]
    assert float(loss.value) == pytest.approx(m.evaluate(x, y)[0], rel=1e-5)
    # the penalised weights' gradients: a twin graph's data gradient + the penalty's, by hand
    g.backward(loss)
    data = _model()
    data.set_weights(m.get_weights())
    gd = data.graph
    gd["x"].value, gd["y"].value = x, y
    gd.forward()
    gd.backward(gd["loss"])
    W, b = g["W1"].value.astype(np.float64), g["b1"].value.astype(np.float64)
    np.testing.assert_allclose(g["W1"].grad, gd["W1"].grad + reg.l1 * np.sign(W) + 2 * reg.l2 * W,
                               atol=1e-5)
    np.testing.assert_allclose(g["b1"].grad, gd["b1"].grad + 2 * 0.5 * b, atol=1e-5)


def test_penalty_nodes_against_central_differences():
    """The graph's l1/l2 terms on their own, in float64, by gradcheck."""
    g = gnn.Graph()
    rng = np.random.default_rng(3)
    w = g.param("W1", rng.uniform(0.2, 1.0, (3, 2)) * rng.choice([-1, 1], (3, 2)))
    l1 = g.mul(g.const("r1", 0.3), g.sum(g.abs(w)))
    l2 = g.mul(g.const("r2", 0.7), g.sum(g.pow(w, 2.0)))
    total = g.add(l1, l2)
    g.forward()
    assert gnn.gradcheck(g, total) < 1e-7
    g.backward(total)
    np.testing.assert_allclose(w.grad, 0.3 * np.sign(w.value) + 1.4 * w.value)


def test_regularizers_travel_to_the_trainer_process():
    m = _model(kernel=regularizers.l1_l2(0.01, 0.02), bias=regularizers.l2(0.5))
    spec, arrays = model_state(m)
    twin = model_from_state(spec, arrays)
    assert twin.dense_layers[0].kernel_regularizer == regularizers.l1_l2(0.01, 0.02)
    assert twin.dense_layers[0].bias_regularizer == regularizers.l2(0.5)
    assert twin.dense_layers[1].kernel_regularizer is None
