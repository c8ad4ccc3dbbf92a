"""Quiz mode ("predict, then reveal"): at each backward step the learner first works out each
input's local derivative from its rule (``∂(q·z)/∂q = z``: z's value is on the canvas), then
the gradient sent down (upstream × local); the panel says right or wrong, then reveals the step.

Nothing on the panel gives the answer away while it is hidden: the local derivative is shown
as a formula, never as a number, until the learner has answered it. Enter moves to the next
box, and in the last box of a stage it checks that stage.

The question form is rebuilt only when the step changes, and the old one is deleted later
(``deleteLater``): a box whose Enter reveals the step is never deleted inside its own signal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import style
from ui.explore.explain import rule_text
from ui.i18n import translate

REL_TOL = 0.01
ABS_TOL = 0.01

LOCAL, DOWN, DONE = "local", "down", "done"


def is_close(guess: float, truth: float) -> bool:
    """Right within 1% (or 0.01 for numbers near zero)."""
    return abs(guess - truth) <= max(ABS_TOL, REL_TOL * abs(truth))


def _scalar(value) -> float | None:
    """The number of a one-element array, else None (tensors are not asked)."""
    if value is None or np.size(value) != 1:
        return None
    return float(np.asarray(value).reshape(-1)[0])


@dataclass
class Question:
    """One input of a backward step: its local derivative and the gradient sent to it."""

    name: str                          # the input's name
    rule: str                          # the local rule with the real names
    local: float | None                # the local derivative, when it is one number
    down: float | None                 # the downstream gradient, when it is one number
    local_box: QLineEdit | None = None
    down_box: QLineEdit | None = None


class QuizPanel(QGroupBox):
    """Shown in the inspector while quiz mode is on."""

    reveal_requested = Signal()
    answered = Signal()                 # the last stage was checked: the keyboard may go on

    def __init__(self, parent=None) -> None:
        super().__init__(translate("Quiz", "Quiz: predict, then reveal"), parent)
        self.prompt = QLabel("")
        self.prompt.setWordWrap(True)
        self.check_button = QPushButton(translate("Quiz", "Check"))
        self.reveal_button = QPushButton(translate("Quiz", "Reveal"))
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.installEventFilter(self)
        self._follow: tuple[QWidget, ...] = ()    # kept in view while the form settles
        self.questions = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.reveal_button)
        self._lay = QVBoxLayout(self)
        self._lay.addWidget(self.prompt)
        self._lay.addWidget(self.questions)
        self._lay.addLayout(buttons)
        self._lay.addWidget(self.result)
        self.asked: list[Question] = []
        self.stage = DONE
        self._step = None
        self._node = self._out = ""
        self._lines: list[str] = []
        self.score = [0, 0]          # right, asked
        self.check_button.clicked.connect(self.check)
        self.reveal_button.clicked.connect(self.reveal_requested.emit)
        self.setVisible(False)

    # ----- what is asked ---------------------------------------------------------------------
    @property
    def local_inputs(self) -> list[QLineEdit]:
        return [q.local_box for q in self.asked if q.local_box is not None]

    @property
    def down_inputs(self) -> list[QLineEdit]:
        return [q.down_box for q in self.asked if q.down_box is not None]

    @property
    def inputs(self) -> list[QLineEdit]:
        """The answer boxes of the stage being asked now."""
        return {LOCAL: self.local_inputs, DOWN: self.down_inputs}.get(self.stage, [])

    def show_step(self, step, output_name: str | None, hidden: bool) -> None:
        """Ask about ``step`` while its gradients are hidden; keep what was typed when the same
        step is shown again (a click on the canvas refreshes the window)."""
        if step is not self._step:
            self._step = step
            self._build(step, output_name or "out", ask=hidden)
            if hidden and self.inputs:
                self._focus(self.inputs[0])
        if step is None or step.kind != "backward":
            self.prompt.setText(translate(
                "Quiz", "Step backward (→) to get a question. Forward steps are free."))
        elif not hidden and not self.asked:
            self.prompt.setText(translate(
                "Quiz", "This step is shown already (by Backward, or by auto-run after an "
                "edit): the quiz asks only about steps still hidden. Go back to the start "
                "(Home) and step with → to be asked each step."))
        elif not hidden and self.stage != DONE:
            self._finish(reveal=False)      # revealed (Reveal, or quiz switched off and on)
        self._update_buttons()

    def _build(self, step, out: str, ask: bool) -> None:
        """A new form for ``step`` (questions when ``ask``), swapped in for the old one."""
        new = QWidget()
        self._fill(new, step if ask else None, out)
        old, self.questions = self.questions, new
        self._lay.replaceWidget(old, new)
        old.hide()
        old.deleteLater()           # never now: one of its boxes may be emitting returnPressed
        new.show()
        # Tab goes through the boxes, then Check and Reveal (the boxes, made last, would
        # otherwise lead straight to the canvas, where Tab opens the "Add op" popup)
        chain = self.local_inputs + self.down_inputs + [self.check_button, self.reveal_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _fill(self, new: QWidget, step, out: str) -> None:
        self.asked, self._lines = [], []
        self._follow = ()
        self._node, self._out = (step.node.name if step is not None else ""), out
        self.result.setText("")
        if step is None or step.kind != "backward":
            self.stage = DONE
            return
        form = QFormLayout(new)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)     # narrow inspector
        n = step.node.name
        downs = []          # the downstream rows come after all the local ones: Enter's order
        for lg in step.locals:
            q = Question(lg.input.name, rule_text(step.node, lg.port), _scalar(lg.local),
                         _scalar(lg.downstream))
            if q.local is not None:
                q.local_box = self._box(translate("Quiz", "the local derivative"))
                form.addRow(QLabel(translate("Quiz", "local ∂{n}/∂{i}:  {rule}  =").format(
                    n=n, i=q.name, rule=q.rule)), q.local_box)
            else:
                form.addRow(QLabel(translate("Quiz", "local ∂{n}/∂{i}:  {rule}").format(
                    n=n, i=q.name, rule=q.rule)))
            if q.down is not None:
                q.down_box = self._box(translate("Quiz", "upstream × local"))
                q.down_box.setEnabled(False)
                downs.append((QLabel(translate("Quiz", "downstream ∂{o}/∂{i} =").format(
                    o=out, i=q.name)), q.down_box))
            else:
                shape = style.shape_text(np.shape(lg.downstream))
                downs.append((QLabel(translate("Quiz", "downstream ∂{o}/∂{i}: a {shape} "
                                               "tensor, not asked").format(
                    o=out, i=q.name, shape=shape)), None))
            self.asked.append(q)
        for label, box in downs:
            if box is None:
                form.addRow(label)
            else:
                form.addRow(label, box)
        score = translate("Quiz", " (score so far {right}/{asked})").format(
            right=self.score[0], asked=self.score[1]) if self.score[1] else ""
        self.prompt.setText(translate(
            "Quiz", "{n} received upstream ∂{o}/∂{n} = {up}. First each local derivative from "
            "its rule (the values are on the canvas), then what {n} sends down: upstream × "
            "local. Enter moves on.{score}").format(
                n=n, o=out, up=style.fmt_value(step.upstream), score=score))
        self.stage = LOCAL if self.local_inputs else DOWN
        for box in self.inputs:
            box.setEnabled(True)
        if not self.inputs:
            self.stage = DONE
            self.result.setText(translate("Quiz", "Nothing here is one number to predict: "
                                                  "Reveal shows the tensors."))

    def _box(self, placeholder: str) -> QLineEdit:
        box = QLineEdit()
        box.setPlaceholderText(placeholder)
        fm = box.fontMetrics()      # room for the hint and a number: the row wraps if need be
        box.setMinimumWidth(max(fm.horizontalAdvance(placeholder),
                                fm.horizontalAdvance("-12.345")) + 16)
        box.returnPressed.connect(lambda b=box: self._enter(b))
        return box

    def _focus(self, box: QLineEdit) -> None:
        """Type here next; scrolled into view (with the verdicts so far, where they fit) once
        the form is laid out."""
        box.setFocus()
        self._follow = (self.result, box)
        QTimer.singleShot(0, lambda: self._scroll_to(*self._follow))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # the verdicts grow and move as the form and the step above them are laid out anew
        # (boxes enabled, the step revealed): they stay in view until the next question
        if watched is self.result and self._follow \
                and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            QTimer.singleShot(0, lambda: self._scroll_to(*self._follow))
        return False

    def _scroll_to(self, *widgets: QWidget) -> None:
        """Scroll the inspector so that ``widgets`` show, the last one surely."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        for w in widgets:
            if area is not None and shiboken6.isValid(w) and w.isVisible():
                area.ensureWidgetVisible(w, 20, 20)

    def _update_buttons(self) -> None:
        self.check_button.setEnabled(self.stage != DONE)
        self.reveal_button.setEnabled(self._step is not None and self._step.kind == "backward"
                                      and self.stage != DONE)

    # ----- answering ----------------------------------------------------------------------------
    def _enter(self, box: QLineEdit) -> None:
        """Enter: on to the next box of this stage, or check the stage after its last box."""
        boxes = self.inputs
        if box not in boxes:
            return
        k = boxes.index(box)
        if k + 1 < len(boxes):
            self._focus(boxes[k + 1])
        else:
            self.check()

    def check(self) -> list[bool]:
        """Grade the stage being asked: the local derivatives (then the downstream boxes open),
        or the downstream gradients (then the step is revealed). Returns right/wrong per box."""
        if self.stage == LOCAL:
            verdicts = self._grade([(q.local_box, q.local, f"local ∂{self._node}/∂{q.name}")
                                    for q in self.asked if q.local_box is not None])
            self.stage = DOWN if self.down_inputs else DONE
            for box in self.local_inputs:
                box.setReadOnly(True)
            for box in self.down_inputs:
                box.setEnabled(True)
            if self.stage == DOWN:
                self._focus(self.down_inputs[0])
            else:
                self._finish()
        elif self.stage == DOWN:
            verdicts = self._grade([(q.down_box, q.down, f"downstream ∂{self._out}/∂{q.name}")
                                    for q in self.asked if q.down_box is not None])
            self._finish()
        else:
            return []
        self._update_buttons()
        return verdicts

    def _grade(self, items) -> list[bool]:
        verdicts = []
        for box, truth, what in items:
            text = box.text().strip()
            try:
                guess = style.parse_number(text)
            except ValueError:
                verdicts.append(False)
                self._lines.append(translate("Quiz", "✗ {what}: '{text}' is not a number; it is "
                                             "{truth}").format(what=what, text=text,
                                                               truth=style.fmt_num(truth)))
                continue
            ok = is_close(guess, truth)
            verdicts.append(ok)
            if ok:
                line = translate("Quiz", "✓ {what}: right, {truth}")
            else:
                line = translate("Quiz", "✗ {what}: you said {guess}, it is {truth}")
            self._lines.append(line.format(what=what, guess=style.fmt_num(guess),
                                           truth=style.fmt_num(truth)))
        self.score[0] += sum(verdicts)
        self.score[1] += len(verdicts)
        self.result.setText("\n".join(self._lines + [translate("Quiz", "score {right}/{asked}")
                                                     .format(right=self.score[0],
                                                             asked=self.score[1])]))
        return verdicts

    def _finish(self, reveal: bool = True) -> None:
        """The step is answered (``reveal``: show its gradients now) or was revealed: nothing
        more to type here."""
        self.stage = DONE
        for q in self.asked:
            for box in (q.local_box, q.down_box):
                if box is not None:
                    box.setReadOnly(True)
        if reveal:
            self._follow = (self.result,)
            self.reveal_requested.emit()
            self.answered.emit()
            QTimer.singleShot(0, lambda: self._scroll_to(*self._follow))

    def result_text(self) -> str:
        return self.result.text()
