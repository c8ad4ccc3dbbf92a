"""The network diagram of the Train workspace (TensorFlow Playground's middle column).

Every input feature, hidden unit and output unit is a small square heatmap of what it computes
over the input plane; the edges between units are drawn blue (positive weight) or orange
(negative), as wide as the weight is large. Hovering an edge tells its weight and the gradient
of the last training step; hovering a unit shows its map large; clicking a unit emits
``unit_clicked`` (the Train workspace selects its layer on the canvas).

``show_weights(weights, grads)`` is the one way pictures change: the live refresh while
training and any later "show the model at step k" both call it with a weight list.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.i18n import translate
from ui.train import net_edges
from ui.train.net_edge_image import EdgeImage
from ui.train.net_layout import Layout, layout
from ui.train.net_popup import UnitPopup
from ui.train.unit_maps import MAP_GRID, diverging, probability, to_image_rows, unit_values

EMPTY = QColor(236, 236, 236)      # a unit without a map (no weights yet, or not 2-D data)
BORDER = QColor(150, 150, 150)
HOVER = QColor(40, 40, 40)
SELECTED = QColor(204, 0, 102)
SMOOTH_EDGES = 600                 # more edges than this are drawn without antialiasing


@dataclass
class NetSpec:
    """What the diagram draws: layer sizes (inputs first), each Dense layer's activation, the
    input plane's bounds (None: not 2-D data, no maps), the input features' names, and for a
    classifier the class colours of its output units (RGB 0-255, one row per class)."""

    sizes: list[int]
    activations: list[str]
    bounds: tuple[float, float, float, float] | None = None
    features: list[str] = field(default_factory=lambda: ["x1", "x2"])
    class_colors: np.ndarray | None = None

    @property
    def classifier(self) -> bool:
        return self.class_colors is not None


class NetworkView(QWidget):
    """Units as heatmaps, weights as edges; hover for numbers, click to select."""

    unit_clicked = Signal(int, int)      # layer (0: the inputs), unit (from 0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 140)
        self.spec: NetSpec | None = None
        self.note = ""                  # why there is no network to draw, said in its place
        self.weights: list[np.ndarray] | None = None
        self.grads: list[np.ndarray] | None = None
        self.values: list[np.ndarray] | None = None     # per layer (units, n, n), last drawn
        self.scales: list[np.ndarray] = []              # per layer: each unit's colour scale
        self.layout: Layout | None = None
        self.selected: tuple[int, int] | None = None
        self.hovered: tuple[int, int] | None = None
        self.hover_text = ""                            # what the last hover said
        self.refreshes = 0                              # show_weights calls that drew maps
        self.paint_seconds = 0.0                        # CPU time of all paints (refresh.py)
        self._rows: np.ndarray | None = None            # keeps the image's pixels alive
        self._image: QImage | None = None
        self._shown: QImage | None = None               # the maps at their drawn size
        self._shown_rows: np.ndarray | None = None
        self._offsets: list[int] = []                   # each layer's first unit in the strip
        self._edges: net_edges.Edges | None = None
        self._edge_image = EdgeImage(self.update, self)
        self.popup = UnitPopup(self)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, 300)

    # the model and its weights ----------------------------------------------------------------
    def set_model(self, spec: NetSpec | None, note: str = "") -> None:
        """Draw this network (no weights yet: plain squares until ``show_weights``); with no
        network, ``note`` says why in its place."""
        self.spec = spec
        self.note = note if spec is None else ""
        self.weights = self.grads = self.values = self._image = self._rows = None
        self._shown = self._shown_rows = None
        self.scales = []
        self.selected = self.hovered = None
        self.popup.hide()
        self._relayout(new_model=True)
        self.update()

    def show_weights(self, weights, grads=None, live: bool = False) -> None:
        """Draw the network with these weights ``[W1, b1, W2, b2, ...]`` (and, if known, the
        gradients of the step they came from, in the same order); ``live``: from a running
        model, whose next weights come soon (the edges may wait up to half a second)."""
        spec = self.spec
        if spec is None or weights is None or len(weights) != 2 * len(spec.activations):
            return
        self.weights = [np.asarray(w) for w in weights]
        self.grads = None if grads is None or len(grads) != len(weights) else list(grads)
        if spec.bounds is not None:
            self._draw_maps()
        if self._edges is not None:
            self._edges.set_weights(self.weights)
        self._edge_image.invalidate(live)
        if self.popup.isVisible() and self.hovered is not None:
            self._show_popup(*self.hovered)
        self.update()

    def _draw_maps(self) -> None:
        spec = self.spec
        values = unit_values(self.weights, spec.activations, spec.bounds, MAP_GRID,
                             spec.features)
        last = values[-1] if spec.classifier else None
        every = np.concatenate(values if last is None else values[:-1])
        pixels, mag = diverging(every)             # one pass over all units with a scale
        parts = [pixels]
        if last is not None:
            parts.append(probability(last, _colors(spec.class_colors, len(last))))
            mag = np.concatenate([mag, np.ones(len(last), mag.dtype)])
        sizes = [len(v) for v in values]
        self._offsets = [int(o) for o in np.cumsum([0] + sizes[:-1])]
        self.values = values
        self.scales = [mag[o:o + s] for o, s in zip(self._offsets, sizes, strict=True)]
        self._rows = to_image_rows(np.concatenate(parts) if len(parts) > 1 else pixels)
        h, w = self._rows.shape
        self._image = QImage(self._rows.data, w, h, 4 * w, QImage.Format.Format_RGB32)
        self._scale_for_screen()
        self.refreshes += 1

    def _scale_for_screen(self) -> None:
        """The maps at the size they are drawn (nearest pixel): painting then copies pixels
        instead of scaling 50×50 images, several times cheaper each refresh."""
        if self._rows is None or self.layout is None:
            self._shown = self._shown_rows = None
            return
        n, side = MAP_GRID, max(1, round(self.layout.side))
        pick = (np.arange(side) * n) // side
        units = self._rows.shape[1] // n
        rows = self._rows.reshape(n, units, n)[pick][:, :, pick]
        self._shown_rows = np.ascontiguousarray(rows.reshape(side, units * side))
        self._shown = QImage(self._shown_rows.data, units * side, side, 4 * units * side,
                             QImage.Format.Format_RGB32)

    # geometry -----------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._relayout()
        super().resizeEvent(event)

    def _relayout(self, new_model: bool = False) -> None:
        if self.spec is None:
            self.layout, self._edges = None, None
            return
        self.layout = layout(self.spec.sizes, self.width(), self.height())
        self._edges = net_edges.Edges(self.layout)
        # a new model's edges may come a few ms after its units (drawn in slices, as a run
        # starts); the same model at a new size is drawn whole at once
        self._edge_image.invalidate(blank=new_model)
        self._scale_for_screen()
        if self.weights is not None:
            self._edges.set_weights(self.weights)

    def unit_rect(self, layer: int, unit: int) -> QRectF:
        """Where unit ``unit`` of ``layer`` is drawn (widget pixels)."""
        return QRectF(*self.layout.units[layer][unit])

    def unit_at(self, pos: QPointF) -> tuple[int, int] | None:
        """(layer, unit) under ``pos``, or None."""
        if self.layout is None:
            return None
        for i, rects in enumerate(self.layout.units):
            for k, r in enumerate(rects):
                if QRectF(*r).adjusted(-1, -1, 1, 1).contains(pos):
                    return i, k
        return None

    def edge_at(self, pos: QPointF) -> tuple[int, int, int] | None:
        """(layer, from unit, to unit) of the edge nearest ``pos`` within a few pixels: the
        weight ``W{layer}[from, to]`` (layer from 1)."""
        if self._edges is None or self.weights is None:
            return None
        return self._edges.at(pos.x(), pos.y())

    # text ---------------------------------------------------------------------------------------
    def layer_title(self, layer: int) -> str:
        spec = self.spec
        if layer == 0:
            return translate("NetworkView", "Inputs")
        act = spec.activations[layer - 1]
        if layer == len(spec.sizes) - 1:
            return translate("NetworkView", "Output ({act})").format(act=act)
        return translate("NetworkView", "{n} {act}").format(n=spec.sizes[layer], act=act)

    def unit_name(self, layer: int, unit: int) -> str:
        spec = self.spec
        if layer == 0:
            if spec.bounds is not None and unit < len(spec.features):
                return translate("NetworkView", "input {name}").format(name=spec.features[unit])
            return translate("NetworkView", "input {k}").format(k=unit + 1)
        if layer == len(spec.sizes) - 1:
            return translate("NetworkView", "output unit {k}").format(k=unit + 1)
        return translate("NetworkView", "unit {k} of layer {layer}").format(k=unit + 1,
                                                                          layer=layer)

    def edge_text(self, layer: int, a: int, b: int) -> str:
        """What hovering the edge ``W{layer}[a, b]`` says."""
        w = float(self.weights[2 * (layer - 1)][a, b])
        text = translate("NetworkView", "W{layer}[{a}, {b}]: {src} → {dst}\nweight {w:.4g}").format(
            layer=layer, a=a, b=b, src=self.unit_name(layer - 1, a),
            dst=self.unit_name(layer, b), w=w)
        if self.grads is not None:
            g = float(self.grads[2 * (layer - 1)][a, b])
            text += "\n" + translate("NetworkView", "gradient ∂L/∂w {g:.4g} (last step)").format(g=g)
        else:
            text += "\n" + translate("NetworkView", "gradient: not known yet (no step trained)")
        return text

    def unit_text(self, layer: int, unit: int) -> str:
        """What hovering a unit says under its large map."""
        spec = self.spec
        lines = [self.unit_name(layer, unit)]
        if layer > 0:
            lines[0] += f" ({spec.activations[layer - 1]})"
            if self.weights is not None:
                b = float(self.weights[2 * layer - 1][unit])
                lines.append(translate("NetworkView", "bias b{layer}[{k}] = {b:.4g}").format(
                    layer=layer, k=unit, b=b))
        if self.values is not None:
            v = self.values[layer][unit]
            fin = v[np.isfinite(v)]
            lo, hi = (float(fin.min()), float(fin.max())) if fin.size else (np.nan, np.nan)
            lines.append(translate("NetworkView", "on this plane: {lo:.3g} to {hi:.3g}").format(
                lo=lo, hi=hi))
            if layer == len(spec.sizes) - 1 and spec.classifier:
                lines.append(translate("NetworkView", "white 0, class colour 1 (probability)"))
            else:
                m = float(self.scales[layer][unit])
                lines.append(translate("NetworkView", "orange −{m:.3g}, white 0, blue +{m:.3g}")
                             .format(m=m))
        elif spec.bounds is None:
            lines.append(translate("NetworkView", "maps are drawn for 2-D data sets"))
        return "\n".join(lines)

    # events -------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        pos = event.position()
        unit = self.unit_at(pos)
        if unit is not None:
            QToolTip.hideText()
            if unit != self.hovered or not self.popup.isVisible():
                self.hovered = unit
                self._show_popup(*unit)
                self.update()
            return
        if self.hovered is not None:
            self.hovered = None
            self.popup.hide()
            self.update()
        edge = self.edge_at(pos)
        if edge is not None:
            self.hover_text = self.edge_text(*edge)
            QToolTip.showText(event.globalPosition().toPoint(), self.hover_text, self)
        else:
            self.hover_text = ""
            QToolTip.hideText()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.hovered = None
        self.popup.hide()
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        unit = self.unit_at(event.position())
        if unit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.selected = unit
            self.update()
            self.unit_clicked.emit(*unit)
            return
        super().mousePressEvent(event)

    def _show_popup(self, layer: int, unit: int) -> None:
        self.hover_text = self.unit_text(layer, unit)
        image = None
        if self._image is not None:
            n = MAP_GRID
            image = self._image.copy((self._offsets[layer] + unit) * n, 0, n, n)
        r = self.unit_rect(layer, unit)
        self.popup.show_unit(image, self.hover_text, self.mapToGlobal(r.topRight().toPoint()),
                             self.mapToGlobal(r.topLeft().toPoint()))

    # painting -----------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        t0 = time.thread_time()
        p = QPainter(self)
        edges = self._edges
        if self.layout is not None and edges is not None and edges.count and \
                self.weights is not None:
            edges.set_background(self.palette().base().color())
            # smooth lines cost twice as much: where there are very many, they blur together
            p.drawImage(0, 0, self._edge_image.image_for(
                self.size(), self.devicePixelRatioF(), self.palette().base().color(), edges,
                smooth=edges.count <= SMOOTH_EDGES))
        else:
            p.fillRect(self.rect(), self.palette().base())
        if self.layout is not None:
            self._paint_units(p)
            self._paint_titles(p)
        elif self.note:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(QRectF(self.rect()).adjusted(24, 24, -24, -24),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.note)
        p.end()
        self.paint_seconds += time.thread_time() - t0

    def _paint_units(self, p: QPainter) -> None:
        lay, img = self.layout, self._shown
        side = img.height() if img is not None else 0
        p.setPen(QPen(BORDER, 1))
        for i, rects in enumerate(lay.units):
            for k, r in enumerate(rects):
                rect = QRectF(*r)
                if img is not None:
                    p.drawImage(rect.topLeft(), img,
                                QRectF((self._offsets[i] + k) * side, 0, side, side))
                else:
                    p.fillRect(rect, EMPTY)
                p.drawRect(rect)
        for i, r in lay.blocks.items():
            rect = QRectF(*r)
            p.fillRect(rect, EMPTY)
            p.drawRect(rect)
            p.save()
            p.translate(rect.center())
            if rect.height() > rect.width():
                p.rotate(-90)
            p.drawText(QRectF(-rect.height(), -rect.width(), 2 * rect.height(), 2 * rect.width()),
                       Qt.AlignmentFlag.AlignCenter,
                       translate("NetworkView", "{n} units").format(n=self.spec.sizes[i]))
            p.restore()
        for mark, color, width in ((self.selected, SELECTED, 3), (self.hovered, HOVER, 2)):
            if mark is not None and mark[0] < len(lay.units) and mark[1] < len(lay.units[mark[0]]):
                p.setPen(QPen(color, width))
                p.drawRect(self.unit_rect(*mark).adjusted(-1, -1, 1, 1))

    def _paint_titles(self, p: QPainter) -> None:
        font = QFont(self.font())
        font.setPixelSize(11)
        p.setFont(font)
        p.setPen(self.palette().text().color())
        metrics = p.fontMetrics()
        backdrop = QColor(self.palette().base().color())
        backdrop.setAlpha(220)
        for i, r in enumerate(self.layout.titles):
            rect = QRectF(*r)
            text = metrics.elidedText(self.layer_title(i), Qt.TextElideMode.ElideRight,
                                      int(rect.width()) - 2)
            box = QRectF(metrics.boundingRect(text)).adjusted(-3, 0, 3, 0)
            box.moveCenter(rect.center())
            p.fillRect(box, backdrop)          # readable over the edges it crosses
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _colors(colors: np.ndarray, k: int) -> np.ndarray:
    """``k`` class colours: the classifier's own, or for a single sigmoid unit the colour of
    class 1."""
    colors = np.asarray(colors, np.float32)
    if k == 1 and len(colors) > 1:
        return colors[1:2]
    return colors[np.arange(k) % len(colors)]
