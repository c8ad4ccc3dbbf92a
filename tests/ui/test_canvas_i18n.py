"""The canvas's words go through Qt's translation: lupdate finds them in the sources, and with a
translation installed the actions, menus and layer boxes show the translated words."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from ui import i18n_tools

CANVAS_WORDS = {
    ("Actions", "Step layers whole"), ("Actions", "Collapse layers"),
    ("Actions", "Expand layers"), ("Actions", "Fit"), ("Actions", "Layout"),
    ("Actions", "Stepping treats a collapsed layer as one step (off: it steps through its nodes)"),
    ("Canvas", "Dense {units}"), ("Canvas", "{head}, {act} in the loss"),
    ("Canvas", "output of {name}"), ("Canvas", "input port {name}"),
}


@pytest.fixture(scope="module")
def ts(tmp_path_factory):
    """A .ts file made by lupdate from the sources, every entry translated as 'KO:' + source."""
    path = tmp_path_factory.mktemp("i18n") / "t.ts"
    i18n_tools.update_ts(path)
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        tr.attrib.pop("type", None)
        tr.text = "KO:" + (message.findtext("source") or "")
    tree.write(path, encoding="utf-8")
    return path


def test_lupdate_finds_the_canvas_words(ts):
    found = {(m["context"], m["source"]) for m in i18n_tools.messages(ts)}
    assert CANVAS_WORDS <= found, CANVAS_WORDS - found


def test_the_window_shows_the_canvas_words_translated(ts, qtbot, tmp_path):
    qm = tmp_path / "t.qm"
    i18n_tools.release(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        from ui.app import MainWindow
        w = MainWindow(example=None)
        qtbot.addWidget(w)
        for name in ("whole_layers", "collapse_layers", "expand_layers", "fit"):
            assert w.actions[name].text().startswith("KO:"), name
            assert w.actions[name].statusTip().startswith("KO:"), name
        w.load_example("fashion")
        titles = [g.title for g in w.scene.groups.values()]
        assert titles and all(t.startswith("KO:") for t in titles), titles
        w.show()
        w.load_example("cs231n")
        QApplication.processEvents()
        port = w.scene.nodes[w.controller.graph["q"].id].out_port
        vp = w.canvas.viewport()
        at = w.canvas.mapFromScene(port.scenePos())     # rest the mouse on the port
        QApplication.sendEvent(vp, QHelpEvent(QEvent.Type.ToolTip, at, vp.mapToGlobal(at)))
        assert QToolTip.text().startswith("KO:output of"), QToolTip.text()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_menu_is_there_once_in_another_language(ts, qtbot, tmp_path):
    """The editor's Edit actions, Open Recent and Auto-run join the window's own (translated)
    Edit, File and Run menus: no second, English menu at the end of the menu bar."""
    qm = tmp_path / "t.qm"
    i18n_tools.release(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        from ui.app import MainWindow
        w = MainWindow(example=None)
        qtbot.addWidget(w)
        menus = {a.text(): a.menu() for a in w.menuBar().actions() if a.menu() is not None}
        titles = [a.text() for a in w.menuBar().actions()]
        assert all(t.startswith("KO:") for t in titles), titles
        assert len(set(titles)) == len(titles), titles
        assert w.document.recent_menu.menuAction() in menus["KO:&File"].actions()
        assert w.actions["copy"] in menus["KO:&Edit"].actions()
        assert w.actions["auto_run"] in menus["KO:&Run"].actions()
    finally:
        QCoreApplication.removeTranslator(translator)
