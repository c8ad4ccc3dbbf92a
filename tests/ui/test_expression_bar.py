"""The expression bar shows the expression of an example that has one; pressing Enter on it
builds the same computation."""

from __future__ import annotations

import pytest

from ui.explore.expression import expression_of


def test_the_default_example_shows_its_expression(win):
    assert win.expression.text() == "f = (x + y) * z"


@pytest.mark.parametrize("key, text, value", [
    ("sigmoid", "f = sigmoid(w0 * x0 + w1 * x1 + w2)", "0.731"),
    ("nonlinear", "c = log(a * 4 + 2) * 3 - 5", "0.375"),       # 3·ln 6 − 5
])
def test_an_example_shows_its_expression_and_enter_rebuilds_it(win, key, text, value):
    win.load_example(key)
    assert win.expression.text() == text
    win.actions["forward"].trigger()
    out = win.controller.output
    assert win.scene.node_item(out.id).value_text() == value
    assert win.apply_expression()                          # Enter on what the bar shows
    win.actions["forward"].trigger()
    out = win.controller.output
    assert win.scene.node_item(out.id).value_text() == value   # the leaves kept their values


def test_an_example_without_an_expression_clears_the_bar(win):
    win.load_example("sigmoid")
    win.load_example("spiral")                             # params: a model, not an expression
    assert win.expression.text() == ""


def test_graphs_no_expression_describes(qapp):
    import graphviz_nn as gnn

    g = gnn.parse("f = (x + y) * z", x=1.0, y=2.0, z=3.0)
    g.input("stray", 1.0)                                  # not used by the output
    assert expression_of(g) is None
    g = gnn.Graph()
    a = g.input("a×b", 1.0)                                # not a name one can type
    g.output = g.exp(a, name="e")
    assert expression_of(g) is None


def test_a_shared_node_gets_its_own_line(qapp):
    import graphviz_nn as gnn

    g = gnn.parse("q = x + y; f = q * q - exp(-q) / 2 ** 3", x=1.0, y=2.0)
    text = expression_of(g)
    assert text.startswith("q = x + y; f = ")
    again = gnn.parse(text, x=1.0, y=2.0)
    g.forward()
    again.forward()
    assert float(again.output.value) == pytest.approx(9.0 - 2.718281828 ** -3 / 8)
