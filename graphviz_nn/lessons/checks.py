"""Checkpoints evaluated over a plain snapshot of the app's state (no Qt here).

The window reads its state into a :class:`Snapshot` (node values and gradients, the timeline,
the workspace, the training settings, the runs that ended); :func:`evaluate` says whether a
step's checks hold. What the learner must reach (a node's value or gradient, a ``target``) is
read from the snapshot *now*; the numbers it is compared with (``equals``, ``below``,
``above``) are worked out on the snapshot taken when the step began, so "lower the loss" is
``below = "value(L)"``. An ``answer`` is compared with its formula worked out now.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .lesson import Check
from .quantity import QuantityError

MAX_SNAPSHOT_SIZE = 10_000      # values with more numbers are left out of a snapshot


@dataclass
class Run:
    """A training run that ended: its settings and its per-epoch history."""

    dataset: str
    optimizer: str
    learning_rate: float
    batch_size: int
    epochs: int                     # planned
    dropout: float = 0.0
    hidden: tuple[int, ...] = ()
    activation: str = ""
    train_samples: int = 0
    ended: str = "done"             # "done", "stopped", "diverged", "nonfinite", "error"
    history: dict[str, list[float]] = field(default_factory=dict)   # loss, val_loss, ...
    first_loss: float = math.nan    # the first step's loss
    last_loss: float = math.nan     # the last step's loss

    @property
    def epochs_done(self) -> int:
        return len(self.history.get("loss", []))


@dataclass
class Snapshot:
    """The app's state as checks see it."""

    values: dict[str, np.ndarray] = field(default_factory=dict)
    grads: dict[str, np.ndarray] = field(default_factory=dict)
    ops: dict[str, str] = field(default_factory=dict)          # node name -> op
    leaves: tuple[str, ...] = ()                                # inputs and params
    steps: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)
    cursor: int = -1                # (kind, node, the inputs it sends gradients to) per step
    workspace: str = "explore"
    train: dict[str, float | str | None] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)

    # the Reader protocol of quantity.py
    def node_value(self, name: str) -> np.ndarray | None:
        return self.values.get(name)

    def node_grad(self, name: str) -> np.ndarray | None:
        return self.grads.get(name)

    def setting(self, name: str) -> float | None:
        v = self.train.get(name)
        return None if v is None or isinstance(v, str) else float(v)

    @property
    def n_forward(self) -> int:
        return sum(kind == "forward" for kind, _n, _s in self.steps)


def small(value) -> np.ndarray | None:
    """A copy of ``value`` for a snapshot (None when absent or too big to keep)."""
    if value is None:
        return None
    arr = np.asarray(value)
    return None if arr.size > MAX_SNAPSHOT_SIZE else np.array(arr, dtype=np.float64, copy=True)


@dataclass
class Verdict:
    """``passed``: every check holds. ``missed``: the learner's last try did not reach it (a
    hint is due). ``problem``: the lesson does not fit the app's state (a node it names is
    missing, say): words for the teacher."""

    passed: bool
    missed: bool = False
    problem: str = ""


def default_tolerance(expected: float) -> float:
    """Half a percent of the expected number, and at least half a unit of the third decimal:
    0.197 or 0.1966 passes for 0.19661, 0.2 does not. (A check gives ``tolerance = 0`` for
    whole numbers, or its own.)"""
    return max(0.0005 + 1e-9, 0.005 * abs(expected))


def evaluate(checks: list[Check], now: Snapshot, start: Snapshot,
             answer: float | None = None) -> Verdict:
    """Whether all ``checks`` hold on ``now`` (compared with ``start``, the step's beginning);
    ``answer``: the number the learner submitted for an answer check."""
    passed, missed = True, False
    for check in checks:
        try:
            ok, miss = _one(check, now, start, answer)
        except QuantityError as exc:
            return Verdict(False, False, str(exc))
        passed &= ok
        missed |= miss
    return Verdict(passed, missed and not passed)


def _scalar(value, what: str) -> float:
    if value is None:
        raise QuantityError(f"the graph has no {what}")
    arr = np.asarray(value, dtype=np.float64)
    if arr.size != 1:
        raise QuantityError(f"{what} is a tensor of shape {arr.shape}, not one number")
    return float(arr.reshape(()))


def _compare(x: float, p: dict, start: Snapshot) -> bool:
    if not math.isfinite(x):
        return False
    for key in ("equals", "below", "above"):
        if key not in p:
            continue
        goal = p[key].evaluate(start)
        if key == "equals":
            tol = p.get("tolerance", default_tolerance(goal))
            if not abs(x - goal) <= tol:
                return False
        elif key == "below" and not x < goal:
            return False
        elif key == "above" and not x > goal:
            return False
    return True


def _one(check: Check, now: Snapshot, start: Snapshot, answer: float | None) -> tuple[bool, bool]:
    """(holds, a miss) for one check."""
    p, kind = check.params, check.kind
    if kind == "answer":
        if answer is None:
            return False, False
        expected = p["of"].evaluate(now)
        ok = math.isfinite(answer) and abs(answer - expected) <= p.get(
            "tolerance", default_tolerance(expected))
        return ok, not ok
    if kind in ("value", "grad"):
        node = p["node"]
        read = now.node_value if kind == "value" else now.node_grad
        what = f"node {node!r}" if kind == "value" else f"gradient for {node!r}"
        ok = _compare(_scalar(read(node), what), p, start)
        return ok, not ok
    if kind == "leaf_value":
        ok = _compare(p["target"].evaluate(now), p, start) and _others_kept(p["leaf"], now, start)
        return ok, not ok
    if kind == "node_present":
        ok = ("node" not in p or p["node"] in now.ops) and (
            "op" not in p or sum(op in p["op"] for op in now.ops.values()) >= p.get("count", 1))
        return ok, not ok
    if kind == "cursor":
        target = cursor_target(p, now)
        return now.cursor == target, now.cursor > target
    if kind == "workspace":
        return now.workspace == p["is"], False
    new = now.runs[len(start.runs):]
    if not new:
        return False, False
    ok = run_holds(p, new[-1], now.runs[:-1])
    return ok, not ok


def _others_kept(leaf: str, now: Snapshot, start: Snapshot) -> bool:
    """Every input and param except ``leaf`` still has the value it had at the start."""
    if leaf not in now.values:
        raise QuantityError(f"the graph has no leaf {leaf!r}")
    for name in start.leaves:
        if name == leaf:
            continue
        a, b = start.values.get(name), now.values.get(name)
        if a is None or b is None or a.shape != b.shape or not np.array_equal(a, b):
            return False
    return True


def cursor_target(p: dict, now: Snapshot) -> int:
    """The timeline index a cursor check asks for."""
    at = p.get("at")
    if at == "start":
        return -1
    if at == "forward_end":
        return now.n_forward - 1
    if at == "end":
        return len(now.steps) - 1
    node, phase = p["node"], p["phase"]
    found = [i for i, (kind, name, sends) in enumerate(now.steps)
             if kind == phase and (name == node or (phase == "backward" and node in sends))]
    if not found:
        raise QuantityError(f"the timeline has no {phase} step for {node!r}")
    # a leaf's gradient is complete at the last backward step that sends to it
    own = [i for i in found if now.steps[i][1] == node]
    return own[0] if own else found[-1]


def run_holds(p: dict, run: Run, before: list[Run]) -> bool:
    """Whether ``run`` meets every condition of a run_finished check (``before``: the runs
    that ended before it, for ``optimizer_changed``)."""
    h = run.history
    tests = {
        "dataset": lambda v: run.dataset == v,
        "optimizer": lambda v: run.optimizer == v,
        "optimizer_changed": lambda v: bool(before) and (before[-1].optimizer != run.optimizer) == v,
        "activation": lambda v: run.activation == v,
        "hidden": lambda v: tuple(run.hidden) == tuple(v),
        "learning_rate_min": lambda v: run.learning_rate >= v,
        "learning_rate_max": lambda v: run.learning_rate <= v,
        "batch_size": lambda v: run.batch_size == v,
        "batch_size_min": lambda v: run.batch_size >= v,
        "batch_size_max": lambda v: run.batch_size <= v,
        "full_batch": lambda v: (run.batch_size >= run.train_samples > 0) == v,
        "dropout_min": lambda v: run.dropout >= v,
        "epochs_min": lambda v: run.epochs_done >= v,
        "completed": lambda v: (run.ended == "done") == v,
        "diverged": lambda v: (run.ended in ("diverged", "nonfinite")) == v,
        "loss_decreased": lambda v: _loss_decreased(run) == v,
        "accuracy_min": lambda v: _last(h, "accuracy") >= v,
        "val_accuracy_min": lambda v: _last(h, "val_accuracy") >= v,
        "overfit_epochs": lambda v: overfits(h.get("val_loss", []), v),
    }
    return all(tests[k](v) for k, v in p.items())


def _last(history: dict, key: str) -> float:
    values = history.get(key) or [math.nan]
    v = float(values[-1])
    return v if math.isfinite(v) else -math.inf


def _loss_decreased(run: Run) -> bool:
    loss = [v for v in run.history.get("loss", []) if math.isfinite(v)]
    if len(loss) >= 2:
        return loss[-1] < loss[0]
    return math.isfinite(run.first_loss) and math.isfinite(run.last_loss) \
        and run.last_loss < run.first_loss


def overfits(val_loss: list[float], epochs: int) -> bool:
    """The validation loss reached its lowest at least ``epochs`` epochs before the end and
    ended higher: the model went on fitting the training data while getting worse on new
    data (the Keras note's sign of overfitting)."""
    v = np.asarray([x for x in val_loss if math.isfinite(x)], dtype=np.float64)
    if v.size < epochs + 1:
        return False
    best = int(np.argmin(v))
    return v.size - 1 - best >= epochs and v[-1] > v[best]
