"""The network diagram in the training dock: which network it draws, its picture before any
training, and what clicking a unit selects on the canvas.

Clicking a unit selects, on the canvas, the nodes of the tensors that unit is part of: for a
hidden or output unit its layer's nodes (the weight W{k} whose column it is, the bias b{k}
whose element it is, the matmul, the sum z{k} and the activation; or the layer's box when the
layer is collapsed), for an input the input node x. The graph has one node per tensor, so the
unit itself is named in the status bar (column, element).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer

from ui.i18n import translate
from ui.train.boundary import class_colors
from ui.train.controls import IDLE
from ui.train.network_view import NetSpec

PREVIEW_DELAY_MS = 200     # after the last keystroke in the settings, the diagram follows


def spec_for(model, bounds, features, classes: int) -> NetSpec | None:
    """What the diagram draws for ``model`` (a ``Sequential``; None for a graph from the canvas,
    which has no layers to draw) on data over ``bounds`` (None: not 2-D data, no maps)."""
    dense = getattr(model, "dense_layers", None)
    if not dense or getattr(model, "input_dim", None) is None:
        return None
    sizes = [int(model.input_dim)] + [int(lay.units) for lay in dense]
    features = list(features) if features else ["x1", "x2"]
    if bounds is not None and len(features) != sizes[0]:
        bounds = None                   # the inputs are not features of the plane
    colors = None if getattr(model, "loss", None) == "mse" else class_colors(max(classes, 2))
    return NetSpec(sizes=sizes, activations=[lay.activation.name for lay in dense],
                   bounds=bounds, features=features, class_colors=colors)


def canvas_graph_note() -> str:
    """What the diagram says in its place while the canvas's own graph trains."""
    return translate("NetworkView", "The graph on the canvas is what trains now. It is not "
                     "made of Dense layers the diagram can draw: the canvas below shows its "
                     "values and gradients. The diagram draws the models of the MLP builder "
                     "and opened .keras models (Data and model > model).")


def image_set_note() -> str:
    """What the diagram says before an image data set has loaded."""
    return translate("NetworkView", "The network of an image data set is drawn once its data "
                     "has loaded: press Train.")


def data_features(data) -> list[str] | None:
    """The input features a data set's columns are (None: the plane's x1, x2)."""
    return getattr(data, "features", None)


class NetworkPreview:
    """Before a run, the diagram shows the model the settings describe, with its first weights
    (as Playground does): it follows the data set and the hidden layers as they change."""

    def __init__(self, dock) -> None:
        self.dock = dock
        self._timer = QTimer(dock)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.show)
        m = dock.model_form
        for signal in (dock.data_form.changed, dock.data_form.loaded, m.hidden.textChanged,
                       m.activation.currentTextChanged, m.seed.valueChanged,
                       m.source.currentIndexChanged, m.layer_activations.changed):
            signal.connect(self.schedule)

    def schedule(self, *_args) -> None:
        self._timer.start()

    def show(self) -> None:
        """Draw the settings' model, if nothing trains and the settings make one."""
        d = self.dock
        if d.state != IDLE or d.model is not None and d.last_step >= 0:
            return                       # a trained model stays until the next Train
        if not d.data_form.is_plane():
            d.network.set_model(None, image_set_note())   # it loads (or downloads) on Train
            return
        try:
            settings = d.model_form.settings()
            data = d.data_form.current() if not d.data_form.is_loading() else None
        except Exception:  # noqa: BLE001 - the preview is best effort; Train reports errors
            return
        if data is None or settings.source != "builder":
            d.network.set_model(None, canvas_graph_note() if settings.source == "canvas"
                                else "")
            return
        from ui.train.model_form import build_model
        model = build_model(settings, data.x.shape[1], data.classes)
        d.network.set_model(spec_for(model, d.boundary.bounds, data_features(data),
                                     data.classes))
        d.network.show_weights(model.get_weights())


def select_unit(window, dock, layer: int, unit: int) -> None:
    """Select on ``window``'s canvas the nodes of ``unit`` of ``layer`` (0: the inputs) of the
    model the dock trains, and say which part of them is the unit."""
    model, c = dock.model, getattr(window, "controller", None)
    graph = getattr(model, "graph", None)
    if c is None or graph is None or c.graph is not graph:
        window.status(translate("NetworkView", "The model is not on the canvas: tick 'show the "
                                "model on the canvas' and train to see its nodes there"))
        return
    if layer == 0:
        ids = [graph["x"].id] if "x" in graph else []
        what = translate("NetworkView", "input {k}: column {i} of x").format(k=unit + 1, i=unit)
    else:
        tag = graph.layer_tags.get(f"dense_{layer}")
        ids = list(tag.node_ids) if tag is not None else []
        what = translate("NetworkView", "layer {k}, unit {u}: column {i} of W{k}, element {i} "
                         "of b{k} and of z{k}").format(k=layer, u=unit + 1, i=unit)
    scene = window.scene
    scene.clearSelection()
    for node_id in ids:
        item = _item_for(scene, node_id)
        if item is not None:
            item.setSelected(True)
    if ids:
        item = _item_for(scene, ids[-1])
        if item is not None:
            window.canvas.ensureVisible(item)
    window.status(what)


def _item_for(scene, node_id: int):
    """The canvas item that shows ``node_id``: its node, or its layer's box when collapsed."""
    group = getattr(scene, "_group_of", {}).get(node_id)
    if group is not None and group in getattr(scene, "collapsed", ()):
        return scene.groups[group]
    return scene.node_item(node_id)


def still_grads(dock) -> list[np.ndarray] | None:
    """The gradients to show with the model's weights now: the newest the trainer sent."""
    return getattr(dock, "last_grads", None)
