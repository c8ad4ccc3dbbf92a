"""A run's weights over time, for time travel: snapshots at steps 0, s, 2s, ... that thin out as
the run grows, so memory stays bounded whatever the run's length.

    store = SnapshotStore(max_bytes=40 * 2**20)
    if store.wants(step):                 # cheap: ask before copying the weights
        store.add(step, model.get_weights())
    step_saved, weights = store.at(k)     # the latest snapshot at or before step k

When the store would exceed ``max_bytes`` or ``max_count``, the stride doubles and every
snapshot off the new stride is dropped (step 0 stays). The newest weights added are always kept
as well (``store.latest``), so the end of a run can be shown exactly.
"""

from __future__ import annotations

import bisect

import numpy as np

__all__ = ["SnapshotStore"]


class SnapshotStore:
    """Snapshots of a list of weight arrays, keyed by training step (0 = before training)."""

    def __init__(self, max_bytes: int = 40 * 2**20, max_count: int = 512) -> None:
        if max_count < 2:
            raise ValueError("a snapshot store keeps at least 2 snapshots")
        self.max_bytes, self.max_count = int(max_bytes), int(max_count)
        self.stride = 1
        self._steps: list[int] = []
        self._weights: dict[int, list[np.ndarray]] = {}
        self.latest: tuple[int, list[np.ndarray]] | None = None

    # -- writing -----------------------------------------------------------------------------
    def wants(self, step: int) -> bool:
        """Whether ``add(step, ...)`` would keep a snapshot on the stride."""
        return step % self.stride == 0 and step not in self._weights

    def add(self, step: int, weights: list[np.ndarray]) -> None:
        """Record the weights after ``step`` steps (copied). Steps must not go backwards."""
        step = int(step)
        if step < 0:
            raise ValueError(f"a step is a count >= 0, got {step}")
        if self.latest is not None and step < self.latest[0]:
            raise ValueError(f"snapshot of step {step} after step {self.latest[0]}")
        copy = [np.array(w, copy=True) for w in weights]
        self.latest = (step, copy)
        if step % self.stride or step in self._weights:
            return
        self._steps.append(step)
        self._weights[step] = copy
        while len(self._steps) > 2 and (len(self._steps) > self.max_count
                                         or self.nbytes > self.max_bytes):
            self._thin()

    def _thin(self) -> None:
        self.stride *= 2
        keep = [s for s in self._steps if s % self.stride == 0]
        for s in self._steps:
            if s % self.stride:
                del self._weights[s]
        self._steps = keep

    def clear(self) -> None:
        self.stride = 1
        self._steps.clear()
        self._weights.clear()
        self.latest = None

    # -- reading -----------------------------------------------------------------------------
    @property
    def steps(self) -> list[int]:
        """The steps kept on the stride, ascending (the latest may come after them)."""
        return list(self._steps)

    @property
    def nbytes(self) -> int:
        per = sum(w.nbytes for w in next(iter(self._weights.values()), []))
        return per * len(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def at(self, step: int) -> tuple[int, list[np.ndarray]]:
        """The snapshot to show for step ``step``: the latest kept at or before it (the newest
        one for a step at or past it). Raises LookupError on an empty store."""
        if self.latest is not None and step >= self.latest[0]:
            return self.latest
        i = bisect.bisect_right(self._steps, int(step)) - 1
        if i < 0:
            if not self._steps:
                raise LookupError("no snapshot yet")
            i = 0
        s = self._steps[i]
        return s, self._weights[s]
