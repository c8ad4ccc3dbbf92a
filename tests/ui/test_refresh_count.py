"""One edit, one refresh: the window (canvas, inspector, timeline) and the editor's badges are
brought up to date exactly once per edit, however many things the edit touched."""

from __future__ import annotations

import pytest


@pytest.fixture
def counted(win):
    """The window with counters on its refresh and on the editor's badge update."""
    counts = {"refresh": 0, "badges": 0}
    refresh, badges = win.refresh, win.editor.canvas.update_badges

    def counting_refresh(*args, **kwargs):
        counts["refresh"] += 1
        return refresh(*args, **kwargs)

    def counting_badges(*args):
        counts["badges"] += 1
        return badges(*args)

    win.refresh = counting_refresh
    win.editor.canvas.update_badges = counting_badges
    win.refreshed.disconnect()
    win.refreshed.connect(counting_badges)
    return win, counts


def test_one_structural_edit_refreshes_the_window_once(counted):
    win, counts = counted
    c = win.controller
    nid = c.add_node("exp", (600.0, 60.0), "e")
    assert nid is not None and "e" in c.graph
    assert counts == {"refresh": 1, "badges": 1}
    assert win.scene.node_item(nid) is not None              # the canvas shows it


def test_one_wire_refreshes_the_window_once(counted):
    win, counts = counted
    c = win.controller
    e = c.graph["f"]
    n = c.add_node("exp", (600.0, 60.0), "e")
    counts.update(refresh=0, badges=0)
    assert c.connect_ports(e.id, n, 0) is None
    assert counts == {"refresh": 1, "badges": 1}
    assert win.scene.edge_item(e.id, n, 0) is not None


def test_one_value_edit_refreshes_the_window_once(counted):
    win, counts = counted
    c = win.controller
    c.run_backward()
    counts.update(refresh=0, badges=0)
    c.set_value(c.graph["x"].id, 3.0)
    assert counts == {"refresh": 1, "badges": 1}
    f = win.scene.node_item(c.graph["f"].id)
    assert f.value_text() == "-32"                           # (3 + 5) · -4


def test_undoing_a_delete_with_its_wires_refreshes_once(counted):
    win, counts = counted
    c = win.controller
    q = c.graph["q"].id                                      # fed by x and y, feeds f
    c.remove_nodes([q])
    counts.update(refresh=0, badges=0)
    c.undo()
    assert "q" in c.graph and len(c.graph.edges) == 4
    assert counts == {"refresh": 1, "badges": 1}


def test_values_training_changed_in_place_redraw_once(counted):
    win, counts = counted
    c = win.controller
    c.graph["x"].value[...] = 7.0                            # changed in place, as training does
    c.show_values()
    assert counts == {"refresh": 1, "badges": 1}
    assert win.scene.node_item(c.graph["x"].id).value_text() == "7"
