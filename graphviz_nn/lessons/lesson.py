"""What a lesson is once read: its steps, their texts in Korean and English, their checks.
``format.py`` reads files into these; ``checks.py`` evaluates the checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LANGUAGES = ("ko", "en")
# what a try at a check is, by its kind (see Check.trigger)
TRIGGERS = {"answer": "answer", "value": "edit", "grad": "edit", "leaf_value": "edit",
            "node_present": "edit", "cursor": "cursor", "workspace": "workspace",
            "run_finished": "run"}


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names file, step and key."""

    def __init__(self, message: str, source: str = "", step: int | None = None,
                 key: str = "") -> None:
        self.source, self.step, self.key, self.reason = source, step, key, message
        where = [p for p in (source, f"step {step}" if step is not None else "", key) if p]
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


@dataclass(frozen=True)
class Text:
    """The same words in every language of ``LANGUAGES``."""

    ko: str
    en: str

    def get(self, language: str) -> str:
        """The text in ``language`` ("ko" or "en"; anything else reads English)."""
        return self.ko if language == "ko" else self.en


@dataclass(eq=False)
class Check:
    """One condition of a checkpoint: ``kind`` and its validated ``params`` (formulas made
    :class:`Quantity`)."""

    kind: str
    params: dict[str, Any]

    @property
    def trigger(self) -> str:
        """What a try at it is: "answer" (the learner submits a number), "edit" (the graph
        changed), "cursor" (the timeline moved), "run" (a training run ended), "workspace"."""
        return TRIGGERS[self.kind]


@dataclass(eq=False)
class Step:
    number: int                 # 1-based
    text: Text
    title: Text | None = None
    setup: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    hint: Text | None = None
    done: Text | None = None

    @property
    def answer(self) -> Check | None:
        """The step's answer check (a number typed in the lesson panel), if any."""
        return next((c for c in self.checks if c.kind == "answer"), None)

    @property
    def sets_graph(self) -> bool:
        return any(k in self.setup for k in ("example", "expression", "graph"))


@dataclass(eq=False)
class Lesson:
    id: str
    title: Text
    steps: list[Step]
    order: int = 1000
    summary: Text | None = None
    source_note: str = ""       # the lecture note it follows
    path: Path | None = None
