"""The controller: the one object that owns and mutates the Graph.

Primitive edits (``_add_node``, ``_connect``, ...) change the graph without undo; the
QUndoCommands of ui/build/commands.py call them. Public intents (``load_graph``, ``run_forward``,
``step``, ``seek``, ...) are what widgets call. The controller re-traces after every change and
tells the views through signals, which are declared here and connected in ``_wire_signals()``.

Every change of the graph is announced once, as ``changed(kind)``: ``"graph"`` (replaced),
``"structure"`` (nodes, wires or names) or ``"values"``; the cursor may have moved with it.
Values changed in place outside the controller (training) are announced by ``show_values()``.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ui.build.editing import EditingMixin
from ui.canvas.layout import COL_GAP
from ui.canvas.layout_groups import grouped_layout
from ui.canvas.node_item import HEIGHT as NODE_HEIGHT
from ui.canvas.node_item import WIDTH as NODE_WIDTH
from ui.canvas.state import DisplayState, TraceTimeline, graph_state
from ui.engine_text import engine_text, reason
from ui.i18n import translate


def layout_positions(graph) -> dict[int, tuple[float, float]]:
    """Layered-layout positions for every node of ``graph``, by node id."""
    ids = [n.id for n in graph.nodes]
    edges = [(s.id, d.id, p) for s, d, p in graph.edges]
    first = {n.id for n in graph.nodes if n.op == "input"}
    ports = {n.id: len(n.spec.ports) for n in graph.nodes}
    blocks = []
    if any(n.op == "matmul" for n in graph.nodes):      # Dense layers are laid out as blocks
        from graphviz_nn.layer_groups import dense_layers
        blocks = [lay.members for lay in dense_layers(graph)]
    # shapes such as [36×16] are wider labels than numbers: give the wires more room, except
    # in MLPs, which are wide and so read at Fit in the compact drawing (no wire labels)
    tensors = not blocks and any(n.value is not None and np.size(n.value) > 1
                                 for n in graph.nodes)
    from ui.canvas.scene_groups import opens_collapsed
    return grouped_layout(ids, edges, first, ports, blocks, node_height=NODE_HEIGHT,
                          node_width=NODE_WIDTH, col_gap=COL_GAP + (34.0 if tensors else 0.0),
                          share_columns=not opens_collapsed(graph))


def layout_graph(graph, only_missing: bool = False) -> None:
    """Give every node (or only those without one) a position from the layered layout."""
    pos = layout_positions(graph)
    for n in graph.nodes:
        if not only_missing or n.pos is None:
            n.pos = pos[n.id]


@contextmanager
def _gc_paused():
    """Opening a graph of 10,000 nodes makes some hundred thousand objects at once; Python's
    cyclic garbage collector would walk them all again and again (a quarter of the time).
    It waits until the graph is open."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class GraphController(EditingMixin, QObject):
    """Owns ``graph``; holds the output node, the trace and the timeline cursor."""

    changed = Signal(str)               # once per change: "graph", "structure" or "values"
    node_moved = Signal(int)
    cursor_changed = Signal(int)
    message = Signal(str)
    selection_changed = Signal(list)
    marks_changed = Signal()            # nodes flagged by "check numerically" changed
    quiz_changed = Signal(bool)
    edit_refused = Signal(str, bool)    # why; True when edit_guard refused it (training)

    def __init__(self, graph=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._graph = graph      # made on first use: the window can appear before the engine loads
        self.output = None
        self.trace = None
        self.timeline: TraceTimeline | None = None
        self.cursor = -1
        self.trace_error: str | None = None
        self.marked: set[int] = set()
        self.quiz = False
        self.revealed: set[int] = set()     # backward steps whose answers the quiz revealed
        self.selection: list[int] = []
        self.n_forward = 0     # how many forward steps the trace has (backward steps follow)
        self.auto_run = False  # after an edit, show the whole forward and backward pass
        self._batch_depth = 0
        self._pending: str | None = None    # the change a batch will announce at its end
        self.step_groups = None     # () -> {node id: layer key}: layers stepped as a whole
        self.undo_stack = QUndoStack(self)
        self._wire_signals()

    @property
    def graph(self):
        """The Graph this controller owns (an empty one until something is loaded)."""
        if self._graph is None:
            import graphviz_nn as gnn
            self._graph = gnn.Graph()
        return self._graph

    @graph.setter
    def graph(self, graph) -> None:
        self._graph = graph

    def _wire_signals(self) -> None:
        # connected first, so every other listener already sees the new selection
        self.selection_changed.connect(self._remember_selection)

    def _remember_selection(self, ids: list) -> None:
        self.selection = list(ids)

    # ----- reading ---------------------------------------------------------------------------
    def node(self, node_id: int):
        """The graph's node with this id."""
        return self.graph.node_by_id(node_id)

    def current_step(self):
        """The trace step at the cursor, or None before the first step / without a trace."""
        if self.trace is None or not 0 <= self.cursor < len(self.trace):
            return None
        return self.trace[self.cursor]

    def hidden_step(self) -> int | None:
        """In quiz mode, the current backward step whose gradients are not revealed yet."""
        step = self.current_step()
        if self.quiz and step is not None and step.kind == "backward" \
                and self.cursor not in self.revealed:
            return self.cursor
        return None

    def display_state(self) -> DisplayState:
        if self.timeline is not None:
            return self.timeline.state_at(self.cursor, self.hidden_step())
        return graph_state(self.graph)

    # ----- tracing ---------------------------------------------------------------------------
    def _retrace(self, keep_phase: bool = True, sink=None) -> None:
        """Trace again after a change; keep the learner where they were (before / forward / all).
        ``sink``: the graph's sink, when the caller just found it."""
        old_len, old_fwd, old_cursor = (len(self.trace) if self.trace else 0), self.n_forward, self.cursor
        self.trace = self.timeline = None
        self.n_forward = 0
        self.trace_error = None
        self.revealed.clear()
        self.output = self.graph.output = self._find_output(sink)
        if self.output is None:
            self.cursor = -1
            return
        try:
            self.trace = self.graph.trace(self.output)
            self.n_forward = len(self.trace.forward_steps)
        except (ValueError, FloatingPointError) as exc:     # GraphError is a ValueError
            self.trace_error = reason(exc)          # the engine's message, with its code
            self.graph.forward()
            self.cursor = -1
            return
        self.timeline = TraceTimeline(self.graph, self.trace)
        if not keep_phase or old_cursor < 0:
            self.cursor = -1
        elif old_len and old_cursor >= old_len - 1:
            self.cursor = len(self.trace) - 1
        else:
            self.cursor = min(self.n_forward, len(self.trace)) - 1 if old_cursor >= old_fwd - 1 \
                else -1

    def _find_output(self, sink=None):
        """The node the learner chose (``graph.chosen_output``), else the graph's sink
        (``sink``, if the caller knows it): ``graphviz_nn.outputs.default_output``."""
        from graphviz_nn.outputs import default_output  # the engine loads after the first paint
        if sink is not None and self.graph.chosen_output is None:
            return sink
        return default_output(self.graph)

    def _sink(self):
        from graphviz_nn.outputs import pick_output, sinks
        g = self.graph
        if len(sinks(g)) > 1:
            g.forward()                 # which of them compute decides
        return pick_output(g)

    def _announce(self, kind: str) -> None:
        """Tell the views, once."""
        self.changed.emit(kind)

    @contextmanager
    def batch(self):
        """Edits made inside are traced and announced once, at the end (a macro, an undo)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending is not None:
                kind, self._pending = self._pending, None
                self._finish_edit(kind)

    def _edited(self, kind: str, run: bool = True) -> None:
        """After a primitive edit: trace again and announce (at the end of a batch).
        ``run``: an edit the learner made, so auto-run may show the whole pass."""
        if self._batch_depth:
            if self._pending != "structure":
                self._pending = kind
            return
        self._finish_edit(kind, run)

    def _finish_edit(self, kind: str, run: bool = True) -> None:
        if kind == "structure" and any(n.pos is None for n in self.graph.nodes):
            layout_graph(self.graph, only_missing=True)
        self.marked.clear()
        self._retrace()
        if run and self.auto_run and self.trace is not None:
            self.revealed.update(range(len(self.trace)))
            self.cursor = len(self.trace) - 1
        self._announce(kind)

    # ----- primitive edits without undo (ui/build/commands.py calls these) ------------------------------
    def _add_node(self, op: str, name: str | None = None, value=None, pos=None,
                  attrs: dict | None = None, node_id: int | None = None):
        kwargs = dict(attrs or {})
        if node_id is not None:
            kwargs["node_id"] = node_id
        node = self.graph.add_node(op, name=name, value=value, pos=pos, **kwargs)
        if node.pos is None:        # placed now, so an undo command can keep where it went
            layout_graph(self.graph, only_missing=True)
        self._edited("structure")
        return node

    def _remove_node(self, node_id: int) -> None:
        self.graph.remove(self.node(node_id))
        self._edited("structure")

    def _connect(self, src_id: int, dst_id: int, port: int) -> None:
        self.graph.connect(self.node(src_id), self.node(dst_id), port)
        self._edited("structure")

    def _disconnect(self, dst_id: int, port: int) -> None:
        self.graph.disconnect(self.node(dst_id), port)
        self._edited("structure")

    def _rename(self, node_id: int, name: str) -> None:
        self.graph.rename(self.node(node_id), name)
        if self.trace is None and not self._batch_depth:
            self._retrace()         # why it cannot be traced names the node: say it anew
        if self._batch_depth:
            self._pending = "structure"
        else:
            self._announce("structure")

    def _set_value(self, node_id: int, value) -> None:
        self.graph.set_value(self.node(node_id), value)
        self._edited("values")

    def _set_attr(self, node_id: int, key: str, value) -> None:
        self.graph.set_attr(self.node(node_id), key, value)
        self._edited("values")

    def _move(self, node_id: int, pos) -> None:
        self.node(node_id).pos = (float(pos[0]), float(pos[1]))
        self.node_moved.emit(node_id)

    # ----- public intents ------------------------------------------------------------------------
    def load_graph(self, graph, output=None, record: bool = True) -> None:
        """Replace the graph (new document, example, expression, file); the timeline restarts.

        ``record``: the replacement becomes one undo step (Ctrl+Z brings the previous graph
        back), unless there is nothing to go back to. False when the caller takes care of the
        history itself: an undo command replaying a replacement, or a file opened as a fresh
        document with an empty history.

        The output is the graph's chosen one (``graph.chosen_output``), else its sink;
        ``output``, when given and not the sink, becomes the graph's chosen output."""
        with _gc_paused():
            old = self._graph
            old_output = None if self.output is None else self.output.name
            self.graph = graph
            layout_graph(graph, only_missing=True)
            sink = None
            if output is not None and graph.chosen_output is None:
                sink = self._sink()
                if output is not sink:
                    graph.chosen_output = output.id     # the caller differentiates another node
            self.marked.clear()
            self.selection = []
            self._retrace(keep_phase=False, sink=sink)
            self._announce("graph")
            if record and old is not None and old is not graph:
                self._record_replacement(old, old_output)

    def _choose_output(self, node_id: int | None) -> None:
        """Differentiate ``node_id`` from now on (None: the graph's sink), without undo."""
        self.graph.chosen_output = node_id
        self._edited("values", run=False)

    def show_values(self) -> None:
        """Values changed in place outside the controller (training updates the params): redraw
        them, without tracing again (``recompute`` traces)."""
        self._announce("values")

    def recompute(self) -> None:
        """Trace again after the graph's values changed outside the controller (training
        updates the params in place): the learner stays at the same phase of the timeline."""
        self._edited("values", run=False)

    def relayout(self) -> None:
        """Lay the whole graph out again (left to right by generation), as one undoable move."""
        self.move_nodes(layout_positions(self.graph))

    def run_forward(self) -> None:
        """Show the whole forward pass (cursor at its last step)."""
        if self._need_trace():
            self.seek(self.n_forward - 1)

    def run_backward(self) -> None:
        """Show the whole backward pass too (cursor at the last step)."""
        if self._need_trace():
            self.revealed.update(range(len(self.trace)))
            self.seek(len(self.trace) - 1)

    def step(self, delta: int = 1) -> None:
        """One step along the timeline; a layer that the canvas steps as a whole
        (``step_groups``: node id -> layer key) is one step."""
        if self._need_trace():
            whole = self.step_groups() if self.step_groups is not None else {}
            if whole and delta in (-1, 1):
                self.seek(self.timeline.step_target(self.cursor, delta, whole))
            else:
                self.seek(self.cursor + delta)

    def seek(self, index: int) -> None:
        if self.trace is None:
            return
        index = max(-1, min(int(index), len(self.trace) - 1))
        if self.quiz and index < self.n_forward:
            self.revealed.clear()       # back before the backward pass: the quiz asks it again
        if index != self.cursor:
            self.cursor = index
            self.cursor_changed.emit(index)

    def _need_trace(self) -> bool:
        if self.trace is None:
            why = engine_text(self.trace_error) if self.trace_error \
                else translate("Controller", "the graph has no output node")
            self.message.emit(translate("Controller", "cannot step: {why}").format(why=why))
            return False
        return True

    def set_quiz(self, on: bool) -> None:
        if on != self.quiz:
            self.quiz = on
            self.revealed.clear()
            if on and self.cursor >= 0 and self.trace is not None:
                self.revealed.update(range(self.cursor + 1))
            self.quiz_changed.emit(on)
            self.cursor_changed.emit(self.cursor)

    def reveal(self) -> None:
        """Quiz: show the gradients of the current step."""
        self.revealed.add(self.cursor)
        self.cursor_changed.emit(self.cursor)

    def set_marked(self, ids) -> None:
        self.marked = set(ids)
        self.marks_changed.emit()

    def select(self, ids: list[int]) -> None:
        self.selection_changed.emit(list(ids))
