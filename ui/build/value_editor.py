"""Setting a leaf's value as a tensor: a shape and a fill (zeros, ones, random normal, Glorot),
or cell by cell in a table for small tensors. Shown in the inspector while one leaf is selected.

Every change goes through ``controller.set_value``, i.e. one undoable ``ValueSetCmd``.
"""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import style
from ui.engine_text import error_text
from ui.i18n import QT_TRANSLATE_NOOP, translate

# how a new tensor is filled: the key fill() takes, and the words the menu shows
FILLS = {"zeros": QT_TRANSLATE_NOOP("ValueEditor", "zeros"),
         "ones": QT_TRANSLATE_NOOP("ValueEditor", "ones"),
         "random normal": QT_TRANSLATE_NOOP("ValueEditor", "random normal"),
         "Glorot uniform": QT_TRANSLATE_NOOP("ValueEditor", "Glorot uniform")}
TABLE_MAX = 64          # tensors up to this many cells (and at most 2-D) get an editable table


def parse_shape(text: str) -> tuple[int, ...]:
    """'3, 4' -> (3, 4); '' or '()' -> () for a scalar. ValueError with a reason otherwise."""
    text = re.sub(r"(?<=\d)\s*[x×]\s*(?=\d)", ",", text.strip().strip("()[]"))
    dims = []
    for part in text.replace(" ", ",").split(","):
        if not part:
            continue
        try:
            n = int(part)
        except ValueError:
            raise ValueError(translate("ValueEditor", "a shape is whole numbers like 3, 4; got "
                                       "{part}").format(part=repr(part))) from None
        if n < 1 or n > 100_000:
            raise ValueError(translate("ValueEditor", "dimension {n} is out of range (1 to "
                                       "100000)").format(n=n))
        dims.append(n)
    if int(np.prod(dims)) > 5_000_000:
        raise ValueError(translate("ValueEditor", "that tensor is too big (more than 5 million "
                                   "numbers)"))
    return tuple(dims)


def fill(shape: tuple[int, ...], how: str, rng: np.random.Generator | None = None) -> np.ndarray:
    """A new array of ``shape`` filled as the learner chose (Glorot uses Keras's fans)."""
    rng = rng or np.random.default_rng()
    if how == "zeros":
        return np.zeros(shape)
    if how == "ones":
        return np.ones(shape)
    if how == "random normal":
        return rng.normal(size=shape)
    if how == "Glorot uniform":
        fan_in = shape[0] if shape else 1
        fan_out = shape[-1] if shape else 1
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, size=shape)
    raise ValueError(f"unknown fill {how!r}")


def _as_table(value: np.ndarray) -> np.ndarray:
    """The rows x columns the table shows of a scalar, vector or matrix (a view when possible)."""
    return value.reshape(value.shape[0] if value.ndim == 2 else 1, -1)


class LeafValueEditor(QGroupBox):
    """Shape + fill + Apply, and a table of the numbers for small tensors."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(translate("ValueEditor", "Set tensor value"), parent)
        self.setObjectName("leaf_value_editor")
        self.ctrl = controller
        self.node_id: int | None = None
        self.shape = QLineEdit(placeholderText=translate("ValueEditor", "shape, e.g. 3, 4 "
                                                         "(empty: a number)"))
        self.fill = QComboBox()
        for key, label in FILLS.items():
            self.fill.addItem(translate("ValueEditor", label), key)
        self.apply = QPushButton(translate("ValueEditor", "Apply"))
        self.table = QTableWidget()
        self.table.setMaximumHeight(200)
        self.error = QLabel("")
        self.error.setStyleSheet(f"color: {style.ERROR_COLOR}")
        self.error.setWordWrap(True)
        row = QHBoxLayout()         # the shape has a row of its own: its hint reads in full
        row.addWidget(self.fill, 2)
        row.addWidget(self.apply, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.shape)
        lay.addLayout(row)
        lay.addWidget(self.table)
        lay.addWidget(self.error)
        self.apply.clicked.connect(self.apply_fill)
        self.shape.returnPressed.connect(self.apply_fill)
        self.table.cellChanged.connect(self._cell_changed)
        controller.selection_changed.connect(self.refresh)
        controller.changed.connect(self.refresh)
        self.refresh()

    def _leaf(self):
        sel = list(getattr(self.ctrl, "selection", []) or [])
        if len(sel) != 1:
            return None
        try:
            node = self.ctrl.graph.node_by_id(sel[0])
        except ValueError:
            return None
        return node if node.is_leaf else None

    def refresh(self, *_args) -> None:
        """Follow the selection: visible for one selected leaf, showing its current value."""
        node = self._leaf()
        self.setVisible(node is not None)
        if node is None:
            self.node_id = None
            return
        if node.id != self.node_id:
            self.error.setText("")
        self.node_id = node.id
        self.setTitle(translate("ValueEditor", "Set {name} as a tensor").format(name=node.name))
        value = None if node.value is None else np.asarray(node.value)
        if not self.shape.hasFocus():
            self.shape.setText("" if value is None else ", ".join(map(str, value.shape)))
        self._fill_table(value)

    def _fill_table(self, value) -> None:
        blocker = QSignalBlocker(self.table)
        small = value is not None and value.ndim <= 2 and value.size <= TABLE_MAX
        self.table.setVisible(small)
        if not small:
            self.table.setRowCount(0)
            del blocker
            return
        mat = _as_table(value)
        self.table.setRowCount(mat.shape[0])
        self.table.setColumnCount(mat.shape[1])
        for i in range(mat.shape[0]):
            for j in range(mat.shape[1]):
                item = QTableWidgetItem(style.fmt_num(mat[i, j], 6))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        del blocker

    def _set(self, value) -> bool:
        error = self.ctrl.set_value(self.node_id, value)
        if error:
            self.error.setText(error)
            return False
        self.error.setText("")
        return True

    def apply_fill(self) -> bool:
        """Replace the value by a new tensor of the typed shape and the chosen fill."""
        if self.node_id is None:
            return False
        try:
            shape = parse_shape(self.shape.text())
        except ValueError as exc:
            self.error.setText(error_text(exc))
            return False
        return self._set(fill(shape, self.fill.currentData()))

    def _cell_changed(self, row: int, col: int) -> None:
        node = self._leaf()
        if node is None or node.value is None:
            return
        text = self.table.item(row, col).text().strip().replace("−", "-")
        try:
            number = float(text)
        except ValueError:
            self.error.setText(translate("ValueEditor", "'{text}' is not a number").format(
                text=text))
            self._fill_table(np.asarray(node.value))
            return
        value = np.array(node.value, copy=True)
        _as_table(value)[row, col] = number        # a view: writes into ``value``
        self._set(value)


def install(window) -> LeafValueEditor:
    """Put the tensor editor into the window's inspector."""
    editor = LeafValueEditor(window.controller)
    window.inspector.add_section(editor)
    window.value_editor = editor
    return editor
