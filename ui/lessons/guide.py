"""The lesson being followed: which step, whether its checkpoint is reached, the hint after a
wrong try, the progress kept in the settings. The panel (panel.py) shows it and sends intents.

A step is entered by Next (its own setup is applied), Back, Restart or a resumed lesson (what
steps 1..k set up together is applied, see setup.merged). The state the step begins with is
kept (a :class:`Snapshot`): checks compare with it. The checkpoint is evaluated as the learner
works: on every change of the graph, every move of the timeline, every workspace switch, every
training run that ends and every answer typed. A try of the step's own kind that misses shows
the hint; a reached checkpoint stays reached.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from graphviz_nn.lessons import Lesson, LessonError, Snapshot, evaluate, load_lessons
from ui.lessons.setup import Applier, merged
from ui.lessons.state import RunRecorder, as_number, snapshot

OPEN, PASSED, MISSED, NOT_A_NUMBER, PROBLEM = "open", "passed", "missed", "not_a_number", "problem"
SETTINGS_GROUP = "lessons"


def example_keys() -> set[str]:
    from ui.explore import examples
    return set(examples.BY_KEY)


class LessonGuide(QObject):
    """Follows one lesson at a time in ``window``; ``changed`` after anything the panel shows."""

    changed = Signal()

    def __init__(self, window, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self._lessons: list[Lesson] | None = None
        self.load_error = ""
        self.lesson: Lesson | None = None
        self.index = 0
        self.status = OPEN
        self.problem = ""
        self.hint_shown = False
        self.passed: set[int] = set()
        self.start = Snapshot()
        self.recorder = RunRecorder(self)
        self.applier = Applier(window)
        self.fell_back = ""            # the image data set this step could not find
        self.setup_problem = ""        # why this step's setup could not be applied
        self._applying = False
        self._wire_signals()

    def _wire_signals(self) -> None:
        w = self.window
        w.controller.changed.connect(lambda _kind: self.check("edit"))
        w.controller.cursor_changed.connect(lambda _i: self.check("cursor"))
        w.workspaces.changed.connect(lambda _name: self.check("workspace"))
        w.workspaces.add_loader("train", lambda win: self._watch_training())
        self.recorder.ended.connect(lambda _run: self.check("run"))

    def _watch_training(self) -> None:
        dock = getattr(self.window, "training_dock", None)
        if dock is not None:
            self.recorder.watch(dock)

    # ----- the lessons -----------------------------------------------------------------------
    @property
    def lessons(self) -> list[Lesson]:
        """The app's lessons (read once; a broken file leaves the list empty and says why in
        ``load_error``)."""
        if self._lessons is None:
            try:
                self._lessons = load_lessons(examples=example_keys())
            except LessonError as exc:
                self._lessons, self.load_error = [], str(exc)
        return self._lessons

    def add_lesson(self, lesson: Lesson) -> None:
        """A lesson from elsewhere (a file named on the command line): listed from now on."""
        known = [le for le in self.lessons if le.id != lesson.id]
        self._lessons = [*known, lesson]

    @property
    def settings(self):
        return self.window.document.settings

    def _key(self, name: str, lesson: Lesson | None = None) -> str:
        return f"{SETTINGS_GROUP}/{(lesson or self.lesson).id}/{name}"

    def saved_step(self, lesson: Lesson) -> int:
        try:
            k = int(self.settings.value(self._key("step", lesson), 0))
        except (TypeError, ValueError):
            k = 0
        return min(max(k, 0), len(lesson.steps) - 1)

    def saved_passed(self, lesson: Lesson) -> set[int]:
        text = str(self.settings.value(self._key("passed", lesson), "") or "")
        return {int(p) for p in text.split(",") if p.strip().isdigit()
                and int(p) < len(lesson.steps)}

    def _save(self) -> None:
        s = self.settings
        s.setValue(self._key("step"), self.index)
        s.setValue(self._key("passed"), ",".join(str(i) for i in sorted(self.passed)))
        s.setValue(f"{SETTINGS_GROUP}/current", self.lesson.id)
        s.sync()

    def last_lesson_id(self) -> str:
        return str(self.settings.value(f"{SETTINGS_GROUP}/current", "") or "")

    # ----- moving --------------------------------------------------------------------------------
    def open(self, lesson: Lesson, index: int | None = None) -> None:
        """Follow ``lesson`` from ``index`` (0-based; default: where the learner left it)."""
        self.lesson = lesson
        self.passed = self.saved_passed(lesson)
        self._enter(self.saved_step(lesson) if index is None else index, whole=True)

    def next(self) -> None:
        if self.lesson is not None and self.index < len(self.lesson.steps) - 1:
            self._enter(self.index + 1, whole=False)

    def back(self) -> None:
        if self.lesson is not None and self.index > 0:
            self._enter(self.index - 1, whole=True)

    def restart(self) -> None:
        """Forget this lesson's progress and begin it again."""
        if self.lesson is not None:
            self.passed.clear()
            self._enter(0, whole=True)

    def _enter(self, index: int, whole: bool) -> None:
        lesson = self.lesson
        self.index = min(max(index, 0), len(lesson.steps) - 1)
        step = lesson.steps[self.index]
        self.status, self.problem, self.hint_shown = OPEN, "", False
        self._apply(merged(lesson, self.index) if whole else step.setup)
        self.start = self._snapshot()
        self._save()
        if self.index in self.passed:
            self.status = PASSED
        else:
            self.check("enter")
        self.changed.emit()

    def _apply(self, setup: dict) -> None:
        self._applying = True
        self.setup_problem = ""
        try:
            self.applier.apply(setup)
        except Exception as exc:  # noqa: BLE001 - a setup that does not fit: said in the panel
            self.setup_problem = str(exc)
        finally:
            self._applying = False
        self.fell_back = self.applier.fell_back
        self._watch_training()

    def reapply(self) -> None:
        """Apply this step's setup again (after the learner chose where a data set is)."""
        if self.lesson is not None:
            self._apply(merged(self.lesson, self.index))
            self.start = self._snapshot()
            self.changed.emit()

    def _snapshot(self) -> Snapshot:
        return snapshot(self.window, self.recorder.runs)

    # ----- checking ------------------------------------------------------------------------------------
    @property
    def step(self):
        return None if self.lesson is None else self.lesson.steps[self.index]

    def submit(self, text: str) -> None:
        """The learner's answer (the panel's answer box)."""
        step = self.step
        if step is None or step.answer is None:
            return
        number = as_number(text)
        if number is None and self.status != PASSED:
            self.status = NOT_A_NUMBER
            self.changed.emit()
            return
        if number is not None:
            self.check("answer", number)

    def check(self, trigger: str, answer: float | None = None) -> None:
        """Evaluate the step's checkpoint after ``trigger`` ("enter", "answer", "edit",
        "cursor", "workspace", "run")."""
        step = self.step
        if self._applying or step is None or not step.checks:
            return
        triggers = {c.trigger for c in step.checks}
        if trigger not in triggers and trigger != "enter":
            return
        if self.status == PASSED and trigger != "answer":
            return
        verdict = evaluate(step.checks, self._snapshot(), self.start, answer)
        before = (self.status, self.hint_shown)
        if verdict.problem:
            self.status, self.problem = PROBLEM, verdict.problem
        elif verdict.passed:
            self.status = PASSED
            self.passed.add(self.index)
            self._save()
        elif verdict.missed and trigger != "enter":
            self.status, self.hint_shown = MISSED, True
        elif self.status in (NOT_A_NUMBER, PROBLEM):
            self.status = OPEN
        if (self.status, self.hint_shown) != before or trigger == "answer":
            self.changed.emit()

    def progress(self, lesson: Lesson) -> tuple[int, int]:
        """(checkpoints reached, checkpoints) of ``lesson``."""
        passed = self.passed if lesson is self.lesson else self.saved_passed(lesson)
        checked = [i for i, s in enumerate(lesson.steps) if s.checks]
        return sum(i in passed for i in checked), len(checked)
