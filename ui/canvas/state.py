"""What the canvas shows at a timeline position: values, gradients, the current step.

``TraceTimeline`` reads a trace once and records, per node and per edge, when its value or
gradient appears; ``state_at(cursor)`` then answers with the same array objects every time, so
the canvas can tell by identity what changed and repaint only that.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np

EdgeKey = tuple[int, int, int]
NEARBY = 64         # a cursor this close to the last one is found by going the steps between


@dataclass
class DisplayState:
    values: dict[int, object] = field(default_factory=dict)       # node id -> array or None
    grads: dict[int, object] = field(default_factory=dict)
    edge_grads: dict[EdgeKey, object] = field(default_factory=dict)
    hidden_nodes: set[int] = field(default_factory=set)           # quiz: gradient not revealed
    hidden_edges: set[EdgeKey] = field(default_factory=set)
    errors: dict[int, str] = field(default_factory=dict)
    warnings: dict[int, str] = field(default_factory=dict)        # where NaN/inf first appeared
    current: int | None = None                                    # node id of the current step
    emphasised: set[EdgeKey] = field(default_factory=set)
    # (the state this one was found from, nodes and wires whose numbers may differ from it)
    delta: tuple | None = None


def graph_state(graph) -> DisplayState:
    """State straight from the graph's own values and gradients (no trace, e.g. after edits)."""
    st = DisplayState()
    for n in graph.nodes:
        st.values[n.id] = n.value
        st.grads[n.id] = n.grad
        if n.error:
            st.errors[n.id] = n.error
    st.warnings = {n.id: why for n, why in graph.diagnose().items()}
    for src, dst, port in graph.edges:
        if dst.grad is None:
            continue
        try:
            st.edge_grads[(src.id, dst.id, port)] = graph.edge_grad(src, dst, port)
        except Exception:  # noqa: BLE001 - no gradient along this edge yet
            pass
    return st


class TraceTimeline:
    """Per-node and per-edge events of one trace, for fast lookups at any cursor."""

    def __init__(self, graph, trace) -> None:
        self.steps = trace
        self._values: dict[int, list[tuple[int, object]]] = {}
        self._grads: dict[int, list[tuple[int, object]]] = {}
        self._edges: dict[EdgeKey, tuple[int, object]] = {}
        self.step_node: list[int] = []
        self.step_edges: list[set[EdgeKey]] = []
        edges_into: dict[int, set[EdgeKey]] = {}
        for s, d, p in graph.edges:
            edges_into.setdefault(d.id, set()).add((s.id, d.id, p))
        traced = {st.node.id for st in self.steps}
        self.errors = {n.id: n.error for n in graph.nodes if n.error}
        self._warnings = _warning_events(trace)
        for n in graph.nodes:
            # leaves, and nodes the output does not depend on: shown as computed from the start
            if n.is_leaf or (n.id not in traced and n.value is not None):
                self._values[n.id] = [(-1, n.value)]
        acc: dict[int, object] = {}
        # what each step changes: (value of, gradients of, wires): a step from a nearby
        # cursor looks only at those
        self._touch: list[tuple[tuple[int, ...], tuple[int, ...], tuple[EdgeKey, ...]]] = []
        self._last: tuple[int, DisplayState] | None = None
        for i, step in enumerate(self.steps):
            nid = step.node.id
            self.step_node.append(nid)
            self.step_edges.append(edges_into.get(nid, set()))
            if step.kind == "forward":
                self._values.setdefault(nid, []).append((i, step.value))
                self._touch.append(((nid,), (), ()))
                continue
            self._grads.setdefault(nid, []).append((i, step.upstream))
            acc[nid] = step.upstream
            grads, wires = [nid], []
            for lg in step.locals:
                iid = lg.input.id
                self._edges[(iid, nid, lg.port)] = (i, lg.downstream)
                wires.append((iid, nid, lg.port))
                prev = acc.get(iid)
                total = lg.downstream if prev is None else np.asarray(prev) + lg.downstream
                acc[iid] = total
                self._grads.setdefault(iid, []).append((i, total))
                grads.append(iid)
            self._touch.append(((), tuple(grads), tuple(wires)))

    def step_target(self, cursor: int, delta: int, whole: dict[int, int]) -> int:
        """Where one step of ``delta`` (+1 or -1) from ``cursor`` lands. ``whole``: node id ->
        layer key for layers stepped as a whole: the forward (or backward) steps of one such
        layer in a row count as one step, which ends on the last of them."""
        if not whole:
            return cursor + delta
        nodes, n = self.step_node, len(self.steps)

        def run_key(i: int):
            key = whole.get(nodes[i])
            return None if key is None else (key, self.steps[i].kind)

        def is_stop(i: int) -> bool:
            return i + 1 >= n or run_key(i) is None or run_key(i + 1) != run_key(i)

        i = cursor + delta
        while 0 <= i < n and not is_stop(i):
            i += delta
        return i

    @staticmethod
    def _at(events: list[tuple[int, object]], cursor: int):
        k = bisect_right(events, cursor, key=lambda e: e[0])
        return events[k - 1][1] if k else None

    def state_at(self, cursor: int, hide_step: int | None = None) -> DisplayState:
        """What is known after steps ``0..cursor``; ``hide_step``'s gradients show as '?'."""
        last = self._last
        if hide_step is None and last is not None and abs(cursor - last[0]) <= NEARBY:
            st = self._state_near(cursor, *last)
        else:
            st = self._state_full(cursor, hide_step)
        self._last = (cursor, st) if hide_step is None else None
        return st

    def _state_near(self, cursor: int, before: int, prev: DisplayState) -> DisplayState:
        """The state at ``cursor`` from ``prev``, the one at ``before``: only what the steps
        between them change is looked up again."""
        st = DisplayState(errors=self.errors, values=dict(prev.values), grads=dict(prev.grads),
                          edge_grads=dict(prev.edge_grads))
        lo, hi = min(before, cursor), max(before, cursor)
        nodes: set[int] = set()
        edges: set[EdgeKey] = set()
        for j in range(max(lo + 1, 0), min(hi + 1, len(self.steps))):
            values, grads, wires = self._touch[j]
            for nid in values:
                st.values[nid] = self._at(self._values[nid], cursor)
            for nid in grads:
                st.grads[nid] = self._at(self._grads[nid], cursor)
            for key in wires:
                i, g = self._edges[key]
                if i <= cursor:
                    st.edge_grads[key] = g
                else:
                    st.edge_grads.pop(key, None)
            nodes.update(values, grads)
            edges.update(wires)
        st.delta = (prev, nodes, edges)
        self._finish(st, cursor, None)
        return st

    def _finish(self, st: DisplayState, cursor: int, hide_step: int | None) -> None:
        """The warnings, the current step and its wires."""
        for i, nid, why, grad in self._warnings:
            if i <= cursor and not (grad and i == hide_step):   # the quiz's answer stays hidden
                st.warnings[nid] = f"{st.warnings[nid]}; {why}" if nid in st.warnings else why
        if 0 <= cursor < len(self.steps):
            st.current = self.step_node[cursor]
            st.emphasised = set(self.step_edges[cursor])

    def _state_full(self, cursor: int, hide_step: int | None) -> DisplayState:
        st = DisplayState(errors=self.errors)
        for i, nid, why, grad in self._warnings:
            if i <= cursor and not (grad and i == hide_step):   # the quiz's answer stays hidden
                st.warnings[nid] = _both(st.warnings[nid], why) if nid in st.warnings else why
        for nid, ev in self._values.items():
            st.values[nid] = self._at(ev, cursor)
        hidden_inputs: set[int] = set()
        if hide_step is not None and 0 <= hide_step < len(self.steps) \
                and self.steps[hide_step].kind == "backward":
            hidden_inputs = {lg.input.id for lg in self.steps[hide_step].locals}
        for nid, ev in self._grads.items():
            if nid in hidden_inputs:
                st.grads[nid] = self._at(ev, hide_step - 1)
                st.hidden_nodes.add(nid)
            else:
                st.grads[nid] = self._at(ev, cursor)
        for key, (i, g) in self._edges.items():
            if i <= cursor:
                st.edge_grads[key] = g
                if i == hide_step:
                    st.hidden_edges.add(key)
        if 0 <= cursor < len(self.steps):
            st.current = self.step_node[cursor]
            st.emphasised = set(self.step_edges[cursor])
        return st


def _warning_events(trace) -> list[tuple[int, int, str, bool]]:
    """(step index, node id, message, is a gradient's) for each of the trace's warnings: a
    value's shows from the node's forward step (a leaf's, or an untraced node's, from the
    start), a gradient's from the backward step that made it."""
    forward, backward = {}, {}
    for i, step in enumerate(trace):
        if step.kind == "forward":
            forward[step.node.id] = i
        else:
            backward.setdefault(step.node.id, i)
            for lg in step.locals:
                if lg.input.is_leaf:
                    backward[lg.input.id] = i      # a leaf's gradient is whole at its last
    events = [(forward.get(n.id, -1), n.id, why, False)
              for n, why in getattr(trace, "value_warnings", {}).items()]
    last = len(trace) - 1
    events += [(backward.get(n.id, last), n.id, why, True)
               for n, why in getattr(trace, "grad_warnings", {}).items()]
    return sorted(events, key=lambda e: e[0])


def _both(value_problem: str, grad_problem: str) -> str:
    """Where a value and then a gradient went wrong at one node: one message (with a code)."""
    from graphviz_nn.messages import say

    return say("value_and_grad", value=value_problem, grad=grad_problem)
