"""The palette lists the engine's ops by category, filters by search, explains each op, and
drags the op name out; the Build MLP dialog makes a graph that computes and trains."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import graphviz_nn as gnn
from graphviz_nn.ops import OPS
from ui.build.mlp_builder import MlpBuilderDialog, MlpSpec, build_mlp, parse_hidden
from ui.build.palette import OP_MIME, PaletteWidget, QuickAddPopup, mime_op


def test_palette_groups_every_op_under_its_category(qtbot):
    pal = PaletteWidget()
    qtbot.addWidget(pal)
    pal.show()
    qtbot.waitUntil(lambda: pal.tree.topLevelItemCount() > 0)   # filled after the first paint
    groups = [pal.tree.topLevelItem(i).text(0) for i in range(pal.tree.topLevelItemCount())]
    assert groups[0] == "Inputs"
    assert set(groups) == {spec.category for spec in OPS.values()}
    inputs = pal.tree.topLevelItem(0)
    labels = [inputs.child(j).text(0) for j in range(inputs.childCount())]
    assert any(label.startswith("parameter") for label in labels)
    assert any(label.startswith("constant") for label in labels)
    assert set(pal.op_items()) == set(OPS)


def test_tooltip_shows_formula_and_local_derivatives(qtbot):
    pal = PaletteWidget()
    qtbot.addWidget(pal)
    tip = pal.op_items()["mul"].toolTip(0)
    assert OPS["mul"].formula in tip
    for d in OPS["mul"].local:
        assert d in tip


def test_search_narrows_the_list(qtbot):
    pal = PaletteWidget()
    qtbot.addWidget(pal)
    QTest.keyClicks(pal.search, "sigm")
    assert pal.visible_ops() == ["sigmoid"]
    pal.search.clear()
    assert len(pal.visible_ops()) == len(OPS)


def test_drag_data_carries_the_op_name(qtbot):
    pal = PaletteWidget()
    qtbot.addWidget(pal)
    mime = pal.mime_for("relu")
    assert mime.hasFormat(OP_MIME) and mime_op(mime) == "relu"


def test_quick_add_filters_and_enter_picks(qtbot):
    pop = QuickAddPopup()
    qtbot.addWidget(pop)
    pop.popup(pop.mapToGlobal(pop.rect().center()))
    chosen = []
    pop.op_chosen.connect(chosen.append)
    QTest.keyClicks(pop.search, "tanh")
    QTest.keyClick(pop.search, Qt.Key.Key_Return)
    assert chosen == ["tanh"] and not pop.isVisible()


def test_hidden_sizes_are_checked():
    assert parse_hidden("16, 8") == [16, 8] and parse_hidden("") == []
    with pytest.raises(ValueError, match="whole numbers"):
        parse_hidden("16, x")


@pytest.mark.parametrize("loss", ["sparse_categorical_crossentropy", "mse"])
def test_mlp_graph_has_the_layers_and_correct_gradients(loss):
    graph, out = build_mlp(MlpSpec(inputs=3, hidden=[5, 4], classes=3, loss=loss, batch=4))
    assert graph["W1"].value.shape == (3, 5) and graph["W3"].value.shape == (4, 3)
    assert graph["x"].value.shape == (4, 3)
    graph.forward()
    assert np.isfinite(graph[out].value)
    assert gnn.gradcheck(graph, graph[out]) < 1e-5
    xs = {n.name: n.pos[0] for n in graph.nodes}
    assert xs["x"] < xs["W2"] < xs["W3"] < xs[out]          # laid out left to right by layer


def test_dialog_refuses_bad_hidden_sizes(qtbot):
    dlg = MlpBuilderDialog()
    qtbot.addWidget(dlg)
    dlg.hidden.setText("8, -1")
    dlg.accept()
    assert "out of range" in dlg.error.text() and dlg.result() == 0


def test_readme_screenshot_script_builds_the_neuron_by_hand(qapp, tmp_path):
    from PySide6.QtGui import QImage

    from ui.headless.editor_screenshot import make_screenshot

    out = make_screenshot(tmp_path / "editor.png", size=(1200, 760))
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1200, 760)
    # the picture is not blank: many distinct colours (nodes, green values, red gradients)
    colours = {img.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 760, 7)}
    assert len(colours) > 50


def test_screenshot_graph_has_the_cs231n_numbers(qtbot, tmp_path):
    from tests.ui.windows import make_window
    from ui.headless.editor_screenshot import build_by_hand

    w = make_window(qtbot, tmp_path)
    build_by_hand(w)
    g = w.controller.graph
    assert round(float(g["out"].value), 2) == 0.73
    assert round(float(g["x0"].grad), 2) == 0.39 and round(float(g["w0"].grad), 2) == -0.20


def test_history_lists_the_edits_and_clicking_a_row_goes_back(qtbot, tmp_path):
    from tests.ui.windows import make_window

    w = make_window(qtbot, tmp_path)
    w.palette.op_items()["exp"].setSelected(True)
    w.palette.op_activated.emit("exp")                    # double-click / Enter on a row
    e = w.controller.graph.nodes[0]
    w.controller.rename_node(e.id, "growth")
    assert w.history.rows() == ["<opened>", "Add exp1", "Rename exp1 → growth"]
    w.history.setCurrentIndex(w.history.model().index(0, 0))   # click the first row
    assert len(w.controller.graph) == 0


def test_paste_of_foreign_text_says_so(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui.app import MainWindow

    w = MainWindow(example=None)
    qtbot.addWidget(w)
    QApplication.clipboard().setText("hello")
    assert w.editor.paste() == []
    assert w.statusBar().currentMessage() == "The clipboard holds no graphviz-nn nodes"
