"""A new run's views made ready one piece per event-loop turn.

Clicking Train resets every view of the Train workspace: the curves, the decision boundary with
its points, the network diagram with its first maps. Done at once, with the paints that follow,
that held the window ~140 ms. In pieces, each piece is painted before the next begins; the
trainer starts a little later (``START_DELAY_MS`` in the dock) and anything that needs the views
of the new run (its first progress, a pause, the learner's next click) finishes the pieces left
first, so no view ever shows the old run's picture beside the new run's numbers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

# ms between two pieces: a real timer, not a zero one (Qt delivers a zero timer before the
# window's other timers and input, which would then wait for every piece), and about a frame,
# so a piece's paints (a plot often paints twice after new ranges) have a turn of their own
GAP_MS = 16


class StagedStart:
    """``begin(pieces)``: run them one per event-loop turn; ``finish()``: the rest, now."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._pieces: deque[Callable[[], object]] = deque()

    @property
    def pending(self) -> int:
        return len(self._pieces)

    def begin(self, pieces: Iterable[Callable[[], object]]) -> None:
        """Replace what is queued (a new run resets every view anyway) and start."""
        self._pieces = deque(pieces)
        if self._pieces:
            QTimer.singleShot(GAP_MS, self._owner, self._next)

    def after(self, piece: Callable[[], object]) -> None:
        """``piece`` once the queued pieces are done (at once when none is queued)."""
        if self._pieces:
            self._pieces.append(piece)
        else:
            piece()

    def _next(self) -> None:
        if not self._pieces:
            return
        piece = self._pieces.popleft()
        if self._pieces:     # queued first: a piece that raises does not leave the rest undone
            QTimer.singleShot(GAP_MS, self._owner, self._next)
        piece()

    def finish(self) -> None:
        """Every piece still queued, in order, before anything else touches the views."""
        while self._pieces:
            self._pieces.popleft()()
