"""The controller's editing intents: each pushes one undo command (or one macro).

:class:`EditingMixin` is mixed into ``ui.controller.GraphController``; widgets call these
methods, never the ``_primitive`` ones. An intent the engine refuses leaves the graph and the
undo stack untouched, emits ``message`` with the reason and returns it.

Also here: the copy/paste fragment format (JSON-safe, so it travels through the clipboard
between windows).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtGui import QUndoCommand, QUndoStack

from ui.build.commands import (
    AttrSetCmd,
    EdgeConnectCmd,
    EdgeDisconnectCmd,
    GraphReplaceCmd,
    NodeAddCmd,
    NodeRemoveCmd,
    NodeRenameCmd,
    NodesMoveCmd,
    OutputSetCmd,
    ValueSetCmd,
    push,
)
from ui.engine_text import engine_text, error_text
from ui.i18n import translate

FRAGMENT_FORMAT = "graphviz-nn-fragment"
# what a freshly placed leaf holds, so the graph computes at once
DEFAULT_LEAF_VALUE = {"input": 1.0, "param": 0.5, "const": 1.0}


_REASON = object()      # marker: a refused edit returns the reason itself


def _guarded(refused=None):
    """Refuse the edit while ``edit_guard`` says so, before it touches the undo stack (so a
    refused gesture leaves no history entry), and say why (:meth:`EditingMixin._say_refused`).

    ``refused`` is what the edit returns then, the same kind of value it returns when the
    engine refuses it: None, ``[]`` for the edits that return new ids, or ``_REASON``.
    """

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            reason = self.edit_guard() if self.edit_guard is not None else None
            if reason:
                self._say_refused(reason, locked=True)
                return reason if refused is _REASON else (
                    list(refused) if isinstance(refused, list) else refused)
            return method(self, *args, **kwargs)

        return wrapper

    return decorate


class _Nothing(QUndoCommand):
    """Pushed to drop an undone empty macro from the stack: obsolete at once, never kept."""

    def redo(self) -> None:
        self.setObsolete(True)


def _drop_empty_macro(stack: QUndoStack) -> None:
    """A macro just closed with no edit in it (every edit refused) is no history entry."""
    index = stack.index()
    last = stack.command(index - 1) if index > 0 else None
    if last is None or last.childCount():
        return
    stack.undo()                # nothing to undo in it; it moves to the redo side...
    stack.push(_Nothing())      # ...which a push discards, and _Nothing is dropped too


class EditingMixin:
    """Undoable edits of ``self.graph`` (needs ``undo_stack``, ``graph`` and ``message``).

    ``edit_guard``, when set, is asked before every edit, undo and redo: it returns why the graph
    must not change now (training is running on it), or None. Moving nodes is always allowed.
    """

    edit_guard: Callable[[], str | None] | None = None
    # the way out of what edit_guard refuses, as (button text, callable): "Stop training"
    edit_unlock: tuple[str, Callable[[], object]] | None = None
    _macro_depth = 0

    def batch(self):
        """Edits inside are announced once, at the end (the controller overrides this)."""
        return contextlib.nullcontext()

    @contextlib.contextmanager
    def macro(self, text: str):
        """Edits inside are one undo step named ``text``, announced once; a step in which
        every edit was refused is not recorded."""
        stack = self.undo_stack
        with self.batch():
            stack.beginMacro(text)
            self._macro_depth += 1
            try:
                yield
            finally:
                self._macro_depth -= 1
                stack.endMacro()
                if self._macro_depth == 0:
                    _drop_empty_macro(stack)

    def _say_refused(self, reason: str, locked: bool = False) -> None:
        """Why an edit was refused: in the status bar (``message``) and, where the controller
        has it, ``edit_refused(reason, locked)`` for the window's message bar; ``locked``:
        ``edit_guard`` refused it (``edit_unlock`` may help)."""
        self.message.emit(reason)
        signal = getattr(self, "edit_refused", None)
        if signal is not None:
            signal.emit(reason, locked)

    @_guarded()
    def undo(self) -> None:
        with self.batch():
            self.undo_stack.undo()

    @_guarded()
    def redo(self) -> None:
        with self.batch():
            self.undo_stack.redo()

    def _refused(self, error: str | None) -> str | None:
        if error:
            self._say_refused(error)
        return error

    @_guarded()
    def add_node(self, op: str, pos: tuple[float, float] | None = None, name: str | None = None,
                 value: Any = None, attrs: dict | None = None) -> int | None:
        """Place a node of ``op``; leaves get a default value. Returns its id (None if refused)."""
        if value is None and op in DEFAULT_LEAF_VALUE:
            value = DEFAULT_LEAF_VALUE[op]
        cmd = NodeAddCmd(self, op, name, value, pos, attrs)
        if self._refused(push(self.undo_stack, cmd)):
            return None
        return cmd.node_id

    @_guarded()
    def remove_nodes(self, node_ids: list[int]) -> None:
        """Delete nodes (with their wires) as one step."""
        ids = [i for i in dict.fromkeys(node_ids) if self._has(i)]
        if not ids:
            return
        names = ", ".join(self.graph.node_by_id(i).name for i in ids[:3])
        names += "…" if len(ids) > 3 else ""
        with self.macro(translate("History", "Delete {name}").format(name=names)):
            for i in ids:
                self.undo_stack.push(NodeRemoveCmd(self, i))

    @_guarded()
    def remove_selection(self, node_ids: list[int], edges: list[tuple[int, int, int]]) -> None:
        """Delete nodes and wires ``(src, dst, port)`` as one step."""
        with self.macro(translate("History", "Delete selection")):
            self.remove_edges(edges)
            self.remove_nodes(node_ids)

    @_guarded(refused=_REASON)
    def connect_ports(self, src_id: int, dst_id: int, port: int) -> str | None:
        """Wire src's output to dst's ``port``; a taken port is replaced (and said so)."""
        cmd = EdgeConnectCmd(self, src_id, dst_id, port)
        if cmd.replaced == src_id:
            return None
        if self._refused(push(self.undo_stack, cmd)):
            return cmd.error
        dst = self.graph.node_by_id(dst_id)
        port_name = dst.spec.ports[port]
        if cmd.replaced is not None:
            old = self.graph.node_by_id(cmd.replaced).name
            self.message.emit(translate("Editor", "{port} was fed by {old}; now by {new}").format(
                port=f"{dst.name}.{port_name}", old=old, new=self.graph.node_by_id(src_id).name))
        else:
            self.message.emit(translate("Editor", "Connected {src} → {port}").format(
                src=self.graph.node_by_id(src_id).name, port=f"{dst.name}.{port_name}"))
        return None

    @_guarded()
    def disconnect_port(self, dst_id: int, port: int) -> None:
        """Remove the wire into ``dst``'s ``port`` (nothing happens if it is free)."""
        if self._has(dst_id) and self.graph.node_by_id(dst_id).inputs[port] is not None:
            push(self.undo_stack, EdgeDisconnectCmd(self, dst_id, port))

    @_guarded()
    def remove_edges(self, edges: list[tuple[int, int, int]]) -> None:
        """Delete several wires ``(src, dst, port)`` as one step."""
        edges = [e for e in edges if self._has(e[1])]
        if not edges:
            return
        with self.macro(translate("History", "Delete wires") if len(edges) > 1
                        else translate("History", "Delete wire")):
            for _src, dst, port in edges:
                self.disconnect_port(dst, port)

    @_guarded(refused=_REASON)
    def move_wire(self, dst_id: int, port: int, new_dst: int, new_port: int) -> str | None:
        """Move the wire into ``dst``'s ``port`` to ``new_dst``'s ``new_port`` as one step;
        returns why not if it would close a cycle."""
        src = self.graph.node_by_id(dst_id).inputs[port]
        if src is None:
            return None
        dst = self.graph.node_by_id(new_dst)
        if self.graph.would_cycle(src, dst):
            from graphviz_nn.messages import say
            return self._refused(engine_text(say("cycle", src=src.name, dst=dst.name)))
        with self.macro(translate("History", "Move wire")):
            self.disconnect_port(dst_id, port)
            self.connect_ports(src.id, new_dst, new_port)
        return None

    @_guarded(refused=_REASON)
    def rename_node(self, node_id: int, name: str) -> str | None:
        """Rename; the engine refuses empty and duplicate names."""
        if self.graph.node_by_id(node_id).name == name.strip():
            return None
        return self._refused(push(self.undo_stack, NodeRenameCmd(self, node_id, name)))

    @_guarded(refused=_REASON)
    def set_value(self, node_id: int, value: Any) -> str | None:
        """A leaf gets a new value; returns why not (and says so) if it cannot take it."""
        try:
            cmd = ValueSetCmd(self, node_id, value)
        except (TypeError, ValueError) as exc:      # e.g. a ragged list: not one array
            return self._refused(translate("Editor", "cannot use this value: {why}").format(
                why=error_text(exc)))
        return self._refused(push(self.undo_stack, cmd))

    @_guarded(refused=_REASON)
    def set_attr(self, node_id: int, key: str, value: Any) -> str | None:
        """Change an attribute (axis, alpha, p)."""
        return self._refused(push(self.undo_stack, AttrSetCmd(self, node_id, key, value)))

    @_guarded()
    def set_output(self, node_id: int | None) -> None:
        """Differentiate ``node_id`` from now on (None: the graph's sink), as one step."""
        if node_id != self.graph.chosen_output:
            push(self.undo_stack, OutputSetCmd(self, node_id))

    def move_nodes(self, moved: dict[int, tuple[float, float]], merge: bool = False) -> None:
        """Record a drag of several nodes (new positions by id) as one step."""
        moves = {}
        for nid, new in moved.items():
            if self._has(nid):
                old = self.graph.node_by_id(nid).pos or tuple(new)
                if tuple(old) != tuple(new):
                    moves[nid] = (tuple(old), (float(new[0]), float(new[1])))
        if moves:
            self.undo_stack.push(NodesMoveCmd(self, moves, merge))

    def replace_graph(self, graph, text: str | None = None, output: str | None = None) -> None:
        """Replace the whole graph as one undoable step (``text``: its name in the history)."""
        text = text or translate("History", "Replace graph")
        self.undo_stack.push(GraphReplaceCmd(self, graph, text, output))

    def _record_replacement(self, old, old_output: str | None) -> None:
        """``load_graph(record=True)`` has just replaced ``old`` by ``self.graph``: put that on
        the undo stack as done (an example loaded directly, a model put on the canvas to
        train), so the history stays valid and the previous graph is one Ctrl+Z away."""
        if len(old) == 0 and self.undo_stack.count() == 0:
            return                          # nothing to go back to (e.g. the start-up example)
        out = None if self.output is None else self.output.name
        self.undo_stack.push(GraphReplaceCmd(self, self.graph, translate("History", "Replace graph"),
                                             out, old=old, old_output=old_output, applied=True))

    @_guarded(refused=[])
    def paste(self, data: dict, offset: tuple[float, float] = (40.0, 40.0),
              text: str | None = None) -> list[int]:
        """Add a copied fragment as one step (taken names get a suffix); returns the new ids."""
        with self.batch():
            return paste_fragment(self, data, offset, text)

    @_guarded(refused=[])
    def duplicate(self, node_ids: list[int]) -> list[int]:
        """Copy and paste ``node_ids`` next to themselves as one step."""
        ids = [i for i in node_ids if self._has(i)]
        if not ids:
            return []
        with self.batch():
            return paste_fragment(self, fragment(self.graph, ids), (40.0, 40.0),
                                  translate("History", "Duplicate"))

    def _has(self, node_id: int) -> bool:
        try:
            self.graph.node_by_id(node_id)
        except (KeyError, ValueError):
            return False
        return True


def fragment(graph, node_ids: list[int]) -> dict:
    """A JSON-safe description of some nodes and the wires among them."""
    keep = set(node_ids)
    nodes = []
    for node in graph.nodes:
        if node.id not in keep:
            continue
        value = node.value if node.is_leaf and node.value is not None else None
        nodes.append({
            "id": node.id, "name": node.name, "op": node.op, "attrs": _json_attrs(node.attrs),
            "value": None if value is None else np.asarray(value).tolist(),
            "dtype": None if value is None else str(np.asarray(value).dtype),
            "pos": None if node.pos is None else [float(node.pos[0]), float(node.pos[1])],
        })
    edges = [[s.id, d.id, p] for s, d, p in graph.edges if s.id in keep and d.id in keep]
    return {"format": FRAGMENT_FORMAT, "nodes": nodes, "edges": edges}


def _json_attrs(attrs: dict) -> dict:
    out = {}
    for k, v in attrs.items():
        out[k] = list(v) if isinstance(v, tuple) else v.item() if isinstance(v, np.generic) else v
    return out


def paste_fragment(ctrl, data: Any, offset: tuple[float, float] = (40.0, 40.0),
                   text: str | None = None) -> list[int]:
    """Add a fragment as one undo macro (``text``: its name in the history, "Paste" if
    None); ValueError if ``data`` is not a fragment."""
    if not isinstance(data, dict) or data.get("format") != FRAGMENT_FORMAT \
            or not isinstance(data.get("nodes"), list):
        raise ValueError(translate("Editor", "the clipboard does not hold graphviz-nn nodes"))
    stack, new_ids, refused = ctrl.undo_stack, {}, []
    with ctrl.macro(text or translate("History", "Paste")):
        for item in data["nodes"]:
            try:
                op, name = str(item["op"]), free_name(ctrl.graph, str(item["name"]))
                value = item.get("value")
                if value is not None:
                    value = np.asarray(value, dtype=item.get("dtype") or None)
                pos = item.get("pos")
                if pos is not None:
                    pos = (float(pos[0]) + offset[0], float(pos[1]) + offset[1])
                attrs = {k: tuple(v) if isinstance(v, list) else v
                         for k, v in (item.get("attrs") or {}).items()}
            except (KeyError, TypeError, ValueError, IndexError):
                continue
            cmd = NodeAddCmd(ctrl, op, name, value, pos, attrs)
            error = push(stack, cmd)
            if error is None:
                new_ids[item["id"]] = cmd.node_id
            else:
                refused.append(f"{name}: {error}")
        for edge in data.get("edges") or []:
            try:
                src, dst, port = edge
            except (TypeError, ValueError):
                continue
            if src in new_ids and dst in new_ids:
                push(stack, EdgeConnectCmd(ctrl, new_ids[src], new_ids[dst], int(port)))
    if refused:
        if len(refused) > 1:
            ctrl._refused(translate("Editor", "not pasted: {what} (and {n} more)").format(
                what=refused[0], n=len(refused) - 1))
        else:
            ctrl._refused(translate("Editor", "not pasted: {what}").format(what=refused[0]))
    return list(new_ids.values())


def free_name(graph, name: str) -> str:
    """``name`` if unused, else ``name_2``, ``name_3``, ..."""
    if name not in graph:
        return name
    head, _, tail = name.rpartition("_")
    base = head if head and tail.isdigit() else name
    return next(f"{base}_{k}" for k in itertools.count(2) if f"{base}_{k}" not in graph)
