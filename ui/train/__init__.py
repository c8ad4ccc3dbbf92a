"""Live training in the window: the training dock and its views.

``install(window)`` adds the dock at the bottom of a ``MainWindow`` (via ``add_panel``), routes
its messages to the status bar, and stops the trainer cleanly when the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from ui.train.controls import IDLE
from ui.train.dock import TrainingDock

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


LOCKED = ("Training is running on the graph on the canvas: stop it (Stop) to edit the graph; "
          "you can still select nodes and step through it")


ON_CANVAS = ("The canvas shows the model being trained: its weights refresh every few seconds; "
             "Pause to step through it, Stop to edit it")


def edit_lock_reason(dock: TrainingDock) -> str | None:
    """Why the canvas graph must not be edited now, or None: a run (even paused) trains it."""
    c = dock.controller
    if dock.state == IDLE or c is None:
        return None
    return LOCKED if c.graph is getattr(dock.model, "graph", None) else None


PREWARM_MS = 1500


def _start_trainer_process() -> None:
    from ui.train.trainer_process import trainer_process
    try:
        trainer_process()
    except OSError:
        pass          # the first Train says why and trains on a thread


def install(window) -> TrainingDock:
    """Create the training dock in ``window`` (a ``ui.app.MainWindow``) and return it."""
    from PySide6.QtCore import QTimer
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
    controller = getattr(window, "controller", None)
    if controller is not None:
        controller.edit_guard = lambda: edit_lock_reason(dock)
        history = getattr(window, "history", None)
        if history is not None:      # clicking a history row would undo past the guard
            def lock_history(*_args) -> None:
                history.setEnabled(edit_lock_reason(dock) is None)

            dock.state_changed.connect(lock_history)
            controller.changed.connect(lock_history)
        if hasattr(window, "status"):
            def announce_model(kind: str) -> None:   # the canvas now shows the model trained
                if kind == "graph" and edit_lock_reason(dock) is not None:
                    window.status(ON_CANVAS)

            controller.changed.connect(announce_model)
    # the trainer process loads numpy while the learner looks around, not when Train is clicked
    QTimer.singleShot(PREWARM_MS, _start_trainer_process)
    window.training_dock = dock
    window.training_panel = panel
    return dock
