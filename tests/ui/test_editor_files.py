"""Files in the editor: save and reopen, unsaved mark, recent files, a broken file keeps the
graph, closing asks, autosave and restoring after a crash, Build MLP as one undo step."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from tests.ui.windows import make_window
from ui.build.mlp_builder import MlpSpec, apply_mlp


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
    win.document.show_error = lambda title, text: pytest.fail("a modal dialog")
    win.document.ask_open_path = lambda: str(bad)
    win.actions["open"].trigger()                   # File > Open
    bar = win.message_bar
    assert bar.isVisibleTo(win) and bar.severity == "error" and bar.key == "file"
    assert words in bar.text() and "a.json" in bar.text() and "kept" in bar.text()
    assert win.controller.graph.to_dict() == before
    assert win.isWindowModified()                   # still the user's unsaved work


def test_the_message_bar_offers_another_file_and_goes_when_one_opens(win, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    bad, good = tmp_path / "bad.json", tmp_path / "good.json"
    bad.write_text("[]")
    build(win).save(good)
    assert not win.document.open_path(bad)
    assert win.message_bar.action_texts() == ["Open another file…"]
    win.document.ask_open_path = lambda: str(good)
    win.document.ask_save_changes = lambda: "discard"
    button = win.message_bar.findChildren(QPushButton)[0]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.windowTitle().startswith("good.json")
    assert not win.message_bar.isVisibleTo(win)     # the problem is gone, so is the message


def test_a_failed_save_says_so_in_the_message_bar_and_keeps_the_work_unsaved(win, tmp_path):
    build(win)
    (tmp_path / "folder.json").mkdir()              # a folder where the file should go
    win.document.ask_save_path = lambda: str(tmp_path / "folder.json")
    win.actions["save"].trigger()
    assert win.message_bar.severity == "error" and "folder.json" in win.message_bar.text()
    assert win.message_bar.action_texts() == ["Save As…"]
    assert win.isWindowModified() and win.document.path is None


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


def test_ctrl_q_and_file_quit_ask_about_unsaved_changes_then_close(win, qtbot, tmp_path):
    """Seen in the window: Ctrl+Q did nothing and the File menu had no way out but the
    window's close button."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.menus import window_menu

    quit_action, menu, bar = win.actions["quit"], window_menu(win, "file"), win.menuBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())    # File opens
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert menu.actions()[-1] is quit_action                      # last, after Export
    assert any(a.text().startswith("&Export") or "Export" in a.text() for a in menu.actions())
    menu.close()
    win.document.start_session()
    build(win)
    asked = []
    win.document.ask_save_changes = lambda: asked.append(1) or "cancel"
    win.activateWindow()
    qtbot.waitActive(win)
    QTest.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked and win.isVisible()                    # unsaved: asked, and Cancel keeps it
    win.document.ask_save_changes = lambda: "discard"
    QTest.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=2000)


CRASHING_SESSION = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import MainWindow
w = MainWindow(example=None)
w.document.use(recovery_dir=sys.argv[1],
               settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
c = w.controller
x = c.add_node("input", (0.0, 0.0), "x", [1.0, -2.0])
p = c.add_node("param", (0.0, 120.0), "w", [0.5, 4.0])
m = c.add_node("mul", (260.0, 60.0), "m")
c.connect_ports(x, m, 0)
c.connect_ports(p, m, 1)
assert w.document.autosave()
print(w.controller.graph.to_dict()["nodes"][2]["name"], flush=True)
os._exit(3)          # a crash: no close handler, no clean-up
"""


def test_restore_after_a_real_crash(qtbot, tmp_path):
    rec = tmp_path / "recovery"
    run = subprocess.run([sys.executable, "-c", CRASHING_SESSION, str(rec),
                          str(tmp_path / "crashed.ini")], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 3, run.stderr
    assert len(list(rec.glob("recovery-*.json"))) == 1
    w = make_window(qtbot, tmp_path, "next")
    offered = []
    w.document.ask_restore = lambda info: offered.append(info) or True
    w.document.start_session()                     # what the app does at start
    assert offered and "Untitled" in offered[0] and "autosaved" in offered[0]
    g = w.controller.graph
    assert g["m"].inputs == [g["x"], g["w"]] and list(g["w"].value) == [0.5, 4.0]
    assert w.isWindowModified()                    # restored work is not saved yet
    w.document.save_to(tmp_path / "saved.json")
    assert list(rec.glob("recovery-*.json")) == []


def test_a_running_window_s_recovery_is_neither_offered_nor_deleted(qtbot, tmp_path):
    w1 = make_window(qtbot, tmp_path, "one")
    w1.document.start_session()
    build(w1)
    assert w1.document.autosave()
    assert w1.document.timer.interval() == 30_000 and w1.document.timer.isActive()
    w2 = make_window(qtbot, tmp_path, "two")
    w2.document.ask_restore = lambda info: pytest.fail("offered a live session's graph")
    assert not w2.document.offer_recovery()
    w2.document.new()                              # clean: removes only its own file
    assert w1.document.recovery_path.exists()


def test_no_autosave_while_clean_and_declining_removes_the_recovery(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    assert not w.document.autosave()
    build(w)
    w.document.autosave()
    w.document.recovery._lock.unlock()             # as if its process had died
    w.document.recovery._lock = None
    other = make_window(qtbot, tmp_path, "other")
    other.document.ask_restore = lambda info: False
    assert not other.document.offer_recovery()
    assert list((tmp_path / "recovery").glob("recovery-*.json")) == []


def test_recovery_folder_from_the_environment(monkeypatch, tmp_path):
    from ui.files.autosave import RECOVERY_ENV, default_recovery_dir

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
    assert win.controller.cursor == -1                  # ready to step through from the start
    win.actions["backward"].trigger()
    loss = win.scene.node_item(g[out].id).value_text()
    assert loss and np.isfinite(float(loss))
    assert win.scene.node_item(g["W1"].id).grad_text().startswith("∂")
    win.actions["undo"].trigger()
    assert win.controller.graph.to_dict() == before


def test_build_mlp_action_reads_the_dialog(win, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.build import mlp_builder

    def fake_exec(dlg):
        dlg.inputs.setValue(4)
        dlg.hidden.setText("5, 3")
        dlg.activation.setCurrentText("tanh")
        dlg.classes.setValue(2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(mlp_builder.MlpBuilderDialog, "exec", fake_exec)
    win.actions["build_mlp"].trigger()
    g = win.controller.graph
    assert [g[f"W{k}"].value.shape for k in (1, 2, 3)] == [(4, 5), (5, 3), (3, 2)]
    assert any(n.op == "tanh" for n in g.nodes)
    assert win.controller.undo_stack.undoText() == "Build MLP 4-5-3-2"


def test_a_recent_file_that_is_gone_is_reported_and_dropped_from_the_list(win, tmp_path):
    build(win)
    path = tmp_path / "gone.json"
    win.document.save_to(path)
    path.unlink()
    win.document.recent_menu.actions()[0].trigger()
    assert "gone.json" in win.message_bar.text() and "No such file" in win.message_bar.text()
    assert win.document.recent_files() == [] and len(win.controller.graph) == 4


def test_changes_outside_the_undo_stack_can_mark_the_graph_unsaved(win, tmp_path):
    build(win)
    win.document.save_to(tmp_path / "t.json")
    win.controller.graph["w"].value[...] = 9.0         # e.g. the training dock's updates
    win.document.mark_modified()
    assert win.isWindowModified() and win.document.autosave()


def test_a_graph_loaded_around_the_undo_stack_becomes_an_undo_step(win):
    import graphviz_nn as gnn

    g = build(win)
    before = g.to_dict()
    n = win.controller.undo_stack.count()
    model = gnn.parse("loss = sigmoid(w * x)", w=0.5, x=2.0)
    win.controller.load_graph(model, model.output)      # e.g. the training dock's model
    assert win.controller.graph is model and win.controller.undo_stack.count() == n + 1
    win.actions["undo"].trigger()
    assert win.controller.graph.to_dict() == before
    win.actions["undo"].trigger()                       # the older history still applies
    assert win.controller.graph["L"].inputs == [None]
    win.actions["redo"].trigger()
    win.actions["redo"].trigger()
    assert win.controller.graph is model                # the very object, so training shows


def test_a_new_graph_starts_at_the_beginning_of_its_timeline(win):
    build(win)
    assert win.controller.cursor > 0                    # auto-run showed the edits' pass
    win.expression.setText("f = (x + y) * z")
    win.apply_expression()
    assert win.controller.cursor == -1                  # not an edit: ready to step through
    win.actions["undo"].trigger()
    assert "L" in win.controller.graph


def test_training_the_canvas_graph_makes_it_unsaved(win, tmp_path):
    from types import SimpleNamespace

    from PySide6.QtCore import QObject, Signal

    class FakeDock(QObject):                  # the training dock's contract: state_changed
        state_changed = Signal(str)

    g = build(win)
    win.document.save_to(tmp_path / "t.json")
    dock = FakeDock()
    dock.model = SimpleNamespace(graph=object())
    win.document.watch_training(dock)
    dock.state_changed.emit("running")          # training some other graph: still saved
    assert not win.isWindowModified()
    dock.model = SimpleNamespace(graph=g)
    dock.state_changed.emit("running")
    assert win.isWindowModified()


COPY_THEN_QUIT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings, QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import MainWindow
w = MainWindow(example="cs231n")
w.document.use(recovery_dir=sys.argv[1],
               settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
w.show()
def act():
    g = w.controller.graph
    w.editor.canvas.select([g["x"].id, g["q"].id])
    QTest.keyClick(w.canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    print(QApplication.clipboard().text()[:9], flush=True)
    QTest.keyClick(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
QTimer.singleShot(200, act)
sys.exit(app.exec())
"""


def test_copying_nodes_then_quitting_ends_the_app_cleanly(tmp_path):
    """Seen when the tests ended: after Copy, the app died with a segmentation fault as it
    exited (the clipboard, a Qt global, deleted the copied data after Python had ended)."""
    run = subprocess.run([sys.executable, "-c", COPY_THEN_QUIT, str(tmp_path / "recovery"),
                          str(tmp_path / "s.ini")], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert run.stdout.startswith('{"'), run.stdout + run.stderr          # it copied
    assert run.returncode == 0, (run.returncode, run.stderr[-800:])
