"""The graph view: wheel zoom under the mouse, pan by dragging the background, Fit."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsView

from ui.canvas import fonts
from ui.canvas.node_item import full_detail_lod

MIN_SCALE = 0.01       # (a 10,000-node graph fits at about 0.03)
MAX_SCALE = 4.0
FIT_MAX_SCALE = 1.5
FIT_MARGIN = 24.0      # screen px left free around the graph at Fit
MIN_FIT_MARGIN = 8.0   # ... or only this much, when that lets Fit draw the graph in full
STEP_MARGIN = 24.0     # screen px kept around the step's node and neighbours
MAP_REACH = 6.0        # screen px: how near a click on a big graph's map must be to a node


def _shift(lo: float, hi: float, want_lo: float, want_hi: float) -> float:
    """How far to move the window [lo, hi] so that it holds [want_lo, want_hi] (it fits)."""
    if want_lo < lo:
        return want_lo - lo
    if want_hi > hi:
        return want_hi - hi
    return 0.0


class GraphView(QGraphicsView):
    """A QGraphicsView for a GraphScene. Shift-drag on the background selects a rectangle."""

    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # the canvas pans by dragging the background: no scroll bars taking its room
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # After Fit, the graph stays fitted while the window is resized (the first show, a
        # docked panel opening) until the user zooms or pans by hand.
        self.auto_fit = True
        self._pan_from: tuple[int, int] | None = None      # scroll position at a pan's start

    def zoom(self) -> float:
        return self.transform().m11()

    def sync_detail(self) -> None:
        """A big graph zoomed out too far to read is drawn as a map (see
        ui/canvas/scene_overview.py): show the map or the items, as the zoom asks."""
        scene = self.scene()
        if hasattr(scene, "wants_overview"):
            scene.show_overview(scene.wants_overview(self.zoom()))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.sync_detail()          # whatever changed the zoom (fit, wheel, a test's scale)
        scene = self.scene()
        if hasattr(scene, "route_visible"):     # a big graph's wires come into view
            scene.route_visible(self.mapToScene(self.viewport().rect()).boundingRect())
        super().paintEvent(event)

    def _sane_zoom(self) -> None:
        """Undo a transform that went degenerate (zoom 0, inf or NaN): every later zoom
        divides by the zoom, and a scale of 0 can never be scaled back."""
        z = self.zoom()
        if not (math.isfinite(z) and MIN_SCALE / 2 <= z <= MAX_SCALE * 2):
            self.resetTransform()

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False
        self._sane_zoom()
        new = min(max(self.zoom() * factor, MIN_SCALE), MAX_SCALE)
        f = new / self.zoom()
        if f != 1.0:
            self.scale(f, f)
        self.sync_detail()

    def content_rect(self) -> QRectF:
        """The scene rectangle of everything visible (nodes, layers, wires and their labels);
        an item at an infinite or absurd position is left out (it would make the zoom 0)."""
        scene = self.scene()
        if hasattr(scene, "content_rect"):
            return scene.content_rect()
        rect = QRectF()
        for item in scene.items():
            if item.parentItem() is None and item.isVisible():
                r = item.sceneBoundingRect()
                if _finite(r):
                    rect = rect.united(r)
        return rect

    def fit(self) -> None:
        """Show the whole graph with a margin, not larger than a comfortable reading size."""
        self.auto_fit = True
        rect = self.content_rect()
        if rect.isEmpty():
            return
        vp = self.viewport().rect()
        m = FIT_MARGIN * fonts.presentation_scale()
        s = min((vp.width() - 2 * m) / rect.width(), (vp.height() - 2 * m) / rect.height())
        full = full_detail_lod()
        if s < full:            # the full picture (values and gradients on the wires) if it fits
            m = MIN_FIT_MARGIN * fonts.presentation_scale()
            if min((vp.width() - 2 * m) / rect.width(),
                   (vp.height() - 2 * m) / rect.height()) >= full:
                s = full
        s = min(max(s, MIN_SCALE), FIT_MAX_SCALE * fonts.presentation_scale())
        if not math.isfinite(s):
            s = MIN_SCALE
        self._allow_pan(rect, rect)
        self.setTransform(QTransform.fromScale(s, s))
        self.centerOn(rect.center())
        self.sync_detail()

    def reveal(self, rect: QRectF, margin: float = STEP_MARGIN) -> None:
        """Bring ``rect`` (scene) into the view with ``margin`` screen pixels around it: pan as
        little as possible, zoom out only if it cannot fit at the current zoom. Nothing moves
        when it is already inside (e.g. after Fit)."""
        if rect.isEmpty() or not _finite(rect):
            return
        self._sane_zoom()
        vp = self.viewport().rect()
        m = margin * fonts.presentation_scale()
        s = self.zoom()
        room_w, room_h = vp.width() - 2 * m, vp.height() - 2 * m
        if rect.width() * s > room_w or rect.height() * s > room_h:
            s = max(min(room_w / rect.width(), room_h / rect.height()), MIN_SCALE)
            self.setTransform(QTransform.fromScale(s, s))
            self.sync_detail()
        ms = m / s
        seen = self.mapToScene(vp).boundingRect()
        want = rect.adjusted(-ms, -ms, ms, ms)
        dx = _shift(seen.left(), seen.right(), want.left(), want.right())
        dy = _shift(seen.top(), seen.bottom(), want.top(), want.bottom())
        if dx or dy:
            self._allow_pan(rect)
            self.centerOn(seen.center() + QPointF(dx, dy))

    def _allow_pan(self, rect: QRectF, content: QRectF | None = None) -> None:
        """Let the view scroll well beyond ``rect`` and the graph (``content``, measured
        here unless given) for panning and reveal."""
        content = (self.content_rect() if content is None else content).united(rect)
        self.setSceneRect(content.adjusted(-4000, -4000, 4000, 4000))

    def set_presentation_scale(self, factor: float) -> None:
        """Presentation mode (1.0 to 2.0): canvas text, the Fit margin and the largest Fit zoom
        grow by ``factor``; the graph is fitted again if it was fitted."""
        fonts.set_presentation_scale(factor)
        for item in self.scene().items():
            item.update()
        if self.auto_fit:
            self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.auto_fit and self.scene() is not None:
            self.fit()

    def wheelEvent(self, event) -> None:  # noqa: N802
        dy = event.angleDelta().y()
        if dy:
            self.zoom_by(1.0015 ** dy)
            event.accept()
        else:
            super().wheelEvent(event)

    def _map_node_at(self, event) -> int | None:
        """The node under the mouse on a big graph's map (a few pixels' reach), if any."""
        scene = self.scene()
        if not hasattr(scene, "overview_node_at"):
            return None
        pos = self.mapToScene(event.position().toPoint())
        return scene.overview_node_at(pos, MAP_REACH / max(self.zoom(), 1e-6))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if event.button() == Qt.MouseButton.LeftButton and hasattr(scene, "detail_shown") \
                and not scene.detail_shown():
            node = self._map_node_at(event)     # on the map: a click selects the node there
            if node is not None:
                scene.select_on_map(node)
                event.accept()
                return
            scene.select_on_map(None)
        if event.button() == Qt.MouseButton.LeftButton and self.itemAt(event.position().toPoint()) is None:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            else:
                self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
                self._pan_from = self._scroll()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        # a pan by hand ends the fitting; a plain click on the background (to deselect, or to
        # give the canvas the keyboard) does not
        if self._pan_from is not None and self._scroll() != self._pan_from:
            self.auto_fit = False
        self._pan_from = None
        self.setDragMode(QGraphicsView.DragMode.NoDrag)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        """On a big graph's map, a double-click zooms in to read the nodes there."""
        node = self._map_node_at(event) if event.button() == Qt.MouseButton.LeftButton else None
        if node is None:
            super().mouseDoubleClickEvent(event)
            return
        at = self.mapToScene(event.position().toPoint())
        self.auto_fit = False
        self.setTransform(QTransform.fromScale(1.0, 1.0))
        self.centerOn(at)
        self.sync_detail()
        event.accept()

    def _scroll(self) -> tuple[int, int]:
        return self.horizontalScrollBar().value(), self.verticalScrollBar().value()


def _finite(rect: QRectF) -> bool:
    return all(math.isfinite(v) and abs(v) < 1e12
               for v in (rect.left(), rect.top(), rect.right(), rect.bottom()))
