"""The window in Korean: every workspace, dock, menu, toolbar, form, tab, tooltip and dialog
shows no English where a translation exists, and no English word outside the terms the lecture
notes keep (see korean_walk.py for the rule)."""

from __future__ import annotations

import pytest
from korean_walk import english_left, translated_sources, window_texts
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui import i18n, i18n_tools
from ui.workspaces import NAMES


@pytest.fixture(scope="module")
def sources():
    return translated_sources(i18n_tools.messages())


@pytest.fixture
def korean(qapp):
    assert i18n.install_language("ko") == "ko"
    yield
    i18n.install_language("en")


@pytest.fixture
def window(korean, qtbot):
    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    dock = getattr(w, "training_dock", None)
    if dock is not None:
        dock.shutdown()


def _names(window) -> set[str]:
    import graphviz_nn as gnn

    return ({n.name for n in window.controller.graph.nodes} | set(gnn.OPS)
            | {spec.symbol for spec in gnn.OPS.values()}
            | {port for spec in gnn.OPS.values() for port in spec.ports})


def _walk(window) -> list[tuple[str, str]]:
    texts = []
    for name in NAMES:
        window.show_workspace(name)
        QApplication.processEvents()
        texts += [(f"[{name}] {where}", t) for where, t in window_texts(window)]
    return texts


def test_every_workspace_menu_and_dock_is_korean(window, sources):
    problems = english_left(_walk(window), sources, _names(window))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("example", ["sigmoid", "fashion"])
def test_examples_stepped_backward_read_in_korean(window, sources, example):
    """The inspector's chain rule, the layer boxes and the badges of an example mid-backward."""
    window.load_example(example)
    c = window.controller
    c.run_forward()
    c.seek(c.n_forward + 1)
    window.show_workspace("explore")
    QApplication.processEvents()
    problems = english_left(window_texts(window), sources, _names(window))
    assert problems == [], "\n".join(problems)


def test_badges_and_messages_of_a_broken_graph_read_in_korean(window, sources, qtbot):
    """A missing input and a shape mismatch (the engine's messages, said from their codes),
    an expression the bar refuses."""
    import numpy as np

    import graphviz_nn as gnn

    g = gnn.Graph()
    a, b = g.input("a", np.ones(3)), g.input("b", np.ones(4))
    g.add(a, b, name="s")
    g.add_node("mul", "m")
    window.controller.load_graph(g)
    window.show_workspace("build")
    window.apply_expression("f = x.y")
    QApplication.processEvents()
    texts = window_texts(window)
    badges = [t for where, t in texts if where.startswith("node")]
    assert any("(3,) + (4,)" in t for t in badges), badges
    problems = english_left(texts, sources, _names(window) | {"x", "y"})
    assert problems == [], "\n".join(problems)


def test_dialogs_read_in_korean(window, sources, qtbot):
    from ui.build.mlp_builder import MlpBuilderDialog
    from ui.explore.examples_dialog import ExamplesDialog

    texts = []
    for make in (lambda: ExamplesDialog(window), lambda: MlpBuilderDialog(window)):
        dialog: QDialog = make()
        qtbot.addWidget(dialog)
        texts += window_texts_of_dialog(dialog)
    problems = english_left(texts, sources, _names(window))
    assert problems == [], "\n".join(problems)


def window_texts_of_dialog(dialog) -> list[tuple[str, str]]:
    from korean_walk import _widget_texts, plain

    found = [(type(dialog).__name__, dialog.windowTitle())]
    for w in [dialog, *dialog.findChildren(QWidget)]:
        found += [(f"{type(dialog).__name__} {type(w).__name__}", t) for t in _widget_texts(w)]
    return [(where, plain(t)) for where, t in found if plain(t)]


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900)], ids=["1280x720", "1440x900"])
def test_korean_text_fits_every_workspace(korean, qtbot, size):
    """Korean is wider and taller than English: at a projector's 1280x720 and at 1440x900 no
    button, label, tab, form, dock title or toolbar of any workspace is cut (text_fit.py)."""
    from text_fit import cut_texts

    from ui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    try:
        for name in NAMES:
            w.show_workspace(name)
            QApplication.processEvents()
            assert cut_texts(w) == [], (name, size)
    finally:
        dock = getattr(w, "training_dock", None)
        if dock is not None:
            dock.shutdown()
