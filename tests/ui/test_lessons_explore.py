"""Lessons 1, 2 and 4 (the graph lessons) played from the first step to the last in the real
window, each checkpoint missed once (its hint shows) and then reached, as a learner would."""

from __future__ import annotations

from lesson_driver import (
    answer,
    guide,
    hint_shown,
    key_on_canvas,
    left,
    next_step,
    open_window,
    panel,
    passed,
    right,
    set_leaf,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_lesson_1_computational_graphs_and_backprop(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, "backprop")
    c = w.controller
    assert w.workspace == "explore" and "f" in c.graph and c.cursor == -1
    assert not passed(w)
    right(w, 2)                                        # the forward pass, one node at a time
    assert passed(w)

    next_step(w)                                       # predict ∂f/∂x
    assert c.cursor == c.n_forward - 1                 # values shown, no gradient yet
    answer(w, "4")
    assert not passed(w) and hint_shown(w)
    answer(w, "-4")
    assert passed(w) and not panel(w).hint.isVisible()

    next_step(w)                                       # stop at the backward step of f
    key_on_canvas(w, Qt.Key.Key_End)                   # jumped past it: the hint
    assert not passed(w) and hint_shown(w)
    left(w)
    assert c.current_step().node.name == "f" and passed(w)

    next_step(w)                                       # change z so that ∂f/∂x = 8
    set_leaf(w, "z", "5")
    assert not passed(w) and hint_shown(w)
    set_leaf(w, "z", "8")
    assert float(c.graph["x"].grad) == 8 and passed(w)

    next_step(w)                                       # the sigmoid neuron: ∂f/∂s
    assert "w0" in c.graph
    answer(w, "0.25")
    assert hint_shown(w)
    answer(w, "0.197")
    assert passed(w)

    next_step(w)                                       # fan-out: f = (x + y)·x
    answer(w, "3")                                     # one path only
    assert hint_shown(w)
    answer(w, "1")
    assert passed(w)

    next_step(w)                                       # the summary: no checkpoint
    assert not panel(w).next_button.isEnabled() and not panel(w).answer_box.isVisible()
    assert guide(w).progress(guide(w).lesson) == (6, 6)


def test_lesson_2_weight_update_by_the_chain_rule(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, "chain-rule")
    c = w.controller
    assert {f"w{i}" for i in range(1, 9)} <= {n.name for n in c.graph.nodes}
    key_on_canvas(w, Qt.Key.Key_F5)                    # Forward
    assert passed(w)

    next_step(w)                                       # ∂L/∂o1 = o1 − t1
    answer(w, "0.7514")                                # o1 itself: forgot the − t1
    assert hint_shown(w)
    answer(w, "0.7414")
    assert passed(w)
    next_step(w)                                       # ∂o1/∂zo1 = o1(1 − o1)
    answer(w, "0.75")
    assert hint_shown(w)
    answer(w, "0.1868")
    assert passed(w)
    next_step(w)                                       # ∂L/∂w7, the three factors
    answer(w, "0.1385")                                # without the last factor h2
    assert hint_shown(w)
    answer(w, "0.0827")
    assert passed(w)

    next_step(w)                                       # the backward step where w7's arrives
    key_on_canvas(w, Qt.Key.Key_End)
    assert hint_shown(w)
    for _ in range(40):
        if passed(w):
            break
        left(w)
    step = c.current_step()
    assert passed(w) and "w7" in [lg.input.name for lg in step.locals]

    next_step(w)                                       # one update with η = 0.5
    loss = float(c.graph["L"].value)
    set_leaf(w, "w7", "0.5")                           # the wrong way: up the gradient
    assert hint_shown(w) and float(c.graph["L"].value) > loss
    set_leaf(w, "w7", "0.4087")
    assert passed(w) and float(c.graph["L"].value) < loss
    next_step(w)
    assert guide(w).progress(guide(w).lesson) == (6, 6)


def test_lesson_4_activations_and_softmax(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, "activations")
    c = w.controller
    assert [n.op for n in c.graph.nodes if not n.is_leaf] == ["sigmoid"]
    answer(w, "0.5")                                   # σ(0), not its slope
    assert hint_shown(w)
    answer(w, "0.25")
    assert passed(w)

    next_step(w)                                       # make the gradient vanish
    set_leaf(w, "x", "1")
    assert hint_shown(w)
    set_leaf(w, "x", "10")
    assert passed(w)

    next_step(w)                                       # tanh'(0)
    answer(w, "0")
    assert hint_shown(w)
    answer(w, "1")
    assert passed(w)

    next_step(w)                                       # ReLU: make the slope 1
    set_leaf(w, "x", "-3")
    assert hint_shown(w)
    set_leaf(w, "x", "2")
    assert passed(w)

    next_step(w)                                       # two linear layers collapse
    answer(w, "7")
    assert hint_shown(w)
    answer(w, "12")
    assert passed(w)

    next_step(w)                                       # a non-linearity, typed in the bar
    bar = w.expression
    for text, ok in (("c = (a*4 + 2)*3 - 5 + 1", False), ("c = log(a*4 + 2)*3 - 5", True)):
        bar.setFocus()
        bar.selectAll()
        QTest.keyClicks(bar, text)
        QTest.keyClick(bar, Qt.Key.Key_Return)
        assert passed(w) == ok and hint_shown(w) != ok
    next_step(w)                                       # softmax of [1, 2, 0]
    answer(w, "0.245")                                 # the probability of class 0
    assert hint_shown(w)
    answer(w, "0.665")
    assert passed(w)
    next_step(w)                                       # cross-entropy
    answer(w, "0.665")
    assert hint_shown(w)
    answer(w, "0.408")
    assert passed(w)
    next_step(w)
    assert guide(w).progress(guide(w).lesson) == (8, 8)
