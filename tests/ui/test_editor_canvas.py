"""Building a graph by hand in the real window: palette drops, wiring by dragging between
ports, refusing a cycle, delete / move / rename and their undo, values and gradients, badges."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.windows import drag, drop_op, in_port, make_window, out_port, vp_point


@pytest.fixture
def win(qtbot, tmp_path):
    return make_window(qtbot, tmp_path)


def build_xy_mul(w):
    """x, w (leaves) and a mul node placed by the intents, unwired."""
    c = w.controller
    x = c.add_node("input", (0.0, 0.0), "x", 3.0)
    p = c.add_node("param", (0.0, 120.0), "w", -2.0)
    m = c.add_node("mul", (300.0, 60.0), "m")
    w.canvas.fit()
    return x, p, m


@pytest.mark.filterwarnings("ignore::DeprecationWarning")   # QDragEnterEvent(QPoint, ...)
def test_drop_from_palette_places_the_op_where_dropped_and_undo_removes_it(win):
    win.canvas.fit()
    at = win.canvas.mapToScene(win.canvas.viewport().rect().center())
    drop_op(win, "sigmoid", QPointF(at))
    g = win.controller.graph
    (node,) = g.nodes
    assert node.op == "sigmoid"
    item = win.scene.node_item(node.id)
    assert item.sceneBoundingRect().contains(QPointF(at))     # centred on the drop point
    assert item.isSelected()
    win.actions["undo"].trigger()
    assert len(win.controller.graph) == 0


def test_wire_two_nodes_by_dragging_between_ports(win):
    x, p, m = build_xy_mul(win)
    # a release a little off the port still snaps to it
    drag(win, out_port(win, x), in_port(win, m, 0) + QPointF(6, 5))
    drag(win, out_port(win, p), in_port(win, m, 1))
    g = win.controller.graph
    assert g["m"].inputs == [g["x"], g["w"]]
    assert (x, m, 0) in win.scene.edges and (p, m, 1) in win.scene.edges
    # auto-run: the product and the gradients show at once
    assert win.scene.node_item(m).value_text() == "-6"
    assert win.scene.node_item(x).grad_text() == "∂ -2"
    assert win.editor.canvas.wire_item is None                 # the live wire is gone
    win.actions["undo"].trigger()
    assert g["m"].inputs[1] is None


def test_a_port_under_the_mouse_lights_up_and_pressing_it_draws_a_wire(win):
    """Ports are drawn by their node: hovering one lights it (and gives a cross cursor);
    pressing it starts a wire, not a move of the node."""
    x, p, m = build_xy_mul(win)
    vp = win.canvas.viewport()
    item = win.scene.node_item(m)
    port = item.in_ports[1]
    QTest.mouseMove(vp, vp_point(win, item.sceneBoundingRect().center()))
    QTest.mouseMove(vp, vp_point(win, in_port(win, m, 1)))
    assert port.hovered and not item.in_ports[0].hovered
    assert item.cursor().shape() == Qt.CursorShape.CrossCursor
    QTest.mouseMove(vp, vp_point(win, item.sceneBoundingRect().center()))
    assert not port.hovered and item.cursor().shape() != Qt.CursorShape.CrossCursor
    before = item.pos()
    drag(win, in_port(win, m, 1), out_port(win, p))      # from the free input, backwards
    assert item.pos() == before
    assert win.controller.graph["m"].inputs[1] is win.controller.graph["w"]


def test_release_on_empty_canvas_cancels(win):
    x, _p, m = build_xy_mul(win)
    n = win.controller.undo_stack.count()
    drag(win, out_port(win, x), in_port(win, m, 0) + QPointF(-150, 200))
    assert win.controller.graph["m"].inputs == [None, None]
    assert win.controller.undo_stack.count() == n
    assert "cancelled" in win.statusBar().currentMessage()


def test_cycle_is_refused_with_the_reason_in_the_status_bar(win):
    c = win.controller
    x = c.add_node("input", (0.0, 0.0), "x", 1.0)
    e = c.add_node("exp", (250.0, 0.0), "e")
    s = c.add_node("add", (500.0, 0.0), "s")
    win.canvas.fit()
    drag(win, out_port(win, x), in_port(win, e, 0))
    drag(win, out_port(win, e), in_port(win, s, 0))
    before = c.graph.to_dict()
    n = c.undo_stack.count()
    drag(win, out_port(win, s), in_port(win, e, 0))
    assert win.statusBar().currentMessage() == "connecting s → e would make a cycle"
    assert c.graph.to_dict() == before and c.undo_stack.count() == n


def test_occupied_port_is_replaced_and_said_so(win):
    x, p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    drag(win, out_port(win, p), in_port(win, m, 0))
    g = win.controller.graph
    assert g["m"].inputs[0] is g["w"]
    assert "was fed by x" in win.statusBar().currentMessage()


def test_pick_up_a_wire_and_drop_it_off_to_remove_it(win):
    x, _p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    drag(win, in_port(win, m, 0), in_port(win, m, 0) + QPointF(-120, 180))
    assert win.controller.graph["m"].inputs[0] is None
    win.actions["undo"].trigger()
    assert win.controller.graph["m"].inputs[0] is win.controller.graph["x"]


def test_select_wire_and_delete_it(win):
    x, _p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    win.scene.edge_item(x, m, 0).setSelected(True)
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Delete)
    assert win.controller.graph["m"].inputs[0] is None


def test_delete_selected_nodes_and_undo_restores_everything(win):
    x, p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    drag(win, out_port(win, p), in_port(win, m, 1))
    before = win.controller.graph.to_dict()
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(win.editor.selected_nodes()) == 3
    win.scene.node_item(m).setSelected(False)
    QTest.keyClick(win.canvas, Qt.Key.Key_Delete)
    g = win.controller.graph
    assert [n.name for n in g.nodes] == ["m"] and not win.scene.edges
    win.actions["undo"].trigger()
    assert win.controller.graph.to_dict() == before
    assert len(win.scene.edges) == 2
    assert win.scene.node_item(x).grad_text() == "∂ -2"


def test_move_several_nodes_is_one_step_and_undo_puts_them_back(win):
    x, p, _m = build_xy_mul(win)
    g = win.controller.graph
    old = {x: g.node_by_id(x).pos, p: g.node_by_id(p).pos}
    win.scene.node_item(x).setSelected(True)
    win.scene.node_item(p).setSelected(True)
    n = win.controller.undo_stack.count()
    start = win.scene.node_item(x).sceneBoundingRect().center()
    drag(win, start, start + QPointF(60, 30))
    assert win.controller.undo_stack.count() == n + 1
    for nid in (x, p):
        moved = g.node_by_id(nid).pos
        assert moved[0] > old[nid][0] + 20 and moved[1] > old[nid][1] + 10
    win.actions["undo"].trigger()
    assert {x: g.node_by_id(x).pos, p: g.node_by_id(p).pos} == old
    assert win.scene.node_item(x).pos().x() == old[x][0]


def test_edit_a_value_in_the_inspector_and_the_gradients_change(win):
    x, p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    drag(win, out_port(win, p), in_port(win, m, 1))
    assert win.scene.node_item(x).grad_text() == "∂ -2"
    win.scene.clearSelection()
    win.scene.node_item(p).setSelected(True)
    win.inspector.value_edit.setText("5")
    QTest.keyClick(win.inspector.value_edit, Qt.Key.Key_Return)
    assert win.scene.node_item(x).grad_text() == "∂ 5"
    assert win.scene.node_item(m).value_text() == "15"
    win.actions["undo"].trigger()
    assert win.scene.node_item(x).grad_text() == "∂ -2"


def test_badge_names_the_missing_input_and_the_rest_keeps_its_numbers(win):
    x, _p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    badges = win.editor.canvas.badges()
    assert "missing input" in badges[m] and "b" in badges[m]
    assert win.scene.node_item(x).value_text() == "3"


def test_rename_by_double_click(win, monkeypatch):
    _x, _p, m = build_xy_mul(win)
    monkeypatch.setattr(win.editor, "ask_name", lambda old: "product")
    centre = win.scene.node_item(m).sceneBoundingRect().center()
    QTest.mouseDClick(win.canvas.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, vp_point(win, centre))
    assert "product" in win.controller.graph
    assert win.scene.node_item(m).name == "product"
    monkeypatch.setattr(win.editor, "ask_name", lambda old: "x")
    win.editor.rename(m)
    assert win.statusBar().currentMessage() == "there is already a node named 'x'"


def test_tab_opens_quick_add_at_the_cursor(win):
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_Tab)
    pop = win.editor.canvas.popup
    assert pop is not None and pop.isVisible()
    QTest.keyClicks(pop.search, "exp")
    QTest.keyClick(pop.search, Qt.Key.Key_Return)
    assert [n.op for n in win.controller.graph.nodes] == ["exp"]


def test_duplicate_and_paste_between_windows(win, qtbot, tmp_path):
    x, p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    for nid in (x, m):
        win.scene.node_item(nid).setSelected(True)
    win.canvas.setFocus()
    QTest.keyClick(win.canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    g = win.controller.graph
    assert g["m_2"].inputs[0] is g["x_2"] and len(g) == 5
    assert win.controller.undo_stack.undoText() == "Duplicate"
    assert win.editor.copy()
    other = make_window(qtbot, tmp_path, "other")
    ids = other.editor.paste()
    g2 = other.controller.graph
    # the copy holds the duplicates (they were selected after Ctrl+D)
    assert sorted(n.name for n in g2.nodes) == ["m_2", "x_2"] and len(ids) == 2
    assert g2["m_2"].inputs[0] is g2["x_2"] and float(g2["x_2"].value) == 3.0


def test_tensor_value_by_shape_and_fill_then_a_table_cell(win):
    x, p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    drag(win, out_port(win, p), in_port(win, m, 1))
    ed = win.value_editor
    win.scene.clearSelection()
    win.scene.node_item(m).setSelected(True)
    assert not ed.isVisibleTo(win)                  # computed nodes take no value
    win.scene.clearSelection()
    win.scene.node_item(p).setSelected(True)
    assert ed.isVisibleTo(win) and ed.shape.text() == ""
    ed.shape.setText("2, 3")
    ed.fill.setCurrentText("ones")
    ed.apply.click()
    g = win.controller.graph
    assert g["w"].value.shape == (2, 3) and (g["w"].value == 1).all()
    assert (ed.table.rowCount(), ed.table.columnCount()) == (2, 3)
    assert win.scene.node_item(m).value_text() != ""          # x·w broadcast: (2, 3)
    ed.table.item(1, 2).setText("7")
    assert g["w"].value[1, 2] == 7.0 and g["w"].value.sum() == 12.0
    win.actions["undo"].trigger()
    assert g["w"].value.sum() == 6.0
    ed.shape.setText("2, x")
    ed.apply.click()
    assert "whole numbers" in ed.error.text()
    win.controller.edit_guard = lambda: "the graph is being trained"   # the controller refuses
    ed.shape.setText("2")
    ed.apply.click()
    assert "being trained" in ed.error.text() and g["w"].value.shape == (2, 3)


def test_glorot_fill_stays_inside_its_limit():
    import numpy as np

    from ui.build.value_editor import fill, parse_shape

    assert parse_shape("784 x 100") == (784, 100) and parse_shape("") == ()
    w = fill((784, 100), "Glorot uniform", np.random.default_rng(0))
    limit = np.sqrt(6 / 884)
    assert np.abs(w).max() <= limit and np.abs(w).max() > 0.9 * limit


def test_auto_run_off_keeps_the_timeline_where_it_was(win):
    x, p, m = build_xy_mul(win)
    win.actions["auto_run"].setChecked(False)
    drag(win, out_port(win, x), in_port(win, m, 0))
    drag(win, out_port(win, p), in_port(win, m, 1))
    assert win.scene.node_item(x).grad_text() == ""          # nothing ran yet
    win.actions["auto_run"].setChecked(True)                 # switching on runs at once
    assert win.scene.node_item(x).grad_text() == "∂ -2"


def test_context_menu_sets_the_output_and_deletes(win):
    x, p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    drag(win, out_port(win, p), in_port(win, m, 1))
    e = win.controller.add_node("exp", (600.0, 60.0), "e")
    drag(win, out_port(win, m), in_port(win, e, 0))
    menu = win.editor.context_menu(m)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:2] == ["Rename…", "Differentiate this (set as output)"]
    menu.actions()[1].trigger()
    assert win.controller.output.name == "m"
    assert win.scene.node_item(x).grad_text() == "∂ -2"      # ∂m/∂x = w
    win.editor.context_menu(e)
    assert win.editor.selected_nodes() == [e]
    win.editor.actions["delete"].trigger()
    assert "e" not in win.controller.graph


def test_badge_names_both_shapes_of_a_mismatch(win):
    c = win.controller
    a = c.add_node("input", (0.0, 0.0), "a", [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = c.add_node("param", (0.0, 150.0), "b", [[1.0, 0.0]] * 5)
    m = c.add_node("matmul", (300.0, 60.0), "m")
    win.canvas.fit()
    drag(win, out_port(win, a), in_port(win, m, 0))
    drag(win, out_port(win, b), in_port(win, m, 1))
    assert win.editor.canvas.badges()[m] == "shape mismatch: (2, 3) @ (5, 2)"
    assert win.scene.node_item(a).value_text() != ""        # the leaves keep their numbers
    c.set_value(b, [[1.0, 0.0]] * 3)                        # fix it: (3, 2)
    assert m not in win.editor.canvas.badges()


def test_badges_also_off_the_path_to_the_output(win):
    c = win.controller
    x = c.add_node("input", (0.0, 0.0), "x", 1.0)
    e = c.add_node("exp", (250.0, 0.0), "e")
    s = c.add_node("add", (500.0, 0.0), "s")
    m = c.add_node("mul", (500.0, 200.0), "m")
    win.canvas.fit()
    for src, dst, port in ((x, e, 0), (e, s, 0), (x, m, 0)):
        drag(win, out_port(win, src), in_port(win, dst, port))
    c.set_output(e)
    badges = win.editor.canvas.badges()
    assert badges == {s: "missing input on port b", m: "missing input on port b"}
    assert win.scene.node_item(m).error == "missing input on port b"   # said in the node too
    win.scene.node_item(x).setSelected(True)                            # a refresh keeps them
    assert win.editor.canvas.badges() == badges
    drag(win, out_port(win, x), in_port(win, m, 1))
    assert m not in win.editor.canvas.badges()
    t = c.add_node("sub", (500.0, 400.0), "t")                # new, and off the path too
    assert win.editor.canvas.badges()[t] == "missing input on port a"


def test_wire_drawn_backwards_from_a_free_input_port(win):
    x, _p, m = build_xy_mul(win)
    drag(win, in_port(win, m, 1), out_port(win, x) + QPointF(3, -4))
    assert win.controller.graph["m"].inputs == [None, win.controller.graph["x"]]


def test_undo_during_a_wire_drag_does_not_break_anything(win):
    x, _p, m = build_xy_mul(win)
    vp = win.canvas.viewport()
    target = vp_point(win, in_port(win, m, 0))
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     vp_point(win, out_port(win, x)))
    QTest.mouseMove(vp, target)
    win.actions["undo"].trigger()                 # removes m while the wire is held
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert "m" not in win.controller.graph and win.editor.canvas.wire is None


def test_pick_up_a_wire_and_move_it_to_another_port_in_one_step(win):
    x, _p, m = build_xy_mul(win)
    drag(win, out_port(win, x), in_port(win, m, 0))
    n = win.controller.undo_stack.count()
    drag(win, in_port(win, m, 0), in_port(win, m, 1))
    g = win.controller.graph
    assert g["m"].inputs == [None, g["x"]]
    assert win.controller.undo_stack.count() == n + 1
    win.actions["undo"].trigger()
    assert g["m"].inputs == [g["x"], None]

