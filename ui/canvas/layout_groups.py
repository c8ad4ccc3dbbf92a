"""Layout of a graph with Dense layers: the whole graph is laid out in columns as usual, with
two rules for the layers, so that a layer's box (collapsed or expanded) covers its nodes and
nothing else:

- a layer never shares a column with a layer that feeds it (its weights and bias stand to the
  right of the feeding layer), so layers read left to right; when the layers open collapsed,
  nor with any node that feeds it (a box's input is on its left side);
- the box of a layer and the nodes outside it are then stacked so that none overlaps another
  (the data input ``x`` above the first layer's weights, the labels ``y`` under the last layer),
  keeping their order from top to bottom and moving each as little as it can.

So the MLPs need no column of their own for ``x`` or ``y`` and fit wider at Fit.
"""

from __future__ import annotations

from ui.canvas.group_item import PAD, TITLE_H
from ui.canvas.layout import layered_layout

GAP = 16.0      # least room between a layer's box and a node or box above or below it


def grouped_layout(ids: list[int], edges: list[tuple[int, int, int]], first_column: set[int],
                   n_ports: dict[int, int], blocks: list[tuple[int, ...]], col_gap: float,
                   node_height: float, node_width: float,
                   share_columns: bool = True) -> dict[int, tuple[float, float]]:
    """Positions of ``ids`` (top-left corners) where each of ``blocks`` (tuples of node ids,
    one per layer) gets a box of its own; without blocks, the plain layered layout.
    ``share_columns`` False: a layer shares no column with the nodes that feed it either (its
    collapsed box has its input on its left side, so what feeds it must stand left of it)."""
    kw = dict(n_ports=n_ports, node_height=node_height, node_width=node_width, col_gap=col_gap)
    if not blocks:
        return layered_layout(ids, edges, first_column, **kw)
    block_of = {m: i for i, members in enumerate(blocks) for m in members}
    fed_by: dict[int, set[int]] = {}         # block -> nodes of other blocks wired into it
    for s, d, _ in edges:
        if d in block_of and block_of.get(s) != block_of[d] and (s in block_of
                                                                 or not share_columns):
            fed_by.setdefault(block_of[d], set()).add(s)
    dsts = {d for _, d, _ in edges}
    after = {m: sorted(fed_by[b]) for m, b in block_of.items()
             if b in fed_by and m not in dsts}       # the layer's sources: weights, bias
    pos = layered_layout(ids, edges, first_column, roomy=False, after=after, **kw)
    return _unstack(ids, pos, blocks, block_of, node_width, node_height)


def _unstack(ids, pos, blocks, block_of, node_width: float, node_height: float):
    """Move layer boxes and the nodes outside them down, in their order from the top, until
    no two overlap (each as little as it needs)."""
    things: list[tuple[float, float, float, float, list[int]]] = []   # left, top, right, bottom
    for members in blocks:
        own = [m for m in members if m in pos]
        if own:
            left = min(pos[m][0] for m in own) - PAD
            top = min(pos[m][1] for m in own) - PAD - TITLE_H
            right = max(pos[m][0] for m in own) + node_width + PAD
            bottom = max(pos[m][1] for m in own) + node_height + PAD
            things.append((left, top, right, bottom, own))
    for n in ids:
        if n not in block_of:
            x, y = pos[n]
            things.append((x, y, x + node_width, y + node_height, [n]))
    things.sort(key=lambda t: (t[1], t[0]))
    placed: list[tuple[float, float, float, float]] = []
    result = dict(pos)
    for left, top, right, bottom, members in things:
        y = top
        for pl, pt, pr, pb in placed:
            if pl < right and left < pr and pt < bottom + (y - top) + GAP and y < pb + GAP:
                y = max(y, pb + GAP)
        # another pass: moving down may have met something placed lower
        moved = True
        while moved:
            moved = False
            for pl, pt, pr, pb in placed:
                if pl < right and left < pr and y < pb + GAP and pt < y + (bottom - top) + GAP:
                    y, moved = pb + GAP, True
        dy = y - top
        for m in members:
            result[m] = (pos[m][0], pos[m][1] + dy)
        placed.append((left, y, right, bottom + dy))
    top = min(y for _, y in result.values())
    return {n: (x, y - top) for n, (x, y) in result.items()}
