"""The undo history: a ``QUndoView`` of the controller's undo stack.

Clicking a row moves the graph to that point of its history (undo or redo up to it).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QUndoView, QWidget

from ui.i18n import translate


class HistoryView(QUndoView):
    """Undo history list; the first row is the graph as it was opened or created."""

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(stack, parent)
        self.setObjectName("history")
        self.setEmptyLabel(translate("History", "<opened>"))

    def rows(self) -> list[str]:
        """The row texts, oldest first (row 0 is the empty label)."""
        model = self.model()
        return [model.index(i, 0).data() for i in range(model.rowCount())]


def install(window) -> HistoryView:
    """Add the history dock on the right of ``window``, under the inspector."""
    view = HistoryView(window.controller.undo_stack)
    window.add_panel(view, translate("History", "History"), "right", ("build",),
                     name="history")
    window.history = view
    return view
