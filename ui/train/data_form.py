"""The data set part of the training dock: which data, how noisy, how many, from where.

The 2-D problems, digits and CSV files load in a blink on the GUI thread. MNIST and
Fashion-MNIST may need a download, so they load on a background thread that reports its progress
into a variable the GUI polls; nothing on that thread touches a widget.
"""

from __future__ import annotations

import threading
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

from graphviz_nn.datasets import PLAYGROUND, REGRESSION
from ui.i18n import QT_TRANSLATE_NOOP, app_settings, translate
from ui.train.dataset import (
    IMAGES,
    DataSet,
    fit_kwargs,
    generate,
    plane_set,
    prepare,
    split_data,
)
from ui.train.plane_form import PlaneControls

__all__ = ["PLAYGROUND", "REGRESSION", "PLANE", "DataForm", "DataSet", "fit_kwargs",
           "split_data", "remembered_folder"]

PLANE = (*PLAYGROUND, *REGRESSION)       # the generated 2-D sets
REGRESSION_LABELS = {"plane": QT_TRANSLATE_NOOP("TrainingDock", "plane (regression)"),
                     "multi_gaussian": QT_TRANSLATE_NOOP("TrainingDock",
                                                         "multi gaussian (regression)")}
CSV_FILE = "CSV file…"          # the CSV entry's engine name (its text starts with "CSV" too)
SETTINGS_GROUP = "datasets"     # QSettings: datasets/<name>_folder, the learner's folder
MAX_POINTS = 20_000             # a painted set stops growing here


def remembered_folder(kind: str) -> str:
    """The folder the learner chose for an image data set ("" if none, or not a folder)."""
    if kind not in IMAGES:
        return ""
    folder = app_settings().value(f"{SETTINGS_GROUP}/{IMAGES[kind]}_folder", "")
    return folder if isinstance(folder, str) and folder and Path(folder).is_dir() else ""


FASHION_NAMES = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                 "Sneaker", "Bag", "Boot"]


def _split_pairs(result):
    """Accept ``(x, y)`` or ``((x_train, y_train), (x_test, y_test))``; return train (x, y)."""
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], tuple):
        return result[0]
    return result


class DataForm(QWidget):
    """Choose a data set; ``current()`` returns it once loaded, ``loaded`` fires when ready.

    A 2-D set (generated, painted or a CSV of two feature columns) can be edited: points added
    (``add_points``), erased (``erase_points``) or all cleared; the edits last until the set is
    made again (another problem, noise, size, Regenerate, file)."""

    loaded = Signal(object)      # DataSet
    failed = Signal(object)      # why a data set did not load (the exception)
    changed = Signal()           # the choice changed; any loaded data set is stale
    file_chosen = Signal()       # the learner picked a file with the … button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.addItems(list(PLAYGROUND))
        for name in REGRESSION:
            label = REGRESSION_LABELS.get(name)
            self.kind.addItem(translate("TrainingDock", label) if label else name, name)
        self.kind.addItems(["digits", *IMAGES])
        self.kind.addItem(translate("TrainingDock", "CSV file…"), CSV_FILE)
        self.kind.setToolTip(translate("TrainingDock", "2-D problems as in TensorFlow Playground "
                                       "(two of them regression), scikit-learn's 8×8 digits, "
                                       "MNIST / Fashion-MNIST, or your own CSV"))
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 1.0)
        self.noise.setSingleStep(0.05)
        self.noise.setValue(0.1)
        self.noise.setToolTip(translate("TrainingDock", "How much the points scatter around "
                                        "the ideal shape"))
        self.size = QSpinBox()
        self.size.setRange(20, 100_000)
        self.size.setSingleStep(100)
        self.size.setValue(600)
        self.size.setToolTip(translate("TrainingDock", "Number of points"))
        self.plane = PlaneControls()
        self.plane_seed = 0          # Regenerate: the next seed
        self.source = QComboBox()
        self.source.addItems([translate("TrainingDock", "cache (download once)"),
                              translate("TrainingDock", "folder…")])
        self.path = QLineEdit()
        self.path.setPlaceholderText(translate("TrainingDock", "folder with the IDX .gz files, "
                                               "or a CSV file"))
        self.browse = QPushButton("…")
        self.browse.setFixedWidth(28)
        self.label_column = QLineEdit()
        self.label_column.setPlaceholderText(translate("TrainingDock", "last column"))
        self.label_column.setToolTip(translate("TrainingDock", "Name (or 0-based number) of the "
                                               "CSV column holding the labels; empty means the "
                                               "last column"))
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
        form.addRow(translate("TrainingDock", "data set"), self.kind)
        form.addRow(translate("TrainingDock", "noise"), self.noise)
        form.addRow(translate("TrainingDock", "size"), self.size)
        form.addRow(translate("TrainingDock", "features"), self.plane)
        form.addRow(translate("TrainingDock", "source"), self.source)
        form.addRow(translate("TrainingDock", "file"), self._path_box)
        form.addRow(translate("TrainingDock", "label column"), self.label_column)
        form.addRow(self.progress)
        self._form = form

        self._data: DataSet | None = None
        self._key: tuple | None = None
        self._painted: tuple[np.ndarray, np.ndarray] | None = None   # points, targets
        self._painted_base: tuple | None = None    # the set the painting was made on
        self._edits = 0
        self._loading: threading.Thread | None = None
        self._load_result: tuple[str, object] | None = None
        self._load_fraction = 0.0
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._poll_loading)
        for w in (self.kind, self.source):
            w.currentIndexChanged.connect(self._on_choice_change)
        for sig in (self.noise.valueChanged, self.size.valueChanged, self.path.textChanged,
                    self.label_column.textChanged, self.plane.features_changed):
            sig.connect(self._on_param_change)
        self.plane.regenerate.connect(self.regenerate)
        self.browse.clicked.connect(self.ask_path)
        self._on_choice_change()

    # state --------------------------------------------------------------------------------------
    def kind_name(self) -> str:
        """The chosen data set's engine name ("spiral", "plane", "digits", "MNIST", "CSV file…")."""
        data = self.kind.currentData()
        return data if isinstance(data, str) else self.kind.currentText()

    def is_plane(self) -> bool:
        """True for Playground's generated 2-D sets (classification and regression)."""
        return self.kind_name() in PLANE

    def is_regression(self) -> bool:
        return self.kind_name() in REGRESSION

    def base_key(self) -> tuple:
        """What makes the data set before any painting: the choice without the features."""
        k = self.kind_name()
        if k in PLANE:
            return (k, round(self.noise.value(), 4), self.size.value(), self.plane_seed)
        if k in IMAGES:
            return (k, self.source.currentIndex(), self.path.text().strip())
        if k.startswith("CSV"):
            return (k, self.path.text().strip(), self.label_column.text().strip())
        return (k,)

    def choice_key(self) -> tuple:
        k = self.kind_name()
        if k in PLANE or k.startswith("CSV"):
            return (*self.base_key(), tuple(self.plane.features()), self._edits)
        return self.base_key()

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
        if kind in PLANE:
            points, y = self.plane_points()
            return plane_set(kind, points, y, self.plane.features(), kind in REGRESSION)
        if kind == "digits":
            return prepare("digits", *_split_pairs(datasets.digits()))
        data = self._read_csv()
        if data.is_2d:
            points, y = self.plane_points(data)
            return plane_set("csv", points, y, self.plane.features(), False, data.class_names)
        return data

    def _read_csv(self) -> DataSet:
        from graphviz_nn import datasets
        path = self.path.text().strip()
        if not path:
            raise ValueError(translate("TrainingDock", "choose a CSV file first (the … button)"))
        col = self.label_column.text().strip() or "-1"
        label = int(col) if col.lstrip("-").isdigit() else col
        x, y = _split_pairs(datasets.load_csv(path, label))
        names = getattr(datasets.load_csv, "classes", None)
        return prepare("csv", x, y, [str(c) for c in names] if names else None)

    # the points of a 2-D set, and painting them ---------------------------------------------------
    def plane_points(self, made: DataSet | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The current 2-D set's points and targets, with the learner's edits (``made``: the
        set as read from its file, for a CSV)."""
        if self._painted is not None and self._painted_base == self.base_key():
            return self._painted
        self._painted = None
        kind = self.kind_name()
        if kind in PLANE:
            return generate(kind, self.size.value(), self.noise.value(), self.plane_seed)
        made = made if made is not None else self._read_csv()
        if not made.is_2d:
            raise ValueError(translate("TrainingDock", "points can be painted on 2-D data only"))
        return made.points, made.y

    def _edit(self, points: np.ndarray, y: np.ndarray) -> None:
        self._painted = (np.ascontiguousarray(points, np.float32), y)
        self._painted_base = self.base_key()
        self._edits += 1
        self.changed.emit()

    def add_points(self, points, value: float) -> int:
        """Add ``points`` (k, 2) of class ``value`` (or with target ``value``, regression);
        returns how many were added (none past ``MAX_POINTS``)."""
        have, y = self.plane_points()
        room = max(0, MAX_POINTS - len(have))
        new = np.asarray(points, np.float32).reshape(-1, 2)[:room]
        if not len(new):
            return 0
        target = np.full(len(new), value, dtype=y.dtype)
        self._edit(np.concatenate([have, new]), np.concatenate([y, target]))
        return len(new)

    def erase_points(self, center, radius: float) -> int:
        """Remove the points within ``radius`` of ``center``; returns how many went."""
        have, y = self.plane_points()
        near = np.hypot(have[:, 0] - center[0], have[:, 1] - center[1]) <= radius
        if near.any():
            self._edit(have[~near], y[~near])
        return int(near.sum())

    def clear_points(self) -> None:
        """Remove every point (then paint a set of your own)."""
        have, y = self.plane_points()
        self._edit(have[:0], y[:0])

    def regenerate(self) -> None:
        """The same problem drawn again with the next seed (the painting goes)."""
        self.plane_seed += 1
        self._painted = None
        self.changed.emit()

    # background loading of MNIST / Fashion-MNIST --------------------------------------------------
    def _start_image_load(self, kind: str) -> None:
        if self._loading is not None:
            return
        folder = self.path.text().strip() if self.source.currentIndex() == 1 else None
        if self.source.currentIndex() == 1 and not folder:
            raise ValueError(translate("TrainingDock", "choose the folder holding the IDX .gz "
                                       "files first (the … button)"))
        self._load_fraction = 0.0
        self._load_result = None
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(translate("TrainingDock", "loading {kind}…").format(kind=kind)
                                + " %p%")
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
                self._load_result = ("ok", (key, prepare(IMAGES[kind], x, y, names)))
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
        kind = self.kind_name()
        folder = remembered_folder(kind)
        if folder and self.source.currentIndex() == 0 and not self.path.text().strip():
            with QSignalBlocker(self.source), QSignalBlocker(self.path):
                self.source.setCurrentIndex(1)          # where the learner's files are
                self.path.setText(folder)
        play, img, csv = kind in PLANE, kind in IMAGES, kind.startswith("CSV")
        for w, show in ((self.noise, play), (self.size, play), (self.plane, play or csv),
                        (self.source, img),
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

    def ask_path(self) -> None:
        """Ask for the CSV file (or the folder of an image set) to load."""
        if self.kind_name().startswith("CSV"):
            path, _ = QFileDialog.getOpenFileName(
                self, translate("TrainingDock", "Open a CSV file"), "", "CSV (*.csv)")
        else:
            path = QFileDialog.getExistingDirectory(
                self, translate("TrainingDock", "Folder with the IDX .gz files"))
        if path:
            self.path.setText(path)
            self.file_chosen.emit()
