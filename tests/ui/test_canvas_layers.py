"""Dense layers on the canvas: the 784-100-10 model reads as x -> Dense -> Dense -> loss at Fit,
a real double-click opens a layer in place and closes it again, stepping can treat a closed
layer as one step, and a closed layer shows its output's value and the gradient reaching it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.canvas.group_item import TITLE_H


@pytest.fixture
def fashion(empty_win):
    empty_win.load_example("fashion")
    QApplication.processEvents()
    return empty_win


def on_screen(view, scene_point) -> QPoint:
    return view.mapFromScene(scene_point)


def test_the_784_100_10_model_reads_as_layers_at_fit(fashion):
    scene, g = fashion.scene, fashion.controller.graph
    titles = sorted(item.title for item in scene.groups.values() if item.isVisible()
                    and item.collapsed)
    assert titles == ["Dense 10, softmax in the loss", "Dense 100, sigmoid"]
    shown = sorted(g.node_by_id(nid).name for nid, it in scene.nodes.items() if it.isVisible())
    assert shown == ["loss", "x", "y"]
    # left to right: x, the first layer, the second layer, the loss
    boxes = sorted(scene.groups.values(), key=lambda it: it.rect().left())
    xs = [scene.nodes[g["x"].id].sceneBoundingRect().right(), boxes[0].rect().left(),
          boxes[0].rect().right(), boxes[1].rect().left(), boxes[1].rect().right(),
          scene.nodes[g["loss"].id].sceneBoundingRect().left()]
    assert xs == sorted(xs)
    view = fashion.canvas
    for box in boxes:                       # inside the view at Fit
        assert view.viewport().rect().contains(view.mapFromScene(box.rect()).boundingRect())


def test_double_click_opens_a_layer_in_place_and_closes_it(fashion):
    scene, view, g = fashion.scene, fashion.canvas, fashion.controller.graph
    box = next(it for it in scene.groups.values() if it.title.startswith("Dense 100"))
    rect = box.rect()
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      on_screen(view, rect.center()))
    QApplication.processEvents()
    assert not box.collapsed
    for name in ("W1", "b1", "x@W1", "z1", "h1"):
        item = scene.nodes[g[name].id]
        assert item.isVisible() and rect.contains(item.sceneBoundingRect()), name
    assert box.rect() == rect                    # in place: the same box
    # the wires into and out of the layer now end at its nodes
    edge = scene.edge_item(g["x"].id, g["x@W1"].id, 0)
    assert edge.isVisible()
    # a double-click on its title strip closes it again
    title = rect.topLeft() + (rect.topRight() - rect.topLeft()) / 2
    title.setY(rect.top() + TITLE_H / 2)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      on_screen(view, title))
    QApplication.processEvents()
    assert box.collapsed and not scene.nodes[g["h1"].id].isVisible()
    assert fashion.controller.undo_stack.count() == 0   # view state: no edit to undo


def test_a_closed_layer_shows_its_output_and_the_gradient_reaching_it(fashion):
    from ui import style
    g = fashion.controller.graph
    fashion.actions["backward"].trigger()
    QApplication.processEvents()
    box = next(it for it in fashion.scene.groups.values() if it.title.startswith("Dense 100"))
    assert box.value_text() == style.fmt_value(g["h1"].value) == "[16×100]"
    assert box.grad_text() == "∂ " + style.fmt_value(g["h1"].grad)
    assert np.array_equal(box.grad, g["h1"].grad)


def test_stepping_a_closed_layer_whole_or_node_by_node(fashion):
    c, scene, g = fashion.controller, fashion.scene, fashion.controller.graph
    inner = len(c.trace)
    fashion.actions["whole_layers"].setChecked(True)
    c.seek(-1)
    visits, stops = [], []
    while c.cursor < len(c.trace) - 1:
        fashion.actions["step_forward"].trigger()
        QApplication.processEvents()
        visits.append(c.current_step().node.name)
        stops.append(c.cursor)
    # forward: the first layer (ends on h1), the second (z2), the loss; backward: the loss,
    # the second layer (ends on its matmul, which sends the gradient on), the first
    assert visits == ["h1", "z2", "loss", "loss", "h1@W2", "x@W1"]
    assert inner == 12
    back = []
    while c.cursor > -1:
        fashion.actions["step_back"].trigger()
        back.append(c.cursor)
    assert back == stops[-2::-1] + [-1]      # the same stops, the other way
    box = next(it for it in scene.groups.values() if it.title.startswith("Dense 100"))
    fashion.actions["step_forward"].trigger()
    QApplication.processEvents()
    assert box.highlighted
    fashion.actions["whole_layers"].setChecked(False)
    c.seek(-1)
    fashion.actions["step_forward"].trigger()
    fashion.actions["step_forward"].trigger()
    assert c.cursor == 1                     # node by node again
    assert g is c.graph


def drag_on_view(view, a, b, steps: int = 6) -> None:
    """Press at scene point ``a``, move in steps to scene point ``b``, release."""
    vp = view.viewport()
    pa, pb = on_screen(view, a), on_screen(view, b)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pa)
    for k in range(1, steps + 1):
        QTest.mouseMove(vp, pa + (pb - pa) * (k / steps))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pb)


def test_dragging_a_closed_layer_moves_its_nodes_as_one_undoable_move(fashion):
    scene, view, c = fashion.scene, fashion.canvas, fashion.controller
    g = c.graph
    box = next(it for it in scene.groups.values() if it.title.startswith("Dense 100"))
    assert box.collapsed
    members = box.layer.members
    before = {m: g.node_by_id(m).pos for m in members}
    rect = box.rect()
    n = c.undo_stack.count()
    shift = 80 / view.zoom()
    drag_on_view(view, rect.center(), rect.center() + QPointF(0, shift))
    QApplication.processEvents()
    assert c.undo_stack.count() == n + 1                 # one move
    for m in members:
        x0, y0 = before[m]
        x1, y1 = g.node_by_id(m).pos
        assert abs(x1 - x0) < 2 and abs(y1 - y0 - shift) < 2, g.node_by_id(m).name
    moved = box.rect()
    assert abs(moved.top() - rect.top() - shift) < 2      # the box follows its nodes
    edge = scene.edge_item(g["x"].id, g["x@W1"].id, 0)    # the wire into it ends on the box
    assert abs(edge._p2.y() - moved.center().y()) < 1
    assert box.collapsed
    fashion.actions["undo"].trigger()
    QApplication.processEvents()
    assert {m: g.node_by_id(m).pos for m in members} == before
    assert box.rect() == rect
