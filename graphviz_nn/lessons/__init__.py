"""Guided lessons: one per lecture note, each a TOML file of steps with checkpoints.

    from graphviz_nn import lessons
    all_lessons = lessons.load_lessons()           # resources/lessons/*.toml, in order
    lesson = lessons.find_lesson("backprop")       # by id, number or file path

``lesson.py`` says what a lesson is (steps, texts in both languages, checks);
``format.py`` reads and validates files (LessonError names file, step and key);
``checks.py`` evaluates checkpoints over a plain :class:`Snapshot` of the app's state;
``quantity.py`` reads the small formulas checks use (``grad(x)``, ``value(w7) - 0.5 * grad(w7)``).
The window's panel is ``ui/lessons``. No Qt here.
"""

from __future__ import annotations

from pathlib import Path

from .checks import Run, Snapshot, Verdict, evaluate
from .format import load_lesson, parse_lesson
from .lesson import LANGUAGES, Check, Lesson, LessonError, Step, Text
from .quantity import Quantity, QuantityError

__all__ = ["LANGUAGES", "LESSONS_DIR", "Check", "Lesson", "LessonError", "Quantity",
           "QuantityError", "Run", "Snapshot", "Step", "Text", "Verdict", "evaluate",
           "find_lesson", "load_lesson", "load_lessons", "parse_lesson"]

LESSONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "lessons"


def load_lessons(folder: str | Path | None = None,
                 examples: set[str] | None = None) -> list[Lesson]:
    """Every ``*.toml`` lesson in ``folder`` (default: the app's own), by ``order`` then id.
    A file that cannot be used raises LessonError naming it."""
    folder = Path(folder) if folder is not None else LESSONS_DIR
    found = [load_lesson(p, examples) for p in sorted(folder.glob("*.toml"))]
    ids: dict[str, Path | None] = {}
    for lesson in found:
        if lesson.id in ids:
            raise LessonError(f"the id {lesson.id!r} is also used by {ids[lesson.id].name}",
                              lesson.path.name if lesson.path else "", key="id")
        ids[lesson.id] = lesson.path
    return sorted(found, key=lambda les: (les.order, les.id))


def find_lesson(name: str, lessons: list[Lesson] | None = None,
                examples: set[str] | None = None) -> Lesson | None:
    """The lesson called ``name``: its id, its number in the list (1, 2, ...), or the path of a
    ``.toml`` file (LessonError if that file cannot be used). None when there is none."""
    if name.endswith(".toml"):
        return load_lesson(name, examples)
    lessons = load_lessons(examples=examples) if lessons is None else lessons
    for i, lesson in enumerate(lessons, start=1):
        if name in (lesson.id, str(i)):
            return lesson
    return None
