"""A run's weights over time, for time travel: snapshots at steps 0, s, 2s, ... that thin out as
the run grows, so memory stays bounded whatever the run's length.

    store = SnapshotStore(max_bytes=40 * 2**20)
    if store.wants(step):                 # cheap: ask before copying the weights
        store.add(step, model.get_weights())
    step_saved, weights = store.at(k)     # the latest snapshot at or before step k

When the store would exceed ``max_bytes`` or ``max_count``, the stride doubles and every
snapshot off the new stride is dropped (step 0 stays). The newest weights added are always kept
as well (``store.latest``), so the end of a run can be shown exactly.

Which steps are kept depends only on the steps added and their sizes (``SnapshotSchedule``): a
trainer in another process that keeps the same schedule, without the arrays, takes its
snapshots at exactly the steps the window's store will keep.
"""

from __future__ import annotations

import bisect

import numpy as np

__all__ = ["SnapshotSchedule", "SnapshotStore"]


class SnapshotSchedule:
    """Which steps a bounded store keeps: the steps and their sizes, no arrays."""

    def __init__(self, max_bytes: int = 40 * 2**20, max_count: int = 512) -> None:
        if max_count < 2:
            raise ValueError("a snapshot store keeps at least 2 snapshots")
        self.max_bytes, self.max_count = int(max_bytes), int(max_count)
        self.stride = 1
        self.steps: list[int] = []
        self.sizes: dict[int, int] = {}
        self.nbytes = 0
        self.last = -1           # the newest step added (kept or not)

    def wants(self, step: int) -> bool:
        """Whether ``add(step, ...)`` would keep a snapshot on the stride."""
        return step % self.stride == 0 and step not in self.sizes

    def next_wanted(self, step: int) -> int:
        """The first step after ``step`` that the stride keeps (as the stride is now)."""
        return (step // self.stride + 1) * self.stride

    def add(self, step: int, nbytes: int) -> tuple[bool, list[int]]:
        """Record step ``step`` (``nbytes`` big): (kept, steps dropped by thinning)."""
        step = int(step)
        if step < 0:
            raise ValueError(f"a step is a count >= 0, got {step}")
        if step < self.last:
            raise ValueError(f"snapshot of step {step} after step {self.last}")
        self.last = step
        if not self.wants(step):
            return False, []
        self.steps.append(step)
        self.sizes[step] = int(nbytes)
        self.nbytes += int(nbytes)
        dropped: list[int] = []
        while len(self.steps) > 2 and (len(self.steps) > self.max_count
                                       or self.nbytes > self.max_bytes):
            dropped += self._thin()
        return True, dropped

    def _thin(self) -> list[int]:
        self.stride *= 2
        dropped = [s for s in self.steps if s % self.stride]
        self.steps = [s for s in self.steps if s % self.stride == 0]
        for s in dropped:
            self.nbytes -= self.sizes.pop(s)
        return dropped

    def clear(self) -> None:
        self.stride, self.steps, self.sizes, self.nbytes, self.last = 1, [], {}, 0, -1


class SnapshotStore:
    """Snapshots of a list of weight arrays, keyed by training step (0 = before training),
    each with optional extra arrays (e.g. the gradients of the step that made the weights)."""

    def __init__(self, max_bytes: int = 40 * 2**20, max_count: int = 512) -> None:
        self.schedule = SnapshotSchedule(max_bytes, max_count)
        self._weights: dict[int, list[np.ndarray]] = {}
        self._extras: dict[int, list[np.ndarray] | None] = {}
        self.latest: tuple[int, list[np.ndarray]] | None = None
        self.latest_extra: list[np.ndarray] | None = None

    @property
    def max_bytes(self) -> int:
        return self.schedule.max_bytes

    @property
    def max_count(self) -> int:
        return self.schedule.max_count

    @property
    def stride(self) -> int:
        return self.schedule.stride

    # -- writing -----------------------------------------------------------------------------
    def wants(self, step: int) -> bool:
        """Whether ``add(step, ...)`` would keep a snapshot on the stride."""
        return self.schedule.wants(step)

    def add(self, step: int, weights: list[np.ndarray],
            extra: list[np.ndarray] | None = None, copy: bool = True) -> None:
        """Record the weights after ``step`` steps (copied, unless ``copy`` is False: arrays
        nothing else holds or writes, e.g. views of a snapshot's own buffer), with ``extra``
        arrays if given. Steps must not go backwards."""
        own = (lambda a: np.array(a, copy=True)) if copy else np.asarray
        arrays = [own(w) for w in weights]
        extra = None if extra is None else [own(e) for e in extra]
        size = sum(w.nbytes for w in arrays) + sum(e.nbytes for e in extra or ())
        kept, dropped = self.schedule.add(step, size)
        self.latest, self.latest_extra = (int(step), arrays), extra
        if kept:
            self._weights[int(step)] = arrays
            self._extras[int(step)] = extra
        for s in dropped:
            del self._weights[s], self._extras[s]

    def clear(self) -> None:
        self.schedule.clear()
        self._weights.clear()
        self._extras.clear()
        self.latest = self.latest_extra = None

    # -- reading -----------------------------------------------------------------------------
    @property
    def steps(self) -> list[int]:
        """The steps kept on the stride, ascending (the latest may come after them)."""
        return list(self.schedule.steps)

    @property
    def nbytes(self) -> int:
        """Bytes of the snapshots kept on the stride (weights and extras)."""
        return self.schedule.nbytes

    def __len__(self) -> int:
        return len(self.schedule.steps)

    def _find(self, step: int) -> int | None:
        """The kept step to show for ``step`` (None: the latest)."""
        if self.latest is not None and step >= self.latest[0]:
            return None
        steps = self.schedule.steps
        i = bisect.bisect_right(steps, int(step)) - 1
        if i < 0:
            if not steps:
                raise LookupError("no snapshot yet")
            i = 0
        return steps[i]

    def at(self, step: int) -> tuple[int, list[np.ndarray]]:
        """The snapshot to show for step ``step``: the latest kept at or before it (the newest
        one for a step at or past it). Raises LookupError on an empty store."""
        s = self._find(step)
        return self.latest if s is None else (s, self._weights[s])

    def extra_at(self, step: int) -> list[np.ndarray] | None:
        """The extra arrays of the snapshot ``at(step)`` gives (None if it has none)."""
        s = self._find(step)
        return self.latest_extra if s is None else self._extras[s]
