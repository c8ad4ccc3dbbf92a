"""Workspaces: Explore, Build and Train over one graph, switched by the tabs at the top and
Ctrl+1/2/3; each remembers its own dock layout (across runs too), View > Reset layout puts it
back; a message goes to the message bar of the workspace it concerns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel

from ui.workspaces import NAMES


def _visible_docks(w) -> set[str]:
    return {d.objectName() for d in w.workspaces.docks() if d.isVisible()}


def _click_tab(w, name: str) -> None:
    bar = w.workspaces.bar
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(NAMES.index(name)).center())


def _area(w) -> int:
    return w.width() * w.height()


def test_the_app_opens_on_explore_with_the_canvas_taking_most_of_the_window(win):
    w = win
    w.resize(1440, 900)
    QTest.qWait(20)
    assert w.workspace == "explore"
    assert w.workspaces.bar.currentIndex() == 0
    assert _visible_docks(w) == {"dock_inspector", "dock_code"}
    assert w.timeline.isVisible() and w.expression.isVisible()
    canvas = w.canvas.width() * w.canvas.height()
    assert canvas >= 0.6 * _area(w), (w.canvas.size(), w.size())


def test_tabs_and_shortcuts_switch_workspaces_over_one_graph(win, qtbot):
    w = win
    graph, scene = w.controller.graph, w.scene
    assert getattr(w, "training_dock", None) is None          # Train's views not made yet
    _click_tab(w, "build")
    assert w.workspace == "build"
    assert _visible_docks(w) == {"dock_inspector", "dock_palette", "dock_history"}
    assert not w.timeline.isVisible()
    w.activateWindow()
    qtbot.waitActive(w)
    QTest.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert w.workspace == "train"
    assert w.training_dock is not None and w.training_panel.isVisible()
    assert _visible_docks(w) == {"dock_train_views", "dock_train_curves", "dock_train_settings"}
    assert w.training_dock.network.isVisible()              # above the canvas, in the middle
    assert w.canvas.isVisible() and w.scene is scene and w.controller.graph is graph
    assert w.actions["workspace_train"].isChecked()
    QTest.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert w.workspace == "explore" and w.workspaces.bar.currentIndex() == 0
    assert _visible_docks(w) == {"dock_inspector", "dock_code"}
    assert "f" in w.controller.graph                          # the same example all along


def test_each_workspace_keeps_its_own_layout_and_reset_puts_it_back(win):
    w = win
    w.show_workspace("build")
    w.findChild(type(w.inspector_dock), "dock_history").toggleViewAction().trigger()
    assert "dock_history" not in _visible_docks(w)
    w.show_workspace("explore")
    assert _visible_docks(w) == {"dock_inspector", "dock_code"}
    w.show_workspace("build")
    assert _visible_docks(w) == {"dock_inspector", "dock_palette"}     # history still closed
    w.actions["reset_layout"].trigger()
    assert _visible_docks(w) == {"dock_inspector", "dock_palette", "dock_history"}


def test_layouts_are_kept_across_runs(qtbot, tmp_path):
    from ui.app import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = MainWindow()
    qtbot.addWidget(first)
    first.workspaces.use_settings(settings)
    first.show()
    first.show_workspace("build")
    palette = first.findChild(type(first.inspector_dock), "dock_palette")
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, palette)   # dragged to the right
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    second.workspaces.use_settings(settings)
    second.show()
    assert second.workspace == "explore"                  # the app always opens on Explore
    second.show_workspace("build")
    palette = second.findChild(type(second.inspector_dock), "dock_palette")
    assert second.dockWidgetArea(palette) == Qt.DockWidgetArea.RightDockWidgetArea
    second.actions["reset_layout"].trigger()
    assert second.dockWidgetArea(palette) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_train_opened_again_in_a_later_run_keeps_its_network_and_canvas_sizes(qtbot, tmp_path):
    """Seen in the window: with Train's layout saved by an earlier run, Train came back with
    the network diagram taking the whole middle and a canvas 60 px high (the saved layout
    knew the docks, not the split between diagram and canvas)."""
    from ui.app import MainWindow

    def run(resize_to=None):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        w = MainWindow()
        qtbot.addWidget(w)
        w.workspaces.use_settings(settings)
        w.resize(1440, 900)
        w.show()
        qtbot.waitExposed(w)
        _click_tab(w, "train")
        qtbot.wait(20)
        split = w.center_split
        if resize_to is not None:                   # the learner drags the handle
            total = sum(split.sizes())
            split.setSizes([total - resize_to, resize_to])
            qtbot.wait(20)
        sizes = split.sizes()
        w.close()
        return sizes

    first = run()
    assert first[1] >= 0.25 * sum(first)            # the default: a canvas worth reading
    dragged = run(resize_to=300)
    assert dragged[1] == 300
    assert run() == dragged                          # kept across runs, as the docks are
    # a layout saved by a version without the split comes back as Train's default
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.remove("workspaces/train/split")
    settings.sync()
    again = run()
    assert again[1] >= 0.25 * sum(again)


def test_a_panel_added_by_another_part_shows_in_its_workspaces_and_the_panels_menu(win):
    w = win
    w.show_workspace("build")
    w.show_workspace("explore")             # both have a remembered layout now
    dock = w.add_panel(QLabel("notes"), "Notes", "right", workspaces=("explore",))
    assert dock.isVisible()
    assert dock.toggleViewAction() in w.view_menu.actions()
    w.show_workspace("build")
    assert not dock.isVisible()
    w.show_workspace("explore")
    assert dock.isVisible()
    with pytest.raises(ValueError, match="unknown workspace"):
        w.add_panel(QLabel("x"), "X", "left", workspaces=("play",))


def test_a_message_waits_in_its_workspace_and_marks_its_tab(win):
    w = win
    bar = w.notify("The loss went NaN at step 12", "error", key="nan", workspace="train")
    assert bar is w.workspaces.message_bars["train"]
    assert not bar.isVisible() and not w.message_bar.isVisible()    # Explore shows nothing
    tabs = w.workspaces.bar
    assert tabs.markers["train"] == "error" and not tabs.tabIcon(2).isNull()
    assert "NaN at step 12" in tabs.tabToolTip(2)
    _click_tab(w, "train")
    assert w.message_bar is bar and bar.isVisible()
    assert bar.text() == "The loss went NaN at step 12"
    assert tabs.markers["train"] is None and tabs.tabIcon(2).isNull()
    _click_tab(w, "explore")
    w.notify("Refused: that wire would make a cycle", "warning", key="cycle")   # current one
    assert w.message_bar.isVisible() and tabs.markers["explore"] is None


def test_a_message_taken_back_elsewhere_unmarks_its_tab(win):
    w = win
    w.notify("Cannot load MNIST", "error", key="data", workspace="train")
    assert w.workspaces.bar.markers["train"] == "error"
    w.clear_notice("data")
    assert w.workspaces.bar.markers["train"] is None
    assert w.workspaces.message_bars["train"].text() == ""
    with pytest.raises(ValueError, match="unknown workspace"):
        w.notify("x", workspace="nowhere")


def test_dismissing_a_message_with_its_close_button_hides_it(win):
    w = win
    w.show_workspace("build")
    bar = w.notify("Refused: delete while training", "warning", key="k")
    assert bar.isVisible()
    QTest.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and bar.text() == ""
    w.show_workspace("explore")
    w.show_workspace("build")
    assert not bar.isVisible()


def test_train_puts_its_run_buttons_in_the_toolbar_and_brings_the_curves_forward(win, qtbot):
    w = win
    w.show_workspace("train")
    dock = w.training_dock
    toolbar = w.workspaces.toolbar("train")
    assert toolbar.isVisible() and dock.controls.train.parent() is toolbar
    curves = w.findChild(type(w.inspector_dock), "dock_train_curves")
    settings = w.findChild(type(w.inspector_dock), "dock_train_settings")
    assert w.tabifiedDockWidgets(curves) == [settings]
    assert settings.visibleRegion().isEmpty() is False          # choose first: settings in front
    assert curves.visibleRegion().isEmpty()
    dock.data_form.size.setValue(200)
    dock.model_form.epochs.setValue(1000)
    QTest.mouseClick(dock.controls.train, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.state == "running", timeout=10_000)
    QTest.qWait(20)
    assert not curves.visibleRegion().isEmpty()                  # then watch: curves in front
    dock.stop()
    qtbot.waitUntil(lambda: dock.state == "idle", timeout=20_000)
    dock.shutdown()


@pytest.mark.parametrize("size, tabbed", [((1280, 720), True), ((1920, 1080), False)])
def test_a_dock_beside_the_inspector_keeps_the_chain_rule_readable(qtbot, size, tabbed):
    """On a short window a second dock on the right (the code view) is a tab behind the
    inspector; on a tall one it goes below it."""
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.actions["reset_layout"].trigger()             # laid out at this size, as when opened at it
    extra = w.add_panel(QLabel("dx = w * dz"), "Extra", "right", workspaces=("explore",))
    QTest.qWait(10)
    assert (extra in w.tabifiedDockWidgets(w.inspector_dock)) is tabbed    # with the code view
    assert not w.inspector_dock.visibleRegion().isEmpty()
    if not tabbed:
        assert w.inspector_dock.height() > extra.height() > 0


def test_a_panel_reopened_from_the_panels_menu_comes_to_the_front(win, qtbot):
    """Seen in the window at 1280×720: the inspector closed with its × and checked again in
    Panels came back as a tab behind the code view; the learner saw no inspector."""
    from PySide6.QtWidgets import QDockWidget
    w = win
    w.resize(1280, 720)
    w.workspaces.reset_layout()              # at this height: the code view tabbed behind it
    qtbot.wait(20)
    inspector, code = w.inspector_dock, w.findChild(QDockWidget, "dock_code")
    assert code in w.tabifiedDockWidgets(inspector)
    code.raise_()
    qtbot.wait(10)
    close = inspector.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    QTest.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not inspector.isVisible()
    menu = w.view_menu
    act = inspector.toggleViewAction()
    menu.popup(w.mapToGlobal(w.rect().center()))
    qtbot.waitExposed(menu)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(act).center())
    qtbot.wait(20)
    assert inspector.isVisible() and not inspector.visibleRegion().isEmpty()
    assert w.inspector.isVisible() and not w.inspector.visibleRegion().isEmpty()
