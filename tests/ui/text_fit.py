"""Which texts of a window do not fit their widgets (elided, clipped or pushed out of sight):
buttons, labels, combo boxes, spin boxes, empty lines' placeholders, tab bars, group boxes,
dock titles, toolbars and the menu bar, each measured with its own font metrics against its own
rectangle."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QToolBar,
    QWidget,
)

DOCK_TITLE_BUTTONS = 44     # the float and close buttons beside a dock's title


def _describe(w: QWidget) -> str:
    text = w.text() if hasattr(w, "text") and callable(w.text) else ""
    return f"{type(w).__name__} {w.objectName()!r} {text!r}"


def _on_screen(w: QWidget) -> bool:
    return w.isVisible() and not w.visibleRegion().isEmpty()


def _check(w: QWidget) -> str | None:
    if isinstance(w, QAbstractButton):
        if w.text() and w.width() < w.sizeHint().width():
            return f"{_describe(w)}: {w.width()} px wide, needs {w.sizeHint().width()}"
    elif isinstance(w, QLabel):
        pix = w.pixmap()
        if not w.text() or (pix is not None and not pix.isNull()):
            return None
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + 1:
                return f"{_describe(w)}: {w.height()} px high, needs {need}"
        elif w.width() < w.sizeHint().width():
            return f"{_describe(w)}: {w.width()} px wide, needs {w.sizeHint().width()}"
    elif isinstance(w, QLineEdit) and not w.text() and w.placeholderText() \
            and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
        opt = QStyleOptionFrame()
        w.initStyleOption(opt)
        field = w.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, w)
        m = w.textMargins()
        room = field.width() - m.left() - m.right() - 4       # QLineEdit's own side margins
        need = w.fontMetrics().horizontalAdvance(w.placeholderText())
        if room < need:
            return f"{_describe(w)} placeholder {w.placeholderText()!r}: {room} px, needs {need}"
    elif isinstance(w, QComboBox):
        opt = QStyleOptionComboBox()
        w.initStyleOption(opt)
        field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                         QStyle.SubControl.SC_ComboBoxEditField, w)
        need = w.fontMetrics().horizontalAdvance(w.currentText())
        if field.width() < need:
            return f"{_describe(w)} {w.currentText()!r}: field {field.width()} px, needs {need}"
    elif isinstance(w, QAbstractSpinBox):
        edit = w.findChild(QLineEdit)
        need = w.fontMetrics().horizontalAdvance(w.text()) + 4
        if edit is not None and edit.width() < need:
            return f"{_describe(w)}: field {edit.width()} px, needs {need}"
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            rect, hint = w.tabRect(i), w.tabSizeHint(i)
            if rect.width() < hint.width() or not w.rect().contains(rect):
                return f"tab {w.tabText(i)!r}: {rect.width()} px of {hint.width()}, bar {w.width()}"
    elif isinstance(w, QToolBar):
        ext = w.findChild(QAbstractButton, "qt_toolbar_ext_button")
        if ext is not None and ext.isVisible():
            return f"toolbar {w.objectName()!r} overflows (some tools hidden behind »)"
    elif isinstance(w, QDockWidget):
        need = w.fontMetrics().horizontalAdvance(w.windowTitle()) + DOCK_TITLE_BUTTONS
        if not w.isFloating() and w.width() < need:
            return f"dock {w.windowTitle()!r}: {w.width()} px wide, title needs {need}"
    elif isinstance(w, QGroupBox):
        need = w.fontMetrics().horizontalAdvance(w.title()) + 16
        if w.title() and w.width() < need:
            return f"group {w.title()!r}: {w.width()} px wide, needs {need}"
    elif isinstance(w, QMenuBar):
        for act in w.actions():
            g = w.actionGeometry(act)
            if act.isVisible() and (g.isEmpty() or not w.rect().contains(g)):
                return f"menu {act.text()!r} is not on the menu bar"
    return None


def cut_texts(window: QWidget) -> list[str]:
    """Every text on screen in ``window`` that does not fit its widget."""
    found = []
    for w in window.findChildren(QWidget):
        if _on_screen(w):
            problem = _check(w)
            if problem:
                found.append(problem)
    return found
