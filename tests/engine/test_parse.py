"""parse(): expressions to graphs, and everything else refused with a ValueError."""

import pytest

import graphviz_nn as gnn


def test_parse_fxyz():
    g = gnn.parse("f = (x + y) * z", x=-2, y=5, z=-4)
    assert g.output is g["f"]
    assert {n.name for n in g.nodes if n.is_leaf} == {"x", "y", "z"}
    g.forward()
    g.backward(g.output)
    assert float(g["f"].value) == -12.0
    assert [float(g[n].grad) for n in "xyz"] == [-4.0, -4.0, 3.0]


def test_parse_operators_and_calls():
    g = gnn.parse("a = -x ** 2 / (1 + y) - exp(x) + leaky_relu(y, alpha=0.2) + pow(x, 3)",
                  x=0.5, y=-2.0)
    g.forward()
    x, y = 0.5, -2.0
    import math
    expected = -(x ** 2) / (1 + y) - math.exp(x) + 0.2 * y + x ** 3
    assert float(g["a"].value) == pytest.approx(expected)
    assert {n.op for n in g.nodes} >= {"neg", "pow", "div", "sub", "exp", "leaky_relu", "add"}


def test_several_statements_name_their_nodes():
    g = gnn.parse("q = x + y; f = q * z", x=1, y=2, z=3)
    assert g["q"].op == "add" and g["f"].inputs[0] is g["q"] and g.output is g["f"]


def test_free_variables_without_values_are_inputs_without_value():
    g = gnn.parse("f = w * x")
    assert g["w"].op == "input" and g["w"].value is None
    assert "no value" in g.forward()[g["w"]]


@pytest.mark.parametrize("text, words", [
    ("f = x.__class__", "attribute"),
    ("f = __import__('os')", "calling __import__"),
    ("f = open('x')", "calling open"),
    ("f = (lambda: 1)()", "calling that"),
    ("f = lambda: 1", "lambda"),
    ("import os", "import"),
    ("f = x[0]", "indexing"),
    ("f = x ** y", "exponent"),
    ("f = 'text'", "constant"),
    ("f = [x, y]", "list"),
    ("f = x < y", "comparison"),
    ("f = x // y", "FloorDiv"),
    ("f = x +", "syntax error"),
    ("x.y = 3", "one name"),
    ("def f(): pass", "FunctionDef"),
    ("f = sigmoid(x, y)", "takes 1 argument"),
    ("f = sum(x, axis=y)", "axis"),
    ("f = x; f = y", "assigned twice"),
    ("", "write an expression"),
    ("f = " + "(" * 400 + "x" + ")" * 400, "nested|syntax"),
    ("f = " + "-" * 5000 + "x", "too long"),
], ids=lambda v: v[:30] if isinstance(v, str) else None)
def test_anything_else_is_refused(text, words):
    with pytest.raises(ValueError, match=words):
        gnn.parse(text)


def test_parse_never_calls_eval(monkeypatch):
    import builtins
    monkeypatch.setattr(builtins, "eval", lambda *a, **k: pytest.fail("eval called"))
    gnn.parse("f = sigmoid(w0*x0 + w1*x1 + w2)")


def test_long_chains_give_a_graph_or_a_value_error():
    for n in (100, 900):
        try:
            g = gnn.parse("f = " + "-x * " * n + "x", x=1.0)
        except ValueError as exc:
            assert "nested" in str(exc)
        else:
            g.forward()
            assert float(g["f"].value) == (-1.0) ** n
