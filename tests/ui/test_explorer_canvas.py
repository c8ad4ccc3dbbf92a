"""The canvas as a learner uses it: zoom, pan, Fit, moving nodes, the layout, ports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from ui.canvas.layout import layered_layout
from ui.canvas.node_item import HEIGHT, WIDTH


def wheel(view, steps: int) -> None:
    vp = view.viewport()
    pos = QPointF(vp.width() / 2, vp.height() / 2)
    ev = QWheelEvent(pos, vp.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * steps),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)


def test_wheel_zooms_in_and_out(win):
    z0 = win.canvas.zoom()
    wheel(win.canvas, 2)
    assert win.canvas.zoom() > z0 * 1.2
    wheel(win.canvas, -4)
    assert win.canvas.zoom() < z0


def test_fit_shows_every_node(win):
    wheel(win.canvas, 6)
    win.actions["fit"].trigger()
    visible = win.canvas.mapToScene(win.canvas.viewport().rect()).boundingRect()
    for item in win.scene.nodes.values():
        assert visible.contains(item.sceneBoundingRect())


def test_dragging_the_background_pans(win, qtbot):
    wheel(win.canvas, 4)                     # zoom in so that there is room to pan
    vp = win.canvas.viewport()
    empty = QPoint(5, vp.height() - 5)
    assert win.scene.node_at(win.canvas.mapToScene(empty)) is None
    before = win.canvas.mapToScene(vp.rect().center())
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=empty)
    qtbot.mouseMove(vp, empty + QPoint(60, -40))
    qtbot.mouseMove(vp, empty + QPoint(120, -80))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=empty + QPoint(120, -80))
    after = win.canvas.mapToScene(vp.rect().center())
    assert after.x() < before.x() and after.y() > before.y()


def test_moving_a_node_by_hand_keeps_its_place(win, qtbot):
    c = win.controller
    q = c.graph["q"]
    item = win.scene.node_item(q.id)
    y0 = q.pos[1]
    vp = win.canvas.viewport()
    start = win.canvas.mapFromScene(item.sceneBoundingRect().center() + QPointF(0, -HEIGHT / 4))
    end = start + QPoint(0, 90)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, start + QPoint(0, 30))
    qtbot.mouseMove(vp, end)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
    moved = c.graph["q"].pos
    assert moved[1] > y0 + 30 and moved == (item.pos().x(), item.pos().y())
    old_y = moved[1]
    # the edges follow the node
    edge = win.scene.edge_item(c.graph["x"].id, q.id, 0)
    assert abs(edge.label_anchor().y() - (c.graph["x"].pos[1] + old_y) / 2 - HEIGHT / 2) < 40
    # values and stepping do not move it back
    win.actions["backward"].trigger()
    assert c.graph["q"].pos[1] == old_y
    # undo puts it back
    c.undo_stack.undo()
    assert c.graph["q"].pos[1] == y0


def test_pressing_a_port_reports_it_for_wiring(win, qtbot):
    f = win.controller.graph["f"]
    item = win.scene.node_item(f.id)
    pos = win.canvas.mapFromScene(item.in_port_pos(1))
    with qtbot.waitSignal(win.scene.port_pressed, timeout=1000) as blocker:
        qtbot.mousePress(win.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args[:2] == [f.id, 1]
    qtbot.mouseRelease(win.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_layout_left_to_right_without_overlaps(win):
    win.load_example("sigmoid")
    g = win.controller.graph
    pos = {n.name: n.pos for n in g.nodes}
    for src, dst, _ in g.edges:                      # every edge goes left to right
        assert pos[src.name][0] < pos[dst.name][0]
    rects = [win.scene.node_item(n.id).sceneBoundingRect() for n in g.nodes]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)


def test_layout_reduces_crossings():
    # two inputs feeding two sums in swapped order: the barycentre order uncrosses them
    ids = [0, 1, 2, 3]
    edges = [(0, 3, 0), (1, 2, 0)]
    pos = layered_layout(ids, edges, {0, 1})
    assert (pos[0][1] < pos[1][1]) == (pos[3][1] < pos[2][1])


@pytest.mark.parametrize("n", [1000, 2600])     # 2600: past BIG, the quicker passes
def test_layout_of_many_nodes_keeps_them_apart_and_wires_left_to_right(n):
    """(How fast is measured by tests/bench/bench_ui.py.)"""
    import random

    from ui.canvas.layout import BIG
    assert n < BIG or n > BIG
    rnd = random.Random(1)
    ids = list(range(n))
    edges = [(rnd.randrange(max(0, i - 40), i), i, p) for i in range(30, n) for p in (0, 1)]
    pos = layered_layout(ids, edges)
    seen = {}
    for nid, (x, y) in pos.items():                  # no two nodes on the same spot
        key = (round(x), round(y / (HEIGHT + 1)))
        assert key not in seen, (nid, seen.get(key))
        seen[key] = nid
    by_column: dict[float, list[float]] = {}
    for x, y in pos.values():
        by_column.setdefault(x, []).append(y)
    for ys in by_column.values():                    # nor overlapping in their column
        ys.sort()
        assert all(b - a >= HEIGHT for a, b in zip(ys, ys[1:], strict=False)), ys
    assert all(pos[s][0] + WIDTH < pos[d][0] for s, d, _ in edges)


def test_a_step_repaints_only_what_changed(win, qtbot):
    import graphviz_nn as gnn
    from ui.canvas.edge_item import EdgeItem
    from ui.canvas.node_item import NodeItem
    g = gnn.Graph()
    acc = g.input("x0", 0.5)
    for i in range(1, 40):                 # a long chain: 40 inputs, 39 sums, 39 tanh
        acc = g.tanh(g.add(acc, g.input(f"x{i}", 0.1 * i), name=f"s{i}"), name=f"t{i}")
    g.output = acc
    win.controller.load_graph(g, g.output)
    win.canvas.resetTransform()            # full drawing, labels and all
    win.actions["forward"].trigger()
    qtbot.wait(20)
    win.canvas.viewport().repaint()
    QApplication.processEvents()
    counts = []
    for _ in range(6):
        before = NodeItem.paints + EdgeItem.paints
        win.actions["step_forward"].trigger()
        QApplication.processEvents()
        QApplication.processEvents()
        counts.append(NodeItem.paints + EdgeItem.paints - before)
    assert 1 <= max(counts) <= 12, counts  # the step's node, its inputs and their wires
    assert len(win.scene.nodes) + len(win.scene.edges) > 200


def test_layout_action_puts_moved_nodes_back_and_can_be_undone(win):
    c = win.controller
    q = c.graph["q"]
    home = q.pos
    c.move_nodes({q.id: (home[0] + 10, home[1] + 300)})
    win.actions["layout"].trigger()
    assert c.graph["q"].pos == pytest.approx(home)
    assert win.scene.node_item(q.id).pos().y() == pytest.approx(home[1])
    c.undo_stack.undo()
    assert c.graph["q"].pos[1] == pytest.approx(home[1] + 300)
