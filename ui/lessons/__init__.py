"""Guided lessons in the window: the Lessons menu, and the Lessons panel (a dock in every
workspace, made when a lesson is first opened).

    from ui.lessons import open_lesson
    open_lesson(window, "backprop")          # by id, number, or a Lesson

Importing this package is cheap (the engine and the panel load when a lesson opens). The
lesson files and their checks are ``graphviz_nn/lessons``; the panel is ``panel.py``, the
lesson being followed ``guide.py``, what a step sets up ``setup.py``, what checks read
``state.py``; ``graphviz-nn lesson`` is ``cli.py``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMenu

from ui.i18n import translate

__all__ = ["install", "open_lesson", "show_panel"]


def install(window) -> QMenu:
    """Add the Lessons menu to ``window`` (a ``ui.app.MainWindow``); it lists the lessons when
    it opens."""
    menu = QMenu(translate("Lessons", "&Lessons"), window)
    menu.setObjectName("lessons_menu")
    bar = window.menuBar()
    panels = getattr(window, "view_menu", None)
    if panels is not None:
        bar.insertMenu(panels.menuAction(), menu)
    else:
        bar.addMenu(menu)
    menu.aboutToShow.connect(lambda: _fill_menu(window, menu))
    window.lessons_menu = menu
    return menu


def _fill_menu(window, menu: QMenu) -> None:
    from ui.i18n import current_language

    guide = show_panel(window, visible=False).guide
    menu.clear()
    lang = current_language()
    for i, lesson in enumerate(guide.lessons, start=1):
        done, total = guide.progress(lesson)
        act = menu.addAction(f"{i}. {lesson.title.get(lang)}  ({done}/{total})")
        act.setObjectName(f"lesson_{lesson.id}")
        act.setCheckable(True)
        act.setChecked(lesson is guide.lesson)
        act.triggered.connect(lambda _=False, le=lesson: open_lesson(window, le))
    menu.addSeparator()
    panel = menu.addAction(translate("Lessons", "Show the Lessons panel"))
    panel.triggered.connect(lambda: show_panel(window))
    other = menu.addAction(translate("Lessons", "Open a lesson file…"))
    other.setObjectName("lesson_open_file")
    other.triggered.connect(lambda: _open_file(window))


def show_panel(window, visible: bool = True):
    """The window's Lessons panel (made the first time), shown when ``visible``."""
    from PySide6.QtCore import Qt

    from ui.lessons.guide import LessonGuide
    from ui.lessons.panel import LessonPanel

    if getattr(window, "lesson_panel", None) is None:
        guide = LessonGuide(window)
        panel = LessonPanel(guide)
        dock = window.add_panel(panel, translate("Lessons", "Lessons"), "left", None,
                                name="lessons")
        dock.hide()
        window.lesson_guide, window.lesson_panel, window.lesson_dock = guide, panel, dock
    dock = window.lesson_dock
    if visible and not dock.isVisible():
        dock.show()
        width = int(min(max(0.24 * window.width(), 300), 420))
        window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    if visible:
        dock.raise_()
    return window.lesson_panel


def open_lesson(window, lesson, index: int | None = None):
    """Open ``lesson`` (a Lesson, its id or its number) in the panel, at step ``index``
    (0-based; default where the learner left it). Returns the Lesson (None: no such lesson)."""
    from graphviz_nn.lessons import find_lesson

    panel = show_panel(window)
    guide = panel.guide
    if isinstance(lesson, str):
        found = find_lesson(lesson, guide.lessons)
        if found is None:
            return None
        lesson = found
    same = next((le for le in guide.lessons if le.id == lesson.id and le.path == lesson.path),
                None)
    if same is not None:
        lesson = same
    else:
        guide.add_lesson(lesson)
    guide.open(lesson, index)
    return lesson


def _open_file(window) -> None:
    from graphviz_nn.lessons import LessonError, load_lesson
    from ui.lessons.guide import example_keys

    path, _ = QFileDialog.getOpenFileName(window, translate("Lessons", "Open a lesson file"), "",
                                          translate("Lessons", "Lessons (*.toml)"))
    if not path:
        return
    try:
        lesson = load_lesson(path, example_keys())
    except LessonError as exc:
        window.notify(translate("Lessons", "This lesson file cannot be used: {why}").format(
            why=str(exc)), "error", key="lesson")
        return
    open_lesson(window, lesson)
