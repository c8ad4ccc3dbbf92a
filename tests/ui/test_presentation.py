"""Presentation mode for a classroom projector: View > Presentation, Ctrl+= and Ctrl+− scale every
text, the canvas and the plots together (1.0× to 2.0×), and the scale is kept across runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsView, QWidget

from ui.canvas import fonts


@pytest.fixture
def window(qtbot, tmp_path):
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.use_settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    base = QApplication.font().pointSizeF()
    yield w, base
    w.presentation.set_scale(1.0)          # the application font is shared by every test
    dock = getattr(w, "training_dock", None)
    if dock is not None:
        dock.shutdown()


def _texts_not_at(w, base: float, factor: float) -> list[str]:
    """Widgets on screen whose text is not ``factor`` times its size: ``base`` points for the
    application's font, or a widget's own size (the code view's fixed-width font) for it and
    what it contains."""
    wrong = []
    for x in w.findChildren(QWidget):
        if not x.isVisible():
            continue
        size, up = base, x
        while up is not None:
            if up.property("presentation_base_points") is not None:
                size = up.property("presentation_base_points")
                break
            up = up.parentWidget()
        if abs(x.font().pointSizeF() - size * factor) > 0.01:
            wrong.append(f"{type(x).__name__} {x.objectName()!r}: {x.font().pointSizeF()}")
    return wrong


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_view_presentation_and_its_keys_scale_every_text_and_the_canvas(window):
    w, base = window
    assert w.presentation.scale == 1.0
    w.actions["presentation"].trigger()                       # View > Presentation
    _settle()
    assert w.presentation.scale == 1.5 and w.actions["presentation"].isChecked()
    assert _texts_not_at(w, base, 1.5) == []
    assert fonts.presentation_scale() == 1.5
    QTest.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)     # Ctrl+=
    QTest.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)     # at the top
    _settle()
    assert w.presentation.scale == 2.0 and not w.actions["presentation_larger"].isEnabled()
    assert _texts_not_at(w, base, 2.0) == []
    assert fonts.presentation_scale() == 2.0
    assert "200%" in w.statusBar().currentMessage()
    # Qt draws a dock's title in its own font only when it differs from the application's
    assert w.inspector_dock.font() != QApplication.font("QDockWidget")
    QTest.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)     # Ctrl+−
    _settle()
    assert w.presentation.scale == 1.75
    w.actions["presentation"].trigger()                       # off again
    _settle()
    assert w.presentation.scale == 1.0 and _texts_not_at(w, base, 1.0) == []
    w.actions["presentation"].trigger()                       # on: the last scale used
    assert w.presentation.scale == 1.75


def test_the_train_workspace_plots_scale_too(window):
    w, base = window
    w.presentation.set_scale(2.0)
    w.show_workspace("train")                                  # made after the scale was set
    _settle()
    assert _texts_not_at(w, base, 2.0) == []
    labels = []
    for view in w.findChildren(QGraphicsView):
        if hasattr(view, "autoPixelRange"):
            labels += [item for item in view.scene().items()
                       if getattr(item, "_presentation_base", None) is not None]
    assert labels, "no plot title or legend was scaled"
    for item in labels:
        base_pt = float(item._presentation_base.rstrip("ptx"))
        assert item.opts["size"] == f"{base_pt * 2:g}pt"
    w.presentation.set_scale(1.0)
    assert all(item.opts["size"] == item._presentation_base for item in labels)


def test_the_scale_is_kept_across_runs(qtbot, tmp_path):
    from ui.app import MainWindow

    settings = QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat)
    first = MainWindow()
    qtbot.addWidget(first)
    first.use_settings(settings)
    first.presentation.set_scale(1.5)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    try:
        second.use_settings(settings)
        assert second.presentation.scale == 1.5
        assert second.actions["presentation"].isChecked()
    finally:
        second.presentation.set_scale(1.0)
    settings.setValue("presentation/scale", "nan")             # a hand-edited file
    third = MainWindow()
    qtbot.addWidget(third)
    third.use_settings(settings)
    assert third.presentation.scale == 1.0


def test_a_dock_added_later_follows_the_scale(window):
    w, base = window
    from PySide6.QtWidgets import QLabel

    dock = w.add_panel(QLabel("print(f)"), "Code", "right", workspaces=("explore",))
    w.presentation.set_scale(1.5)
    _settle()
    assert isinstance(dock, QDockWidget) and dock.widget().font().pointSizeF() == base * 1.5
