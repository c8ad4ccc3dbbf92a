"""Wires never run behind nodes: after layout in every example (layers open or closed), in a
random graph whose long wires pass columns of nodes, and after a node is dragged onto a wire."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPathStroker
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import graphviz_nn as gnn
from ui.canvas.node_item import HEIGHT, WIDTH
from ui.explore import examples


@pytest.fixture
def window(empty_win):
    return empty_win


def body(item) -> QRectF:
    """What a wire must not cross: a node's body or a collapsed layer's box."""
    if hasattr(item, "node_id"):
        return QRectF(item.pos().x(), item.pos().y(), WIDTH, HEIGHT)
    return item.rect()


def wires_behind_nodes(scene, graph) -> list[tuple[str, str, str]]:
    """(source, target, node crossed) for every wire that passes over a node or box body
    other than its own two ends."""
    stroker = QPainterPathStroker()
    stroker.setWidth(1.0)
    bodies = [it for it in scene.nodes.values() if it.isVisible()]
    bodies += [g for g in scene.groups.values() if g.isVisible() and g.collapsed]
    bad = []
    for (s, d, _p), edge in scene.edges.items():
        if not edge.isVisible():
            continue
        ends = (scene.display_item(s), scene.display_item(d))
        stroke = stroker.createStroke(edge.shape_path())
        for item in bodies:
            if item not in ends and stroke.intersects(body(item).adjusted(1, 1, -1, -1)):
                bad.append((graph.node_by_id(s).name, graph.node_by_id(d).name,
                            getattr(item, "name", getattr(item, "title", "?"))))
    return bad


def test_no_wire_of_any_example_runs_behind_a_node(window):
    for ex in examples.EXAMPLES:
        window.load_example(ex.key)
        QApplication.processEvents()
        assert wires_behind_nodes(window.scene, window.controller.graph) == [], ex.key
        if window.scene.groups:             # and with its layers the other way round
            closed = bool(window.scene.collapsed)
            window.actions["expand_layers" if closed else "collapse_layers"].trigger()
            QApplication.processEvents()
            assert wires_behind_nodes(window.scene, window.controller.graph) == [], ex.key


def random_graph(n: int, seed: int) -> gnn.Graph:
    """Layers of scalar ops, each reading one node of the layer before and, often, one from
    far back (long wires across several columns)."""
    rng = np.random.default_rng(seed)
    g = gnn.Graph()
    layer = [g.input(f"x{i}", float(rng.normal())) for i in range(4)]
    pool = list(layer)
    k = 0
    while len(g) < n:
        nxt = []
        for _ in range(4):
            a = layer[rng.integers(len(layer))]
            b = pool[rng.integers(len(pool))] if rng.random() < 0.5 else layer[rng.integers(4)]
            nxt.append(g.add(a, b, name=f"n{k}") if k % 2 else g.mul(a, b, name=f"n{k}"))
            k += 1
        pool += nxt
        layer = nxt
    out = layer[0]
    for i, node in enumerate(layer[1:]):
        out = g.add(out, node, name=f"s{i}")
    return g


def test_long_wires_go_around_the_columns_they_cross(window):
    for seed in (1, 2):
        g = random_graph(60, seed)
        window.controller.load_graph(g, g["s2"])
        QApplication.processEvents()
        assert wires_behind_nodes(window.scene, g) == [], seed


def drag(view, a: QPointF, b: QPointF) -> None:
    """Press at scene point ``a``, move in steps to ``b``, release: the real mouse path."""
    vp = view.viewport()
    pa, pb = view.mapFromScene(a), view.mapFromScene(b)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pa)
    for k in range(1, 7):
        QTest.mouseMove(vp, pa + (pb - pa) * (k / 6))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pb)
    QApplication.processEvents()


def test_a_wire_goes_around_a_node_dragged_onto_it(window):
    window.load_example("cs231n")
    view, scene, g = window.canvas, window.scene, window.controller.graph
    f, z = scene.nodes[g["f"].id], scene.nodes[g["z"].id]
    view.resetTransform()
    drag(view, f.sceneBoundingRect().center(), f.sceneBoundingRect().center() + QPointF(300, 0))
    edge = scene.edge_item(g["q"].id, g["f"].id, 0)
    target = edge.shape_path().pointAtPercent(0.5)
    drag(view, z.sceneBoundingRect().center(), target)
    assert body(z).contains(target)             # z sits where the wire ran
    assert wires_behind_nodes(scene, g) == []


def test_a_short_wire_between_two_layer_boxes_runs_straight_on(window):
    """The two closed layers of the 784-100-10 model stand close: the wire between them goes
    from left to right without a loop back."""
    window.load_example("fashion")                  # opens with its layers closed
    scene, g = window.scene, window.controller.graph
    first, second = sorted(scene.groups.values(), key=lambda it: it.rect().left())
    path = scene.edge_item(g["h1"].id, g["h1@W2"].id, 0).shape_path()
    xs = [path.pointAtPercent(i / 50).x() for i in range(51)]
    assert all(b >= a - 1e-6 for a, b in zip(xs, xs[1:], strict=False)), xs
    assert first.rect().right() - 0.5 <= min(xs) and max(xs) <= second.rect().left() + 0.5


def test_a_wire_drawn_back_to_a_node_left_of_its_source_goes_around_both_ends(qtbot, tmp_path):
    """Seen in the window (Build): a sigmoid dropped below and left of f, then wired from f's
    output: the wire swung out of f's port and back through f's own body. A wire that runs
    backwards goes between (or around) its two ends instead."""
    from tests.ui.windows import drag, drop_op, in_port, make_window, out_port

    w = make_window(qtbot, tmp_path, example="cs231n")
    w.resize(1280, 720)
    scene, g = w.scene, w.controller.graph
    f = scene.nodes[g["f"].id]
    below_left = f.sceneBoundingRect().bottomLeft() + QPointF(-170, 110)
    drop_op(w, "sigmoid", below_left)
    sig = next(n for n in g.nodes if n.op == "sigmoid")
    drag(w, out_port(w, g["f"].id), in_port(w, sig.id, 0))
    QApplication.processEvents()
    assert g[sig.name].inputs == [g["f"]]
    edge = scene.edge_item(g["f"].id, sig.id, 0)
    stroke = QPainterPathStroker()
    stroke.setWidth(1.0)
    path = stroke.createStroke(edge.shape_path())
    for item in (f, scene.nodes[sig.id]):                     # its own two ends too
        assert not path.intersects(body(item).adjusted(2, 2, -2, -2)), item.name
    assert wires_behind_nodes(scene, g) == []
    # the wire q -> f has nothing in its way but its own ends (the sigmoid shares q's column
    # now): it stays one smooth curve, left to right, no climb over q
    path = scene.edge_item(g["q"].id, g["f"].id, 0).shape_path()
    xs = [path.pointAtPercent(i / 50).x() for i in range(51)]
    assert all(b >= a - 1e-6 for a, b in zip(xs, xs[1:], strict=False)), xs
    q = scene.nodes[g["q"].id]
    ys = [path.pointAtPercent(i / 50).y() for i in range(51)]
    assert min(ys) >= q.sceneBoundingRect().top(), "the wire climbs over q"
