"""The op palette: every engine op grouped by category, searchable, draggable onto the canvas.

Dragging an op starts a ``QDrag`` whose mime data carries the op name under :data:`OP_MIME`;
the canvas (``ui.build.wiring``) places a node of that op where it is dropped.
:class:`QuickAddPopup` is the small searchable list that Tab opens over the canvas.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDrag, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.engine_text import op_doc, op_formula, op_local
from ui.i18n import QT_TRANSLATE_NOOP, translate

OP_MIME = "application/x-graphviz-nn-op"
# the engine's categories, in the palette's order, and the words shown for them
CATEGORIES = {"Inputs": QT_TRANSLATE_NOOP("Palette", "Inputs"),
              "Arithmetic": QT_TRANSLATE_NOOP("Palette", "Arithmetic"),
              "Tensor": QT_TRANSLATE_NOOP("Palette", "Tensor"),
              "Activations": QT_TRANSLATE_NOOP("Palette", "Activations"),
              "Losses": QT_TRANSLATE_NOOP("Palette", "Losses"),
              "Regularization": QT_TRANSLATE_NOOP("Palette", "Regularization")}
# what the learner reads for the leaf ops whose engine names are short
LABELS = {"input": QT_TRANSLATE_NOOP("Palette", "input"),
          "param": QT_TRANSLATE_NOOP("Palette", "parameter"),
          "const": QT_TRANSLATE_NOOP("Palette", "constant")}


def _label(name: str) -> str:
    return translate("Palette", LABELS[name]) if name in LABELS else name


def category_label(category: str) -> str:
    """A category in the window's language."""
    return translate("Palette", CATEGORIES[category]) if category in CATEGORIES else category
OP_ROLE = Qt.ItemDataRole.UserRole


def op_specs() -> dict:
    """The engine's op registry (name -> OpSpec)."""
    from graphviz_nn.ops import OPS

    return dict(OPS)


def op_label(spec) -> str:
    """``add  (+)`` style label: readable name and the symbol drawn on the node."""
    label = _label(spec.name)
    symbol = getattr(spec, "symbol", "") or ""
    return f"{label}  ({symbol})" if symbol and symbol != label else label


def op_tooltip(spec) -> str:
    """Formula, local derivatives and the one-line doc, as rich text."""
    lines = [f"<b>{_label(spec.name)}</b>"]
    if getattr(spec, "formula", ""):
        lines.append(translate("Palette", "forward: {formula}").format(
            formula=op_formula(spec.name)))
    for port, _rule in enumerate(getattr(spec, "local", ()) or ()):
        lines.append(translate("Palette", "local: {rule}").format(rule=op_local(spec.name, port)))
    if getattr(spec, "attrs", None):
        lines.append(translate("Palette", "attributes: {attrs}").format(
            attrs=", ".join(f"{k}={v!r}" for k, v in spec.attrs.items())))
    if getattr(spec, "doc", ""):
        lines.append(f"<i>{op_doc(spec.name)}</i>")
    return "<br>".join(lines)


def op_mime(op: str) -> QMimeData:
    """Mime data of a palette drag carrying ``op``."""
    mime = QMimeData()
    mime.setData(OP_MIME, op.encode("utf-8"))
    mime.setText(op)
    return mime


def mime_op(mime: QMimeData) -> str | None:
    """The op name carried by a palette drag, or None for any other drag."""
    if mime is None or not mime.hasFormat(OP_MIME):
        return None
    return bytes(mime.data(OP_MIME)).decode("utf-8") or None


def _matches(spec, text: str) -> bool:
    text = text.strip().lower()
    if not text:
        return True
    category = getattr(spec, "category", "") or ""
    hay = " ".join([spec.name, LABELS.get(spec.name, ""), _label(spec.name),
                    getattr(spec, "symbol", "") or "", category, category_label(category),
                    getattr(spec, "doc", "") or "", op_doc(spec.name)]).lower()
    return all(word in hay for word in text.split())


class _OpTree(QTreeWidget):
    """Tree whose op rows drag out as :data:`OP_MIME`."""

    def mimeTypes(self) -> list[str]:
        return [OP_MIME]

    def mimeData(self, items: Iterable[QTreeWidgetItem]) -> QMimeData:
        ops = [it.data(0, OP_ROLE) for it in items if it.data(0, OP_ROLE)]
        return op_mime(ops[0]) if ops else QMimeData()

    def startDrag(self, actions) -> None:  # noqa: N802
        # a copy, never a move: a "moved" drop would make the view delete the palette row
        mime = self.mimeData(self.selectedItems())
        if mime_op(mime):
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.exec(Qt.DropAction.CopyAction)


class PaletteWidget(QWidget):
    """Search field plus the grouped op tree. ``op_activated(op)`` fires on double-click/Enter."""

    op_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        # the engine's registry is read when first needed, so the window paints before the
        # engine is imported
        self.specs: dict | None = None
        self.search = QLineEdit(placeholderText=translate("Palette", "Search ops…"))
        self.search.setClearButtonEnabled(True)
        self.tree = _OpTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.search)
        lay.addWidget(self.tree)
        self.search.textChanged.connect(self._filter)
        self.tree.itemActivated.connect(self._activated)

    def ensure_filled(self) -> None:
        """Fill the tree from the op registry (once)."""
        if self.specs is None:
            self.specs = op_specs()
        if self.tree.topLevelItemCount() == 0:
            self._fill()

    def showEvent(self, event) -> None:  # noqa: N802
        # right after the window's first paint (posted paint events come before timers)
        QTimer.singleShot(0, self.ensure_filled)
        super().showEvent(event)

    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        cats = list(CATEGORIES) + sorted({s.category for s in self.specs.values()} - set(CATEGORIES))
        for cat in cats:
            specs = [s for s in self.specs.values() if s.category == cat]
            if not specs:
                continue
            group = QTreeWidgetItem(self.tree, [category_label(cat)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups[cat] = group
            for spec in specs:
                item = QTreeWidgetItem(group, [op_label(spec)])
                item.setData(0, OP_ROLE, spec.name)
                item.setToolTip(0, op_tooltip(spec))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
        self.tree.expandAll()

    def op_items(self) -> dict[str, QTreeWidgetItem]:
        """op name -> its tree row."""
        self.ensure_filled()
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                out[group.child(j).data(0, OP_ROLE)] = group.child(j)
        return out

    def visible_ops(self) -> list[str]:
        """The ops the current search shows, in display order."""
        return [op for op, it in self.op_items().items() if not it.isHidden()]

    def mime_for(self, op: str) -> QMimeData:
        """The mime data a drag of ``op``'s row carries (what the canvas receives on drop)."""
        return self.tree.mimeData([self.op_items()[op]])

    def _filter(self, text: str) -> None:
        self.ensure_filled()
        for i in range(self.tree.topLevelItemCount()):
            group, shown = self.tree.topLevelItem(i), 0
            for j in range(group.childCount()):
                item = group.child(j)
                hide = not _matches(self.specs[item.data(0, OP_ROLE)], text)
                item.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)

    def _activated(self, item: QTreeWidgetItem) -> None:
        op = item.data(0, OP_ROLE)
        if op:
            self.op_activated.emit(op)


class QuickAddPopup(QFrame):
    """Tab quick-add: a search line over a list of ops, shown at the cursor.

    Typing filters, Up/Down move, Enter (or a click) emits ``op_chosen(op)`` and closes;
    Escape closes without adding.
    """

    op_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("quick_add")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.specs = op_specs()
        self.search = QLineEdit(placeholderText=translate("Palette", "Add op…"))
        self.list = QListWidget()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(3, 3, 3, 3)
        lay.addWidget(self.search)
        lay.addWidget(self.list)
        self.resize(220, 260)
        for spec in self.specs.values():
            item = QListWidgetItem(op_label(spec))
            item.setData(OP_ROLE, spec.name)
            item.setToolTip(op_tooltip(spec))
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.accept_current)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self.list.itemClicked.connect(lambda _item: self.accept_current())
        self.search.installEventFilter(self)
        self._filter("")

    def popup(self, global_pos: QPoint) -> None:
        """Show at ``global_pos`` with an empty search and the keyboard focus in it."""
        self.search.clear()
        self.move(global_pos)
        self.show()
        self.search.setFocus()

    def visible_ops(self) -> list[str]:
        return [self.list.item(i).data(OP_ROLE) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _filter(self, text: str) -> None:
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hide = not _matches(self.specs[item.data(OP_ROLE)], text)
            item.setHidden(hide)
            if not hide and first is None:
                first = item
        self.list.setCurrentItem(first)

    def accept_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self.hide()
            self.op_chosen.emit(item.data(OP_ROLE))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                rows = [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]
                if rows:
                    cur = self.list.currentRow()
                    k = rows.index(cur) if cur in rows else -1
                    k = min(k + 1, len(rows) - 1) if key == Qt.Key.Key_Down else max(k - 1, 0)
                    self.list.setCurrentRow(rows[k])
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(obj, event)


def install(window) -> PaletteWidget:
    """Add the palette dock on the left of ``window``; double-click adds the op at the centre."""
    palette = PaletteWidget()
    window.add_panel(palette, translate("Palette", "Palette"), "left", ("build",),
                     name="palette")
    window.palette = palette
    return palette
