"""Hostile text typed into the expression bar: the message under the bar names the problem, the
graph stays as it was, nothing is raised out of the slot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def _type(qtbot, win, text: str) -> None:
    bar = win.expression
    bar.setFocus()
    bar.selectAll()
    qtbot.keyClick(bar, Qt.Key.Key_Delete)
    qtbot.keyClicks(bar, text)
    qtbot.keyClick(bar, Qt.Key.Key_Return)


@pytest.mark.parametrize("text, words", [
    ("f = sum(x, axis=1e999)", "1e999 is too large"),
    ("f = x + " + "9" * 310, "too large"),
    ("f = (x + y", "syntax error at column"),
], ids=["axis 1e999", "310 digits", "syntax"])
def test_a_bad_expression_shows_its_message_and_keeps_the_graph(qtbot, win, text, words):
    before = [(n.name, n.op) for n in win.controller.graph.nodes]
    _type(qtbot, win, text)
    assert win.expression_message.isVisible()
    assert words in win.expression_message.text()
    assert [(n.name, n.op) for n in win.controller.graph.nodes] == before


def test_a_nul_byte_is_named_with_its_column(qtbot, win):
    win.expression.setText("f = x\x00 + y")        # a key event cannot carry NUL: paste it in
    win.expression.setFocus()
    qtbot.keyClick(win.expression, Qt.Key.Key_Return)
    assert "U+0000 at column 6" in win.expression_message.text()


def test_a_users_name_that_looks_made_up_is_the_users(qtbot, win):
    _type(qtbot, win, "f = (x + y) * add1")
    assert not win.expression_message.isVisible()
    g = win.controller.graph
    assert g["add1"].op == "input"                  # not the sum x + y
    assert g["f"].inputs[1] is g["add1"] and g["f"].inputs[0].op == "add"
