"""When a run's loss has blown up (diverged) while every number is still finite.

A learning rate far too large (SGD at 100 on the circles) sends the loss from 0.7 to 10^5 within
a step, and then the network sits at chance with a loss of 20-30 for the rest of the run. That
deserves the same warning as a NaN. The rule, with the loss of the run's first step (the
untrained network on its first batch) as the reference ``L0``:

- one step's loss ≥ ``STEP_FACTOR`` × L0 (three orders of magnitude): diverged at once;
- an epoch's mean training loss ≥ ``EPOCH_FACTOR`` × L0 (an order of magnitude, sustained
  over a whole epoch): diverged.

A healthy run's loss falls below L0 and stays there; noise in a batch or a rough epoch does not
come near ten times where it started. NaN and infinity are the non-finite check's, not this.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["DivergenceWatch", "STEP_FACTOR", "EPOCH_FACTOR"]

STEP_FACTOR = 1000.0
EPOCH_FACTOR = 10.0


class DivergenceWatch:
    """Feed it the run's step losses and epoch means in order; it answers with what diverged
    (a dict: ``loss``, ``first``, and ``step`` or ``epoch``) or None."""

    def __init__(self) -> None:
        self.first: float | None = None      # L0, the loss of the run's first step

    def steps(self, steps: np.ndarray, losses: np.ndarray) -> dict | None:
        """New steps (global numbers) and their losses."""
        losses = np.asarray(losses, dtype=np.float64)
        if losses.size == 0:
            return None
        if self.first is None:
            finite = np.flatnonzero(np.isfinite(losses))
            if finite.size == 0:
                return None
            self.first = float(losses[finite[0]])
        if self.first <= 0:
            return None
        over = np.flatnonzero(np.isfinite(losses) & (losses >= STEP_FACTOR * self.first))
        if over.size == 0:
            return None
        i = int(over[0])
        return {"step": int(np.asarray(steps)[i]), "loss": float(losses[i]), "first": self.first}

    def epoch(self, epoch: int, mean_loss: float) -> dict | None:
        """An epoch's mean training loss."""
        if self.first is None or self.first <= 0 or not math.isfinite(mean_loss):
            return None
        if mean_loss >= EPOCH_FACTOR * self.first:
            return {"epoch": int(epoch), "loss": float(mean_loss), "first": self.first}
        return None
