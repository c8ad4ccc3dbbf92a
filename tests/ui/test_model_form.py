"""The training dock's model form: each optimizer choice trains with that optimizer and the
learning rate the learner typed, and the builder's MLP has the layers the form describes."""

from __future__ import annotations

import pytest

from ui.train.model_form import OPTIMIZERS, make_optimizer


@pytest.mark.parametrize(("label", "kind", "momentum"), [
    ("Adam", "Adam", None), ("SGD", "SGD", 0.0), ("SGD + momentum", "SGD", 0.9),
    ("RMSprop", "RMSprop", None), ("Adagrad", "Adagrad", None)])
def test_each_optimizer_choice_uses_that_optimizer_and_rate(label, kind, momentum):
    opt = make_optimizer(OPTIMIZERS[label], 0.0123)
    config = opt.get_config()
    assert config["name"] == kind
    assert config["learning_rate"] == pytest.approx(0.0123)
    if momentum is not None:
        assert config["momentum"] == pytest.approx(momentum)


def test_an_unknown_optimizer_is_named_in_the_error():
    with pytest.raises(ValueError, match="nadam"):
        make_optimizer("nadam", 0.1)


def test_the_builder_model_has_the_layers_the_form_describes():
    from ui.train.model_form import TrainSettings, build_model
    settings = TrainSettings(hidden=[8, 4], activation="tanh", dropout=0.25, optimizer="adam",
                             learning_rate=0.01, batch_size=16, epochs=1, validation_split=0.0,
                             seed=7, show_on_canvas=False)
    model = build_model(settings, input_dim=2, classes=3)
    assert [lay.kind for lay in model.layers] == ["Dense", "Dropout", "Dense", "Dropout", "Dense"]
    assert model.count_params() == (2 * 8 + 8) + (8 * 4 + 4) + (4 * 3 + 3)
    assert model.layers[-1].units == 3
    again = build_model(settings, input_dim=2, classes=3)        # same seed, same weights
    assert all((a == b).all() for a, b in zip(model.get_weights(), again.get_weights(),
                                               strict=True))
