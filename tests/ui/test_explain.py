"""The inspector's equation blocks, read as a learner reads them: the lecture's numbers worked
out by hand (CS231n lecture 4), vectors written out, big tensors as heatmaps with their min,
mean and max, sums where a node is used twice, the quiz's hidden numbers, and colours (red only
for gradients)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphviz_nn as gnn
from ui import style
from ui.explore import examples
from ui.explore.equation import to_html, to_text
from ui.explore.explain import backward_block, forward_block, node_block, terms_of


def traced(g, out=None):
    out = out or g.output
    return g.trace(out), out.name


def step_lines(trace, out, i, hidden=False) -> list[str]:
    nf = len(trace.forward_steps)
    block = forward_block(trace[i], i, nf) if i < nf else \
        backward_block(trace, i, out, hidden=hidden)
    return [line.strip() for line in to_text(block).splitlines()]


def derivation(lines: list[str], first: str, n: int) -> list[str]:
    """The ``n`` rows that continue the row ``first``."""
    at = lines.index(first)
    return lines[at + 1: at + 1 + n]


def test_forward_steps_put_the_numbers_into_the_formula():
    t, o = traced(examples.cs231n_f())
    assert derivation(step_lines(t, o, 0), "q = x + y", 2) == ["= -2 + 5", "= 3"]
    assert derivation(step_lines(t, o, 1), "f = q · z", 2) == ["= 3 · (-4)", "= -12"]


def test_backward_through_the_multiply_gate_as_the_lecture_writes_it():
    t, o = traced(examples.cs231n_f())
    lines = step_lines(t, o, 2)
    assert "f is the output: the chain starts at ∂f/∂f = 1." in lines
    assert derivation(lines, "∂f/∂q = ∂f/∂f · ∂f/∂q", 3) == ["= 1 · z", "= 1 · (-4)", "= -4"]
    assert derivation(lines, "∂f/∂z = ∂f/∂f · ∂f/∂z", 3) == ["= 1 · q", "= 1 · 3", "= 3"]


def test_backward_through_the_add_gate():
    t, o = traced(examples.cs231n_f())
    lines = step_lines(t, o, 3)
    assert derivation(lines, "∂f/∂x = ∂f/∂q · ∂q/∂x", 2) == ["= -4 · 1", "= -4"]
    assert derivation(lines, "∂f/∂y = ∂f/∂q · ∂q/∂y", 2) == ["= -4 · 1", "= -4"]


def test_the_sigmoid_neuron_of_cs231n():
    t, o = traced(examples.sigmoid_neuron())
    lines = step_lines(t, o, 5)                  # backward through σ: (1 - 0.73)·0.73 ≈ 0.2
    assert derivation(lines, "∂f/∂s = ∂f/∂f · ∂f/∂s", 4) == [
        "= 1 · σ(s)·(1 − σ(s))", "= 1 · 0.731·(1 − 0.731)", "= 1 · 0.197", "= 0.197"]
    lines = step_lines(t, o, 9)                  # w0·x0: the lecture's -0.2 and 0.39
    assert derivation(lines, "∂f/∂w0 = ∂f/∂w0x0 · ∂w0x0/∂w0", 3)[-1] == "= -0.197"
    assert derivation(lines, "∂f/∂x0 = ∂f/∂w0x0 · ∂w0x0/∂x0", 3) == [
        "= 0.197 · w0", "= 0.197 · 2", "= 0.393"]


def test_softmax_writes_its_vectors_out():
    t, o = traced(examples.softmax_120())
    assert derivation(step_lines(t, o, 0), "p = softmax(scores)", 2) == [
        "= softmax([1, 2, 0])", "= [0.245, 0.665, 0.09]"]
    lines = step_lines(t, o, 5)                  # backward through softmax
    text = "\n".join(lines)
    assert "[3]" not in text                     # numbers, never only a shape
    assert derivation(lines, "∂p1/∂scores = ∂p1/∂p · ∂p/∂scores", 3)[1:] == [
        "= [0.245, 0.665, 0.09] ⊙ ([0, 1, 0] − 0.665)", "= [-0.163, 0.223, -0.0599]"]
    lines = step_lines(t, o, 4)                  # the pick: element by element
    assert derivation(lines, "∂p1/∂p = ∂p1/∂p_pick · ∂p_pick/∂p", 3) == [
        "= [1, 1, 1] · class_1", "= [1, 1, 1] ⊙ [0, 1, 0]", "= [0, 1, 0]"]


def test_a_small_matrix_is_written_out_as_a_matrix(qtbot):
    g = gnn.Graph()
    a = g.input("a", [[1.0, -2.0], [3.0, 4.0]])
    s = g.sum(g.mul(a, 2.0, name="m"), name="s")
    t, o = traced(g, s)
    lines = step_lines(t, o, 0)
    assert "= [[1, -2], [3, 4]] · 2" in lines
    html = to_html(forward_block(t[0], 0, 2))
    assert "⎡" in html and "⎦" in html and "<img" not in html


def test_the_mlp_draws_big_tensors_as_heatmaps_with_min_mean_max():
    g = examples.spiral_mlp()
    t, o = traced(g)
    i = next(k for k, s in enumerate(t) if s.kind == "backward" and s.node.name == "z1")
    block = backward_block(t, i, o)
    text = to_text(block)
    down = t[i].locals[0].downstream            # ∂loss/∂(x@W1), 36×16
    assert f"[36×16]  min {style.fmt_num(down.min())}" in text
    assert f"max {style.fmt_num(down.max())}" in text
    html = to_html(block)
    assert html.count('<img src="data:image/png;base64,') >= 2
    # b1 (16,) was broadcast over the batch: its gradient is summed back
    assert "b1 has shape [16], upstream × local has shape [36×16]" in text
    assert "summed over axis 0 back to [16]" in text
    b1 = t[i].locals[1].downstream
    assert b1.shape == (16,)
    np.testing.assert_allclose(b1, t[i].upstream.sum(axis=0))


def test_a_leaf_used_three_times_sums_every_term():
    g = gnn.parse("f = x * x + x", x=3.0)
    t, o = traced(g, g["f"])
    first = step_lines(t, o, 2)                  # through the +: only its own term so far
    assert "∂f/∂x = 1 + … + …" in first and "= 7" not in first
    last = step_lines(t, o, 3)                   # through x·x: both ports, then the sum
    assert derivation(last, "∂f/∂x = 1 + 3 + 3", 1) == ["= 7"]


def test_a_node_used_twice_gets_the_sum_as_its_upstream():
    g = gnn.Graph()
    x, y = g.input("x", -2.0), g.input("y", 5.0)
    q = g.add(x, y, name="q")
    f = g.mul(q, q, name="f")                    # f = q², ∂f/∂q = 3 + 3
    t, o = traced(g, f)
    lines = step_lines(t, o, 3)
    assert "q is used 2 times, so its upstream gradient is the sum of what each use sent " \
           "back:" in lines
    assert derivation(lines, "∂f/∂q = 3 + 3", 1) == ["= 6"]
    assert derivation(lines, "∂f/∂x = ∂f/∂q · ∂q/∂x", 2) == ["= 6 · 1", "= 6"]


def test_the_quiz_hides_the_downstream_and_the_local_numbers():
    t, o = traced(examples.cs231n_f())
    lines = step_lines(t, o, 2, hidden=True)
    assert derivation(lines, "∂f/∂q = ∂f/∂f · ∂f/∂q", 3) == [
        "= 1 · ∂(q·z)/∂q", "= 1 · z", "= ?"]
    assert "-4" not in "\n".join(lines) and "= 3" not in lines
    lines = step_lines(t, o, 3, hidden=True)     # through +: "-4 · 1" would be the answer
    assert derivation(lines, "∂f/∂x = ∂f/∂q · ∂q/∂x", 2) == ["= -4 · ∂(x+y)/∂x", "= ?"]
    assert "= -4 · 1" not in lines and not any("local rule" in ln for ln in lines)


def test_the_quiz_hides_big_downstream_pictures():
    g = examples.spiral_mlp()
    t, o = traced(g)
    i = next(k for k, s in enumerate(t) if s.kind == "backward" and s.node.name == "h1")
    text = to_text(backward_block(t, i, o, hidden=True))
    down = t[i].locals[0].downstream
    assert f"max {style.fmt_num(down.max())}" not in text
    assert "= ?" in [ln.strip() for ln in text.splitlines()]


def test_a_node_shows_its_value_gradient_and_fan_out_sum():
    g = gnn.parse("f = x * x + x", x=3.0)
    t, o = traced(g, g["f"])
    x = g["x"]
    lines = [ln.strip() for ln in to_text(node_block(
        x, x.value, np.asarray(7.0), o, terms_of(t, x), len(t) - 1)).splitlines()]
    assert "x = 3" in lines and "∂f/∂x = 7" in lines
    assert derivation(lines, "∂f/∂x = 1 + 3 + 3", 1) == ["= 7"]


RED = re.compile(r"(∂\S+|[-−\d.,e\[\]()…?+\s·⊙]+)")


def _fragments(html: str):
    """(text, colour) of every run of the rich text, as Qt lays it out."""
    from PySide6.QtGui import QTextDocument
    doc = QTextDocument()
    doc.setHtml(html)
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid():
                yield frag.text(), frag.charFormat().foreground().color().name()
            it += 1
        block = block.next()


@pytest.mark.parametrize("key, index", [("cs231n", 2), ("cs231n", 3), ("sigmoid", 5),
                                        ("softmax", 5), ("spiral", 8)])
def test_red_is_only_for_gradients_and_prose_is_plain(qtbot, key, index):
    g = examples.BY_KEY[key].build()
    t, o = traced(g)
    html = to_html(backward_block(t, index, o.name if hasattr(o, "name") else o))
    frags = list(_fragments(html))
    red = [text for text, colour in frags if colour == style.GRAD_COLOR.lower()]
    assert red, "the gradients are red"
    for text in red:
        assert RED.fullmatch(text.strip()), f"red text that is not a gradient: {text!r}"
    prose = [text for text, colour in frags if "downstream = upstream × local" in text]
    assert prose and all(colour != style.GRAD_COLOR.lower() for text, colour in frags
                         if "downstream = upstream × local" in text)


OPS_1 = ["sigmoid", "tanh", "relu", "exp", "neg", "softmax", "sum", "mean"]
OPS_2 = ["add", "sub", "mul", "div"]


@st.composite
def graphs(draw):
    """A random graph of one to four ops over scalars, vectors of 2 to 5 and a 4×5 matrix,
    with a node used twice now and then."""
    g = gnn.Graph()
    shape = draw(st.sampled_from([(), (2,), (3,), (5,), (4, 5)]))
    values = st.floats(-3, 3, allow_nan=False).map(float)
    leaves = [g.input(f"v{k}", np.array(draw(st.lists(values, min_size=int(np.prod(shape)),
                                                      max_size=int(np.prod(shape))))
                                         ).reshape(shape)) for k in range(2)]
    nodes = list(leaves)
    for k in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            op_name = draw(st.sampled_from(OPS_2))
            a, b = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
            nodes.append(getattr(g, op_name)(a, b, name=f"n{k}"))
        else:
            op_name = draw(st.sampled_from(OPS_1))
            nodes.append(getattr(g, op_name)(draw(st.sampled_from(nodes)), name=f"n{k}"))
    out = nodes[-1]
    if out.value is None or np.size(out.value) != 1:
        out = g.sum(out, name="total")
    return g, out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_every_step_of_any_graph_is_written_out(made):
    """Whatever the graph, every step reads as text and as rich text, shown or hidden, and a
    backward step ends each input's rows with its downstream numbers (or ? when hidden)."""
    g, out = made
    g.forward()
    t = g.trace(out)
    for i, s in enumerate(t):
        if s.kind == "forward":
            block = forward_block(s, i, len(t.forward_steps))
            assert to_text(block).splitlines()[-1].strip().startswith("=")
            to_html(block)
            continue
        for hidden in (False, True):
            block = backward_block(t, i, out.name, hidden=hidden)
            text = to_text(block)
            to_html(block)
            assert text.count("?" if hidden else "=") >= len(s.locals)
        for node in {lg.input for lg in s.locals}:
            to_text(node_block(node, node.value, node.grad, out.name, terms_of(t, node), i))
