"""Legible at every size: at Fit every text of every example reads as at least 11 px on screen,
Fit leaves a margin, and stepping keeps the step's node and its neighbours in view."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.windows import texts_on_screen
from ui.explore import examples

SIZES = [(1440, 900), (1280, 720)]
KEYS = [ex.key for ex in examples.EXAMPLES]


@pytest.fixture
def window(empty_win):
    return empty_win


def texts_in(view, item, rec) -> list[str]:
    """The texts drawn inside ``item``'s rectangle on screen."""
    box = view.mapFromScene(item.sceneBoundingRect()).boundingRect().adjusted(-2, -2, 2, 2)
    return [t for t, _, r in rec if box.contains(r.center().toPoint())]


def inside(view, rect, margin: float = 0.0) -> bool:
    box = view.mapFromScene(rect).boundingRect()
    vp = view.viewport().rect().adjusted(int(margin), int(margin), -int(margin), -int(margin))
    return vp.contains(box)


def visible_nodes(scene):
    return [it for it in scene.nodes.values() if it.isVisible()] + \
        [g for g in getattr(scene, "groups", {}).values() if g.isVisible()]


@pytest.mark.parametrize("size", SIZES)
def test_every_node_of_every_example_shows_its_name_and_value_at_fit(window, size):
    """At Fit every text is at least 11 px high, none is cut short, and every node shows its
    whole name and its value (a tensor may be summed up by its shape); a layer's box its whole
    title and its output's value."""
    from ui import style
    window.resize(*size)
    for key in KEYS:
        window.load_example(key)
        window.actions["backward"].trigger()      # values and gradients everywhere
        window.actions["fit"].trigger()
        QApplication.processEvents()
        view = window.canvas
        rec = texts_on_screen(view)
        small = [(t, round(h, 1)) for t, h, _ in rec if h < 11.0]
        assert not small, (key, size, small)
        cut = [t for t, _, _ in rec if t.endswith("…")]
        assert not cut, (key, size, cut)
        for item in window.scene.nodes.values():
            if not item.isVisible():
                continue
            texts = texts_in(view, item, rec)
            assert {item.name, item.compact_name()} & set(texts), (key, size, item.name, texts)
            if item.value is not None:
                summary = style.shape_text(np.shape(item.value))
                assert {item.value_text(), summary} & set(texts), (key, size, item.name, texts)
        for group in window.scene.groups.values():
            if group.isVisible() and group.collapsed:
                texts = texts_in(view, group, rec)
                assert f"▸ {group.title}" in " ".join(texts), (key, size, group.title, texts)
                assert group.value_text() in texts, (key, size, group.title, texts)


@pytest.mark.parametrize("size", SIZES)
def test_fit_leaves_a_margin_and_steps_keep_every_node_in_view(window, size):
    window.resize(*size)
    for key in KEYS:
        window.load_example(key)
        window.actions["fit"].trigger()
        QApplication.processEvents()
        view, scene = window.canvas, window.scene
        for item in visible_nodes(scene):
            assert inside(view, item.sceneBoundingRect(), margin=10), (key, "fit")
        c = window.controller
        for _ in range(len(c.trace)):
            window.actions["step_forward"].trigger()
            QApplication.processEvents()
            for item in visible_nodes(scene):
                assert inside(view, item.sceneBoundingRect()), (key, c.cursor)


def wheel(view, steps: int) -> None:
    vp = view.viewport()
    pos = QPointF(vp.width() / 2, vp.height() / 2)
    ev = QWheelEvent(pos, vp.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * steps),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)


def test_stepping_zoomed_in_keeps_the_step_and_its_neighbours_in_view(window):
    window.resize(1280, 720)
    window.load_example("sigmoid")
    wheel(window.canvas, 5)                     # closer than Fit: the graph does not fit
    view, scene, c = window.canvas, window.scene, window.controller
    assert not all(inside(view, it.sceneBoundingRect()) for it in scene.nodes.values())
    for _ in range(len(c.trace)):
        window.actions["step_forward"].trigger()
        QApplication.processEvents()
        focus = scene.focus_rect(c.current_step().node.id)
        assert inside(view, focus, margin=20), c.cursor
        # the input column is not pushed off the left edge when a step reads from it
        for src, dst, _ in c.graph.edges:
            if c.current_step().node in (src, dst):
                assert inside(view, scene.nodes[src.id].sceneBoundingRect())


def test_presentation_scale_makes_canvas_text_bigger(window):
    window.resize(1440, 900)
    window.load_example("sigmoid")
    before = min(h for _, h, _ in texts_on_screen(window.canvas))
    window.canvas.set_presentation_scale(1.5)
    try:
        QApplication.processEvents()
        after = texts_on_screen(window.canvas)
        assert min(h for _, h, _ in after) >= 16.5
        assert min(h for _, h, _ in after) > before
        for item in window.scene.nodes.values():
            assert inside(window.canvas, item.sceneBoundingRect())
    finally:
        window.canvas.set_presentation_scale(1.0)


def edge_labels_on_screen(window) -> dict[str, float]:
    """The wires' value and gradient labels painted in the viewport: text -> least height."""
    scene = window.scene
    labels = {t for e in scene.edges.values() for t in (e.value_text(), e.grad_text()) if t}
    rec = texts_on_screen(window.canvas)
    shown: dict[str, float] = {}
    for edge in scene.edges.values():
        for t in texts_in(window.canvas, edge, rec):
            if t in labels:
                shown[t] = min(shown.get(t, 99.0), *(h for s, h, _ in rec if s == t))
    return shown


@pytest.mark.parametrize("size", SIZES + [(1280, 800), (1024, 768)])
def test_the_default_example_at_fit_is_the_cs231n_picture(window, qtbot, size):
    """f = (x + y)·z at Fit after F5 and F6: values above every wire and gradients below,
    each at least 11 px on screen (the nodes drawn in full, with their ports)."""
    window.resize(*size)
    window.load_example(examples.DEFAULT)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F5)                 # Forward
    window.actions["fit"].trigger()
    QApplication.processEvents()
    values = {e.value_text() for e in window.scene.edges.values()}
    shown = edge_labels_on_screen(window)
    assert values <= shown.keys(), (size, window.canvas.zoom(), values, shown)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F6)                 # Backward
    QApplication.processEvents()
    grads = {e.grad_text() for e in window.scene.edges.values()}
    shown = edge_labels_on_screen(window)
    assert values | grads <= shown.keys(), (size, window.canvas.zoom(), grads, shown)
    assert min(shown.values()) >= 11.0, shown


@pytest.mark.parametrize("size", SIZES)
def test_small_examples_that_fit_in_full_at_fit_show_their_wire_labels(window, size):
    """Every example that fits the canvas at the zoom of the full drawing (at least 11 px
    text) is shown so at Fit: the wires carry their values and gradients."""
    from ui.canvas.node_item import full_detail_lod
    from ui.canvas.view import MIN_FIT_MARGIN
    window.resize(*size)
    for key in KEYS:
        window.load_example(key)
        window.actions["backward"].trigger()
        window.actions["fit"].trigger()
        QApplication.processEvents()
        vp, rect = window.canvas.viewport(), window.scene.content_rect()
        fits = min((vp.width() - 2 * MIN_FIT_MARGIN) / rect.width(),
                   (vp.height() - 2 * MIN_FIT_MARGIN) / rect.height()) >= full_detail_lod()
        if not fits:
            continue
        assert window.canvas.zoom() >= full_detail_lod(), (key, size)
        want = {t for e in window.scene.edges.values() if e.isVisible()
                for t in (e.value_text(), e.grad_text()) if t}
        assert want <= edge_labels_on_screen(window).keys(), (key, size)
