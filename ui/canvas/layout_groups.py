"""Layout of a graph with Dense layers: each layer's nodes are laid out among themselves, as a
block, and the blocks take part in the whole graph's layout as single big nodes. So a layer's
nodes never interleave with the rest, and its box (collapsed or expanded) covers only them."""

from __future__ import annotations

from ui.canvas.group_item import PAD, TITLE_H
from ui.canvas.layout import layered_layout

BLOCK_BASE = 1 << 40      # ids of the blocks in the outer layout (never a node id)


def grouped_layout(ids: list[int], edges: list[tuple[int, int, int]], first_column: set[int],
                   n_ports: dict[int, int], blocks: list[tuple[int, ...]], col_gap: float,
                   node_height: float, node_width: float) -> dict[int, tuple[float, float]]:
    """Positions of ``ids`` (top-left corners) where each of ``blocks`` (tuples of node ids)
    is kept together; without blocks, the plain layered layout."""
    kw = dict(n_ports=n_ports, node_height=node_height, node_width=node_width, col_gap=col_gap)
    if not blocks:
        return layered_layout(ids, edges, first_column, **kw)
    block_of = {m: BLOCK_BASE + i for i, members in enumerate(blocks) for m in members}
    inner: dict[int, dict[int, tuple[float, float]]] = {}
    sizes: dict[int, tuple[float, float]] = {}
    for i, members in enumerate(blocks):
        mset = set(members)
        own = [n for n in ids if n in mset]
        pos = layered_layout(own, [e for e in edges if e[0] in mset and e[1] in mset], set(),
                             roomy=False, **kw)
        inner[BLOCK_BASE + i] = pos
        w = max(x for x, _ in pos.values()) + node_width
        h = max(y for _, y in pos.values()) + node_height
        sizes[BLOCK_BASE + i] = (w + 2 * PAD, h + 2 * PAD + TITLE_H)
    outer_ids = list(dict.fromkeys(block_of.get(n, n) for n in ids))
    outer_edges = list(dict.fromkeys((block_of.get(s, s), block_of.get(d, d), 0 if d in block_of
                                      else p) for s, d, p in edges
                                     if block_of.get(s, s) != block_of.get(d, d)))
    ports = {block_of.get(n, n): 1 if n in block_of else k for n, k in n_ports.items()}
    outer = layered_layout(outer_ids, outer_edges, first_column, sizes=sizes, roomy=False,
                           **{**kw, "n_ports": ports})
    result = {}
    for n in ids:
        b = block_of.get(n)
        if b is None:
            result[n] = outer[n]
        else:
            bx, by = outer[b]
            x, y = inner[b][n]
            result[n] = (bx + PAD + x, by + PAD + TITLE_H + y)
    return result
