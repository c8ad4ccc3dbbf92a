"""Draw the graph scene to PNG or SVG, in the window (Export) or headless (render command), and
save a screenshot (``save_png``).

SVG goes through QSvgGenerator, so every value and gradient is a <text> element.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from graphviz_nn.io import write_atomic
from ui import style

MARGIN = 24.0
PNG_SCALE = 2.0
MAX_PNG_SIDE = 8000
MAX_PNG_PIXELS = 2 ** 25          # 128 MB of ARGB: a huge graph is drawn smaller, not bigger


def scene_rect(scene) -> QRectF:
    return scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def export_scene(scene, path: str | Path) -> None:
    """Write the whole scene to ``path`` (.png or .svg); ValueError for another extension."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in (".png", ".svg"):
        raise ValueError(f"cannot export to '{path.suffix or path.name}': use .png or .svg")
    scene.clearSelection()
    rect = scene_rect(scene)
    if rect.isEmpty():
        rect = QRectF(0, 0, 200, 100)
    if ext == ".svg":
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtSvg import QSvgGenerator
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        gen = QSvgGenerator()
        gen.setOutputDevice(buf)
        gen.setSize(QSize(int(rect.width()), int(rect.height())))
        gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        gen.setTitle("graphviz-nn graph")
        gen.setDescription("values (green) above edges, gradients (red) below")
        painter = QPainter(gen)
        _render(scene, painter, rect, QRectF(0, 0, rect.width(), rect.height()))
        ok = painter.end()
        buf.close()
        if not ok or data.isEmpty():
            raise OSError(f"could not write {path}")
        write_atomic(path, bytes(data))
        return
    scale = min(PNG_SCALE, MAX_PNG_SIDE / max(rect.width(), rect.height()),
                (MAX_PNG_PIXELS / (rect.width() * rect.height())) ** 0.5)
    img = QImage(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)),
                 QImage.Format.Format_ARGB32)
    img.fill(QColor(style.BACKGROUND))
    painter = QPainter(img)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    _render(scene, painter, rect, QRectF(0, 0, img.width(), img.height()))
    painter.end()
    write_atomic(path, style.png_bytes(img))


def save_png(image, path: str | Path) -> Path:
    """Write ``image`` (a QImage, or a widget's ``grab()``) as a PNG at ``path``, atomically,
    making its folder if need be: how every screenshot script saves its pictures."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, style.png_bytes(image))
    return path


def _render(scene, painter: QPainter, source: QRectF, target: QRectF) -> None:
    # items use a device cache on screen; render them directly for files
    items = [it for it in scene.items()]
    modes = [it.cacheMode() for it in items]
    for it in items:
        it.setCacheMode(it.CacheMode.NoCache)
    try:
        painter.fillRect(target, QColor(style.BACKGROUND))
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        for it, mode in zip(items, modes, strict=True):
            it.setCacheMode(mode)
