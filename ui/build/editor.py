"""Building graphs by hand in the main window: ``install(window)`` adds the editor to it.

It docks the palette (left) and the undo history (right), hooks the File actions to the
document (open/save/recent/autosave/recovery), wires the canvas for editing
(``ui.build.wiring``) and adds the Edit actions: delete, duplicate, cut/copy/paste (JSON on the
clipboard, so it works between windows), select all, rename, quick add, auto-run and Build MLP.

Canvas shortcuts (Delete, Ctrl+C, ...) act only while the canvas has the keyboard focus, so
they never steal keys from the expression bar or the inspector.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from ui.files import document
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.menus import window_menu
from ui.canvas.edge_item import EdgeItem
from ui.canvas.node_item import NodeItem
from ui.build.wiring import CanvasEditor
from ui.build import value_editor
from ui.build.editing import fragment
from ui.build import history, palette

FRAGMENT_MIME = "application/x-graphviz-nn-fragment"

CANVAS_ACTIONS = [
    # name, text, shortcuts, tip (translated where the action is made)
    ("delete", QT_TRANSLATE_NOOP("Editor", "Delete"),
     [QKeySequence.StandardKey.Delete, "Backspace"],
     QT_TRANSLATE_NOOP("Editor", "Delete the selected nodes and wires")),
    ("duplicate", QT_TRANSLATE_NOOP("Editor", "Duplicate"), ["Ctrl+D"],
     QT_TRANSLATE_NOOP("Editor", "Duplicate the selected nodes with their inner wires")),
    ("cut", QT_TRANSLATE_NOOP("Editor", "Cut"), [QKeySequence.StandardKey.Cut],
     QT_TRANSLATE_NOOP("Editor", "Cut the selected nodes")),
    ("copy", QT_TRANSLATE_NOOP("Editor", "Copy"), [QKeySequence.StandardKey.Copy],
     QT_TRANSLATE_NOOP("Editor", "Copy the selected nodes")),
    ("paste", QT_TRANSLATE_NOOP("Editor", "Paste"), [QKeySequence.StandardKey.Paste],
     QT_TRANSLATE_NOOP("Editor", "Paste nodes (also from another window)")),
    ("select_all", QT_TRANSLATE_NOOP("Editor", "Select all"),
     [QKeySequence.StandardKey.SelectAll], QT_TRANSLATE_NOOP("Editor", "Select every node")),
    ("rename", QT_TRANSLATE_NOOP("Editor", "Rename…"), ["F2"],
     QT_TRANSLATE_NOOP("Editor", "Rename the selected node (or double-click it)")),
    ("quick_add", QT_TRANSLATE_NOOP("Editor", "Add node…"), ["Tab"],
     QT_TRANSLATE_NOOP("Editor", "Search an op and add it at the mouse (Tab)")),
]


class Editor(QObject):
    """The Edit actions and gestures of one window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctrl = window.controller
        self.scene = window.scene
        self.view = window.canvas
        self.canvas = CanvasEditor(self.ctrl, self.scene, self.view, status=window.status,
                                   parent=self)
        self.actions: dict[str, QAction] = {}
        self._pastes = 0
        for name, text, keys, tip in CANVAS_ACTIONS:
            act = QAction(translate("Editor", text), window)
            act.setObjectName(f"action_{name}")
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setStatusTip(translate("Editor", tip))
            self.view.addAction(act)
            self.actions[name] = act
        self.actions["auto_run"] = act = QAction(translate("Editor", "Auto-run"), window,
                                                 checkable=True, checked=True)
        act.setStatusTip(translate("Editor", "Re-run forward and backward after every edit"))
        self.actions["build_mlp"] = QAction(translate("Editor", "Build MLP…"), window)
        self.actions["build_mlp"].setStatusTip(translate("Editor", "Generate a multi-layer "
                                                         "perceptron graph"))
        slots = {"delete": self.delete_selected, "duplicate": self.duplicate_selected,
                 "cut": self.cut, "copy": self.copy, "paste": self.paste,
                 "select_all": self.select_all, "rename": self.rename_selected,
                 "quick_add": self.canvas.open_quick_add, "build_mlp": self.build_mlp}
        for name, slot in slots.items():
            self.actions[name].triggered.connect(lambda _=False, s=slot: s())
        self.actions["auto_run"].toggled.connect(self._set_auto_run)
        self.ctrl.auto_run = True
        self.scene.node_activated.connect(self.rename)
        self.scene.node_context.connect(self.show_context_menu)
        window.refreshed.connect(self.canvas.update_badges)     # once per window refresh

    # ------------------------------------------------------------------ selection
    def selected_nodes(self) -> list[int]:
        return [i.node_id for i in self.scene.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[tuple[int, int, int]]:
        return [i.key for i in self.scene.selectedItems() if isinstance(i, EdgeItem)]

    def select_all(self) -> None:
        for item in self.scene.nodes.values():
            item.setSelected(True)

    # ------------------------------------------------------------------ edits
    def delete_selected(self) -> None:
        nodes, edges = self.selected_nodes(), self.selected_edges()
        edges = [e for e in edges if e[0] not in nodes and e[1] not in nodes]
        if not nodes and not edges:
            self.window.status(translate("Editor", "Nothing selected to delete"))
            return
        self.ctrl.remove_selection(nodes, edges)

    def duplicate_selected(self) -> None:
        ids = self.ctrl.duplicate(self.selected_nodes())
        self.canvas.select(ids)

    def copy(self) -> bool:
        """Put the selected nodes on the clipboard as JSON."""
        ids = self.selected_nodes()
        if not ids:
            self.window.status(translate("Editor", "Select nodes to copy"))
            return False
        text = json.dumps(fragment(self.ctrl.graph, ids))
        mime = QMimeData()
        mime.setData(FRAGMENT_MIME, text.encode("utf-8"))
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)
        self._pastes = 0
        self.window.status(translate("Editor", "Copied {n} nodes").format(n=len(ids))
                           if len(ids) > 1 else translate("Editor", "Copied 1 node"))
        return True

    def cut(self) -> None:
        if self.copy():
            self.ctrl.remove_nodes(self.selected_nodes())

    def paste(self) -> list[int]:
        mime = QApplication.clipboard().mimeData()
        if mime is None:
            raw = ""
        elif mime.hasFormat(FRAGMENT_MIME):
            raw = bytes(mime.data(FRAGMENT_MIME)).decode("utf-8", errors="replace")
        else:
            raw = mime.text()
        step = 40.0 * (self._pastes + 1)          # each paste of one copy lands further on
        try:
            ids = self.ctrl.paste(json.loads(raw), (step, step))
        except ValueError:                          # not JSON, or not a fragment
            self.window.status(translate("Editor", "The clipboard holds no graphviz-nn nodes"))
            return []
        self._pastes += 1
        self.canvas.select(ids)
        return ids

    def ask_name(self, old: str) -> str | None:
        """The new name (None = cancelled); tests replace this."""
        name, ok = QInputDialog.getText(self.window, translate("Editor", "Rename node"),
                                        translate("Editor", "New name:"), text=old)
        return name if ok else None

    def rename(self, node_id: int) -> None:
        old = self.ctrl.graph.node_by_id(node_id).name
        name = self.ask_name(old)
        if name is not None:                # rename_node ignores an unchanged name
            self.ctrl.rename_node(node_id, name)

    def rename_selected(self) -> None:
        ids = self.selected_nodes()
        if len(ids) == 1:
            self.rename(ids[0])
        else:
            self.window.status(translate("Editor", "Select one node to rename"))

    def context_menu(self, node_id: int) -> QMenu:
        """Right-click menu of a node (it becomes the selection unless already part of it)."""
        item = self.scene.node_item(node_id)
        if item is not None and not item.isSelected():
            self.canvas.select([node_id])
        menu = QMenu(self.view)
        menu.addAction(translate("Editor", "Rename…"), lambda: self.rename(node_id))
        out = menu.addAction(translate("Editor", "Differentiate this (set as output)"))
        out.setCheckable(True)
        out.setChecked(self.ctrl.graph.chosen_output == node_id)
        out.setToolTip(translate("Editor", "Unchecked: the graph's end is differentiated"))
        out.toggled.connect(lambda on: self.ctrl.set_output(node_id if on else None))
        out.setEnabled(not self.ctrl.graph.node_by_id(node_id).is_leaf)
        menu.addSeparator()
        for name in ("duplicate", "copy", "cut", "delete"):
            menu.addAction(self.actions[name])
        return menu

    def show_context_menu(self, node_id: int, screen_pos) -> None:
        self._menu = self.context_menu(node_id)
        self._menu.popup(screen_pos)

    def _set_auto_run(self, on: bool) -> None:
        """With auto-run on, the controller shows the full forward and backward pass after
        every edit; switching it on shows it at once. A new graph (example, expression,
        Build MLP, file; or undoing one) is not an edit: it starts at the beginning of its
        timeline, ready to be stepped through."""
        self.ctrl.auto_run = on
        if on and self.ctrl.trace is not None:
            self.ctrl.run_backward()

    def build_mlp(self) -> bool:
        from ui.build.mlp_builder import run_dialog

        return run_dialog(self.window)

    def place_at_centre(self, op: str) -> int | None:
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        return self.canvas.place(op, QPointF(centre))


def release_clipboard() -> None:
    """The app is ending: nodes it copied stay on the clipboard as their JSON text, in data Qt
    makes itself. The data ``copy`` made is a Python object; left on the clipboard, Qt deleted
    it after Python had ended, and the app died with a segmentation fault as it quit."""
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData() if clipboard is not None else None
    if mime is not None and mime.hasFormat(FRAGMENT_MIME):
        clipboard.setText(mime.text())


def install(window) -> Editor:
    """Add the editor (palette, history, file handling, canvas editing) to ``window``, once.
    (Tests and scripts give the document other folders with ``window.document.use``.)"""
    if getattr(window, "editor", None) is not None:
        return window.editor
    editor = Editor(window)
    window.editor = editor
    app = QApplication.instance()
    if app is not None and not app.property("graphviz_nn_clipboard"):
        app.setProperty("graphviz_nn_clipboard", True)      # once per app
        app.aboutToQuit.connect(release_clipboard)
    pal = palette.install(window)
    pal.op_activated.connect(editor.place_at_centre)
    history.install(window)
    value_editor.install(window)
    document.install(window)
    edit = window_menu(window, "edit")
    edit.addSeparator()
    for name in ("cut", "copy", "paste", "duplicate", "delete", "select_all", "rename",
                 "quick_add"):
        edit.addAction(editor.actions[name])
    edit.addSeparator()
    edit.addAction(editor.actions["build_mlp"])
    window_menu(window, "run").addAction(editor.actions["auto_run"])
    window.actions.update(editor.actions)
    return editor
