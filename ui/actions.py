"""The main window's QActions (name -> action), with their shortcuts and tips.

The names are the contract other parts rely on: new, open, save, save_as, undo, redo, forward,
backward, step_back, step_forward, play, first, last, layout, fit, export, check_numerically,
quiz, collapse_layers, expand_layers, whole_layers.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

SPECS = [
    # name, text, shortcut, tip, checkable
    ("new", "New", QKeySequence.StandardKey.New, "Start an empty graph", False),
    ("open", "Open…", QKeySequence.StandardKey.Open, "Open a graph file", False),
    ("save", "Save", QKeySequence.StandardKey.Save, "Save the graph", False),
    ("save_as", "Save As…", QKeySequence.StandardKey.SaveAs, "Save the graph under a new name", False),
    ("undo", "Undo", QKeySequence.StandardKey.Undo, "Undo the last edit", False),
    ("redo", "Redo", QKeySequence.StandardKey.Redo, "Redo", False),
    ("forward", "▶ Forward", "F5", "Run the whole forward pass (values)", False),
    ("backward", "◀ Backward", "F6", "Run the whole backward pass (gradients)", False),
    ("step_back", "◀ Step", "Left", "One step back (←)", False),
    ("step_forward", "Step ▶", "Right", "One step forward (→)", False),
    ("play", "Play", "Space", "Play / pause the steps (Space)", True),
    ("first", "|◀", "Home", "Back to the start (Home)", False),
    ("last", "▶|", "End", "To the last step (End)", False),
    ("layout", "Layout", "Ctrl+L", "Lay the graph out again, left to right", False),
    ("fit", "Fit", "Ctrl+0", "Fit the graph to the window", False),
    ("export", "Export…", "Ctrl+E", "Export the view as PNG or SVG", False),
    ("check_numerically", "Check numerically", "Ctrl+K",
     "Compare every gradient with central differences; mark nodes that disagree", False),
    ("quiz", "Quiz", "Ctrl+Shift+Q", "Quiz mode: predict each gradient, then reveal it", True),
    ("collapse_layers", "Collapse layers", "Ctrl+Shift+C",
     "Draw each Dense layer as one box (double-click a layer to open or close it)", False),
    ("expand_layers", "Expand layers", "Ctrl+Shift+E",
     "Show the nodes inside every Dense layer", False),
    ("whole_layers", "Step layers whole", "Ctrl+Shift+W",
     "Stepping treats a collapsed layer as one step (off: it steps through its nodes)", True),
]


def make_actions(parent) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for name, text, shortcut, tip, checkable in SPECS:
        act = QAction(text, parent)
        act.setObjectName(f"action_{name}")
        act.setShortcut(QKeySequence(shortcut))
        act.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
        act.setStatusTip(tip)
        act.setCheckable(checkable)
        actions[name] = act
    return actions
