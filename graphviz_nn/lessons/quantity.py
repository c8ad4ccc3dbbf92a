"""Numbers a lesson asks about, written as small formulas: ``grad(x)``, ``value(o1) * (1 -
value(o1))``, ``value(w7) - 0.5 * grad(w7)``, ``ceil(train_samples / batch_size)``,
``grad(scores)[1]``.

A formula is read once, when the lesson file loads (Python's ``ast`` with a whitelist, never
``eval``): numbers, + - * / ** and unary minus, brackets, ``value(node)`` and ``grad(node)`` (a
node's name bare or quoted: ``value("a×4")``), an index ``[i]`` into a tensor, a few functions
(``ceil floor abs sqrt exp log min max round``) and the names of the training settings
(``NAMES``). Anything else is refused with a :class:`QuantityError` naming it.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import Protocol

import numpy as np

MAX_LENGTH = 300

# the training dock's numbers a formula may use (see checks.Snapshot.train)
NAMES = {
    "train_samples": "samples the model trains on (the data set less its validation share)",
    "samples": "samples in the data set",
    "batch_size": "the batch size",
    "learning_rate": "the learning rate",
    "epochs": "the number of epochs",
    "dropout": "the dropout rate",
    "inputs": "features per sample (784 for Fashion-MNIST, 64 for digits, 2 for the 2-D sets)",
    "classes": "how many classes the data set has",
    "model_params": "the MLP's parameter count (weights and biases of every Dense layer)",
}

_FUNCTIONS: dict[str, Callable] = {
    "ceil": math.ceil, "floor": math.floor, "abs": abs, "sqrt": math.sqrt, "exp": math.exp,
    "log": math.log, "min": min, "max": max, "round": round,
}
_BINARY = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
           ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b,
           ast.Pow: lambda a, b: a ** b}


class QuantityError(ValueError):
    """A formula that cannot be read, or cannot be worked out on the app's state."""


class Reader(Protocol):
    """What a formula reads: node values and gradients and the training settings."""

    def node_value(self, name: str) -> np.ndarray | None: ...

    def node_grad(self, name: str) -> np.ndarray | None: ...

    def setting(self, name: str) -> float | None: ...


class Quantity:
    """A formula, checked when made; ``evaluate(reader)`` works it out."""

    def __init__(self, text: str | float | int) -> None:
        if isinstance(text, bool) or not isinstance(text, (str, int, float)):
            raise QuantityError("write a number or a formula such as grad(x)")
        self.text = str(text)
        if len(self.text) > MAX_LENGTH:
            raise QuantityError(f"the formula is longer than {MAX_LENGTH} characters")
        try:
            tree = ast.parse(self.text.strip().replace("−", "-"), mode="eval")
        except (SyntaxError, ValueError) as exc:
            why = exc.msg if isinstance(exc, SyntaxError) else str(exc)
            raise QuantityError(f"cannot read the formula {self.text!r} ({why})") from None
        self._tree = tree.body
        self.nodes: set[str] = set()
        self._check(self._tree)

    def __repr__(self) -> str:
        return f"Quantity({self.text!r})"

    # ----- reading ---------------------------------------------------------------------------
    def _node_name(self, call: ast.Call) -> str:
        if len(call.args) != 1 or call.keywords:
            raise QuantityError(f"{call.func.id}() takes one node name, e.g. {call.func.id}(x)")
        arg = call.args[0]
        if isinstance(arg, ast.Name):
            return arg.id
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
            return arg.value
        raise QuantityError(f"{call.func.id}() takes a node name, e.g. {call.func.id}(x)")

    def _check(self, node: ast.AST) -> None:
        todo = [node]
        while todo:
            n = todo.pop()
            if isinstance(n, ast.Constant):
                if isinstance(n.value, bool) or not isinstance(n.value, (int, float)):
                    raise QuantityError(f"{n.value!r} is not a number")
            elif isinstance(n, ast.BinOp) and type(n.op) in _BINARY:
                todo += [n.left, n.right]
            elif isinstance(n, ast.UnaryOp) and isinstance(n.op, (ast.USub, ast.UAdd)):
                todo.append(n.operand)
            elif isinstance(n, ast.Name):
                if n.id not in NAMES:
                    raise QuantityError(
                        f"unknown name {n.id!r} (write value({n.id}) or grad({n.id}) for a "
                        f"node; settings: {', '.join(NAMES)})")
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
                if n.func.id in ("value", "grad"):
                    self.nodes.add(self._node_name(n))
                elif n.func.id in _FUNCTIONS:
                    if n.keywords or not n.args:
                        raise QuantityError(f"{n.func.id}() takes numbers")
                    todo += n.args
                else:
                    raise QuantityError(f"unknown function {n.func.id}() (use value(), grad(), "
                                        f"{'(), '.join(_FUNCTIONS)}())")
            elif isinstance(n, ast.Subscript):
                index = n.slice
                if not (isinstance(index, ast.Constant) and type(index.value) is int
                        or isinstance(index, ast.Tuple) and all(
                            isinstance(e, ast.Constant) and type(e.value) is int
                            for e in index.elts)):
                    raise QuantityError("an index is a whole number, e.g. grad(scores)[1]")
                todo.append(n.value)
            else:
                raise QuantityError(f"{ast.unparse(n)!r} is not allowed in a formula")

    # ----- working out ---------------------------------------------------------------------------
    def evaluate(self, reader: Reader) -> float:
        """The formula's number on ``reader``'s state; QuantityError naming what is missing
        (a node the graph lacks, a tensor where a number is needed, a division by zero)."""
        with np.errstate(all="ignore"):
            try:
                result = self._eval(self._tree, reader)
            except (ZeroDivisionError, OverflowError, ValueError, TypeError) as exc:
                if isinstance(exc, QuantityError):
                    raise
                raise QuantityError(f"{self.text}: {exc}") from None
        arr = np.asarray(result, dtype=np.float64)
        if arr.size != 1:
            raise QuantityError(f"{self.text} is a tensor of shape {arr.shape}, not one number; "
                                "pick an element, e.g. grad(scores)[1]")
        return float(arr.reshape(()))

    def _eval(self, n: ast.AST, reader: Reader):
        if isinstance(n, ast.Constant):
            return n.value
        if isinstance(n, ast.BinOp):
            a, b = self._eval(n.left, reader), self._eval(n.right, reader)
            if isinstance(n.op, ast.Pow) and abs(float(np.max(np.abs(b)))) > 1000:
                raise QuantityError(f"{self.text}: an exponent over 1000")
            return _BINARY[type(n.op)](np.asarray(a, dtype=np.float64),
                                       np.asarray(b, dtype=np.float64))
        if isinstance(n, ast.UnaryOp):
            v = np.asarray(self._eval(n.operand, reader), dtype=np.float64)
            return -v if isinstance(n.op, ast.USub) else v
        if isinstance(n, ast.Name):
            v = reader.setting(n.id)
            if v is None:
                raise QuantityError(f"{n.id} is not known yet (open the Train workspace)")
            return v
        if isinstance(n, ast.Subscript):
            arr = np.asarray(self._eval(n.value, reader))
            index = (n.slice.value if isinstance(n.slice, ast.Constant)
                     else tuple(e.value for e in n.slice.elts))
            try:
                return arr[index]
            except IndexError:
                raise QuantityError(f"{self.text}: index {index} is outside shape "
                                    f"{arr.shape}") from None
        name = n.func.id
        if name in ("value", "grad"):
            node = self._node_name(n)
            v = reader.node_value(node) if name == "value" else reader.node_grad(node)
            if v is None:
                what = "node" if name == "value" else "gradient for"
                raise QuantityError(f"the graph has no {what} {node!r}")
            return v
        args = []
        for a in n.args:
            v = np.asarray(self._eval(a, reader), dtype=np.float64)
            if v.size != 1:
                raise QuantityError(f"{self.text}: {name}() takes single numbers, not tensors")
            args.append(float(v.reshape(-1)[0]))
        return _FUNCTIONS[name](*args)
