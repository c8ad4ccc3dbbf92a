"""The expression bar's line: it shows the expression of the graph on the canvas
(``expression_of``), or nothing when no expression describes it, whatever changed the graph
(an edit, a file, an example, Build MLP, an undo). What the learner types is a draft: Enter
builds it (the window's ``apply_expression``), Escape or leaving the bar gives back the graph's
expression, and a change of the graph meanwhile does not overwrite it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit

from ui.i18n import translate


class ExpressionBar(QLineEdit):
    """A line that always shows its graph's expression, except while the learner types."""

    draft_dropped = Signal()        # an unbuilt draft was replaced by the graph's expression

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(translate(
            "ExpressionBar", "type an expression, e.g. f = (x + y) * z  "
            "or  out = sigmoid(w0*x0 + w1*x1 + w2)"))
        self.graph_text = ""

    def is_draft(self) -> bool:
        """The learner has typed here since the bar last showed the graph's expression."""
        return self.isModified() and self.text() != self.graph_text

    def show_graph(self, graph) -> None:
        """The graph changed: show its expression (unless the learner is typing a draft)."""
        from ui.explore.expression import expression_of  # the engine: not before the first paint
        self.graph_text = expression_of(graph) or ""
        typing = self.window().focusWidget() is self
        if not (typing and self.is_draft()):
            self._show(self.graph_text)

    def accept_draft(self) -> None:
        """The draft is being built: the graph's expression replaces it when it arrives."""
        self.setModified(False)

    def _show(self, text: str) -> None:
        dropped = self.is_draft()
        if self.text() != text:
            self.setText(text)          # also clears isModified
        self.setModified(False)
        if dropped:
            self.draft_dropped.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.is_draft():
            self._show(self.graph_text)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        # a menu or another window taking the keyboard for a while is not leaving the bar
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason) and self.is_draft():
            self._show(self.graph_text)
