"""Playing a lesson in the real window as a learner does: keys in the answer box, Right on the
canvas, a value typed into the inspector's table, a click on Next or on Train."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

WAIT_RUN_MS = 90_000


def open_window(qtbot, tmp_path, lesson_id: str):
    """The main window on ``lesson_id`` from its first step, with settings in ``tmp_path``."""
    from ui.app import MainWindow
    from ui.lessons import open_lesson

    w = MainWindow()
    qtbot.addWidget(w)
    w.document.use(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    with qtbot.waitActive(w):          # the window's shortcuts (→, F5, End) need it active
        w.show()
        w.activateWindow()
    assert open_lesson(w, lesson_id, 0) is not None
    return w


def guide(w):
    return w.lesson_guide


def panel(w):
    return w.lesson_panel


def click(widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def next_step(w) -> None:
    before = guide(w).index
    click(panel(w).next_button)
    assert guide(w).index == before + 1


def answer(w, text: str) -> None:
    """Type ``text`` in the answer box and press Enter."""
    box = panel(w).answer
    assert box.isVisible()
    box.setFocus()
    box.selectAll()
    QTest.keyClick(box, Qt.Key.Key_Delete)
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)


def right(w, times: int = 1) -> None:
    """Step the timeline with the → key on the canvas."""
    w.canvas.setFocus()
    for _ in range(times):
        QTest.keyClick(w.canvas, Qt.Key.Key_Right)


def left(w, times: int = 1) -> None:
    w.canvas.setFocus()
    for _ in range(times):
        QTest.keyClick(w.canvas, Qt.Key.Key_Left)


def key_on_canvas(w, key) -> None:
    w.canvas.setFocus()
    QTest.keyClick(w.canvas, key)


def set_leaf(w, name: str, text: str) -> None:
    """Select leaf ``name`` on the canvas and type ``text`` into the inspector's value table."""
    c = w.controller
    node = c.graph[name]
    if c.selection != [node.id]:
        w.scene.clearSelection()
        w.scene.nodes[node.id].setSelected(True)
    editor = w.value_editor
    assert editor.isVisible() and editor.node_id == node.id
    table = editor.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    table.editItem(table.item(0, 0))                   # as a double-click on the cell does
    field = QApplication.focusWidget()
    assert field is not table, "the cell editor did not open"
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)
    QApplication.processEvents()                       # the table commits the edit queued


def passed(w) -> bool:
    return guide(w).status == "passed" and panel(w).status.text().startswith("✓")


def hint_shown(w) -> bool:
    step = guide(w).step
    return panel(w).hint.isVisible() and step.hint.get("en")[:20] in panel(w).hint.text()


def train(qtbot, w, **form) -> None:
    """Set the training form as a learner would (the test's own shorter runs), click Train and
    wait for the run to end."""
    dock = w.training_dock
    m = dock.model_form
    for key, value in form.items():
        {"epochs": m.epochs, "batch_size": m.batch, "dropout": m.dropout,
         "learning_rate": m.lr}[key].setValue(value)
    if hasattr(dock, "set_speed"):
        dock.set_speed(None)                            # full speed
    runs = len(guide(w).recorder.runs)
    click(dock.controls.train)
    qtbot.waitUntil(lambda: len(guide(w).recorder.runs) > runs, timeout=WAIT_RUN_MS)
    qtbot.wait(20)
