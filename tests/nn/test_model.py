"""Sequential: the seed's parameter counts and summary, the graph it builds, and fit's
bookkeeping (history, callbacks, stopping, weights)."""

import threading

import numpy as np
import pytest

from graphviz_nn.nn import Callback, Dense, Dropout, LambdaCallback, Sequential, mlp_layers


def seed_model(**kw):
    return Sequential([Dense(100, activation="sigmoid", input_shape=(784,)),
                       Dense(10, activation="softmax")], **kw)


def blobs(n=300, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    centers = np.array([[0.0, 3.0], [3.0, -2.0], [-3.0, -2.0]])
    return (centers[y] + rng.normal(size=(n, 2))).astype(np.float32), y


def blob_model(metrics=("accuracy",)):
    """A small 2-4-3 ReLU classifier for ``blobs``, compiled with SGD."""
    model = Sequential([Dense(4, activation="relu", input_shape=(2,)),
                        Dense(3, activation="softmax")], seed=0)
    model.compile("sgd", "sparse_categorical_crossentropy", metrics)
    return model


def test_seed_param_counts_and_summary_table(capsys):
    model = seed_model()
    assert model.count_params() == 79_510 == 784 * 100 + 100 + 100 * 10 + 10
    model.summary()
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert lines[0] == 'Model: "sequential"'
    dense = next(line for line in lines if line.startswith(" dense (Dense)"))
    dense_1 = next(line for line in lines if line.startswith(" dense_1 (Dense)"))
    assert dense.split()[2:] == ["(None,", "100)", "78,500"]
    assert dense_1.split()[2:] == ["(None,", "10)", "1,010"]
    assert "Total params: 79,510" in lines
    assert "Trainable params: 79,510" in lines
    assert "Non-trainable params: 0" in lines


def test_mlp_layers_builds_the_app_and_cli_classifier():
    model = Sequential(mlp_layers(2, [8, 4], 3, "tanh", dropout=0.25))
    assert [lay.kind for lay in model.layers] == ["Dense", "Dropout", "Dense", "Dropout",
                                                   "Dense"]
    assert model.count_params() == (2 * 8 + 8) + (8 * 4 + 4) + (4 * 3 + 3)
    assert model.layers[-1].activation.name == "softmax"
    one_class = Sequential(mlp_layers(5, [], 1))
    assert one_class.count_params() == 5 * 2 + 2          # at least two output units


def test_dropout_in_summary_has_no_params():
    model = Sequential([Dense(8, activation="relu", input_shape=(4,)), Dropout(0.3),
                        Dense(2, activation="softmax")])
    text = model.summary_text()
    assert " dropout (Dropout)" in text and "(None, 8)" in text
    assert model.count_params() == 4 * 8 + 8 + 8 * 2 + 2


def test_glorot_uniform_init_and_zero_bias():
    model = Sequential([Dense(300, input_shape=(500,))], seed=1)
    w, b = model.get_weights()
    limit = np.sqrt(6 / 800)
    assert w.dtype == np.float32 and np.abs(w).max() <= limit
    assert np.abs(w).max() > 0.95 * limit          # uniform over the whole range
    assert abs(w.std() - limit / np.sqrt(3)) < 0.01 * limit
    assert not b.any()


def test_graph_params_are_the_trained_arrays():
    x, y = blobs()
    model = Sequential([Dense(16, activation="relu", input_shape=(2,)),
                        Dense(3, activation="softmax")], seed=0)
    model.compile("sgd", "sparse_categorical_crossentropy", ["accuracy"])
    g = model.graph
    names = [n.name for n in g.nodes]
    for name in ("x", "y", "W1", "b1", "W2", "b2", "loss"):
        assert name in names
    w1 = g["W1"].value
    before = w1.copy()
    model.fit(x, y, epochs=1, batch_size=32, verbose=0)
    assert g["W1"].value is w1                      # same array object...
    assert not np.array_equal(w1, before)           # ...changed in place by training


@pytest.mark.parametrize("act", ["relu", "sigmoid", "tanh", "elu", "leaky_relu", "softmax"])
@pytest.mark.parametrize("loss", ["sparse_categorical_crossentropy", "categorical_crossentropy",
                                  "mse"])
def test_plan_matches_engine_graph_on_one_batch(act, loss):
    """The compiled training step and the engine graph give the same loss and gradients."""
    x, y = blobs(40)
    out_act = "softmax" if "crossentropy" in loss else "sigmoid"
    model = Sequential([Dense(7, activation=act, input_shape=(2,)), Dense(5, activation=act),
                        Dense(3, activation=out_act)], seed=3)
    model.compile("sgd", loss, ["accuracy"])
    target = y if loss.startswith("sparse") else np.eye(3, dtype=np.float32)[y]
    plan = model._get_plan(40)
    loss_plan, _ = plan.train_step(x, model._head.targets(target, 40))
    g = model.graph
    g.set_value(g["x"], x)
    g.set_value(g["y"], target)
    errors = g.forward()
    assert not errors
    g.backward(g["loss"])
    assert abs(float(g["loss"].value) - loss_plan) < 1e-5 * max(1.0, abs(loss_plan))
    for k, slot in enumerate(plan.dense, start=1):
        np.testing.assert_allclose(slot.dW, g[f"W{k}"].grad, rtol=1e-4, atol=1e-6)
        np.testing.assert_allclose(slot.db, g[f"b{k}"].grad, rtol=1e-4, atol=1e-6)


def test_binary_crossentropy_plan_matches_engine():
    x, y = blobs(30)
    y = (y == 0).astype(np.float32)
    model = Sequential([Dense(6, activation="tanh", input_shape=(2,)),
                        Dense(1, activation="sigmoid")], seed=2)
    model.compile("sgd", "binary_crossentropy", ["accuracy"])
    plan = model._get_plan(30)
    loss_plan, _ = plan.train_step(x, model._head.targets(y, 30))
    g = model.graph
    g.set_value(g["x"], x)
    g.set_value(g["y"], y[:, None])
    assert not g.forward()
    g.backward(g["loss"])
    assert abs(float(g["loss"].value) - loss_plan) < 1e-5
    np.testing.assert_allclose(plan.dense[0].dW, g["W1"].grad, rtol=1e-4, atol=1e-6)


def test_history_keys_and_validation_split_takes_the_last_samples():
    x, y = blobs(200)
    model = Sequential([Dense(8, activation="relu", input_shape=(2,)),
                        Dense(3, activation="softmax")], seed=0)
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    h = model.fit(x, y, epochs=3, batch_size=16, validation_split=0.25, verbose=0)
    assert set(h.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 3 for v in h.history.values())
    assert h.params["samples"] == 150 and h.params["steps"] == 10
    # val metrics are evaluate() on the last quarter with the final weights
    loss, acc = model.evaluate(x[150:], y[150:])
    assert loss == pytest.approx(h.history["val_loss"][-1], rel=1e-5)
    assert acc == pytest.approx(h.history["val_accuracy"][-1])


def test_batch_callback_logs_and_stop_from_callback():
    x, y = blobs(100)
    model = blob_model()
    seen = []

    def on_batch_end(step, logs):
        seen.append(dict(logs))
        if step == 6:
            model.stop_training = True

    h = model.fit(x, y, epochs=10, batch_size=10, verbose=0,
                  callbacks=[LambdaCallback(on_batch_end=on_batch_end)])
    assert [s["step"] for s in seen] == list(range(7))
    assert seen[0].keys() >= {"loss", "accuracy", "epoch", "batch", "step"}
    assert len(h.history["loss"]) == 1              # the epoch it stopped in is recorded


def test_step_log_holds_every_step_and_a_callback_can_ask_for_fewer_calls():
    x, y = blobs(100)
    model = blob_model()
    every, sparse = [], []

    class Sparse(Callback):
        def on_batch_end(self, step, logs):
            sparse.append(step)
            self.batch_end_from = step + 5      # call me again five steps on

    def on_batch_end(step, logs):
        every.append((logs["loss"], logs["accuracy"]))

    h = model.fit(x, y, epochs=3, batch_size=10, verbose=0,
                  callbacks=[LambdaCallback(on_batch_end=on_batch_end), Sparse()])
    log = h.step_log
    assert log.count == 30
    np.testing.assert_array_equal(log.loss, [loss for loss, _ in every])
    np.testing.assert_array_equal(log.accuracy, [acc for _, acc in every])
    assert sparse == [0, 5, 10, 15, 20, 25]
    assert log.epoch_batch(23) == (2, 3)


def test_stop_from_another_thread():
    x, y = blobs(2000)
    model = Sequential([Dense(64, activation="relu", input_shape=(2,)),
                        Dense(3, activation="softmax")], seed=0)
    model.compile("sgd", "sparse_categorical_crossentropy")
    started = threading.Event()

    class Signal(Callback):
        def on_batch_end(self, step, logs):
            started.set()

    threading.Thread(target=lambda: (started.wait(10), setattr(model, "stop_training", True)),
                     daemon=True).start()
    h = model.fit(x, y, epochs=10_000, batch_size=8, verbose=0, callbacks=[Signal()])
    assert len(h.history["loss"]) < 10_000


def test_nonfinite_guard_keeps_last_finite_weights():
    x, y = blobs(200)
    x = x * 1e3
    model = Sequential([Dense(32, activation="relu", input_shape=(2,)),
                        Dense(3, activation="softmax")], seed=0)
    from graphviz_nn.optim import SGD
    model.compile(SGD(learning_rate=1e30), "sparse_categorical_crossentropy", ["accuracy"])
    infos, snapshots = [], []

    class Watch(Callback):
        def on_batch_end(self, step, logs):
            snapshots.append(self.model.get_weights())

        def on_nonfinite(self, info):
            infos.append(info)

    h = model.fit(x, y, epochs=50, batch_size=20, verbose=0, callbacks=[Watch()])
    assert len(infos) == 1
    assert infos[0]["step"] == len(snapshots)       # the step after the last good one
    assert infos[0]["node"] in [n.name for n in model.graph.nodes]
    assert h.nonfinite == infos[0]
    last = snapshots[-1] if snapshots else None
    for w in model.get_weights():
        assert np.isfinite(w).all()
    if last is not None:
        for a, b in zip(model.get_weights(), last, strict=True):
            np.testing.assert_array_equal(a, b)
    assert len(h.history.get("loss", [])) < 50


def test_get_set_weights_copy_in_place():
    model = seed_model(seed=0)
    ws = model.get_weights()
    assert [w.shape for w in ws] == [(784, 100), (100,), (100, 10), (10,)]
    ws[0][:] = 0.5
    assert not (model.graph["W1"].value == 0.5).all()      # get_weights gives copies
    arr = model.graph["W1"].value
    model.set_weights(ws)
    assert model.graph["W1"].value is arr and (arr == 0.5).all()
    with pytest.raises(ValueError, match="shape"):
        model.set_weights([np.zeros((3, 3))] + ws[1:])


def test_reset_weights_with_seed_is_repeatable():
    model = seed_model(seed=0)
    model.reset_weights(seed=5)
    a = model.get_weights()
    model.reset_weights(seed=5)
    b = model.get_weights()
    for u, v in zip(a, b, strict=True):
        np.testing.assert_array_equal(u, v)


def test_clear_errors():
    model = seed_model()
    with pytest.raises(ValueError, match="softmax output"):
        Sequential([Dense(3, input_shape=(2,))]).compile("sgd", "sparse_categorical_crossentropy")
    with pytest.raises(ValueError, match="unknown loss"):
        model.compile("sgd", "hinge")
    model.compile("sgd", "sparse_categorical_crossentropy")
    with pytest.raises(ValueError, match=r"shape \(5, 28, 28\).*flatten"):
        model.fit(np.zeros((5, 28, 28)), np.zeros(5, int), verbose=0)
    with pytest.raises(ValueError, match="one-hot rows go with categorical_crossentropy"):
        model.fit(np.zeros((5, 784)), np.eye(10)[:5], verbose=0)
    with pytest.raises(ValueError, match="between 0 and 9"):
        model.fit(np.zeros((5, 784)), np.full(5, 12), verbose=0)
    with pytest.raises(ValueError, match="unknown activation"):
        Dense(3, activation="swish")
    with pytest.raises(ValueError, match="Dropout rate"):
        Dropout(1.5)


def test_diagnostics_report_dead_relu_units_and_norms():
    x, y = blobs(64)
    model = blob_model(metrics=None)
    w1, b1, w2, b2 = model.get_weights()
    b1[:2] = -1000.0                                 # two units can never fire
    model.set_weights([w1, b1, w2, b2])
    assert model.diagnostics()[0]["grad_norm"] == 0.0     # no step yet
    model.fit(x, y, epochs=1, batch_size=64, verbose=0)
    d1, d2 = model.diagnostics()
    assert d1["layer"] == "dense" and d2["layer"] == "dense_1"
    assert d1["dead_fraction"] == 0.5 and d2["dead_fraction"] is None
    assert d1["weight_norm"] == pytest.approx(float(np.linalg.norm(model.get_weights()[0])))
    assert d1["grad_norm"] > 0 and d2["grad_norm"] > 0
    # the dead units' incoming weights got no gradient, so SGD left them alone
    np.testing.assert_array_equal(model.get_weights()[0][:, :2], w1[:, :2])


def test_seed_logistic_regression_single_layer():
    """The seed's first model: keras.Sequential(Dense(10, softmax, input_shape=(784,)))."""
    rng = np.random.default_rng(0)
    x = rng.random((300, 784), dtype=np.float32)
    y = (x[:, :10].argmax(axis=1)).astype(np.int64)
    model = Sequential(Dense(10, activation="softmax", input_shape=(784,)), seed=0)
    model.compile(loss="sparse_categorical_crossentropy", metrics="accuracy")
    assert type(model.optimizer).__name__ == "RMSprop"        # Keras's default optimizer
    assert model.count_params() == 7850
    h = model.fit(x, y, epochs=5, verbose=0)
    assert h.history["loss"][-1] < h.history["loss"][0]
