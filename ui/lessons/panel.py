"""The Lessons panel: which lesson, the step's text, the answer box, the checkpoint's status,
the hint after a wrong try, Back / Restart lesson / Next. It shows the :class:`LessonGuide`
and sends it the learner's intents; it computes nothing itself.

Text is the widget's own font (so presentation mode, which scales the application font, scales
it too); lesson text is Markdown from the lesson file, in the window's language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import style
from ui.i18n import current_language, translate
from ui.lessons.guide import MISSED, NOT_A_NUMBER, PASSED, PROBLEM, LessonGuide

OK_COLOR = "#1b7a36"
HINT_BACKGROUND, HINT_BORDER = "#fff6e0", "#e0b04a"
NOTE_BACKGROUND, NOTE_BORDER = "#eef4fb", "#7ea6d8"


def _box(background: str, border: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet(f"QLabel {{ background: {background}; border: 1px solid {border}; "
                        "border-radius: 4px; padding: 6px; }")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _html(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))


class LessonPanel(QWidget):
    """The widgets; ``guide`` holds the lesson and its state."""

    answer_submitted = Signal(str)

    def __init__(self, guide: LessonGuide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.setObjectName("lesson_panel")
        self.choice = QToolButton()             # the lessons, to switch to another
        self.choice.setObjectName("lesson_choice")
        self.choice.setText(translate("Lessons", "All lessons ▾"))
        self.choice.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.choice_menu = QMenu(self.choice)
        self.choice_menu.setToolTipsVisible(True)
        self.choice.setMenu(self.choice_menu)
        self.lesson_title = QLabel()
        self.lesson_title.setObjectName("lesson_title")
        self.lesson_title.setWordWrap(True)
        self.position = QLabel()
        self.position.setObjectName("lesson_position")
        self.heading = QLabel()
        self.heading.setObjectName("lesson_heading")
        self.heading.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setObjectName("lesson_text")
        self.text.setOpenExternalLinks(True)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.answer_label = QLabel()
        self.answer = QLineEdit()
        self.answer.setObjectName("lesson_answer")
        self.answer.setPlaceholderText(translate("Lessons", "a number"))
        self.check_button = QPushButton(translate("Lessons", "Check"))
        self.check_button.setObjectName("lesson_check")
        answer_row = QHBoxLayout()
        answer_row.setContentsMargins(0, 0, 0, 0)
        answer_row.addWidget(self.answer_label)
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.check_button)
        self.answer_box = QWidget()
        self.answer_box.setLayout(answer_row)
        self.status = QLabel()
        self.status.setObjectName("lesson_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.hint = _box(HINT_BACKGROUND, HINT_BORDER)
        self.hint.setObjectName("lesson_hint")
        self.note = _box(NOTE_BACKGROUND, NOTE_BORDER)
        self.note.setObjectName("lesson_note")
        self.note.setOpenExternalLinks(True)
        self.choose_folder = QPushButton(translate("Lessons", "Choose folder…"))
        self.use_images = QPushButton(translate("Lessons", "Download it when I train"))
        note_row = QHBoxLayout()
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.choose_folder)
        note_row.addWidget(self.use_images)
        note_row.addStretch(1)
        self.note_buttons = QWidget()
        self.note_buttons.setLayout(note_row)
        self.back_button = QPushButton(translate("Lessons", "◀ Back"))
        self.back_button.setObjectName("lesson_back")
        self.restart_button = QPushButton(translate("Lessons", "Restart lesson"))
        self.restart_button.setObjectName("lesson_restart")
        self.next_button = QPushButton(translate("Lessons", "Next ▶"))
        self.next_button.setObjectName("lesson_next")
        nav = QHBoxLayout()
        nav.setContentsMargins(0, 0, 0, 0)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.restart_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.position, 1)
        top.addWidget(self.choice)
        lay.addLayout(top)
        lay.addWidget(self.lesson_title)
        lay.addWidget(self.heading)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.note)
        lay.addWidget(self.note_buttons)
        lay.addWidget(self.answer_box)
        lay.addWidget(self.status)
        lay.addWidget(self.hint)
        lay.addLayout(nav)
        self._fill_choice()
        self._apply_fonts()
        self._wire_signals()
        self.refresh()

    def _wire_signals(self) -> None:
        g = self.guide
        g.changed.connect(self.refresh)
        self.answer.returnPressed.connect(self._submit)
        self.check_button.clicked.connect(self._submit)
        self.back_button.clicked.connect(g.back)
        self.next_button.clicked.connect(g.next)
        self.restart_button.clicked.connect(g.restart)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.use_images.clicked.connect(self._use_images)

    # ----- intents ----------------------------------------------------------------------------
    def _submit(self) -> None:
        text = self.answer.text()
        self.answer_submitted.emit(text)
        self.guide.submit(text)

    def _on_choice(self, lesson) -> None:
        if lesson is not self.guide.lesson:
            self.guide.open(lesson)

    def _choose_folder(self) -> None:
        dock = getattr(self.guide.window, "training_dock", None)
        if dock is None:
            return
        dock.data_form.kind.setCurrentText(self.guide.fell_back)
        if dock.data_form.choose_image_folder():
            self.guide.reapply()

    def _use_images(self) -> None:
        self.guide.applier.force_images = True
        self.guide.reapply()

    # ----- showing -------------------------------------------------------------------------------
    def _fill_choice(self) -> None:
        g, lang = self.guide, current_language()
        self.choice_menu.clear()
        for i, lesson in enumerate(g.lessons, start=1):
            done, total = g.progress(lesson)
            mark = "  ✓" if total and done == total else f"  ({done}/{total})"
            act = self.choice_menu.addAction(f"{i}. {lesson.title.get(lang)}{mark}")
            act.setObjectName(f"lesson_choice_{lesson.id}")
            act.setCheckable(True)
            act.setChecked(lesson is g.lesson)
            act.setToolTip(lesson.summary.get(lang) if lesson.summary else "")
            act.triggered.connect(lambda _=False, le=lesson: self._on_choice(le))
        if g.lesson is not None:
            number = g.lessons.index(g.lesson) + 1 if g.lesson in g.lessons else ""
            self.lesson_title.setText(f"{number}. {g.lesson.title.get(lang)}")
        self.lesson_title.setVisible(g.lesson is not None)

    def _apply_fonts(self) -> None:
        base = self.font()
        heading = QFont(base)
        if base.pointSizeF() > 0:
            heading.setPointSizeF(base.pointSizeF() * 1.25)
        else:
            heading.setPixelSize(max(1, round(base.pixelSize() * 1.25)))
        heading.setBold(True)
        self.heading.setFont(heading)
        title = QFont(base)
        title.setBold(True)
        self.lesson_title.setFont(title)
        self.text.document().setDefaultFont(self.font())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
            self.refresh()
        elif event.type() == QEvent.Type.LanguageChange:
            self.refresh()

    def refresh(self) -> None:
        """Show the guide's lesson, step and checkpoint status."""
        g, lang = self.guide, current_language()
        self._fill_choice()
        step = g.step
        if step is None:
            self._show_start(lang)
            return
        n = len(g.lesson.steps)
        self.position.setText(translate("Lessons", "Step {k} of {n}").format(k=step.number, n=n))
        self.position.setVisible(True)
        self.heading.setText(step.title.get(lang) if step.title else g.lesson.title.get(lang))
        self.heading.setVisible(True)
        self.set_text(step.text.get(lang))
        answer = step.answer
        self.answer_box.setVisible(answer is not None)
        if answer is not None:
            label = answer.params.get("label")
            self.answer_label.setText(label.get(lang) if label else "")
            self.answer_label.setVisible(label is not None)
        self._show_status(step, lang)
        self._show_note()
        self.back_button.setEnabled(g.index > 0)
        self.next_button.setEnabled(g.index < n - 1)
        self.restart_button.setEnabled(True)

    def set_text(self, markdown: str) -> None:
        """Show ``markdown``; code blocks wrap at the panel's edge like the rest (no sideways
        scrolling in a narrow dock)."""
        self.text.setMarkdown(markdown)
        block = self.text.document().begin()
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.nonBreakableLines():
                fmt.setNonBreakableLines(False)
                QTextCursor(block).setBlockFormat(fmt)
            block = block.next()

    def _show_start(self, lang: str) -> None:
        g = self.guide
        for w in (self.position, self.heading, self.answer_box, self.hint, self.note,
                  self.note_buttons):
            w.setVisible(False)
        rows = [f"**{i}. {le.title.get(lang)}**  \n{le.summary.get(lang) if le.summary else ''}"
                for i, le in enumerate(g.lessons, start=1)]
        intro = translate("Lessons", "Each lesson follows one of the lecture notes, step by "
                                     "step; the app checks each checkpoint as you work. "
                                     "Choose a lesson with All lessons ▾ or the Lessons menu.")
        self.set_text("\n\n".join([intro, *rows]))
        self.status.setText(_html(g.load_error) if g.load_error else "")
        self.status.setStyleSheet(f"color: {style.ERROR_COLOR}")
        for b in (self.back_button, self.next_button, self.restart_button):
            b.setEnabled(False)

    def _show_status(self, step, lang: str) -> None:
        g = self.guide
        problem = g.setup_problem or (g.problem if g.status == PROBLEM else "")
        color = style.TEXT_COLOR
        if problem:
            text = translate("Lessons", "This step does not fit the app: {why}").format(
                why=_html(problem))
            color = style.ERROR_COLOR
        elif not step.checks:
            text = ""
        elif g.status == PASSED:
            text = "✓ " + translate("Lessons", "Checkpoint reached.")
            if step.done is not None:
                text += " " + _html(step.done.get(lang))
            color = OK_COLOR
        elif g.status == NOT_A_NUMBER:
            text = translate("Lessons", "Type a number, such as -4 or 0.197.")
            color = style.ERROR_COLOR
        elif g.status == MISSED:
            text = "✗ " + translate("Lessons", "Not yet: try again.")
            color = style.ERROR_COLOR
        else:
            text = "○ " + translate("Lessons", "Checkpoint: do what the step asks; the app "
                                               "checks it as you work.")
            color = style.MUTED_TEXT
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color}")
        self.status.setVisible(bool(text))
        show_hint = g.hint_shown and g.status != PASSED and step.hint is not None
        self.hint.setText("<b>" + translate("Lessons", "Hint") + ":</b> "
                          + _html(step.hint.get(lang)) if show_hint else "")
        self.hint.setVisible(show_hint)

    def _show_note(self) -> None:
        kind = self.guide.fell_back
        self.note.setVisible(bool(kind))
        self.note_buttons.setVisible(bool(kind))
        if not kind:
            return
        from graphviz_nn.datasets.idx import FASHION_MNIST_FILES, MNIST_FILES, default_cache_dir
        files = FASHION_MNIST_FILES if kind == "Fashion-MNIST" else MNIST_FILES
        names = ", ".join(name for name, _u, _m in files.values())
        page = ("https://github.com/zalandoresearch/fashion-mnist" if kind == "Fashion-MNIST"
                else "https://yann.lecun.com/exdb/mnist/")
        self.note.setText(translate(
            "Lessons", "No {kind} files on this computer: this lesson goes on with the digits "
            "data set (8×8 pictures, 64 inputs). For {kind}, put its four files from "
            "<a href=\"{page}\">{page}</a> in a folder and press Choose folder…, or let Train "
            "download them (this needs the internet).").format(kind=kind, page=page))
        self.note.setToolTip(translate("Lessons", "The four files: {names}; Train downloads "
                                                  "them into {cache}").format(
            names=names, cache=str(default_cache_dir())))
