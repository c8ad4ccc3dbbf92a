"""The training dock's model form: each optimizer choice trains with that optimizer and the
learning rate the learner typed, and the builder's MLP has the layers the form describes."""

from __future__ import annotations

import pytest

from ui.panels.training.model_form import OPTIMIZERS, make_optimizer


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
