"""Where the Explore and Build docks start (and go back to with View > Reset layout), sized from
the window so the canvas keeps most of it: at least 60% in Explore at 1440×900, at least half in
every workspace at 1280×720. (Train's arrangement is in ui/train/workspace.py.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QStyle, QTreeWidget

from ui.workspaces import BUILD, EXPLORE

H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
TALL = 900          # from this window height on, Explore's extra docks go below the inspector


def _clamp(x: float, lo: int, hi: int) -> int:
    return int(min(max(x, lo), hi))


def grown(window_width: int, base: int, share: float, most: int) -> int:
    """A side panel's width: ``base`` up to a 1440-pixel window (so a window made smaller, down
    to a 1280-pixel projector, still leaves the canvas its half), then ``share`` of each pixel
    more, up to ``most``."""
    return int(min(base + share * max(0, window_width - 1440), most))


def palette_width(palette) -> int:
    """Wide enough for the longest op label ("softmax_cross_entropy  (CE)") in the font used."""
    tree = palette.findChild(QTreeWidget)
    if tree is None:
        return 220
    if hasattr(palette, "ensure_filled"):
        palette.ensure_filled()
    scrollbar = tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    margins = palette.layout().contentsMargins() if palette.layout() is not None else None
    sides = margins.left() + margins.right() if margins is not None else 0
    # sizeHintForColumn already counts the rows' indentation
    return tree.sizeHintForColumn(0) + 2 * tree.frameWidth() + scrollbar + sides + 4


def install(window) -> None:
    """Set the default arrangements of Explore and Build on ``window``."""
    def dock(name: str) -> QDockWidget | None:
        return window.findChild(QDockWidget, f"dock_{name}")

    def explore() -> None:
        inspector = dock("inspector")
        if inspector is None:
            return
        window.resizeDocks([inspector], [grown(window.width(), 360, 0.3, 520)], H)
        # other docks beside the inspector (e.g. the code view): tabs behind it on a short
        # window, so the chain rule keeps its height; below it on a tall one
        others = [d for d in window.workspaces.docks(EXPLORE)
                  if d is not inspector and not d.isHidden()
                  and window.dockWidgetArea(d) == window.dockWidgetArea(inspector)]
        if not others:
            return
        if window.height() < TALL:
            for other in others:
                window.tabifyDockWidget(inspector, other)
            inspector.raise_()
        else:
            h = max(window.centralWidget().height(), 400)
            share = int(h * 0.4 / len(others))
            window.resizeDocks([inspector, *others], [int(h * 0.6)] + [share] * len(others), V)

    def build() -> None:
        inspector, palette, history = dock("inspector"), dock("palette"), dock("history")
        if palette is not None:
            window.resizeDocks([palette], [_clamp(palette_width(palette.widget()), 180, 280)], H)
        if inspector is not None:
            window.resizeDocks([inspector], [grown(window.width(), 300, 0.25, 480)], H)
            if history is not None:
                h = max(window.centralWidget().height(), 400)
                window.resizeDocks([inspector, history], [int(h * 0.7), int(h * 0.3)], V)

    window.workspaces.set_arranger(EXPLORE, explore)
    window.workspaces.set_arranger(BUILD, build)
