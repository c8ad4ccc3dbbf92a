"""The app keeps what lives as long as its window out of the cyclic collector's full passes.

Found with a stall tracer while training in the Train workspace: a full collection walked the
~100,000 objects of the window and its training views and held the window 68 ms (a visible
hitch in the curves and the diagram). The app (``graphviz-nn``, the selftest) freezes them once
the window is up and again once the Train workspace is made; tests do not (they collect
between tests themselves).
"""

from __future__ import annotations

import gc

import pytest

from ui import start


def _tracked(obj) -> bool:
    """Whether the cyclic collector's passes (generations 0-2) still walk ``obj``."""
    ids = {id(o) for o in gc.get_objects()}
    return id(obj) in ids


@pytest.fixture
def app_mode(monkeypatch):
    monkeypatch.setattr(start, "LONG_LIVED", True)
    yield
    gc.unfreeze()                      # the test process collects as before


def test_the_train_workspace_is_kept_out_of_full_collections_in_the_app(qtbot, app_mode):
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show_workspace("train")          # makes the training views, as the Train tab does
    dock = w.training_dock
    assert not _tracked(dock) and not _tracked(dock.network)
    assert gc.get_freeze_count() > 0
    dock.shutdown()


def test_tests_keep_collecting_everything(qtbot):
    from ui.app import MainWindow

    assert start.LONG_LIVED is False
    w = MainWindow()
    qtbot.addWidget(w)
    w.show_workspace("train")
    assert _tracked(w.training_dock)
    w.training_dock.shutdown()
