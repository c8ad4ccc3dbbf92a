"""Starting the app: the QApplication, the window's language, the window itself (shown before
the engine loads), then what waits for its first paint.

``main(argv)`` is what ``graphviz-nn [FILE]`` runs; ``graphviz-nn lesson NAME`` runs it with the
lesson to open after the first paint.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QApplication

from ui.app import MainWindow
from ui.explore import examples
from ui.i18n import app_settings


def launch(argv: list[str], after_first_paint=(), settings=None) -> MainWindow | None:
    """Make and show the window: a graph FILE from ``argv``, else the default example.

    The window is shown first; the example (with the engine and its imports) and every
    ``after_first_paint`` callable (``f(window)``, e.g. a panel's ``install``) run right after
    its first paint, so the window appears quickly. The file is opened by the window's
    document, as File > Open does; one that cannot be opened gives one line on stderr and
    None. ``settings``: a QSettings for the recent files (tests pass a temporary one)."""
    window = MainWindow(example=None)
    window.use_settings(settings or app_settings())
    if argv:
        errors: list[str] = []
        if not window.document.open_path(argv[0], on_error=errors.append):
            print("graphviz-nn: " + " ".join(" ".join(errors).split()), file=sys.stderr)
            window.deleteLater()
            return None
    window.show()
    QApplication.processEvents()
    if not argv:
        window.load_example(examples.DEFAULT)
    for install in after_first_paint:
        install(window)
    return window


def main(argv: list[str] | None = None,
         after_first_paint: Iterable[Callable[[MainWindow], object]] = ()) -> int:
    """Start the app; ``argv`` may hold one graph file to open. ``after_first_paint``: more
    to do with the window once it has painted (e.g. open a lesson)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("graphviz-nn")
    from ui.i18n import apply_app_font, chosen_language, install_language
    install_language(chosen_language())     # before any widget is made
    apply_app_font()
    window = launch(argv, after_first_paint=[*panel_installers(), *after_first_paint])
    if window is None:
        return 2
    window.document.start_session()         # close guard, autosave, recovery
    global LONG_LIVED
    LONG_LIVED = True                       # the app runs (set only now: a refused file, or a
    keep_long_lived()                       # test calling main, leaves the flag alone)
    return app.exec()


LONG_LIVED = False    # True in the app itself (main, selftest); tests collect on their own


def keep_long_lived() -> None:
    """What the window has made so far lives as long as it: keep it out of the cyclic
    collector's sight (``gc.freeze``), so a full collection while training looks at new objects
    only (one over the ~100,000 objects of the window and the Train workspace took ~70 ms, a
    stall a learner sees). Called after start-up and once the Train workspace is made; only in
    the app (``LONG_LIVED``), not in tests, which collect between tests on their own."""
    if LONG_LIVED:
        gc.freeze()


def panel_installers() -> list:
    """What runs right after the first paint: the trainer process starts warming up (the
    training views themselves are made when the Train workspace is first opened)."""
    from ui import train as training
    return [training.prewarm]
