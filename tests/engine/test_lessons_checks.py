"""Checkpoints over a snapshot of the app's state: answers, values and gradients, a leaf
changed so that a gradient hits a target, the timeline's cursor, training runs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graphviz_nn as gnn
from graphviz_nn.lessons import Quantity, QuantityError, Run, Snapshot, evaluate
from graphviz_nn.lessons.checks import overfits
from graphviz_nn.lessons.format import Check, _checks, _Reader


def snap(graph, cursor: int = -1, **kw) -> Snapshot:
    """A snapshot of ``graph`` after its trace (as ui/lessons/state.py takes it)."""
    trace = graph.trace(graph.output)
    steps = [(s.kind, s.node.name, tuple(lg.input.name for lg in s.locals)
              if s.kind == "backward" else ()) for s in trace]
    return Snapshot(values={n.name: np.array(n.value, float) for n in graph.nodes},
                    grads={n.name: np.array(n.grad, float) for n in graph.nodes
                           if n.grad is not None},
                    ops={n.name: n.op for n in graph.nodes},
                    leaves=tuple(n.name for n in graph.nodes if n.op in ("input", "param")),
                    steps=steps, cursor=cursor, **kw)


def checks(*tables) -> list[Check]:
    return _checks(_Reader("t.toml", None, None), list(tables))


def cs231n(**values):
    return gnn.parse("q = x + y; f = q * z", **({"x": -2, "y": 5, "z": -4} | values))


def test_an_answer_passes_within_half_a_percent_and_misses_outside():
    s = snap(cs231n())
    c = checks({"kind": "answer", "of": "grad(x)"})
    assert evaluate(c, s, s, -4.0).passed and evaluate(c, s, s, -4.004).passed
    assert evaluate(c, s, s, 4.0).missed and not evaluate(c, s, s, -4.03).passed
    assert not evaluate(c, s, s, None).passed and not evaluate(c, s, s, None).missed
    sig = gnn.parse("f = sigmoid(s)", s=1.0)
    ss = snap(sig)
    c = checks({"kind": "answer", "of": "value(f) * (1 - value(f))"})
    assert evaluate(c, ss, ss, 0.197).passed and not evaluate(c, ss, ss, 0.2).passed


def test_change_z_so_that_df_dx_is_8_and_only_z():
    start = snap(cs231n())
    c = checks({"kind": "leaf_value", "leaf": "z", "target": "grad(x)", "equals": 8})
    assert not evaluate(c, start, start).passed
    assert evaluate(c, snap(cs231n(z=8)), start).passed
    assert evaluate(c, snap(cs231n(z=5)), start).missed
    # ∂f/∂x = 8 reached another way (x changed too) is not what was asked
    assert not evaluate(c, snap(cs231n(z=8, x=0)), start).passed


def test_targets_are_worked_out_on_the_state_the_step_began_with():
    g = cs231n()
    start = snap(g)
    c = checks({"kind": "value", "node": "z", "equals": "value(z) - 0.5 * grad(z)",
                "tolerance": 1e-9},
               {"kind": "value", "node": "f", "below": "value(f)"})
    assert not evaluate(c, start, start).passed
    after = snap(cs231n(z=-4 - 0.5 * 3))          # one gradient step on z: f goes down
    assert evaluate(c, after, start).passed
    assert evaluate(c, snap(cs231n(z=-3)), start).missed


def test_the_cursor_must_stand_at_its_step_and_past_it_is_a_miss():
    g = cs231n()
    p = {"kind": "cursor", "node": "f", "phase": "backward"}
    assert [k for k, _n, _s in snap(g).steps] == ["forward", "forward", "backward", "backward"]
    at = [evaluate(checks(p), snap(g, cursor=i), snap(g)) for i in range(-1, 4)]
    assert [v.passed for v in at] == [False, False, False, True, False]
    assert [v.missed for v in at] == [False, False, False, False, True]
    leaf = checks({"kind": "cursor", "node": "x", "phase": "backward"})   # where x's arrives
    assert evaluate(leaf, snap(g, cursor=3), snap(g)).passed
    end = checks({"kind": "cursor", "at": "forward_end"})
    assert evaluate(end, snap(g, cursor=1), snap(g)).passed


def test_a_node_the_graph_lacks_is_a_problem_for_the_teacher_not_a_miss():
    s = snap(cs231n())
    v = evaluate(checks({"kind": "grad", "node": "w7", "equals": 1}), s, s)
    assert not v.passed and not v.missed and "w7" in v.problem


def test_node_present_by_name_and_by_op():
    s = snap(gnn.parse("c = log(a*4 + 2)*3 - 5", a=1))
    assert evaluate(checks({"kind": "node_present", "op": ["relu", "log"]},
                           {"kind": "node_present", "node": "c"}), s, s).passed
    lin = snap(gnn.parse("c = (a*4 + 2)*3 - 5", a=1))
    assert evaluate(checks({"kind": "node_present", "op": ["relu", "log"]}), lin, lin).missed


def run(**kw) -> Run:
    base = dict(dataset="moons", optimizer="sgd", learning_rate=0.1, batch_size=16, epochs=5,
                train_samples=240, history={"loss": [0.7, 0.5, 0.3, 0.2, 0.1]})
    return Run(**(base | kw))


def test_run_checks_look_at_the_run_that_ended_during_the_step():
    start = Snapshot(runs=[run()])
    c = checks({"kind": "run_finished", "full_batch": True, "loss_decreased": True})
    assert not evaluate(c, start, start).passed                 # a run from before the step
    assert evaluate(c, Snapshot(runs=[run(), run(batch_size=240)]), start).passed
    missed = evaluate(c, Snapshot(runs=[run(), run()]), start)
    assert missed.missed and not missed.passed
    up = run(batch_size=240, history={"loss": [0.5, 0.9]})
    assert not evaluate(c, Snapshot(runs=[run(), up]), start).passed


def test_optimizer_changed_dropout_and_a_run_that_blew_up():
    start = Snapshot(runs=[run(optimizer="rmsprop")])
    c = checks({"kind": "run_finished", "optimizer_changed": True, "dropout_min": 0.3})
    assert evaluate(c, Snapshot(runs=[*start.runs, run(optimizer="adam", dropout=0.3)]),
                    start).passed
    assert not evaluate(c, Snapshot(runs=[*start.runs, run(optimizer="rmsprop", dropout=0.3)]),
                        start).passed
    blew = checks({"kind": "run_finished", "diverged": True})
    assert evaluate(blew, Snapshot(runs=[run(ended="nonfinite")]), Snapshot()).passed
    assert not evaluate(blew, Snapshot(runs=[run()]), Snapshot()).passed


def test_overfitting_is_a_validation_loss_that_turned_up_k_epochs_ago():
    assert overfits([1.0, 0.6, 0.4, 0.45, 0.5, 0.55], 3)
    assert not overfits([1.0, 0.6, 0.4, 0.45, 0.5, 0.55], 4)
    assert not overfits([1.0, 0.8, 0.6, 0.5, 0.45, 0.44], 1)     # still going down
    assert not overfits([0.5, 0.4, 0.5, 0.4, 0.5, 0.4], 2)       # the lowest is the last


def test_formulas_read_settings_index_tensors_and_refuse_the_rest():
    s = Snapshot(values={"p": np.array([0.2, 0.7, 0.1])},
                 train={"train_samples": 240, "batch_size": 16})
    assert Quantity("ceil(train_samples / batch_size)").evaluate(s) == 15
    assert Quantity("value(p)[1] - 0.5").evaluate(s) == pytest.approx(0.2)
    with pytest.raises(QuantityError, match="tensor of shape"):
        Quantity("value(p)").evaluate(s)
    with pytest.raises(QuantityError, match="not known yet"):
        Quantity("epochs").evaluate(s)
    for bad in ("__import__('os')", "value(p).real", "lambda: 1", "[1, 2]", "p", "open(1)",
                "value(p)[x]", "2 ** grad"):
        with pytest.raises(QuantityError):
            Quantity(bad)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_any_formula_text_is_read_or_refused_with_a_quantity_error(text):
    s = Snapshot(values={"x": np.array(2.0), "v": np.array([1.0, 2.0])},
                 grads={"x": np.array(-4.0)}, train={"batch_size": 16})
    try:
        q = Quantity(text)
    except QuantityError:
        return
    try:
        assert isinstance(q.evaluate(s), float)
    except QuantityError:
        pass
