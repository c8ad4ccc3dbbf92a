"""Two runs in lock-step, and the snapshots a run keeps for time travel.

``fit_lockstep`` trains two (or more) models step for step in one thread: step i of every model
before step i + 1 of any, so after each step of the last model all have done the same number.
Each model has its own ``fit`` arguments (its own callbacks); the data, the seed and the rest
are the caller's to make equal.

``HistoryTap`` takes the weights (and, for small models, the gradients of the step that made
them) at exactly the steps a ``SnapshotStore`` with the same limits keeps, for a trainer that
sends them to a window holding the store.
"""

from __future__ import annotations

import numpy as np

from graphviz_nn.nn.callbacks import Callback
from graphviz_nn.nn.fit import fit_steps
from graphviz_nn.nn.snapshots import SnapshotSchedule

__all__ = ["fit_lockstep", "HistoryTap", "Leader", "SMALL_MODEL", "split_flat"]

SMALL_MODEL = 20_000   # parameters: up to this many, each snapshot keeps its step's gradients


def fit_lockstep(runs: list[tuple[object, dict]]) -> None:
    """Fit each ``(model, fit_kwargs)`` in turn one step at a time. When one run ends (its
    epochs done, a NaN, a stop) the others stop too, without another step. (A run that hits a
    NaN at step i has not applied it; the runs before it in the list have.)"""
    gens = [fit_steps(model, **kw) for model, kw in runs]
    with np.errstate(all="ignore"):   # see fit_steps: the generators' errstates interleave
        while True:
            ended = False
            for gen in gens:
                if next(gen, None) is None:
                    ended = True
                    break
            # a stop asked for during the round: every run has done the same steps now
            if ended or any(model.stop_training for model, _kw in runs):
                break
        for (model, _kw), gen in zip(runs, gens, strict=True):
            model.stop_training = True
            for _ in gen:                  # resumes after its last step and ends there
                pass


class Leader(Callback):
    """The callback of a run that steps before the one a trainer's link watches (a paired
    run's A): its epochs and a NaN go to the link (``epoch_end``, ``nonfinite``)."""

    def __init__(self, link, run: int) -> None:
        self.link, self.run = link, run

    def on_epoch_end(self, epoch: int, logs=None) -> None:
        self.link.epoch_end(self.run, epoch, logs)

    def on_nonfinite(self, info: dict) -> None:
        self.link.nonfinite = {"step": int(info.get("step", -1)),
                               "node": str(info.get("node", "?")), "run": self.run}


def last_gradients(model) -> list[np.ndarray] | None:
    """Copies of the gradients of ``model``'s last step (``get_weights`` order), or None."""
    own = getattr(model, "last_gradients", None)
    if callable(own):
        return own()
    plan = getattr(model, "_plan", None)
    if plan is None or not plan.rows:
        return None
    return [g.copy() for g in plan.grads]


class HistoryTap:
    """The snapshots of one run that a window's ``SnapshotStore`` will keep.

    ``spec`` comes from the window: {"max_bytes", "max_count", "offset" (the store's step of
    this fit's step 0), "steps", "sizes" (what the store keeps already), "grads" (bool)}."""

    def __init__(self, spec: dict) -> None:
        self.schedule = SnapshotSchedule(int(spec["max_bytes"]), int(spec["max_count"]))
        steps, sizes = list(spec.get("steps") or []), list(spec.get("sizes") or [])
        if len(steps) != len(sizes):
            raise ValueError("snapshot steps and sizes differ in number")
        for step, size in zip(steps, sizes, strict=True):
            self.schedule.add(int(step), int(size))
        self.offset = int(spec.get("offset", 0))
        if self.offset < self.schedule.last:
            raise ValueError("a fit that starts before the snapshots kept")
        self.grads = bool(spec.get("grads", False))
        self.taken: list[tuple[int, np.ndarray, bool]] = []
        self.shapes: list[tuple[int, ...]] = []     # of the weights, from the first snapshot

    def take(self, model, count: int) -> None:
        """After ``count`` steps of this fit: a snapshot if the store will keep one here, as one
        flat array (the weights in ``get_weights`` order, then their gradients if kept): one
        message part per snapshot, and one array for the window to keep, not one per weight."""
        step = self.offset + count
        if not self.schedule.wants(step) or step < self.schedule.last:
            return
        weights = model.get_weights()
        grads = last_gradients(model) if self.grads and count > 0 else None
        self.shapes = [w.shape for w in weights]
        flat = np.concatenate([a.reshape(-1) for a in weights + (grads or [])])
        self.schedule.add(step, flat.nbytes)
        self.taken.append((step, flat, grads is not None))

    def next_index(self, count: int) -> int:
        """The fit's step index (``on_batch_end``'s ``step``) after which the next snapshot
        is due."""
        return self.schedule.next_wanted(self.offset + count) - self.offset - 1

    def drain(self) -> tuple[list[list], list[np.ndarray]]:
        """What was taken since the last call: ([[step, has_grads], ...], one flat array per
        snapshot)."""
        heads = [[step, has_grads] for step, _flat, has_grads in self.taken]
        arrays = [flat for _step, flat, _has in self.taken]
        self.taken = []
        return heads, arrays

    def drain_split(self) -> list[tuple[int, list[np.ndarray], list[np.ndarray] | None]]:
        """What was taken since the last call, as (step, weights, gradients or None): views
        of each snapshot's own flat array (for a window in the same process)."""
        out = [(step, *split_flat(flat, self.shapes, has)) for step, flat, has in self.taken]
        self.taken = []
        return out


def split_flat(flat: np.ndarray, shapes: list[tuple[int, ...]], has_grads: bool
               ) -> tuple[list[np.ndarray], list[np.ndarray] | None]:
    """A snapshot sent as one flat array back as (weights, gradients or None): views of it in
    ``shapes``. ValueError if its size does not fit."""
    parts = list(shapes) * (2 if has_grads else 1)
    ends = np.cumsum([int(np.prod(s, dtype=np.int64)) for s in parts], dtype=np.int64)
    total = int(ends[-1]) if len(ends) else 0
    if flat.ndim != 1 or flat.size != total:
        raise ValueError(f"a snapshot of shape {tuple(flat.shape)} for a model of {total} numbers")
    starts = [0, *ends[:-1].tolist()]
    views = [flat[a:b].reshape(s) for a, b, s in zip(starts, ends.tolist(), parts, strict=True)]
    k = len(shapes)
    return views[:k], (views[k:] if has_grads else None)
