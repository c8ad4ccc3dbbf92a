"""The main window's menus and toolbars: the workspace tabs on the left of the top row, then the
current workspace's own toolbar (each workspace shows the actions it needs, so every button
reads in full even on a 1280-pixel projector).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar, QToolButton

from ui.explore import examples
from ui.i18n import translate
from ui.language_menu import add_language_menu
from ui.workspaces import BUILD, EXPLORE, NAMES, SHORTCUTS, TITLES, TRAIN

# the toolbar of each workspace: action names, "|" between groups, "examples" for the menu button;
# "||" where the tools may break onto a second row (a second toolbar, "toolbar_<name>_more")
TOOLBARS = {
    EXPLORE: ("examples", "|", "forward", "backward", "|", "step_back", "step_forward", "play",
              "first", "last", "||", "fit", "|", "check_numerically", "quiz"),
    BUILD: ("examples", "|", "new", "open", "save", "|", "undo", "redo", "||", "build_mlp",
            "auto_run", "|", "layout", "fit"),
    TRAIN: ("layout", "fit"),
}


def examples_menu(window) -> QMenu:
    menu = QMenu(translate("MainWindow", "Examples"), window)
    for ex in examples.EXAMPLES:
        act = menu.addAction(ex.title)
        act.setObjectName(f"example_{ex.key}")
        act.setToolTip(ex.text)
        act.setStatusTip(ex.text[:160])
        act.triggered.connect(lambda _=False, k=ex.key: window.load_example(k))
    menu.setToolTipsVisible(True)
    menu.addSeparator()
    browse = menu.addAction(translate("MainWindow", "Browse with explanations…"))
    browse.setObjectName("example_browse")
    browse.triggered.connect(window.browse_examples)
    return menu


def workspace_actions(window) -> dict[str, QAction]:
    """View > Explore / Build / Train, checkable, Ctrl+1/2/3."""
    group = QActionGroup(window)
    acts = {}
    for name in NAMES:
        act = QAction(translate("Workspaces", TITLES[name]), window, checkable=True)
        act.setObjectName(f"action_workspace_{name}")
        act.setShortcut(QKeySequence(SHORTCUTS[name]))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setChecked(name == window.workspaces.current)
        act.triggered.connect(lambda _=False, n=name: window.show_workspace(n))
        group.addAction(act)
        acts[f"workspace_{name}"] = act
    window.workspaces.changed.connect(lambda n: acts[f"workspace_{n}"].setChecked(True))
    return acts


def presentation_actions(window) -> dict[str, QAction]:
    """View > Presentation (on at the last scale / off), Larger (Ctrl+=), Smaller (Ctrl+−)."""
    p = window.presentation
    toggle = QAction(translate("MainWindow", "Presentation"), window, checkable=True)
    toggle.setStatusTip(translate("MainWindow", "Large text, canvas and plots for a projector"))
    toggle.triggered.connect(lambda _=False: p.toggle())
    larger = QAction(translate("MainWindow", "Larger text and canvas"), window)
    larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    larger.triggered.connect(p.larger)
    smaller = QAction(translate("MainWindow", "Smaller text and canvas"), window)
    smaller.setShortcuts([QKeySequence("Ctrl+-")])
    smaller.triggered.connect(p.smaller)
    acts = {"presentation": toggle, "presentation_larger": larger,
            "presentation_smaller": smaller}
    for name, act in acts.items():
        act.setObjectName(f"action_{name}")
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def show(factor: float) -> None:
        toggle.setChecked(factor > 1.0)
        larger.setEnabled(factor < 2.0)
        smaller.setEnabled(factor > 1.0)
        window.status(p.describe())
    p.changed.connect(show)
    smaller.setEnabled(False)
    window.actions.update(acts)
    return acts


def panel_action(dock: QDockWidget) -> QAction:
    """The Panels menu's check for ``dock``: a panel checked again comes to the front (it
    would come back as a tab behind another one)."""
    act = dock.toggleViewAction()
    act.triggered.connect(lambda on: dock.raise_() if on else None)
    return act


def _toolbar(window, object_name: str, title: str) -> QToolBar:
    tb = QToolBar(title, window)
    tb.setObjectName(object_name)
    tb.setMovable(False)
    tb.setFloatable(False)
    tb.toggleViewAction().setVisible(False)     # shown by its workspace, not by hand
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
    return tb


def build_toolbars(window) -> None:
    """The workspace tabs and one toolbar per workspace (actions missing from
    ``window.actions`` are left out)."""
    tabs = _toolbar(window, "workspace_toolbar", translate("MainWindow", "Workspaces"))
    tabs.addWidget(window.workspaces.bar)
    tabs.addSeparator()
    for name in NAMES:
        title = translate("MainWindow", "{workspace} tools").format(
            workspace=translate("Workspaces", TITLES[name]))
        tb = _toolbar(window, f"toolbar_{name}", title)
        window.workspaces.add_toolbar(tb, (name,))
        for item in TOOLBARS[name]:
            if item == "||":
                tb = _toolbar(window, f"toolbar_{name}_more", title)
                window.workspaces.add_toolbar(tb, (name,))
            elif item == "|":
                tb.addSeparator()
            elif item == "examples":
                button = QToolButton()
                button.setObjectName(f"examples_button_{name}")
                button.setText(translate("MainWindow", "Examples ▾"))
                button.setMenu(window.examples_menu)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
                tb.addWidget(button)
            elif item in window.actions:
                tb.addAction(window.actions[item])
    # the expression bar fills the rest of the row (the last toolbar of a row gets the room left)
    expression = _toolbar(window, "expression_toolbar", translate("MainWindow", "Expression"))
    expression.addWidget(window.expression)
    window.workspaces.add_toolbar(expression, (EXPLORE, BUILD))


def window_menu(window, key: str) -> QMenu:
    """The window's menu ``key`` ("file", "edit", "view", "run", "panels"), found by its
    object name, whatever language its title is in."""
    menu = window.menuBar().findChild(QMenu, f"menu_{key}")
    if menu is None:
        raise KeyError(f"the window has no {key} menu")
    return menu


def _menu(window, key: str, title: str) -> QMenu:
    menu = window.menuBar().addMenu(title)
    menu.setObjectName(f"menu_{key}")
    return menu


def build_menus(window) -> None:
    a = window.actions
    bar = window.menuBar()
    for key, title, names in (
            ("file", translate("MainWindow", "&File"), ("new", "open", "save", "save_as")),
            ("edit", translate("MainWindow", "&Edit"), ("undo", "redo"))):
        menu = _menu(window, key, title)
        for name in names:
            menu.addAction(a[name])
        if key == "file":
            _add_quit(window, menu)
    view = _menu(window, "view", translate("MainWindow", "&View"))
    for name in NAMES:
        view.addAction(a[f"workspace_{name}"])
    reset = view.addAction(translate("MainWindow", "Reset layout"))
    reset.setObjectName("action_reset_layout")
    reset.setStatusTip(translate("MainWindow", "Put this workspace's panels back where they start"))
    reset.triggered.connect(window.workspaces.reset_layout)
    a["reset_layout"] = reset
    add_language_menu(window, view)
    view.addSeparator()
    for act in presentation_actions(window).values():
        view.addAction(act)
    view.addSeparator()
    view.addAction(a["layout"])
    view.addAction(a["fit"])
    for name in ("collapse_layers", "expand_layers"):     # Dense layers as boxes (canvas)
        if name in a:
            view.addAction(a[name])
    run = _menu(window, "run", translate("MainWindow", "&Run"))
    for name in ("forward", "backward", "step_back", "step_forward", "play", "first", "last",
                 "whole_layers", "check_numerically", "quiz"):
        run.addAction(a[name])
    bar.addMenu(window.examples_menu)
    window.view_menu = _menu(window, "panels", translate("MainWindow", "&Panels"))


def _add_quit(window, menu: QMenu) -> None:
    """File > Quit (Ctrl+Q): closes the window, which asks about unsaved changes first. It
    stays the menu's last entry whatever is added to the menu later (Open Recent, Export)."""
    act = QAction(translate("MainWindow", "&Quit"), window)
    act.setObjectName("action_quit")
    act.setShortcuts(QKeySequence.StandardKey.Quit)
    if not act.shortcuts():                 # a platform without a standard Quit key
        act.setShortcut(QKeySequence("Ctrl+Q"))
    act.setMenuRole(QAction.MenuRole.QuitRole)
    act.setStatusTip(translate("MainWindow", "Close graphviz-nn (asks about unsaved changes)"))
    act.triggered.connect(window.close)
    window.actions["quit"] = act
    separator = QAction(window)
    separator.setSeparator(True)

    def keep_last() -> None:
        for item in (separator, act):
            menu.removeAction(item)
            menu.addAction(item)

    keep_last()
    menu.aboutToShow.connect(keep_last)


def fit_toolbar_rows(window, own_row_for_expression: bool) -> str:
    """Lay the top toolbars out in rows that fit ``window``'s width, and say how:
    "one" (tabs, tools, expression bar), "expression below" (also when
    ``own_row_for_expression``: presentation mode), "tools below" (the tabs and the expression
    bar, then the tools) or "tools split" (their second part on a third row)."""
    bar = {t.objectName(): t for t in window.findChildren(QToolBar)}
    tabs, expr = bar.get("workspace_toolbar"), bar.get("expression_toolbar")
    tools = [t for t in window.findChildren(QToolBar)
             if t.objectName().startswith("toolbar_")]          # in the order they were made
    if tabs is None or expr is None or not tools:
        return ""
    shown = [t for t in tools if not t.isHidden()]
    main = sum(t.sizeHint().width() for t in shown if not t.objectName().endswith("_more"))
    more = sum(t.sizeHint().width() for t in shown if t.objectName().endswith("_more"))
    room, tab_width = window.width(), tabs.sizeHint().width()
    if not own_row_for_expression and \
            tab_width + main + more + expr.minimumSizeHint().width() <= room:
        rows = "one"
    elif tab_width + main + more <= room:
        rows = "expression below"
    elif main + more <= room:
        rows = "tools below"
    else:
        rows = "tools split"
    if getattr(window, "_toolbar_rows", None) == rows:
        return rows
    window._toolbar_rows = rows
    for t in [*tools, expr]:                  # start from one row: tabs, tools, expression
        if window.toolBarBreak(t):
            window.removeToolBarBreak(t)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, expr)
    if rows == "expression below":
        window.insertToolBarBreak(expr)
    elif rows in ("tools below", "tools split"):
        window.insertToolBar(tools[0], expr)          # beside the tabs
        window.insertToolBarBreak(tools[0])
        if rows == "tools split":
            for t in tools:
                if t.objectName().endswith("_more"):
                    window.insertToolBarBreak(t)
    return rows
