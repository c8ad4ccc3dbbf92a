"""The op record (:class:`OpSpec`), the registry :data:`OPS` and the one unbroadcast step.

An op is a row of data: its name, how the GUI draws it, the formula and local derivatives a
learner reads, and two callables the engine runs:

``forward(xs, node) -> ndarray``
    ``xs`` are the input values in port order; ``node`` gives ``attrs`` and a ``_saved`` slot
    (dropout keeps its mask there, the fused loss its probabilities).
``vjp(g, xs, out, node, need) -> list``
    the vector-Jacobian product: given the upstream gradient ``g`` (shape of ``out``), the
    gradient for each port, or ``None`` where ``need[i]`` is false. A port's gradient may have
    the broadcast shape; the engine sums it back to the input's shape with :func:`unbroadcast`.
``local_fn(xs, out, node) -> list``  (optional)
    the local derivative's number per port where it is elementwise, else ``None``.

Integer values (label arrays) reach an op's ``forward`` as floats of the graph's dtype, so
arithmetic on them never wraps around; only the ``int_ports`` an op names (the labels of
``softmax_cross_entropy``) get them as integers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

CATEGORIES = ("Inputs", "Arithmetic", "Tensor", "Activations", "Losses", "Regularization")


@dataclass(frozen=True)
class OpSpec:
    """Everything about one op, in one place."""

    name: str
    symbol: str
    category: str
    ports: tuple[str, ...]
    attrs: dict = field(default_factory=dict)
    formula: str = ""
    local: tuple[str, ...] = ()
    doc: str = ""
    forward: Callable | None = None
    vjp: Callable | None = None
    local_fn: Callable | None = None
    check_attrs: Callable | None = None
    int_ports: tuple[int, ...] = ()     # ports read as integers (labels); others as floats

    @property
    def is_leaf(self) -> bool:
        """True for input, param and const: nodes with no input ports."""
        return not self.ports

    def local_rule(self, port: int, names: Sequence[str | None], attrs: dict | None = None,
                   rule: str | None = None) -> str:
        """The local derivative of input ``port`` written with the names of the nodes that feed
        the ports (``names``, in port order): mul's ``∂(a·b)/∂a = b`` fed by q and z reads
        ``∂(q·z)/∂q = z``. An attribute the rule uses is given after it: ``(p = 2)``.
        ``rule``: the text to write (a translation of ``local[port]``; default that)."""
        rule = self.local[port] if rule is None else rule
        swap = {p: n for p, n in zip(self.ports, names, strict=False) if n}
        if swap:
            pattern = "|".join(re.escape(p) for p in sorted(swap, key=len, reverse=True))
            rule = re.sub(rf"(?<![A-Za-z0-9_])({pattern})(?![A-Za-z0-9_])",
                          lambda m: swap[m.group(1)], rule)
        used = []
        for key, value in sorted((attrs or {}).items()):
            symbol = _ATTR_SYMBOLS.get(key, key)
            if re.search(rf"(?<![A-Za-z0-9_]){re.escape(symbol)}(?![A-Za-z0-9_])",
                         self.local[port]):
                shown = format(value, "g") if isinstance(value, (int, float)) else value
                used.append(f"{symbol} = {shown}")
        return f"{rule}  ({', '.join(used)})" if used else rule


_ATTR_SYMBOLS = {"alpha": "α"}      # how a rule writes an attribute

OPS: dict[str, OpSpec] = {}


def register(spec: OpSpec) -> OpSpec:
    """Add ``spec`` to :data:`OPS` (names are unique)."""
    if spec.name in OPS:
        raise ValueError(f"op {spec.name!r} registered twice")
    if spec.category not in CATEGORIES:
        raise ValueError(f"op {spec.name!r}: unknown category {spec.category!r}")
    if not spec.is_leaf and len(spec.local) != len(spec.ports):
        raise ValueError(f"op {spec.name!r}: one local derivative per port")
    OPS[spec.name] = spec
    return spec


def unbroadcast(g: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum a gradient of a broadcast result back to the input's ``shape``."""
    if g.shape == shape:
        return g
    extra = g.ndim - len(shape)
    if extra > 0:
        g = g.sum(axis=tuple(range(extra)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    if axes:
        g = g.sum(axis=axes, keepdims=True)
    if g.shape != shape:
        g = np.broadcast_to(g, shape).copy()
    return np.asarray(g)


def shown(x, limit: int = 40) -> str:
    """``repr(x)`` cut to ``limit`` characters, for messages about bad attribute values."""
    text = repr(x)
    return text if len(text) <= limit else f"{text[:limit - 12]}… ({len(text)} characters)"


def finite(x) -> bool:
    """Is the number ``x`` finite as a float (an int too large for a float is not)?"""
    try:
        return bool(np.isfinite(float(x)))
    except OverflowError:
        return False


def ones(xs: list, out: np.ndarray, node) -> list:
    """Local derivative 1 for every port (shaped like the output)."""
    return [np.ones_like(out) for _ in xs]
