"""A read-only rich-text view as tall as its text: the inspector's equation blocks.

A QLabel lays rich text out again for every size its layout asks about (tables of formulas
made a step cost 100 ms); this view lays its document out once per width and takes the
document's height, so a step costs one layout. The text stays selectable, for copying.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser


class EquationView(QTextBrowser):
    """Shows one HTML block; its height follows its content."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setOpenLinks(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)   # the panel's background shows through
        # (no style sheet: one would stop the font of presentation mode reaching the text)
        self.document().setDocumentMargin(2)
        self._html = None
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    def set_html(self, html: str) -> None:
        """Show ``html`` (nothing is laid out again when it did not change)."""
        if html != self._html:
            self._html = html
            self.setHtml(html)

    def _fit_height(self, *_args) -> None:
        h = int(self.document().size().height()) + 2
        if self.horizontalScrollBar().isVisible():
            h += self.horizontalScrollBar().height()
        if h != self.height():
            self.setFixedHeight(h)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), int(self.document().size().height()) + 2)
