"""Fixtures shared by the window tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def win(qtbot):
    """The main window on its default example, shown (offscreen) and exposed."""
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
