"""Fixtures shared by the window tests."""

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
