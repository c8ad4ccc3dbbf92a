"""The graph view: wheel zoom under the mouse, pan by dragging the background, Fit."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView

MIN_SCALE = 0.05
MAX_SCALE = 4.0
FIT_MAX_SCALE = 1.5


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
        # After Fit, the graph stays fitted while the window is resized (the first show, a
        # docked panel opening) until the user zooms or pans by hand.
        self.auto_fit = True

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False
        new = min(max(self.zoom() * factor, MIN_SCALE), MAX_SCALE)
        f = new / self.zoom()
        if f != 1.0:
            self.scale(f, f)

    def fit(self) -> None:
        """Show the whole graph, not larger than a comfortable reading size."""
        self.auto_fit = True
        rect = self.scene().itemsBoundingRect()
        if rect.isEmpty():
            return
        rect = rect.adjusted(-30, -30, 30, 30)
        self.setSceneRect(rect.united(QRectF(rect.center().x() - 2, rect.center().y() - 2, 4, 4)))
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > FIT_MAX_SCALE:
            f = FIT_MAX_SCALE / self.zoom()
            self.scale(f, f)
        elif self.zoom() < MIN_SCALE:
            f = MIN_SCALE / self.zoom()
            self.scale(f, f)
        self.centerOn(rect.center())
        # let the user pan beyond the graph afterwards
        self.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))

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

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.itemAt(event.position().toPoint()) is None:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            else:
                self.auto_fit = False
                self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
