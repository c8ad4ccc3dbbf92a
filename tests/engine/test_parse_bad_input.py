"""parse() at its boundary: any text gives a graph or a ParseError whose message names the
problem; nothing else escapes (no OverflowError, RecursionError, UnicodeError, ...)."""

from __future__ import annotations

import ast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphviz_nn as gnn
from graphviz_nn.parse import MAX_LENGTH, ParseError

WEIRD = ["\x00", "\x1b", "\x7f", "\ud800", "\udfff", "\u202e", "\u200b", "\ufeff", "\xa0",
         "ｘ", "ß", "한", "٠", "𝑥", "\n", "\t", ";", "#", "\\", "'", '"', "(", ")", ",", "=",
         "**", "@", "//", "1e999", "9" * 320, "0x", "1_0", "lambda", "import", "__"]
NAMES = ["x", "y", "f", "out", "add1", "mul1", "mul2", "neg1", "pow1", "c1", "x1", "inf",
         "nan", "sigmoid", "sum", "w_0", "한글"]
NUMBERS = ["0", "2", "-3.5", "1e308", "1e309", "1e999", "-1e999", "1e-400", "9" * 310,
           "0.5", "1_000", "0b101", "7j"]
CALLS = ["sigmoid", "tanh", "relu", "exp", "log", "neg", "sum", "mean", "softmax",
         "leaky_relu", "pow", "matmul", "mse", "dropout", "open", "print"]
KEYWORDS = ["axis", "alpha", "p", "bogus"]


def _check(text: str) -> gnn.Graph | None:
    """parse(text): a Graph, or a ParseError with a message; anything else fails the test."""
    try:
        return gnn.parse(text)
    except ParseError as exc:
        msg = str(exc)
        assert msg.strip() and "column None" not in msg, msg
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(WEIRD + NAMES + NUMBERS)),
                max_size=30).map(" ".join))
def test_any_text_gives_a_graph_or_a_parse_error(text):
    _check(text)


def _expressions():
    leaves = st.one_of(st.sampled_from(NAMES), st.sampled_from(NUMBERS))

    def grow(inner):
        binop = st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "@", "**"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})")
        unary = inner.map(lambda e: f"-{e}")
        call = st.tuples(st.sampled_from(CALLS), st.lists(inner, min_size=1, max_size=2),
                         st.lists(st.tuples(st.sampled_from(KEYWORDS), leaves), max_size=1)
                         ).map(lambda t: f"{t[0]}({', '.join(t[1] + [f'{k}={v}' for k, v in t[2]])})")
        return st.one_of(binop, unary, call)

    return st.recursive(leaves, grow, max_leaves=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(NAMES), _expressions()), min_size=1, max_size=3))
def test_expressions_give_a_graph_or_a_parse_error_and_names_are_the_users(stmts):
    text = "; ".join(f"{name} = {e}" for name, e in stmts)
    g = _check(text)
    if g is None:
        return
    assigned = [name for name, _ in stmts]
    for stmt in ast.parse(text).body:               # a name the user reads is the user's node
        target = stmt.targets[0].id
        calls = {id(n.func) for n in ast.walk(stmt.value) if isinstance(n, ast.Call)}
        for node in ast.walk(stmt.value):
            if isinstance(node, ast.Name) and id(node) not in calls \
                    and node.id not in assigned[:assigned.index(target)]:
                assert g[node.id].op == "input", (text, node.id, g[node.id].op)
    assert g.output is g[assigned[-1]]


@pytest.mark.parametrize("text, words", [
    ("f = sum(x, axis=1e999)", "1e999 is too large"),
    ("f = x + " + "9" * 310, r"too large"),
    ("f = pow(x, " + "9" * 400 + ")", "too large"),
    ("f = x * -1e999", "1e999 is too large"),
    ("f = x ** 1e999", "1e999 is too large"),
    ("f = sum(x, axis=1.5)", "axis must be a whole number, not 1.5"),
    ("f = x\x00 + y", "control character U\\+0000 at column 6"),
    ("f = x +\n\x00", "control character U\\+0000 at line 2, column 1"),
    ("f = x\ud800", r"lone surrogate U\+D800\) at column 6"),
    ("f = x\u202e + y", "non-printable character U\\+202E"),
    ("f = " + "-" * 4900 + "x", "nested too deeply"),
    ("f = " + "sigmoid(" * 300 + "x" + ")" * 300, "nested|syntax"),
    ("f = " + "(" * 1000 + "x" + ")" * 1000, "nested|syntax"),
    ("f = x" * 1001, "too long"),
    ("x = x + 1", "'x' is used in its own definition"),
], ids=lambda v: repr(v[:24]) if isinstance(v, str) else None)
def test_the_message_names_the_problem(text, words):
    with pytest.raises(ParseError, match=words):
        gnn.parse(text)


def test_a_long_chain_builds_without_deep_recursion():
    n = (MAX_LENGTH - 10) // 4
    g = gnn.parse("f = x" + " + x" * n, x=1.0)
    g.forward()
    assert float(g["f"].value) == n + 1


@pytest.mark.parametrize("text, node, op", [
    ("f = (x + y) * add1", "add1", "input"),           # add1 is the user's variable
    ("f = x * y * mul1", "mul1", "input"),
    ("f = 2 * x + c1", "c1", "input"),
    ("mul1 = x + y; f = mul1 * z", "mul1", "add"),      # the user's mul1 is their sum
    ("f = neg1 - (-x)", "neg1", "input"),
])
def test_made_up_names_never_take_a_users_name(text, node, op):
    g = gnn.parse(text)
    assert g[node].op == op
    assert all(n.op == "input" for n in g.nodes if n.name in ("x", "y", "z"))


def test_auto_names_still_count_from_one():
    g = gnn.parse("f = (x + y) * add1")
    assert g["add2"].op == "add" and g["f"].inputs == [g["add2"], g["add1"]]


def test_an_option_the_op_refuses_is_a_parse_error():
    """Found by hypothesis: dropout's p out of range was a GraphError, not the parser's own."""
    with pytest.raises(ParseError, match="dropout p must be a number in"):
        gnn.parse("f = dropout(a, p=2)")
