"""The network diagram's edges as an image that every paint copies.

A thousand wide lines take 30-100 ms to draw; copying them, under a millisecond. Any change of
the view (a new model, a new size, weights shown while no run trains) draws the image again at
the next paint. Weights from a running model (``live``) draw it again at most every
``LIVE_INTERVAL`` seconds, and in slices of a few milliseconds between the window's other
events, into a second image that replaces the first when it is whole: the window never waits
for the edges, and the edges never lag the newest weights by much more than the interval (the
view's ``on_due`` is called when they are due, and when a new image is whole).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter

LIVE_INTERVAL = 0.5      # s: while a run trains, the edges are drawn again at most this often
                         # (a drawing costs 20-40 ms of the window's time, in slices)
SLICE_S = 0.006          # s: the longest the window waits for one slice of a live drawing
PIECE = 150              # lines drawn in one call (a slice draws calls until its time is up)


class EdgeImage:
    """``image_for(...)`` gives the edges' image, drawn again when needed or due."""

    def __init__(self, on_due: Callable[[], None], parent=None) -> None:
        self.image: QImage | None = None
        self.stale = True               # weights newer than those the image (or job) draws
        self.drawn_at = -math.inf
        self._now = False               # drawn whole at the next paint
        self._blank = False             # no image yet, and none needed at once (new model)
        self._job = None                # (image, painter, pieces left) of a live drawing
        self._on_due = on_due
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(on_due)
        self._slicer = QTimer(parent)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._slice)

    @property
    def current(self) -> bool:
        """Whether the image shows the newest weights."""
        return not self.stale and self._job is None and not self._now

    def invalidate(self, live: bool = False, blank: bool = False) -> None:
        """New weights (``live``: from a running model) or a new look; ``blank``: a new model,
        whose edges may be drawn in slices after a first paint without them."""
        self.stale = True
        if blank:
            self._cancel()
            self.image, self._now, self._blank, self.drawn_at = None, False, True, -math.inf
            return
        if not live:
            self._now = True
            self._cancel()
            self._timer.stop()
            return
        self._call_when_due()

    def image_for(self, size: QSize, dpr: float, background: QColor, edges,
                  smooth: bool) -> QImage:
        """The edges over ``background`` at ``size``: drawn now when they must be, else the
        last whole image (a live drawing started if one is due)."""
        px = QSize(round(size.width() * dpr), round(size.height() * dpr))
        if self.image is None and self._blank and not self._now:
            self.image, _p = self._begin(px, dpr, background, smooth)     # no edges yet
            _p.end()
            self._blank = False
        if self._now or self.image is None or self.image.size() != px \
                or self.image.devicePixelRatio() != dpr:
            self._cancel()
            image, p = self._begin(px, dpr, background, smooth)
            edges.paint(p)
            p.end()
            self.image, self.stale, self._now, self._blank = image, False, False, False
            self.drawn_at = time.monotonic()
        elif self.stale and self._job is None:
            if time.monotonic() - self.drawn_at >= LIVE_INTERVAL:
                image, p = self._begin(px, dpr, background, smooth)
                self._job = (image, p, edges.pieces(PIECE)[::-1])
                self.stale = False
                self._slicer.start()
            else:
                self._call_when_due()   # painted before the time (a timer may fire early)
        return self.image

    # ----- the live drawing, a slice at a time ---------------------------------------------
    @staticmethod
    def _begin(px: QSize, dpr: float, background: QColor, smooth: bool):
        image = QImage(px, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(dpr)
        image.fill(background)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        return image, p

    def _slice(self) -> None:
        if self._job is None:
            self._slicer.stop()
            return
        image, p, left = self._job
        t0 = time.monotonic()
        while left and time.monotonic() - t0 < SLICE_S:
            pen, lines = left.pop()
            p.setPen(pen)
            p.drawLines(lines)
        if left:
            return
        p.end()
        self._slicer.stop()
        self._job = None
        self.image, self.drawn_at = image, time.monotonic()
        self._on_due()                  # the new image on screen
        if self.stale:                  # newer weights came meanwhile
            self._call_when_due()

    def _cancel(self) -> None:
        if self._job is not None:
            self._job[1].end()
            self._job = None
        self._slicer.stop()

    def _call_when_due(self) -> None:
        if self._job is not None:
            return                      # the job's end calls again
        wait = LIVE_INTERVAL - (time.monotonic() - self.drawn_at)
        if wait > 0 and not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)
        elif wait <= 0:
            self._on_due()
