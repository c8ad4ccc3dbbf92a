"""The 2-D data sets' own controls, as TensorFlow Playground has them: which input features
the model takes (x1, x2, x1², x2², x1·x2, sin(x1), sin(x2)), "show test data", "discretize
output", and Regenerate (the same problem drawn again with a new seed)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from graphviz_nn.datasets import FEATURES
from ui.i18n import translate

# the engine's feature names and how they read (formulas: not translated)
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁·x₂",
                  "sin(x1)": "sin(x₁)", "sin(x2)": "sin(x₂)"}
DEFAULT_FEATURES = ("x1", "x2")
PER_ROW = 4


class PlaneControls(QWidget):
    """Feature toggles, the two view options and Regenerate.

    ``features_changed`` fires when the chosen features change (the model's input width with
    them); ``view_changed`` when "show test data" or "discretize output" is toggled;
    ``regenerate`` when the learner asks for new points; ``refused(text)`` when a click was
    not taken (the last feature cannot be unticked)."""

    features_changed = Signal()
    view_changed = Signal()
    regenerate = Signal()
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        for i, name in enumerate(FEATURES):
            box = QCheckBox(FEATURE_LABELS.get(name, name))
            box.setChecked(name in DEFAULT_FEATURES)
            box.setToolTip(translate("TrainingDock", "Give the model the input feature {f} "
                                     "(a column computed from each point's x₁, x₂)").format(
                f=FEATURE_LABELS.get(name, name)))
            box.toggled.connect(lambda on, name=name: self._on_toggle(name, on))
            grid.addWidget(box, i // PER_ROW, i % PER_ROW, Qt.AlignmentFlag.AlignLeft)
            self.boxes[name] = box
        self.show_test = QCheckBox(translate("TrainingDock", "show test data"))
        self.show_test.setToolTip(translate(
            "TrainingDock", "Also draw the validation (test) points, with a dark outline; the "
            "model never trains on them"))
        self.discretize = QCheckBox(translate("TrainingDock", "discretize output"))
        self.discretize.setToolTip(translate(
            "TrainingDock", "Draw the model's output in two colours (the class it predicts, or "
            "the sign for regression) instead of a gradient"))
        self.regen = QPushButton(translate("TrainingDock", "Regenerate"))
        self.regen.setToolTip(translate("TrainingDock", "Draw the points of this problem again "
                                        "with a new seed (painted points go)"))
        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self.show_test)
        options.addWidget(self.discretize)
        options.addStretch(1)
        options.addWidget(self.regen)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(4)
        col.addLayout(grid)
        col.addLayout(options)
        self.show_test.toggled.connect(self.view_changed)
        self.discretize.toggled.connect(self.view_changed)
        self.regen.clicked.connect(self.regenerate)

    def features(self) -> list[str]:
        """The chosen input features, in ``FEATURES`` order (the model's input columns)."""
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def set_features(self, names) -> None:
        """Tick exactly ``names`` (at least one), as if clicked; one ``features_changed``."""
        names = set(names)
        if not names:
            raise ValueError("choose at least one input feature")
        for name, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(name in names)
        self.features_changed.emit()

    def _on_toggle(self, name: str, on: bool) -> None:
        if not on and not self.features():
            box = self.boxes[name]
            with QSignalBlocker(box):
                box.setChecked(True)
            self.refused.emit(translate("TrainingDock", "The model needs at least one input "
                                        "feature: tick another before unticking {f}.").format(
                f=FEATURE_LABELS.get(name, name)))
            return
        self.features_changed.emit()
