"""The Train workspace: the training dock's parts around the canvas, and its run buttons in the
workspace's toolbar.

Laid out as TensorFlow Playground reads, at every size from 1280×720 on:

- the middle (at least half of the window): the network being trained, twice: on top the
  network diagram (Playground's middle column: every unit a map of what it computes over the
  plane, every weight an edge), under it the canvas with the model as its computational graph,
  its Dense layers collapsed (x → Dense → Dense → loss), the two split by a handle;
- the right column: the views on top (the decision boundary with the data first: Playground's
  output column; gradient flow, confusion matrix, histograms behind it) and below them the
  curves, with the data-and-model settings as a tab behind them (choose, then watch: Train
  brings the curves forward).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QSizePolicy, QToolBar

from ui.i18n import translate

TRAIN = "train"
NETWORK_SHARE = 0.62     # of the middle's height, for the network diagram (the rest: canvas)


def column_width(window_width: int) -> int:
    """The right column's width: 520 px up to a 1440-pixel window (made smaller, down to 1280,
    the middle still has half of it), then half of each pixel more, up to 760."""
    return int(min(520 + 0.5 * max(0, window_width - 1440), 760))


def add_docks(window, dock) -> QDockWidget:
    """Put ``dock``'s network diagram above the canvas and its views, curves and settings in
    ``window``'s Train workspace, its run buttons in the Train toolbar; returns the curves'
    dock (the one always worth seeing)."""
    split = window.center_split
    dock.network.setObjectName("train_network")
    split.insertWidget(0, dock.network)
    window.workspaces.add_widget(dock.network, (TRAIN,))
    views = window.add_panel(dock.tabs, translate("TrainWorkspace", "Views"), "right", (TRAIN,),
                             name="train_views")
    curves = window.add_panel(dock.run_panel, translate("TrainWorkspace", "Curves"), "right",
                              (TRAIN,), name="train_curves")
    settings = window.add_panel(dock.settings_panel,
                                translate("TrainWorkspace", "Data and model"), "right", (TRAIN,),
                                name="train_settings")
    dock.setParent(window)          # it keeps the logic; its parts live in the docks
    dock.hide()
    _buttons_to_toolbar(window.workspaces.toolbar(TRAIN), dock.controls,
                        dock.time_bar.compare)

    def arrange() -> None:
        window.tabifyDockWidget(curves, settings)
        settings.raise_()
        window.resizeDocks([views], [column_width(window.width())], Qt.Orientation.Horizontal)
        h = max(window.centralWidget().height(), 400)
        window.resizeDocks([views, curves], [int(h * 0.46), int(h * 0.54)],
                           Qt.Orientation.Vertical)
        top = int(split.height() * NETWORK_SHARE) if split.height() > 100 else 380
        split.setSizes([top, max(split.height() - top, 160)])

    def bring_curves(state: str) -> None:
        if state == "running" and not curves.isHidden():
            curves.raise_()

    window.workspaces.set_arranger(TRAIN, arrange)
    dock.state_changed.connect(bring_curves)
    presentation = getattr(window, "presentation", None)
    if presentation is not None:     # a run adds legend entries: they take the scale too
        dock.state_changed.connect(lambda _state: presentation.scale_plots())
    return curves


def _buttons_to_toolbar(toolbar: QToolBar, controls, compare) -> None:
    """Train, Compare…, Pause, Stop, Step, Reset and the speed first in the toolbar (before
    Layout and Fit)."""
    before = toolbar.actions()[0] if toolbar.actions() else None
    for button in (controls.train, compare, controls.pause, controls.stop, controls.step,
                   controls.reset):
        toolbar.insertWidget(before, button)
    toolbar.insertSeparator(before)
    # as wide as it needs, not the rest of the row (which would put its label far from it)
    controls.speed.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    toolbar.insertWidget(before, controls.speed)
    if before is not None:
        toolbar.insertSeparator(before)
