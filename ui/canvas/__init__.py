"""The graph canvas: QGraphicsScene items that paint and emit intent, a scene and a view."""
