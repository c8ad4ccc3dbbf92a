"""A safe expression parser: ``"f = sigmoid(w0*x0 + w1*x1 + w2)"`` -> Graph.

It walks Python's ``ast`` with a whitelist (numbers, names, + − × / ** @, unary minus and
calls of op names with number keywords); everything else is refused. It never uses ``eval``.

Any text gives a graph or a :class:`ParseError` whose message names the problem: the walk is
iterative (a long chain ``x + x + ... + x`` needs no deep recursion), a number too large for a
float is refused by name, and the names the builder makes up for unnamed nodes (``add1``,
``mul2``, ``3``) never take a name the expression itself uses.
"""

from __future__ import annotations

import ast
import math
import warnings
from typing import Any

from .graph import Graph
from .messages import reason, say
from .node import GraphError, Node
from .ops import OPS

MAX_LENGTH = 5000

_BINOPS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.MatMult: "matmul"}
_REFUSED = {                           # what is refused, as a message code
    ast.Attribute: "refused_attribute", ast.Subscript: "refused_indexing",
    ast.Lambda: "refused_lambda", ast.Import: "refused_import", ast.ImportFrom: "refused_import",
    ast.Compare: "refused_comparison", ast.BoolOp: "refused_bool", ast.IfExp: "refused_if",
    ast.List: "refused_list", ast.Tuple: "refused_tuple", ast.Dict: "refused_dict",
    ast.Set: "refused_set", ast.ListComp: "refused_comprehension",
    ast.GeneratorExp: "refused_comprehension", ast.JoinedStr: "refused_fstring",
    ast.Starred: "refused_starred",
}


def _refused(node: ast.AST) -> str:
    code = _REFUSED.get(type(node))
    return say(code) if code else type(node).__name__


class ParseError(GraphError):
    """The expression is not one parse() accepts (a ValueError)."""


def parse(text: str, dtype: Any = "float64", **values: Any) -> Graph:
    """Build a graph from ``name = expression`` lines (or ``;``-separated statements).

    Free variables become ``input`` nodes taking their value from ``values`` (no value if not
    given); numbers become ``const`` nodes; each assigned name names its node, and the last
    one is ``graph.output``. Raises :class:`ParseError` (a ValueError) on anything else.
    """
    if not isinstance(text, str):
        raise ParseError(say("parse_not_text"))
    if len(text) > MAX_LENGTH:
        raise ParseError(say("parse_too_long", limit=MAX_LENGTH))
    _refuse_control_characters(text)
    source = text.strip()
    tree = _syntax_tree(source, shift=len(text) - len(text.lstrip()))
    if not tree.body:
        raise ParseError(say("parse_empty"))
    builder = _Builder(Graph(dtype), values, source, _names_in(tree))
    for stmt in tree.body:
        builder.statement(stmt)
    unused = set(values) - set(builder.used)
    if unused:
        raise ParseError(say("parse_unused_value", name=sorted(unused)[0]))
    return builder.graph


def _where(text: str, index: int) -> str:
    """'column C' (or 'line L, column C') of character ``index`` of ``text``, counted from 1."""
    line = text.count("\n", 0, index)
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return say("parse_line_column", line=line + 1, column=col) if "\n" in text.strip() \
        else say("parse_column", column=col)


def _refuse_control_characters(text: str) -> None:
    for i, ch in enumerate(text):
        if (ch < " " and ch not in "\t\n\r") or ch == "\x7f":
            raise ParseError(say("parse_control", char=f"U+{ord(ch):04X}", where=_where(text, i)))
        if "\ud800" <= ch <= "\udfff":
            raise ParseError(say("parse_surrogate", char=f"U+{ord(ch):04X}",
                                 where=_where(text, i)))


def _syntax_tree(source: str, shift: int) -> ast.Module:
    try:
        with warnings.catch_warnings():      # e.g. "invalid escape sequence": refused anyway
            warnings.simplefilter("ignore")
            return ast.parse(source, mode="exec")
    except SyntaxError as exc:
        where = ""
        if exc.offset is not None:
            line = exc.lineno or 1
            col = exc.offset + (shift if line == 1 else 0)
            where = say("parse_at", where=say("parse_line_column", line=line, column=col)
                        if "\n" in source else say("parse_column", column=col))
        raise ParseError(say("parse_syntax", where=where, detail=exc.msg)) from None
    except (RecursionError, MemoryError):
        raise ParseError(say("parse_too_deep")) from None
    except ValueError as exc:
        raise ParseError(say("parse_unreadable", detail=str(exc))) from None


def _names_in(tree: ast.AST) -> set[str]:
    """Every name the expression writes (variables and assigned names), found without recursion."""
    names, todo = set(), [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Name):
            names.add(node.id)
        todo.extend(ast.iter_child_nodes(node))
    return names


class _Builder:
    def __init__(self, graph: Graph, values: dict, source: str, reserved: set[str]) -> None:
        self.graph = graph
        self.values = values
        self.source = source
        self.reserved = reserved          # names the expression uses: never made up for a node
        self.used: set[str] = set()
        self.assigned: set[str] = set()

    def fail(self, node: ast.AST, what: str) -> ParseError:
        col = getattr(node, "col_offset", None)
        where = "" if col is None else say("parse_at_column", column=col + 1)
        return ParseError(say("parse_not_allowed", what=what, where=where))

    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Expr):
            target, expr = "out", stmt.value
        elif isinstance(stmt, ast.Assign):
            if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
                raise self.fail(stmt, say("refused_assign"))
            target, expr = stmt.targets[0].id, stmt.value
        else:
            raise self.fail(stmt, _refused(stmt))
        if target in self.graph:
            raise ParseError(say("parse_assigned_twice", name=target))
        num = self.number(expr)
        if num is not None:
            self.graph.output = self.graph.const(target, num)
            self.assigned.add(target)
            return
        node = self.expr(expr)
        if target in self.graph:                      # "x = x + 1"
            raise ParseError(say("parse_own_definition", name=target))
        if node.name in self.assigned or node.is_leaf:
            node = self._op("mul", (node, self._const(1.0)))   # "b = a": a distinct node b
        self.graph.rename(node, target)
        self.assigned.add(target)
        self.graph.output = node

    # ---- numbers ----

    def number(self, expr: ast.expr) -> float | None:
        """The value of a number literal with any signs in front (``-3``, ``+-2.5``), else None."""
        sign, inner = 1.0, expr
        while isinstance(inner, ast.UnaryOp) and isinstance(inner.op, (ast.USub, ast.UAdd)):
            if isinstance(inner.op, ast.USub):
                sign = -sign
            inner = inner.operand
        if not (isinstance(inner, ast.Constant) and type(inner.value) in (int, float)):
            return None
        try:
            value = float(inner.value)
        except OverflowError:
            value = math.inf
        if not math.isfinite(value):
            raise ParseError(say("parse_number_too_large", number=self._literal(inner),
                                 column=inner.col_offset + 1))
        return sign * value

    def _literal(self, node: ast.expr) -> str:
        text = ast.get_source_segment(self.source, node) or repr(node.value)
        return text if len(text) <= 24 else f"{text[:12]}…{text[-6:]} ({len(text)} characters)"

    def _attr(self, expr: ast.expr, key: str) -> Any:
        num = self.number(expr)
        if num is None:
            raise self.fail(expr, say("refused_attr_value", key=key))
        if key == "axis":
            if num != int(num):
                raise ParseError(say("parse_axis_whole", number=f"{num:g}",
                                     column=expr.col_offset + 1))
            return int(num)
        return num

    # ---- expressions, walked without recursion ----

    def expr(self, root: ast.expr) -> Node:
        """The node computing ``root``: children first, left to right, like a recursive walk."""
        done: dict[int, Node] = {}
        todo: list[tuple[ast.expr, list[ast.expr] | None, dict]] = [(root, None, {})]
        while todo:
            e, kids, attrs = todo.pop()
            if kids is None:
                kids, attrs = self._children(e)
                todo.append((e, kids, attrs))
                todo.extend((k, None, {}) for k in reversed(kids))
                continue
            done[id(e)] = self._make(e, [done.pop(id(k)) for k in kids], attrs)
        return done[id(root)]

    def _children(self, e: ast.expr) -> tuple[list[ast.expr], dict]:
        """What ``e`` is computed from (checked: anything not allowed is refused here)."""
        if self.number(e) is not None or isinstance(e, ast.Name):
            return [], {}
        if isinstance(e, ast.BinOp):
            if isinstance(e.op, ast.Pow):
                if self.number(e.right) is None:
                    raise self.fail(e.right, say("refused_exponent"))
                return [e.left], {"p": self.number(e.right)}
            if type(e.op) not in _BINOPS:
                raise self.fail(e, say("refused_operator", name=type(e.op).__name__))
            return [e.left, e.right], {}
        if isinstance(e, ast.UnaryOp):
            if not isinstance(e.op, (ast.USub, ast.UAdd)):
                raise self.fail(e, say("refused_operator", name=type(e.op).__name__))
            return [e.operand], {}
        if isinstance(e, ast.Call):
            return self._call(e)
        if isinstance(e, ast.Constant):
            raise self.fail(e, say("refused_constant", value=repr(e.value)))
        raise self.fail(e, _refused(e))

    def _call(self, e: ast.Call) -> tuple[list[ast.expr], dict]:
        spec = OPS.get(e.func.id) if isinstance(e.func, ast.Name) else None
        if spec is None or spec.is_leaf:           # every op with input ports can be called
            if isinstance(e.func, ast.Name):
                raise self.fail(e, say("refused_call", name=e.func.id))
            raise self.fail(e, say("refused_call_that"))
        nargs, keys = len(spec.ports), spec.attrs
        args = list(e.args)
        attrs: dict[str, Any] = {}
        if spec.name == "pow" and len(args) == 2:     # pow(x, 2)
            args, attrs["p"] = args[:1], self._attr(args[1], "p")
        if len(args) != nargs:
            raise ParseError(say("parse_arguments" if nargs > 1 else "parse_one_argument",
                                 op=e.func.id, n=nargs, got=len(args)))
        for kw in e.keywords:
            if kw.arg not in keys:
                raise ParseError(say("parse_no_option", op=e.func.id, option=kw.arg))
            attrs[kw.arg] = self._attr(kw.value, kw.arg)
        return args, attrs

    def _make(self, e: ast.expr, ins: list[Node], attrs: dict) -> Node:
        num = self.number(e)
        if num is not None:
            return self._const(num)
        if isinstance(e, ast.Name):
            return self.variable(e.id)
        if isinstance(e, ast.BinOp):
            op = "pow" if isinstance(e.op, ast.Pow) else _BINOPS[type(e.op)]
        elif isinstance(e, ast.UnaryOp):
            if isinstance(e.op, ast.UAdd):
                return ins[0]
            op = "neg"
        else:
            op = OPS[e.func.id].name
        return self._op(op, tuple(ins), **attrs)

    def variable(self, name: str) -> Node:
        if name in self.graph:
            return self.graph[name]
        self.used.add(name)
        return self.graph.input(name, self.values.get(name))

    # ---- made-up names: never one the expression uses ----

    def _op(self, op: str, ins: tuple, **attrs: Any) -> Node:
        try:
            return self.graph._op(op, ins, self._fresh(op, ""), **attrs)
        except ParseError:
            raise
        except GraphError as exc:       # an option the op refuses (dropout p=2): say it as such
            raise ParseError(reason(exc)) from None        # the message keeps its code

    def _const(self, num: float) -> Node:
        base = f"{num:g}"
        return self.graph.const(self._fresh(base, "_", first=""), num)

    def _fresh(self, base: str, sep: str, first: str = "1") -> str:
        """``base`` + the first suffix (``first``, then 2, 3, ...) giving an unused name."""
        name, k = f"{base}{first}", 1
        while name in self.graph or name in self.reserved:
            k += 1
            name = f"{base}{sep}{k}"
        return name
