"""The explorer window, driven through its own actions; numbers read from the canvas and the
inspector as a learner would read them."""

from __future__ import annotations

from PySide6.QtCore import Qt


def node_item(w, name):
    return w.scene.node_item(w.controller.graph[name].id)


def edge_item(w, src, dst, port):
    g = w.controller.graph
    return w.scene.edge_item(g[src].id, g[dst].id, port)


def test_default_example_forward_then_backward(win):
    a = win.actions
    # before anything runs, only the leaves show values
    assert node_item(win, "x").value_text() == "-2"
    assert node_item(win, "f").value_text() == ""
    a["forward"].trigger()
    assert node_item(win, "q").value_text() == "3"
    assert node_item(win, "f").value_text() == "-12"
    assert edge_item(win, "q", "f", 0).value_text() == "3"
    assert edge_item(win, "q", "f", 0).grad_text() == ""
    a["backward"].trigger()
    assert node_item(win, "x").grad_text() == "∂ -4"
    assert node_item(win, "y").grad_text() == "∂ -4"
    assert node_item(win, "z").grad_text() == "∂ 3"
    assert edge_item(win, "x", "q", 0).grad_text() == "-4"
    assert edge_item(win, "z", "f", 1).grad_text() == "3"
    assert edge_item(win, "q", "f", 0).grad_text() == "-4"
    assert "cannot" not in win.inspector.node_text()


def test_stepping_back_and_forth_spells_out_the_chain_rule(win):
    a = win.actions
    a["step_forward"].trigger()             # forward: q
    assert node_item(win, "q").value_text() == "3"
    assert node_item(win, "f").value_text() == ""
    assert node_item(win, "q").highlighted
    a["step_forward"].trigger()             # forward: f
    assert node_item(win, "f").value_text() == "-12"
    a["step_forward"].trigger()             # backward through f
    lines = [line.strip() for line in win.inspector.step_text().splitlines()]
    at = lines.index("∂f/∂q = ∂f/∂f · ∂f/∂q")
    assert lines[at + 1: at + 4] == ["= 1 · z", "= 1 · (-4)", "= -4"]
    at = lines.index("∂f/∂z = ∂f/∂f · ∂f/∂z")
    assert lines[at + 3] == "= 3"
    assert edge_item(win, "q", "f", 0).grad_text() == "-4"
    assert edge_item(win, "q", "f", 0).emphasised
    assert edge_item(win, "x", "q", 0).grad_text() == ""
    a["step_forward"].trigger()             # backward through q
    lines = [line.strip() for line in win.inspector.step_text().splitlines()]
    at = lines.index("∂f/∂x = ∂f/∂q · ∂q/∂x")
    assert lines[at + 1: at + 3] == ["= -4 · 1", "= -4"]
    assert edge_item(win, "x", "q", 0).grad_text() == "-4"
    a["step_back"].trigger()
    assert edge_item(win, "x", "q", 0).grad_text() == ""
    assert node_item(win, "x").grad_text() == ""
    assert node_item(win, "f").highlighted and not node_item(win, "q").highlighted
    a["first"].trigger()
    assert node_item(win, "f").value_text() == ""
    a["last"].trigger()
    assert node_item(win, "x").grad_text() == "∂ -4"
    assert win.timeline.slider.value() == win.timeline.slider.maximum()


def test_keyboard_steps(win, qtbot):
    win.activateWindow()
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(win.canvas, Qt.Key.Key_Right)
    assert win.controller.cursor == 1
    qtbot.keyClick(win.canvas, Qt.Key.Key_Left)
    assert win.controller.cursor == 0
    qtbot.keyClick(win.canvas, Qt.Key.Key_End)
    assert win.controller.cursor == len(win.controller.trace) - 1
    qtbot.keyClick(win.canvas, Qt.Key.Key_Home)
    assert win.controller.cursor == -1


def test_play_runs_to_the_end_and_stops(win, qtbot):
    win.timeline.speed.setValue(30)
    win.actions["play"].trigger()
    assert win.timeline.playing
    qtbot.waitUntil(lambda: not win.timeline.playing, timeout=3000)
    assert win.controller.cursor == len(win.controller.trace) - 1
    assert not win.actions["play"].isChecked()


def test_timeline_slider_seeks(win):
    win.timeline.slider.setValue(1)
    assert win.controller.cursor == 1
    assert node_item(win, "f").value_text() == "-12"
    assert "forward 2/2" in win.timeline.label.text()


def test_fan_out_lists_each_gradient_and_the_sum(win):
    assert win.apply_expression("f = x * x + x")
    win.actions["backward"].trigger()
    x = win.controller.graph["x"]
    win.controller.set_value(x.id, 3.0)
    win.actions["backward"].trigger()
    win.controller.select([x.id])
    lines = [line.strip() for line in win.inspector.node_text().splitlines()]
    # f = x² + x: the sum sends 1, then the product 3 once per port; total 7
    assert "x is used 3 times" in " ".join(lines)
    at = lines.index("∂f/∂x = 1 + 3 + 3")
    assert lines[at + 1] == "= 7"


def test_expression_bar_good_and_bad(win):
    assert win.apply_expression("out = sigmoid(w0*x0 + w1*x1 + w2)")
    assert "out" in win.controller.graph
    assert not win.expression_message.isVisible()
    before = win.controller.graph
    assert not win.apply_expression("out = sigmoid(w0*")
    assert win.expression_message.isVisible()
    assert "syntax" in win.expression_message.text().lower()
    assert win.controller.graph is before           # the current graph stays


def test_expression_keeps_known_leaf_values(win):
    assert win.apply_expression("f = (x + y) * z")
    win.actions["forward"].trigger()
    assert node_item(win, "f").value_text() == "-12"


def test_changing_a_leaf_value_recomputes_what_the_canvas_shows(win):
    win.actions["backward"].trigger()
    c = win.controller
    c.set_value(c.graph["x"].id, 3.0)                      # what the value editors call
    assert node_item(win, "f").value_text() == "-32"       # (3 + 5) · -4
    assert node_item(win, "x").grad_text() == "∂ -4"       # still at the end of backward
    assert "must be numbers" in c.set_value(c.graph["x"].id, "three")   # refused, says why
    assert node_item(win, "f").value_text() == "-32"       # the graph is not lost
    c.undo_stack.undo()
    assert node_item(win, "f").value_text() == "-12"


def test_inline_value_entry_when_no_editor_is_installed(qtbot):
    from ui.controller import GraphController
    from ui.explore.examples import cs231n_f
    from ui.explore.inspector import InspectorPanel
    c = GraphController()
    g = cs231n_f()
    c.load_graph(g, g.output)
    ins = InspectorPanel()
    qtbot.addWidget(ins)
    ins.show()
    edited = []
    ins.value_edited.connect(lambda nid, v: edited.append((nid, v)))
    c.select([g["x"].id])
    ins.refresh(c, c.display_state())
    assert ins.value_edit.isVisible() and ins.value_edit.text() == "-2.0"
    ins.value_edit.setText("[1, 2]")
    ins.value_edit.returnPressed.emit()
    assert edited == [(g["x"].id, [1, 2])]
    ins.value_edit.setText("three")
    ins.value_edit.returnPressed.emit()
    assert ins.value_error.isVisible() and len(edited) == 1
    ins.set_inline_value_editor(False)
    ins.refresh(c, c.display_state())
    assert not ins.value_edit.isVisible()


def test_export_png_and_svg(win, tmp_path):
    win.actions["backward"].trigger()
    assert win.exports.view(tmp_path / "v.png")
    assert (tmp_path / "v.png").stat().st_size > 1000
    assert win.exports.view(tmp_path / "v.svg")
    svg = (tmp_path / "v.svg").read_text()
    assert ">-12<" in svg and ">-4<" in svg
    assert not win.exports.view(tmp_path / "v.gif")
    # a view that cannot be written is said where it cannot be missed, as a script's is
    assert "v.gif" in win.message_bar.text() and win.message_bar.severity == "error"
    assert not win.exports.view(tmp_path / "no such folder" / "v.png")
    said = win.message_bar.text()       # the reason, not the temporary file's name
    assert "No such file or directory" in said and ".tmp" not in said


def test_open_file_and_bad_file(win, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.explore.examples import sigmoid_neuron
    win.document.use(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialogs = []
    win.document.show_error = lambda title, text: dialogs.append(text)
    sigmoid_neuron().save(tmp_path / "s.json")
    assert win.open_file(tmp_path / "s.json")
    assert "w0" in win.controller.graph
    assert win.windowTitle().startswith("s.json")             # the same as File > Open
    assert win.document.recent_files()[0] == str((tmp_path / "s.json").resolve())
    (tmp_path / "bad.json").write_text("{not json")
    assert not win.open_file(tmp_path / "bad.json")
    assert "w0" in win.controller.graph           # the graph is not lost
    assert "bad.json" in win.statusBar().currentMessage()
    assert dialogs == [] and "bad.json" in win.message_bar.text()   # a message bar says so


def test_main_with_missing_or_broken_file_returns_error(capsys, tmp_path):
    from ui.start import main
    assert main(["/no/such/graph.json"]) != 0
    err = capsys.readouterr().err
    assert "graph.json" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "bad.json").write_text("[1, 2")
    assert main([str(tmp_path / "bad.json")]) != 0
    err = capsys.readouterr().err
    assert "bad.json" in err and "Traceback" not in err


def test_launch_opens_a_file(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.explore.examples import sigmoid_neuron
    from ui.start import launch
    sigmoid_neuron().save(tmp_path / "s.json")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = launch([str(tmp_path / "s.json")], settings=settings)
    qtbot.addWidget(w)
    assert "w0" in w.controller.graph and w.isVisible()
    assert w.windowTitle().startswith("s.json") and not w.isWindowModified()
    assert w.document.recent_files()[0] == str((tmp_path / "s.json").resolve())
    w.actions["backward"].trigger()
    assert w.scene.node_item(w.controller.graph["f"].id).value_text() == "0.731"


def test_launch_without_file_shows_the_default_example(qtbot):
    from ui.start import launch
    w = launch([])
    qtbot.addWidget(w)
    w.actions["forward"].trigger()
    assert w.scene.node_item(w.controller.graph["f"].id).value_text() == "-12"


def test_an_unfinished_node_shows_why_it_cannot_compute(win):
    c = win.controller
    win.actions["forward"].trigger()
    nid = c._add_node("add", "half_done", None, (0.0, 400.0))
    c._connect(c.graph["x"].id, nid.id, 0)
    item = win.scene.node_item(nid.id)
    assert item.error and "missing input" in item.error and "b" in item.error
    assert item.value_text() == ""
    # the rest of the graph still steps and shows its numbers
    win.actions["backward"].trigger()
    assert win.scene.node_item(c.graph["f"].id).value_text() == "-12"
    assert win.scene.node_item(c.graph["x"].id).grad_text() == "∂ -4"


def test_a_graph_that_cannot_run_says_so(win):
    c = win.controller
    assert win.apply_expression("f = x @ w")
    x, w = c.graph["x"], c.graph["w"]
    c._set_value(x.id, [1.0, 2.0])
    c._set_value(w.id, [[1.0, 2.0, 3.0]])
    assert c.trace is None and "shape" in c.trace_error
    win.actions["forward"].trigger()
    assert "cannot step" in win.statusBar().currentMessage()
    f = win.scene.node_item(c.graph["f"].id)
    assert "(2,)" in f.error and "(1, 3)" in f.error
    assert "Not traced" in win.inspector.step_text()


def test_recompute_after_values_change_elsewhere(win):
    c = win.controller
    win.actions["backward"].trigger()
    c.graph["z"].value[...] = 2.0          # e.g. a training step updating a param in place
    c.recompute()
    assert node_item(win, "f").value_text() == "6"
    assert node_item(win, "x").grad_text() == "∂ 2"
    assert c.cursor == len(c.trace) - 1    # still at the end of the backward pass


def test_space_plays_and_pauses(win, qtbot):
    win.activateWindow()
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Space)
    assert win.timeline.playing and win.actions["play"].text() == "Pause"
    qtbot.keyClick(win.canvas, Qt.Key.Key_Space)
    assert not win.timeline.playing and win.actions["play"].text() == "Play"
    # typing in the expression bar is not stepping
    win.expression.setFocus()
    qtbot.keyClick(win.expression, Qt.Key.Key_Space)
    qtbot.keyClick(win.expression, Qt.Key.Key_Right)
    assert not win.timeline.playing and win.controller.cursor == -1


def test_values_changed_in_place_are_redrawn(win):
    """Training updates params in place and calls show_values: the canvas follows."""
    import numpy as np
    win.load_example("spiral")
    c = win.controller
    w1 = c.graph["W1"]
    item = win.scene.node_item(w1.id)
    before = item.value_image().copy()
    w1.value[...] = np.linspace(-1, 1, w1.value.size).reshape(w1.value.shape)
    c.show_values()
    assert item.value_image() != before         # the heatmap drawn anew
    assert "min -1" in item.toolTip()


def test_launch_runs_panel_installers_after_the_first_paint(qtbot):
    from ui.start import launch
    seen = []
    w = launch([], after_first_paint=[lambda win: seen.append(win.isVisible())])
    qtbot.addWidget(w)
    assert seen == [True]
