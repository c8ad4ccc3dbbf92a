"""Fonts used on the canvas, made once (after the QApplication exists)."""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtGui import QFont, QFontMetricsF


@cache
def font(size: float = 9.0, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(["DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica", "Arial", "sans-serif"])
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


@cache
def metrics(size: float = 9.0, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(size, bold))


@lru_cache(maxsize=64)
def pixel_font(px: int, bold: bool = False) -> QFont:
    """A font ``px`` scene units high (used when zoomed out, so text stays readable)."""
    f = QFont(font(9.0, bold))
    f.setPixelSize(max(int(px), 1))
    return f


@lru_cache(maxsize=64)
def pixel_metrics(px: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(pixel_font(px, bold))
