"""View ▸ Language: System, English, 한국어.

The choice is kept in the settings and takes effect when the app starts again (every window
text is made once, in the chosen language); the message bar says so in both languages, with a
"Restart now" button that closes the window (the unsaved-changes guard still asks) and starts
it again on the same file.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from ui.i18n import (
    LANGUAGES,
    chosen_language,
    current_language,
    resolve,
    set_chosen_language,
    translate,
)

# said in the language the learner chose, which is not loaded yet
AFTER_RESTART = {"ko": "다시 시작하면 창이 한국어로 바뀝니다.",
                 "en": "The window will be in English after a restart."}


def add_language_menu(window, menu: QMenu) -> QMenu:
    """Add the Language submenu to ``menu`` (View)."""
    sub = menu.addMenu(translate("MainWindow", "Language"))
    sub.setObjectName("menu_language")
    group = QActionGroup(sub)
    acts = {}
    for code, label in LANGUAGES.items():
        act = acts[code] = sub.addAction(translate("Language", label) if code == "system"
                                         else label)
        act.setObjectName(f"action_language_{code}")
        act.setCheckable(True)
        act.triggered.connect(lambda _=False, c=code: choose_language(window, c))
        group.addAction(act)

    def show_choice() -> None:      # the document (and its settings) comes after the menus
        acts[chosen_language(_settings(window))].setChecked(True)

    show_choice()
    sub.aboutToShow.connect(show_choice)
    return sub


def _settings(window):
    document = getattr(window, "document", None)
    return document.settings if document is not None else None


def choose_language(window, code: str) -> None:
    """Keep ``code`` in the settings; say when it takes effect."""
    set_chosen_language(code, _settings(window))
    target = resolve(code)
    if target == current_language():
        window.clear_notice("language")
        return
    text = AFTER_RESTART[target]
    if target != "en":
        text += "\n" + translate("MainWindow", "The new language is used after a restart.")
    window.notify(text, "info", key="language",
                  actions=[(translate("MainWindow", "Restart now"), lambda: restart(window))])


def restart(window) -> bool:
    """Close the window (the unsaved-changes guard may refuse) and start the app again on the
    same file. Returns whether it restarted."""
    path = window.document.path
    if not window.close():
        return False
    args = ["-m", "graphviz_nn"] + ([str(path)] if path else [])
    QProcess.startDetached(sys.executable, args)
    QApplication.quit()
    return True
