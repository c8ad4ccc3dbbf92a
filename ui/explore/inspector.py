"""The inspector: the chain rule of the current step, and the selected node's op, formula,
value and gradient (table / heatmap / templates), with the fan-out sum where it applies."""

from __future__ import annotations

import html
import json

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import style
from ui.canvas.thumbnail import heatmap_image
from ui.explore import explain
from ui.explore.tensor_view import TEMPLATE_SIDES, TensorView


def _html(lines: list[str]) -> str:
    out = []
    for line in lines:
        text = html.escape(line)
        if line.startswith("value") or line.startswith("→"):
            text = f'<span style="color:{style.VALUE_COLOR}">{text}</span>'
        elif line.startswith("upstream") and "→" in line:
            left, right = line.split("→", 1)
            text = (f'<span style="color:{style.GRAD_COLOR}">{html.escape(left)}→ '
                    f'<b>{html.escape(right.strip())}</b></span>')
        elif line.startswith("grad") or line.startswith("upstream"):
            text = f'<span style="color:{style.GRAD_COLOR}">{text}</span>'
        elif line.startswith("    rule"):
            text = f'<span style="color:{style.MUTED_TEXT}">{text}</span>'
        elif line.startswith("cannot"):
            text = f'<span style="color:{style.ERROR_COLOR}">{text}</span>'
        out.append(text)
    return "<br>".join(out)


def _label() -> QLabel:
    lab = QLabel()
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.RichText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lab.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return lab


class InspectorPanel(QScrollArea):
    """Reads the controller; never changes the graph (a leaf's new value is an intent)."""

    value_edited = Signal(int, object)      # node id, the value typed (number or nested list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(360)
        body = QWidget()
        self._lay = QVBoxLayout(body)
        self.example_box = QGroupBox("Example")
        self.example_label = _label()
        QVBoxLayout(self.example_box).addWidget(self.example_label)
        self.example_box.setVisible(False)
        self.step_box = QGroupBox("Current step")
        self.step_label = _label()
        self.step_images = QHBoxLayout()
        sl = QVBoxLayout(self.step_box)
        sl.addWidget(self.step_label)
        sl.addLayout(self.step_images)
        self.node_box = QGroupBox("Node")
        self.node_label = _label()
        self.fanout_label = _label()
        self.value_view = TensorView()
        self.grad_view = TensorView()
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText("new value, e.g. -2 or [1, 2, 0]; Enter to apply")
        self.value_edit.returnPressed.connect(self._on_value_entered)
        self.value_error = QLabel("")
        self.value_error.setStyleSheet(f"color: {style.ERROR_COLOR}")
        self.value_error.setWordWrap(True)
        nl = QVBoxLayout(self.node_box)
        for w in (self.node_label, self.value_edit, self.value_error, self.fanout_label,
                  self.value_view, self.grad_view):
            nl.addWidget(w)
        for w in (self.example_box, self.step_box, self.node_box):
            self._lay.addWidget(w)
        self._lay.addStretch(1)
        self.setWidget(body)
        self.step_lines: list[str] = []
        self.node_lines: list[str] = []
        self.fanout: list[str] = []
        self._shown: tuple | None = None
        self._step_images: list[tuple[str, object]] = []
        self._node_id: int | None = None
        self._inline_editor = True
        self.value_edit.setVisible(False)
        self.value_error.setVisible(False)

    def add_section(self, widget: QWidget, after: str = "node") -> None:
        """Add a section after the node facts (``after="node"``, e.g. a value editor) or right
        after the current step (``after="step"``, e.g. the quiz)."""
        anchor = self.step_box if after == "step" else self.node_box
        self._lay.insertWidget(self._lay.indexOf(anchor) + 1, widget)

    def set_inline_value_editor(self, on: bool) -> None:
        """Show the one-line value entry for small leaves (off when the editor brings its own)."""
        self._inline_editor = on
        if not on:
            self.value_edit.setVisible(False)
            self.value_error.setVisible(False)

    def set_example(self, title: str | None, text: str = "") -> None:
        self.example_box.setVisible(bool(title))
        if title:
            self.example_box.setTitle(f"Example: {title}")
            self.example_label.setText(html.escape(text))

    def _on_value_entered(self) -> None:
        text = self.value_edit.text().strip().replace("−", "-")
        try:
            value = json.loads(text)
        except ValueError:
            self.show_value_error(f"'{text}' is not a number or a list of numbers")
            return
        if self._node_id is not None:
            self.value_error.setVisible(False)
            self.value_edited.emit(self._node_id, value)

    def show_value_error(self, msg: str) -> None:
        self.value_error.setText(msg)
        self.value_error.setVisible(True)

    def step_text(self) -> str:
        return "\n".join(self.step_lines)

    def node_text(self) -> str:
        return "\n".join(self.node_lines + self.fanout)

    def refresh(self, ctl, state) -> None:
        """Show the current step of ``ctl`` and the selected (or current) node."""
        step = ctl.current_step()
        out = ctl.output.name if ctl.output is not None else None
        images: list[tuple[str, object]] = []
        if step is None:
            if ctl.trace is None:
                self.step_lines = [f"Not traced: {ctl.trace_error}" if ctl.trace_error
                                   else "Nothing to trace yet."]
            else:
                self.step_lines = [f"Before the first step. Output: {out}.",
                                   "Press Forward (or →) to compute values, then Backward."]
        elif step.kind == "forward":
            self.step_lines = explain.forward_lines(step, ctl.cursor, ctl.n_forward)
            images = [(f"{step.node.name}", step.value)]
        else:
            hidden = ctl.hidden_step() == ctl.cursor
            self.step_lines = explain.backward_lines(step, out, hidden=hidden)
            images = [(f"upstream ∂{out}/∂{step.node.name}", step.upstream)]
            if not hidden:
                images += [(f"downstream ∂{out}/∂{lg.input.name}", lg.downstream)
                           for lg in step.locals]
        self.step_label.setText(_html(self.step_lines))
        self._set_step_images(images)
        nid = ctl.selection[-1] if ctl.selection else state.current
        node = None
        if nid is not None:
            try:
                node = ctl.node(nid)
            except Exception:  # noqa: BLE001 - node just removed
                node = None
        self._show_node(ctl, node, state, out)

    def _show_node(self, ctl, node, state, out) -> None:
        is_small_leaf = self._inline_editor and node is not None and node.is_leaf \
            and node.value is not None \
            and np.asarray(node.value).size <= 16
        if node is None or node.id != self._node_id:
            self.value_error.setVisible(False)
            if is_small_leaf:
                self.value_edit.setText(json.dumps(np.asarray(node.value).tolist()))
        self._node_id = node.id if node is not None else None
        self.value_edit.setVisible(is_small_leaf)
        if node is None:
            self.node_lines, self.fanout = ["Click a node to see its op, value and gradient."], []
            self.node_label.setText(_html(self.node_lines))
            self.fanout_label.setText("")
            self.value_view.clear()
            self.grad_view.clear()
            self._shown = None
            return
        value = state.values.get(node.id)
        grad = None if node.id in state.hidden_nodes else state.grads.get(node.id)
        self.node_box.setTitle(f"Node {node.name}")
        self.node_lines = explain.node_lines(node, value, grad, out)
        shown_grads = {k: g for k, g in state.edge_grads.items() if k not in state.hidden_edges}
        self.fanout = explain.fanout_lines(ctl.graph, node, shown_grads, out)
        self.node_label.setText(_html(self.node_lines))
        self.fanout_label.setText(_html(self.fanout))
        self.fanout_label.setVisible(bool(self.fanout))
        # the arrays themselves are kept, so identity cannot match a recycled id()
        shown = self._shown
        if shown is not None and shown[0] == node.id and shown[1] is value and shown[2] is grad:
            return
        self._shown = (node.id, value, grad)
        templates = node.op == "param" and value is not None and np.ndim(value) == 2 \
            and np.shape(value)[0] in TEMPLATE_SIDES
        self.value_view.show_array(value, f"value of {node.name}", templates=templates)
        self.grad_view.show_array(grad, f"gradient ∂{out}/∂{node.name}", templates=templates)

    def _set_step_images(self, images) -> None:
        """Heatmaps of the step's tensors; rebuilt only when the step's arrays change (the
        previous list is kept, so comparing by identity is safe)."""
        if len(images) == len(self._step_images) and all(
                t == t0 and v is v0 for (t, v), (t0, v0) in zip(images, self._step_images, strict=True)):
            return
        self._step_images = images
        while self.step_images.count():
            w = self.step_images.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        for title, value in images:
            if value is None or np.asarray(value).size <= 1:
                continue
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            pic = QLabel()
            pic.setPixmap(QPixmap.fromImage(heatmap_image(value)).scaled(
                72, 72, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))
            cap = QLabel(f"{title} {style.shape_text(np.shape(value))}")
            cap.setStyleSheet("font-size: 8pt")
            cap.setWordWrap(True)
            cap.setMaximumWidth(100)
            box.setMaximumWidth(104)
            lay.addWidget(pic)
            lay.addWidget(cap)
            self.step_images.addWidget(box)
        self.step_images.addStretch(1)
