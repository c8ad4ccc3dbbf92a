"""``Node`` (one op applied to its inputs, with its value and gradient) and ``GraphError``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .messages import code_of, say
from .ops import OPS, OpSpec

if TYPE_CHECKING:
    from .graph import Graph


class GraphError(ValueError):
    """Every user-facing engine error; the message says what is wrong in plain words.

    Made from a :class:`~graphviz_nn.messages.Message` (``GraphError(say(code, ...))``), it also
    gives the message's ``code`` and ``params``, so a front end can say it in another language;
    ``code`` is None for plain text."""

    @property
    def message(self) -> str:
        """The message (a Message where the raiser made one)."""
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)

    @property
    def code(self) -> str | None:
        return code_of(self.message)

    @property
    def params(self) -> dict[str, Any]:
        return dict(getattr(self.message, "params", None) or {}) if self.code else {}


class Node:
    """A node of a :class:`~graphviz_nn.graph.Graph`.

    ``inputs`` lists the input nodes in port order (``None`` where a port is not connected);
    ``value`` and ``grad`` are numpy arrays (0-d for scalars) or ``None`` when not computed;
    ``error`` says why the last forward pass could not compute ``value``.
    """

    __slots__ = ("id", "name", "op", "attrs", "inputs", "value", "grad", "error", "pos",
                 "graph", "_saved", "__weakref__")

    def __init__(self, graph: Graph, node_id: int, name: str, op: str, attrs: dict,
                 pos: tuple[float, float] | None = None) -> None:
        self.graph = graph
        self.id = node_id
        self.name = name
        self.op = op
        self.attrs = attrs
        self.inputs: list[Node | None] = [None] * len(OPS[op].ports)
        self.value: np.ndarray | None = None
        self.grad: np.ndarray | None = None
        self.error: str | None = None
        self.pos = pos
        self._saved: Any = None

    @property
    def spec(self) -> OpSpec:
        """The op's :class:`OpSpec` (symbol, formula, local derivatives, ...)."""
        return OPS[self.op]

    @property
    def is_leaf(self) -> bool:
        """True for input, param and const nodes."""
        return OPS[self.op].is_leaf

    @property
    def shape(self) -> tuple[int, ...] | None:
        """Shape of the value, or None when there is no value."""
        return None if self.value is None else tuple(self.value.shape)

    def __repr__(self) -> str:
        val = "" if self.value is None else f", shape={tuple(self.value.shape)}"
        return f"<Node {self.name!r} {self.op} id={self.id}{val}>"


def as_value(value: Any, dtype: np.dtype) -> np.ndarray:
    """``value`` as a fresh array: floats in the graph's dtype, integer arrays (labels) as int64.

    A scalar integer becomes a float (``x = -2`` is a number to differentiate, not a label).
    """
    try:
        arr = np.array(value)
    except (ValueError, TypeError) as exc:
        raise GraphError(say("not_rectangular", detail=str(exc))) from None
    kind = arr.dtype.kind
    if kind in "iu" and arr.ndim >= 1:
        return arr.astype(np.int64)
    if kind in "biuf":
        return arr.astype(dtype)
    raise GraphError(say("not_numbers", dtype=str(arr.dtype)))
