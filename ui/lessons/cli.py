"""``graphviz-nn lesson [NAME]``: without NAME, one line per lesson; with NAME (an id, a number
from the list, or a lesson file), the window opened on that lesson. Listing needs no Qt."""

from __future__ import annotations

import os
import sys

USAGE = """usage: graphviz-nn lesson [NAME]
  without NAME: list the lessons
  NAME: a lesson's id or number from the list, or a lesson file (.toml): open the window on it"""


def _korean() -> bool:
    lang = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG", "")
    return lang.lower().startswith("ko")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from graphviz_nn.lessons import LessonError, find_lesson, load_lessons
    from ui.explore.examples import BY_KEY

    if argv and argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    if len(argv) > 1:
        print(f"graphviz-nn lesson: one NAME at most, got {len(argv)}; see --help",
              file=sys.stderr)
        return 2
    try:
        lessons = load_lessons(examples=set(BY_KEY))
        found = find_lesson(argv[0], lessons, set(BY_KEY)) if argv else None
    except LessonError as exc:
        print(f"graphviz-nn lesson: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    if not argv:
        first, second = ("ko", "en") if _korean() else ("en", "ko")
        for i, lesson in enumerate(lessons, start=1):
            print(f"{i}. {lesson.id}: {lesson.title.get(first)} ({lesson.title.get(second)}), "
                  f"{len(lesson.steps)} steps")
        return 0
    if found is None:
        print(f"graphviz-nn lesson: no lesson named {argv[0]!r}; `graphviz-nn lesson` lists "
              "them", file=sys.stderr)
        return 2
    return open_window(found)


def open_window(lesson) -> int:
    """Start the app as ``graphviz-nn`` does, with ``lesson`` open in the Lessons panel."""
    from ui.lessons import open_lesson
    from ui.start import main as start_app

    return start_app([], after_first_paint=[lambda w: open_lesson(w, lesson)])
