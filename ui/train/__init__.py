"""Live training in the window: the training dock and its views.

``install(window)`` adds the dock to the Train workspace of a ``MainWindow`` (via ``add_panel``),
routes its messages to the status bar, and stops the trainer cleanly when the window closes. The
window calls it when the Train workspace is first opened; ``prewarm`` starts the trainer process
before that. Importing this package is cheap: the dock (pyqtgraph and more) is imported by
``install``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.train.controls import IDLE, RUNNING

if TYPE_CHECKING:
    from ui.train.dock import TrainingDock

__all__ = ["TrainingDock", "install", "prewarm"]


def __getattr__(name: str):
    if name == "TrainingDock":
        from ui.train.dock import TrainingDock
        return TrainingDock
    raise AttributeError(name)


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


LOCKED = QT_TRANSLATE_NOOP("TrainingDock", "Training is running on the graph on the canvas: "
                           "stop it (Stop) to edit the graph; you can still select nodes and "
                           "step through it")


ON_CANVAS = QT_TRANSLATE_NOOP("TrainingDock", "The canvas shows the model being trained: its "
                              "weights refresh every few seconds; Pause to step through it, "
                              "Stop to edit it")


def edit_lock_reason(dock: TrainingDock) -> str | None:
    """Why the canvas graph must not be edited now, or None: a run (even paused) trains it."""
    c = dock.controller
    if dock.state == IDLE or c is None:
        return None
    return translate("TrainingDock", LOCKED) if c.graph is getattr(dock.model, "graph", None) \
        else None


PREWARM_MS = 1500


def _start_trainer_process() -> None:
    from ui.train.trainer_process import trainer_process
    from ui.train.workers import blas_controller
    try:
        trainer_process()
    except OSError:
        pass          # the first Train says why and trains on a thread
    blas_controller()     # found now (~50 ms), not as the first run starts


def prewarm(_window=None) -> None:
    """Start the trainer process a moment from now, so it has loaded numpy and the engine by the
    time the learner first trains (and not while the window paints for the first time)."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(PREWARM_MS, _start_trainer_process)


def install(window) -> TrainingDock:
    """Create the training dock in ``window`` (a ``ui.app.MainWindow``) and return it (the
    one already there, when called again)."""
    from PySide6.QtWidgets import QApplication

    from ui.train.dock import TrainingDock

    if getattr(window, "training_dock", None) is not None:
        return window.training_dock
    dock = TrainingDock(controller=getattr(window, "controller", None))
    if hasattr(window, "workspaces"):          # the main window: docks of the Train workspace
        from ui.train.workspace import add_docks
        panel = add_docks(window, dock)
    else:
        panel = window.add_panel(dock, translate("TrainingDock", "Training"), "bottom",
                                 workspaces=("train",), name="training")
    if hasattr(window, "status"):
        dock.message.connect(window.status)
    dock.feedback.connect(window)
    if hasattr(window, "scene"):         # a unit clicked in the network diagram
        from ui.train.network_panel import select_unit
        dock.network.unit_clicked.connect(
            lambda layer, unit: select_unit(window, dock, layer, unit))
    guard = _CloseGuard(dock, window)
    window.installEventFilter(guard)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(dock.shutdown)
    controller = getattr(window, "controller", None)
    if controller is not None:
        controller.edit_guard = lambda: edit_lock_reason(dock)
        controller.edit_unlock = (translate("TrainingDock", "Stop training"), dock.stop)
        if hasattr(window, "clear_notice"):     # "Training is running: ..." is over
            dock.state_changed.connect(
                lambda state: window.clear_notice("edit") if state == IDLE else None)
        history = getattr(window, "history", None)
        if history is not None:      # clicking a history row would undo past the guard
            def lock_history(*_args) -> None:
                history.setEnabled(edit_lock_reason(dock) is None)

            dock.state_changed.connect(lock_history)
            controller.changed.connect(lock_history)
        if hasattr(window, "status"):
            def announce_model(kind: str) -> None:   # the canvas now shows the model trained
                if kind == "graph" and dock.state == RUNNING and edit_lock_reason(dock):
                    window.status(translate("TrainingDock", ON_CANVAS))

            controller.changed.connect(announce_model)
    document = getattr(window, "document", None)
    if document is not None and getattr(document, "session_started", False):
        document.watch_training(dock)   # the session began before the Train workspace opened
    window.training_dock = dock
    window.training_panel = panel
    if getattr(window, "opened_model", None) is not None:     # a .keras file opened before
        dock.model_form.set_opened_model(window.opened_model, window.opened_model_name)
    from ui.start import keep_long_lived
    keep_long_lived()             # the dock's many objects live as long as the window
    return dock
