"""Workspaces: Explore, Build and Train, each its own arrangement of the same graph (after
Blender's workspaces and Qt Creator's modes).

A tab bar at the top (and Ctrl+1/2/3) switches them. Every dock belongs to one or more
workspaces (``MainWindow.add_panel(..., workspaces=...)``); each workspace remembers its own dock
layout (``QMainWindow.saveState``), kept across runs in QSettings, and View > Reset layout puts
the current one back. Each workspace has its own message bar: a message for a workspace the
learner is not looking at waits in that workspace's bar and marks its tab.

Heavy parts of a workspace (the training views) are made by loaders that run the first time the
workspace is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QByteArray, QObject, QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QToolBar, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.message_bar import SEVERITIES, MessageBar

EXPLORE, BUILD, TRAIN = "explore", "build", "train"
NAMES = (EXPLORE, BUILD, TRAIN)
TITLES = {EXPLORE: QT_TRANSLATE_NOOP("Workspaces", "Explore"),
          BUILD: QT_TRANSLATE_NOOP("Workspaces", "Build"),
          TRAIN: QT_TRANSLATE_NOOP("Workspaces", "Train")}
TIPS = {EXPLORE: QT_TRANSLATE_NOOP("Workspaces", "Step through the forward and backward passes: "
                                                 "canvas, timeline, inspector and quiz"),
        BUILD: QT_TRANSLATE_NOOP("Workspaces", "Build a graph by hand: palette, canvas, "
                                               "inspector and undo history"),
        TRAIN: QT_TRANSLATE_NOOP("Workspaces", "Train a network and watch it learn: settings, "
                                               "curves, decision boundary, gradient flow")}
SHORTCUTS = {EXPLORE: "Ctrl+1", BUILD: "Ctrl+2", TRAIN: "Ctrl+3"}
# saveState's version: a layout saved by an older arrangement of docks is not restored (2: the
# Train workspace's network diagram; 3: the diagram above the canvas, the views on the right)
LAYOUT_VERSION = 3
SETTINGS_GROUP = "workspaces"


def marker_icon(color: str, size: int = 10) -> QIcon:
    """A filled dot, drawn at 1x and 2x so it stays crisp on HiDPI screens."""
    icon = QIcon()
    for ratio in (1, 2):
        pix = QPixmap(size * ratio, size * ratio)
        pix.setDevicePixelRatio(ratio)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(color))
        p.drawEllipse(1, 1, size - 2, size - 2)
        p.end()
        icon.addPixmap(pix)
    return icon


class WorkspaceBar(QTabBar):
    """The tabs Explore | Build | Train; a tab whose workspace holds an unseen message shows a
    dot coloured by the message's severity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace_bar")
        self.setDrawBase(False)
        self.setExpanding(False)
        self.setDocumentMode(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        for name in NAMES:
            i = self.addTab(translate("Workspaces", TITLES[name]))
            self.setTabData(i, name)
            self._set_tip(i, "")
        self.markers: dict[str, str | None] = {name: None for name in NAMES}

    def _set_tip(self, i: int, message: str) -> None:
        name = NAMES[i]
        tip = translate("Workspaces", "{tip} ({keys})").format(
            tip=translate("Workspaces", TIPS[name]), keys=SHORTCUTS[name])
        if message:
            tip += "\n" + translate("Workspaces", "Unread message: {text}").format(text=message)
        self.setTabToolTip(i, tip)

    def set_marker(self, name: str, severity: str | None, message: str = "") -> None:
        """Mark ``name``'s tab with an unseen message of ``severity`` (None: no mark)."""
        i = NAMES.index(name)
        self.markers[name] = severity
        self.setTabIcon(i, QIcon() if severity is None else marker_icon(SEVERITIES[severity][1]))
        self._set_tip(i, message if severity is not None else "")


class Workspaces(QObject):
    """The workspaces of one ``QMainWindow``: which docks each shows and where, its message
    bar, its layout (saved when leaving it, restored when coming back)."""

    changed = Signal(str)         # the workspace now shown

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.current = EXPLORE
        self.bar = WorkspaceBar()
        self.bar.currentChanged.connect(lambda i: self.show(NAMES[i]))
        self.message_bars = {name: MessageBar() for name in NAMES}
        for name, bar in self.message_bars.items():
            bar.setObjectName(f"message_bar_{name}")
            bar.set_on_screen(name == self.current)
            bar.dismissed.connect(lambda _key, n=name: self._update_marker(n))
        self._docks: dict[QDockWidget, tuple[frozenset[str], Qt.DockWidgetArea]] = {}
        self._widgets: list[tuple[QWidget, frozenset[str]]] = []
        self._toolbars: list[tuple[QToolBar, frozenset[str]]] = []
        self._states: dict[str, QByteArray] = {}
        self._known: dict[str, set[str]] = {}
        self._splits: dict[str, QByteArray] = {}     # the middle (center_split) of each
        self._loaders: dict[str, list[Callable[[QMainWindow], object]]] = {n: [] for n in NAMES}
        self._arrangers: dict[str, Callable[[], None]] = {}
        self._applied: set[str] = set()
        self.settings: QSettings | None = None

    # ----- what belongs where --------------------------------------------------------------------
    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea,
                 workspaces: Iterable[str] | None = None) -> None:
        """Register ``dock`` (placed at ``area`` by default) for ``workspaces`` (None: all)."""
        names = frozenset(NAMES if workspaces is None else workspaces)
        unknown = names - set(NAMES)
        if unknown:
            raise ValueError(f"unknown workspace(s) {sorted(unknown)}; expected {NAMES}")
        self._docks[dock] = (names, area)
        if self.current in self._applied:
            if self.current in names and self.current not in self._states:
                self._default_layout(self.current)     # a dock made at startup: arrange anew
            else:
                dock.setVisible(self.current in names)

    def docks(self, name: str | None = None) -> list[QDockWidget]:
        """The docks of workspace ``name`` (all docks when None), in the order they were added."""
        return [d for d, (names, _a) in self._docks.items() if name is None or name in names]

    def add_widget(self, widget: QWidget, workspaces: Iterable[str]) -> None:
        """A widget outside the docks (e.g. the timeline under the canvas) shown only in
        ``workspaces``."""
        names = frozenset(workspaces)
        self._widgets.append((widget, names))
        widget.setVisible(self.current in names)

    def add_toolbar(self, toolbar: QToolBar, workspaces: Iterable[str]) -> None:
        """``toolbar`` is shown only while one of ``workspaces`` is."""
        names = frozenset(workspaces)
        self._toolbars.append((toolbar, names))
        toolbar.setVisible(self.current in names)

    def toolbar(self, name: str) -> QToolBar:
        """The toolbar of workspace ``name`` alone (its own tools)."""
        for toolbar, names in self._toolbars:
            if names == {name}:
                return toolbar
        raise KeyError(name)

    def add_loader(self, name: str, loader: Callable[[QMainWindow], object]) -> None:
        """Call ``loader(window)`` once, right before workspace ``name`` is first shown (at once
        if it is being shown already)."""
        if name in self._applied:
            loader(self.window)
        else:
            self._loaders[name].append(loader)

    def set_arranger(self, name: str, arrange: Callable[[], None]) -> None:
        """``arrange()`` finishes workspace ``name``'s default layout (tabs, sizes) after every
        dock of it has been placed at its own area."""
        self._arrangers[name] = arrange

    # ----- switching ---------------------------------------------------------------------------------
    def show(self, name: str) -> None:
        """Show workspace ``name``: save the layout of the one being left, make what ``name``
        needs, restore its layout (or lay it out afresh)."""
        if name not in NAMES:
            raise ValueError(f"unknown workspace {name!r}; expected one of {NAMES}")
        if name == self.current and name in self._applied:
            return
        if self.current in self._applied:
            self._remember(self.current)
        self._load(name)
        self.current = name
        with QSignalBlocker(self.bar):
            self.bar.setCurrentIndex(NAMES.index(name))
        self._apply(name)
        for n, bar in self.message_bars.items():
            bar.set_on_screen(n == name)
        self._update_marker(name)
        self.changed.emit(name)

    def _load(self, name: str) -> None:
        loaders, self._loaders[name] = self._loaders[name], []
        for loader in loaders:
            loader(self.window)

    def _remember(self, name: str) -> None:
        self._states[name] = self.window.saveState(LAYOUT_VERSION)
        self._known[name] = {d.objectName() for d in self._docks}
        split = self._split()
        if split is not None:
            self._splits[name] = split.saveState()
        self._store(name)

    def _split(self):
        """The window's middle (the canvas, and what a workspace puts beside it), if it has one."""
        return getattr(self.window, "center_split", None)

    def _apply(self, name: str) -> None:
        state = self._states.get(name)
        window = self.window
        if state is not None:
            # docks the saved layout may not know (made after it was saved) leave before it
            # is restored: laid out together with it they would make the window taller
            for dock, (names, _area) in self._docks.items():
                if name not in names and not dock.isFloating():
                    dock.hide()
        restored = state is not None and window.restoreState(state, LAYOUT_VERSION)
        split, split_state = self._split(), self._splits.get(name)
        if restored and split is not None and split_state is None:
            restored = False        # saved before the middle was kept: laid out afresh
        if not restored:
            self._default_layout(name)
        else:
            if split is not None:
                split.restoreState(split_state)
            known = self._known.get(name, set())
            for dock, (names, area) in self._docks.items():
                if dock.objectName() not in known:        # added since the layout was saved
                    if name in names:
                        window.addDockWidget(area, dock)
                    dock.setVisible(name in names)
        self._show_extras(name)
        self._applied.add(name)

    def _show_extras(self, name: str) -> None:
        """The toolbars and widgets of ``name`` on, the others off (a restored state may have
        turned a toolbar off)."""
        for toolbar, names in self._toolbars:
            toolbar.setVisible(name in names)
        for widget, names in self._widgets:
            widget.setVisible(name in names)

    def _default_layout(self, name: str) -> None:
        window = self.window
        for dock, (names, area) in self._docks.items():
            if name in names:
                dock.setFloating(False)
                window.addDockWidget(area, dock)
                dock.show()
            else:
                dock.hide()
        arrange = self._arrangers.get(name)
        if arrange is not None:
            arrange()

    def reset_layout(self) -> None:
        """Put the current workspace's docks back where they start (View > Reset layout)."""
        name = self.current
        self._states.pop(name, None)
        self._known.pop(name, None)
        self._splits.pop(name, None)
        if self.settings is not None:
            self.settings.remove(f"{SETTINGS_GROUP}/{name}")
        self._default_layout(name)
        self._show_extras(name)

    # ----- messages ------------------------------------------------------------------------------
    def notify(self, text: str, severity: str = "warning", actions=(), key: str = "",
               workspace: str | None = None) -> MessageBar:
        """Show ``text`` in ``workspace``'s message bar (None: the current one); a workspace not
        on screen gets a mark on its tab until the learner goes there."""
        name = self.current if workspace is None else workspace
        if name not in NAMES:
            raise ValueError(f"unknown workspace {name!r}; expected one of {NAMES}")
        bar = self.message_bars[name]
        bar.show_message(text, severity, actions, key)
        self._update_marker(name)
        return bar

    def clear_notice(self, key: str) -> None:
        for bar in self.message_bars.values():
            bar.clear(key)

    def _update_marker(self, name: str) -> None:
        bar = self.message_bars[name]
        unseen = name != self.current and bar.has_message()
        self.bar.set_marker(name, bar.severity if unseen else None, bar.text() if unseen else "")

    # ----- kept across runs ------------------------------------------------------------------------
    def use_settings(self, settings: QSettings) -> None:
        """Keep every workspace's layout in ``settings``; layouts saved there by an earlier run
        are used from now on (the current workspace's at once)."""
        self.settings = settings
        for name in NAMES:
            state = settings.value(f"{SETTINGS_GROUP}/{name}/state")
            docks = settings.value(f"{SETTINGS_GROUP}/{name}/docks", "")
            if isinstance(state, QByteArray) and not state.isEmpty():
                self._states[name] = state
                self._known[name] = set(str(docks).split(",")) if docks else set()
                split = settings.value(f"{SETTINGS_GROUP}/{name}/split")
                if isinstance(split, QByteArray) and not split.isEmpty():
                    self._splits[name] = split
        if self.current in self._applied and self.current in self._states:
            self._apply(self.current)

    def save(self) -> None:
        """Store the current workspace's layout (the others were stored when left)."""
        if self.current in self._applied:
            self._remember(self.current)
        if self.settings is not None:
            self.settings.sync()

    def _store(self, name: str) -> None:
        if self.settings is None:
            return
        self.settings.setValue(f"{SETTINGS_GROUP}/{name}/state", self._states[name])
        if name in self._splits:
            self.settings.setValue(f"{SETTINGS_GROUP}/{name}/split", self._splits[name])
        self.settings.setValue(f"{SETTINGS_GROUP}/{name}/docks", ",".join(sorted(self._known[name])))
