"""The numpy code of a graph: the lines a learner reads, each tied to its trace step, and the
exported script, run here in-process on random graphs (the subprocess runs are in
tests/interop)."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphviz_nn as gnn
from graphviz_nn.export import numpy_listing, numpy_script, trace_of
from graphviz_nn.export.names import Names, identifier


def code_lines(listing, kind):
    """The lines of the forward (trace steps of kind 'forward') or backward part."""
    steps = {i for i, s in enumerate(listing.trace) if s.kind == kind}
    return [line.text for line in listing.lines if line.step in steps]


def run_script(text: str) -> str:
    """Execute an exported script here (its own asserts raise); returns what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(text, "<exported>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def test_cs231n_lines_are_the_lecture_s(fxyz):
    g, *_, f = fxyz
    listing = numpy_listing(g.trace(f))
    assert code_lines(listing, "forward") == ["q = x + y", "f = q * z"]
    assert code_lines(listing, "backward") == [
        "df = 1.0", "dq = z * df", "dz = q * df", "dx = dq", "dy = dq"]
    inputs = [line.text for line in listing.lines if line.step == -1]
    assert inputs == ["x = np.float64(-2.0)", "y = np.float64(5.0)", "z = np.float64(-4.0)"]


def test_each_step_has_its_lines_and_each_line_its_step(fxyz):
    g, *_, f = fxyz
    trace = g.trace(f)
    listing = numpy_listing(trace)
    for i in range(len(trace)):
        texts = [listing.lines[k].text for k in listing.lines_of(i)]
        assert texts, f"step {i} has no line"
        assert all(listing.step_of(k) == i for k in listing.lines_of(i))
    # the backward step through f computes the two gradients f sends back
    k = trace.index(trace.backward_steps[0])
    assert [listing.lines[j].text for j in listing.lines_of(k)] == ["df = 1.0", "dq = z * df",
                                                                   "dz = q * df"]
    assert listing.step_of(0) is None                 # the "# inputs" heading
    assert listing.step_of(len(listing.lines)) is None


def test_a_node_used_twice_accumulates_and_broadcasting_is_summed_back():
    g = gnn.Graph()
    x = g.input("x", [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = g.param("b", [0.5, -1.0, 2.0])
    z = g.add(x, b, name="z")
    sq = g.mul(z, z, name="sq")
    out = g.sum(sq, name="out")
    listing = numpy_listing(g.trace(out))
    back = code_lines(listing, "backward")
    assert "dz = z * dsq" in back and "dz += z * dsq" in back
    assert "db = dz.sum(axis=0)" in back
    assert "dsq = np.ones_like(sq) * dout" in back
    assert "OK" in run_script(numpy_script(g.trace(out)))


def test_an_alias_that_accumulates_is_copied_first():
    """dx = dq would make dx += ... change dq too (one numpy array)."""
    g = gnn.Graph()
    x = g.input("x", [1.0, 2.0])
    out = g.sum(g.add(x, g.exp(x, name="r"), name="s"), name="out")
    back = code_lines(numpy_listing(g.trace(out)), "backward")
    assert "dx = ds.copy()" in back and "dx += r * dr" in back
    assert "OK" in run_script(numpy_script(g.trace(out)))


def test_fused_softmax_cross_entropy_is_written_short():
    from ui.explore.examples import spiral_mlp

    g = spiral_mlp()
    listing = numpy_listing(trace_of(g))
    assert "loss = cross_entropy(z2, y)" in code_lines(listing, "forward")
    back = code_lines(listing, "backward")
    assert back[:2] == ["dloss = 1.0", "dz2 = (softmax(z2) - onehot(y, 3)) / 36 * dloss"]
    assert "db1 = dz1.sum(axis=0)" in back
    assert "dW1 = x.T @ dx_at_W1" in back
    assert "dh1 = dh1_at_W2 @ W2.T" in back


@pytest.mark.parametrize("key", ["cs231n", "sigmoid", "softmax", "linear", "nonlinear",
                                 "spiral"])
def test_every_example_has_one_line_per_node_and_per_gradient(key):
    from ui.explore.examples import BY_KEY

    g = BY_KEY[key].build()
    trace = trace_of(g)
    listing = numpy_listing(trace)
    fwd = code_lines(listing, "forward")
    assert len(fwd) == len(trace.forward_steps)
    for line, step in zip(fwd, trace.forward_steps, strict=True):
        assert line.startswith(listing.names.of(step.node) + " = ")
    sent = sum(len(s.locals) for s in trace.backward_steps)
    assert len(code_lines(listing, "backward")) == sent + 1       # + the output's seed


def test_sigmoid_neuron_backward_reads_like_cs231n():
    from ui.explore.examples import sigmoid_neuron

    listing = numpy_listing(trace_of(sigmoid_neuron()))
    assert "f = 1 / (1 + np.exp(-s))" in code_lines(listing, "forward")
    assert code_lines(listing, "backward")[:2] == ["df = 1.0", "ds = f * (1 - f) * df"]


def test_names_become_identifiers_and_stay_unique():
    assert identifier("x@W1") == "x_at_W1"
    assert identifier("a×4") == "a_times_4"
    assert identifier("1_y") == "v1_y"
    assert identifier("lambda") == "lambda_"
    assert identifier("손실") == "손실"
    names = Names({"np"})
    assert names.fresh("np") == "np_"
    assert names.fresh("sum") == "sum_"           # a builtin is never shadowed
    g = gnn.Graph()
    a, da = g.input("a", 1.0), g.input("da", 2.0)
    out = g.mul(a, da, name="out")
    listing = numpy_listing(g.trace(out))
    assert len(set(listing.names.value.values()) | set(listing.names.grad.values())) == 6
    assert listing.names.grad[a.id] == "da_"           # "da" is the other input's name
    assert "OK" in run_script(numpy_script(g.trace(out)))


# ---- every line checked against the engine on random graphs ----
SHAPES = [(), (3,), (2, 3), (1, 3), (2, 1)]


@st.composite
def graphs(draw):
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    g = gnn.Graph(draw(st.sampled_from(["float64", "float64", "float32"])), seed=1)
    nodes = [g.input(f"x{i}", rng.uniform(-1, 1, size=draw(st.sampled_from(SHAPES))))
             for i in range(draw(st.integers(1, 3)))]
    for _ in range(draw(st.integers(1, 7))):
        a, b = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        kind = draw(st.sampled_from([
            "add", "sub", "mul", "div", "neg", "pow", "exp", "log", "sigmoid", "tanh", "relu",
            "leaky_relu", "elu", "softmax", "sum", "mean", "mse", "matmul", "dropout"]))
        try:
            if kind in ("add", "sub", "mul", "mse"):
                n = g._op(kind, (a, b), None)
            elif kind == "div":
                n = g.div(a, g.add(1.5, g.pow(b, 2.0)))
            elif kind == "log":
                n = g.log(g.add(1.0, g.pow(a, 2.0)))
            elif kind == "pow":
                n = g.pow(a, draw(st.sampled_from([2.0, 3.0, 0.0, -1.0])))
            elif kind in ("sum", "mean"):
                axis = draw(st.sampled_from([None, 0, -1, (0, 1)]))
                n = g._op(kind, (a,), None, axis=axis)
            elif kind == "matmul":
                n = g.matmul(a, b)
            elif kind == "dropout":
                n = g.dropout(a, p=0.5)
            else:
                n = g._op(kind, (a,), None)
        except gnn.GraphError:
            continue
        if g.forward():             # shapes that do not fit: drop the node
            g.remove(n)
            g.forward()
            continue
        nodes.append(n)
    out = g.sum(g.tanh(nodes[-1]), name="out")
    return g, out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_random_graphs_script_recomputes_every_value_and_gradient(case):
    g, out = case
    trace = g.trace(out)
    printed = run_script(numpy_script(trace))
    assert printed.endswith("OK: every value and gradient matches graphviz-nn\n")


def test_the_code_differentiates_the_node_the_window_does():
    """A graph without a stored output (several sinks): the code view and the exports trace
    the node the window differentiates (a loss before a later sink; the node a person chose)."""
    g = gnn.Graph()
    x, t = g.input("x", [1.0, 2.0]), g.input("t", [0.0, 1.0])
    g.mse(x, t, name="loss")
    later = g.exp(x, name="e")
    assert trace_of(g).output.name == "loss"
    g.chosen_output = later.id
    assert trace_of(g).output.name == "e"
