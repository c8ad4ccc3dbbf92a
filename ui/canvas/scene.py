"""The graph scene: builds node and edge items from a Graph, shows a DisplayState, and turns
what the items report (moves, port presses, double-clicks) into intent signals.

The scene never changes the graph; the controller does, and the scene follows.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsScene, QToolTip

from ui import style
from ui.canvas.edge_item import EdgeItem
from ui.canvas.group_item import GroupItem
from ui.canvas.node_item import HEIGHT as NODE_H
from ui.canvas.node_item import WIDTH as NODE_W
from ui.canvas.node_item import NodeItem
from ui.canvas.port_item import PortItem
from ui.canvas.scene_groups import SceneGroupsMixin
from ui.canvas.scene_overview import SceneOverviewMixin
from ui.canvas.scene_wires import SceneWiresMixin
from ui.canvas.state import DisplayState, EdgeKey
from ui.engine_text import engine_text

LABEL_ROOM_X = 12.0     # what content_rect adds around the nodes: their ports,
LABEL_ROOM_Y = 24.0     # and a wire running above or below them with its labels


class GraphScene(SceneWiresMixin, SceneOverviewMixin, SceneGroupsMixin, QGraphicsScene):
    """Items for every node and edge of a graph, keyed by node id and (src, dst, port). They
    all hang under one layer item, which a big graph hides while it is drawn as a map (see
    ui/canvas/scene_overview.py)."""

    nodes_moved = Signal(object)                 # {node_id: (x, y)} after a drag ends
    node_activated = Signal(int)                 # double-click on a node
    node_context = Signal(int, object)           # right-click: node id, QPoint (screen)
    port_pressed = Signal(int, int, object)      # node id, port (-1 = output), QPointF (scene)
    port_dragged = Signal(object)                # QPointF (scene) while dragging from a port
    port_released = Signal(object)               # QPointF (scene) where the drag ended
    selection_ids = Signal(list)                 # ids of the selected nodes
    groups_changed = Signal()                    # a layer was collapsed or expanded

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackgroundBrush(QBrush(QColor(style.BACKGROUND)))
        self.nodes: dict[int, NodeItem] = {}
        self.edges: dict[EdgeKey, EdgeItem] = {}
        self._edges_of: dict[int, set[EdgeKey]] = {}
        self._press_pos: dict[int, QPointF] = {}
        self._drag_seen: dict[int, QPointF] = {}
        self._current: int | None = None
        self._emphasised: set[EdgeKey] = set()
        self._init_wires()
        self._building = False
        self._shown: tuple[DisplayState, frozenset] | None = None   # the last state applied
        self._flagged: set[int] = set()         # nodes showing an error or a warning
        self._init_groups()
        self._init_overview()
        self.selectionChanged.connect(self._on_selection_changed)

    # ----- structure ------------------------------------------------------------------------
    def set_graph(self, graph) -> None:
        """Throw away all items and build them again for ``graph``."""
        self.nodes.clear()
        self.edges.clear()
        blocked = self.blockSignals(True)       # no selection signals about deleted items
        try:
            self.clear()
        finally:
            self.blockSignals(blocked)
        self._edges_of.clear()
        self._flagged.clear()
        self._current = None
        self._emphasised = set()
        self.groups.clear()
        self._group_of = {}
        self._was_hidden = set()
        self._reset_overview(len(graph))
        self.sync_structure(graph, fresh=True)

    def sync_structure(self, graph, fresh: bool = False) -> None:
        """Add, remove and rename items so that they match ``graph`` (positions from node.pos);
        every wire is laid once, at the end."""
        self._building = True
        try:
            self._sync_items(graph, fresh)
        finally:
            self._building = False

    def _sync_items(self, graph, fresh: bool) -> None:
        self._shown = None                  # new items: the next state is shown in full
        ids = {n.id for n in graph.nodes}
        layer = self.layer()
        for nid in [i for i in self.nodes if i not in ids]:
            self.removeItem(self.nodes.pop(nid))
            self._flagged.discard(nid)
        for n in graph.nodes:
            item = self.nodes.get(n.id)
            if item is None or item.kind != n.op or len(item.in_ports) != len(n.spec.ports):
                if item is not None:
                    self.removeItem(item)
                item = NodeItem(n.id, n.name, n.spec.symbol, n.op, n.spec.ports)
                self.nodes[n.id] = item
                if n.pos is not None:
                    item.setPos(float(n.pos[0]), float(n.pos[1]))
                item.setParentItem(layer)
                continue
            item.set_name(n.name)
            if n.pos is not None:
                self.set_node_pos(n.id, n.pos)
        keys = {(s.id, d.id, p) for s, d, p in graph.edges}
        for key in [k for k in self.edges if k not in keys]:
            self.removeItem(self.edges.pop(key))
            self._unrouted.discard(key)
        for key in keys - self.edges.keys():
            edge = EdgeItem(*key)
            self.edges[key] = edge
            edge.setParentItem(layer)
        self._edges_of = {}
        for key in self.edges:
            self._edges_of.setdefault(key[0], set()).add(key)
            self._edges_of.setdefault(key[1], set()).add(key)
        # each port set once, so only nodes whose wiring changed repaint
        sources = {k[0] for k in keys}
        fed = {(k[1], k[2]) for k in keys}
        for nid, item in self.nodes.items():
            for i, port in enumerate(item.in_ports):
                port.set_connected((nid, i) in fed)
            item.out_port.set_connected(nid in sources)
        self._sync_groups(graph, fresh)      # routes every edge (or leaves it to be routed
        self._overview_changed()             # when the map gives way to the items)

    def set_node_pos(self, node_id: int, pos) -> None:
        item = self.nodes.get(node_id)
        if item is not None and (item.pos().x(), item.pos().y()) != (pos[0], pos[1]):
            item.setPos(float(pos[0]), float(pos[1]))
            self.node_item_moved(item)

    # ----- what is shown ---------------------------------------------------------------------
    def apply_state(self, st: DisplayState, marked: set[int] | frozenset = frozenset(),
                    force_leaves: bool = False) -> None:
        """Show values, gradients and the current step; items repaint only if they changed.
        ``force_leaves``: leaf values may have changed in place (training): redraw them.
        Only the nodes and wires whose numbers differ from the last state shown are visited
        (a step of a 10,000-node graph touches a handful)."""
        old, marked = self._shown, frozenset(marked)
        if old is None or force_leaves:
            nodes, edges = self.nodes.keys(), self.edges.keys()
        elif st.delta is not None and st.delta[0] is old[0] and marked == old[1] \
                and not (st.hidden_nodes or old[0].hidden_nodes):
            nodes = st.delta[1] | _changed(st.errors, old[0].errors, by_value=True) \
                | _changed(st.warnings, old[0].warnings, by_value=True)
            edges = st.delta[2] | {k for nid in nodes for k in self._edges_of.get(nid, ())
                                   if k[0] == nid}
        else:
            nodes = (_changed(st.values, old[0].values) | _changed(st.grads, old[0].grads)
                     | (st.hidden_nodes ^ old[0].hidden_nodes) | (marked ^ old[1])
                     | _changed(st.errors, old[0].errors, by_value=True)
                     | _changed(st.warnings, old[0].warnings, by_value=True))
            edges = (_changed(st.edge_grads, old[0].edge_grads)
                     | (st.hidden_edges ^ old[0].hidden_edges)
                     | {k for nid in nodes for k in self._edges_of.get(nid, ()) if k[0] == nid})
        self._shown = (st, marked)
        for nid in nodes:
            item = self.nodes.get(nid)
            if item is None:
                continue
            item.set_value(st.values.get(nid), force=force_leaves and item.is_leaf)
            item.set_grad(st.grads.get(nid), nid in st.hidden_nodes)
            item.set_error(engine_text(st.errors.get(nid)) or None)      # in the window's
            item.set_warning(engine_text(st.warnings.get(nid)) or None)  # language
            if item.error or item.warning:
                self._flagged.add(nid)
            else:
                self._flagged.discard(nid)
            self._overview_state(nid)
            item.set_marked(nid in marked)
        for key in edges:
            edge = self.edges.get(key)
            if edge is not None:
                edge.set_labels(st.values.get(key[0]), st.edge_grads.get(key),
                                key in st.hidden_edges,
                                force=force_leaves and self.nodes[key[0]].is_leaf)
        if st.current != self._current:
            if self._current in self.nodes:
                self.nodes[self._current].set_highlighted(False)
            if st.current in self.nodes:
                self.nodes[st.current].set_highlighted(True)
            self._current = st.current
            self._overview_rings()
        if self.groups:
            self._apply_group_state()
        if st.emphasised != self._emphasised:
            for key in self._emphasised - st.emphasised:
                if key in self.edges:
                    self.edges[key].set_emphasised(False)
            for key in st.emphasised - self._emphasised:
                if key in self.edges:
                    self.edges[key].set_emphasised(True)
            self._emphasised = set(st.emphasised)

    # ----- lookups -------------------------------------------------------------------------
    def node_item(self, node_id: int) -> NodeItem | None:
        return self.nodes.get(node_id)

    def edge_item(self, src_id: int, dst_id: int, port: int) -> EdgeItem | None:
        return self.edges.get((src_id, dst_id, port))

    def focus_rect(self, node_id: int) -> QRectF:
        """Scene rectangle of node ``node_id`` and its neighbours (the nodes it reads and
        writes), as drawn: what stepping keeps in view."""
        ids = {node_id}
        for key in self._edges_of.get(node_id, ()):
            ids.update(key[:2])
        rect = QRectF()
        for nid in ids:
            item = self.display_item(nid)
            if item is not None and self.shown(item):
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def content_rect(self) -> QRectF:
        """The scene rectangle of what is drawn (nodes, layer boxes, and the wires and labels
        between them), from the nodes' places: quick for 10,000 nodes. A node at an infinite
        or absurd place is left out (it would make Fit zoom to 0)."""
        lo_x = lo_y = math.inf
        hi_x = hi_y = -math.inf
        hidden = self.hidden_ids()
        for nid, item in self.nodes.items():
            if nid not in hidden:
                p = item.pos()
                x, y = p.x(), p.y()
                if abs(x) < 1e12 and abs(y) < 1e12:
                    lo_x, lo_y = min(lo_x, x), min(lo_y, y)
                    hi_x, hi_y = max(hi_x, x), max(hi_y, y)
        rect = QRectF() if lo_x == math.inf else \
            QRectF(lo_x, lo_y, hi_x - lo_x + NODE_W, hi_y - lo_y + NODE_H)
        for group in self.groups.values():
            rect = rect.united(group.rect()) if self.shown(group) else rect
        if rect.isEmpty():
            return rect
        # room for the ports, wires that go around the outermost nodes and their labels
        return rect.adjusted(-LABEL_ROOM_X, -LABEL_ROOM_Y, LABEL_ROOM_X, LABEL_ROOM_Y)

    def flagged_ids(self) -> set[int]:
        """Ids of the nodes that show an error or a warning (they need a badge)."""
        return set(self._flagged)

    def node_at(self, pos: QPointF) -> int | None:
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item.node_id
        return None

    def ports_in(self, rect: QRectF) -> list[PortItem]:
        """The ports (of nodes drawn in full) whose reach meets ``rect`` (scene)."""
        return [port for item in self.items(rect) if isinstance(item, NodeItem)
                for port in item.ports() if port.scene_rect().intersects(rect)]

    def selected_ids(self) -> list[int]:
        """Ids of the selected nodes; a selected layer box stands for its output node."""
        return [i.node_id if isinstance(i, NodeItem) else i.layer.output
                for i in self.selectedItems() if isinstance(i, (NodeItem, GroupItem))]

    # ----- reports from items -> intent signals ---------------------------------------------------
    def node_item_moved(self, item: NodeItem) -> None:
        if self._building:
            return                              # sync_structure lays every wire at its end
        ids = (item.node_id,)
        self._place_obstacle(item)
        self._overview_changed()
        group = self._group_of.get(item.node_id)
        if group in self.groups:
            self._fit_group(group)
            if group in self.collapsed:         # the wires of the whole box end on it
                ids = self.groups[group].layer.members
                self._place_obstacle(self.groups[group])
        self._reroute_soon()                    # other wires may have to go around it now
        keys = {k for nid in ids for k in self._edges_of.get(nid, ())}
        for key in keys:
            self._route(self.edges[key])
        for src_id in {key[0] for key in keys}:
            self._spread_labels(src_id)

    def begin_node_drag(self) -> None:
        self._press_pos = {i.node_id: i.pos() for i in self.selectedItems()
                           if isinstance(i, NodeItem)}
        self._drag_seen = dict(self._press_pos)

    def nodes_dragged(self) -> None:
        """The mouse moved the nodes being dragged: lay their wires again."""
        for nid, seen in self._drag_seen.items():
            item = self.nodes.get(nid)
            if item is not None and item.pos() != seen:
                self._drag_seen[nid] = item.pos()
                self.node_item_moved(item)

    def end_node_drag(self) -> None:
        moved = {}
        for nid, old in self._press_pos.items():
            item = self.nodes.get(nid)
            if item is not None and item.pos() != old:
                moved[nid] = (item.pos().x(), item.pos().y())
        self._press_pos = self._drag_seen = {}
        if moved:
            self.nodes_moved.emit(moved)

    def report_node_activated(self, item: NodeItem) -> None:
        self.node_activated.emit(item.node_id)

    def report_node_context(self, item: NodeItem, screen_pos) -> None:
        self.node_context.emit(item.node_id, screen_pos)

    def report_port_press(self, port: PortItem, pos: QPointF) -> None:
        self.port_pressed.emit(port.node_id, port.index, pos)

    def report_port_drag(self, port: PortItem, pos: QPointF) -> None:
        self.port_dragged.emit(pos)

    def report_port_release(self, port: PortItem, pos: QPointF) -> None:
        self.port_released.emit(pos)

    def helpEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A tooltip is asked for: a port's, or the node's (built now: see NodeItem)."""
        for item in self.items(event.scenePos()):
            while item is not None and not isinstance(item, NodeItem):
                item = item.parentItem()
            if item is None:
                continue
            port = item.port_at(item.mapFromScene(event.scenePos()))
            if port is not None:
                QToolTip.showText(event.screenPos(), port.tooltip(), event.widget())
                event.accept()
                return
            item.sync_tooltip()
        super().helpEvent(event)

    def _on_selection_changed(self) -> None:
        self.selection_ids.emit(self.selected_ids())


def _changed(new: dict, old: dict, by_value: bool = False) -> set:
    """Keys whose entries differ between two states' dicts (by identity: the timeline hands
    out the same array objects for what did not change)."""
    if new is old:
        return set()
    if by_value:
        return {k for k in new.keys() | old.keys() if new.get(k) != old.get(k)}
    return {k for k, v in new.items() if v is not old.get(k)} | (old.keys() - new.keys())
