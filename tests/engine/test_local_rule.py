"""Each op's local derivative written with the names of the nodes that feed it (the quiz shows
this while the number is still hidden)."""

from __future__ import annotations

from graphviz_nn.ops import OPS


def test_the_ports_take_the_inputs_names():
    assert OPS["mul"].local_rule(0, ["q", "z"]) == "∂(q·z)/∂q = z"
    assert OPS["mul"].local_rule(1, ["q", "z"]) == "∂(q·z)/∂z = q"


def test_names_are_swapped_at_once_not_one_after_the_other():
    # a fed by "b" and b fed by "a": a second pass would turn them back
    assert OPS["div"].local_rule(1, ["b", "a"]) == "∂(b/a)/∂a = −b/a²"


def test_only_whole_names_change_and_attributes_are_given():
    assert OPS["pow"].local_rule(0, ["h"], {"p": 2.0}) == "∂(hᵖ)/∂h = p·hᵖ⁻¹  (p = 2)"
    assert OPS["exp"].local_rule(0, ["s"]) == "∂exp(s)/∂s = exp(s)"
    assert OPS["sigmoid"].local_rule(0, ["s"]) == "∂σ(s)/∂s = σ(s)·(1 − σ(s))"
    assert OPS["mean"].local_rule(0, ["x2"]).startswith("∂mean/∂x2 = 1/n")   # not "mean" → "mean"
    assert OPS["leaky_relu"].local_rule(0, ["h"], {"alpha": 0.01}).endswith("(α = 0.01)")


def test_an_unconnected_port_keeps_its_own_name():
    assert OPS["mul"].local_rule(0, ["q", None]) == "∂(q·b)/∂q = b"
