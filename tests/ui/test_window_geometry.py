"""Room for the graph and text that reads in full: at 1440×900 the canvas has at least 60% of
the window in Explore; at 1280×720 (a projector) every workspace keeps at least half of the
window for the canvas and no toolbar, form, button, tab or title text is cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPushButton, QWidget
from text_fit import cut_texts

from ui.workspaces import NAMES


def _share(w) -> float:
    """The middle's share of the window: the canvas; in Train the network diagram above it too
    (the middle of TensorFlow Playground), the canvas keeping at least a quarter of it."""
    middle = w.center_split if w.workspace == "train" else w.canvas
    if w.workspace == "train":
        assert w.canvas.height() >= 0.25 * middle.height(), (w.canvas.size(), middle.size())
    return middle.width() * middle.height() / (w.width() * w.height())


def _open(w, name: str) -> None:
    bar = w.workspaces.bar
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(NAMES.index(name)).center())
    QTest.qWait(10)
    assert w.workspace == name


def _settled_cuts(window, qtbot) -> list[str]:
    """The texts still cut once the layout has settled (a dock narrowed by a workspace switch
    lays its word-wrapped labels out again over a few event-loop rounds)."""
    found: list[str] = []

    def settled() -> bool:
        found[:] = cut_texts(window)
        return not found

    try:
        qtbot.waitUntil(settled, timeout=500)
    except AssertionError:
        pass
    return found


@pytest.fixture
def window(qtbot):
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    yield w
    dock = getattr(w, "training_dock", None)
    if dock is not None:
        dock.shutdown()


def test_explore_gives_the_canvas_60_percent_of_a_1440x900_window(window, qtbot):
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.workspace == "explore"
    assert _share(window) >= 0.6, (window.canvas.size(), window.size())
    assert cut_texts(window) == []


@pytest.mark.parametrize("start", [(1280, 720), (1440, 900)], ids=["opened", "made-smaller"])
def test_every_workspace_is_usable_at_1280x720(window, qtbot, start):
    window.resize(*start)
    window.show()
    qtbot.waitExposed(window)
    if start != (1280, 720):          # every layout made at 1440×900, then the window shrinks
        for name in NAMES:
            _open(window, name)
        window.resize(1280, 720)
    for name in NAMES:
        _open(window, name)
        assert _share(window) >= 0.5, (name, window.canvas.size())
        assert cut_texts(window) == [], name
    # Train while a run is paused (Resume) and with the curves in front
    dock = window.training_dock
    dock.controls.set_state("paused")
    window.findChild(QDockWidget, "dock_train_curves").raise_()
    QTest.qWait(10)
    assert cut_texts(window) == []


def test_the_check_sees_text_that_does_not_fit(qtbot):
    """What the tests above rely on: a toolbar whose tools do not fit its window, and a button
    narrower than its text, are both reported."""
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = window.addToolBar("tools")
    bar.setObjectName("tools")
    for k in range(12):
        bar.addAction(f"Tool number {k}")
    button = QPushButton("Check numerically")
    window.setCentralWidget(QWidget())
    button.setParent(window.centralWidget())
    button.resize(40, 24)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    found = cut_texts(window)
    assert any("toolbar 'tools' overflows" in p for p in found), found
    assert any("'Check numerically': 40 px wide" in p for p in found), found


@pytest.mark.parametrize("start", [(1280, 720), (1440, 900)], ids=["opened", "made-smaller"])
def test_switching_workspaces_keeps_the_window_on_a_1280x720_screen(window, qtbot, start):
    """Seen in the window: Explore → Train → Explore at 1280×720 made the window 829 px high
    (Explore's saved layout was restored with Train's docks still in it), so the timeline and
    the status bar went below the bottom of a projector's screen."""
    window.resize(*start)
    window.show()
    qtbot.waitExposed(window)
    if start != (1280, 720):
        _open(window, "train")
        _open(window, "explore")
        window.resize(1280, 720)
        QTest.qWait(10)
    for name in ("train", "explore", "build", "train", "build", "explore"):
        _open(window, name)
        assert window.size().toTuple() == (1280, 720), name
        assert window.timeline.isVisible() == (name == "explore")
        if name == "explore":       # the timeline is inside the window, not under its edge
            bottom = window.timeline.mapTo(window, window.timeline.rect().bottomLeft()).y()
            assert bottom < window.height(), bottom


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900)])
def test_forms_shown_on_demand_read_in_full(window, qtbot, size):
    """What appears only when asked for: the tensor editor of a selected leaf (Build) and the
    quiz's answer boxes (Explore). Seen in the window: the shape box's hint was cut to
    'shape, e.g. 3, 4 (em…'."""
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    _open(window, "build")
    view, g = window.canvas, window.controller.graph
    item = window.scene.node_item(g["x"].id)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(item.sceneBoundingRect().center()))
    QTest.qWait(10)
    editor = window.findChild(QWidget, "leaf_value_editor")
    assert editor is not None and editor.isVisible()
    assert cut_texts(window) == []
    _open(window, "explore")
    window.actions["forward"].trigger()
    window.actions["quiz"].trigger()
    window.actions["step_forward"].trigger()
    QTest.qWait(10)
    assert window.quiz.inputs
    assert cut_texts(window) == []


def test_presentation_keeps_every_tool_on_a_1280x720_screen(window, qtbot):
    """Seen in the window: at 175% and 200% the Explore and Build tools no longer fit beside
    the workspace tabs, and some went behind the toolbar's » button. The tools get a row of
    their own when they need it; the window stays 1280×720."""
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    window.actions["presentation"].trigger()                # View > Presentation: 150%
    try:
        for _ in range(3):
            for name in ("explore", "build", "explore"):
                _open(window, name)
                QTest.qWait(10)
                assert window.size().toTuple() == (1280, 720), (window.presentation.scale, name)
                assert _settled_cuts(window, qtbot) == [], (window.presentation.scale, name)
            QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert window.presentation.scale == 2.0
    finally:
        window.presentation.set_scale(1.0)          # the application's font is every test's


def _texts_drawn_on(view) -> list[str]:
    """Every text the canvas draws in ``view`` as it is on screen."""
    from PySide6.QtGui import QImage, QPainter

    from ui.canvas import fonts
    fonts.recorder = []
    try:
        img = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
        painter = QPainter(img)
        view.render(painter)
        painter.end()
        return [t for t, _, _ in fonts.recorder]
    finally:
        fonts.recorder = None


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900), (1920, 1080)])
def test_train_reads_as_playground(window, qtbot, size):
    """Train at every size: the network diagram above the canvas take half of the window, the
    canvas shows the model as x -> Dense -> Dense -> loss with every word whole, the decision
    boundary and the curves are in sight, the curves' legend is beside the plots, not on them."""
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    _open(window, "train")
    dock = window.training_dock
    split = window.center_split
    assert split.width() * split.height() / (window.width() * window.height()) >= 0.5
    assert dock.network.isVisible() and dock.network.height() >= 0.5 * split.height()
    assert window.canvas.height() >= 0.25 * split.height()
    assert not dock.boundary.visibleRegion().isEmpty()
    dock.set_speed(None)
    QTest.mouseClick(dock.controls.step, Qt.MouseButton.LeftButton)     # one step, paused
    qtbot.waitUntil(lambda: window.controller.graph is dock.model.graph, timeout=10000)
    scene = window.scene
    assert scene.groups and scene.collapsed == set(scene.groups)       # x -> Dense -> ... -> loss
    window.canvas.fit()
    QTest.qWait(50)
    drawn = _texts_drawn_on(window.canvas)
    assert any("Dense 16, relu" in t for t in drawn), drawn
    assert not [t for t in drawn if "…" in t], drawn
    window.findChild(QDockWidget, "dock_train_curves").raise_()
    QTest.qWait(20)
    curves = dock.curves
    assert curves.loss_plot.legend is None and curves.acc_plot.legend is None
    assert not curves.legend.geometry().intersects(curves.plots.geometry())
    assert curves.plots.height() >= (170 if size == (1280, 720) else 220), curves.plots.height()
    assert cut_texts(window) == []
    dock.stop()
