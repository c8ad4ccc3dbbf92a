"""Quiz mode ("predict, then reveal"): at each backward step the learner types the gradient
sent downstream to each input; the panel says right or wrong, then reveals it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ui import style

REL_TOL = 0.01
ABS_TOL = 0.01


def is_close(guess: float, truth: float) -> bool:
    """Right within 1% (or 0.01 for numbers near zero)."""
    return abs(guess - truth) <= max(ABS_TOL, REL_TOL * abs(truth))


class QuizPanel(QGroupBox):
    """Shown in the inspector while quiz mode is on."""

    reveal_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__("Quiz: predict, then reveal", parent)
        self.prompt = QLabel("")
        self.prompt.setWordWrap(True)
        self.form = QFormLayout()
        self.check_button = QPushButton("Check")
        self.reveal_button = QPushButton("Reveal")
        self.result = QLabel("")
        self.result.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.prompt)
        lay.addLayout(self.form)
        lay.addWidget(self.check_button)
        lay.addWidget(self.reveal_button)
        lay.addWidget(self.result)
        self.inputs: list[QLineEdit] = []
        self._truths: list[tuple[str, float]] = []
        self.score = [0, 0]          # right, asked
        self.check_button.clicked.connect(self.check)
        self.reveal_button.clicked.connect(self.reveal_requested.emit)
        self.setVisible(False)

    def show_step(self, step, output_name: str | None, hidden: bool) -> None:
        """Ask about ``step`` when its gradients are still hidden."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs, self._truths = [], []
        if step is None or step.kind != "backward":
            self.prompt.setText("Step backward (→) to get a question. Forward steps are free.")
            self._buttons(False)
            return
        if not hidden:
            self._buttons(False)
            return
        n = step.node.name
        o = output_name or "out"
        for lg in step.locals:
            label = f"∂{o}/∂{lg.input.name} ="
            if np.asarray(lg.downstream).size == 1:
                edit = QLineEdit()
                edit.setPlaceholderText("your answer")
                edit.returnPressed.connect(self.check)
                self.form.addRow(label, edit)
                self.inputs.append(edit)
                self._truths.append((lg.input.name, float(np.asarray(lg.downstream).reshape(-1)[0])))
            else:
                self.form.addRow(label, QLabel(f"a {style.shape_text(np.shape(lg.downstream))} "
                                               "tensor: not asked"))
        score = f" (score so far {self.score[0]}/{self.score[1]})" if self.score[1] else ""
        self.prompt.setText(f"{n} received upstream ∂{o}/∂{n} = "
                            f"{style.fmt_value(step.upstream)}. What does it send to each "
                            f"input?{score}")
        self.result.setText("")
        self._buttons(bool(self.inputs))
        if self.inputs:
            self.inputs[0].setFocus()

    def _buttons(self, asking: bool) -> None:
        self.check_button.setEnabled(asking)
        self.reveal_button.setEnabled(True)

    def check(self) -> list[bool]:
        """Grade the answers, say which are right, then reveal the step."""
        verdicts, lines = [], []
        for edit, (name, truth) in zip(self.inputs, self._truths, strict=True):
            try:
                guess = style.parse_number(edit.text())
            except ValueError:
                verdicts.append(False)
                lines.append(f"✗ {name}: '{edit.text()}' is not a number; it is {style.fmt_num(truth)}")
                continue
            ok = is_close(guess, truth)
            verdicts.append(ok)
            lines.append(f"✓ {name}: right, {style.fmt_num(truth)}" if ok else
                         f"✗ {name}: you said {style.fmt_num(guess)}, it is {style.fmt_num(truth)}")
        if verdicts:
            self.score[0] += sum(verdicts)
            self.score[1] += len(verdicts)
            lines.append(f"score {self.score[0]}/{self.score[1]}")
        self.result.setText("\n".join(lines))
        self.check_button.setEnabled(False)
        self.reveal_requested.emit()
        return verdicts

    def result_text(self) -> str:
        return self.result.text()
