"""A graph's code as numbered lines, each tied to the step of the trace it belongs to.

The numpy code view and the exported scripts are made of these lines: line ``i`` belongs to
trace step ``lines[i].step`` (``-1``: the inputs, before the first step; ``None``: a heading),
so a GUI can highlight the lines of the current step and jump to the step of a clicked line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..node import GraphError, Node
from ..outputs import default_output
from ..trace import Trace
from . import literals
from .names import Names


@dataclass(frozen=True)
class CodeLine:
    """One line of code and the trace step it belongs to (-1: inputs; None: a heading)."""

    text: str
    step: int | None = None


@dataclass
class Listing:
    """The lines of a graph's code, in step with ``trace``."""

    trace: Trace
    names: Names
    lines: list[CodeLine] = field(default_factory=list)
    blobs: literals.Blobs = field(default_factory=literals.Blobs)
    leaves: list[Node] = field(default_factory=list)

    def add(self, text: str, step: int | None = None) -> None:
        self.lines.append(CodeLine(text, step))

    def lines_of(self, step: int) -> list[int]:
        """Indices of the lines of trace step ``step`` (-1: the input lines)."""
        index = self.__dict__.get("_by_step")
        if index is None or index[0] != len(self.lines):    # indexed once per listing
            by_step: dict[int | None, list[int]] = {}
            for i, line in enumerate(self.lines):
                by_step.setdefault(line.step, []).append(i)
            index = self.__dict__["_by_step"] = (len(self.lines), by_step)
        return list(index[1].get(step, ()))

    def step_of(self, line: int) -> int | None:
        """The trace step line ``line`` belongs to (-1: inputs), or None for a heading."""
        if 0 <= line < len(self.lines):
            return self.lines[line].step
        return None

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def trace_of(graph, output: Node | None = None) -> Trace:
    """Run and record one forward and backward pass of ``graph`` towards ``output`` (default:
    the graph's output, else the node the window differentiates: ``outputs.default_output``);
    GraphError says why it cannot."""
    if output is None:
        output = graph.output or default_output(graph)
    if output is None:
        raise GraphError("the graph has no output node to differentiate")
    return graph.trace(output)


def leaves_of(trace: Trace) -> list[Node]:
    """The leaves the traced output depends on, in the graph's order."""
    used: set[int] = set()
    for step in trace.forward_steps:
        used.update(n.id for n in step.inputs if n is not None and n.is_leaf)
    if trace.output.is_leaf:
        used.add(trace.output.id)
    return [n for n in trace.output.graph.nodes if n.id in used]


def dropout_mask(node: Node) -> np.ndarray | None:
    """The mask a dropout node applied in its last forward pass (None: it let x through)."""
    mask = getattr(node, "_saved", None)
    return np.asarray(mask) if isinstance(mask, (np.ndarray, np.generic)) else None


def leaf_literal(listing: Listing, var: str, value: np.ndarray) -> str:
    """Numpy text that rebuilds ``value`` exactly (a number, an array or a blob)."""
    value = np.asarray(value)
    if value.ndim == 0:
        if value.dtype.kind in "iub":
            return f"np.int64({int(value)})"
        return f"{literals.dtype_name(value.dtype)}({literals.number(value, value.dtype)})"
    if value.size <= literals.LITERAL_MAX:
        dtype = "" if value.dtype in (np.float64, np.int64) else \
            f", dtype={literals.dtype_name(value.dtype)}"
        return f"np.array({literals.nested(value)}{dtype})"
    return listing.blobs.add(var, value)


def shape_note(value: np.ndarray) -> str:
    """``  # shape (784, 100)`` for arrays kept as blobs, else nothing."""
    value = np.asarray(value)
    if value.ndim and value.size > literals.LITERAL_MAX:
        return f"  # shape {tuple(value.shape)}"
    return ""
