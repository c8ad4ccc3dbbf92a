"""A timeline step shows exactly what the trace says at the new cursor: the state found from the
last one (only the steps between looked up again) is the state computed from scratch."""

from __future__ import annotations

import numpy as np

from ui.canvas.state import TraceTimeline
from ui.explore import examples


def same(a, b) -> bool:
    def ids(d):
        return {k: id(v) for k, v in d.items()}
    return (ids(a.values) == ids(b.values) and ids(a.grads) == ids(b.grads)
            and ids(a.edge_grads) == ids(b.edge_grads) and a.warnings == b.warnings
            and a.current == b.current and a.emphasised == b.emphasised
            and a.hidden_nodes == b.hidden_nodes and a.hidden_edges == b.hidden_edges)


def test_stepping_and_jumping_give_the_state_computed_from_scratch():
    rng = np.random.default_rng(3)
    for key in ("cs231n", "spiral", "softmax"):
        g = examples.BY_KEY[key].build()
        tl = TraceTimeline(g, g.trace(g.output))
        n = len(tl.steps)
        cursor = -1
        for _ in range(120):
            move = int(rng.choice([-1, 1, 1, 2, -3, 70, -70]))
            hide = int(rng.integers(n)) if rng.random() < 0.1 else None
            cursor = max(-1, min(n - 1, cursor + move))
            shown = tl.state_at(cursor, hide)
            assert same(shown, tl._state_full(cursor, hide)), (key, cursor, hide)
