"""NaN and inf on the canvas: an amber badge on the first node where one appeared, saying what
happened, shown from the step that made it; the same badge in ``graphviz-nn render``."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import graphviz_nn as gnn
from graphviz_nn.cli import main as cli_main
from tests.ui.windows import make_window, texts_on_screen
from ui.canvas.badge_item import ErrorBadge

LOG_MESSAGE = "log of a negative number gives nan (log(-1))"
SQRT_MESSAGE = ("gradient became inf here (sent to x): the local derivative ∂(xᵖ)/∂x = p·xᵖ⁻¹  "
                "(p = 0.5) is inf at x = 0")


def _window(qtbot, tmp_path, text, **values):
    win = make_window(qtbot, tmp_path)
    g = gnn.parse(text, **values)
    win.controller.replace_graph(g, "test", g.output.name)
    QApplication.processEvents()
    return win, win.controller.graph


def _painted(win) -> list[str]:
    """The texts the canvas really draws (the badge's message among them)."""
    return [t for t, _, _ in texts_on_screen(win.canvas)]


def _badge(win, node) -> ErrorBadge:
    return next(ch for ch in win.scene.node_item(node.id).childItems()
                if isinstance(ch, ErrorBadge))


def test_log_of_minus_one_badges_the_log_node_from_its_forward_step(qtbot, tmp_path):
    win, g = _window(qtbot, tmp_path, "f = log(x) * 2 + y", x=-1.0, y=1.0)
    log = g["log1"]
    assert log.id not in win.editor.canvas.badges()             # not computed yet
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_F5)                    # Forward
    assert win.scene.node_item(g["f"].id).value_text() == "nan"
    assert win.editor.canvas.badges() == {log.id: LOG_MESSAGE}   # only where it started
    assert _badge(win, log).severity == "warning"
    assert LOG_MESSAGE in _painted(win)                           # drawn on the canvas, whole
    assert LOG_MESSAGE in win.scene.node_item(log.id).toolTip()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Home)                  # back before the pass
    assert log.id not in win.editor.canvas.badges()


def test_a_gradient_that_becomes_inf_is_badged_at_its_backward_step(qtbot, tmp_path):
    win, g = _window(qtbot, tmp_path, "f = x ** 0.5 + y", x=0.0, y=1.0)
    pow1 = g["pow1"]
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_F5)
    assert win.editor.canvas.badges() == {}                     # the values are all fine
    qtbot.keyClick(win.canvas, Qt.Key.Key_F6)                    # Backward
    assert win.editor.canvas.badges() == {pow1.id: SQRT_MESSAGE}
    assert win.scene.node_item(g["x"].id).grad_text() == "∂ inf"


def test_the_quiz_does_not_give_an_inf_answer_away(qtbot, tmp_path):
    win, g = _window(qtbot, tmp_path, "f = x ** 0.5 + y", x=0.0, y=1.0)
    c = win.controller
    c.set_quiz(True)
    step = next(i for i, s in enumerate(c.trace) if s.kind == "backward" and s.node is g["pow1"])
    c.seek(step)
    assert g["pow1"].id not in win.editor.canvas.badges()        # hidden with the gradient
    c.reveal()
    assert win.editor.canvas.badges()[g["pow1"].id] == SQRT_MESSAGE


def test_a_file_whose_leaf_holds_nan_badges_the_leaf(qtbot, tmp_path):
    g = gnn.Graph()
    x = g.input("x", [1.0, np.nan])
    g.output = g.sum(g.exp(x), name="s")
    path = tmp_path / "nan.json"
    g.save(path)
    win = make_window(qtbot, tmp_path)
    assert win.document.open_path(path)
    x = win.controller.graph["x"]
    assert win.editor.canvas.badges() == {x.id: "this value holds nan (1 of 2 numbers)"}


def test_render_draws_the_same_badge(tmp_path):
    path = tmp_path / "log.json"
    gnn.parse("f = log(x) * 2 + y", x=-1.0, y=1.0).save(path)
    out = tmp_path / "view.svg"
    assert cli_main(["render", str(path), "--out", str(out), "--backward", "f"]) == 0
    texts = re.findall(r"<text[^>]*>\s*([^<]*?)\s*</text>", out.read_text(encoding="utf-8"))
    assert LOG_MESSAGE in " ".join(texts)                          # wrapped over its lines
    plain = tmp_path / "plain.svg"                                 # no pass: nothing to say
    assert cli_main(["render", str(path), "--out", str(plain)]) == 0
    assert "negative" not in plain.read_text(encoding="utf-8")


def test_a_node_inside_a_closed_layer_badges_the_layer_box(qtbot):
    from ui.app import MainWindow
    win = MainWindow(example=None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.load_example("fashion")                      # opens as x -> Dense -> Dense -> loss
    g = win.controller.graph
    w1 = g["W1"]
    bad = w1.value.copy()
    bad[3, 7] = np.nan
    assert win.controller.set_value(w1.id, bad) is None
    QApplication.processEvents()
    box = win.scene.display_item(w1.id)
    assert box is not win.scene.node_item(w1.id) and box.collapsed
    badge = next(ch for ch in box.childItems() if isinstance(ch, ErrorBadge))
    assert badge.isVisible() and badge.severity == "warning"
    assert badge.text() == "W1: this value holds nan (1 of 78,400 numbers)"
