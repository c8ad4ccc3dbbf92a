"""The main window: three workspaces (Explore, Build, Train; ui/workspaces.py) around one graph
canvas, with the expression bar, the workspace's message bar and (in Explore) the timeline.

``ui.start.main(argv)`` starts the app with this window on the f = (x + y)·z example, or on a
graph file.
Signals between the controller, the scene and the panels are connected in ``_wire_signals``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import default_layouts, menus, style
from ui.actions import make_actions
from ui.build.editor import install as install_editor
from ui.canvas.scene import GraphScene
from ui.canvas.view import GraphView
from ui.controller import GraphController
from ui.explore import code_view, examples
from ui.explore.expression_bar import ExpressionBar
from ui.explore.inspector import InspectorPanel
from ui.explore.quiz import QuizPanel
from ui.explore.timeline import TimelinePanel
from ui.files import exports
from ui.i18n import translate
from ui.lessons import install as install_lessons
from ui.message_bar import MessageBar
from ui.presentation import Presentation
from ui.window_tools import WindowToolsMixin
from ui.workspaces import BUILD, EXPLORE, TRAIN, Workspaces

AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea,
         "right": Qt.DockWidgetArea.RightDockWidgetArea,
         "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
         "top": Qt.DockWidgetArea.TopDockWidgetArea}


class MainWindow(WindowToolsMixin, QMainWindow):
    """The window. ``actions`` maps names to QActions (see ui/actions.py); ``workspaces``
    switches Explore / Build / Train (see ui/workspaces.py)."""

    check_finished = Signal(list)              # names whose gradients disagree
    refreshed = Signal()                       # after every refresh (the editor's badges follow)
    _check_done = Signal(object, object)       # from the worker thread: trace, report

    def __init__(self, graph=None, example: str | None = examples.DEFAULT) -> None:
        super().__init__()
        self.setWindowTitle("graphviz-nn")
        self._initial_size()
        self.controller = GraphController(parent=self)
        self.scene = GraphScene(self)
        self.canvas = GraphView(self.scene)
        self.inspector = InspectorPanel()
        self.timeline = TimelinePanel()
        self.quiz = QuizPanel()
        self.inspector.add_section(self.quiz, after="step")
        self.expression = ExpressionBar()
        self.expression_message = QLabel("")
        self.expression_message.setStyleSheet(f"color: {style.ERROR_COLOR}")
        self.expression_message.setWordWrap(True)
        self.actions = make_actions(self)
        self.example_key: str | None = None
        self._loading_example = False
        self.workspaces = Workspaces(self)
        self.presentation = Presentation(self)
        self.workspaces.changed.connect(lambda _name: self.presentation.scale_plots())
        self.workspaces.changed.connect(lambda _name: self._fit_toolbars())
        # the tools' sizes follow the new font once it has reached them: measure then
        self.presentation.changed.connect(
            lambda _scale: QTimer.singleShot(0, self._fit_toolbars))
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 2, 0, 0)
        lay.setSpacing(2)
        self.expression.setMinimumWidth(260)
        lay.addWidget(self.expression_message)     # the expression itself is in the top row
        for bar in self.workspaces.message_bars.values():
            lay.addWidget(bar)
        # the canvas, and above it what a workspace shows of the same network (Train: the
        # network diagram), resizable against it
        self.center_split = QSplitter(Qt.Orientation.Vertical)
        self.center_split.setObjectName("center_split")
        self.center_split.setChildrenCollapsible(False)
        self.center_split.addWidget(self.canvas)
        lay.addWidget(self.center_split, 1)
        lay.addWidget(self.timeline)
        self.setCentralWidget(central)
        self.expression_message.setVisible(False)
        self.workspaces.changed.connect(    # a typing error belongs to the bar shown above it
            lambda name: self.expression_message.setVisible(
                name != TRAIN and bool(self.expression_message.text())))
        self.workspaces.add_widget(self.timeline, (EXPLORE,))
        self.actions.update(menus.workspace_actions(self))
        self.inspector_dock = self.add_panel(self.inspector, translate("MainWindow", "Inspector"),
                                             "right", (EXPLORE, BUILD), name="inspector")
        self.examples_menu = menus.examples_menu(self)
        menus.build_menus(self)
        install_lessons(self)      # the Lessons menu; the panel is made when a lesson opens
        self.view_menu.addAction(menus.panel_action(self.inspector_dock))
        code_view.install(self)     # the graph as numpy code, in step with the timeline
        self._wire_signals()
        self.statusBar()
        install_editor(self)    # palette, history, files, canvas editing (ui/build/editor.py)
        exports.install(self)   # File > Export ▸ scripts, File > Save model as .keras
        menus.build_toolbars(self)
        # the editor's tensor editor replaces the inspector's one-line value entry
        self.inspector.set_inline_value_editor(not hasattr(self, "value_editor"))
        default_layouts.install(self)
        self.workspaces.add_loader(TRAIN, _install_training)
        self.workspaces.show(EXPLORE)
        if graph is not None:
            self.controller.load_graph(graph, getattr(graph, "output", None))
        elif example:
            self.load_example(example)

    # ----- construction ------------------------------------------------------------------------
    def _initial_size(self) -> None:
        """90% of the screen, between 1280×800 and 1760×1080 but never more than the screen
        (a 1280×720 projector gets all of it; offscreen: 1440×900)."""
        screen = QApplication.primaryScreen()
        w, h = 1440, 900
        if screen is not None and QApplication.platformName() != "offscreen":
            avail = screen.availableGeometry()
            w = min(max(min(int(avail.width() * 0.9), 1760), 1280), avail.width())
            h = min(max(min(int(avail.height() * 0.9), 1080), 800), avail.height())
        self.resize(w, h)

    def add_panel(self, widget: QWidget, title: str, area: str = "left",
                  workspaces: Iterable[str] | None = None, name: str | None = None) -> QDockWidget:
        """Dock ``widget`` at ``area`` ("left", "right", "bottom", "top") in ``workspaces``
        ("explore", "build", "train"; None: all three); returns the dock. Its layout is
        remembered per workspace (``name``, default from the title, keys the saved layout, so
        give one when the title is translated)."""
        dock = QDockWidget(title, self)
        key = name or title.lower().replace(" ", "_")
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        # Qt draws a dock's title in the font the application had when the dock was made,
        # unless the dock has a font of its own: this one differs only in its style hint, so
        # the title grows with presentation mode like every other text
        own = QFont()
        own.setStyleHint(QFont.StyleHint.SansSerif)
        dock.setFont(own)
        where = AREAS.get(area, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.addDockWidget(where, dock)
        self.workspaces.add_dock(dock, where, workspaces)
        if hasattr(self, "view_menu"):
            self.view_menu.addAction(menus.panel_action(dock))
        return dock

    @property
    def workspace(self) -> str:
        """The workspace shown now: "explore", "build" or "train"."""
        return self.workspaces.current

    def show_workspace(self, name: str) -> None:
        """Switch to workspace ``name`` (what its tab and Ctrl+1/2/3 do)."""
        self.workspaces.show(name)

    @property
    def message_bar(self) -> MessageBar:
        """The current workspace's message bar."""
        return self.workspaces.message_bars[self.workspaces.current]

    def status(self, msg: str) -> None:
        """Passing information (the status bar; gone after a while)."""
        self.statusBar().showMessage(msg, 8000)

    def notify(self, text: str, severity: str = "warning", actions=(), key: str = "",
               workspace: str | None = None) -> MessageBar:
        """What must not be missed: a message bar that stays until dismissed (see
        ui/message_bar.py). ``actions``: (button text, callable) pairs. ``workspace``: where it
        happened ("explore", "build", "train"; None: the current one); in another workspace than
        the current one it waits there and that workspace's tab is marked."""
        return self.workspaces.notify(text, severity, actions, key, workspace)

    def clear_notice(self, key: str) -> None:
        """Take back the message shown under ``key`` (in any workspace), if it is still shown."""
        self.workspaces.clear_notice(key)

    def _fit_toolbars(self) -> None:
        """The top toolbars in rows that fit the window (see ``menus.fit_toolbar_rows``); in
        presentation mode the expression bar gets a row of its own (readable from the back of
        the room, and the tools keep theirs)."""
        menus.fit_toolbar_rows(self, own_row_for_expression=self.presentation.on)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_toolbars()

    def use_settings(self, settings: QSettings) -> None:
        """Keep the window's settings in ``settings`` (and take what an earlier run kept
        there): each workspace's layout, the presentation scale, and the document's recent
        files, language and lesson progress."""
        self.document.use(settings=settings)
        self.workspaces.use_settings(settings)
        self.presentation.use_settings(settings)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.workspaces.save()
        super().closeEvent(event)

    def _wire_signals(self) -> None:
        c, a, s = self.controller, self.actions, self.scene
        c.changed.connect(self._on_changed)
        c.cursor_changed.connect(self.refresh)
        c.marks_changed.connect(self.refresh)
        c.quiz_changed.connect(a["quiz"].setChecked)
        c.quiz_changed.connect(self.inspector.set_quiz)
        c.node_moved.connect(lambda nid: s.set_node_pos(nid, c.node(nid).pos))
        c.message.connect(self.status)
        c.edit_refused.connect(self._on_edit_refused)
        c.selection_changed.connect(lambda _ids: self.refresh())
        s.nodes_moved.connect(self._on_nodes_moved)
        s.selection_ids.connect(c.select)
        a["forward"].triggered.connect(c.run_forward)
        a["backward"].triggered.connect(c.run_backward)
        a["step_back"].triggered.connect(lambda: c.step(-1))
        a["step_forward"].triggered.connect(lambda: c.step(1))
        a["first"].triggered.connect(lambda: c.seek(-1))
        a["last"].triggered.connect(lambda: c.seek(len(c.trace) - 1 if c.trace else -1))
        a["play"].toggled.connect(self.timeline.set_playing)
        a["layout"].triggered.connect(self._relayout)
        a["fit"].triggered.connect(self.canvas.fit)
        a["collapse_layers"].triggered.connect(lambda: s.collapse_all(True))
        a["expand_layers"].triggered.connect(lambda: s.collapse_all(False))
        a["whole_layers"].toggled.connect(lambda on: setattr(s, "whole_layer_steps", on))
        c.step_groups = s.step_groups
        s.groups_changed.connect(self.refresh)
        a["quiz"].toggled.connect(c.set_quiz)
        a["check_numerically"].triggered.connect(lambda: self.check_numerically())
        self._check_done.connect(self._on_check_done)
        a["undo"].triggered.connect(c.undo)
        a["redo"].triggered.connect(c.redo)
        c.undo_stack.canUndoChanged.connect(a["undo"].setEnabled)
        c.undo_stack.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        self.timeline.seek_requested.connect(c.seek)
        self.timeline.step_requested.connect(c.step)
        self.timeline.playing_changed.connect(a["play"].setChecked)
        self.timeline.playing_changed.connect(
            lambda on: a["play"].setText(translate("Actions", "Pause") if on
                                         else translate("Actions", "Play")))
        self.quiz.reveal_requested.connect(c.reveal)
        self.quiz.answered.connect(self.canvas.setFocus)       # → steps on from here
        self.expression.returnPressed.connect(self.apply_expression)
        self.expression.draft_dropped.connect(lambda: self.expression_message.setText(""))
        self.expression.draft_dropped.connect(lambda: self.expression_message.setVisible(False))
        self.inspector.value_edited.connect(self._on_value_edited)

    # ----- reacting to the controller --------------------------------------------------------------
    def _on_changed(self, kind: str) -> None:
        """One change of the graph (see GraphController.changed): one refresh."""
        if kind == "graph":
            if not self._loading_example:
                self.example_key = None
                self.inspector.set_example(None)
            self.scene.set_graph(self.controller.graph)
        elif kind == "structure":
            self.scene.sync_structure(self.controller.graph)
        self.expression.show_graph(self.controller.graph)
        self.refresh(values_changed=True)
        if kind == "graph":
            self.canvas.fit()

    def refresh(self, *_args, values_changed: bool = False) -> None:
        """Show the controller's current state everywhere (only changed items repaint;
        ``values_changed``: leaf values may have been changed in place, e.g. by training)."""
        c = self.controller
        state = c.display_state()
        self.scene.apply_state(state, c.marked, force_leaves=values_changed)
        if state.current is not None and state.current in self.scene.nodes:
            # keep the node of the current step and its neighbours on screen while stepping
            self.canvas.reveal(self.scene.focus_rect(state.current))
        self.inspector.refresh(c, state, values_changed=values_changed)
        self.timeline.show_position(c.cursor, len(c.trace) if c.trace else 0, c.n_forward,
                                    c.current_step())
        if c.quiz:
            self.quiz.setVisible(True)
            self.quiz.show_step(c.current_step(), c.output.name if c.output else None,
                                c.hidden_step() is not None)
        else:
            self.quiz.setVisible(False)
        self.refreshed.emit()

    def _on_edit_refused(self, reason: str, locked: bool) -> None:
        """An edit was refused: say why where it cannot be missed, with the way out if any."""
        unlock = self.controller.edit_unlock if locked else None
        self.notify(reason, "warning", [unlock] if unlock else [], key="edit")

    def _on_nodes_moved(self, moved: dict) -> None:
        self.controller.move_nodes(moved)

    def _on_value_edited(self, node_id: int, value) -> None:
        error = self.controller.set_value(node_id, value)
        if error:
            self.inspector.show_value_error(error)

    # ----- intents -----------------------------------------------------------------------------------
    def load_example(self, key: str) -> None:
        ex = examples.BY_KEY[key]
        g = ex.build()
        self._loading_example = True
        try:
            if len(self.controller.graph):
                self.controller.replace_graph(
                    g, translate("History", "Example {title}").format(title=ex.title),
                    g.output.name)
            else:
                self.controller.load_graph(g, g.output)
        finally:
            self._loading_example = False
        self.example_key = key
        self.inspector.set_example(ex.title, ex.text)
        self.expression_message.setVisible(False)
        self.setWindowTitle(f"graphviz-nn: {ex.title}")
        self.status(translate("MainWindow", "Example: {title}. Press Forward (F5), then step "
                              "with → or Backward (F6).").format(title=ex.title))

    def browse_examples(self) -> None:
        """The examples, each with its paragraph beside it; Open loads the chosen one."""
        from ui.explore.examples_dialog import ExamplesDialog
        dialog = ExamplesDialog(self, self.example_key)
        if dialog.exec():
            self.load_example(dialog.chosen)

    def apply_expression(self, text: str | None = None) -> bool:
        """Build the graph typed in the expression bar; a bad one leaves the graph as it was."""
        text = self.expression.text() if text is None else text
        if text != self.expression.text():
            self.expression.setText(text)
        from ui.explore.expression import build_expression
        graph, error = build_expression(text, self.controller.graph)
        self.expression_message.setVisible(error is not None)
        if error is not None:
            self.expression_message.setText(error)
            return False
        self.expression_message.setText("")
        self.example_key = None
        self.inspector.set_example(None)
        self.expression.accept_draft()      # the bar shows the new graph's expression
        self.controller.replace_graph(
            graph, translate("History", "Expression {text}").format(text=text),
            graph.output.name)
        self.status(translate("MainWindow", "Built {name} from the expression; select a leaf "
                              "to change its value.").format(name=graph.output.name))
        return True

    def _relayout(self) -> None:
        self.controller.relayout()
        self.canvas.fit()


def _install_training(window: MainWindow) -> None:
    """The Train workspace's views (pyqtgraph and more), made when it is first opened."""
    from ui import train as training
    training.install(window)
