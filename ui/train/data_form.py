"""The data set part of the training dock: which data, how noisy, how many, from where.

The 2-D problems, digits and CSV files load in a blink on the GUI thread. MNIST and
Fashion-MNIST may need a download, so they load on a background thread that reports its progress
into a variable the GUI polls; nothing on that thread touches a widget.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from graphviz_nn.datasets import PLAYGROUND
from ui.i18n import app_settings, translate

IMAGES = {"MNIST": "mnist", "Fashion-MNIST": "fashion_mnist"}
SETTINGS_GROUP = "datasets"     # QSettings: datasets/<name>_folder, the learner's folder


def remembered_folder(kind: str) -> str:
    """The folder the learner chose for an image data set ("" if none, or not a folder)."""
    if kind not in IMAGES:
        return ""
    folder = app_settings().value(f"{SETTINGS_GROUP}/{IMAGES[kind]}_folder", "")
    return folder if isinstance(folder, str) and folder and Path(folder).is_dir() else ""


FASHION_NAMES = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                 "Sneaker", "Bag", "Boot"]


@dataclass
class DataSet:
    """Features ``x`` (n, d) float32 and integer labels ``y`` (n,), ready for a Dense network."""

    name: str
    x: np.ndarray
    y: np.ndarray
    class_names: list[str]

    @property
    def classes(self) -> int:
        return len(self.class_names)

    @property
    def is_2d(self) -> bool:
        return self.x.ndim == 2 and self.x.shape[1] == 2


def split_data(data: DataSet, fraction: float, seed: int):
    """Shuffle with ``seed``, then hold out ``fraction`` as the validation set."""
    order = np.random.default_rng(seed).permutation(len(data.x))
    n_val = int(round(fraction * len(order)))
    if fraction > 0 and n_val == 0:
        n_val = 1
    if n_val >= len(order):
        raise ValueError("the validation split leaves no training data")
    tr, va = order[n_val:], order[:n_val]
    return data.x[tr], data.y[tr], data.x[va], data.y[va]


def fit_kwargs(xt, yt, xv, yv, epochs: int, batch_size: int) -> dict:
    """The arguments of ``model.fit`` for a run of the dock (the selftest's headless baseline
    uses the same, so the two measure the same training)."""
    kw = {"x": xt, "y": yt, "epochs": epochs, "batch_size": batch_size, "shuffle": True,
          "verbose": 0}
    if xv is not None and len(xv):
        kw["validation_data"] = (xv, yv)
    return kw


def _prepare(name: str, x, y, class_names: list[str] | None = None) -> DataSet:
    x = np.asarray(x)
    if x.ndim > 2:
        x = x.reshape(len(x), -1)
    x = x.astype(np.float32, copy=False)
    if x.size and float(np.nanmax(np.abs(x))) > 1.5 and name in ("digits", *IMAGES.values()):
        x = x / np.float32(16.0 if name == "digits" else 255.0)   # scale pixels to [0, 1]
    y = np.asarray(y).astype(np.int64).reshape(-1)
    if len(x) != len(y):
        raise ValueError(f"{name}: {len(x)} samples but {len(y)} labels")
    k = int(y.max()) + 1 if y.size else 0
    names = class_names or [str(i) for i in range(k)]
    return DataSet(name, x, y, list(names))


def _split_pairs(result):
    """Accept ``(x, y)`` or ``((x_train, y_train), (x_test, y_test))``; return train (x, y)."""
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], tuple):
        return result[0]
    return result


class DataForm(QWidget):
    """Choose a data set; ``current()`` returns it once loaded, ``loaded`` fires when ready."""

    loaded = Signal(object)      # DataSet
    failed = Signal(object)      # why an image data set did not load (the exception)
    changed = Signal()           # the choice changed; any loaded data set is stale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.addItems([*PLAYGROUND, "digits", *IMAGES, "CSV file…"])
        self.kind.setToolTip("2-D problems as in TensorFlow Playground, scikit-learn's 8×8 "
                             "digits, MNIST / Fashion-MNIST, or your own CSV")
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 1.0)
        self.noise.setSingleStep(0.05)
        self.noise.setValue(0.1)
        self.noise.setToolTip("How much the points scatter around the ideal shape")
        self.size = QSpinBox()
        self.size.setRange(20, 100_000)
        self.size.setSingleStep(100)
        self.size.setValue(600)
        self.size.setToolTip("Number of points")
        self.source = QComboBox()
        self.source.addItems(["cache (download once)", "folder…"])
        self.path = QLineEdit()
        self.path.setPlaceholderText("folder with the IDX .gz files, or a CSV file")
        self.browse = QPushButton("…")
        self.browse.setFixedWidth(28)
        self.label_column = QLineEdit()
        self.label_column.setPlaceholderText("last column")
        self.label_column.setToolTip("Name (or 0-based number) of the CSV column holding the "
                                     "labels; empty means the last column")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self._path_box = QWidget()
        self._path_box.setLayout(path_row)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("data set", self.kind)
        form.addRow("noise", self.noise)
        form.addRow("size", self.size)
        form.addRow("source", self.source)
        form.addRow("file", self._path_box)
        form.addRow("label column", self.label_column)
        form.addRow(self.progress)
        self._form = form

        self._data: DataSet | None = None
        self._key: tuple | None = None
        self._loading: threading.Thread | None = None
        self._load_result: tuple[str, object] | None = None
        self._load_fraction = 0.0
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._poll_loading)
        for w in (self.kind, self.source):
            w.currentIndexChanged.connect(self._on_choice_change)
        for sig in (self.noise.valueChanged, self.size.valueChanged, self.path.textChanged,
                    self.label_column.textChanged):
            sig.connect(self._on_param_change)
        self.browse.clicked.connect(self._ask_path)
        self._on_choice_change()

    # state --------------------------------------------------------------------------------------
    def choice_key(self) -> tuple:
        k = self.kind.currentText()
        if k in PLAYGROUND:
            return (k, round(self.noise.value(), 4), self.size.value())
        if k in IMAGES:
            return (k, self.source.currentIndex(), self.path.text().strip())
        if k.startswith("CSV"):
            return (k, self.path.text().strip(), self.label_column.text().strip())
        return (k,)

    def is_loading(self) -> bool:
        return self._loading is not None

    def current(self) -> DataSet | None:
        """The loaded data set for the current choice, loading it now if that is quick.

        Returns None while an image data set is loading in the background (``loaded`` or
        ``failed`` follows). Raises ValueError with a readable message on bad input.
        """
        key = self.choice_key()
        if self._data is not None and self._key == key:
            return self._data
        kind = key[0]
        if kind in IMAGES:
            self._start_image_load(kind)
            return None
        self._data = self._load_quick(kind)
        self._key = key
        return self._data

    def _load_quick(self, kind: str) -> DataSet:
        from graphviz_nn import datasets
        if kind in PLAYGROUND:
            x, y = getattr(datasets, kind)(n=self.size.value(), noise=self.noise.value(), seed=0)
            return _prepare(kind, x, y)
        if kind == "digits":
            return _prepare("digits", *_split_pairs(datasets.digits()))
        path = self.path.text().strip()
        if not path:
            raise ValueError("choose a CSV file first (the … button)")
        col = self.label_column.text().strip() or "-1"
        label = int(col) if col.lstrip("-").isdigit() else col
        x, y = _split_pairs(datasets.load_csv(path, label))
        names = getattr(datasets.load_csv, "classes", None)
        return _prepare("csv", x, y, [str(c) for c in names] if names else None)

    # background loading of MNIST / Fashion-MNIST --------------------------------------------------
    def _start_image_load(self, kind: str) -> None:
        if self._loading is not None:
            return
        folder = self.path.text().strip() if self.source.currentIndex() == 1 else None
        if self.source.currentIndex() == 1 and not folder:
            raise ValueError("choose the folder holding the IDX .gz files first (the … button)")
        self._load_fraction = 0.0
        self._load_result = None
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(f"loading {kind}… %p%")
        self.progress.show()
        key = self.choice_key()

        def progress(*args) -> None:   # called on the loading thread: store a number, no Qt
            try:
                frac = args[0] / args[1] if len(args) >= 2 and args[1] else float(args[0])
            except (TypeError, ValueError, ZeroDivisionError):
                return
            self._load_fraction = max(0.0, min(1.0, float(frac)))

        def run() -> None:
            try:
                from graphviz_nn import datasets
                fn = getattr(datasets, IMAGES[kind])
                x, y = _split_pairs(fn(path=folder, progress=progress))
                names = FASHION_NAMES if kind == "Fashion-MNIST" else None
                self._load_result = ("ok", (key, _prepare(IMAGES[kind], x, y, names)))
            except Exception as exc:  # noqa: BLE001 - shown to the user in the message bar
                self._load_result = ("error", exc)

        self._loading = threading.Thread(target=run, name="graphviz-nn-dataset", daemon=True)
        self._loading.start()
        self._poll.start()

    def _poll_loading(self) -> None:
        self.progress.setValue(int(1000 * self._load_fraction))
        if self._load_result is None:
            return
        self._poll.stop()
        if self._loading is not None:
            self._loading.join()
        self._loading = None
        self.progress.hide()
        status, payload = self._load_result
        self._load_result = None
        if status == "error":
            self.failed.emit(payload)
            return
        key, data = payload
        self._data, self._key = data, key
        if key == self.choice_key():
            self.loaded.emit(data)

    # handlers -----------------------------------------------------------------------------------
    def _on_choice_change(self, *_args) -> None:
        kind = self.kind.currentText()
        folder = remembered_folder(kind)
        if folder and self.source.currentIndex() == 0 and not self.path.text().strip():
            with QSignalBlocker(self.source), QSignalBlocker(self.path):
                self.source.setCurrentIndex(1)          # where the learner's files are
                self.path.setText(folder)
        play, img, csv = kind in PLAYGROUND, kind in IMAGES, kind.startswith("CSV")
        for w, show in ((self.noise, play), (self.size, play), (self.source, img),
                        (self._path_box, csv or (img and self.source.currentIndex() == 1)),
                        (self.label_column, csv)):
            w.setVisible(show)
            label = self._form.labelForField(w)
            if label is not None:
                label.setVisible(show)
        self.changed.emit()

    def _on_param_change(self, *_args) -> None:
        self.changed.emit()

    def choose_image_folder(self) -> bool:
        """Ask for the folder holding the chosen image data set's four files; remember it
        and load from it from now on. False if the learner cancelled."""
        kind = self.kind.currentText()
        start = remembered_folder(kind) or self.path.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, translate("TrainingDock", "Folder with the {kind} files").format(kind=kind),
            start)
        if not folder:
            return False
        app_settings().setValue(f"{SETTINGS_GROUP}/{IMAGES[kind]}_folder", folder)
        self.source.setCurrentIndex(1)
        self.path.setText(folder)
        return True

    def _ask_path(self) -> None:
        if self.kind.currentText().startswith("CSV"):
            path, _ = QFileDialog.getOpenFileName(self, "Open a CSV file", "", "CSV (*.csv)")
        else:
            path = QFileDialog.getExistingDirectory(self, "Folder with the IDX .gz files")
        if path:
            self.path.setText(path)
