"""Fonts used on the canvas, and the one function that draws canvas text.

Sizes are in pixels of the scene (1 scene unit = 1 screen pixel at 100% zoom), so the height of
a text on screen is its pixel size times the view's zoom. Every item draws its text through
:func:`draw_text`, which keeps text readable: :func:`min_screen_px` is the least height a text
may have on screen (11 px, times the presentation scale). Tests switch :data:`recorder` on to
see every text drawn and the height it had on screen.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ui.i18n import current_language, font_families

MIN_SCREEN_PX = 11.0     # the least height of any canvas text on screen, at presentation scale 1

_scale = 1.0             # presentation scale (1.0 to 2.0, for a projector)

# when a list: (text, height on screen in px, rectangle in device coordinates) per text drawn
recorder: list | None = None


def set_presentation_scale(factor: float) -> None:
    """Scale the least on-screen text height (and so the canvas text) by ``factor`` (1.0-2.0)."""
    global _scale
    _scale = min(max(float(factor), 1.0), 2.0)


def presentation_scale() -> float:
    return _scale


def min_screen_px() -> float:
    """The least height (px on screen) of any text the canvas draws."""
    return MIN_SCREEN_PX * _scale


def min_scene_px(lod: float) -> int:
    """The least font size in scene px for text to be readable at zoom ``lod``."""
    return math.ceil(min_screen_px() / max(lod, 1e-6) - 1e-9)


def font(px: int, bold: bool = False) -> QFont:
    """The canvas font, ``px`` scene pixels high: the families of the window's language
    (``ui.i18n.font_families``: a Hangul-capable family leads in Korean and follows the Latin
    ones in English, so names typed in Hangul render in both, on screen and in ``render``)."""
    return _font(int(px), bold, current_language())


def metrics(px: int, bold: bool = False) -> QFontMetricsF:
    return _metrics(int(px), bold, current_language())


@lru_cache(maxsize=256)
def _font(px: int, bold: bool, language: str) -> QFont:
    f = QFont()
    f.setFamilies(_families(language))
    f.setPixelSize(max(px, 1))
    f.setBold(bold)
    return f


@lru_cache(maxsize=256)
def _metrics(px: int, bold: bool, language: str) -> QFontMetricsF:
    return QFontMetricsF(_font(px, bold, language))


@lru_cache(maxsize=4)
def _families(language: str) -> list[str]:
    return font_families(language)


def fitting_px(text: str, width: float, largest: int, smallest: int, bold: bool = False) -> int:
    """The largest size from ``largest`` down to ``smallest`` at which ``text`` fits ``width``
    (``smallest`` if none does: the caller elides)."""
    px = largest
    while px > smallest and metrics(px, bold).horizontalAdvance(text) > width:
        px -= 1
    return max(px, smallest)


def wrap_words(text: str, width: float, px: int, bold: bool = False) -> list[str]:
    """``text`` broken at spaces into lines that fit ``width`` at ``px`` (a word longer than
    the width stays whole on its own line)."""
    fm = metrics(px, bold)
    lines: list[str] = []
    for word in text.split(" "):
        if lines and fm.horizontalAdvance(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def draw_text(painter, rect: QRectF, flags, text: str, px: int, bold: bool = False,
              elide: bool = True) -> None:
    """Draw ``text`` in ``rect`` with the canvas font of ``px`` scene pixels (elided to the
    width unless ``elide`` is False, e.g. for wrapped text)."""
    if not text:
        return
    painter.setFont(font(px, bold))
    if elide:
        text = metrics(px, bold).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, flags, text)
    if recorder is not None:
        t = painter.worldTransform()
        scale = math.sqrt(abs(t.determinant()))
        recorder.append((text, px * scale, t.mapRect(rect)))
