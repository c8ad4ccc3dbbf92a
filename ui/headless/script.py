"""How the screenshot scripts run from the command line: offscreen when there is no display,
the paths they wrote printed one a line, and a failure said in one line on stderr (exit 1),
never as a traceback."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable


def run(make: Callable[[], Iterable], what: str = "screenshot") -> int:
    """Call ``make()`` (the paths it wrote) and print them; 0, or 1 after one stderr line."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        paths = list(make())
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        print(f"{what} failed: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


def window_in(language: str, size: tuple[int, int]):
    """``(app, window)``: the main window on an empty graph, offscreen, in ``language`` (set
    before any widget is made, as the app does), with settings of its own (the learner's are
    left alone) and never a question about unsaved changes; shown at ``size``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from ui.i18n import apply_app_font, install_language

    install_language(language)
    apply_app_font()
    from ui.app import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="gnn-shot-"))
    window = MainWindow(example=None)
    window.document.use(settings=QSettings(str(folder / "settings.ini"),
                                           QSettings.Format.IniFormat))
    window.document.ask_save_changes = lambda: "discard"
    window.resize(*size)
    window.show()
    app.processEvents()
    return app, window
