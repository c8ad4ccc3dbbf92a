"""How the window tests make their windows (imported by the test modules; the fixtures that
need no arguments are in conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def make_window(qtbot, tmp_path, name: str = "w", example: str | None = None):
    """A shown window on ``example`` (None: an empty graph) whose settings and recovery files
    live in ``tmp_path``; closing it at teardown never asks about unsaved changes."""
    from ui.app import MainWindow

    w = MainWindow(example=example)
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    w.document.use(recovery_dir=tmp_path / "recovery", settings=settings)
    w.document.ask_save_changes = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def texts_on_screen(view) -> list[tuple[str, float, object]]:
    """Every text the canvas ``view`` paints into its viewport: (text, height on screen, rect).
    No cached pictures: every item paints again, in view coordinates."""
    from PySide6.QtWidgets import QGraphicsItem

    from ui.canvas import fonts

    items = view.scene().items()
    modes = [item.cacheMode() for item in items]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    fonts.recorder = []
    try:
        view.viewport().grab()
        return fonts.recorder
    finally:
        fonts.recorder = None
        for item, mode in zip(items, modes, strict=True):
            item.setCacheMode(mode)
