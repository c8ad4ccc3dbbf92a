"""The main window's QActions (name -> action), with their shortcuts and tips.

The names are the contract other parts rely on: new, open, save, save_as, undo, redo, forward,
backward, step_back, step_forward, play, first, last, layout, fit, export, check_numerically,
quiz, collapse_layers, expand_layers, whole_layers.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ui.i18n import QT_TRANSLATE_NOOP, translate

SPECS = [
    # name, text, shortcut, tip, checkable (the words are translated where the action is made)
    ("new", QT_TRANSLATE_NOOP("Actions", "New"), QKeySequence.StandardKey.New,
     QT_TRANSLATE_NOOP("Actions", "Start an empty graph"), False),
    ("open", QT_TRANSLATE_NOOP("Actions", "Open…"), QKeySequence.StandardKey.Open,
     QT_TRANSLATE_NOOP("Actions", "Open a graph file"), False),
    ("save", QT_TRANSLATE_NOOP("Actions", "Save"), QKeySequence.StandardKey.Save,
     QT_TRANSLATE_NOOP("Actions", "Save the graph"), False),
    ("save_as", QT_TRANSLATE_NOOP("Actions", "Save As…"), QKeySequence.StandardKey.SaveAs,
     QT_TRANSLATE_NOOP("Actions", "Save the graph under a new name"), False),
    ("undo", QT_TRANSLATE_NOOP("Actions", "Undo"), QKeySequence.StandardKey.Undo,
     QT_TRANSLATE_NOOP("Actions", "Undo the last edit"), False),
    ("redo", QT_TRANSLATE_NOOP("Actions", "Redo"), QKeySequence.StandardKey.Redo,
     QT_TRANSLATE_NOOP("Actions", "Redo"), False),
    ("forward", QT_TRANSLATE_NOOP("Actions", "▶ Forward"), "F5",
     QT_TRANSLATE_NOOP("Actions", "Run the whole forward pass (values)"), False),
    ("backward", QT_TRANSLATE_NOOP("Actions", "◀ Backward"), "F6",
     QT_TRANSLATE_NOOP("Actions", "Run the whole backward pass (gradients)"), False),
    ("step_back", QT_TRANSLATE_NOOP("Actions", "◀ Step"), "Left",
     QT_TRANSLATE_NOOP("Actions", "One step back (←)"), False),
    ("step_forward", QT_TRANSLATE_NOOP("Actions", "Step ▶"), "Right",
     QT_TRANSLATE_NOOP("Actions", "One step forward (→)"), False),
    ("play", QT_TRANSLATE_NOOP("Actions", "Play"), "Space",
     QT_TRANSLATE_NOOP("Actions", "Play / pause the steps (Space)"), True),
    ("first", "|◀", "Home", QT_TRANSLATE_NOOP("Actions", "Back to the start (Home)"), False),
    ("last", "▶|", "End", QT_TRANSLATE_NOOP("Actions", "To the last step (End)"), False),
    ("layout", QT_TRANSLATE_NOOP("Actions", "Layout"), "Ctrl+L",
     QT_TRANSLATE_NOOP("Actions", "Lay the graph out again, left to right"), False),
    ("fit", QT_TRANSLATE_NOOP("Actions", "Fit"), "Ctrl+0",
     QT_TRANSLATE_NOOP("Actions", "Fit the graph to the window"), False),
    ("export", QT_TRANSLATE_NOOP("Actions", "Export…"), "Ctrl+E",
     QT_TRANSLATE_NOOP("Actions", "Export the view as PNG or SVG"), False),
    ("check_numerically", QT_TRANSLATE_NOOP("Actions", "Check numerically"), "Ctrl+K",
     QT_TRANSLATE_NOOP("Actions", "Compare every gradient with central differences; "
                                  "mark nodes that disagree"), False),
    ("quiz", QT_TRANSLATE_NOOP("Actions", "Quiz"), "Ctrl+Shift+Q",
     QT_TRANSLATE_NOOP("Actions", "Quiz mode: predict each gradient, then reveal it"), True),
    ("collapse_layers", QT_TRANSLATE_NOOP("Actions", "Collapse layers"), "Ctrl+Shift+C",
     QT_TRANSLATE_NOOP("Actions", "Draw each Dense layer as one box "
                                  "(double-click a layer to open or close it)"), False),
    ("expand_layers", QT_TRANSLATE_NOOP("Actions", "Expand layers"), "Ctrl+Shift+E",
     QT_TRANSLATE_NOOP("Actions", "Show the nodes inside every Dense layer"), False),
    ("whole_layers", QT_TRANSLATE_NOOP("Actions", "Step layers whole"), "Ctrl+Shift+W",
     QT_TRANSLATE_NOOP("Actions", "Stepping treats a collapsed layer as one step "
                                  "(off: it steps through its nodes)"), True),
]


# keys an action answers on every desktop, besides those the platform binds: Qt's X11 themes
# bind Redo to Ctrl+Shift+Z alone, but a learner from Windows presses Ctrl+Y
EXTRA_KEYS = {"redo": ("Ctrl+Y", "Ctrl+Shift+Z")}


def shortcuts_for(name: str, standard: QKeySequence.StandardKey,
                  platform: list[QKeySequence] | None = None) -> list[QKeySequence]:
    """The shortcuts of action ``name``: every key the platform binds to ``standard`` (``platform``,
    by default ``QKeySequence.keyBindings(standard)``), then its :data:`EXTRA_KEYS`."""
    keys = list(QKeySequence.keyBindings(standard) if platform is None else platform)
    have = {k.toString() for k in keys}
    for extra in EXTRA_KEYS.get(name, ()):
        if extra not in have:
            keys.append(QKeySequence(extra))
            have.add(extra)
    return keys


def make_actions(parent) -> dict[str, QAction]:
    """One QAction per entry of ``SPECS``, its text and tip in the window's language."""
    actions: dict[str, QAction] = {}
    for name, text, shortcut, tip, checkable in SPECS:
        tip = translate("Actions", tip)
        act = QAction(translate("Actions", text), parent)
        act.setObjectName(f"action_{name}")
        if isinstance(shortcut, QKeySequence.StandardKey):
            act.setShortcuts(shortcuts_for(name, shortcut))
        else:
            act.setShortcut(QKeySequence(shortcut))
        act.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
        act.setStatusTip(tip)
        act.setCheckable(checkable)
        actions[name] = act
    return actions
