"""A safe expression parser: ``"f = sigmoid(w0*x0 + w1*x1 + w2)"`` -> Graph.

It walks Python's ``ast`` with a whitelist (numbers, names, + − × / ** @, unary minus and
calls of op names with number keywords); everything else is refused. It never uses ``eval``.
"""

from __future__ import annotations

import ast
from typing import Any

from .graph import Graph
from .node import GraphError, Node
from .ops import OPS

MAX_LENGTH = 5000

_BINOPS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.MatMult: "matmul"}
_REFUSED = {
    ast.Attribute: "attribute access", ast.Subscript: "indexing", ast.Lambda: "lambdas",
    ast.Import: "imports", ast.ImportFrom: "imports", ast.Compare: "comparisons",
    ast.BoolOp: "and/or", ast.IfExp: "if-expressions", ast.List: "lists", ast.Tuple: "tuples",
    ast.Dict: "dicts", ast.Set: "sets", ast.ListComp: "comprehensions",
    ast.GeneratorExp: "comprehensions", ast.JoinedStr: "f-strings", ast.Starred: "* arguments",
}


class ParseError(GraphError):
    """The expression is not one parse() accepts (a ValueError)."""


def parse(text: str, dtype: Any = "float64", **values: Any) -> Graph:
    """Build a graph from ``name = expression`` lines (or ``;``-separated statements).

    Free variables become ``input`` nodes taking their value from ``values`` (no value if not
    given); numbers become ``const`` nodes; each assigned name names its node, and the last
    one is ``graph.output``. Raises :class:`ParseError` (a ValueError) on anything else.
    """
    if not isinstance(text, str):
        raise ParseError("the expression must be text")
    if len(text) > MAX_LENGTH:
        raise ParseError(f"the expression is too long (over {MAX_LENGTH} characters)")
    try:
        tree = ast.parse(text.strip(), mode="exec")
    except SyntaxError as exc:
        raise ParseError(f"syntax error at column {exc.offset}: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError):
        raise ParseError("the expression is nested too deeply") from None
    if not tree.body:
        raise ParseError("write an expression such as f = (x + y) * z")
    builder = _Builder(Graph(dtype), values)
    try:
        for stmt in tree.body:
            builder.statement(stmt)
    except RecursionError:
        raise ParseError("the expression is nested too deeply") from None
    unused = set(values) - set(builder.used)
    if unused:
        raise ParseError(f"value given for {sorted(unused)[0]!r}, which the expression never uses")
    return builder.graph


class _Builder:
    def __init__(self, graph: Graph, values: dict) -> None:
        self.graph = graph
        self.values = values
        self.used: set[str] = set()
        self.assigned: set[str] = set()

    def fail(self, node: ast.AST, what: str) -> ParseError:
        col = getattr(node, "col_offset", None)
        where = "" if col is None else f" (column {col + 1})"
        return ParseError(f"not allowed in an expression: {what}{where}")

    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Expr):
            target, expr = "out", stmt.value
        elif isinstance(stmt, ast.Assign):
            if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
                raise self.fail(stmt, "assigning to anything but one name")
            target, expr = stmt.targets[0].id, stmt.value
        else:
            raise self.fail(stmt, _REFUSED.get(type(stmt), type(stmt).__name__))
        if target in self.graph:
            raise ParseError(f"{target!r} is assigned twice or is already a variable")
        num = self.number(expr)
        if num is not None:
            self.graph.output = self.graph.const(target, num)
            self.assigned.add(target)
            return
        node = self.expr(expr)
        if node.name in self.assigned or node.is_leaf:
            node = self.graph.mul(node, 1.0)      # "b = a": keep a distinct node named b
        self.graph.rename(node, target)
        self.assigned.add(target)
        self.graph.output = node

    def number(self, expr: ast.expr) -> float | None:
        if isinstance(expr, ast.Constant) and type(expr.value) in (int, float):
            return float(expr.value)
        if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, (ast.USub, ast.UAdd)):
            inner = self.number(expr.operand)
            if inner is not None:
                return -inner if isinstance(expr.op, ast.USub) else inner
        return None

    def expr(self, expr: ast.expr) -> Node:
        g = self.graph
        num = self.number(expr)
        if num is not None:
            return g.const(self._const_name(num), num)
        if isinstance(expr, ast.Name):
            return self.variable(expr.id)
        if isinstance(expr, ast.BinOp):
            if isinstance(expr.op, ast.Pow):
                p = self.number(expr.right)
                if p is None:
                    raise self.fail(expr.right, "an exponent that is not a number")
                return g.pow(self.expr(expr.left), p)
            op = _BINOPS.get(type(expr.op))
            if op is None:
                raise self.fail(expr, f"the operator {type(expr.op).__name__}")
            return g._op(op, (self.expr(expr.left), self.expr(expr.right)), None)
        if isinstance(expr, ast.UnaryOp):
            if isinstance(expr.op, ast.USub):
                return g.neg(self.expr(expr.operand))
            if isinstance(expr.op, ast.UAdd):
                return self.expr(expr.operand)
            raise self.fail(expr, f"the operator {type(expr.op).__name__}")
        if isinstance(expr, ast.Call):
            return self.call(expr)
        if isinstance(expr, ast.Constant):
            raise self.fail(expr, f"the constant {expr.value!r}")
        raise self.fail(expr, _REFUSED.get(type(expr), type(expr).__name__))

    def call(self, expr: ast.Call) -> Node:
        spec = OPS.get(expr.func.id) if isinstance(expr.func, ast.Name) else None
        if spec is None or spec.is_leaf:           # every op with input ports can be called
            what = expr.func.id if isinstance(expr.func, ast.Name) else "that"
            raise self.fail(expr, f"calling {what}")
        op, nargs, keys = spec.name, len(spec.ports), spec.attrs
        args = list(expr.args)
        attrs: dict[str, Any] = {}
        if op == "pow" and len(args) == 2:            # pow(x, 2)
            args, attrs["p"] = args[:1], self._attr(args[1], "p")
        if len(args) != nargs:
            raise ParseError(f"{expr.func.id} takes {nargs} argument{'s' * (nargs > 1)}, "
                             f"got {len(args)}")
        for kw in expr.keywords:
            if kw.arg not in keys:
                raise ParseError(f"{expr.func.id} has no option {kw.arg!r}")
            attrs[kw.arg] = self._attr(kw.value, kw.arg)
        ins = tuple(self.expr(a) for a in args)
        return self.graph._op(op, ins, None, **attrs)

    def _attr(self, expr: ast.expr, key: str) -> Any:
        num = self.number(expr)
        if num is None:
            raise self.fail(expr, f"a {key} that is not a number")
        return int(num) if key == "axis" else num

    def variable(self, name: str) -> Node:
        if name in self.graph:
            return self.graph[name]
        self.used.add(name)
        return self.graph.input(name, self.values.get(name))

    def _const_name(self, num: float) -> str:
        base = f"{num:g}"
        name, k = base, 1
        while name in self.graph:
            k += 1
            name = f"{base}_{k}"
        return name
