"""The expression bar: text -> Graph (or a message saying what is wrong), and back: the text
of a graph that an expression describes (shown when an example loads)."""

from __future__ import annotations

import keyword

import numpy as np

import graphviz_nn as gnn
from ui.engine_text import error_text
from ui.i18n import translate

# the numbers a typed expression's leaves get, in the order they first appear: each its own
# (so every gradient can be told apart), small, mixed in sign, and 1 first (log(x) is fine)
DEFAULT_VALUES = (1.0, 2.0, -1.0, 0.5, -2.0, 1.5, 3.0, -0.5)


def build_expression(text: str, current=None) -> tuple[gnn.Graph | None, str | None]:
    """Parse ``text`` into a graph of fresh nodes. A leaf whose value the expression does not
    give keeps the number of a same-named leaf of ``current`` when that is one number (so
    retyping an example's expression keeps x = -2), never a tensor or anything else of the
    old graph; the others get :data:`DEFAULT_VALUES`. Returns (graph, error)."""
    text = (text or "").strip()
    if not text:
        return None, translate("ExpressionBar", "Type an expression such as  f = (x + y) * z")
    try:
        g = gnn.parse(text)
    except (gnn.GraphError, ValueError, TypeError) as exc:
        return None, translate("ExpressionBar", "Cannot build this expression: {why}").format(
            why=error_text(exc))
    if g.output is None or len(g) == 0:
        return None, translate("ExpressionBar", "The expression computes nothing; write  "
                               "name = expression")
    free = sorted((n for n in g.nodes if n.is_leaf and n.value is None), key=lambda n: n.id)
    for k, node in enumerate(free):
        value = DEFAULT_VALUES[k % len(DEFAULT_VALUES)]
        old = _leaf(current, node.name)
        if old is not None and np.size(old.value) == 1 and np.isfinite(old.value).all():
            value = float(np.asarray(old.value).reshape(-1)[0])
        g.set_value(node, value)
    return g, None


def _leaf(graph, name: str):
    """The leaf called ``name`` in ``graph`` with a value, or None."""
    if graph is None or name not in graph:
        return None
    node = graph[name]
    return node if node.is_leaf and node.value is not None else None


_INFIX = {"add": ("+", 1), "sub": ("-", 1), "mul": ("*", 2), "div": ("/", 2),
          "matmul": ("@", 2)}
_ATOM = 5


class _NoExpression(Exception):
    """The graph is not one an expression can describe."""


def expression_of(graph) -> str | None:
    """The text that builds ``graph`` in the expression bar, e.g. ``f = (x + y) * z``
    (``name = expression`` statements joined by ``;``, the output's last; only nodes used more
    than once get their own statement). None when no expression describes the graph: no
    output, trainable params, nodes the output does not use, names that are not identifiers."""
    out = getattr(graph, "output", None)
    if out is None or out.is_leaf:
        return None
    used, todo = {out.id}, [out]
    while todo:
        for src in todo.pop().inputs:
            if src is None:
                return None
            if src.id not in used:
                used.add(src.id)
                todo.append(src)
    if len(used) != len(graph):
        return None
    named = [n for n in graph.nodes if n is out
             or (not n.is_leaf and len(graph.consumers(n)) > 1)]
    names = {n.id for n in named}
    try:
        text = "; ".join(f"{_identifier(n.name)} = {_text(n, names, top=True)[0]}"
                         for n in named)
        gnn.parse(text)
    except (_NoExpression, gnn.GraphError, ValueError, RecursionError):
        return None
    return text


def _identifier(name: str) -> str:
    if not name.isidentifier() or keyword.iskeyword(name):
        raise _NoExpression(name)
    return name


def _number(value) -> tuple[str, int]:
    v = float(value)
    if not np.isfinite(v):
        raise _NoExpression(value)
    text = format(v, ".15g")
    return text, (3 if v < 0 else _ATOM)


def _text(node, names: set[int], top: bool = False) -> tuple[str, int]:
    """(text, precedence) of the expression computing ``node``."""
    if node.id in names and not top:
        return node.name, _ATOM
    if node.is_leaf:
        if node.op == "param":
            raise _NoExpression("a trainable param")
        if node.op == "const" and node.value is not None and np.size(node.value) == 1:
            return _number(np.asarray(node.value).item())
        return _identifier(node.name), _ATOM
    args = [_text(src, names) for src in node.inputs]
    if node.op in _INFIX:
        symbol, prec = _INFIX[node.op]
        (left, lp), (right, rp) = args
        left = f"({left})" if lp < prec else left
        right = f"({right})" if rp <= prec else right
        return f"{left} {symbol} {right}", prec
    if node.op == "neg":
        inner, ip = args[0]
        return "-" + (f"({inner})" if ip < 3 else inner), 3
    if node.op == "pow":
        base, bp = args[0]
        return f"{f'({base})' if bp < _ATOM else base} ** {_number(node.attrs['p'])[0]}", 4
    keywords = []
    for key, default in node.spec.attrs.items():
        value = node.attrs.get(key, default)
        if value != default:
            if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
                raise _NoExpression(f"{key}={value!r}")
            keywords.append(f"{key}={_number(value)[0]}")
    return f"{node.op}({', '.join([a for a, _ in args] + keywords)})", _ATOM
