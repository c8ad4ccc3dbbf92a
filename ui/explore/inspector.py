"""The inspector: the current step as the lecture writes it (the forward formula with its
numbers, or upstream × local = downstream for every input), and the selected node's formula,
value and gradient (big tensors also as a heatmap / per-unit templates below)."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ui import style
from ui.engine_text import engine_text
from ui.explore import equation, explain
from ui.explore.equation import Para
from ui.explore.equation_view import EquationView
from ui.explore.tensor_view import TEMPLATE_SIDES, TensorView
from ui.i18n import translate


class InspectorPanel(QScrollArea):
    """Reads the controller; never changes the graph (a leaf's new value is an intent)."""

    value_edited = Signal(int, object)      # node id, the value typed (number or nested list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumWidth(300)
        body = QWidget()
        self._lay = QVBoxLayout(body)
        self.example_box = QGroupBox(translate("Inspector", "Example"))
        self.example_label = QLabel()
        self.example_label.setWordWrap(True)
        self.example_label.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self.example_box).addWidget(self.example_label)
        self.example_box.setVisible(False)
        self._has_example = self._quiz = False
        self.step_box = QGroupBox(translate("Inspector", "Current step"))
        self.step_label = EquationView()
        QVBoxLayout(self.step_box).addWidget(self.step_label)
        self.node_box = QGroupBox(translate("Inspector", "Node"))
        self.node_label = EquationView()
        self.value_view = TensorView()
        self.grad_view = TensorView()
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(
            translate("Inspector", "new value, e.g. -2 or [1, 2, 0]; Enter to apply"))
        self.value_edit.returnPressed.connect(self._on_value_entered)
        self.value_error = QLabel("")
        self.value_error.setStyleSheet(f"color: {style.ERROR_COLOR}")
        self.value_error.setWordWrap(True)
        nl = QVBoxLayout(self.node_box)
        for w in (self.node_label, self.value_edit, self.value_error, self.value_view,
                  self.grad_view):
            nl.addWidget(w)
        for w in (self.example_box, self.step_box, self.node_box):
            self._lay.addWidget(w)
        self._lay.addStretch(1)
        self.setWidget(body)
        self.step_block: list = []
        self.node_block: list = []
        self._shown: tuple | None = None
        self._node_id: int | None = None
        self._inline_editor = True
        self._last: tuple | None = None         # (controller, state) of the last refresh
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
        self._has_example = bool(title)
        self.example_box.setVisible(self._has_example and not self._quiz)
        if title:
            self.example_box.setTitle(translate("Inspector", "Example: {title}").format(
                title=title))
            self.example_label.setText(text)

    def set_quiz(self, on: bool) -> None:
        """Quiz mode: the example's paragraph, which spells out the gradients, waits."""
        self._quiz = on
        self.example_box.setVisible(self._has_example and not on)

    def _on_value_entered(self) -> None:
        text = self.value_edit.text().strip().replace("−", "-")
        try:
            value = json.loads(text)
        except ValueError:
            self.show_value_error(translate(
                "Inspector", "'{text}' is not a number or a list of numbers").format(text=text))
            return
        if self._node_id is not None:
            self.value_error.setVisible(False)
            self.value_edited.emit(self._node_id, value)

    def show_value_error(self, msg: str) -> None:
        self.value_error.setText(msg)
        self.value_error.setVisible(True)

    def step_text(self) -> str:
        """The current step as plain text (what the equation block says)."""
        return equation.to_text(self.step_block)

    def node_text(self) -> str:
        """The node section as plain text."""
        return equation.to_text(self.node_block)

    def picture_side(self) -> int:
        """Heatmaps in the equations: about seven lines of text high, so they grow with the
        font (presentation mode)."""
        return max(72, min(220, int(self.fontMetrics().height() * 7)))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._last is not None:
            self._shown = None
            self.refresh(*self._last)

    def refresh(self, ctl, state, values_changed: bool = False) -> None:
        """Show the current step of ``ctl`` and the selected (or current) node.
        ``values_changed``: arrays may have been written in place (training), so the tables
        and heatmaps are drawn again even for the same array objects."""
        self._last = (ctl, state)
        if values_changed:
            self._shown = None
        out = ctl.output.name if ctl.output is not None else None
        step = ctl.current_step()
        if step is None:
            if ctl.trace is None:
                why = engine_text(ctl.trace_error)
                self.step_block = [Para(translate("Inspector", "Not traced: {why}").format(
                    why=why), "error") if why else
                    Para(translate("Inspector", "Nothing to trace yet."))]
            else:
                self.step_block = [
                    Para(translate("Inspector", "Before the first step. Output: {out}.").format(
                        out=out)),
                    Para(translate("Inspector", "Press Forward (or →) to compute values, then "
                                   "Backward."))]
        elif step.kind == "forward":
            self.step_block = explain.forward_block(step, ctl.cursor, ctl.n_forward)
        else:
            hidden = ctl.hidden_step() == ctl.cursor
            self.step_block = explain.backward_block(ctl.trace, ctl.cursor, out, hidden=hidden)
        layer = self._layer_run(ctl, step)
        if layer is not None:
            start, title = layer
            self.step_block = explain.layer_block(ctl.trace, start, ctl.cursor, title, out,
                                                  hidden=ctl.hidden_step() == ctl.cursor)
        self.step_label.set_html(equation.to_html(self.step_block, self.picture_side()))
        node = None
        nid = ctl.selection[-1] if ctl.selection else state.current
        if nid is not None:
            try:
                node = ctl.node(nid)
            except ValueError:      # GraphError: the node was just removed
                node = None
        self._show_node(ctl, node, state, out)

    @staticmethod
    def _layer_run(ctl, step) -> tuple[int, str] | None:
        """Where the canvas steps a closed Dense layer as a whole and the cursor ends such a
        step: the first step of that run and the layer's title."""
        groups = getattr(ctl, "step_groups", None)
        whole = groups() if step is not None and groups is not None else {}
        key = whole.get(step.node.id) if whole else None
        if key is None:
            return None
        start = ctl.cursor
        while start > 0 and ctl.trace[start - 1].kind == step.kind \
                and whole.get(ctl.trace[start - 1].node.id) == key:
            start -= 1
        from graphviz_nn.layer_groups import dense_layers
        title = next((lay.title() for lay in dense_layers(ctl.graph) if lay.key == key), "")
        return start, title

    def _show_node(self, ctl, node, state, out) -> None:
        is_small_leaf = self._inline_editor and node is not None and node.is_leaf \
            and node.value is not None and np.asarray(node.value).size <= 16
        if node is None or node.id != self._node_id:
            self.value_error.setVisible(False)
            if is_small_leaf:
                self.value_edit.setText(json.dumps(np.asarray(node.value).tolist()))
        self._node_id = node.id if node is not None else None
        self.value_edit.setVisible(is_small_leaf)
        if node is None:
            self.node_box.setTitle(translate("Inspector", "Node"))
            self.node_block = [Para(translate(
                "Inspector", "Click a node to see its formula, value and gradient."))]
            self.node_label.set_html(equation.to_html(self.node_block))
            self.value_view.clear()
            self.grad_view.clear()
            self._shown = None
            return
        value = state.values.get(node.id)
        grad = None if node.id in state.hidden_nodes else state.grads.get(node.id)
        self.node_box.setTitle(translate("Inspector", "Node {name}").format(name=node.name))
        terms = explain.terms_of(ctl.trace, node) if ctl.trace is not None else []
        self.node_block = explain.node_block(node, value, grad, out, terms, ctl.cursor,
                                             ctl.hidden_step())
        self.node_label.set_html(equation.to_html(self.node_block, self.picture_side()))
        # the arrays themselves are kept, so identity cannot match a recycled id()
        shown = self._shown
        if shown is not None and shown[0] == node.id and shown[1] is value and shown[2] is grad:
            return
        self._shown = (node.id, value, grad)
        templates = node.op == "param" and value is not None and np.ndim(value) == 2 \
            and np.shape(value)[0] in TEMPLATE_SIDES
        self.value_view.show_array(
            value, translate("Inspector", "value of {name}").format(name=node.name),
            templates=templates)
        self.grad_view.show_array(
            grad, translate("Inspector", "gradient {grad}").format(
                grad=explain.grad_sym(out or "out", node.name)), templates=templates)
