"""What the window keeps of each run for time travel: its weights over time (a bounded
``SnapshotStore``, with each step's gradients for small models), the data and settings it was
trained with, and where it branched from.

Steps are global (the curves' step axis: snapshot ``k`` holds the weights after ``k`` steps,
those the loss at step ``k`` was computed with). A branch's store counts from its branch point;
before it, the branch's history is its parent's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from graphviz_nn.nn.lockstep import SMALL_MODEL
from graphviz_nn.nn.snapshots import SnapshotStore

SNAPSHOT_BYTES = 40 * 2**20     # per run; a 784-100-10 run keeps 100+ snapshots in this
SNAPSHOT_COUNT = 512


@dataclass
class RunRecord:
    """One run (or branch, or side of a paired run) as time travel sees it."""

    label: str
    settings: Any                         # TrainSettings
    predictor: Any                        # activations, or a model's predict_with
    data: tuple                           # x_train, y_train, x_val, y_val
    start: int = 0                        # global step of this run's first snapshot
    parent: RunRecord | None = None
    grads: bool = False                   # snapshots keep their step's gradients
    store: SnapshotStore = field(default_factory=lambda: SnapshotStore(SNAPSHOT_BYTES,
                                                                       SNAPSHOT_COUNT))

    @staticmethod
    def wants_grads(model) -> bool:
        count = getattr(model, "count_params", None)
        return callable(count) and count() <= SMALL_MODEL

    # -- writing (GUI thread) ----------------------------------------------------------------
    def job_history(self, offset: int) -> dict:
        """The trainer's snapshot settings for a fit whose step 0 is global step ``offset``."""
        sched = self.store.schedule
        return {"max_bytes": sched.max_bytes, "max_count": sched.max_count,
                "offset": offset - self.start, "steps": list(sched.steps),
                "sizes": [sched.sizes[s] for s in sched.steps], "grads": self.grads}

    def take(self, snaps: list[tuple[int, list, list | None]]) -> None:
        """Snapshots from the trainer: (step of this run's store, weights, gradients), each
        snapshot's arrays views of a buffer of its own (kept as they are, not copied)."""
        for step, weights, grads in snaps:
            if step >= (self.store.latest[0] if self.store.latest else -1):
                self.store.add(step, weights, grads, copy=False)

    def set_latest(self, step: int, weights: list[np.ndarray]) -> None:
        """The weights at global ``step`` (the live ones, or new ones after a reset there)."""
        local = step - self.start
        if local >= 0 and (self.store.latest is None or local >= self.store.latest[0]):
            self.store.add(local, weights)

    # -- reading -----------------------------------------------------------------------------
    @property
    def last_step(self) -> int:
        """The newest global step with weights (-1: none yet)."""
        latest = self.store.latest
        return -1 if latest is None else self.start + latest[0]

    def at(self, step: int) -> tuple[int, list[np.ndarray], list[np.ndarray] | None]:
        """(global step saved, weights, gradients or None) shown for global ``step``: the
        newest snapshot at or before it."""
        if step < self.start and self.parent is not None:
            return self.parent.at(step)
        local = max(0, step - self.start)
        saved, weights = self.store.at(local)
        return self.start + saved, weights, self.store.extra_at(local)

    def saved_steps(self) -> list[int]:
        """Every global step with weights kept (the parent's before the branch point)."""
        own = [self.start + s for s in self.store.steps]
        if self.store.latest is not None:
            last = self.start + self.store.latest[0]
            if not own or own[-1] != last:
                own.append(last)
        before = [s for s in self.parent.saved_steps() if s < self.start] if self.parent else []
        return before + own
