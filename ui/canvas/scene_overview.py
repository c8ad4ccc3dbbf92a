"""The scene's layer of items and, for a big graph, its map (ui/canvas/overview.py).

Every node, wire and layer box hangs under one layer item. A graph of more than
``OVERVIEW_NODES`` nodes also gets an OverviewItem; while the view's zoom is below
``overview_lod()`` (no text would read), the layer is hidden and the map drawn instead. Wires
are laid (routed around nodes) only when they may be seen: a big graph opens at Fit without
laying its 16,000 wires, and zoomed in it lays those in view (and around it) before each
paint, the others when the learner pans or zooms to them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ui.canvas.node_item import HEIGHT, WIDTH
from ui.canvas.overview import LAYER, OVERVIEW_NODES, OverviewItem, overview_lod, state_of

ROUTE_SLACK = 240.0     # scene units: a wire may bend this far beyond its ends' boxes


class _Layer(QGraphicsItem):
    """Holds the scene's items; draws nothing itself."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        pass


class SceneOverviewMixin:
    """Needs the GraphScene's ``nodes``, ``edges``, ``groups``, ``collapsed``,
    ``display_item``, ``shown_group``, ``_route``, ``_spread_labels`` and ``_current``."""

    def _init_overview(self) -> None:
        self._layer: _Layer | None = None
        self._overview: OverviewItem | None = None
        self._detail = True                 # the items are shown (not the map)
        self._unrouted: set = set()         # wires to lay when they may be seen
        self._pending = None                # (keys, their ends' boxes, done) of _unrouted
        self._box_of: dict[int, int] = {}   # node id -> its box on the map
        self._box_node: list[int] = []      # box -> a node id it stands for
        self._map_stale = False
        self._map_selected: int | None = None

    def layer(self) -> QGraphicsItem:
        """The item every node, wire and layer box of the scene hangs under."""
        if self._layer is None:
            self._layer = _Layer()
            self.addItem(self._layer)
        return self._layer

    def shown(self, item) -> bool:
        """Whether ``item`` (a node, wire or layer box) is drawn when the items are shown
        (collapsed layers hide their nodes), whether or not the map stands in for them now."""
        return item.isVisibleTo(self._layer) if self._layer is not None else item.isVisible()

    def _reset_overview(self, n_nodes: int) -> None:
        """After ``clear()``: a fresh layer, and a map if the graph is big (shown until the
        view says it is zoomed in far enough to read)."""
        self._layer = self._overview = None
        self._unrouted, self._pending = set(), None
        self._box_of, self._box_node = {}, []
        self._map_selected = None
        self._detail = True
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        layer = self.layer()
        if n_nodes > OVERVIEW_NODES:
            self._overview = OverviewItem()
            self.addItem(self._overview)
            self._detail = False
            layer.setVisible(False)
            # nothing to look up among hidden items: no index to keep up while opening
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    # ----- which is shown -----------------------------------------------------------------------
    def detail_shown(self) -> bool:
        """True while the items are drawn (always, for a graph without a map)."""
        return self._detail

    def wants_overview(self, zoom: float) -> bool:
        """Whether the map should stand for the items at ``zoom``."""
        return self._overview is not None and zoom < overview_lod(HEIGHT)

    def show_overview(self, on: bool) -> None:
        """Draw the map (``on``) or the items; the wires left unlaid are laid now."""
        if self._overview is None or on == (not self._detail):
            return
        self._detail = not on
        if on:                  # (the index, once made, is kept: hidden items cost it nothing)
            if self._map_stale:
                self._rebuild_map()
            self._overview.setVisible(True)
            self.layer().setVisible(False)
            return
        self._overview.setVisible(False)
        if self.itemIndexMethod() != QGraphicsScene.ItemIndexMethod.BspTreeIndex:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.layer().setVisible(True)
        if self._obstacles_stale:
            self._rebuild_obstacles()
        self.route_visible()
        if self._map_selected in self.nodes and not self.selectedItems():
            blocked = self.blockSignals(True)   # the learner's selection already says so
            try:
                self.nodes[self._map_selected].setSelected(True)
            finally:
                self.blockSignals(blocked)

    # ----- wires laid when they may be seen ---------------------------------------------------------
    def routes_in_view(self) -> bool:
        """Whether wires are laid only where they may be seen (a big graph's)."""
        return self._overview is not None

    def _defer_route(self, key) -> None:
        if key not in self._unrouted:
            self._unrouted.add(key)
            self._pending = None

    def route_visible(self, rect: QRectF | None = None) -> None:
        """Lay the wires not laid yet whose ends are near ``rect`` (scene; default: what the
        views show), with a quarter of it around for a pan. The view asks before it paints."""
        if not self._unrouted or not self._detail:
            return
        if rect is None:
            rect = QRectF()
            for view in self.views():
                rect = rect.united(view.mapToScene(view.viewport().rect()).boundingRect())
            if rect.isEmpty():
                return
        if self._pending is None:
            keys = [k for k in self._unrouted if k in self.edges]
            ends = np.zeros((len(keys), 4))
            for i, (s, d, _) in enumerate(keys):
                a, b = self.display_item(s), self.display_item(d)
                pa, pb = a.scenePos(), b.scenePos()     # top-left corners
                ends[i] = (pa.x(), pa.y(), pb.x(), pb.y())
            lo = np.minimum(ends[:, :2], ends[:, 2:]) - ROUTE_SLACK
            hi = np.maximum(ends[:, :2], ends[:, 2:]) + ROUTE_SLACK
            self._pending = (keys, lo, hi, np.zeros(len(keys), dtype=bool))
        keys, lo, hi, done = self._pending
        r = rect.adjusted(-rect.width() / 4, -rect.height() / 4, rect.width() / 4,
                          rect.height() / 4)
        near = np.flatnonzero(~done & (hi[:, 0] >= r.left()) & (lo[:, 0] <= r.right())
                              & (hi[:, 1] >= r.top()) & (lo[:, 1] <= r.bottom()))
        sources = set()
        for i in near.tolist():
            done[i] = True
            key = keys[i]
            if key in self._unrouted and key in self.edges:
                self._route(self.edges[key])
                sources.add(key[0])
        for src in sources:
            self._spread_labels(src)

    # ----- the map's contents -------------------------------------------------------------------
    def _overview_changed(self, now: bool = False) -> None:
        """Nodes moved, appeared or went into a layer: the map is drawn again (now, or once
        the current burst of changes is over)."""
        if self._overview is None:
            return
        if now or self._building:
            self._rebuild_map()
        elif not self._map_stale:
            self._map_stale = True
            QTimer.singleShot(0, lambda: self._map_stale and self._rebuild_map())

    def _rebuild_map(self) -> None:
        self._map_stale = False
        if self._overview is None:
            return
        rects, states, self._box_node, self._box_of = [], [], [], {}
        ends: list[tuple[float, float, float, float]] = []    # out x, out y, in x, in top
        n_in: list[int] = []                                  # input ports (0: a layer's box)
        group_box: dict[int, int] = {}
        hidden = self.hidden_ids()
        for nid, item in self.nodes.items():
            if nid in hidden:
                key = self.shown_group(nid)
                if key not in group_box:
                    group_box[key] = len(rects)
                    box = self.groups[key]
                    r = box.rect()
                    rects.append(r)
                    states.append(LAYER if box.value is None else state_of(box))
                    self._box_node.append(box.layer.output)
                    cy = r.center().y()
                    ends.append((r.right(), cy, r.left(), cy))
                    n_in.append(0)
                self._box_of[nid] = group_box[key]
                continue
            self._box_of[nid] = len(rects)
            p = item.pos()
            x, y = p.x(), p.y()
            rects.append(QRectF(x, y, WIDTH, HEIGHT))
            states.append(state_of(item))
            self._box_node.append(nid)
            ends.append((x + WIDTH, y + HEIGHT / 2, x, y))
            n_in.append(len(item.in_ports))
        lines = []
        box_of = self._box_of
        for s, d, port in self.edges:
            a, b = box_of.get(s), box_of.get(d)
            if a is None or b is None or a == b:
                continue
            k = n_in[b]
            y = ends[b][3] if k == 0 else ends[b][3] + HEIGHT * (port + 1) / (k + 1)
            lines.append((ends[a][0], ends[a][1], ends[b][2], y))
        self._overview.set_geometry(rects, states, lines)
        self._overview_rings()

    def _overview_state(self, node_id: int) -> None:
        """Node ``node_id`` shows something new: its box's colour (or its layer's)."""
        if self._overview is None or self._map_stale:
            return
        box = self._box_of.get(node_id)
        if box is None:
            return
        key = self.shown_group(node_id)
        if key is not None:
            if node_id == self.groups[key].layer.output:
                item = self.groups[key]
                self._overview.set_state(box, LAYER if item.value is None else state_of(item))
            return
        self._overview.set_state(box, state_of(self.nodes[node_id]))

    def _overview_rings(self) -> None:
        if self._overview is not None:
            self._overview.ring(self._overview.current, self._box_of.get(self._current))
            self._overview.ring(self._overview.selected, self._box_of.get(self._map_selected))

    # ----- the learner clicks on the map ----------------------------------------------------------
    def overview_node_at(self, pos: QPointF, reach: float) -> int | None:
        """The node (or the output of the layer) whose box is at ``pos`` or within ``reach``."""
        if self._overview is None or self._detail:
            return None
        box = self._overview.box_at(pos.x(), pos.y(), reach)
        return None if box is None else self._box_node[box]

    def select_on_map(self, node_id: int | None) -> None:
        """Select ``node_id`` (None: nothing) while the map is shown: the inspector shows it."""
        self._map_selected = node_id
        self._overview_rings()
        self.selection_ids.emit([] if node_id is None else [node_id])
