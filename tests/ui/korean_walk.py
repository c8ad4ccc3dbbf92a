"""Every text a window shows, and which of them are still English.

``window_texts(window)`` walks the menus (every action's text, tooltip and status tip, submenus
too), toolbars, docks, every widget's text, title, tooltip, status tip, placeholder and items
(buttons, labels, group boxes, combo boxes, spin boxes, tabs, lists, rich text), the plots'
titles, axis labels and legends, and the canvas (node and port tooltips, badges, layer boxes).

``english_left(texts, ts)`` applies the rule of the Korean window:

1. a text that is the source of a translated entry of the ``.ts`` (any context) is shown
   untranslated: a string that missed ``translate``, or was translated before the language
   was installed;
2. a text with a Latin word that is not a kept term is English left over. Kept terms are what
   the glossary keeps in English (Dense, softmax, SGD, Adam, ReLU, upstream, ...), the op
   names, the names of the nodes on the canvas, data set and file-format names and key names.
   Numbers and formulas have no Latin words of two or more letters, except the function names
   listed (exp, log, ...).
"""

from __future__ import annotations

import html
import re

import pyqtgraph as pg
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from ui import i18n_tools

# what the Korean window keeps in English, as the lecture notes do (see resources/i18n/glossary.md)
KEPT = {
    # the glossary's English terms
    "Dense", "softmax", "Softmax", "sigmoid", "Sigmoid", "tanh", "ReLU", "relu", "Leaky",
    "leaky_relu", "ELU", "elu", "SGD", "Adam", "RMSprop", "Adagrad", "Nesterov", "nesterov",
    "momentum", "Dropout", "MLP", "MSE", "mse", "upstream", "downstream", "local", "gradient",
    "Sequential", "Glorot", "He", "Xavier", "one-hot", "logits", "loss", "accuracy",
    "val_loss", "val_accuracy", "epoch", "epochs", "batch_size", "learning_rate",
    "sparse_categorical_crossentropy", "categorical_crossentropy", "cross-entropy", "argmax",
    "Fit", "fit", "compile", "summary",
    # numbers and formulas
    "nan", "inf", "if", "else", "exp", "log", "sum", "mean", "min", "max", "abs", "pow", "matmul", "sqrt",
    "float32", "float64", "int64", "dtype", "axis", "alpha", "keepdims", "np", "numpy",
    # data sets, files, programs
    "spiral", "xor", "circles", "moons", "gaussian", "digits", "MNIST", "Fashion-MNIST",
    "Fashion", "CSV", "csv", "IDX", "JSON", "json", "PNG", "png", "SVG", "svg", "Keras",
    "keras", "PyTorch", "torch", "TensorFlow", "JAX", "Python", "py", "npz", "pt", "gz",
    "h5py", "scikit-learn", "graphviz-nn", "graphviz", "nn", "CS231n", "GPU", "CPU", "URL",
    "UTF", "MiB", "KB", "MB", "GB", "ms", "px",
    # keys
    "Ctrl", "Shift", "Alt", "Tab", "Home", "End", "Space", "Del", "Delete", "Backspace",
    "Esc", "Enter", "Return", "PgUp", "PgDown", "Left", "Right", "Up", "Down", "F2", "F5", "F6",
    # a language's own name in the language menu
    "English",
    # names of tools and values the notes write in English
    "Playground", "TensorBoard", "NaN",
    # code the window quotes
    "input_shape", "autograd", "load_model", "models", "None", "log-sum-exp", "kernel",
    "kernel_regularizer", "rate", "plane", "multi",
}
KEPT |= i18n_tools.MATH_WORDS          # the names formulas use (upstream, mask, onehot, ...)
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z]+)*")
# two-letter English words (other two-letter tokens are formula symbols: pj, dx, ...)
SHORT_WORDS = {"of", "to", "in", "is", "at", "by", "an", "or", "on", "as", "it", "be", "no",
               "we", "if", "so", "up", "do", "go", "my", "me", "us", "am", "he"}
TAG = re.compile(r"<[^>]*>")
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\~][^\n]*|[^\s]+\.(?:json|keras|toml|csv|png|svg|py)")


def plain(text: str) -> str:
    """``text`` as read: HTML tags and entities gone, ``&`` accelerators removed."""
    if "<" in text and ">" in text:
        text = html.unescape(TAG.sub(" ", text))
    return re.sub(r"&(?=[^&\s])", "", text).replace("&&", "&").strip()


def _widget_texts(w: QWidget) -> list[str]:
    found = [w.toolTip(), w.statusTip(), w.whatsThis()]
    if isinstance(w, QAbstractButton):
        found.append(w.text())
    elif isinstance(w, QLabel):
        found.append(w.text())
    elif isinstance(w, QGroupBox):
        found.append(w.title())
    elif isinstance(w, QDockWidget | QToolBar):
        found.append(w.windowTitle())
    elif isinstance(w, QComboBox):
        found += [w.itemText(i) for i in range(w.count())]
        found += [w.itemData(i, 3) or "" for i in range(w.count())]       # tooltips
    elif isinstance(w, QAbstractSpinBox):
        found += [getattr(w, "prefix", lambda: "")(), getattr(w, "suffix", lambda: "")(),
                  w.specialValueText()]
    elif isinstance(w, QLineEdit):
        found.append(w.placeholderText())
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            found += [w.tabText(i), w.tabToolTip(i)]
    elif isinstance(w, QAbstractItemView) and w.model() is not None:
        found += _rows(w.model())
    elif isinstance(w, QTextEdit) and w.objectName() != "code_text":
        found.append(w.toPlainText())
    elif isinstance(w, QPlainTextEdit):
        found.append(w.placeholderText())
    if w.isWindow():
        found.append(w.windowTitle())
    return [t for t in found if isinstance(t, str) and t.strip()]


def _rows(model, parent=None, depth: int = 0) -> list[str]:
    """Display texts and tooltips of a model's rows (lists, trees, the undo history)."""
    from PySide6.QtCore import QModelIndex, Qt

    parent = parent or QModelIndex()
    found = []
    for r in range(min(model.rowCount(parent), 200)):
        index = model.index(r, 0, parent)
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.data(index, role)
            if isinstance(value, str):
                found.append(value)
        if depth < 3 and model.rowCount(index) > 0:
            found += _rows(model, index, depth + 1)
    return found


def _menu_texts(menu: QMenu, seen: set) -> list[tuple[str, str]]:
    if id(menu) in seen:
        return []
    seen.add(id(menu))
    found = [(f"menu {menu.title()!r}", menu.title())]
    for act in menu.actions():
        found += [(f"menu {menu.title()!r} action", t) for t in _action_texts(act)]
        if act.menu() is not None:
            found += _menu_texts(act.menu(), seen)
    return found


def _action_texts(act: QAction) -> list[str]:
    return [t for t in (act.text(), act.toolTip(), act.statusTip(), act.whatsThis()) if t]


def _plot_texts(plot: pg.PlotWidget) -> list[str]:
    item = plot.getPlotItem()
    found = [item.titleLabel.text or ""]
    for side in ("left", "bottom", "right", "top"):
        axis = item.getAxis(side)
        found.append(axis.labelText or "")
    legend = item.legend
    if legend is not None:
        found += [label.text for _, label in legend.items]
    for child in item.vb.allChildren():
        if isinstance(child, pg.TextItem):
            found.append(child.toPlainText())
    return [t for t in found if t and t.strip()]


def window_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``window`` shows or can show now."""
    found: list[tuple[str, str]] = [("window title", window.windowTitle())]
    seen: set = set()
    for act in window.menuBar().actions():
        if act.menu() is not None:
            found += _menu_texts(act.menu(), seen)
    for act in window.findChildren(QAction):
        found += [(f"action {act.objectName()!r}", t) for t in _action_texts(act)]
    for menu in window.findChildren(QMenu):
        found += _menu_texts(menu, seen)
    for w in window.findChildren(QWidget):
        where = f"{type(w).__name__} {w.objectName()!r}"
        found += [(where, t) for t in _widget_texts(w)]
        if isinstance(w, pg.PlotWidget):
            found += [(f"plot {where}", t) for t in _plot_texts(w)]
    scene = getattr(window, "scene", None)
    if scene is not None:
        for item in scene.nodes.values():
            found.append((f"node {item.name!r}", item.tooltip_text()))
            for port in item.childItems():
                if port.toolTip():
                    found.append((f"port of {item.name!r}", port.toolTip()))
        for group in getattr(scene, "groups", {}).values():
            found.append(("layer box", group.title))
    status = window.statusBar().currentMessage()
    if status:
        found.append(("status bar", status))
    return [(where, plain(t)) for where, t in found if plain(t)]


def translated_sources(ts_messages: list[dict]) -> dict[str, str]:
    """source -> translation of every translated entry whose translation is another text."""
    return {plain(m["source"]): m["translation"] for m in ts_messages
            if not m["unfinished"] and plain(m["source"]) != plain(m["translation"])
            and WORD.search(m["source"])}


def english_left(texts: list[tuple[str, str]], sources: dict[str, str],
                 names: set[str]) -> list[str]:
    """The texts of ``texts`` that break the rule of the Korean window (module docstring);
    ``names``: node and op names, which stay as they are."""
    problems = []
    for where, text in texts:
        if text in sources and text not in names:
            problems.append(f"{where}: untranslated {text!r} (translation: {sources[text]!r})")
            continue
        for line in text.splitlines():
            if PATH.fullmatch(line.strip()):
                continue                        # a file's name (the recent files): the user's
            words = [m.group() for m in WORD.finditer(line) if _english(m, line, names)]
            if words:
                problems.append(f"{where}: English {words} in {line!r}")
                break
    return sorted(set(problems))


def _english(match: re.Match, line: str, names: set[str]) -> bool:
    """Is the token ``match`` of ``line`` an English word left over?"""
    word = match.group()
    if word in KEPT or word in names or _identifier_like(word, names):
        return False
    if len(word) < 2 or (len(word) == 2 and word.lower() not in SHORT_WORDS):
        return False
    before, after = line[:match.start()], line[match.end():]
    # code: an attribute (.backward), a call (sigmoid(...)), an assignment (out = ...)
    return not (before.endswith(".") or after.startswith("(") or re.match(r"\s*=[^=]", after)
                or re.match(r"\.[A-Za-z_]", after))       # model.summary()


def _identifier_like(word: str, names: set[str]) -> bool:
    """``w1``, ``dx``-like tokens of formulas, ``∂f/∂x`` parts and names with a suffix."""
    if any(ch.isdigit() for ch in word) and len(word) <= 4:
        return True
    return any(word.startswith(n) and word[len(n):].lstrip("_.").isdigit() for n in names)
