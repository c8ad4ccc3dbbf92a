"""Live training in the window: the training dock and its views.

``install(window)`` adds the dock at the bottom of a ``MainWindow`` (via ``add_panel``), routes
its messages to the status bar, and stops the trainer cleanly when the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from ui.panels.training.dock import TrainingDock

__all__ = ["TrainingDock", "install"]


class _CloseGuard(QObject):
    """Stops and joins the training thread when the window really closes.

    It waits for the Hide that an accepted close sends (synchronously, inside ``close()``), not
    for the Close event itself: another filter (the document's "save changes?") may still refuse
    the close, and then the run must go on. A minimised window's Hide is spontaneous; it is not
    a close.
    """

    def __init__(self, dock: TrainingDock, parent: QObject) -> None:
        super().__init__(parent)
        self._dock = dock

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Hide and not event.spontaneous():
            self._dock.shutdown()
        return False


def install(window) -> TrainingDock:
    """Create the training dock in ``window`` (a ``ui.app.MainWindow``) and return it."""
    from PySide6.QtWidgets import QApplication

    dock = TrainingDock(controller=getattr(window, "controller", None))
    panel = window.add_panel(dock, "Training", "bottom")
    if hasattr(window, "status"):
        dock.message.connect(window.status)
    guard = _CloseGuard(dock, window)
    window.installEventFilter(guard)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(dock.shutdown)
    window.training_dock = dock
    window.training_panel = panel
    return dock
