"""When the training dock's views repaint while the trainer runs.

Each view repaints at a bounded rate, and only as often as its measured cost (the CPU time of
its update and of every paint it caused) fits in its share of wall time; at most one costly
view repaints per tick, so that no tick is long. The shares are small when the trainer is a
thread of this process (the graph on the canvas): it needs the GIL that painting holds, so
every millisecond the GUI thread works, the trainer waits. When it trains in the trainer
process the dock raises them (``budget_scale``, ``floor_scale``; see ``launch.py``).
"""

from __future__ import annotations

import time
from collections import deque
from functools import partial

import pyqtgraph as pg
from PySide6.QtCore import QTimer

# least seconds between two repaints of each view while training
REFRESH_S = {"progress": 0.5, "curves": 0.4, "gradflow": 0.5, "boundary": 0.75,
             "confusion": 1.0, "canvas": 1.0, "network": 0.05, "histograms": 0.5}
# the share of wall time each view may spend (its update and its paints, in GUI-thread CPU
# time) while training; a costly view, or any view on a slow or busy machine, repaints less
# often rather than slowing the trainer down. Together about 2 %: each millisecond the GUI
# spends costs the trainer about as much again (the GIL, and two busy threads on two cores
# slow each other down). The network diagram's maps are what a learner watches, so they get
# more: with the trainer in its own process, a quarter of the GUI thread (2-32-32-2: ~10 a s).
BUDGET = {"curves": 0.008, "gradflow": 0.006, "boundary": 0.004, "confusion": 0.002,
          "canvas": 0.002, "network": 0.05, "histograms": 0.004}
# held to a speed (steps a second) the trainer leaves the machine mostly idle: the views may
# repaint this much more often, so the boundary is seen to grow
PACED_BUDGET = 10.0
PACED_FLOOR = 0.3
CANVAS_PAINT_FACTOR = 3.0
TIMELESS = ("curves", "gradflow")   # views that draw the whole run, also during time travel   # the canvas's paint is not timed here: assume 3× its update


class _PaintTimer:
    """Mixin for pyqtgraph views: ``paint_seconds`` adds up the CPU time of all their paints."""

    paint_seconds = 0.0

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        t0 = time.thread_time()
        super().paintEvent(event)
        self.paint_seconds += time.thread_time() - t0


class TimedLayoutWidget(_PaintTimer, pg.GraphicsLayoutWidget):
    """A GraphicsLayoutWidget that measures its own paint time."""


class TimedPlotWidget(_PaintTimer, pg.PlotWidget):
    """A PlotWidget that measures its own paint time."""


class ViewRefresher:
    """Decides, per drain tick, which of the dock's views repaint."""

    def __init__(self, dock) -> None:
        self.dock = dock
        self.budget_scale = 1.0              # more when the trainer has a process of its own
        self.floor_scale = 1.0               # and shorter least intervals
        self.paced = False                   # held to a speed the learner chose: time to spare
        self.pending_weights = None          # newest weight snapshot not shown yet
        # (epoch, weights, step) for the confusion matrix; step None: at the end of the epoch
        self.pending_epoch_weights = None
        self.pending_network = None          # (weights, gradients) for the network diagram
        self._last: dict[str, float] = {}
        self._cost: dict[str, float] = {}    # average CPU seconds per refresh of each view
        self._painted: dict[str, float] = {}  # each view's paint seconds at its last refresh
        self._jobs = deque(["curves", "boundary", "confusion", "gradflow", "canvas",
                            "histograms"])

    def reset(self) -> None:
        self.pending_weights = self.pending_epoch_weights = self.pending_network = None
        self._last.clear()

    def interval(self, view: str) -> float:
        """Seconds between two repaints of ``view``: its floor, or longer if it is costly."""
        share = BUDGET.get(view, 1.0) * self.budget_scale * (PACED_BUDGET if self.paced else 1)
        floor = REFRESH_S[view] * self.floor_scale * (PACED_FLOOR if self.paced else 1)
        return max(floor, self._cost.get(view, 0.0) / share)

    def due(self, view: str, force: bool = False) -> bool:
        now = time.perf_counter()
        if force or now - self._last.get(view, -1e9) >= self.interval(view):
            self._last[view] = now
            return True
        return False

    def _paint_seconds(self, view: str) -> float:
        d = self.dock
        widget = {"curves": d.curves.plots, "gradflow": d.gradflow.plots,
                  "boundary": d.boundary.plot, "confusion": d.confusion.plots,
                  "network": d.network, "histograms": d.histograms.plots}.get(view)
        return getattr(widget, "paint_seconds", 0.0)

    def refresh(self, force: bool = False) -> None:
        """Progress text, the network diagram's maps (of the newest weights, each time they
        fit in its budget: they are what a learner watches), then the next costly view whose
        turn it is (all of them if force)."""
        d = self.dock
        if d.last_step >= 0 and self.due("progress", force):
            d.controls.show_progress(d.last_step, d.last_epoch, d.last_loss)
        self.run_job("network", force)
        jobs = self._jobs
        for _ in range(len(jobs)):
            view = jobs[0]
            jobs.rotate(-1)                  # round robin: every view gets its turn
            if self.run_job(view, force) and not force:
                break

    def refresh_all(self, *after) -> None:
        """Redraw every view now (the gradient flow too), then call each of ``after``: one
        piece per event-loop turn, so that the window never stalls for all of them at once."""
        d = self.dock
        pieces = deque([partial(d.gradflow.refresh, force=True), self._progress_now])
        # the gradient flow is redrawn above even when its tab is hidden: not twice here
        pieces.extend(partial(self.run_job, view, True) for view in (*self._jobs, "network")
                      if view != "gradflow")
        pieces.extend(after)

        def step() -> None:
            piece = pieces.popleft()
            if pieces:      # queued first: a piece that raises does not leave the rest undone
                QTimer.singleShot(0, d, step)
            piece()

        step()

    def _progress_now(self) -> None:
        d = self.dock
        if d.last_step >= 0:
            d.controls.show_progress(d.last_step, d.last_epoch, d.last_loss)

    def run_job(self, view: str, force: bool = False) -> bool:
        """Redraw ``view`` if it has something new and its time has come; True if it did."""
        d = self.dock
        if view == "curves":
            ready = True
        elif view == "gradflow":
            ready = d.tabs.currentWidget() is d.gradflow
        elif view == "histograms":       # drawn when on show (the tab brings it up to date)
            ready = d.tabs.currentWidget() is d.histograms
        elif view == "boundary":
            ready = self.pending_weights is not None
        elif view == "confusion":
            ready = self.pending_epoch_weights is not None
        elif view == "network":       # hidden (another workspace): its weights wait
            ready = self.pending_network is not None and d.network.isVisible()
        else:
            ready = d.model_on_canvas and d.controller is not None
        travel = getattr(d, "travel", None)
        if travel is not None and travel.viewing is not None and view not in TIMELESS:
            return False          # time travel: the views show a step of the past
        if not ready or not self.due(view, force):
            return False
        t0 = time.thread_time()
        self._update(view, force)
        cost = time.thread_time() - t0
        if view == "canvas":
            cost *= 1.0 + CANVAS_PAINT_FACTOR
        # and the paints since its last refresh (those of the last one; not yet this one's)
        painted = self._paint_seconds(view)
        cost += max(0.0, painted - self._painted.get(view, painted))
        self._painted[view] = painted
        self._cost[view] = 0.7 * self._cost.get(view, cost) + 0.3 * cost
        return True

    def _update(self, view: str, force: bool) -> None:
        d = self.dock
        if view == "curves":
            d.curves.refresh()
        elif view == "gradflow":
            d.gradflow.refresh(force=force)
        elif view == "histograms":
            d.histograms.refresh(force=force)
        elif view == "boundary":
            d.show_boundary(self.pending_weights)
            self.pending_weights = None
        elif view == "network":
            weights, grads = self.pending_network
            self.pending_network = None
            d.network.show_weights(weights, grads, live=True)
        elif view == "confusion":
            epoch, w, step = self.pending_epoch_weights
            self.pending_epoch_weights = None
            d.confusion.update_weights(epoch, w, d.predictor, step=step)
        else:
            d.controller.show_values()
