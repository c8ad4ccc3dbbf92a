"""Editing on the canvas: live wires between ports, palette drops, Tab quick-add, error badges.

:class:`CanvasEditor` listens to what the scene reports (``port_pressed``, ``port_dragged``,
``port_released``) and to drag-and-drop on the view, draws the temporary wire, and turns a
finished gesture into one controller intent (which pushes an undo command). It never changes the
graph itself.

Dragging from an output port draws a wire that snaps to the nearest input port within reach;
dropping it there connects (a taken port is replaced), anywhere else cancels. Dragging from a
connected input port picks its wire up: drop it on another input port to move it, elsewhere to
remove it. Dragging from a free input port wires backwards, to an output port.
"""

from __future__ import annotations

import atexit
import weakref

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from ui import style
from ui.canvas.badge_item import ErrorBadge, shown_badges, sync_badges  # noqa: F401
from ui.canvas.node_item import HEIGHT, WIDTH, NodeItem
from ui.canvas.port_item import PortItem
from ui.build.palette import QuickAddPopup, mime_op
from ui.i18n import translate

_LIVE: weakref.WeakSet = weakref.WeakSet()   # editors whose event filters are installed


@atexit.register
def _detach_all() -> None:
    """Remove the Python event filters before the interpreter tears the widgets down
    (a filter called during finalisation crashes PySide)."""
    for editor in list(_LIVE):
        editor.detach()


SNAP = 26.0          # screen pixels at 100 % zoom: how close to a port a wire end snaps


def creates_cycle(graph, src_id: int, dst_id: int) -> bool:
    """Would feeding ``src`` into ``dst`` close a loop? (the engine's ``Graph.would_cycle``)"""
    return graph.would_cycle(graph.node_by_id(src_id), graph.node_by_id(dst_id))


class _Wire:
    """State of one wire drag."""

    def __init__(self, fixed: tuple[int, int], backwards: bool, detached: tuple[int, int] | None):
        self.fixed = fixed              # (node id, port) the wire starts from
        self.backwards = backwards      # True: started at an input port, looks for an output
        self.detached = detached        # (dst, port) whose existing wire was picked up
        self.target: tuple[int, int] | None = None
        self.valid = False


class CanvasEditor(QObject):
    """Wiring, drops and quick-add for one scene + view, calling ``controller`` intents."""

    def __init__(self, controller, scene, view, status=None, parent: QObject | None = None):
        super().__init__(parent or view)
        self.ctrl, self.scene, self.view = controller, scene, view
        self.status = status or (lambda msg: controller.message.emit(msg))
        self.wire: _Wire | None = None
        self.wire_item: QGraphicsPathItem | None = None
        self.popup: QuickAddPopup | None = None
        self._popup_at = QPointF()
        self._badges: dict[int, ErrorBadge] = {}        # node id -> its badge, once made
        scene.port_pressed.connect(self._on_port_pressed)
        scene.port_dragged.connect(self._on_port_dragged)
        scene.port_released.connect(self._on_port_released)
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        _LIVE.add(self)

    def detach(self) -> None:
        """Stop filtering the view's events (done at exit)."""
        if shiboken6.isValid(self) and shiboken6.isValid(self.view):
            self.view.removeEventFilter(self)
            self.view.viewport().removeEventFilter(self)

    # ------------------------------------------------------------------ live wire
    def _port_scene_pos(self, node_id: int, port: int) -> QPointF:
        item = self.scene.node_item(node_id)
        if item is None:
            return QPointF()
        return item.out_port_pos() if port < 0 else item.in_port_pos(port)

    def _on_port_pressed(self, node_id: int, port: int, pos) -> None:
        detached = None
        fixed, backwards = (node_id, -1), False
        if port >= 0:
            src = self.ctrl.graph.node_by_id(node_id).inputs[port]
            if src is not None:            # pick the existing wire up by its end
                fixed, detached = (src.id, -1), (node_id, port)
                edge = self.scene.edge_item(src.id, node_id, port)
                if edge is not None:
                    edge.setOpacity(0.25)
            else:
                fixed, backwards = (node_id, port), True
        self.wire = _Wire(fixed, backwards, detached)
        self.wire_item = QGraphicsPathItem()
        self.wire_item.setZValue(10)
        self.scene.addItem(self.wire_item)
        self._draw(QPointF(pos))

    def _candidates(self, pos: QPointF) -> list[PortItem]:
        snap = SNAP / max(self.view.transform().m11(), 0.2)    # the same reach on screen
        rect = QRectF(pos.x() - snap, pos.y() - snap, 2 * snap, 2 * snap)
        want_output = self.wire.backwards
        fixed_node = self.wire.fixed[0]
        ports = [it for it in self.scene.ports_in(rect)
                 if it.is_output == want_output and it.node_id != fixed_node]
        return sorted(ports, key=lambda p: (p.scenePos() - pos).manhattanLength())

    def _draw(self, pos: QPointF) -> None:
        w = self.wire
        start = self._port_scene_pos(*w.fixed)
        ports = self._candidates(pos)
        w.target, w.valid, end = None, False, pos
        if ports:
            best = ports[0]
            w.target = (best.node_id, best.index)
            end = best.scenePos()
            src, dst = (best.node_id, w.fixed[0]) if w.backwards else (w.fixed[0], best.node_id)
            w.valid = not creates_cycle(self.ctrl.graph, src, dst)
        a, b = (end, start) if w.backwards else (start, end)
        dx = max(abs(b.x() - a.x()) * 0.5, 40.0)
        path = QPainterPath(a)
        path.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b)
        colour = style.EMPHASIS if w.target is None else (
            style.VALUE_COLOR if w.valid else style.ERROR_COLOR)
        pen = QPen(QColor(colour), 2.2)
        if w.target is None:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.wire_item.setPen(pen)
        self.wire_item.setPath(path)

    def _on_port_dragged(self, pos) -> None:
        if self.wire is not None:
            self._draw(QPointF(pos))

    def _on_port_released(self, pos) -> None:
        if self.wire is None:
            return
        self._draw(QPointF(pos))
        w = self.wire
        self.cancel_wire()
        ends = [w.fixed[0]] + ([w.target[0]] if w.target else [])
        if not all(self.ctrl._has(i) for i in ends):
            return                           # a node went away during the drag (undo)
        if w.target is None:
            if w.detached is not None:
                self.ctrl.disconnect_port(*w.detached)
                self.status(translate("Editor", "Wire removed"))
            else:
                self.status(translate("Editor", "Wire cancelled: release it on a port to "
                                      "connect"))
            return
        if w.backwards:
            src, (dst, port) = w.target[0], w.fixed
        else:
            src, (dst, port) = w.fixed[0], w.target
        if w.detached == (dst, port):
            return                           # dropped back where it was
        if w.detached is None:
            self.ctrl.connect_ports(src, dst, port)
        else:
            self.ctrl.move_wire(*w.detached, dst, port)

    def cancel_wire(self) -> None:
        """Remove the temporary wire (and un-dim a wire that was picked up)."""
        if self.wire is not None and self.wire.detached is not None \
                and self.ctrl._has(self.wire.detached[0]):
            dst, port = self.wire.detached
            src = self.ctrl.graph.node_by_id(dst).inputs[port]
            edge = self.scene.edge_item(src.id, dst, port) if src is not None else None
            if edge is not None:
                edge.setOpacity(1.0)
        item = self.wire_item
        if item is not None and shiboken6.isValid(item) and item.scene() is self.scene:
            self.scene.removeItem(item)
        self.wire, self.wire_item = None, None

    # ------------------------------------------------------------------ drops and keys
    def eventFilter(self, obj, event) -> bool:
        if not shiboken6.isValid(self.view):       # the view is being torn down
            return False
        t = event.type()
        if obj is self._viewport and t in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if mime_op(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
        elif obj is self._viewport and t == QEvent.Type.Drop:
            op = mime_op(event.mimeData())
            if op:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.place(op, self.view.mapToScene(event.position().toPoint()))
                return True
        elif obj is self.view and t == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Tab and not event.modifiers():
                self.open_quick_add()
                return True
            if event.key() == Qt.Key.Key_Escape and self.wire is not None:
                self.cancel_wire()
                return True
        return super().eventFilter(obj, event)

    def place(self, op: str, scene_pos: QPointF) -> int | None:
        """Add a node of ``op`` centred on ``scene_pos``; select it; return its id."""
        pos = (round(scene_pos.x() - WIDTH / 2), round(scene_pos.y() - HEIGHT / 2))
        node_id = self.ctrl.add_node(op, (float(pos[0]), float(pos[1])))
        if node_id is not None:
            self.select([node_id])
            self.view.setFocus()         # so Delete, Ctrl+D, ... act on it right away
            self.status(translate("Editor", "Added {name}; drag from its right-hand port to "
                                  "wire it").format(name=self.ctrl.graph.node_by_id(node_id).name))
        return node_id

    def select(self, ids: list[int]) -> None:
        self.scene.clearSelection()
        for i in ids:
            item = self.scene.node_item(i)
            if item is not None:
                item.setSelected(True)

    def open_quick_add(self) -> QuickAddPopup:
        """The Tab popup at the mouse (or the view's centre if the mouse is elsewhere)."""
        vp = self.view.viewport()
        local = vp.mapFromGlobal(QCursor.pos())
        if not vp.rect().contains(local):
            local = vp.rect().center()
        self._popup_at = self.view.mapToScene(local)
        if self.popup is None:
            self.popup = QuickAddPopup(parent=self.view)
            self.popup.op_chosen.connect(lambda op: self.place(op, self._popup_at))
        self.popup.popup(vp.mapToGlobal(local))
        return self.popup

    # ------------------------------------------------------------------ error badges
    def update_badges(self, *_args) -> None:
        """A badge on every node that cannot be computed (missing input, shape mismatch...),
        also off the path to the chosen output, and on every node where a value or gradient
        first became NaN or inf, saying why in full. The controller's trace runs a forward pass
        over the whole graph, so every node already knows its error."""
        sync_badges(self.scene, self._badges)

    def badges(self) -> dict[int, str]:
        """node id -> the text of its visible badge."""
        return shown_badges(self.scene, self._badges)
