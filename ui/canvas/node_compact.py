"""A node drawn zoomed out (at Fit on a graph of a few dozen nodes): fewer lines in bigger type,
each at least 11 px high on screen. The op symbol and the whole name, then the value, then the
gradient, as many lines as fit; a value too long for the node is summed up by its shape and a
heatmap (never cut); with two lines only, the gradient joins the value's line where it fits."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen

from ui import style
from ui.canvas.fonts import draw_text, metrics, min_scene_px
from ui.i18n import translate

NAME_PX = 14
LINE = 1.1            # line height / type size


def compact_lines(height: float, lod: float) -> tuple[int, int]:
    """(rows, px): how many lines of readable text fit in ``height`` scene units at zoom
    ``lod`` in the compact drawing, and their size in scene px (rows 0: no text fits)."""
    px = max(min_scene_px(lod), NAME_PX)
    rows = int((height - 2) // (px * LINE))
    return min(rows, 3), px


def _shape_of(value) -> str:
    import numpy as np
    return style.shape_text(np.shape(value))


class _Line:
    """Pieces of one line: (text, colour) and (image, frame colour) side by side."""

    def __init__(self, px: int) -> None:
        self.px = px
        self.parts: list[tuple[str, object, str]] = []   # kind, text or image, colour

    def text(self, text: str, colour: str) -> _Line:
        if text:
            self.parts.append(("text", text, colour))
        return self

    def image(self, img, colour: str) -> _Line:
        if img is not None:
            self.parts.append(("image", img, colour))
        return self

    def width(self) -> float:
        fm, side = metrics(self.px), self.px
        gap = self.px * 0.35
        return sum(fm.horizontalAdvance(p[1]) if p[0] == "text" else side
                   for p in self.parts) + gap * max(len(self.parts) - 1, 0)

    def paint(self, painter, rect: QRectF) -> None:
        fm, side, gap = metrics(self.px), self.px, self.px * 0.35
        x = rect.left() + (rect.width() - self.width()) / 2
        for kind, what, colour in self.parts:
            if kind == "text":
                w = fm.horizontalAdvance(what)
                painter.setPen(QColor(colour))
                draw_text(painter, QRectF(x, rect.top(), w + 1, rect.height()),
                          Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, what,
                          self.px, elide=False)
            else:
                w = side
                target = QRectF(x, rect.center().y() - side / 2, side, side)
                painter.drawImage(target, what)
                painter.setPen(QPen(QColor(colour), max(1.0, side / 14)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(target)
            x += w + gap


def _number_line(px: int, width: float, value, text: str, img, colour: str,
                 prefix: str = "") -> _Line:
    """The value (or gradient) as written, or its shape and heatmap when that does not fit."""
    line = _Line(px).text(text, colour).image(img, colour)
    if line.width() > width and value is not None:
        if img is None:
            from ui.canvas.thumbnail import heatmap_image
            img = heatmap_image(value)
        line = _Line(px).text(prefix + _shape_of(value), colour).image(img, colour)
    return line


def paint_compact(node, painter, lod: float, width: float, height: float) -> None:
    """Draw ``node`` (a NodeItem) zoomed out inside ``width`` x ``height`` scene units."""
    rows, px = compact_lines(height, lod)
    if rows == 0:
        return
    w = width - 10
    name = node.compact_name()
    if metrics(px, True).horizontalAdvance(name) > w:     # "CE loss" too wide: "loss", whole
        name = node.name
    lines = [_Line(px).text(name, style.TEXT_COLOR)]
    if node.error and node.value is None:
        lines.append(_Line(px).text(translate("Canvas", "error"), style.ERROR_COLOR))
    else:
        value = _number_line(px, w, node.value, node.value_text(), node._value_img,
                             style.VALUE_COLOR)
        grad = _number_line(px, w, node.grad, node.grad_text(), node._grad_img,
                            style.GRAD_COLOR, "∂ ") if node.grad_text() else None
        if rows >= 3 or grad is None:
            lines += [value] + ([grad] if grad is not None else [])
        else:           # one line for both: all of it, or the gradient's heatmap, or the value
            lines.append(value)
            images = [p for p in grad.parts if p[0] == "image"]
            for extra in (grad.parts, images):
                both = _Line(px)
                both.parts = value.parts + extra
                if extra and both.width() <= w:
                    lines[-1] = both
                    break
    lines = [ln for ln in lines[:rows] if ln.parts]
    h = px * LINE
    top = (height - h * len(lines)) / 2
    for i, line in enumerate(lines):
        if i == 0:
            painter.setPen(QColor(style.TEXT_COLOR))
            draw_text(painter, QRectF(5, top, w, h), Qt.AlignmentFlag.AlignCenter, name, px,
                      True)
        else:
            line.paint(painter, QRectF(5, top + i * h, w, h))
