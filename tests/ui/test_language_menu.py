"""View > Language: the choice is kept, and the window says (in the chosen language too) that
it applies after a restart, which "Restart now" does on the same file."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from ui import language_menu
from ui.i18n import SETTINGS_KEY
from ui.message_bar import MessageBar


def _menu(win) -> QMenu:
    return win.findChild(QMenu, "menu_language")


def _settings(win, tmp_path):
    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win.document.use(settings=s)
    return s


def test_choosing_korean_is_kept_and_announced(win, tmp_path):
    settings = _settings(win, tmp_path)
    acts = {a.objectName(): a for a in _menu(win).actions()}
    assert [a.text() for a in _menu(win).actions()] == ["System", "English", "한국어"]
    acts["action_language_ko"].trigger()
    assert settings.value(SETTINGS_KEY) == "ko"
    shown = [b for b in win.findChildren(MessageBar) if b.key == "language"]
    assert shown and "한국어" in shown[0].text()
    assert shown[0].action_texts() == ["Restart now"]
    # back to the language in effect: nothing to restart for, the message goes
    acts["action_language_en"].trigger()
    assert settings.value(SETTINGS_KEY) == "en"
    assert not [b for b in win.findChildren(MessageBar) if b.key == "language"]


def test_restart_now_starts_again_on_the_same_file_only_if_the_window_closed(win, tmp_path,
                                                                             monkeypatch):
    _settings(win, tmp_path)
    started = []
    monkeypatch.setattr(language_menu.QProcess, "startDetached",
                        lambda program, args: started.append(args) or True)
    monkeypatch.setattr(language_menu.QApplication, "quit", lambda: None)
    path = tmp_path / "g.json"
    win.controller.graph.save(path)
    assert win.document.open_path(path)
    monkeypatch.setattr(win, "close", lambda: False)      # "Save changes?" answered Cancel
    assert not language_menu.restart(win) and not started
    monkeypatch.setattr(win, "close", lambda: True)
    assert language_menu.restart(win)
    assert started == [["-m", "graphviz_nn", str(path)]]
