"""Automatic layered layout: left to right by topological generation, crossings reduced.

Columns come from the longest path from the sources, walked in the topological order the engine
keeps (networkx's, computed once per structural change); data inputs sit in the first column,
parameters and constants just before their first consumer. Inside a
column, nodes are ordered by the barycentre of their neighbours (a few sweeps right and left),
then placed close to their neighbours' height without overlapping.
"""

from __future__ import annotations

from collections import defaultdict, deque

COL_GAP = 224.0    # distance between columns: a node (160) plus room for edge labels
ROW_GAP = 76.0     # distance between rows inside a column (a node is 60 high)
DUMMY_PAD = 14.0   # room kept around a wire that crosses a column (its labels need it)
SMALL_DEPTH = 4    # graphs this few columns deep are spread wider
PIN_REACH = 1      # a data input stays in column 0 if its consumer is at most this far away
BIG = 2000         # a graph of more nodes is laid out quicker (one sweep of each pass), with
MAX_DUMMIES = 4000  # at most this many placeholders for long wires: huge graphs open fast


def layered_layout(ids: list[int], edges: list[tuple[int, int, int]],
                   first_column: set[int] | None = None,
                   col_gap: float = COL_GAP, row_gap: float = ROW_GAP,
                   sweeps: int = 4, n_ports: dict[int, int] | None = None,
                   node_height: float = 60.0, node_width: float = 160.0,
                   sizes: dict[int, tuple[float, float]] | None = None,
                   roomy: bool = True,
                   after: dict[int, list[int]] | None = None) -> dict[int, tuple[float, float]]:
    """Positions (x, y) of the top-left corners for nodes ``ids`` joined by ``edges``.

    ``edges`` are ``(src, dst, port)``; ``first_column`` are data inputs, kept in column 0
    when their first consumer is near (as in CS231n's drawings); every other source is placed
    one column before its first consumer, so long wires across the graph are rare.
    ``sizes``: (width, height) of nodes bigger than ``node_width`` x ``node_height`` (a block
    of nodes laid out as one, e.g. a Dense layer); their columns widen to hold them.
    ``roomy``: a graph only a few columns deep gets longer wires (room for their labels).
    ``after``: node -> nodes it must stand to the right of, though no wire joins them (used
    for the columns only, e.g. a layer's weights after the layer that feeds it).
    """
    sizes = sizes or {}
    first_column = first_column or set()
    dag = _Dag(ids, edges)
    order = dag.topological_order(ids)
    after = after or {}
    layer: dict[int, int] = {}
    for n in order:
        preds = list(dag.predecessors(n)) + after.get(n, [])
        layer[n] = 1 + max(layer[p] for p in preds) if preds else 0
    if len(layer) > 1 and max(layer.values()) > 0:
        for n in order:
            succ = [layer[s] for s in dag.successors(n)]
            if dag.in_degree(n) == 0 and succ:
                near = min(succ) - 1
                if n not in first_column or near > PIN_REACH:
                    lowest = 1 + max((layer[p] for p in after.get(n, ())), default=-1)
                    layer[n] = max(near, lowest, 0)
    # a wire across several columns gets a placeholder in each column it crosses, so that
    # the nodes there make room for it (capped, so huge graphs stay fast)
    dummies: set[int] = set()
    wires: list[tuple[int, int, int]] = []
    budget = min(2 * len(ids), MAX_DUMMIES)
    for s, d, p in sorted(dict.fromkeys(edges), key=lambda e: layer[e[1]] - layer[e[0]]):
        span = layer[d] - layer[s]
        if span <= 1 or span - 1 > budget:
            wires.append((s, d, p))
            continue
        budget -= span - 1
        prev = s
        for col in range(layer[s] + 1, layer[d]):
            v = -1 - len(dummies)
            dummies.add(v)
            layer[v] = col
            wires.append((prev, v, 0))
            prev = v
        wires.append((prev, d, p))
    if dummies:
        dag = _Dag(ids + sorted(dummies, reverse=True), wires)
        order = order + sorted(dummies, key=lambda v: (layer[v], -v))
    columns: dict[int, list[int]] = defaultdict(list)
    for n in order:
        columns[layer[n]].append(n)
    ncols = max(columns) + 1 if columns else 0
    # port order matters: the input on port 0 should sit above the input on port 1
    port_of = {(s, d): p for s, d, p in wires}
    rank = {n: float(i) for col in columns.values() for i, n in enumerate(col)}
    max_ports = max(n_ports.values(), default=2) if n_ports else 2

    def sort_column(c: int, towards: str) -> None:
        def key(n: int) -> float:
            # inputs: the barycentre of what feeds a node; outputs: the lower median of the
            # ports a node feeds (a wire into port 1 sits below one into port 0 of the same
            # node), so a leaf used twice sits by its first consumer
            if towards == "left":
                nb = [rank[p] for p in dag.predecessors(n)]
                return sum(nb) / len(nb) if nb else rank[n]
            nb = sorted(rank[s] + port_of.get((n, s), 0) / (max_ports + 1)
                        for s in dag.successors(n))
            return nb[(len(nb) - 1) // 2] if nb else rank[n]
        columns[c].sort(key=key)
        for i, n in enumerate(columns[c]):
            rank[n] = float(i)

    for _ in range(sweeps if len(ids) <= BIG else 1):
        for c in range(1, ncols):
            sort_column(c, "left")
        for c in range(ncols - 2, -1, -1):
            sort_column(c, "right")
    for c in range(1, ncols):      # finish left to right so inputs stay in port order
        sort_column(c, "left")

    # heights: each node lines up with the ports it is wired to (straight wires where possible);
    # a placeholder is a point on its wire
    heights = {n: h for n, (_, h) in sizes.items()}

    def in_off(n: int, port: int) -> float:
        if n in dummies:
            return 0.0
        k = max(n_ports.get(n, 2) if n_ports else 2, 1)
        return heights.get(n, node_height) * (port + 1) / (k + 1)

    def out_off(n: int) -> float:
        return 0.0 if n in dummies else heights.get(n, node_height) / 2

    margin = row_gap - node_height

    def gaps(col: list[int]) -> list[float]:
        """Least distance between the tops of neighbours in a column."""
        return [(DUMMY_PAD if a in dummies else heights.get(a, node_height)) + margin
                + (DUMMY_PAD if b in dummies else 0.0) for a, b in zip(col[:-1], col[1:], strict=True)]

    ys: dict[int, float] = {}
    for c in range(ncols):
        ys.update({n: i * row_gap for i, n in enumerate(columns[c])})
    for _ in range(3 if len(ids) <= BIG else 1):
        for c in range(ncols - 1, -1, -1):      # sources follow their consumers' ports
            col = columns[c]
            want = []
            for n in col:
                if dag.in_degree(n) == 0 and dag.successors(n):
                    want.append(sum(ys[d] + in_off(d, port_of.get((n, d), 0)) - out_off(n)
                                    for d in dag.successors(n)) / len(dag.successors(n)))
                else:
                    want.append(ys[n])
            _place(col, want, ys, gaps(col))
        for c in range(1, ncols):               # the others follow their inputs
            col = columns[c]
            want = []
            for n in col:
                preds = dag.predecessors(n)
                want.append(sum(ys[p] + out_off(p) - in_off(n, port_of.get((p, n), 0))
                                for p in preds) / len(preds) if preds else ys[n])
            _place(col, want, ys, gaps(col))
    if ids:
        top = min(ys[n] for n in ids)
        ys = {n: y - top for n, y in ys.items()}
    if roomy and ncols <= SMALL_DEPTH:     # small graphs get roomier wires for their labels
        col_gap *= 1.25
    if not sizes:
        return {n: (layer[n] * col_gap, ys[n]) for n in ids}
    widths = [node_width] * ncols
    for n, (w, _) in sizes.items():
        if n in layer:
            widths[layer[n]] = max(widths[layer[n]], w)
    xs, x = [], 0.0
    for w in widths:
        xs.append(x)
        x += w + col_gap - node_width
    return {n: (xs[layer[n]], ys[n]) for n in ids}


def _place(col: list[int], want: list[float], ys: dict[int, float], gaps: list[float]) -> None:
    """Put ``col`` at heights close to ``want``, in order, neighbours ``gaps[i]`` apart."""
    placed: list[float] = []
    for i, w in enumerate(want):
        placed.append(w if not placed else max(w, placed[-1] + gaps[i - 1]))
    # shift the block so that it is centred on what it wanted, then re-enforce the gaps upwards
    shift = (sum(want) - sum(placed)) / len(placed) if placed else 0.0
    placed = [y + shift for y in placed]
    for i in range(len(placed) - 2, -1, -1):
        placed[i] = min(placed[i], placed[i + 1] - gaps[i])
    for n, y in zip(col, placed, strict=True):
        ys[n] = y


class _Dag:
    """Just enough of a DAG for the layout (networkx would cost its import at startup)."""

    def __init__(self, ids: list[int], edges: list[tuple[int, int, int]]) -> None:
        self.pred: dict[int, list[int]] = {n: [] for n in ids}
        self.succ: dict[int, list[int]] = {n: [] for n in ids}
        for s, d, _ in dict.fromkeys(edges):
            if d not in self.succ[s]:
                self.succ[s].append(d)
                self.pred[d].append(s)

    def predecessors(self, n: int) -> list[int]:
        return self.pred[n]

    def successors(self, n: int) -> list[int]:
        return self.succ[n]

    def in_degree(self, n: int) -> int:
        return len(self.pred[n])

    def topological_order(self, ids: list[int]) -> list[int]:
        """``ids`` if already topological (the engine's order), else Kahn's order."""
        pos = {n: i for i, n in enumerate(ids)}
        if all(pos[s] < pos[d] for s in ids for d in self.succ[s]):
            return list(ids)
        indeg = {n: len(self.pred[n]) for n in ids}
        queue = deque(n for n in ids if indeg[n] == 0)
        order = []
        while queue:
            n = queue.popleft()
            order.append(n)
            for d in self.succ[n]:
                indeg[d] -= 1
                if indeg[d] == 0:
                    queue.append(d)
        if len(order) != len(ids):
            raise ValueError("the graph has a cycle")
        return order
