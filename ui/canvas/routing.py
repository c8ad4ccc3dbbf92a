"""Wires that go around nodes: a wire is drawn as one smooth curve from its output port to its
input port unless that curve would pass behind a node; then it runs through the free room of
each column of nodes it crosses (the gap nearest to its straight line), with smooth bends in
between. Pure geometry (no Qt), so the scene can route thousands of wires quickly.

``Obstacles`` holds node rectangles (left, top, right, bottom) by key, gathered in columns;
``detour(...)`` returns the waypoints of a wire, or nothing when the plain curve is clear.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

LIMIT = 1e9           # farther than this, a place is absurd (a damaged file)
MARGIN = 6.0          # room kept between a wire and a node it passes
Rect = tuple[float, float, float, float]


def plain_dx(x1: float, x2: float) -> float:
    """How far the plain curve's control points reach out of the ports (see EdgeItem): half
    the way across, so a short wire between two close boxes stays between them; a wire that
    runs backwards (or nearly straight down) swings out 40 units to show its direction."""
    return (x2 - x1) * 0.5 if x2 - x1 >= 20.0 else 40.0


class Obstacles:
    """Rectangles by key, gathered into columns (rectangles whose x ranges overlap), each
    with the heights it leaves free; rebuilt when asked for after a change."""

    def __init__(self) -> None:
        self.rects: dict[object, Rect] = {}
        self._columns: list[tuple[float, float, list[float], list[float], set]] | None = None
        self._lefts: list[float] = []

    def __len__(self) -> int:
        return len(self.rects)

    def put(self, key, rect: Rect) -> None:
        """Add ``key`` at ``rect``, or move it there."""
        if self.rects.get(key) == rect:
            return
        self.remove(key)
        left, top, right, bottom = rect
        # (NaN fails every comparison: a node at an absurd place is in no wire's way)
        if -LIMIT < left < LIMIT and -LIMIT < top < LIMIT and -LIMIT < right < LIMIT \
                and -LIMIT < bottom < LIMIT:
            self.rects[key] = rect
            self._columns = None

    def remove(self, key) -> None:
        if self.rects.pop(key, None) is not None:
            self._columns = None

    def columns(self) -> list[tuple[float, float, list[float], list[float], set]]:
        """(left, right, tops, bottoms, keys) of each column, left to right; ``tops`` and
        ``bottoms`` are the merged blocked heights (widened by the margin), in order."""
        if self._columns is None:
            cols: list[list] = []
            for key, (left, top, right, bottom) in sorted(self.rects.items(),
                                                          key=lambda kv: kv[1][0]):
                if cols and left < cols[-1][1] + 2 * MARGIN:
                    cols[-1][1] = max(cols[-1][1], right)
                    cols[-1][2].append((top - MARGIN, bottom + MARGIN))
                    cols[-1][3].add(key)
                else:
                    cols.append([left, right, [(top - MARGIN, bottom + MARGIN)], {key}])
            self._columns = []
            for left, right, spans, keys in cols:
                tops: list[float] = []
                bottoms: list[float] = []
                for top, bottom in sorted(spans):
                    if bottoms and top <= bottoms[-1]:
                        bottoms[-1] = max(bottoms[-1], bottom)
                    else:
                        tops.append(top)
                        bottoms.append(bottom)
                self._columns.append((left, right, tops, bottoms, keys))
            self._lefts = [c[0] for c in self._columns]
        return self._columns

    def between(self, x1: float, x2: float) -> list:
        """The columns that reach into the open band of x from ``x1`` to ``x2``."""
        cols = self.columns()
        i = bisect_left(self._lefts, x2)            # columns starting before x2
        out = []
        while i > 0 and cols[i - 1][1] > x1:
            i -= 1
            out.append(cols[i])
        return out[::-1]


def _without(col, own: set, rects: dict):
    """Column ``col`` without the wire's own ends (a wire leaves and enters them at their
    edges; a column merged with a neighbour's box must not make it climb over its own)."""
    left, right, _tops, _bottoms, keys = col
    spans = sorted((rects[k][1] - MARGIN, rects[k][3] + MARGIN) for k in keys - own)
    tops: list[float] = []
    bottoms: list[float] = []
    for top, bottom in spans:
        if bottoms and top <= bottoms[-1]:
            bottoms[-1] = max(bottoms[-1], bottom)
        else:
            tops.append(top)
            bottoms.append(bottom)
    return left, right, tops, bottoms, keys - own


def _blocked(col, y: float) -> int:
    """The index of the blocked stretch of column ``col`` that holds height ``y``, or -1."""
    tops, bottoms = col[2], col[3]
    k = bisect_right(tops, y) - 1
    return k if k >= 0 and y < bottoms[k] else -1


def _cubic(p0, c1, c2, p3, t: float) -> tuple[float, float]:
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0],
            a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1])


def _plain_hits(x1, y1, x2, y2, cols: list) -> bool:
    """Whether the plain curve from (x1, y1) to (x2, y2) passes through one of the columns'
    blocked stretches."""
    dx = plain_dx(x1, x2)
    p0, c1, c2, p3 = (x1, y1), (x1 + dx, y1), (x2 - dx, y2), (x2, y2)
    n = 16 + int(min(abs(x2 - x1), 20_000.0) / 24)
    j = 0
    for i in range(1, n):
        x, y = _cubic(p0, c1, c2, p3, i / n)
        while j < len(cols) and cols[j][1] <= x:
            j += 1
        if j < len(cols) and cols[j][0] < x and _blocked(cols[j], y) >= 0:
            return True
    return False


def detour(x1: float, y1: float, x2: float, y2: float, obstacles: Obstacles,
           ends: tuple = ()) -> list[tuple[float, float]]:
    """Waypoints for a wire from the output port (x1, y1) to the input port (x2, y2) that
    keeps off every rectangle of ``obstacles`` (its own two ends, ``ends``, touch the band only
    at its edges): pairs of points (entering and leaving a column of nodes at the same
    height); [] if the plain curve is clear. A wire that runs backwards (x2 <= x1) goes
    between its two ends, or around them (see ``_backwards``)."""
    if not all(math.isfinite(v) and abs(v) < LIMIT for v in (x1, y1, x2, y2)):
        return []
    if x2 - x1 <= 2 * MARGIN:
        return _backwards(x1, y1, x2, y2, [obstacles.rects[k] for k in ends
                                           if k in obstacles.rects])
    if not len(obstacles):
        return []
    own = set(ends)
    cols = [_without(col, own, obstacles.rects) if own & col[4] else col
            for col in obstacles.between(x1 + 1.0, x2 - 1.0)]
    cols = [col for col in cols if col[2]]
    if not cols or not _plain_hits(x1, y1, x2, y2, cols):
        return []
    points: list[tuple[float, float]] = []
    for col in cols:
        left, right = col[0], col[1]
        mid = (left + right) / 2
        want = y1 + (y2 - y1) * min(max((mid - x1) / (x2 - x1), 0.0), 1.0)
        k = _blocked(col, want)
        y = want if k < 0 else (col[2][k] if want - col[2][k] <= col[3][k] - want
                                else col[3][k])
        points += [(max(left - MARGIN, x1 + 1.0), y), (min(right + MARGIN, x2 - 1.0), y)]
    return points


BACK_REACH = 20.0      # how far a backward wire runs out of its port before it turns (Fit leaves room)


def _backwards(x1: float, y1: float, x2: float, y2: float, ends: list[Rect]):
    """Waypoints of a wire from an output port to an input port left of it (or straight below):
    out to the right of its source, along the gap between its two ends' boxes (or below or
    above both, when they overlap in height), and into its target from the left; [] without
    the two boxes."""
    if len(ends) < 2:
        return []
    (_l1, top1, _r1, bottom1), (_l2, top2, _r2, bottom2) = ends[0], ends[1]
    if bottom1 + 2 * MARGIN <= top2:            # the target lies below: between them
        y = (bottom1 + top2) / 2
    elif bottom2 + 2 * MARGIN <= top1:          # above
        y = (bottom2 + top1) / 2
    elif y2 >= y1:
        y = max(bottom1, bottom2) + 2 * MARGIN
    else:
        y = min(top1, top2) - 2 * MARGIN
    return [(x1 + BACK_REACH, y), (x2 - BACK_REACH, y)]


def path_points(x1: float, y1: float, x2: float, y2: float,
                waypoints: list[tuple[float, float]]) -> list[tuple]:
    """The wire as drawing commands: ("cubic", c1, c2, end) and ("line", end), from (x1, y1)."""
    if not waypoints:
        dx = plain_dx(x1, x2)
        return [("cubic", (x1 + dx, y1), (x2 - dx, y2), (x2, y2))]
    out, prev = [], (x1, y1)
    pts = list(waypoints) + [(x2, y2)]
    for i, p in enumerate(pts):
        if i % 2 == 1 and i < len(pts) - 1:          # across a column: straight
            out.append(("line", p))
        else:
            mx = (prev[0] + p[0]) / 2
            out.append(("cubic", (mx, prev[1]), (mx, p[1]), p))
        prev = p
    return out
