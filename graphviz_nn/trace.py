"""The step-by-step record of one forward and one backward pass, for the GUI's timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

from .messages import say
from .node import GraphError, Node
from .numerics import problems

if TYPE_CHECKING:
    from .graph import Graph


@dataclass
class ForwardStep:
    """``node`` produced ``value`` (a snapshot) from ``inputs``."""

    node: Node
    value: np.ndarray
    inputs: list[Node]
    kind: str = field(default="forward", init=False)


@dataclass
class LocalGrad:
    """One input port of a backward step: downstream = upstream × local."""

    port: int
    input: Node
    formula: str
    local: np.ndarray | None
    downstream: np.ndarray


@dataclass
class BackwardStep:
    """``node`` received ``upstream`` (∂output/∂node) and sent ``locals`` to its inputs."""

    node: Node
    upstream: np.ndarray
    locals: list[LocalGrad]
    kind: str = field(default="backward", init=False)


class Trace(list):
    """Forward steps (non-leaf ancestors of ``output``, topological order), then backward steps
    (one per non-leaf node, reverse order, the output first with upstream 1).

    ``value_warnings`` and ``grad_warnings`` (``{node: why}``, see ``numerics.py``) name the
    nodes where a value or a gradient first became NaN or ±inf in this pass, and what happened.
    """

    def __init__(self, output: Node, steps=()) -> None:
        super().__init__(steps)
        self.output = output
        self.value_warnings: dict[Node, str] = {}
        self.grad_warnings: dict[Node, str] = {}

    @property
    def forward_steps(self) -> list[ForwardStep]:
        """The forward steps, in order."""
        cached = self.__dict__.get("_forward")
        if cached is None or cached[0] != len(self):     # found once (a GUI asks every step)
            cached = self.__dict__["_forward"] = (len(self),
                                                  [s for s in self if s.kind == "forward"])
        return list(cached[1])

    @property
    def backward_steps(self) -> list[BackwardStep]:
        """The backward steps, in order (the output first)."""
        return [s for s in self if s.kind == "backward"]


LOCAL_MAX_SIZE = 10_000  # above this many elements the local derivative's number is skipped


def make_trace(graph: Graph, output: Node) -> Trace:
    """Run forward and backward on ``graph`` and record every step."""
    graph._own(output)
    graph.forward()
    if output.error is not None or output.value is None:
        raise GraphError(say("cannot_trace", name=output.name, why=output.error or say("no_value")))
    ancestors = nx.ancestors(graph._nx, output.id) | {output.id}
    trace = Trace(output)
    for node in graph._topo():
        if node.id in ancestors and not node.is_leaf:
            trace.append(ForwardStep(node, node.value.copy(), list(node.inputs)))
    record: list = []
    graph._backward(output, None, record)
    for node, upstream, xs, sent in record:
        spec = node.spec
        locals_num = None
        if spec.local_fn is not None and node.value.size <= LOCAL_MAX_SIZE:
            with np.errstate(all="ignore"):
                locals_num = spec.local_fn(xs, node.value, node)
        steps = []
        for port, down in sent:
            num = None if locals_num is None else locals_num[port]
            steps.append(LocalGrad(port, node.inputs[port], spec.local[port],
                                   None if num is None else np.array(num), down.copy()))
        trace.append(BackwardStep(node, upstream.copy(), steps))
    trace.value_warnings, trace.grad_warnings = problems(graph)
    return trace
