"""A message bar for what must not be missed (after KDE's KMessageWidget): shown inside the area
it concerns, coloured by severity, the whole text wrapped, with action buttons where one helps
("Choose folder…", "Lower the learning rate", "Undo") and a close button. It stays until the
learner dismisses it, an action is taken, or the same ``key`` is shown again or cleared.

Passing information goes to the status bar instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout

from ui.i18n import translate

SEVERITIES = {
    # severity: (background, border, icon)
    "info": ("#e8f1fd", "#2f6fd6", "ℹ"),
    "positive": ("#e7f6ea", "#1b7a36", "✓"),
    "warning": ("#fff5dd", "#c98a00", "⚠"),
    "error": ("#fdecee", "#b00020", "✖"),
}

Action = tuple[str, Callable[[], object]]


class MessageBar(QFrame):
    """One message at a time; ``show_message`` replaces what is shown."""

    dismissed = Signal(str)          # the key of the message that went away (or "")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setProperty("messageBar", True)     # what its style sheet selects, whatever its name
        self.key = ""
        self.severity = "info"
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setObjectName("message_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        self.close_button = QToolButton()
        self.close_button.setObjectName("message_close")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(translate("MessageBar", "Dismiss this message"))
        self.close_button.clicked.connect(lambda: self.clear())
        row = QHBoxLayout()
        row.setContentsMargins(10, 6, 6, 6)
        row.setSpacing(8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.label)
        text.addLayout(self.buttons)
        row.addLayout(text, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setLayout(row)
        self._on_screen = True
        self._showing = False
        self.setVisible(False)

    def set_on_screen(self, on: bool) -> None:
        """Whether the area this bar belongs to is on screen (e.g. its workspace is the current
        one); a message shown meanwhile waits, and appears when the area does."""
        self._on_screen = on
        self.setVisible(on and self._showing)

    def has_message(self) -> bool:
        """A message is shown, or waits for its area to come on screen."""
        return self._showing

    def show_message(self, text: str, severity: str = "warning",
                     actions: Sequence[Action] = (), key: str = "") -> None:
        """Show ``text`` (replacing any message); each action is (button text, callable) and
        dismisses the bar when clicked."""
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")
        self.key, self.severity = key, severity
        background, border, icon = SEVERITIES[severity]
        self.setStyleSheet(f"QFrame[messageBar=\"true\"] {{ background: {background}; "
                           f"border: 1px solid {border}; border-left: 4px solid {border}; "
                           f"border-radius: 3px; }}")
        self.icon.setText(icon)
        self.icon.setStyleSheet(f"color: {border}; font-weight: bold;")
        self.label.setText(text)
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for title, callback in actions:
            button = QPushButton(title)
            button.clicked.connect(lambda _=False, cb=callback: self._act(cb))
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self._showing = True
        self.setVisible(self._on_screen)

    def _act(self, callback: Callable[[], object]) -> None:
        self.clear()
        callback()

    def text(self) -> str:
        """The message shown now, or waiting for its area ("" when there is none)."""
        return self.label.text()

    def action_texts(self) -> list[str]:
        return [self.buttons.itemAt(i).widget().text() for i in range(self.buttons.count())
                if self.buttons.itemAt(i).widget() is not None]

    def clear(self, key: str | None = None) -> None:
        """Hide the message (only if it has ``key``, when one is given)."""
        if key is not None and key != self.key:
            return
        old = self.key
        self.key = ""
        self.label.setText("")
        self._showing = False
        self.setVisible(False)
        self.dismissed.emit(old)
