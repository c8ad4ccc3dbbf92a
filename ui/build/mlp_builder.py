""""Build MLP…": a dialog that generates a whole multi-layer perceptron graph in one step.

The graph is the training layer's (``Sequential(mlp_layers(...)).graph``), so what the learner
steps through is exactly what ``fit`` trains. ``x`` and ``y`` get a small random batch so the
forward and backward passes can be stepped through at once, and the nodes are laid out left
to right by layer (the controller's layered layout).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from graphviz_nn.nn import parse_layer_sizes
from graphviz_nn.nn.activations import HIDDEN_ACTIVATIONS
from ui import style
from ui.controller import layout_graph
from ui.engine_text import error_text
from ui.i18n import QT_TRANSLATE_NOOP, translate

LOSSES = {"sparse_categorical_crossentropy": QT_TRANSLATE_NOOP("MlpBuilder", "softmax cross-entropy"),
          "mse": QT_TRANSLATE_NOOP("MlpBuilder", "mean squared error")}


@dataclass
class MlpSpec:
    """What the dialog asks for."""

    inputs: int = 2
    hidden: list[int] = field(default_factory=lambda: [8])
    activation: str = "relu"
    classes: int = 3
    loss: str = "sparse_categorical_crossentropy"
    batch: int = 4
    seed: int = 0


parse_hidden = parse_layer_sizes


def _sample_batch(spec: MlpSpec) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(spec.seed)
    x = rng.normal(size=(spec.batch, spec.inputs))
    y = rng.integers(0, spec.classes, size=spec.batch)
    return x, y


def _targets(spec: MlpSpec, y: np.ndarray) -> np.ndarray:
    return np.eye(spec.classes)[y] if spec.loss == "mse" else y


def build_mlp(spec: MlpSpec):
    """(graph, output name) for ``spec``: the graph of ``Sequential(mlp_layers(...))``, in
    float64, on a sample batch, laid out by layer."""
    from graphviz_nn.nn import Sequential, mlp_layers

    layers = mlp_layers(spec.inputs, spec.hidden, spec.classes, activation=spec.activation)
    model = Sequential(layers, seed=spec.seed)
    model.compile(optimizer="adam", loss=spec.loss, metrics=["accuracy"])
    g = model.graph.copy(dtype="float64")  # float64: the numbers a learner checks by hand
    xv, yv = _sample_batch(spec)
    g.set_value(g["x"], xv)
    g.set_value(g["y"], _targets(spec, yv))
    layout_graph(g)                        # the layered layout of every other graph
    return g, "loss"


class MlpBuilderDialog(QDialog):
    """Input size, hidden sizes, activation, classes, loss; ``spec()`` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MlpBuilder", "Build MLP"))
        self.inputs = QSpinBox(minimum=1, maximum=4096, value=2)
        self.hidden = QLineEdit("8")
        self.hidden.setPlaceholderText(translate("MlpBuilder", "e.g. 16, 8  (empty: no hidden "
                                                 "layer)"))
        self.activation = QComboBox()
        self.activation.addItems(HIDDEN_ACTIVATIONS)
        self.classes = QSpinBox(minimum=2, maximum=1000, value=3)
        self.loss = QComboBox()
        for code, label in LOSSES.items():
            self.loss.addItem(translate("MlpBuilder", label), code)
        self.batch = QSpinBox(minimum=1, maximum=256, value=4)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {style.ERROR_COLOR}")
        form = QFormLayout(self)
        form.addRow(translate("MlpBuilder", "Input size"), self.inputs)
        form.addRow(translate("MlpBuilder", "Hidden sizes"), self.hidden)
        form.addRow(translate("MlpBuilder", "Activation"), self.activation)
        form.addRow(translate("MlpBuilder", "Classes"), self.classes)
        form.addRow(translate("MlpBuilder", "Loss"), self.loss)
        form.addRow(translate("MlpBuilder", "Sample batch"), self.batch)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def spec(self) -> MlpSpec:
        """The choices as an MlpSpec (ValueError with a reason for bad hidden sizes)."""
        return MlpSpec(inputs=self.inputs.value(), hidden=parse_hidden(self.hidden.text()),
                       activation=self.activation.currentText(), classes=self.classes.value(),
                       loss=self.loss.currentData(), batch=self.batch.value())

    def accept(self) -> None:
        try:
            self.spec()
        except ValueError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


def apply_mlp(controller, spec: MlpSpec) -> str:
    """Replace the controller's graph with the MLP as one undo step; return the output name."""
    from ui.build.commands import GraphReplaceCmd

    graph, out = build_mlp(spec)
    sizes = "-".join(str(n) for n in [spec.inputs, *spec.hidden, spec.classes])
    controller.undo_stack.push(GraphReplaceCmd(
        controller, graph, translate("History", "Build MLP {sizes}").format(sizes=sizes), out))
    return out


def run_dialog(window) -> bool:
    """Show the dialog over ``window`` and build the MLP if accepted."""
    dlg = MlpBuilderDialog(window)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return False
    apply_mlp(window.controller, dlg.spec())
    return True
