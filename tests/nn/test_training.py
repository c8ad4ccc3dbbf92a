"""Training that a learner would notice: the spiral and the digits get learned, dropout
behaves, early stopping stops (and restores), a seed repeats a run exactly."""


import numpy as np
import pytest

from graphviz_nn import datasets as ds
from graphviz_nn.nn import Callback, Dense, Dropout, EarlyStopping, Sequential
from graphviz_nn.optim import SGD, Adam


def test_spiral_learned_to_95_percent():
    x, y = ds.spiral(n=500, noise=0.1, seed=0)
    model = Sequential([Dense(32, activation="relu", input_shape=(2,)),
                        Dense(32, activation="relu"), Dense(2, activation="softmax")], seed=0)
    model.compile(Adam(learning_rate=0.01), "sparse_categorical_crossentropy", ["accuracy"])
    h = model.fit(x, y, epochs=300, batch_size=32, verbose=0)   # its speed: bench_train.py
    assert h.history["accuracy"][-1] >= 0.95
    loss, acc = model.evaluate(x, y)
    assert acc >= 0.95
    pred = model.predict(x)
    assert pred.shape == (500, 2)
    np.testing.assert_allclose(pred.sum(axis=1), 1.0, rtol=1e-5)
    assert np.mean(pred.argmax(axis=1) == y) == pytest.approx(acc)


def test_digits_to_95_percent_validation_accuracy():
    pytest.importorskip("sklearn")
    x, y = ds.digits()
    (xt, yt), (xv, yv), _ = ds.train_val_test_split(x, y, val=0.2, seed=0)
    model = Sequential([Dense(64, activation="relu", input_shape=(64,)),
                        Dense(10, activation="softmax")], seed=0)
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    h = model.fit(xt, yt, epochs=30, batch_size=32, validation_data=(xv, yv), verbose=0)
    assert h.history["val_accuracy"][-1] >= 0.95
    assert model.evaluate(xv, yv)[1] >= 0.95


def test_one_hot_targets_with_categorical_crossentropy_learn_too():
    x, y = ds.gaussian(n=200, noise=0.1, seed=1)
    model = Sequential([Dense(8, activation="tanh", input_shape=(2,)),
                        Dense(2, activation="softmax")], seed=0)
    model.compile(SGD(learning_rate=0.1), "categorical_crossentropy", ["accuracy"])
    h = model.fit(x, ds.one_hot(y, 2), epochs=20, batch_size=16, verbose=0)
    assert h.history["accuracy"][-1] >= 0.95
    assert h.history["loss"][-1] < h.history["loss"][0]


def test_dropout_zeroes_a_fraction_and_scales_the_rest():
    model = Sequential([Dropout(0.25, input_shape=(4000,)), Dense(1)], seed=0)
    model.compile("sgd", "mse")
    model.set_weights([np.full((4000, 1), 1 / 4000, np.float32), np.zeros(1, np.float32)])
    plan = model._get_plan(8)
    x = np.ones((8, 4000), np.float32)
    plan.train_step(x, np.zeros((8, 1), np.float32))
    mask = plan.dense[0].drops[0].mask
    np.testing.assert_allclose(np.unique(mask), [0.0, 1 / 0.75], rtol=1e-6)
    assert abs((mask == 0).mean() - 0.25) < 0.01
    # the kept inputs are scaled by 1/(1 - rate), so the expected sum is unchanged
    seen = plan.dense[0].inp                   # what the Dense layer received
    np.testing.assert_array_equal(seen, x * mask)
    assert abs(seen.mean() - 1.0) < 0.02


def test_dropout_on_in_fit_off_in_predict_and_evaluate():
    x, y = ds.moons(n=64, noise=0.1)
    with_drop = Sequential([Dense(16, activation="relu", input_shape=(2,)), Dropout(0.5),
                            Dense(2, activation="softmax")], seed=0)
    without = Sequential([Dense(16, activation="relu", input_shape=(2,)),
                          Dense(2, activation="softmax")], seed=0)
    for m in (with_drop, without):
        m.compile("sgd", "sparse_categorical_crossentropy", ["accuracy"])
    without.set_weights(with_drop.get_weights())
    np.testing.assert_array_equal(with_drop.predict(x), with_drop.predict(x))
    np.testing.assert_allclose(with_drop.predict(x), without.predict(x), rtol=1e-6)
    assert with_drop.evaluate(x, y) == pytest.approx(without.evaluate(x, y))
    plan = with_drop._get_plan(64)
    losses = {plan.train_step(x, y)[0] for _ in range(3)}   # same weights, new masks
    assert len(losses) == 3


class Recorder(Callback):
    def __init__(self):
        self.weights = []

    def on_epoch_end(self, epoch, logs):
        self.weights.append(self.model.get_weights())


def overfit_setup():
    """Validation labels are the opposite of the training ones, so val_loss rises while
    training improves."""
    x, y = ds.gaussian(n=200, noise=0.1, seed=0)
    model = Sequential([Dense(8, activation="tanh", input_shape=(2,)),
                        Dense(2, activation="softmax")], seed=0)
    model.compile(SGD(learning_rate=0.05), "sparse_categorical_crossentropy", ["accuracy"])
    return model, x, y, (x[:50], 1 - y[:50])


@pytest.mark.parametrize("patience", [0, 2])
def test_early_stopping_stops_after_patience(patience):
    model, x, y, val = overfit_setup()
    h = model.fit(x, y, epochs=50, batch_size=20, validation_data=val, verbose=0,
                  callbacks=[EarlyStopping(monitor="val_loss", patience=patience)])
    vl = h.history["val_loss"]
    assert all(b > a for a, b in zip(vl, vl[1:], strict=False))   # it did get worse each epoch
    assert len(vl) == max(patience, 1) + 1 < 50


def test_early_stopping_restore_best_weights():
    model, x, y, val = overfit_setup()
    # first make the validation loss fall for a while, then rise: flip the val labels later
    rec = Recorder()
    stop = EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)
    h = model.fit(x, y, epochs=50, batch_size=20, validation_data=(val[0], 1 - val[1]),
                  verbose=0, callbacks=[rec])
    assert h.history["val_loss"][-1] < h.history["val_loss"][0]
    h = model.fit(x, y, epochs=50, batch_size=20, validation_data=val, verbose=0,
                  callbacks=[rec, stop])
    vl = h.history["val_loss"]
    best = int(np.argmin(vl))
    assert len(vl) == best + 4                      # patience 3 after the best epoch
    assert stop.best_epoch == best
    for got, want in zip(model.get_weights(), rec.weights[-len(vl) + best], strict=True):
        np.testing.assert_array_equal(got, want)
    assert model.evaluate(*val)[0] == pytest.approx(vl[best], rel=1e-5)


def test_early_stopping_on_a_metric_fit_does_not_report():
    model, x, y, _ = overfit_setup()
    before = model.get_weights()
    with pytest.raises(ValueError, match="val_loss.*validation data"):
        model.fit(x, y, epochs=2, verbose=0, callbacks=[EarlyStopping()])
    for a, b in zip(model.get_weights(), before, strict=True):   # refused before training
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="'val_acc'.*reports: loss, accuracy, val_loss"):
        model.fit(x, y, epochs=2, verbose=0, validation_split=0.2,
                  callbacks=[EarlyStopping(monitor="val_acc")])


def run(seed, dropout=0.2):
    x, y = ds.xor(n=200, noise=0.1, seed=3)
    model = Sequential([Dense(16, activation="relu", input_shape=(2,)), Dropout(dropout),
                        Dense(2, activation="softmax")], seed=seed)
    model.compile("adam", "sparse_categorical_crossentropy", ["accuracy"])
    h = model.fit(x, y, epochs=5, batch_size=16, validation_split=0.2, verbose=0)
    return h.history, model.get_weights()


def test_same_seed_same_run_other_seed_other_run():
    h1, w1 = run(7)
    h2, w2 = run(7)
    assert h1 == h2
    for a, b in zip(w1, w2, strict=True):
        np.testing.assert_array_equal(a, b)
    h3, _ = run(8)
    assert h3 != h1
