"""The Lessons panel around the lessons: progress kept across a restart of the window,
Restart lesson, the Lessons menu, the window's language, a teacher's own lesson file, and
``graphviz-nn lesson``."""

from __future__ import annotations

import subprocess
import sys

from lesson_driver import answer, click, guide, next_step, open_window, panel, passed, right
from PySide6.QtCore import QSettings

GOOD = '''
id = "mine"
title.ko = "내 레슨"
title.en = "My lesson"
[[step]]
text.ko = "**x** 의 기울기는?"
text.en = "What is **x**'s gradient?"
setup.expression = "f = x * y"
setup.values = { x = 3, y = 7 }
setup.cursor = "forward_end"
check = { kind = "answer", of = "grad(x)", label = "∂f/∂x =" }
hint.ko = "y 의 값입니다."
hint.en = "It is y's value."
'''


def test_progress_is_kept_and_restart_begins_again(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, "backprop")
    right(w, 2)
    next_step(w)
    answer(w, "-4")
    assert passed(w)
    next_step(w)
    settings = w.document.settings
    w.close()

    from ui.app import MainWindow
    from ui.lessons import open_lesson
    again = MainWindow()
    qtbot.addWidget(again)
    again.document.use(settings=QSettings(settings.fileName(), QSettings.Format.IniFormat))
    again.show()
    open_lesson(again, "backprop")                     # where the learner left it
    g, p = guide(again), panel(again)
    assert g.index == 2 and p.position.text() == "Step 3 of 7"
    assert again.controller.cursor == again.controller.n_forward - 1    # the step's setup
    assert g.progress(g.lesson) == (2, 6)
    click(p.back_button)
    assert g.index == 1 and passed(again)              # reached before: still reached
    click(p.restart_button)
    assert g.index == 0 and g.progress(g.lesson) == (0, 6) and not passed(again)
    assert again.controller.cursor == -1


def test_the_lessons_menu_lists_every_lesson_and_opens_one(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, "backprop")
    menu = w.lessons_menu
    menu.aboutToShow.emit()
    titles = [a.text() for a in menu.actions() if a.objectName().startswith("lesson_")
              and a.objectName() != "lesson_open_file"]
    assert len(titles) == 5 and titles[3].startswith("4. Activation functions and softmax")
    next(a for a in menu.actions() if a.objectName() == "lesson_activations").trigger()
    assert guide(w).lesson.id == "activations" and guide(w).index == 0
    assert panel(w).lesson_title.text() == "4. Activation functions and softmax"
    assert w.lesson_dock.isVisible()


def test_the_panel_speaks_the_window_language(qtbot, tmp_path, monkeypatch):
    import ui.lessons.panel as panel_module
    monkeypatch.setattr(panel_module, "current_language", lambda: "ko")
    w = open_window(qtbot, tmp_path, "backprop")
    p = panel(w)
    assert p.heading.text() == "f = (x + y)·z 의 계산 그래프"
    assert "계산 그래프" in p.text.toPlainText() and "computational" not in p.text.toPlainText()
    assert p.lesson_title.text() == "1. 계산 그래프와 역전파"


def test_a_teachers_lesson_file_opens_and_checks(qtbot, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(GOOD, encoding="utf-8")
    from graphviz_nn.lessons import load_lesson
    w = open_window(qtbot, tmp_path, "backprop")
    from ui.lessons import open_lesson
    open_lesson(w, load_lesson(path))
    assert w.expression.text() == "f = x * y" and panel(w).answer_label.text() == "∂f/∂x ="
    answer(w, "seven")                                 # not a number: said so, no hint
    assert "Type a number" in panel(w).status.text() and not panel(w).hint.isVisible()
    answer(w, "3")
    assert panel(w).hint.isVisible() and "y's value" in panel(w).hint.text()
    answer(w, "7")
    assert passed(w)
    answer(w, "seven")                                 # once reached, it stays reached
    assert passed(w)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphviz_nn", "lesson", *args],
                          capture_output=True, text=True, timeout=60)


def test_graphviz_nn_lesson_lists_them_and_refuses_an_unknown_name(tmp_path):
    listed = _cli()
    assert listed.returncode == 0 and listed.stderr == ""
    lines = listed.stdout.splitlines()
    assert len(lines) == 5 and lines[0].startswith("1. backprop: ")
    assert "계산 그래프와 역전파" in lines[0] and "7 steps" in lines[0]
    unknown = _cli("nope")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr.strip().splitlines() == [
        "graphviz-nn lesson: no lesson named 'nope'; `graphviz-nn lesson` lists them"]
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('kind = "answer"', 'kind = "anser"'), encoding="utf-8")
    refused = _cli(str(bad))
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "bad.toml, step 1, check.kind: unknown checkpoint kind 'anser'" in refused.stderr


def test_presentation_mode_scales_the_lesson_text(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, "backprop")
    p = panel(w)
    before = (p.heading.fontInfo().pixelSize(), p.text.document().defaultFont().pointSizeF(),
              p.status.fontInfo().pixelSize())
    try:
        w.presentation.set_scale(1.5)
        qtbot.wait(20)
        after = (p.heading.fontInfo().pixelSize(),
                 p.text.document().defaultFont().pointSizeF(), p.status.fontInfo().pixelSize())
        for b, a in zip(before, after, strict=True):
            assert a >= 1.4 * b, (before, after)
        assert p.heading.fontInfo().pixelSize() > p.status.fontInfo().pixelSize()
    finally:
        w.presentation.set_scale(1.0)      # the application font is shared by every test
