"""The model the settings describe, as Keras's ``model.summary()`` table, kept up to date as
the learner changes the data (its input features), the layers or the penalty."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.i18n import translate


class ModelSummary(QPlainTextEdit):
    """Read-only, in a fixed-width font, one line per row of the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # the family alone: the size follows the application's (presentation mode scales it)
        font = QFont()
        font.setFamily(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family())
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setToolTip(translate("TrainingDock", "The model Train makes, as Keras's "
                                  "model.summary() prints it"))
        self.setPlainText(" ")

    def show_text(self, text: str) -> None:
        """Show ``text`` (the table, or why there is none), sized to its lines."""
        if text != self.toPlainText():
            self.setPlainText(text)
        lines = max(1, text.count("\n") + 1)
        h = self.fontMetrics().lineSpacing() * min(lines, 24) + 2 * self.frameWidth() + 12
        self.setFixedHeight(h + self.horizontalScrollBar().sizeHint().height())
