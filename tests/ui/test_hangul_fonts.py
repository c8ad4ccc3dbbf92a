"""Hangul renders: the canvas font (window and ``render``) finds a glyph for every Hangul
syllable of a node name, in Korean and in English, and the picture of a Hangul name is not the
picture of missing glyphs (tofu boxes)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QTextLayout

from ui import i18n
from ui.canvas import fonts

NAME = "가중치"                    # "weight", as a learner may name a node
MISSING = "\u0378\u0379\u0378"    # unassigned code points: no font has a glyph for them


def _korean_installed() -> str:
    installed = [f for f in i18n.KOREAN_FAMILIES if f in set(QFontDatabase.families())]
    if not installed:
        pytest.skip("no Hangul-capable font installed (e.g. Debian's fonts-noto-cjk)")
    return installed[0]


def _glyphs(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """(family, glyph indexes) of each run Qt lays ``text`` out in with ``font``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def _picture(text: str, font: QFont) -> QImage:
    img = QImage(120, 30, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setFont(font)
    p.setPen(QColor("black"))
    p.drawText(QRectF(0, 0, 120, 30), Qt.AlignmentFlag.AlignLeft, text)
    p.end()
    return img


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_canvas_font_has_a_glyph_for_every_hangul_syllable(qapp, language, monkeypatch):
    family = _korean_installed()
    monkeypatch.setattr(fonts, "current_language", lambda: language)
    font = fonts.font(14)
    assert (font.families()[0] == family) == (language == "ko")
    runs = _glyphs(NAME, font)
    assert runs and all(0 not in glyphs for _, glyphs in runs), runs
    assert {f for f, _ in runs} <= set(i18n.KOREAN_FAMILIES) | {family}, runs
    # and a node's name drawn through the canvas is a picture of letters, not of tofu boxes
    assert _picture(NAME, font) != _picture(MISSING, font)


def test_the_check_sees_tofu_in_a_font_without_hangul(qapp):
    """What the test above relies on: a Latin font without fallback has no Hangul glyphs, and
    its Hangul looks like any other missing glyph."""
    latin = QFont("DejaVu Sans")
    latin.setPixelSize(14)
    latin.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    assert any(0 in glyphs for _, glyphs in _glyphs(NAME, latin))
    assert _picture(NAME, latin) == _picture(MISSING, latin)


def test_render_writes_a_hangul_node_name(tmp_path):
    """``graphviz-nn render`` (English, no translations loaded) draws a Hangul name in its SVG
    as text and its PNG through the same fonts."""
    _korean_installed()
    import graphviz_nn as gnn

    g = gnn.Graph()
    w = g.input(NAME, 2.0)
    g.mul(w, g.input("x", 3.0), name="출력")
    path = tmp_path / "g.json"
    g.save(path)
    for out in ("view.svg", "view.png"):
        done = subprocess.run([sys.executable, "-m", "graphviz_nn", "render", str(path),
                               "--out", str(tmp_path / out), "--forward"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    svg = (tmp_path / "view.svg").read_text(encoding="utf-8")
    assert NAME in svg and "출력" in svg
    assert QImage(str(tmp_path / "view.png")).width() > 0

