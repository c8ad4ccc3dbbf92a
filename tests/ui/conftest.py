"""Fixtures shared by the window tests (helpers that take arguments: windows.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def app_font(qapp):
    """The font the real window uses (``graphviz-nn`` sets the family list of the language in
    effect before it makes the window), so text-fit and geometry tests measure what a learner
    sees and not the offscreen platform's default family."""
    from ui.i18n import apply_app_font
    apply_app_font()
    yield


@pytest.fixture
def win(qtbot):
    """The main window on its default example, shown (offscreen) and exposed."""
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def train_window(qtbot):
    """The window in its Train workspace at 1440×900, training at full speed
    (test_training_speed.py tries the other speeds)."""
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show_workspace("train")          # makes the training views, as the Train tab does
    dock = w.training_dock
    dock.set_speed(None)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    dock.shutdown()


@pytest.fixture
def empty_win(qtbot):
    """The main window on an empty graph at 1440×900, shown (offscreen) and exposed."""
    from ui.app import MainWindow

    w = MainWindow(example=None)
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    return w
