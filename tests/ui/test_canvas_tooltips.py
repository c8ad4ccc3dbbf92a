"""Node tooltips (value and gradient statistics) are built when the mouse rests on a node,
not on every value change; error badges stay one per node."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QToolTip


def hover_tooltip(win, item) -> str:
    """Rest the mouse on ``item`` (a tooltip request at its centre) and read the tooltip shown."""
    vp = win.canvas.viewport()
    local = win.canvas.mapFromScene(item.mapToScene(item.boundingRect().center()))
    QApplication.sendEvent(vp, QHelpEvent(QEvent.Type.ToolTip, local, vp.mapToGlobal(local)))
    return QToolTip.text()


def test_the_tooltip_shown_on_hover_has_the_current_statistics(win, monkeypatch):
    from ui import style

    win.load_example("spiral")
    c = win.controller
    w1 = c.graph["W1"]
    item = win.scene.node_item(w1.id)
    win.canvas.centerOn(item)
    calls = []
    real = style.fmt_stats
    monkeypatch.setattr(style, "fmt_stats", lambda v: calls.append(1) or real(v))
    for k in range(3):                       # three training-like updates in place
        w1.value[...] = np.linspace(-1 - k, 1, w1.value.size).reshape(w1.value.shape)
        c.show_values()
    assert calls == []                       # no statistics while nobody looks
    shown = hover_tooltip(win, item)
    assert "W1" in shown and "min -3" in shown
    QToolTip.hideText()


def test_the_stored_tooltip_follows_a_hover_not_a_change(win):
    c = win.controller
    c.run_backward()
    x = win.scene.node_item(c.graph["x"].id)
    c.set_value(c.graph["x"].id, 3.0)
    win.canvas.centerOn(x)
    hover_tooltip(win, x)
    assert "value 3" in QGraphicsItem.toolTip(x)    # what Qt itself shows, built on hover
    QToolTip.hideText()


def test_one_badge_per_node_however_often_it_is_refreshed(win):
    from ui.build.wiring import ErrorBadge

    c = win.controller
    m = c.add_node("mul", (600.0, 60.0), "m")
    for _ in range(3):
        c.select([m])
        c.select([])
    item = win.scene.node_item(m)
    assert [type(ch) for ch in item.childItems()].count(ErrorBadge) == 1
    assert win.editor.canvas.badges()[m] == "missing input on port a"
    c.remove_nodes([m])
    assert m not in win.editor.canvas.badges()
