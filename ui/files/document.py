"""The document: New / Open / Save / Save As, recent files, unsaved state, autosave, recovery.

:meth:`Document.start_session` switches on the parts that belong to the running app.
The graph is "dirty" while the undo stack is not at its clean index. The window title shows the
file name and ``*`` when dirty; closing a dirty window asks first. While dirty, the graph is
written to a recovery file every 30 s; a clean save or close removes it, so a recovery file
left by a session that is no longer running means it crashed, and the user is offered to
restore it (see ``ui.files.recovery``).

Every dialog goes through an overridable method (``ask_open_path``, ``ask_save_path``,
``ask_save_changes``, ``ask_restore``, ``show_error``) so tests can replace them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ui.engine_text import engine_text, error_text
from ui.files.autosave import AUTOSAVE_MS, Autosave, default_recovery_dir, reason_of
from ui.files.recovery import RecoveryStore
from ui.i18n import QT_TRANSLATE_NOOP, app_settings, translate

MAX_RECENT = 8
FILE_FILTER = QT_TRANSLATE_NOOP("Files", "Graphs and Keras models (*.json *.keras);;Graph files "
                                "(*.json);;Keras models (*.keras);;All files (*)")


class Document(Autosave, QObject):
    """File handling for one window and its controller."""

    path_changed = Signal(str)

    def __init__(self, window, controller, recovery_dir: str | Path | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.window, self.ctrl = window, controller
        self.path: Path | None = None
        self.imported: str | None = None     # the .keras file the graph came from, if any
        self.recovery_dir = Path(recovery_dir) if recovery_dir else default_recovery_dir()
        self.recovery = RecoveryStore(self.recovery_dir)
        self.settings = settings or app_settings()
        self._dirty_outside_undo = False
        self._autosave_problem: str | None = None
        self.session_started = False        # start_session ran: this is the running app's window
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.recent_menu: QMenu | None = None
        self._alive = alive = [True]
        controller.destroyed.connect(lambda *_: alive.__setitem__(0, False))
        controller.undo_stack.cleanChanged.connect(self.update_title)
        controller.undo_stack.indexChanged.connect(self.update_title)
        self.update_title()

    def use(self, recovery_dir: str | Path | None = None,
            settings: QSettings | None = None) -> None:
        """Switch the recovery folder and/or the settings store (tests use temporary ones)."""
        if recovery_dir is not None:
            self.recovery.discard()
            self.recovery_dir = Path(recovery_dir)
            self.recovery = RecoveryStore(self.recovery_dir)
        if settings is not None:
            self.settings = settings
            self._fill_recent_menu()

    def start_session(self, path: str | Path | None = None) -> None:
        """What the running app adds (not windows made by tests): ask before closing with
        unsaved changes, autosave every 30 s while dirty, and offer to restore after a crash.
        ``path`` is the file the window was opened on, if any."""
        self.window.installEventFilter(self)
        self.timer.start()
        self.session_started = True
        dock = getattr(self.window, "training_dock", None)
        if dock is not None and hasattr(dock, "state_changed"):
            self.watch_training(dock)
        if path is not None:
            self._settle(Path(path))
        self.offer_recovery()

    # ------------------------------------------------------------------ state
    @property
    def recovery_path(self) -> Path:
        """This window's recovery file."""
        return self.recovery.path

    def is_dirty(self) -> bool:
        """True when the graph differs from what was last opened or saved."""
        return self._dirty_outside_undo or not self.ctrl.undo_stack.isClean()

    def mark_modified(self) -> None:
        """The graph changed outside the undo stack (e.g. training updated the weights):
        unsaved until the next save, so closing asks and autosave keeps it."""
        self._dirty_outside_undo = True
        self.update_title()

    def watch_training(self, dock) -> None:
        """Training the graph on the canvas changes its weights in place, outside the undo
        stack: from the first step on, that is unsaved work (closing asks, autosave keeps it)."""
        def on_state(state: str) -> None:
            model = getattr(dock, "model", None)
            if state == "running" and getattr(model, "graph", None) is self.ctrl.graph:
                self.mark_modified()

        dock.state_changed.connect(on_state)

    def display_name(self) -> str:
        if self.path is None and self.imported:
            return translate("Files", "{name} (Keras model)").format(name=self.imported)
        return self.path.name if self.path else translate("Files", "Untitled")

    def update_title(self, *_args) -> None:
        if not self._alive[0] or not shiboken6.isValid(self.window):
            return                      # the undo stack clears itself while being destroyed
        self.window.setWindowTitle(f"{self.display_name()}[*] — graphviz-nn")
        self.window.setWindowModified(self.is_dirty())

    def _set_path(self, path: Path | None) -> None:
        self.path = path
        self.imported = None
        self.update_title()
        self.path_changed.emit(str(path or ""))

    def _mark_clean(self) -> None:
        self._dirty_outside_undo = False
        self.ctrl.undo_stack.setClean()
        self.update_title()

    def _show_graph(self, graph) -> None:
        """Show ``graph`` as a fresh document: new graph, empty history."""
        self.ctrl.load_graph(graph, record=False)
        self.ctrl.undo_stack.clear()

    # ------------------------------------------------------------------ dialogs (overridable)
    def ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.window, translate("Files", "Open graph"),
                                              self._start_dir(), translate("Files", FILE_FILTER))
        return path or None

    def ask_save_path(self) -> str | None:
        start = str(self.path) if self.path else str(Path(self._start_dir()) / "graph.json")
        path, _ = QFileDialog.getSaveFileName(self.window, translate("Files", "Save graph as"),
                                              start, translate("Files", FILE_FILTER))
        if path and not Path(path).suffix:
            path += ".json"
        return path or None

    def ask_save_changes(self) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox.question(
            self.window, translate("Files", "Unsaved changes"),
            translate("Files", "Save the changes to {name} before closing it?").format(
                name=self.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(box, "cancel")

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def report(self, text: str, actions=(), title: str = "", key: str = "file",
               severity: str = "error") -> None:
        """A problem with a file, where it cannot be missed: the window's message bar (with
        ``actions``, (button text, callable) pairs), or a dialog for a window without one."""
        notify = getattr(self.window, "notify", None)
        if callable(notify):
            notify(text, severity=severity, actions=actions, key=key)
        else:
            self.show_error(title, text)

    def _clear_report(self, key: str = "file") -> None:
        clear = getattr(self.window, "clear_notice", None)
        if callable(clear):
            clear(key)

    def _start_dir(self) -> str:
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.cwd())

    def _status(self, msg: str) -> None:
        status = getattr(self.window, "status", None)
        if callable(status):
            status(msg)

    # ------------------------------------------------------------------ file actions
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to drop the current graph."""
        if not self.is_dirty():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new(self) -> bool:
        """Start an empty graph (after asking about unsaved changes)."""
        if not self.maybe_save():
            return False
        from graphviz_nn import Graph

        self._show_graph(Graph())
        self._settle(None)
        return True

    def open(self, path: str | Path | None = None) -> bool:
        """Open a graph file; a broken file is reported and the current graph kept."""
        if not self.maybe_save():
            return False
        path = path or self.ask_open_path()
        if not path:
            return False
        return self.open_path(path)

    def open_path(self, path: str | Path, on_error: Callable[[str], None] | None = None) -> bool:
        """Open ``path`` without asking about unsaved changes: the one way a file is opened
        (File > Open, Open Recent, the command line, ``MainWindow.open_file``). It becomes a
        fresh document (empty history, clean, in the title and the recent files). A file that
        cannot be opened is refused with a message naming it and the problem, in an error
        dialog, or given to ``on_error`` (the command line prints it); the graph stays."""
        import graphviz_nn as gnn

        path = Path(path)
        keras = path.suffix.lower() == ".keras"
        try:
            if keras:                  # a Keras model: its graph, and the model to train
                from ui.files.keras_open import read_model
                model, graph = read_model(path)
            else:
                graph = gnn.load(path)
        except Exception as exc:       # GraphError, OSError; never a traceback for a file
            reason = file_reason(exc, path)     # in the window's language
            if on_error is not None:        # the command line: English, grep-able
                english = reason_of(exc).removeprefix(f"{path}: ")   # named already
                on_error(f"cannot open {path}: {english}")
            else:
                self.report(translate("Files", "Could not open {name}: {reason}\nThe current "
                                      "graph is kept.").format(name=path.name, reason=reason),
                            [(translate("Files", "Open another file…"), self.open)],
                            title=translate("Files", "Could not open file"))
            self._status(translate("Files", "Could not open {name}: {reason}")
                         .format(name=path.name, reason=reason))
            if not path.exists():
                self._forget_recent(path)
            return False
        self._show_graph(graph)
        if keras:                      # untitled: Save writes a graph file, not over the .keras
            from ui.files.keras_open import model_opened
            self._settle(None, translate("Files", "Opened {path}: step through it here, or "
                                         "train it in the Train workspace").format(path=path))
            self.add_recent(path)
            self.imported = path.name
            self.update_title()
            model_opened(self.window, model, path.name)
        else:
            self._settle(path, translate("Files", "Opened {path}").format(path=path))
        self._clear_report()
        return True

    def save(self) -> bool:
        """Save to the current file, or ask for one."""
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return self.save_to(path) if path else False

    def save_to(self, path: str | Path) -> bool:
        """Write the graph to ``path`` (atomically, by the engine) and mark it clean."""
        path = Path(path)
        try:
            self.ctrl.graph.save(path)
        except (OSError, ValueError, TypeError) as exc:
            reason = file_reason(exc, path)
            self.report(translate("Files", "Could not save {name}: {reason}\nYour changes are "
                                  "not saved yet.").format(name=path.name, reason=reason),
                        [(translate("Files", "Save As…"), self.save_as)],
                        title=translate("Files", "Could not save file"))
            return False
        self._settle(path, translate("Files", "Saved {path}").format(path=path))
        self._clear_report()
        return True

    def _settle(self, path: Path | None, status: str | None = None) -> None:
        """The graph shown is now exactly the file at ``path`` (None: a new, unnamed one):
        clean, recent, and without a recovery file."""
        self._set_path(None if path is None else path.resolve())
        self._mark_clean()
        if path is not None:
            self.add_recent(path)
        self.discard_recovery()
        if status:
            self._status(status)

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent_files", files[:MAX_RECENT])
        self._fill_recent_menu()

    def _forget_recent(self, path: Path) -> None:
        files = self.recent_files()
        keep = [p for p in files if p != str(path.resolve())]
        if keep != files:
            self.settings.setValue("recent_files", keep)
            self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        for path in self.recent_files():
            act = self.recent_menu.addAction(Path(path).name)
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open(p))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    # ------------------------------------------------------------------ closing
    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close:
            if not self.maybe_save():
                event.ignore()
                return True
            self.timer.stop()
            self.discard_recovery()
        return super().eventFilter(obj, event)


def file_reason(exc: BaseException, path: str | Path) -> str:
    """Why a file could not be read or written, in the window's language, without the file's
    path at its front (the message around it names the file)."""
    params = getattr(exc, "params", None) or {}
    if getattr(exc, "code", None) == "file_prefix" and params.get("path") == str(path):
        return engine_text(params["detail"])
    if isinstance(exc, OSError):
        return reason_of(exc)
    return error_text(exc).removeprefix(f"{path}: ")


def install(window, recovery_dir: str | Path | None = None,
            settings: QSettings | None = None) -> Document:
    """Create the window's Document; the window's File actions (New, Open…, Save, Save As…)
    go to it, so there is one way to open and save a file."""
    from ui.menus import window_menu

    doc = Document(window, window.controller, recovery_dir=recovery_dir, settings=settings)
    window.document = doc
    for key, slot in (("new", doc.new), ("open", doc.open), ("save", doc.save),
                      ("save_as", doc.save_as)):
        window.actions[key].triggered.connect(lambda _=False, s=slot: s())
    menu = window_menu(window, "file")
    doc.recent_menu = QMenu(translate("Files", "Open &Recent"), window)
    menu.addMenu(doc.recent_menu)
    doc._fill_recent_menu()
    return doc
