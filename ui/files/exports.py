"""File > Export ▸ View as PNG or SVG / Python script (numpy) / PyTorch script / PyTorch model /
Keras model, and File > Save model as .keras.

The graph exports write what the window shows (the controller's trace). The model exports
need a Keras-style model: the training dock's model, a model opened from a .keras file, or the
graph on the canvas when it has the shape of one (the MLP builder's). Each file is written
atomically; a problem goes to the message bar, naming the file and what is wrong.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from ui.i18n import QT_TRANSLATE_NOOP, translate

# key, menu text, file-dialog title, default file name
EXPORTS = (
    ("numpy", QT_TRANSLATE_NOOP("Exports", "Python script (numpy)…"), "numpy_graph.py"),
    ("torch", QT_TRANSLATE_NOOP("Exports", "PyTorch script (autograd)…"), "torch_graph.py"),
    ("torch_model", QT_TRANSLATE_NOOP("Exports", "PyTorch model and training loop…"),
     "torch_model.py"),
    ("keras_model", QT_TRANSLATE_NOOP("Exports", "Keras model and training…"), "keras_model.py"),
)
TIPS = {
    "numpy": QT_TRANSLATE_NOOP("Exports", "The forward and backward lines of the code view as "
                               "a script that checks every value and gradient"),
    "torch": QT_TRANSLATE_NOOP("Exports", "The graph with PyTorch tensors and .backward(), "
                               "checking the same values and gradients"),
    "torch_model": QT_TRANSLATE_NOOP("Exports", "The model as nn.Sequential with its weights and "
                                     "data, trained with the same optimizer"),
    "keras_model": QT_TRANSLATE_NOOP("Exports", "The model as keras.Sequential with its weights "
                                     "and data: compile and fit"),
}
PY_FILTER = QT_TRANSLATE_NOOP("Exports", "Python script (*.py)")
KERAS_FILTER = QT_TRANSLATE_NOOP("Exports", "Keras model (*.keras)")


class Exports:
    """The export intents of one window; ``ask_path`` is the file dialog (tests replace it)."""

    def __init__(self, window) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}

    # ---- dialogs (overridable) -----------------------------------------------------------------
    def ask_path(self, title: str, name: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title, name, file_filter)
        return path or None

    # ---- what is exported ----------------------------------------------------------------------
    def model_spec(self):
        """The model to export (see the module's docstring); GraphError says why there is none."""
        from graphviz_nn import GraphError
        from graphviz_nn.export import from_graph, from_sequential

        c = self.window.controller
        dock = getattr(self.window, "training_dock", None)
        model = getattr(dock, "model", None) if dock is not None else None
        if not hasattr(model, "layers"):
            model = None                            # no Keras-style model trained yet
        opened = getattr(self.window, "opened_model", None)
        if model is not None and c.graph is model.graph:
            return _dock_model_spec(dock)
        if opened is not None and c.graph is opened.graph:
            spec = from_sequential(opened)
            graph_spec = from_graph(c.graph)        # the batch on the canvas as its data
            spec.x, spec.y = graph_spec.x, graph_spec.y
            return spec
        try:
            spec = from_graph(c.graph)
        except GraphError as exc:
            if model is not None:                   # the dock's last model, off the canvas
                return _dock_model_spec(dock)
            raise GraphError(translate(
                "Exports", "The graph on the canvas is not a Keras-style model ({why}). Build "
                "one with Build MLP, open a .keras file, or train one in the Train workspace.")
                .format(why=exc)) from None
        if dock is not None:                        # train it as the dock would
            _dock_settings(spec, dock)
        return spec

    # ---- intents -------------------------------------------------------------------------------
    def export(self, key: str, path: str | Path | None = None) -> list[Path]:
        """Export as ``key`` (see EXPORTS) to ``path`` (asked for when None); returns the
        files written, none when cancelled or refused (the message bar says why)."""
        text, name = next((t, n) for k, t, n in EXPORTS if k == key)
        try:
            make = self._maker(key)            # refused before a file dialog opens
        except Exception as exc:  # noqa: BLE001 - GraphError: shown, not raised
            self._refuse(translate("Exports", "Could not export: {why}").format(why=_why(exc)))
            return []
        if path is None:
            path = self.ask_path(translate("Exports", text).rstrip("…"), name,
                                 translate("Exports", PY_FILTER))
            if not path:
                return []
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".py")
        try:
            files = make(path)
        except Exception as exc:  # noqa: BLE001 - GraphError, KerasFileError, OSError
            self._refuse(translate("Exports", "Could not export {name}: {why}")
                         .format(name=path.name, why=_why(exc)))
            return []
        return self._write(files)

    def view(self, path: str | Path | None = None) -> bool:
        """File > Export > View as PNG or SVG (by the file's extension): the whole graph as
        the canvas draws it."""
        if path is None:
            path = self.ask_path(translate("Window", "Export view"), "view.png",
                                 translate("Window", "PNG image (*.png);;SVG drawing (*.svg)"))
            if not path:
                return False
        from ui.files.autosave import said_reason
        from ui.headless.render import export_scene

        try:
            export_scene(self.window.scene, path)
        except (OSError, ValueError) as exc:
            self._refuse(translate("Window", "Cannot export {path}: {why}").format(
                path=path, why=said_reason(exc)))
            return False
        self.window.clear_notice("export")
        self.window.status(translate("Window", "Exported {path}").format(path=path))
        return True

    def save_keras(self, path: str | Path | None = None) -> bool:
        """File > Save model as .keras: a file Keras 3 opens with keras.models.load_model."""
        try:
            spec = self.model_spec()           # refused before a file dialog opens
        except Exception as exc:  # noqa: BLE001
            self._refuse(translate("Exports", "Could not save a .keras file: {why}")
                         .format(why=_why(exc)))
            return False
        if path is None:
            path = self.ask_path(translate("Exports", "Save model as .keras"), "model.keras",
                                 translate("Exports", KERAS_FILTER))
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != ".keras":
            path = path.with_name(path.name + ".keras")
        try:
            from graphviz_nn.keras_io import keras_bytes
            files = {path: keras_bytes(spec)}
        except Exception as exc:  # noqa: BLE001 - KerasFileError (h5py missing), GraphError
            self._refuse(translate("Exports", "Could not save {name}: {why}")
                         .format(name=path.name, why=_why(exc)))
            return False
        return bool(self._write(files))

    def _maker(self, key: str):
        """``make(path) -> {path: bytes}`` for export ``key``, from what the window shows now;
        GraphError when there is nothing of that kind to export."""
        from graphviz_nn import GraphError
        from graphviz_nn.export import model_files, numpy_script, torch_script

        if key in ("numpy", "torch"):
            c = self.window.controller
            trace = c.trace
            if trace is None:
                raise GraphError(c.trace_error or translate("Exports",
                                                            "the graph has no output node"))
            document = getattr(self.window, "document", None)
            title = document.display_name() if document is not None else ""
            script = numpy_script if key == "numpy" else torch_script
            return lambda path: {path: script(trace, title).encode("utf-8")}
        spec = self.model_spec()
        return lambda path: model_files(spec, "torch" if key == "torch_model" else "keras", path)

    def _write(self, files: dict[Path, bytes]) -> list[Path]:
        from graphviz_nn.io import write_atomic

        written = []
        for path, data in files.items():
            try:
                write_atomic(path, data)
            except OSError as exc:
                self._refuse(translate("Exports", "Could not write {path}: {why}")
                             .format(path=path, why=exc.strerror or exc))
                return written
            written.append(path)
        self.window.clear_notice("export")
        self.window.status(translate("Exports", "Wrote {files}").format(
            files=", ".join(str(p) for p in written)))
        return written

    def _refuse(self, text: str) -> None:
        self.window.notify(text, "error", key="export")


def _why(exc: Exception) -> str:
    from ui.engine_text import error_text

    return " ".join(error_text(exc).split()) or type(exc).__name__


def _dock_model_spec(dock):
    """The training dock's model with its data and the settings it was trained with."""
    from graphviz_nn.export import from_sequential

    s = dock.settings
    return from_sequential(dock.model, dock.x_train, dock.y_train, s.batch_size, s.epochs,
                           True, (dock.x_val, dock.y_val))


def _dock_settings(spec, dock) -> None:
    """The training dock's optimizer, learning rate, batch size and epochs for ``spec``."""
    from graphviz_nn.export.model_spec import optimizer_config
    from ui.train.model_form import make_optimizer

    try:
        s = dock.model_form.settings()
    except ValueError:
        return
    spec.optimizer = optimizer_config(make_optimizer(s.optimizer, s.learning_rate))
    spec.batch_size, spec.epochs = s.batch_size, s.epochs


def install(window) -> Exports:
    """File > Export ▸ (the view as PNG/SVG, and the scripts) and File > Save model as .keras."""
    from ui.menus import window_menu

    exports = Exports(window)
    window.exports = exports
    menu = window_menu(window, "file")
    sub = QMenu(translate("Exports", "Export"), window)
    sub.setObjectName("menu_export")
    view = window.actions["export"]
    view.setText(translate("Exports", "View as PNG or SVG…"))
    view.triggered.connect(lambda _=False: exports.view())
    sub.addAction(view)
    sub.addSeparator()
    for key, text, _name in EXPORTS:
        act = sub.addAction(translate("Exports", text))
        act.setObjectName(f"action_export_{key}")
        act.setStatusTip(translate("Exports", TIPS[key]))
        act.triggered.connect(lambda _=False, k=key: exports.export(k))
        exports.actions[key] = act
    menu.addMenu(sub)
    keras = menu.addAction(translate("Exports", "Save model as .keras…"))
    keras.setObjectName("action_save_keras")
    keras.setStatusTip(translate("Exports", "A file Keras 3 opens with keras.models.load_model"))
    keras.triggered.connect(lambda _=False: exports.save_keras())
    window.actions.update({f"export_{k}": a for k, a in exports.actions.items()})
    exports.actions["save_keras"] = window.actions["save_keras"] = keras
    # a refused export was about the graph shown then: another graph makes it old news
    window.controller.changed.connect(
        lambda kind: window.clear_notice("export") if kind == "graph" else None)
    code_view = getattr(window, "code_view", None)
    if code_view is not None:
        code_view.export_requested.connect(lambda: exports.export("numpy"))
    return exports
