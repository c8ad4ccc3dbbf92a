"""How the scene lays its wires: each from its source's port to its target's, around the
nodes and collapsed layer boxes between (ui/canvas/routing.py), again when nodes move, and
with the labels of wires leaving one node spread along them.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from ui.canvas.edge_item import EdgeItem
from ui.canvas.node_item import HEIGHT as NODE_H
from ui.canvas.node_item import WIDTH as NODE_W
from ui.canvas.node_item import NodeItem
from ui.canvas.routing import Obstacles, detour


class SceneWiresMixin:
    """Needs the GraphScene's ``nodes``, ``edges``, ``_edges_of``, ``groups``, ``collapsed``,
    ``display_item``, ``shown``, ``detail_shown``, ``routes_in_view``, ``route_visible`` and
    ``_defer_route`` and ``_unrouted``."""

    def _init_wires(self) -> None:
        self._obstacles = Obstacles()
        self._obstacles_stale = False
        self._reroute_pending = False

    def _route(self, edge: EdgeItem) -> None:
        """Lay ``edge`` from its source's port to its target's, around the nodes between
        (while the map is shown, later: see scene_overview.py)."""
        if not self.detail_shown():
            self._defer_route(edge.key)
            return
        self._unrouted.discard(edge.key)
        src, dst = self.display_item(edge.src_id), self.display_item(edge.dst_id)
        if src is not None and dst is not None:
            p1, p2 = src.out_port_pos(), dst.in_port_pos(edge.port)
            way = detour(p1.x(), p1.y(), p2.x(), p2.y(), self._obstacles, (src, dst)) \
                if self.shown(edge) else []
            edge.set_ends(p1, p2, way)

    def _place_obstacle(self, item) -> None:
        """Keep ``item`` (a node or a collapsed layer's box) where wires go around it."""
        if self._obstacles_stale:
            return
        if not self.shown(item):
            self._obstacles.remove(item)
        elif isinstance(item, NodeItem):
            x, y = item.pos().x(), item.pos().y()
            self._obstacles.put(item, (x, y, x + NODE_W, y + NODE_H))
        else:
            r = item.rect()
            self._obstacles.put(item, (r.left(), r.top(), r.right(), r.bottom()))

    def _rebuild_obstacles(self) -> None:
        if not self.detail_shown():
            self._obstacles_stale = True        # laid when the items are shown again
            return
        self._obstacles_stale = False
        self._obstacles = Obstacles()
        for item in self.nodes.values():
            self._place_obstacle(item)
        for key in self.collapsed:
            if key in self.groups:
                self._place_obstacle(self.groups[key])

    def reroute_all(self) -> None:
        """Route every wire again (after nodes moved: a wire may now be in another's way)."""
        self._reroute_pending = False
        if self.routes_in_view():           # a big graph: the wires in view now, others later
            for key in self.edges:
                self._defer_route(key)
            self.route_visible()
            return
        for edge in self.edges.values():
            self._route(edge)
        for nid in self.nodes:
            self._spread_labels(nid)

    def _reroute_soon(self) -> None:
        if not self._reroute_pending:
            self._reroute_pending = True
            QTimer.singleShot(0, self._reroute_if_pending)

    def _reroute_if_pending(self) -> None:
        if self._reroute_pending:
            self.reroute_all()

    def _spread_labels(self, src_id: int) -> None:
        """Wires leaving one node would put their labels on top of each other at their
        middles: spread them along the wires instead, the highest ending wire first."""
        out = [self.edges[k] for k in self._edges_of.get(src_id, ()) if k[0] == src_id]
        if len(out) < 2:
            if out:
                out[0].set_label_t(0.5)
            return
        dst_y = {e.key: self.nodes[e.dst_id].in_port_pos(e.port).y() for e in out}
        out.sort(key=lambda e: (dst_y[e.key], e.port))
        for k, edge in enumerate(out):
            edge.set_label_t(0.3 + 0.45 * k / (len(out) - 1))
