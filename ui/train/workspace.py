"""The Train workspace: the training dock's parts as docks of their own around the canvas (the
network being trained), and its run buttons in the workspace's toolbar.

Default arrangement, one column right of the canvas so the network keeps more than half of
a 1280×720 window. On top the network diagram (Playground's middle column: every unit as a map,
the output units' maps being the decision boundary) and, as tabs beside it, the views (decision
boundary with the data, gradient flow, confusion matrix); below, the data-and-model settings
and the curves as two tabs. (Stacked apart, the three would leave a 1280×720 window's diagram
180 px: too little for 16 units a layer.) Settings and curves are rarely needed at
the same moment (choose, then watch), so Train brings the curves forward.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QSizePolicy, QToolBar

from ui.i18n import translate

TRAIN = "train"


def column_width(window_width: int) -> int:
    """The right column's width: 500 px up to a 1440-pixel window (made smaller, down to 1280,
    the canvas still has half of it), then half of each pixel more, up to 760."""
    return int(min(500 + 0.5 * max(0, window_width - 1440), 760))


def add_docks(window, dock) -> QDockWidget:
    """Dock ``dock``'s settings, curves and views in ``window``'s Train workspace and put its
    run buttons in the Train toolbar; returns the curves' dock (the one always worth seeing)."""
    network = window.add_panel(dock.network, translate("TrainWorkspace", "Network"), "right",
                               (TRAIN,), name="train_network")
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
        window.tabifyDockWidget(network, views)
        network.raise_()
        window.tabifyDockWidget(curves, settings)
        settings.raise_()
        window.resizeDocks([views], [column_width(window.width())], Qt.Orientation.Horizontal)
        h = max(window.centralWidget().height(), 400)
        window.resizeDocks([network, curves], [int(h * 0.52), int(h * 0.48)],
                           Qt.Orientation.Vertical)

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
