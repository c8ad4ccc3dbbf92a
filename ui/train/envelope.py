"""Per-batch curves drawn from a bounded number of points, however long the run.

pyqtgraph's own peak downsampling re-reduces the whole series at every redraw, on the GUI
thread, which holds the GIL the trainer needs: its cost grows with the run. Here each curve keeps
a min/max ("peak") envelope of its values in a fixed number of buckets over the step axis,
updated with only the new steps at each refresh, and pyqtgraph gets two points per bucket. When
the learner zooms in far enough that the buckets would show, the visible steps are drawn raw, or
reduced once for that view.
"""

from __future__ import annotations

import numpy as np

BUCKETS = 1024      # buckets when the plot's width is not known yet
ZOOM = 0.5          # the envelope serves views at least this share of its span wide


class PeakEnvelope:
    """Min and max of ``y`` in ``buckets`` equal buckets of ``x`` over [``lo``, ``lo + span``).

    ``extend`` adds new points in O(new points); a point beyond the span doubles the span (two
    neighbouring buckets merge into one, so nothing is recomputed from the raw data).
    Non-finite values are left out.
    """

    def __init__(self, buckets: int = BUCKETS, lo: float = 0.0, span: float = 0.0) -> None:
        self.buckets = int(buckets)
        self.lo = float(lo)
        self.n = 0                                   # points fed so far
        self.reset(span)

    def reset(self, span: float = 0.0) -> None:
        """Forget all points; the span starts at ``span`` (or ``buckets`` steps if 0)."""
        self.span = float(span) if span > 0 else float(self.buckets)
        self.n = 0
        self.x = np.full(self.buckets, np.nan)      # first x of each bucket
        self.ymin = np.full(self.buckets, np.nan)
        self.ymax = np.full(self.buckets, np.nan)

    def _double(self) -> None:
        for a in (self.x, self.ymin):
            half = np.fmin(a[0::2], a[1::2])
            a[: half.size], a[half.size:] = half, np.nan
        half = np.fmax(self.ymax[0::2], self.ymax[1::2])
        self.ymax[: half.size], self.ymax[half.size:] = half, np.nan
        self.span *= 2

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        """Add points (``x`` and ``y`` of the same length)."""
        x = np.asarray(x, dtype=np.float64).reshape(-1)
        y = np.asarray(y, dtype=np.float64).reshape(-1)
        self.n += y.size
        keep = np.isfinite(y) & np.isfinite(x)
        if not keep.all():
            x, y = x[keep], y[keep]
        if y.size == 0:
            return
        while x.max() - self.lo >= self.span:
            self._double()
        idx = ((x - self.lo) * (self.buckets / self.span)).astype(np.intp)
        np.clip(idx, 0, self.buckets - 1, out=idx)
        np.fmin.at(self.x, idx, x)
        np.fmin.at(self.ymin, idx, y)
        np.fmax.at(self.ymax, idx, y)

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """Two points per filled bucket, (x, min) then (x, max): at most 2 × ``buckets``."""
        filled = np.flatnonzero(np.isfinite(self.ymin))
        xs = np.repeat(self.x[filled], 2)
        ys = np.empty(2 * filled.size)
        ys[0::2], ys[1::2] = self.ymin[filled], self.ymax[filled]
        return xs, ys


class PeakCurve:
    """Feeds a pyqtgraph ``PlotDataItem`` about two points per pixel of its plot's width for a
    series whose x values grow (steps). pyqtgraph's downsampling and clipping are off for it."""

    def __init__(self, item, buckets: int = BUCKETS) -> None:
        self.item = item
        self.env = PeakEnvelope(buckets)
        self._span = 0.0
        item.setDownsampling(ds=1, auto=False)
        item.setClipToView(False)

    def reset(self, span: float | None = None) -> None:
        """The series starts again (new run or recomputed values); ``span`` is the planned
        extent of the x axis, if known (None keeps the last one)."""
        if span is not None:
            self._span = float(span)
        self.env.reset(self._span)

    def show(self, x: np.ndarray, y: np.ndarray, view: tuple[float, float] | None) -> None:
        """Draw ``x``, ``y`` (the whole series so far) for the x range ``view``."""
        n = min(len(x), len(y))
        vb = self.item.getViewBox()
        width = vb.width() if vb is not None else 0.0
        buckets = 64 * max(1, int(np.ceil(width / 64))) if width > 0 else BUCKETS
        if buckets != self.env.buckets:                  # resized: rebuild once for the width
            self.env = PeakEnvelope(buckets, 0.0, self._span)
        env = self.env
        if n < env.n:
            env.reset(self._span)
        if n > env.n:
            env.extend(x[env.n:n], y[env.n:n])
        limit = 2 * env.buckets
        if n <= limit:                                   # short: the raw values
            self.item.setData(x[:n], y[:n])
            return
        if view is None or view[1] - view[0] >= ZOOM * env.span:
            self.item.setData(*env.points())
            return
        # zoomed in: the visible steps (and one either side), reduced for this view if many
        i0 = max(0, int(np.searchsorted(x[:n], view[0])) - 1)
        i1 = min(n, int(np.searchsorted(x[:n], view[1], side="right")) + 1)
        if i1 - i0 <= limit:
            self.item.setData(x[i0:i1], y[i0:i1])
            return
        local = PeakEnvelope(env.buckets, x[i0], max(x[i1 - 1] - x[i0], 1.0) * 1.0001)
        local.extend(x[i0:i1], y[i0:i1])
        self.item.setData(*local.points())
