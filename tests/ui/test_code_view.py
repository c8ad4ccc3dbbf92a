"""The code view in the window: its lines for each example, the current step's lines
highlighted as the learner steps with the keyboard, a click on a line jumping to its step,
Copy, and File > Export > Python script."""

from __future__ import annotations

import contextlib
import io

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from ui.explore.examples import EXAMPLES


def highlighted(win) -> list[str]:
    lines = win.code_view.lines()
    return [lines[i] for i in win.code_view.highlighted_lines()]


def click_line(win, text: str) -> None:
    """A real mouse click on the line that reads ``text``."""
    view = win.code_view.text
    row = win.code_view.lines().index(text)
    block = view.document().findBlockByNumber(row)
    rect = view.blockBoundingGeometry(block).translated(view.contentOffset())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(12, int(rect.center().y())))


@pytest.mark.parametrize("key", [ex.key for ex in EXAMPLES])
def test_each_example_shows_its_numpy_lines(win, key):
    from graphviz_nn.export import numpy_listing

    win.load_example(key)
    c = win.controller
    assert win.code_view.lines() == numpy_listing(c.trace).text.split("\n")
    lines = win.code_view.lines()
    assert lines[0] == "# inputs: the leaves"
    start = lines.index("# forward: one line per node") + 1
    forward = lines[start:lines.index("", start)]
    assert len(forward) == c.n_forward           # one line per node of the forward pass


def test_right_arrow_moves_the_highlight_line_by_line(win, qtbot):
    assert win.code_view.lines()[5:15] == [
        "# forward: one line per node", "q = x + y", "f = q * z", "",
        "# backward: one line per gradient (upstream × local)", "df = 1.0", "dq = z * df",
        "dz = q * df", "dx = dq", "dy = dq"]
    assert highlighted(win) == ["x = np.float64(-2.0)", "y = np.float64(5.0)",
                                "z = np.float64(-4.0)"]
    win.activateWindow()
    win.canvas.setFocus()
    expected = [["q = x + y"], ["f = q * z"], ["df = 1.0", "dq = z * df", "dz = q * df"],
                ["dx = dq", "dy = dq"]]
    for lines in expected:
        qtbot.keyClick(win.canvas, Qt.Key.Key_Right)
        assert highlighted(win) == lines
    qtbot.keyClick(win.canvas, Qt.Key.Key_Left)
    assert highlighted(win) == expected[2]


def test_a_click_on_a_line_jumps_to_its_step_and_the_keys_still_step(win, qtbot):
    click_line(win, "dx = dq")
    assert win.controller.cursor == 3
    assert win.timeline.slider.value() == 3
    assert highlighted(win) == ["dx = dq", "dy = dq"]
    click_line(win, "f = q * z")
    assert win.controller.cursor == 1
    # the code view has the focus now; the arrows still walk the timeline
    assert win.code_view.text.hasFocus() or QGuiApplication.focusObject() is None
    qtbot.keyClick(win.code_view.text, Qt.Key.Key_Right)
    assert win.controller.cursor == 2
    click_line(win, "x = np.float64(-2.0)")
    assert win.controller.cursor == -1
    click_line(win, "# forward: one line per node")          # a heading: no step
    assert win.controller.cursor == -1


def test_copy_puts_the_code_on_the_clipboard(win):
    QTest.mouseClick(win.code_view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().split("\n") == win.code_view.lines()


def test_the_code_follows_an_edit(win):
    win.apply_expression("out = sigmoid(w * x)")
    lines = win.code_view.lines()
    assert "out = 1 / (1 + np.exp(-w_times_x))" in lines or any(
        line.startswith("out = 1 / (1 + np.exp(-") for line in lines)
    assert any(line.startswith("dout = 1.0") for line in lines)


def test_export_python_script_writes_a_script_that_checks_itself(win, tmp_path):
    asked = []
    win.exports.ask_path = lambda *args: asked.append(args) or str(tmp_path / "f_numpy")
    QTest.mouseClick(win.code_view.export_button, Qt.MouseButton.LeftButton)
    script = tmp_path / "f_numpy.py"
    assert asked and script.exists()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script.read_text(), str(script), "exec"), {"__name__": "__main__"})
    assert "dx = -4.0" in out.getvalue()
    assert out.getvalue().endswith("OK: every value and gradient matches graphviz-nn\n")


def test_a_model_export_of_a_graph_that_is_no_model_is_refused_before_any_dialog(win):
    win.exports.ask_path = lambda *args: pytest.fail("no file dialog for a refused export")
    win.actions["export_keras_model"].trigger()
    bar = win.message_bar
    assert bar.isVisible()
    assert "not a Keras-style model" in bar.text()
    assert not win.exports.save_keras()
    assert "Could not save a .keras file" in bar.text()


def test_the_refusal_goes_when_another_graph_is_shown(win):
    win.exports.ask_path = lambda *args: None
    win.actions["export_torch_model"].trigger()
    assert win.message_bar.isVisible()
    win.load_example("spiral")
    assert not win.message_bar.isVisible()
