"""Fonts used on the canvas, made once (after the QApplication exists)."""

from __future__ import annotations

from functools import cache

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
