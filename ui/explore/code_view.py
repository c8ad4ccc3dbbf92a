"""The code view: the graph's forward and backward passes as numpy, one line per node and per
gradient, in step with the timeline.

The lines of the current step are highlighted (the inputs before the first step); clicking a
line jumps to its step. Copy puts the code on the clipboard; Export… writes the runnable script
(File > Export > Python script). The lines come from ``graphviz_nn.export.numpy_listing`` of
the controller's own trace, so they always describe what the canvas shows.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui import style
from ui.engine_text import engine_text, error_text
from ui.i18n import translate

STEP_COLOR = QColor(style.HIGHLIGHT).lighter(165)   # the canvas's step colour, paler


class CodeText(QPlainTextEdit):
    """Read-only code; a click (not a drag that selects text) reports its line."""

    line_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.setFont(font)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(300, 240)        # no wider than the inspector: the canvas keeps its room

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.line_clicked.emit(self.cursorForPosition(event.position().toPoint())
                                   .blockNumber())


class CodeView(QWidget):
    """The numpy lines of the graph; ``seek_requested(step)`` when a line is clicked."""

    seek_requested = Signal(int)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = CodeText()
        self.caption = QLabel(translate("CodeView", "numpy"))
        self.caption.setToolTip(translate("CodeView", "The graph as numpy: one line per node and "
                                          "per gradient; the current step's lines are "
                                          "highlighted, a click on a line goes to its step"))
        self.caption.setStyleSheet(f"color: {style.MUTED_TEXT}")
        self.copy_button = QPushButton(translate("CodeView", "Copy"))
        self.copy_button.setToolTip(translate("CodeView", "Copy the code to the clipboard"))
        self.export_button = QPushButton(translate("CodeView", "Export…"))
        self.export_button.setToolTip(translate(
            "CodeView", "Save a runnable script that checks every value and gradient"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(row)
        lay.addWidget(self.text, 1)
        self.listing = None
        self.step: int | None = None
        self.text.setMinimumWidth(160)
        self.text.line_clicked.connect(self._on_line_clicked)
        self.copy_button.clicked.connect(self.copy)
        self.export_button.clicked.connect(self.export_requested)

    # ---- what it shows ----------------------------------------------------------------------
    def set_listing(self, listing, why_not: str = "") -> None:
        """Show ``listing`` (a ``graphviz_nn.export.Listing``), or why there is no code."""
        self.listing = listing
        if listing is None:
            text = "# " + (why_not or translate("CodeView", "no code: the graph has no output"))
        else:
            text = listing.text
        if text != self.text.toPlainText():
            self.text.setPlainText(text)
        self.show_step(self.step)

    def lines(self) -> list[str]:
        """The code's lines as shown."""
        return self.text.toPlainText().split("\n")

    def highlighted_lines(self) -> list[int]:
        """The line numbers highlighted as the current step."""
        return [sel.cursor.blockNumber() for sel in self.text.extraSelections()]

    def show_step(self, step: int | None) -> None:
        """Highlight the lines of trace step ``step`` (-1: the inputs) and scroll to them."""
        self.step = step
        rows = [] if self.listing is None or step is None else self.listing.lines_of(step)
        doc = self.text.document()
        selections = []
        for row in rows:
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(STEP_COLOR)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(doc.findBlockByNumber(row))
            selections.append(sel)
        self.text.setExtraSelections(selections)
        if rows:
            self._scroll_to(rows[0])

    def _scroll_to(self, first: int) -> None:
        """The step's lines in the middle of the view, with the code around them."""
        self.text.setTextCursor(QTextCursor(self.text.document().findBlockByNumber(first)))
        self.text.centerCursor()

    # ---- intents ----------------------------------------------------------------------------
    def _on_line_clicked(self, line: int) -> None:
        step = None if self.listing is None else self.listing.step_of(line)
        if step is not None:
            self.seek_requested.emit(step)

    def copy(self) -> None:
        """The whole code to the clipboard."""
        QGuiApplication.clipboard().setText(self.text.toPlainText())


class CodeViewLink:
    """Keeps a CodeView in step with the window's controller: new code after every change of
    the graph (while the view is visible), the current step's lines on every step."""

    def __init__(self, window, view: CodeView, dock) -> None:
        self.window, self.view, self.dock = window, view, dock
        self._stale = True
        c = window.controller
        c.changed.connect(self._on_changed)
        c.cursor_changed.connect(lambda index: view.show_step(index))
        view.seek_requested.connect(c.seek)
        dock.visibilityChanged.connect(lambda shown: self.update() if shown else None)

    def _on_changed(self, _kind: str) -> None:
        self._stale = True
        if self.dock.isVisible():
            self.update()

    def update(self) -> None:
        """Make the code again from the controller's trace, if it changed since."""
        if not self._stale:
            return
        self._stale = False
        c = self.window.controller
        self.view.step = c.cursor
        if c.trace is None:
            why = engine_text(c.trace_error) or translate("CodeView",
                                                          "the graph has no output node")
            self.view.set_listing(None, translate("CodeView", "no code yet: {why}")
                                  .format(why=why))
            return
        from graphviz_nn.export import numpy_listing
        try:
            listing = numpy_listing(c.trace)
        except ValueError as exc:          # GraphError: an op without numpy code
            self.view.set_listing(None, error_text(exc))
            return
        self.view.set_listing(listing)


def install(window) -> CodeView:
    """Add the code view to ``window``'s Explore workspace, beside the inspector."""
    view = CodeView()
    dock = window.add_panel(view, translate("CodeView", "Code"), "right", ("explore",),
                            name="code")
    window.code_view, window.code_dock = view, dock
    window.code_link = CodeViewLink(window, view, dock)
    window.code_link.update()
    inspector = getattr(window, "inspector_dock", None)
    if inspector is not None:
        def arrange() -> None:       # the inspector above, the code below: both readable
            h = max(window.height(), 600)
            window.resizeDocks([inspector, dock], [int(h * 0.5), int(h * 0.5)],
                               Qt.Orientation.Vertical)

        window.workspaces.set_arranger("explore", arrange)
        arrange()
    return view
