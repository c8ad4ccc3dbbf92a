"""Files in the editor: save and reopen, unsaved mark, recent files, a broken file keeps the
graph, closing asks, autosave and restoring after a crash, Build MLP as one undo step."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from tests.ui.test_editor_canvas import make_window
from ui.dialogs.mlp_builder import MlpSpec, apply_mlp


def build(w):
    c = w.controller
    x = c.add_node("input", (0.0, 0.0), "x", [1.0, -2.0])
    p = c.add_node("param", (0.0, 120.0), "w", [0.5, 4.0])
    m = c.add_node("mul", (260.0, 60.0), "m")
    s = c.add_node("sum", (520.0, 60.0), "L")
    c.connect_ports(x, m, 0)
    c.connect_ports(p, m, 1)
    c.connect_ports(m, s, 0)
    return c.graph


@pytest.fixture
def win(qtbot, tmp_path):
    return make_window(qtbot, tmp_path)


def test_save_and_reopen_gives_the_same_graph(win, tmp_path):
    g = build(win)
    before = g.to_dict()
    assert win.isWindowModified() and win.windowTitle().startswith("Untitled")
    path = tmp_path / "hand.json"
    win.document.ask_save_path = lambda: str(path)
    win.actions["save"].trigger()
    assert path.exists() and not win.isWindowModified()
    assert win.windowTitle().startswith("hand.json")
    win.actions["new"].trigger()
    assert len(win.controller.graph) == 0
    win.document.ask_open_path = lambda: str(path)
    win.actions["open"].trigger()
    assert win.controller.graph.to_dict() == before
    assert win.controller.undo_stack.count() == 0 and not win.isWindowModified()
    assert win.document.recent_files()[0] == str(path.resolve())
    assert win.document.recent_menu.actions()[0].text() == "hand.json"


def test_undo_back_to_the_saved_state_is_clean_again(win, tmp_path):
    build(win)
    win.document.save_to(tmp_path / "a.json")
    win.controller.add_node("exp", (0.0, 300.0))
    assert win.isWindowModified()
    win.actions["undo"].trigger()
    assert not win.isWindowModified()


@pytest.mark.parametrize("content, words", [
    ("{not json", "broken or truncated JSON"),
    (json.dumps({"format": "something else"}), "a.json"),
])
def test_opening_a_broken_file_names_the_problem_and_keeps_the_graph(win, tmp_path, content,
                                                                     words):
    g = build(win)
    before = g.to_dict()
    bad = tmp_path / "a.json"
    bad.write_text(content)
    shown = []
    win.document.show_error = lambda title, text: shown.append(text)
    assert not win.document.open_path(bad)
    assert len(shown) == 1 and words in shown[0] and "a.json" in shown[0]
    assert win.controller.graph.to_dict() == before
    assert win.isWindowModified()                   # still the user's unsaved work


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(win, tmp_path):
    win.document.start_session()
    build(win)
    asked = []
    win.document.ask_save_changes = lambda: asked.append(1) or "cancel"
    win.close()
    assert asked and win.isVisible()
    win.document.ask_save_changes = lambda: "save"
    win.document.ask_save_path = lambda: str(tmp_path / "kept.json")
    win.close()
    assert not win.isVisible() and (tmp_path / "kept.json").exists()


def test_autosave_then_restore_after_a_crash(qtbot, tmp_path):
    w1 = make_window(qtbot, tmp_path, "one")
    w1.document.start_session()
    g = build(w1)
    before = g.to_dict()
    assert w1.document.timer.interval() == 30_000 and w1.document.timer.isActive()
    assert w1.document.autosave()
    assert (tmp_path / "recovery" / "recovery.json").exists()
    # "crash": the window goes away without the close handler running
    w1.removeEventFilter(w1.document)
    w2 = make_window(qtbot, tmp_path, "two")
    offered = []
    w2.document.ask_restore = lambda info: offered.append(info) or True
    w2.document.start_session()                    # what the app does at start
    assert offered and "Untitled" in offered[0]
    assert w2.controller.graph.to_dict() == before
    assert w2.isWindowModified()                   # restored work is not saved yet
    w2.document.save_to(tmp_path / "saved.json")
    assert not (tmp_path / "recovery" / "recovery.json").exists()


def test_no_autosave_while_clean_and_declining_removes_the_recovery(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    assert not w.document.autosave()
    build(w)
    w.document.autosave()
    w.document.ask_restore = lambda info: False
    assert not w.document.offer_recovery()
    assert not (tmp_path / "recovery" / "recovery.json").exists()


def test_recovery_folder_from_the_environment(monkeypatch, tmp_path):
    from ui.document import RECOVERY_ENV, default_recovery_dir

    monkeypatch.setenv(RECOVERY_ENV, str(tmp_path / "r"))
    assert default_recovery_dir() == tmp_path / "r"


def test_recent_files_survive_in_settings(win, tmp_path):
    build(win)
    win.document.save_to(tmp_path / "one.json")
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    assert settings.value("recent_files") == [str((tmp_path / "one.json").resolve())]


def test_build_mlp_is_one_undo_step_and_computes(win):
    build(win)
    before = win.controller.graph.to_dict()
    out = apply_mlp(win.controller, MlpSpec(inputs=2, hidden=[6], classes=3))
    g = win.controller.graph
    assert win.controller.output.name == out
    assert g["W1"].value.shape == (2, 6) and g["W2"].value.shape == (6, 3)
    loss = win.scene.node_item(g[out].id).value_text()
    assert loss and np.isfinite(float(loss))           # auto-run computed the loss
    assert win.scene.node_item(g["W1"].id).grad_text().startswith("∂")
    win.actions["undo"].trigger()
    assert win.controller.graph.to_dict() == before
