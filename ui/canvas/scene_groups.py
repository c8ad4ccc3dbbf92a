"""The scene's Dense-layer groups: which layers exist (from the engine's ``dense_layers``),
which are collapsed (view state, not an edit of the graph), and what is drawn for a node that
sits inside a collapsed layer (the layer's box).

A graph opens with its layers collapsed when it holds more than ``COLLAPSE_PARAMS`` trainable
numbers or more than ``COLLAPSE_NODES`` nodes (the 784-100-10 model: x -> Dense -> Dense ->
loss); smaller ones (the spiral MLP, whose text talks about W1 and h1) open expanded, unless
their layers were asked to open collapsed (``open_collapsed``: the Train workspace shows the
model it trains as x -> Dense -> Dense -> loss, whatever its size).
"""

from __future__ import annotations

import weakref

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from ui.canvas.group_item import GroupItem
from ui.i18n import translate

COLLAPSE_PARAMS = 1000
COLLAPSE_NODES = 64


def layer_title(layer) -> str:
    """``Dense 100, sigmoid`` (translated where words are)."""
    if layer.units is None:
        head = translate("Canvas", "Dense")
    else:
        head = translate("Canvas", "Dense {units}").format(units=layer.units)
    if layer.activation and layer.fused:
        return translate("Canvas", "{head}, {act} in the loss").format(head=head,
                                                                       act=layer.activation)
    return f"{head}, {layer.activation}" if layer.activation else head


_ASKED: weakref.WeakSet = weakref.WeakSet()     # graphs whose layers open collapsed


def open_collapsed(graph) -> None:
    """Let ``graph``'s layers open collapsed on the canvas, however small it is."""
    _ASKED.add(graph)


def opens_collapsed(graph) -> bool:
    """Whether ``graph``'s layers start collapsed (see above)."""
    if graph in _ASKED:
        return True
    params = sum(np.size(n.value) for n in graph.nodes if n.op == "param" and n.value is not None)
    return params > COLLAPSE_PARAMS or len(graph) > COLLAPSE_NODES


class SceneGroupsMixin:
    """Needs ``nodes``, ``edges``, ``_edges_of`` and ``_route`` of the GraphScene."""

    def _init_groups(self) -> None:
        self.groups: dict[int, GroupItem] = {}
        self.collapsed: set[int] = set()
        self.whole_layer_steps = False       # stepping treats a collapsed layer as one step
        self._group_of: dict[int, int] = {}  # member node id -> layer key
        self._group_drag: dict[int, QPointF] = {}    # node id -> position when a drag began
        self._was_hidden: set[int] = set()   # nodes hidden inside collapsed layers, last time

    def _sync_groups(self, graph, fresh: bool) -> None:
        """Make one GroupItem per Dense layer of ``graph``; ``fresh``: a new graph, so the
        layers start collapsed or expanded by the rule above."""
        from graphviz_nn.layer_groups import dense_layers

        layers = {lay.key: lay for lay in dense_layers(graph)} if len(graph) else {}
        for key in [k for k in self.groups if k not in layers]:
            self.removeItem(self.groups.pop(key))
        for key, lay in layers.items():
            item = self.groups.get(key)
            if item is None or item.layer != lay:
                if item is not None:
                    self.removeItem(item)
                item = self.groups[key] = GroupItem(lay, layer_title(lay))
                self.addItem(item)
        self._group_of = {m: k for k, lay in layers.items() for m in lay.members}
        if fresh:
            self.collapsed = set(layers) if opens_collapsed(graph) else set()
        else:
            self.collapsed &= set(layers)
        self._show_groups()

    def _show_groups(self) -> None:
        for key, item in self.groups.items():
            item.set_collapsed(key in self.collapsed)
            self._fit_group(key)
        hidden = self.hidden_ids()
        touched = hidden | self._was_hidden     # every other node and wire stays shown
        self._was_hidden = hidden
        for nid in touched:
            if nid in self.nodes:
                self.nodes[nid].setVisible(nid not in hidden)
        for nid in touched:
            for key in self._edges_of.get(nid, ()):
                g0, g1 = self.shown_group(key[0]), self.shown_group(key[1])
                self.edges[key].setVisible(g0 is None or g0 != g1)
        self._rebuild_obstacles()
        for edge in self.edges.values():
            self._route(edge)

    def _fit_group(self, key: int) -> None:
        rect = QRectF()
        for m in self.groups[key].layer.members:
            node = self.nodes.get(m)
            if node is not None:
                rect = rect.united(node.sceneBoundingRect())
        self.groups[key].set_members_rect(rect)

    # ----- what stands for a node ---------------------------------------------------------------
    def hidden_ids(self) -> set[int]:
        """Ids of nodes inside collapsed layers (drawn as their layer's box)."""
        return {m for m, k in self._group_of.items() if k in self.collapsed}

    def shown_group(self, node_id: int) -> int | None:
        """The key of the collapsed layer that draws ``node_id``, if any."""
        key = self._group_of.get(node_id)
        return key if key in self.collapsed else None

    def display_item(self, node_id: int):
        """What is drawn for ``node_id``: its node, or the box of its collapsed layer."""
        key = self.shown_group(node_id)
        return self.groups[key] if key is not None else self.nodes.get(node_id)

    def group_of(self, node_id: int):
        """The LayerGroup ``node_id`` belongs to (collapsed or not), or None (for the
        inspector, which may explain the layer)."""
        key = self._group_of.get(node_id)
        return None if key is None else self.groups[key].layer

    def step_groups(self) -> dict[int, int]:
        """node id -> layer key for the nodes that stepping treats as one step (their layer
        is collapsed and the learner chose to step through layers as a whole)."""
        if not self.whole_layer_steps:
            return {}
        return {m: k for m, k in self._group_of.items() if k in self.collapsed}

    # ----- intents ------------------------------------------------------------------------------
    def set_collapsed(self, key: int, on: bool) -> None:
        """Collapse (``on``) or expand the layer ``key`` in place."""
        if key in self.groups and (key in self.collapsed) != on:
            (self.collapsed.add if on else self.collapsed.discard)(key)
            self._show_groups()
            self._overview_changed()
            self._apply_group_state()
            self.groups_changed.emit()

    def begin_group_drag(self, key: int) -> None:
        """A layer's box (or its title strip) is pressed: its nodes, and the other selected
        nodes, move with the mouse until it is released."""
        ids = set(self.groups[key].layer.members) if key in self.groups else set()
        ids.update(i.node_id for i in self.selectedItems() if hasattr(i, "node_id"))
        self._group_drag = {nid: self.nodes[nid].pos() for nid in ids if nid in self.nodes}

    def drag_group(self, delta: QPointF) -> None:
        for nid, start in self._group_drag.items():
            self.nodes[nid].setPos(start + delta)
            self.node_item_moved(self.nodes[nid])

    def end_group_drag(self) -> None:
        """The drag ended: its nodes' new places, as one move (``nodes_moved``)."""
        moved = {nid: (self.nodes[nid].pos().x(), self.nodes[nid].pos().y())
                 for nid, start in self._group_drag.items()
                 if nid in self.nodes and self.nodes[nid].pos() != start}
        self._group_drag = {}
        if moved:
            self.nodes_moved.emit(moved)

    def toggle_group(self, key: int) -> None:
        self.set_collapsed(key, key not in self.collapsed)

    def collapse_all(self, on: bool) -> None:
        for key in self.groups:
            self.set_collapsed(key, on)

    def _apply_group_state(self) -> None:
        """Numbers and highlight of every layer box from what its nodes show."""
        for key, item in self.groups.items():
            out = self.nodes.get(item.layer.output)
            w = self.nodes.get(item.layer.weight)
            item.set_numbers(None if out is None else out.value,
                             None if out is None else out.grad,
                             None if w is None else w.value)
            item.set_highlighted(key in self.collapsed and self._current in self._group_members(key))

    def _group_members(self, key: int) -> tuple[int, ...]:
        return self.groups[key].layer.members
