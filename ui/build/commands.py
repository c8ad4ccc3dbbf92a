"""Undoable edits of the graph: one ``QUndoCommand`` per kind of edit.

Every command holds the state before and after the edit and applies it through the
controller's primitive methods (``_add_node``, ``_connect``, ...), which mutate the graph and
emit the controller's signals. Nodes are addressed by their stable ``id``, so a command stays
valid when the node objects are re-created by an undo.

A command whose first ``redo`` fails (the engine refuses the edit with a ``GraphError``) marks
itself obsolete: ``QUndoStack.push`` then drops it, and :func:`push` returns the reason.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtGui import QUndoCommand, QUndoStack

from ui.engine_text import error_text
from ui.i18n import translate

_MOVE_ID = 1001


def _copy(value: Any) -> Any:
    """A private copy of a node value (numpy arrays are mutable; the undo state must not be)."""
    return None if value is None else np.array(value, copy=True)


class _Cmd(QUndoCommand):
    """Base: keeps the controller and turns a refused first redo into an obsolete command."""

    def __init__(self, ctrl, text: str) -> None:
        super().__init__(text)
        self.ctrl = ctrl
        self.error: str | None = None
        self._done_once = False

    def redo(self) -> None:
        try:
            self._redo()
        except ValueError as exc:  # GraphError is a ValueError
            if self._done_once:
                raise
            self.error = error_text(exc)           # in the window's language
            self.setObsolete(True)
            return
        self._done_once = True

    def _redo(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


def push(stack: QUndoStack, cmd: _Cmd) -> str | None:
    """Push ``cmd`` on ``stack``; return the engine's reason if it refused the edit, else None."""
    stack.push(cmd)
    return cmd.error


class NodeAddCmd(_Cmd):
    """Add a node of ``op``; redo after undo re-creates it with the same id and name."""

    def __init__(self, ctrl, op: str, name: str | None = None, value: Any = None,
                 pos: tuple[float, float] | None = None, attrs: dict | None = None,
                 node_id: int | None = None) -> None:
        super().__init__(ctrl, translate("History", "Add {name}").format(name=name or op))
        self.op, self.name, self.value = op, name, _copy(value)
        self.pos, self.attrs, self.node_id = pos, dict(attrs or {}), node_id

    def _redo(self) -> None:
        node = self.ctrl._add_node(self.op, self.name, _copy(self.value), self.pos,
                                   dict(self.attrs), node_id=self.node_id)
        # keep what the first redo chose (id, name, a place the controller picked) so that a
        # redo after undo re-creates exactly the same node
        self.node_id, self.name = node.id, node.name
        self.pos = None if node.pos is None else tuple(node.pos)
        self.setText(translate("History", "Add {name}").format(name=node.name))

    def undo(self) -> None:
        self.ctrl._remove_node(self.node_id)


def _snapshot(graph, node) -> dict:
    """Everything needed to re-create ``node`` exactly, with all its connections."""
    return {
        "id": node.id, "name": node.name, "op": node.op, "attrs": dict(node.attrs),
        "value": _copy(node.value) if node.is_leaf else None,
        "pos": None if node.pos is None else tuple(node.pos),
        "inputs": [(None if src is None else src.id) for src in node.inputs],
        "consumers": [(dst.id, port) for dst, port in graph.consumers(node)],
    }


class NodeRemoveCmd(_Cmd):
    """Remove a node; undo restores its id, name, op, attrs, value, position and all wires."""

    def __init__(self, ctrl, node_id: int) -> None:
        super().__init__(ctrl, translate("History", "Delete {name}").format(
            name=ctrl.graph.node_by_id(node_id).name))
        self.node_id = node_id
        self.state: dict = {}           # taken by each redo (not here: an earlier sibling in a
                                        # macro may still change the wiring, and values are big)

    def _redo(self) -> None:
        self.state = _snapshot(self.ctrl.graph, self.ctrl.graph.node_by_id(self.node_id))
        self.ctrl._remove_node(self.node_id)

    def undo(self) -> None:
        s = self.state
        with self.ctrl.batch():         # one refresh for the node and all its wires
            self.ctrl._add_node(s["op"], s["name"], _copy(s["value"]), s["pos"],
                                dict(s["attrs"]), node_id=s["id"])
            for port, src in enumerate(s["inputs"]):
                if src is not None:
                    self.ctrl._connect(src, s["id"], port)
            for dst, port in s["consumers"]:
                self.ctrl._connect(s["id"], dst, port)


def _source_id(ctrl, dst_id: int, port: int) -> int | None:
    src = ctrl.graph.node_by_id(dst_id).inputs[port]
    return None if src is None else src.id


def _restore_port(ctrl, dst_id: int, port: int, src_id: int | None) -> None:
    if src_id is None:
        ctrl._disconnect(dst_id, port)
    else:
        ctrl._connect(src_id, dst_id, port)


class EdgeConnectCmd(_Cmd):
    """Wire ``src`` to ``dst``'s input ``port``; remembers the connection it replaces."""

    def __init__(self, ctrl, src_id: int, dst_id: int, port: int) -> None:
        g = ctrl.graph
        src, dst = g.node_by_id(src_id), g.node_by_id(dst_id)
        super().__init__(ctrl, translate("History", "Connect {src} → {dst}").format(
            src=src.name, dst=dst.name))
        self.src_id, self.dst_id, self.port = src_id, dst_id, port
        self.replaced = _source_id(ctrl, dst_id, port)

    def _redo(self) -> None:
        self.ctrl._connect(self.src_id, self.dst_id, self.port)

    def undo(self) -> None:
        _restore_port(self.ctrl, self.dst_id, self.port, self.replaced)


class EdgeDisconnectCmd(_Cmd):
    """Remove the wire into ``dst``'s input ``port``."""

    def __init__(self, ctrl, dst_id: int, port: int) -> None:
        dst = ctrl.graph.node_by_id(dst_id)
        super().__init__(ctrl, translate("History", "Disconnect {name} port {port}").format(
            name=dst.name, port=port))
        self.dst_id, self.port = dst_id, port
        self.src_id = _source_id(ctrl, dst_id, port)

    def _redo(self) -> None:
        self.ctrl._disconnect(self.dst_id, self.port)

    def undo(self) -> None:
        _restore_port(self.ctrl, self.dst_id, self.port, self.src_id)


class NodeRenameCmd(_Cmd):
    """Rename a node (the engine refuses empty and duplicate names)."""

    def __init__(self, ctrl, node_id: int, new_name: str) -> None:
        self.old = ctrl.graph.node_by_id(node_id).name
        super().__init__(ctrl, translate("History", "Rename {old} → {new}").format(
            old=self.old, new=new_name))
        self.node_id, self.new = node_id, new_name

    def _redo(self) -> None:
        self.ctrl._rename(self.node_id, self.new)

    def undo(self) -> None:
        self.ctrl._rename(self.node_id, self.old)


class ValueSetCmd(_Cmd):
    """Set a leaf's value (number or array)."""

    def __init__(self, ctrl, node_id: int, value: Any) -> None:
        node = ctrl.graph.node_by_id(node_id)
        super().__init__(ctrl, translate("History", "Set {name}").format(name=node.name))
        self.node_id, self.old, self.new = node_id, _copy(node.value), _copy(value)

    def _redo(self) -> None:
        self.ctrl._set_value(self.node_id, _copy(self.new))

    def undo(self) -> None:
        self.ctrl._set_value(self.node_id, _copy(self.old))


class AttrSetCmd(_Cmd):
    """Set one attribute of a node (axis, alpha, p, ...)."""

    def __init__(self, ctrl, node_id: int, key: str, value: Any) -> None:
        node = ctrl.graph.node_by_id(node_id)
        super().__init__(ctrl, translate("History", "Set {name}.{key}").format(
            name=node.name, key=key))
        self.node_id, self.key = node_id, key
        self.old, self.new = node.attrs.get(key), value

    def _redo(self) -> None:
        self.ctrl._set_attr(self.node_id, self.key, self.new)

    def undo(self) -> None:
        self.ctrl._set_attr(self.node_id, self.key, self.old)


class OutputSetCmd(_Cmd):
    """Choose the node to differentiate ("Differentiate this"); None: the graph's sink again."""

    def __init__(self, ctrl, node_id: int | None) -> None:

        graph = ctrl.graph
        if node_id is None:
            text = translate("History", "Differentiate the graph's end")
        else:
            text = translate("History", "Differentiate {name}").format(
                name=graph.node_by_id(node_id).name)
        super().__init__(ctrl, text)
        self.old, self.new = graph.chosen_output, node_id

    def _redo(self) -> None:
        self.ctrl._choose_output(self.new)

    def undo(self) -> None:
        self.ctrl._choose_output(self.old)


class NodesMoveCmd(_Cmd):
    """Move several nodes in one step. ``merge=True`` merges with the previous such move
    of the same nodes (nudging with the arrow keys), so a continuous move is one step."""

    def __init__(self, ctrl, moves: dict[int, tuple[tuple[float, float], tuple[float, float]]],
                 merge: bool = False) -> None:
        n = len(moves)
        super().__init__(ctrl, translate("History", "Move {n} nodes").format(n=n) if n != 1
                         else translate("History", "Move node"))
        self.old = {i: tuple(o) for i, (o, _) in moves.items()}
        self.new = {i: tuple(p) for i, (_, p) in moves.items()}
        self.merge = merge

    def id(self) -> int:
        return _MOVE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, NodesMoveCmd) or not other.merge or other.new.keys() != self.new.keys():
            return False
        self.new = dict(other.new)
        return True

    def _redo(self) -> None:
        for i, p in self.new.items():
            self.ctrl._move(i, p)

    def undo(self) -> None:
        for i, p in self.old.items():
            self.ctrl._move(i, p)


class GraphReplaceCmd(_Cmd):
    """Replace the whole graph (New, Build MLP, an example, a model to train) as one step.

    No copies are needed: the controller swaps graph objects rather than changing a detached
    one, so by the time this is undone the current graph is again exactly what this showed.
    ``applied=True`` records a replacement that already happened (first redo does nothing).
    """

    def __init__(self, ctrl, graph, text: str | None = None, output: str | None = None,
                 old=None, old_output: str | None = None, applied: bool = False) -> None:
        super().__init__(ctrl, text or translate("History", "Replace graph"))
        if old is None:
            old = ctrl.graph
            old_output = None if ctrl.output is None else ctrl.output.name
        self.old, self.old_output = old, old_output
        self.new, self.new_output = graph, output
        self._applied = applied

    def _redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        _replace(self.ctrl, self.new, self.new_output)

    def undo(self) -> None:
        _replace(self.ctrl, self.old, self.old_output)


def _replace(ctrl, graph, output: str | None) -> None:
    """Show ``graph`` through the controller's ``load_graph`` (this command is the record)."""
    out = graph[output] if output is not None and output in graph else None
    ctrl.load_graph(graph, out, record=False)
