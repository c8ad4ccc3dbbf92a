"""Examples → Browse…: the examples listed with each one's explanation beside it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ui.explore import examples
from ui.i18n import translate


class ExamplesDialog(QDialog):
    """Pick an example; ``chosen`` is its key after ``accept()``."""

    def __init__(self, parent=None, current: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MainWindow", "Examples"))
        self.resize(760, 380)
        self.list = QListWidget()
        self.list.setMaximumWidth(280)
        for ex in examples.EXAMPLES:
            item = QListWidgetItem(ex.title)
            item.setData(Qt.ItemDataRole.UserRole, ex.key)
            self.list.addItem(item)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setMinimumWidth(380)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addWidget(self.text, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        lay.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        keys = [e.key for e in examples.EXAMPLES]
        self.list.setCurrentRow(keys.index(current) if current in keys else 0)

    @property
    def chosen(self) -> str:
        return examples.EXAMPLES[max(self.list.currentRow(), 0)].key

    def _show(self, row: int) -> None:
        ex = examples.EXAMPLES[max(row, 0)]
        self.text.setText(f"<h3>{html.escape(ex.title, quote=False)}</h3>"
                          f"<p>{html.escape(ex.text, quote=False)}</p>")
