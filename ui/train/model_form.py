"""The model and optimizer part of the training dock (the MLP builder's choices)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from graphviz_nn.nn import parse_layer_sizes
from graphviz_nn.nn.activations import HIDDEN_ACTIVATIONS
from ui.engine_text import error_text
from ui.i18n import translate
from ui.train.layer_choices import LayerActivations, PenaltyChoice

OPTIMIZERS = {"Adam": "adam", "SGD": "sgd", "SGD + momentum": "sgd_momentum",
              "RMSprop": "rmsprop", "Adagrad": "adagrad"}
DEFAULT_LR = {"adam": 0.01, "sgd": 0.1, "sgd_momentum": 0.05, "rmsprop": 0.005, "adagrad": 0.1}


@dataclass
class TrainSettings:
    """Everything the dock needs to build, compile and fit a model."""

    hidden: list[int]
    activation: str
    dropout: float
    optimizer: str           # key of DEFAULT_LR
    learning_rate: float
    batch_size: int
    epochs: int
    validation_split: float
    seed: int
    show_on_canvas: bool
    source: str = "builder"  # "builder": the MLP below; "canvas": the graph on the canvas;
    opened: object = None    # "opened": this Sequential (a model opened from a .keras file)
    activations: list[str] | None = None   # one per hidden layer (None: ``activation``)
    penalty: dict | None = None            # every Dense kernel's regularizer ({"l1", "l2"})

    def hidden_activations(self) -> list[str]:
        """The activation of each hidden layer."""
        acts = self.activations
        if acts is not None and len(acts) == len(self.hidden):
            return list(acts)
        return [self.activation] * len(self.hidden)

    def layer_activations(self, regression: bool = False) -> list[str]:
        """One activation per Dense layer, the output layer's (softmax, or linear for a
        regression) included."""
        if self.opened is not None:
            return [lay.activation.name for lay in self.opened.dense_layers]
        return self.hidden_activations() + ["linear" if regression else "softmax"]

    def penalty_text(self) -> str:
        """The penalty as the loss curves name it ("" for none): "L2 0.001"."""
        if not self.penalty or self.source != "builder":
            return ""
        from graphviz_nn.nn.regularizers import Regularizer
        return Regularizer(**self.penalty).name


def parse_hidden(text: str) -> list[int]:
    """``"64, 64"`` -> ``[64, 64]``; empty -> ``[]`` (a linear softmax classifier)."""
    try:
        sizes = parse_layer_sizes(text)
    except ValueError as exc:
        raise ValueError(translate("ModelForm", "hidden layers: {why}").format(
            why=error_text(exc))) from None
    if len(sizes) > 12:
        raise ValueError(translate("ModelForm", "hidden layers: at most 12"))
    return sizes


def make_optimizer(name: str, lr: float):
    """An optimizer instance of ``graphviz_nn.optim``: ``optim.get(name, lr)``, and
    "sgd_momentum" for SGD with momentum 0.9."""
    from graphviz_nn import optim
    if name == "sgd_momentum":
        return optim.SGD(learning_rate=lr, momentum=0.9)
    return optim.get(name, lr)


def mlp_layers_for(settings: TrainSettings, classes: int, input_dim: int | None = None):
    """The builder's layers: hidden Dense (+ Dropout) layers, each with its own activation,
    and a softmax output of ``max(classes, 2)`` units; ``classes`` 0 (a regression set): one
    linear output unit. Every Dense kernel gets the settings' penalty. With ``input_dim`` the
    first layer takes that input shape (the weights are made when a model is built)."""
    from graphviz_nn.nn import Dense, Dropout
    penalty = settings.penalty or None
    first = {"input_shape": (input_dim,)} if input_dim is not None else {}
    layers = []
    for units, act in zip(settings.hidden, settings.hidden_activations(), strict=True):
        layers.append(Dense(units, activation=act, kernel_regularizer=penalty,
                            **(first if not layers else {})))
        if settings.dropout > 0:
            layers.append(Dropout(settings.dropout))
    regression = classes <= 0
    layers.append(Dense(1 if regression else max(classes, 2),
                        activation="linear" if regression else "softmax",
                        kernel_regularizer=penalty, **(first if not layers else {})))
    return layers


def summary_for(settings: TrainSettings, input_dim: int, classes: int) -> str:
    """Keras's table of the model ``build_model`` would make, without making its weights."""
    from graphviz_nn.nn import Sequential
    from graphviz_nn.nn.graph_build import summary_text
    model = Sequential(mlp_layers_for(settings, classes))       # names the layers
    dim = input_dim
    for lay in model.layers:
        lay.input_dim = dim
        dim = lay.output_dim(dim)
    return summary_text(model.name, model.layers, input_dim)


def build_model(settings: TrainSettings, input_dim: int, classes: int):
    """A compiled ``Sequential`` of ``mlp_layers_for``: trained with cross-entropy, or with
    MSE when ``classes`` is 0 (a regression set)."""
    from graphviz_nn.nn import Sequential
    model = Sequential(mlp_layers_for(settings, classes, input_dim), seed=settings.seed)
    optimizer = make_optimizer(settings.optimizer, settings.learning_rate)
    if classes <= 0:
        model.compile(optimizer=optimizer, loss="mse")
    else:
        model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
    return model


def make_model(settings: TrainSettings, input_dim: int, classes: int, data_name: str = "",
               controller=None):
    """The model to train: the MLP of the builder, the opened model, or the graph on the
    controller's canvas."""
    if settings.source == "opened":
        return use_opened_model(settings, input_dim, classes, data_name)
    if settings.source != "canvas":
        return build_model(settings, input_dim, classes)
    from ui.train.graph_model import GraphModel
    if controller is None:
        raise ValueError(translate("ModelForm", "there is no canvas here to train from"))
    model = GraphModel(controller.graph, controller.output,
                       make_optimizer(settings.optimizer, settings.learning_rate))
    if model.input_dim is not None and model.input_dim != input_dim:
        raise ValueError(translate("ModelForm", "the graph's input x takes {n} features per "
                                   "sample; the {data} data have {m}").format(
            n=model.input_dim, data=data_name or translate("ModelForm", "chosen"), m=input_dim))
    return model


def use_opened_model(settings: TrainSettings, input_dim: int, classes: int, data_name: str):
    """The opened model, to be trained from the weights it has now with the form's optimizer;
    ValueError when the data do not fit it."""
    from ui.i18n import translate

    model = settings.opened
    data = data_name or translate("ModelForm", "chosen")
    if model.input_dim != input_dim:
        raise ValueError(translate("ModelForm", "the opened model takes {n} inputs; the {data} "
                                   "data have {m} features").format(n=model.input_dim,
                                                                    data=data, m=input_dim))
    units = model.dense_layers[-1].units
    if classes <= 0:            # a regression set: one number per sample
        if model.loss != "mse" or units != 1:
            raise ValueError(translate("ModelForm", "the {data} data are a regression (one "
                                       "number per sample): they need a model with one output "
                                       "and MSE loss").format(data=data))
        model.optimizer = make_optimizer(settings.optimizer, settings.learning_rate)
        return model
    if model.loss == "sparse_categorical_crossentropy" and classes > units:
        raise ValueError(translate("ModelForm", "the opened model has {units} outputs; the "
                                   "{data} data have {classes} classes").format(
                                       units=units, data=data, classes=classes))
    if model.loss != "sparse_categorical_crossentropy":
        raise ValueError(translate("ModelForm", "the opened model's loss is {loss}; the "
                                   "training dock trains classifiers (softmax cross-entropy)")
                         .format(loss=model.loss))
    model.optimizer = make_optimizer(settings.optimizer, settings.learning_rate)
    return model


class ModelForm(QWidget):
    """Hidden layers, activation, dropout, optimizer, learning rate, batch, epochs, split."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = QComboBox()
        self.source.addItems([translate("ModelForm", "MLP builder"),
                              translate("ModelForm", "graph on the canvas")])
        self.opened = None       # a model opened from a .keras file (set_opened_model)
        self.source.setToolTip(translate("ModelForm", "Train an MLP built from the choices "
                                         "below, or the graph on the canvas (it needs an input "
                                         "x, a loss and param nodes)"))
        self.hidden = QLineEdit("16,16")
        self.hidden.setToolTip(translate("ModelForm", "Sizes of the hidden layers, e.g. 64,64 "
                                         "(empty: no hidden layer)"))
        self.activation = QComboBox()
        self.activation.addItems(HIDDEN_ACTIVATIONS)
        self.activation.setToolTip(translate("ModelForm", "Activation of the hidden layers (the "
                                             "output is softmax)"))
        self.layer_activations = LayerActivations()
        self.penalty = PenaltyChoice()
        self.dropout = QDoubleSpinBox()
        self.dropout.setRange(0.0, 0.9)
        self.dropout.setSingleStep(0.1)
        self.dropout.setToolTip(translate("ModelForm", "Dropout after each hidden layer "
                                          "(0 = none)"))
        self.optimizer = QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(5)
        self.lr.setRange(1e-5, 1e6)
        self.lr.setSingleStep(0.001)
        self.lr.setValue(DEFAULT_LR["adam"])
        self.lr.setToolTip(translate("ModelForm", "Learning rate (too large and the loss "
                                     "explodes to NaN)"))
        # switching the optimizer never changes the learning rate the learner set; this
        # offers the new optimizer's usual one instead, in plain sight
        self.usual_lr = QPushButton()
        self.usual_lr.setFlat(True)
        self.usual_lr.setCursor(Qt.CursorShape.PointingHandCursor)
        self.usual_lr.setStyleSheet("QPushButton { color: #1f54a8; text-decoration: underline;"
                                    " padding: 0 2px; }")
        lr_row = QHBoxLayout()
        lr_row.setContentsMargins(0, 0, 0, 0)
        lr_row.addWidget(self.lr, 1)
        lr_row.addWidget(self.usual_lr)
        self.batch = QSpinBox()
        self.batch.setRange(1, 65536)
        self.batch.setValue(32)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(100)
        self.val_split = QDoubleSpinBox()
        self.val_split.setRange(0.0, 0.9)
        self.val_split.setSingleStep(0.05)
        self.val_split.setValue(0.2)
        self.val_split.setToolTip(translate("ModelForm", "Share of the data held out to "
                                            "measure overfitting"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(translate("ModelForm", "Same seed, same initial weights and "
                                       "shuffling"))
        self.show_on_canvas = QCheckBox(translate("ModelForm", "show the model on the canvas"))
        self.show_on_canvas.setChecked(True)
        self.show_on_canvas.setToolTip(translate("ModelForm", "Load the model's graph into the "
                                                 "canvas when training starts; its values and "
                                                 "weights refresh as it learns"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("ModelForm", "model"), self.source)
        form.addRow(translate("ModelForm", "hidden layers"), self.hidden)
        form.addRow(translate("ModelForm", "activation"), self.activation)
        form.addRow(translate("TrainingDock", "per layer"), self.layer_activations)
        form.addRow(translate("TrainingDock", "regularization"), self.penalty)
        form.addRow(translate("ModelForm", "dropout"), self.dropout)
        form.addRow(translate("ModelForm", "optimizer"), self.optimizer)
        form.addRow(translate("ModelForm", "learning rate"), lr_row)
        form.addRow(translate("ModelForm", "batch size"), self.batch)
        form.addRow(translate("ModelForm", "epochs"), self.epochs)
        form.addRow(translate("ModelForm", "validation"), self.val_split)
        form.addRow(translate("ModelForm", "seed"), self.seed)
        form.addRow(self.show_on_canvas)
        self.optimizer.currentTextChanged.connect(self._show_usual_lr)
        self.lr.valueChanged.connect(self._show_usual_lr)
        self.usual_lr.clicked.connect(self._use_usual_lr)
        self._show_usual_lr()
        self.source.currentIndexChanged.connect(self._on_source_change)
        self.activation.currentTextChanged.connect(self.layer_activations.set_all)
        self.hidden.textChanged.connect(self._on_hidden_change)
        self._on_hidden_change()

    def _on_hidden_change(self, *_args) -> None:
        """One activation choice per hidden layer typed (the row shows from two on)."""
        try:
            count = len(parse_hidden(self.hidden.text()))
        except ValueError:
            return                       # half typed: Train says what is wrong
        self.layer_activations.set_layers(count)
        label = self.layout().labelForField(self.layer_activations)
        if label is not None:
            label.setVisible(count > 1)

    def set_opened_model(self, model, name: str) -> None:
        """Offer ``model`` (opened from the file ``name``) as the model to train, chosen now,
        with its own optimizer and learning rate where the form has them."""
        from ui.i18n import translate

        self.opened = model
        text = translate("ModelForm", "opened model: {name}").format(name=name)
        if self.source.count() > 2:
            self.source.setItemText(2, text)
        else:
            self.source.addItem(text)
        self.source.setCurrentIndex(2)
        opt = model.optimizer
        key = {"Adam": "adam", "RMSprop": "rmsprop", "Adagrad": "adagrad"}.get(
            type(opt).__name__, "sgd_momentum" if getattr(opt, "momentum", 0) else "sgd")
        label = next(t for t, k in OPTIMIZERS.items() if k == key)
        self.optimizer.setCurrentText(label)          # sets the default rate of that optimizer
        self.lr.setValue(opt.learning_rate)

    def _on_source_change(self, index: int) -> None:
        builder = index == 0
        for w in (self.hidden, self.activation, self.dropout, self.layer_activations,
                  self.penalty):
            w.setEnabled(builder)
        self.show_on_canvas.setEnabled(index != 1)

    def usual_learning_rate(self) -> float:
        """The chosen optimizer's usual learning rate (a good start for the 2-D problems)."""
        return DEFAULT_LR[OPTIMIZERS[self.optimizer.currentText()]]

    def _show_usual_lr(self, *_args) -> None:
        usual = self.usual_learning_rate()
        self.usual_lr.setText(translate("TrainingDock", "usual: {lr}").format(lr=f"{usual:g}"))
        self.usual_lr.setToolTip(translate(
            "TrainingDock", "Set the learning rate to {optimizer}'s usual {lr}").format(
            optimizer=self.optimizer.currentText(), lr=f"{usual:g}"))
        self.usual_lr.setVisible(not math.isclose(self.lr.value(), usual, rel_tol=1e-9))

    def _use_usual_lr(self) -> None:
        self.lr.setValue(self.usual_learning_rate())

    def settings(self) -> TrainSettings:
        """The current choices; ValueError with a readable message when one is invalid."""
        return TrainSettings(
            hidden=parse_hidden(self.hidden.text()), activation=self.activation.currentText(),
            dropout=float(self.dropout.value()), optimizer=OPTIMIZERS[self.optimizer.currentText()],
            learning_rate=float(self.lr.value()), batch_size=int(self.batch.value()),
            epochs=int(self.epochs.value()), validation_split=float(self.val_split.value()),
            seed=int(self.seed.value()), show_on_canvas=self.show_on_canvas.isChecked(),
            source=("builder", "canvas", "opened")[self.source.currentIndex()],
            opened=self.opened if self.source.currentIndex() == 2 else None,
            activations=self.layer_activations.activations() or None,
            penalty=self.penalty.config())
