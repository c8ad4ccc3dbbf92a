"""Wires that go around nodes: a wire is drawn as one smooth curve from its output port to its
input port unless that curve would pass behind a node; then it runs through the free room of
each column of nodes it crosses (the gap nearest to its straight line), with smooth bends in
between. Pure geometry (no Qt), so the scene can route thousands of wires quickly.

``Obstacles`` is a grid index of node rectangles (left, top, right, bottom) by key;
``detour(...)`` returns the waypoints of a wire, or nothing when the plain curve is clear.
"""

from __future__ import annotations

import math
from collections import defaultdict

CELL_W = 256.0
CELL_H = 128.0
LIMIT = 1e9           # farther than this, a place is absurd (a damaged file)
MARGIN = 6.0          # room kept between a wire and a node it passes
Rect = tuple[float, float, float, float]


def plain_dx(x1: float, x2: float) -> float:
    """How far the plain curve's control points reach out of the ports (see EdgeItem): half
    the way across, so a short wire between two close boxes stays between them; a wire that
    runs backwards (or nearly straight down) swings out 40 units to show its direction."""
    return (x2 - x1) * 0.5 if x2 - x1 >= 20.0 else 40.0


def _cells(lo: float, hi: float, size: float) -> range:
    return range(int(lo // size), int(hi // size) + 1)


class Obstacles:
    """Rectangles by key, found again by the area they cover."""

    def __init__(self) -> None:
        self.rects: dict[object, Rect] = {}
        self._grid: dict[tuple[int, int], set] = defaultdict(set)
        self._cols: dict[int, set] = defaultdict(set)

    def __len__(self) -> int:
        return len(self.rects)

    def put(self, key, rect: Rect) -> None:
        """Add ``key`` at ``rect``, or move it there."""
        if self.rects.get(key) == rect:
            return
        self.remove(key)
        if not all(math.isfinite(v) and abs(v) < LIMIT for v in rect):
            return                  # a node at an absurd place is in no wire's way
        self.rects[key] = rect
        left, top, right, bottom = rect
        for cx in _cells(left, right, CELL_W):
            self._cols[cx].add(key)
            for cy in _cells(top, bottom, CELL_H):
                self._grid[(cx, cy)].add(key)

    def remove(self, key) -> None:
        rect = self.rects.pop(key, None)
        if rect is None:
            return
        left, top, right, bottom = rect
        for cx in _cells(left, right, CELL_W):
            self._cols[cx].discard(key)
            for cy in _cells(top, bottom, CELL_H):
                self._grid[(cx, cy)].discard(key)

    def touching(self, rect: Rect) -> set:
        """Keys whose rectangles overlap ``rect``."""
        left, top, right, bottom = rect
        xs, ys = _cells(left, right, CELL_W), _cells(top, bottom, CELL_H)
        if len(xs) * len(ys) > len(self.rects):         # a far-flung rectangle: look at all
            return {k for k, r in self.rects.items() if _overlap(r, rect)}
        found: set = set()
        for cx in xs:
            for cy in ys:
                found |= self._grid.get((cx, cy), set())
        return {k for k in found if _overlap(self.rects[k], rect)}

    def across(self, left: float, right: float) -> set:
        """Keys whose rectangles overlap the band of x between ``left`` and ``right``."""
        xs = _cells(left, right, CELL_W)
        found: set = set()
        if len(xs) > len(self.rects):
            found = set(self.rects)
        else:
            for cx in xs:
                found |= self._cols.get(cx, set())
        return {k for k in found if self.rects[k][0] < right and self.rects[k][2] > left}


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _cubic(p0, c1, c2, p3, t: float) -> tuple[float, float]:
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0],
            a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1])


def _plain_hits(x1, y1, x2, y2, rects: list[Rect]) -> bool:
    """Whether the plain curve from (x1, y1) to (x2, y2) passes through one of ``rects``."""
    dx = plain_dx(x1, x2)
    p0, c1, c2, p3 = (x1, y1), (x1 + dx, y1), (x2 - dx, y2), (x2, y2)
    n = 16 + int(min(abs(x2 - x1), 20_000.0) / 24)
    for i in range(1, n):
        x, y = _cubic(p0, c1, c2, p3, i / n)
        for left, top, right, bottom in rects:
            if left < x < right and top < y < bottom:
                return True
    return False


def detour(x1: float, y1: float, x2: float, y2: float, obstacles: Obstacles,
           ends: tuple = ()) -> list[tuple[float, float]]:
    """Waypoints for a wire from the output port (x1, y1) to the input port (x2, y2) that
    keeps off every rectangle of ``obstacles`` except those keyed by ``ends``: pairs of points
    (entering and leaving a column of nodes at the same height); [] if the plain curve is
    clear. A wire that runs backwards (x2 <= x1) keeps its plain curve."""
    if not (x2 - x1 > 2 * MARGIN and len(obstacles)) or \
            not all(math.isfinite(v) and abs(v) < LIMIT for v in (x1, y1, x2, y2)):
        return []
    dx = plain_dx(x1, x2)
    box = (min(x1, x2 - dx), min(y1, y2) - 1, max(x2, x1 + dx), max(y1, y2) + 1)
    near = [obstacles.rects[k] for k in obstacles.touching(box) if k not in ends]
    if not near or not _plain_hits(x1, y1, x2, y2, near):
        return []
    blocks = sorted((obstacles.rects[k] for k in obstacles.across(x1, x2) if k not in ends),
                    key=lambda r: r[0])
    columns: list[list] = []            # [left, right, [(top, bottom), ...]]
    for left, top, right, bottom in blocks:
        if columns and left < columns[-1][1] + 2 * MARGIN:
            columns[-1][1] = max(columns[-1][1], right)
            columns[-1][2].append((top, bottom))
        else:
            columns.append([left, right, [(top, bottom)]])
    points: list[tuple[float, float]] = []
    for left, right, spans in columns:
        mid = (left + right) / 2
        want = y1 + (y2 - y1) * min(max((mid - x1) / (x2 - x1), 0.0), 1.0)
        y = _free_height(want, spans)
        a = max(left - MARGIN, x1 + 1.0)
        b = min(right + MARGIN, x2 - 1.0)
        points += [(a, y), (b, y)]
    return points


def _free_height(want: float, spans: list[tuple[float, float]]) -> float:
    """The height nearest ``want`` that lies in none of ``spans`` (widened by the margin)."""
    spans = sorted((top - MARGIN, bottom + MARGIN) for top, bottom in spans)
    merged: list[list[float]] = []
    for top, bottom in spans:
        if merged and top <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], bottom)
        else:
            merged.append([top, bottom])
    for top, bottom in merged:
        if top < want < bottom:
            return top if want - top <= bottom - want else bottom
    return want


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
