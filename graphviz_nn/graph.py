"""``Graph``: a DAG of tensor-valued nodes with forward and backward passes.

The structure lives in a ``networkx.DiGraph`` of node ids, used for cycle checks, ancestors and
the topological order. That order is computed once per structural change and cached, together
with per-output backward plans, so a training step runs plain lists of op calls.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np

from .builders import BuildersMixin
from .messages import reason, say
from .node import GraphError, Node, as_value
from .ops import OPS
from .ops.spec import shown
from .passes import PassesMixin

MAX_NAME_LENGTH = 200


class Graph(PassesMixin, BuildersMixin):
    """A computational graph. ``Graph()`` computes in float64, ``Graph(dtype="float32")`` for speed.

    ``training`` switches dropout on (default) or off; ``rng`` (seeded by ``seed``) draws the
    dropout masks, so a seeded graph repeats its masks.
    """

    def __init__(self, dtype: Any = "float64", seed: int | None = None) -> None:
        self.dtype = np.dtype(dtype)
        if self.dtype.kind != "f":
            raise GraphError(f"a graph computes in floats, not {self.dtype}")
        self.training = True
        self.rng = np.random.default_rng(seed)
        self.output: Node | None = None  # the node parse() assigned last / a file's output
        # the id of the node a person chose to differentiate (the GUI's "Differentiate this");
        # None: the GUI differentiates the graph's sink. Kept by id, so it comes back with a
        # deleted node that an undo restores.
        self.chosen_output: int | None = None
        # label -> LayerTag: which nodes a builder made as one layer (see layer_groups.py)
        self.layer_tags: dict[str, Any] = {}
        self._nx = nx.DiGraph()
        self._by_id: dict[int, Node] = {}
        self._by_name: dict[str, Node] = {}
        self._ids = itertools.count()
        self._order: list[Node] | None = None
        self._consumers: dict[Node, list[tuple[Node, int]]] | None = None
        self._plans: dict[Any, list] = {}
        self._edge_grads: dict[tuple[int, int], np.ndarray] = {}
        self._fresh = False          # True when the last forward computed every node
        self._has_grads = False      # a backward pass set gradients not cleared since

    # ---- looking things up ----

    @property
    def nodes(self) -> list[Node]:
        """All nodes in topological order (inputs before the nodes that use them)."""
        return list(self._topo())

    @property
    def edges(self) -> list[tuple[Node, Node, int]]:
        """Every connection as ``(source, target, port)``."""
        return [(src, dst, port) for dst in self._topo()
                for port, src in enumerate(dst.inputs) if src is not None]

    def __getitem__(self, name: str) -> Node:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"no node named {name!r}") from None

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Node):
            return self._by_id.get(item.id) is item
        return item in self._by_name

    def __len__(self) -> int:
        return len(self._by_id)

    def __repr__(self) -> str:
        return f"<Graph {len(self)} nodes, {self.dtype}>"

    def node_by_id(self, node_id: int) -> Node:
        """The node with this id (ids are stable across renames and saved in files)."""
        try:
            return self._by_id[node_id]
        except KeyError:
            raise GraphError(f"no node with id {node_id}") from None

    def consumers(self, node: Node) -> list[tuple[Node, int]]:
        """The nodes that use ``node``, as ``(consumer, port)`` pairs."""
        self._own(node)
        if self._consumers is None:
            cons: dict[Node, list[tuple[Node, int]]] = {n: [] for n in self._by_id.values()}
            for dst in self._topo():
                for port, src in enumerate(dst.inputs):
                    if src is not None:
                        cons[src].append((dst, port))
            self._consumers = cons
        return list(self._consumers[node])

    def _topo(self) -> list[Node]:
        if self._order is None:
            by_id = self._by_id
            self._order = [by_id[i] for i in _lexicographic_order(self._nx)]
        return self._order

    def _own(self, node: Any) -> Node:
        if not isinstance(node, Node):
            raise GraphError(f"expected a node, got {type(node).__name__}")
        if self._by_id.get(node.id) is not node:
            raise GraphError(f"node {node.name!r} is not in this graph")
        return node

    # ---- editing ----

    def add_node(self, op: str, name: str | None = None, value: Any = None,
                 pos: tuple[float, float] | None = None, *, node_id: int | None = None,
                 **attrs: Any) -> Node:
        """Add a node of ``op`` with its ports unconnected; ``value`` only for leaves."""
        spec = OPS.get(op)
        if spec is None:
            raise GraphError(f"unknown op {shown(op)}")
        unknown = set(attrs) - set(spec.attrs)
        if unknown:
            known = ", ".join(spec.attrs) or "none"
            raise GraphError(f"{op} has no attribute {shown(sorted(unknown)[0])} (it has: {known})")
        full = {**spec.attrs, **attrs}
        self._check_attrs(spec, full)
        if value is not None and not spec.is_leaf:
            raise GraphError(f"only input, param and const nodes hold a value, not {op}")
        name = self._valid_name(name) if name is not None else self._auto_name(op)
        if node_id is None:
            node_id = next(self._ids)
            while node_id in self._by_id:
                node_id = next(self._ids)
        elif node_id in self._by_id:
            raise GraphError(f"node id {node_id} is already used")
        node = Node(self, node_id, name, op, full, None if pos is None else _pos(pos))
        if value is not None:
            node.value = as_value(value, self.dtype)
        self._by_id[node_id] = node
        self._by_name[name] = node
        self._nx.add_node(node_id)
        self._structure_changed([])
        return node

    def connect(self, src: Node, dst: Node, port: int | str) -> None:
        """Feed ``src`` into ``dst``'s ``port`` (replacing what was there); refuses a cycle."""
        self._own(src)
        self._own(dst)
        port = self._port(dst, port)
        if self.would_cycle(src, dst):
            raise GraphError(say("cycle", src=src.name, dst=dst.name))
        self._set_input(dst, port, src)
        self._nx.add_edge(src.id, dst.id)
        self._structure_changed([dst])

    def would_cycle(self, src: Node, dst: Node) -> bool:
        """Would feeding ``src`` into ``dst`` close a loop? True when ``src`` is ``dst`` or
        ``dst`` already reaches ``src``; ``connect`` refuses exactly these. The GUI asks this
        while a wire is being dragged, to draw it as refused before it is dropped."""
        self._own(src)
        self._own(dst)
        return src is dst or nx.has_path(self._nx, dst.id, src.id)

    def disconnect(self, dst: Node, port: int | str) -> None:
        """Leave ``dst``'s ``port`` unconnected."""
        self._own(dst)
        self._set_input(dst, self._port(dst, port), None)
        self._structure_changed([dst])

    def _set_input(self, dst: Node, port: int, src: Node | None) -> None:
        """Put ``src`` on ``dst``'s ``port``; drop the old source's edge if no port uses it."""
        old = dst.inputs[port]
        dst.inputs[port] = src
        if old is not None and old not in dst.inputs:
            self._nx.remove_edge(old.id, dst.id)

    def remove(self, node: Node) -> None:
        """Remove ``node``; the ports that used it become unconnected."""
        self._own(node)
        users = [dst for dst, _ in self.consumers(node)]
        for dst in users:
            dst.inputs = [None if n is node else n for n in dst.inputs]
        self._nx.remove_node(node.id)
        del self._by_id[node.id]
        del self._by_name[node.name]
        if self.output is node:
            self.output = None
        self._structure_changed(users)

    def rename(self, node: Node, new_name: str) -> None:
        """Give ``node`` a new (unique, non-empty) name; its id stays."""
        self._own(node)
        if new_name == node.name:
            return
        new_name = self._valid_name(new_name)
        del self._by_name[node.name]
        node.name = new_name
        self._by_name[new_name] = node

    def set_value(self, node: Node, value: Any) -> None:
        """Set a leaf's value (array-like); floats take the graph's dtype, int arrays stay int."""
        self._own(node)
        if not node.is_leaf:
            raise GraphError(say("not_a_leaf", name=node.name, op=node.op))
        node.value = None if value is None else as_value(value, self.dtype)
        node.error = None
        self._invalidate([node], keep_self=True)

    def set_attr(self, node: Node, key: str, value: Any) -> None:
        """Change one attribute of ``node`` (e.g. ``axis``, ``alpha``, ``p``)."""
        self._own(node)
        spec = node.spec
        if key not in spec.attrs:
            known = ", ".join(spec.attrs) or "none"
            raise GraphError(f"{node.op} has no attribute {key!r} (it has: {known})")
        attrs = {**node.attrs, key: value}
        self._check_attrs(spec, attrs)
        node.attrs = attrs
        self._invalidate([node])

    def _check_attrs(self, spec, attrs: dict) -> None:
        if spec.check_attrs is not None:
            try:
                spec.check_attrs(attrs)
            except ValueError as exc:
                raise GraphError(say("bad_attr", op=spec.name, detail=reason(exc))) from None

    def _port(self, dst: Node, port: int | str) -> int:
        ports = dst.spec.ports
        if isinstance(port, str) and port in ports:
            return ports.index(port)
        if isinstance(port, int) and not isinstance(port, bool) and 0 <= port < len(ports):
            return port
        have = ", ".join(ports) if ports else say("no_input_ports")
        raise GraphError(say("no_port", name=dst.name, op=dst.op, have=have, port=shown(port)))

    def _valid_name(self, name: Any) -> str:
        if not isinstance(name, str) or not name.strip():
            raise GraphError(say("name_empty"))
        name = name.strip()
        if len(name) > MAX_NAME_LENGTH:
            raise GraphError(say("name_too_long", limit=MAX_NAME_LENGTH, length=f"{len(name):,}"))
        for ch in name:
            if ch < " " or "\x7f" <= ch < "\xa0":
                raise GraphError(say("name_control", char=f"U+{ord(ch):04X}"))
            if "\ud800" <= ch <= "\udfff":
                raise GraphError(say("name_surrogate", char=f"U+{ord(ch):04X}"))
        if name in self._by_name:
            raise GraphError(say("name_taken", name=name))
        return name

    def _auto_name(self, op: str) -> str:
        base = {"input": "x", "param": "w", "const": "c"}.get(op, op)
        for k in itertools.count(1):
            if f"{base}{k}" not in self._by_name:
                return f"{base}{k}"
        raise AssertionError  # pragma: no cover

    def _structure_changed(self, touched: Iterable[Node]) -> None:
        self._order = None
        self._consumers = None
        self._plans.clear()
        self._invalidate(touched)

    def _invalidate(self, touched: Iterable[Node], keep_self: bool = False) -> None:
        """Forget values computed from ``touched`` and every gradient."""
        self._fresh = False
        self._clear_grads()
        stale: set[int] = set()
        for n in touched:
            if n.id in self._nx:
                stale |= nx.descendants(self._nx, n.id)
                if not keep_self:
                    stale.add(n.id)
        for i in stale:
            n = self._by_id[i]
            if not n.is_leaf:
                n.value = None
                n.error = None

    def diagnose(self) -> dict[Node, str]:
        """``{node: why}`` for the nodes where the last forward (and backward) pass first made
        NaN or ±inf from finite numbers, e.g. "log of a negative number gives nan" (see
        ``numerics.py``). Empty when every value and gradient is a number."""
        from .numerics import diagnose
        return diagnose(self)

    def trace(self, output: Node):
        """The step-by-step record of one forward and one backward pass (see ``trace.py``)."""
        from .trace import make_trace
        return make_trace(self, output)

    # ---- files and copies ----

    def to_dict(self) -> dict:
        """A JSON-ready description (format name, version, nodes, edges, values, positions)."""
        from .io import graph_to_dict
        return graph_to_dict(self)

    @classmethod
    def from_dict(cls, data: Any) -> Graph:
        """Rebuild a graph from :meth:`to_dict` output; GraphError names what is wrong."""
        from .io import graph_from_dict
        return graph_from_dict(data)

    def save(self, path) -> None:
        """Write the graph as JSON, atomically (temporary file, then rename)."""
        from .io import save
        save(self, path)

    def copy(self, dtype: Any = None) -> Graph:
        """An independent copy (same ids, names, values; optionally another float dtype)."""
        new = Graph(self.dtype if dtype is None else dtype)
        new.training = self.training
        new.rng.bit_generator.state = self.rng.bit_generator.state
        for node in self._topo():
            n = new.add_node(node.op, node.name, pos=node.pos, node_id=node.id, **node.attrs)
            if node.value is not None and node.is_leaf:
                v = node.value
                n.value = v.astype(new.dtype) if v.dtype.kind == "f" else v.copy()
        for src, dst, port in self.edges:
            new.connect(new._by_id[src.id], new._by_id[dst.id], port)
        new._ids = itertools.count(max(self._by_id, default=-1) + 1)
        if self.output is not None:
            new.output = new._by_id[self.output.id]
        new.chosen_output = self.chosen_output
        new.layer_tags = dict(self.layer_tags)
        return new


def _pos(pos: Any) -> tuple[float, float]:
    try:
        x, y = pos
        x, y = float(x), float(y)
    except (TypeError, ValueError, OverflowError):
        raise GraphError(f"a position is two numbers (x, y), not {shown(pos)}") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise GraphError(f"a position is two finite numbers (x, y), not ({x}, {y})")
    return (x, y)


def _lexicographic_order(dag: nx.DiGraph) -> list[int]:
    """networkx's ``lexicographical_topological_sort`` of ``dag`` (node ids): of the nodes
    whose inputs are all placed, the smallest id comes next; the same order, a few times
    faster for big graphs (Kahn's algorithm on a heap)."""
    succ = dag._succ                        # noqa: SLF001 - read only, for speed
    indegree = {n: len(p) for n, p in dag._pred.items()}    # noqa: SLF001
    ready = [n for n, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        n = heapq.heappop(ready)
        order.append(n)
        for child in succ[n]:
            indegree[child] -= 1
            if indegree[child] == 0:
                heapq.heappush(ready, child)
    if len(order) != len(indegree):
        raise nx.NetworkXUnfeasible("graph contains a cycle")
    return order
