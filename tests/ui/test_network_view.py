"""The network diagram on its own: unit maps are the model's own activations on the plane,
drawn the right way up; edges follow the weights; hovering says the numbers; clicking selects;
eight hidden layers of sixteen units stay legible."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from graphviz_nn.datasets import features
from graphviz_nn.nn import Dense, Sequential
from ui.train.network_panel import spec_for
from ui.train.network_view import NetworkView
from ui.train.unit_maps import MAP_GRID, NEGATIVE, POSITIVE, grid_points

BOUNDS = (-3.0, 2.0, -1.5, 4.0)


def _model(input_dim=2, hidden=(16, 16), acts=("tanh", "relu"), classes=3, seed=3):
    layers = [Dense(n, activation=a) for n, a in zip(hidden, acts, strict=True)]
    model = Sequential(layers + [Dense(classes, activation="softmax")], seed=seed)
    model.build((input_dim,))
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    rng = np.random.default_rng(seed)     # weights with some size, biases not zero
    model.set_weights([rng.normal(0, 1.2, w.shape).astype(np.float32)
                       for w in model.get_weights()])
    return model


def _view(qtbot, model, feats=None, size=(520, 360), bounds=BOUNDS, classes=3, live=False):
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.set_model(spec_for(model, bounds, feats, classes))
    view.show_weights(model.get_weights(), live=live)
    return view


def _truncated(model, k):
    """A model of the first ``k`` Dense layers of ``model``, with its weights: its predict is
    what layer k computes."""
    dense = model.dense_layers[:k]
    sub = Sequential([Dense(d.units, activation=d.activation.name) for d in dense])
    sub.build((model.input_dim,))
    sub.set_weights([w for d in dense for w in (d.W, d.b)])
    return sub


@pytest.mark.parametrize("feats", [None, ["x1", "x2", "x1*x2", "sin(x1)", "x2^2"]])
def test_every_units_map_is_what_the_model_computes_on_the_plane(qtbot, feats):
    model = _model(input_dim=len(feats) if feats else 2)
    view = _view(qtbot, model, feats)
    pts = grid_points(BOUNDS, MAP_GRID)
    x = features(pts, feats) if feats else pts
    n = MAP_GRID
    got = view.values
    assert len(got) == 4
    np.testing.assert_allclose(got[0].reshape(len(x[0]), -1).T, x, rtol=1e-6)
    for k in (1, 2):                                   # each hidden layer, by Keras's predict
        want = _truncated(model, k).predict(x)
        assert got[k].shape == (16, n, n)
        np.testing.assert_allclose(got[k].reshape(16, -1).T, want, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(got[3].reshape(3, -1).T, model.predict(x), rtol=1e-4, atol=1e-6)
    # the grid really spans the plane: x1 along each map's width, x2 along its height
    assert got[0][0][0, 0] == pytest.approx(BOUNDS[0]) and got[0][0][-1, 0] == pytest.approx(BOUNDS[1])
    assert got[0][1][0, 0] == pytest.approx(BOUNDS[2]) and got[0][1][0, -1] == pytest.approx(BOUNDS[3])


def _hover(view, pos) -> None:
    """Move the mouse over ``pos`` of ``view`` through its window (as the window system
    does: never to whatever else lies at that spot of the offscreen screen)."""
    top = view.window()
    QTest.mouseMove(top.windowHandle(), view.mapTo(top, pos))


def _color_at(view, pt: QPointF) -> QColor:
    return view.grab().toImage().pixelColor(pt.toPoint())


def _near(c: QColor, rgb, _tol=None) -> bool:
    """``c`` is clearly of the hue of ``rgb`` (Playground's blue or orange, any strength)."""
    if rgb is POSITIVE:
        return c.blue() > c.red() + 25
    return c.red() > c.blue() + 25


def test_maps_are_drawn_the_right_way_up_in_playground_colours(qtbot):
    """x1 grows to the right: its map is orange on the left, blue on the right; x2 grows
    upwards: blue at the top. (BOUNDS put 0 off-centre, so a mirrored map would show.)"""
    view = _view(qtbot, _model(), size=(600, 420))
    for unit, (low_side, high_side) in ((0, ("left", "right")), (1, ("bottom", "top"))):
        r = view.unit_rect(0, unit).adjusted(3, 3, -3, -3)
        pts = {"left": QPointF(r.left(), r.center().y()), "right": QPointF(r.right(), r.center().y()),
               "top": QPointF(r.center().x(), r.top()), "bottom": QPointF(r.center().x(), r.bottom())}
        assert _near(_color_at(view, pts[low_side]), NEGATIVE), (unit, low_side)
        assert _near(_color_at(view, pts[high_side]), POSITIVE), (unit, high_side)


def _small(weights_first):
    """2 -> 2 -> 2 with given first-layer weights (and small others)."""
    model = _model(hidden=(2,), acts=("tanh",), classes=2)
    w = model.get_weights()
    w[0] = np.asarray(weights_first, np.float32)
    w[2] = np.full_like(w[2], 0.05)
    model.set_weights(w)
    return model


def _edge_mid(view, layer, a, b) -> QPointF:
    for k, ia, ib, x0, y0, x1, y1 in view._edges.pairs:
        if k == layer:
            j = int(np.flatnonzero((ia == a) & (ib == b))[0])
            return QPointF((x0[j] + x1[j]) / 2, (y0[j] + y1[j]) / 2)
    raise AssertionError("no such edge")


def test_edges_are_wider_for_larger_weights_blue_when_positive_orange_when_negative(qtbot):
    model = _small([[2.0, -0.5], [0.1, -2.0]])
    view = _view(qtbot, model, size=(600, 400))
    widths = view._edges.widths[1]
    assert widths[0, 0] > widths[0, 1] > widths[1, 0]          # |2| > |-0.5| > |0.1|
    assert widths[1, 1] == pytest.approx(widths[0, 0])          # the sign does not matter
    # on screen: the strong positive edge is blue, the strong negative one orange
    assert _near(_color_at(view, _edge_mid(view, 1, 0, 0)), POSITIVE, 60)
    assert _near(_color_at(view, _edge_mid(view, 1, 1, 1)), NEGATIVE, 60)
    # new weights, new edges: the same edge turns orange and thin
    w = model.get_weights()
    w[0][0, 0] = -0.3
    view.show_weights(w)
    assert view._edges.widths[1][0, 0] < widths[0, 0]
    assert not _near(_color_at(view, _edge_mid(view, 1, 0, 0)), POSITIVE, 60)


def test_weak_edges_are_pale_and_strong_ones_full_colour(qtbot):
    """Edges are opaque blends with the background (translucent lines cost ten times as much
    to draw while training): a weak weight's edge is a pale blue, a strong one's full blue."""
    from ui.train.net_edges import edge_color

    model = _small([[2.0, 0.3], [0.1, -2.0]])
    view = _view(qtbot, model, size=(600, 400))
    strong = _color_at(view, _edge_mid(view, 1, 0, 0))
    weak = _color_at(view, _edge_mid(view, 1, 0, 1))
    bg = view.palette().base().color()
    assert _near(strong, POSITIVE) and weak != bg
    assert weak.lightness() > strong.lightness() + 40            # pale, not the same blue
    pens = [pen for pen, _lines in view._edges.pieces()]
    assert all(pen.color().alpha() == 255 for pen in pens)
    half = edge_color(1.0, 128, QColor(255, 255, 255))          # half blue, half white
    for got, c in zip((half.red(), half.green(), half.blue()), POSITIVE, strict=True):
        assert abs(got - (int(c) + 255) / 2) <= 1
    assert edge_color(-1.0, 255, bg).rgb() == edge_color(-1.0).rgb()   # solid: the colour


def test_live_edges_show_the_newest_weights_within_the_live_interval(qtbot):
    """While a run trains, the edges are drawn again at most every LIVE_INTERVAL (the maps
    refresh more often), but the newest weights always reach the screen: a blue edge turned
    negative mid-interval is orange once the interval is over, with no further update."""
    from ui.train.net_edge_image import LIVE_INTERVAL

    model = _small([[2.0, -0.5], [0.1, -2.0]])
    view = _view(qtbot, model, size=(600, 400))
    assert _near(_color_at(view, _edge_mid(view, 1, 0, 0)), POSITIVE, 60)
    w = model.get_weights()
    view.show_weights(w, live=True)
    view.repaint()                                  # just drawn: the next weights must wait
    w[0][0, 0] = -2.0
    view.show_weights(w, live=True)
    assert view.refreshes >= 3                      # the maps went on at once
    qtbot.waitUntil(lambda: view._edge_image.current,        # drawn by the view's own timers
                    timeout=int(LIVE_INTERVAL * 1000) + 1000)
    assert _near(_color_at(view, _edge_mid(view, 1, 0, 0)), NEGATIVE, 60)


def test_a_run_starting_draws_its_new_models_edges_in_slices_then_shows_them(qtbot):
    """As a run starts (a new model, live weights) the units come at once and the edges a few
    milliseconds later, drawn between other events: the window does not wait for them, and
    they do arrive, with the model's colours, without any further call."""
    model = _small([[2.0, -0.5], [0.1, -2.0]])
    view = _view(qtbot, model, size=(600, 400), live=True)
    view.repaint()                                   # the first paint: no whole drawing
    assert not view._edge_image.current
    qtbot.waitUntil(lambda: view._edge_image.current, timeout=2000)
    assert _near(_color_at(view, _edge_mid(view, 1, 0, 0)), POSITIVE, 60)
    assert _near(_color_at(view, _edge_mid(view, 1, 1, 1)), NEGATIVE, 60)


def test_hovering_an_edge_tells_its_weight_and_gradient(qtbot):
    model = _small([[2.0, -0.5], [0.1, -2.0]])
    view = _view(qtbot, model, size=(600, 400))
    grads = [np.full_like(w, 0.0) for w in model.get_weights()]
    grads[0][1, 1] = -0.0625
    view.show_weights(model.get_weights(), grads)
    _hover(view, QPointF(1, 1).toPoint())              # from elsewhere: a move is a move
    _hover(view, _edge_mid(view, 1, 1, 1).toPoint())
    assert "W1[1, 1]" in view.hover_text
    assert "weight -2" in view.hover_text and "-0.0625" in view.hover_text
    view.show_weights(model.get_weights())                       # no gradient known
    _hover(view, _edge_mid(view, 1, 0, 0).toPoint() + QPointF(0, 1).toPoint())
    assert "weight 2" in view.hover_text and "not known" in view.hover_text


def test_hovering_a_unit_shows_its_map_large_with_its_bias_and_scale(qtbot):
    model = _model()
    view = _view(qtbot, model, size=(600, 420))
    _hover(view, QPointF(1, 1).toPoint())
    _hover(view, view.unit_rect(1, 4).center().toPoint())
    assert view.popup.isVisible() and view.hovered == (1, 4)
    b = float(model.get_weights()[1][4])
    assert f"b1[4] = {b:.4g}" in view.hover_text and "unit 5 of layer 1" in view.hover_text
    pix = view.popup.map.pixmap()
    assert pix.width() >= 150 and pix.height() >= 150            # large: many times the unit
    assert pix.width() > 3 * view.unit_rect(1, 4).width()
    _hover(view, QPointF(2, 2).toPoint())                 # off the unit: it goes away
    assert not view.popup.isVisible()


def test_clicking_a_unit_emits_which_one(qtbot):
    view = _view(qtbot, _model())
    with qtbot.waitSignal(view.unit_clicked) as sig:
        QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.unit_rect(2, 7).center().toPoint())
    assert sig.args == [2, 7] and view.selected == (2, 7)


def test_without_2d_data_the_diagram_has_layers_but_no_maps(qtbot):
    model = _model(input_dim=784, hidden=(100, 16), classes=10)
    view = _view(qtbot, model, size=(500, 300), bounds=None, classes=10)
    assert view.values is None
    assert set(view.layout.blocks) == {0, 1}                      # 784 inputs, 100 units
    assert len(view.layout.units[2]) == 16 and len(view.layout.units[3]) == 10
    _hover(view, view.unit_rect(3, 2).center().toPoint())
    assert "maps are drawn for 2-D data sets" in view.hover_text
