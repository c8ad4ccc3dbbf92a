"""Shared test setup: Qt always runs offscreen, so the suite works with no display."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (recent files, layouts, language) go to a fresh folder: tests never read or
# change the learner's own settings, and never each other's from an earlier run
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="graphviz-nn-test-config-")
# and the app's data (recovery files, caches) likewise: a crashed test window never leaves a
# "restore?" question for the learner's next start
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="graphviz-nn-test-data-")


# ----- when the windows of a test are destroyed -------------------------------------------------
# A test's windows are kept alive by reference cycles (slots that hold the object owning the
# widgets); pytest-qt closes them and calls deleteLater, and Python's cyclic collector frees the
# rest whenever it runs: also inside a later test's qtbot.wait, while Qt is dispatching events
# to widgets it would then free under its feet (a segmentation fault in CI). So the collector
# waits while a test runs, and collects between tests, after Qt has delivered the deletions.
import gc  # noqa: E402

import pytest  # noqa: E402


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        _delete_later_now()
        # what the test made is young (no collection ran meanwhile): a young collection finds
        # its cycles in a few ms; a full one (~0.1 s) where a module's fixtures end
        same_module = nextitem is not None and nextitem.module is item.module
        gc.collect(0 if same_module else 2)
        _delete_later_now()             # what the collection let go of with deleteLater
        if was_on:
            gc.enable()


def _delete_later_now() -> None:
    import sys
    if "PySide6.QtCore" not in sys.modules:
        return                          # an engine-only test: no Qt to tidy
    from PySide6.QtCore import QCoreApplication, QEvent
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """What the app does as it quits: the nodes a test copied go back on the clipboard as text
    Qt owns (left as a Python object, Qt's clipboard deleted them after Python had ended: a
    segmentation fault after every test had passed)."""
    import sys
    editor = sys.modules.get("ui.build.editor")
    if editor is not None and "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication
        if QApplication.instance() is not None:
            editor.release_clipboard()
