"""A big graph zoomed out too far to read is drawn as a map (ui/canvas/overview.py): one item
for every node's box and every wire, coloured by what the step shows, with a ring around the
step's node; the nodes come back, wired, when the learner zooms in. Tested on a small example
with the size that makes a graph "big" lowered, so the tests stay quick (how fast a
10,000-node graph opens is measured by tests/bench/bench_ui.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.canvas import overview, scene_overview
from ui.canvas.node_item import NodeItem


@pytest.fixture
def big(win, monkeypatch):
    """The window on the sigmoid neuron (10 nodes), which counts as big here, at Fit."""
    monkeypatch.setattr(scene_overview, "OVERVIEW_NODES", 5)
    win.resize(1280, 800)
    win.load_example("sigmoid")
    QApplication.processEvents()
    return win


def wheel(view, steps: int) -> None:
    vp = view.viewport()
    pos = QPointF(vp.width() / 2, vp.height() / 2)
    ev = QWheelEvent(pos, vp.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * steps),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)


def zoom_out_to_the_map(win) -> None:
    while win.canvas.zoom() >= overview.overview_lod():
        wheel(win.canvas, -3)
    QApplication.processEvents()


def node_id(win, name: str) -> int:
    return win.controller.graph[name].id


def box_centre(win, name: str) -> QPoint:
    item = win.scene.nodes[node_id(win, name)]
    return win.canvas.mapFromScene(item.sceneBoundingRect().center())


def test_zoomed_out_the_graph_is_one_map_and_zoomed_in_its_nodes_again(big):
    view, scene = big.canvas, big.scene
    assert scene.detail_shown()                 # at Fit it reads: nodes drawn in full
    zoom_out_to_the_map(big)
    assert not scene.detail_shown()
    nodes, maps = NodeItem.paints, overview.OverviewItem.paints
    view.viewport().repaint()
    assert NodeItem.paints == nodes             # no node item painted ...
    assert overview.OverviewItem.paints > maps  # ... the map instead
    wheel(view, 12)
    view.viewport().repaint()
    assert view.zoom() >= overview.overview_lod() and scene.detail_shown()
    assert NodeItem.paints > nodes              # the nodes again


def test_a_big_graph_opens_as_a_map_and_lays_its_wires_when_zoomed_in(big, monkeypatch):
    """Opened at a Fit that is a map, no wire is laid (the slow part of a 10,000-node graph);
    zooming in lays them, from their nodes' ports to their nodes' ports."""
    view, scene = big.canvas, big.scene
    lod = overview.overview_lod
    monkeypatch.setattr(scene_overview, "overview_lod", lambda *_: 10.0)   # Fit is a map
    big.load_example("nonlinear")
    QApplication.processEvents()
    assert not scene.detail_shown()
    assert all(e.shape_path().isEmpty() for e in scene.edges.values())
    monkeypatch.setattr(scene_overview, "overview_lod", lod)
    wheel(view, 1)
    QApplication.processEvents()
    assert scene.detail_shown()
    for (src, dst, port), edge in scene.edges.items():
        path = edge.shape_path()
        assert not path.isEmpty()
        assert (path.pointAtPercent(0) - scene.nodes[src].out_port_pos()).manhattanLength() < 1
        end = scene.nodes[dst].in_port_pos(port)
        assert (path.pointAtPercent(1) - end).manhattanLength() < 1


def test_stepping_on_the_map_colours_the_boxes_and_rings_the_step(big):
    view, scene = big.canvas, big.scene
    zoom_out_to_the_map(big)
    ov = scene._overview
    first = big.controller.trace[0].node.name
    box = scene._box_of[node_id(big, first)]
    assert ov.state(box) == overview.PLAIN
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)              # the first forward step
    QApplication.processEvents()
    assert ov.state(box) == overview.VALUE              # its value is computed: green
    assert ov.current.isVisible()
    assert (ov.current.scenePos() - scene.nodes[node_id(big, first)].sceneBoundingRect()
            .center()).manhattanLength() < 1
    QTest.keyClick(view, Qt.Key.Key_F6)                 # the whole backward pass
    QApplication.processEvents()
    assert ov.state(box) == overview.GRAD               # its gradient arrived: red


def test_a_click_on_the_map_selects_the_node_and_a_double_click_zooms_in_to_read(big):
    view, scene = big.canvas, big.scene
    zoom_out_to_the_map(big)
    at = box_centre(big, "s")
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, at)
    assert big.controller.selection == [node_id(big, "s")]
    assert "s" in big.inspector.node_box.title()
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, at)
    QApplication.processEvents()
    assert scene.detail_shown() and view.zoom() == pytest.approx(1.0)
    item = scene.nodes[node_id(big, "s")]
    assert view.viewport().rect().contains(view.mapFromScene(item.sceneBoundingRect().center()))
    assert item.isSelected()


def test_zoomed_in_on_a_big_graph_the_wires_in_view_are_laid_and_more_as_it_pans(big, monkeypatch):
    view, scene = big.canvas, big.scene
    lod = overview.overview_lod
    monkeypatch.setattr(scene_overview, "overview_lod", lambda *_: 10.0)   # Fit is a map
    big.load_example("linear")
    QApplication.processEvents()
    monkeypatch.setattr(scene_overview, "overview_lod", lod)
    first = scene.nodes[node_id(big, "a")]             # the input, far left
    view.auto_fit = False
    view.setTransform(view.transform().fromScale(3.0, 3.0))
    view.centerOn(first)
    view.viewport().repaint()
    assert scene.detail_shown()
    laid = {k for k, e in scene.edges.items() if not e.shape_path().isEmpty()}
    assert laid and laid != set(scene.edges)           # near the input only
    last = (node_id(big, "c"), node_id(big, "difference"), 0)   # far right
    assert last not in laid
    view.centerOn(scene.nodes[last[1]])                 # pan to the output
    view.viewport().repaint()
    assert not scene.edges[last].shape_path().isEmpty()
