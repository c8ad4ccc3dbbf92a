"""Presentation mode, for a classroom projector: every text, the canvas and the plots scale
together, from 1.0× to 2.0× (View > Presentation; Ctrl+= and Ctrl+− in steps of 0.25). The scale
is kept in the settings.

Widgets follow the application font (scaled from the size it had when the window was made), and
so do the plots' axes; the plots' titles and legends, which carry a size of their own, are
scaled here; the canvas scales through ``GraphView.set_presentation_scale``. (Lines and markers
that pyqtgraph draws at a fixed pixel size keep it.) pyqtgraph is never imported here: plots are
found by what they are.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QGraphicsView, QTabBar, QWidget

from ui.i18n import translate

LOWEST, HIGHEST, STEP = 1.0, 2.0, 0.25
DEFAULT_PRESENTATION = 1.5        # what View > Presentation turns on first
SETTINGS_KEY = "presentation/scale"
BASE_SIZE_PROPERTY = "presentation_base_points"
SIZE_RESOLVED = 0x2       # QFont::SizeResolved (PySide6 does not export ResolveProperties)


def clamp(factor: float) -> float:
    return min(max(round(float(factor) / STEP) * STEP, LOWEST), HIGHEST)


def _is_plot(view: QGraphicsView) -> bool:
    """A pyqtgraph GraphicsView (PlotWidget, GraphicsLayoutWidget, ...)."""
    return hasattr(view, "autoPixelRange") and hasattr(view, "sigDeviceTransformChanged")


_SIZE = re.compile(r"^\s*([0-9.]+)\s*(pt|px)\s*$")


def _scale_labels(view: QGraphicsView, factor: float) -> None:
    """Titles and legend entries (pyqtgraph LabelItems) carry their own size ("9pt"): scale it
    from the size they had first."""
    if view.scene() is None:
        return
    for item in view.scene().items():
        opts = getattr(item, "opts", None)
        if not (isinstance(opts, dict) and isinstance(getattr(item, "text", None), str)
                and hasattr(item, "setText") and hasattr(item, "item")):
            continue
        base = getattr(item, "_presentation_base", None)
        if base is None:
            base = opts.get("size")
            if not isinstance(base, str) or not _SIZE.match(base):
                continue
            item._presentation_base = base
        number, unit = _SIZE.match(base).groups()
        size = f"{float(number) * factor:g}{unit}"
        if opts.get("size") != size:
            item.setText(item.text, size=size)


_BASE: list[QFont] = []


def _base_font() -> QFont:
    """The application font before any scaling: taken once, when the first window is made (a
    second window must not take an already scaled font for its 1.0)."""
    if not _BASE:
        _BASE.append(QFont(QGuiApplication.font()))
    return _BASE[0]


class Presentation(QObject):
    """The presentation scale of one window."""

    changed = Signal(float)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.scale = 1.0
        self.last_on = DEFAULT_PRESENTATION
        base = _base_font()
        self._base_points = base.pointSizeF()
        self._base_pixels = base.pixelSize()
        self.settings: QSettings | None = None

    @property
    def on(self) -> bool:
        return self.scale > 1.0

    def set_scale(self, factor: float) -> None:
        """Scale text, canvas and plots by ``factor`` (kept within 1.0 to 2.0, in steps of
        0.25)."""
        factor = clamp(factor)
        self.scale = factor
        if factor > 1.0:
            self.last_on = factor
        self._apply_font(factor)
        canvas = getattr(self.window, "canvas", None)
        if canvas is not None and hasattr(canvas, "set_presentation_scale"):
            canvas.set_presentation_scale(factor)
        self.scale_plots()
        if self.settings is not None:
            self.settings.setValue(SETTINGS_KEY, factor)
        self.changed.emit(factor)

    def toggle(self) -> None:
        """View > Presentation: on at the last presentation scale, or back to 1.0."""
        self.set_scale(1.0 if self.on else self.last_on)

    def larger(self) -> None:
        self.set_scale(self.scale + STEP)

    def smaller(self) -> None:
        self.set_scale(self.scale - STEP)

    def describe(self) -> str:
        return translate("Presentation", "Presentation scale {percent}%").format(
            percent=int(round(self.scale * 100)))

    def _apply_font(self, factor: float) -> None:
        font = QFont(QGuiApplication.font())
        if self._base_pixels > 0:
            font.setPixelSize(max(1, int(round(self._base_pixels * factor))))
        else:
            font.setPointSizeF(self._base_points * factor)
        QGuiApplication.setFont(font)
        for widget in self.window.findChildren(QWidget):
            own = widget.font()
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and \
                    own.resolveMask() & SIZE_RESOLVED:
                # a size of its own (e.g. the code view's fixed-width font): scaled from it
                base = widget.property(BASE_SIZE_PROPERTY)
                if base is None:
                    base = own.pointSizeF()
                    widget.setProperty(BASE_SIZE_PROPERTY, base)
                if base > 0 and own.pointSizeF() != base * factor:
                    own.setPointSizeF(base * factor)
                    widget.setFont(own)
            elif widget.styleSheet():
                # a widget with a style sheet took its font when polished and keeps it
                widget.setStyleSheet(widget.styleSheet())
        # the tab bars of tabbed docks belong to the window's layout, which keeps their old
        # height until it is laid out again
        for bar in self.window.findChildren(QTabBar):
            bar.updateGeometry()
        layout = self.window.layout()
        if layout is not None:
            layout.invalidate()

    def scale_plots(self) -> None:
        """Give the titles and legends of every plot in the window the current scale (plots
        made later, such as the Train workspace's, get it when this is called again; axes
        follow the application font by themselves)."""
        for view in self.window.findChildren(QGraphicsView):
            if _is_plot(view):
                _scale_labels(view, self.scale)

    def use_settings(self, settings: QSettings) -> None:
        """Keep the scale in ``settings``, and take the one kept there by an earlier run."""
        self.settings = settings
        try:
            kept = float(settings.value(SETTINGS_KEY, 1.0))
        except (TypeError, ValueError):
            kept = 1.0
        if not math.isfinite(kept):       # a hand-edited settings file
            kept = 1.0
        if kept != self.scale:
            self.set_scale(kept)
