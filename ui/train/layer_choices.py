"""Choices of the MLP builder that go with each hidden layer or each Dense kernel: one
activation per hidden layer (Keras lets each ``Dense`` have its own), and the weight penalty
(Keras's ``kernel_regularizer``) with its rate."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from graphviz_nn.nn.activations import HIDDEN_ACTIVATIONS
from ui.i18n import QT_TRANSLATE_NOOP, translate

PER_ROW = 3
# shown name -> the regularizer's key (None: no penalty)
PENALTIES = {QT_TRANSLATE_NOOP("TrainingDock", "none"): None, "L1": "l1", "L2": "l2",
             "L1 + L2": "l1_l2"}


class LayerActivations(QWidget):
    """One activation combo box per hidden layer, numbered like the Dense layers; each follows
    the common choice (``set_all``) until the learner picks another for it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(2)
        self.combos: list[QComboBox] = []
        self._labels: list[QLabel] = []
        self._common = HIDDEN_ACTIVATIONS[0]
        self._own: set[int] = set()          # layers the learner set apart from the common one

    def set_layers(self, count: int) -> None:
        """Show ``count`` combo boxes (layers kept keep their choice)."""
        count = max(0, min(int(count), 64))
        while len(self.combos) > count:
            combo, label = self.combos.pop(), self._labels.pop()
            self._own.discard(len(self.combos))
            for w in (combo, label):
                self._grid.removeWidget(w)
                w.deleteLater()
        while len(self.combos) < count:
            i = len(self.combos)
            label = QLabel(f"{i + 1}")
            combo = QComboBox()
            combo.addItems(HIDDEN_ACTIVATIONS)
            combo.setCurrentText(self._common)
            combo.setToolTip(translate("TrainingDock", "Activation of hidden layer {k}").format(
                k=i + 1))
            combo.currentTextChanged.connect(lambda _t, i=i: self._on_pick(i))
            self._grid.addWidget(label, i // PER_ROW, 2 * (i % PER_ROW))
            self._grid.addWidget(combo, i // PER_ROW, 2 * (i % PER_ROW) + 1)
            self.combos.append(combo)
            self._labels.append(label)
        self.setVisible(count > 1)       # one hidden layer: the common choice says it all

    def set_all(self, name: str) -> None:
        """Every layer takes ``name`` (the learner chose it for all of them)."""
        self._common = name
        self._own.clear()
        for combo in self.combos:
            with QSignalBlocker(combo):
                combo.setCurrentText(name)
        self.changed.emit()

    def activations(self) -> list[str]:
        return [c.currentText() for c in self.combos]

    def _on_pick(self, i: int) -> None:
        self._own.add(i)
        self.changed.emit()


class PenaltyChoice(QWidget):
    """none / L1 / L2 / L1 + L2, and the rate (Keras's ``regularizers.l2(rate)``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for label in PENALTIES:     # shown translated ("none"), kept as the item's data
            self.kind.addItem(translate("TrainingDock", label) if label == "none" else label,
                              label)
        self.kind.setToolTip(translate(
            "TrainingDock", "A weight penalty on every Dense layer's kernel, added to the loss "
            "(Keras's kernel_regularizer): L1 = rate·Σ|w|, L2 = rate·Σw²"))
        self.rate = QDoubleSpinBox()
        self.rate.setDecimals(4)
        self.rate.setRange(0.0, 10.0)
        self.rate.setSingleStep(0.001)
        self.rate.setValue(0.001)
        self.rate.setToolTip(translate("TrainingDock", "Regularization rate"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind, 1)
        row.addWidget(self.rate, 1)
        self.kind.currentTextChanged.connect(self._on_change)
        self.rate.valueChanged.connect(self._on_change)
        self._on_change()

    def _on_change(self, *_args) -> None:
        self.rate.setEnabled(PENALTIES[self.kind.currentData()] is not None)
        self.changed.emit()

    def config(self) -> dict | None:
        """The kernel regularizer as a config (``{"l1": .., "l2": ..}``), or None."""
        key = PENALTIES[self.kind.currentData()]
        rate = float(self.rate.value())
        if key is None:
            return None
        return {"l1": rate if "l1" in key else 0.0, "l2": rate if key.endswith("l2") else 0.0}
