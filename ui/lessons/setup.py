"""What a lesson step shows: its ``setup`` applied to the window (a graph from an example, an
expression or a file; leaf values; the timeline's cursor; quiz mode; a selected node; the
training dock's settings; the workspace).

``merged(lesson, k)`` is what steps 1..k set up together (the graph of the last step that named
one, every training setting in order): what Back and a resumed lesson apply. Next applies only
the new step's own setup, so the learner's graph stays where a step does not replace it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from graphviz_nn.lessons import Lesson
from ui.i18n import translate

GRAPH_KEYS = ("example", "expression", "graph")
IMAGE_SETS = ("MNIST", "Fashion-MNIST")


def merged(lesson: Lesson, index: int) -> dict:
    """The setup of steps 0..``index`` together (0-based ``index``)."""
    out: dict = {}
    for step in lesson.steps[: index + 1]:
        s = step.setup
        if any(k in s for k in GRAPH_KEYS):
            for k in (*GRAPH_KEYS, "values", "select"):
                out.pop(k, None)
        for k, v in s.items():
            if k == "train":
                train = dict(out.get("train", {}))
                train.update(v)
                out["train"] = train
            else:
                out[k] = v
    here = lesson.steps[index].setup
    for k in ("cursor", "select"):          # where the timeline stands is the step's own
        if k not in here:
            out.pop(k, None)
    return out


def images_available(kind: str) -> bool:
    """Whether the four IDX files of ``kind`` (MNIST or Fashion-MNIST) are on this computer:
    in the folder the learner chose for it, or downloaded into the app's cache."""
    from graphviz_nn.datasets.idx import FASHION_MNIST_FILES, MNIST_FILES, default_cache_dir
    from ui.train.data_form import remembered_folder

    files = FASHION_MNIST_FILES if kind == "Fashion-MNIST" else MNIST_FILES
    names = [name for name, _urls, _md5 in files.values()]

    def holds(folder: Path) -> bool:
        return all((folder / n).exists() or (folder / n[:-3]).exists() for n in names)

    chosen = remembered_folder(kind)
    if chosen and holds(Path(chosen)):
        return True
    cache = default_cache_dir()
    if not all((cache / n).is_file() for n in names):
        return False
    # MNIST and Fashion-MNIST share the file names: the small label file's checksum tells
    name, _urls, md5 = files["train_labels"]
    try:
        return hashlib.md5((cache / name).read_bytes(), usedforsecurity=False).hexdigest() == md5
    except OSError:
        return False


class Applier:
    """Applies setups to ``window``; ``fell_back`` names the image data set a setup asked for
    whose files are missing (the step then used its ``fallback`` settings), else ""."""

    def __init__(self, window) -> None:
        self.window = window
        self.fell_back = ""
        self.force_images = False       # the learner chose to use the image set anyway

    def apply(self, setup: dict) -> None:
        w = self.window
        c = w.controller
        self.fell_back = ""
        if "train" in setup:
            self._train(setup["train"])
        if "example" in setup:
            w.load_example(setup["example"])
            w.inspector.set_example(None)   # its paragraph would give the step's answers away
        elif "expression" in setup:
            self._expression(setup["expression"], setup.get("values", {}))
        elif "graph" in setup:
            import graphviz_nn as gnn
            graph = gnn.load(setup["graph"])
            c.replace_graph(graph, translate("History", "Lesson graph {name}").format(
                name=Path(setup["graph"]).name),
                            getattr(graph.output, "name", None))
        if "values" in setup and "expression" not in setup:
            for name, value in setup["values"].items():
                if name in c.graph:
                    c.set_value(c.graph[name].id, np.asarray(value, dtype=np.float64))
        if "quiz" in setup and "quiz" in w.actions:
            w.actions["quiz"].setChecked(setup["quiz"])
        if "cursor" in setup:
            self._cursor(setup["cursor"])
        if "select" in setup and setup["select"] in c.graph:
            node = c.graph[setup["select"]]
            w.scene.clearSelection()
            item = w.scene.nodes.get(node.id)
            if item is not None:
                item.setSelected(True)          # the scene tells the controller
            if c.selection != [node.id]:
                c.select([node.id])
        if "workspace" in setup:
            w.show_workspace(setup["workspace"])

    def _expression(self, text: str, values: dict) -> None:
        import graphviz_nn as gnn

        w = self.window
        graph = gnn.parse(text, **{k: np.asarray(v, dtype=np.float64) for k, v in values.items()})
        for node in graph.nodes:
            if node.is_leaf and node.value is None:
                graph.set_value(node, 1.0)
        one_line = "; ".join(line.strip() for line in text.splitlines() if line.strip())
        w.expression_message.setVisible(False)      # the bar shows the graph's expression
        w.example_key = None
        w.inspector.set_example(None)
        w.controller.replace_graph(
            graph, translate("History", "Expression {text}").format(text=one_line),
            graph.output.name)

    def _cursor(self, where) -> None:
        c = self.window.controller
        if c.trace is None:
            return
        if where == "start":
            c.seek(-1)
        elif where == "forward_end":
            c.seek(c.n_forward - 1)
        elif where == "end":
            c.run_backward()
        else:
            c.seek(int(where))

    def _train(self, settings: dict) -> None:
        from ui.train import install

        dock = install(self.window)
        s = dict(settings)
        fallback = s.pop("fallback", None)
        kind = s.get("dataset")
        if kind in IMAGE_SETS and not self.force_images and not images_available(kind):
            self.fell_back = kind
            if fallback:
                s.update(fallback)
        set_train_form(dock, s)


def set_train_form(dock, s: dict) -> None:
    """Put ``s`` (a lesson's train settings) into the dock's forms, as the learner would."""
    from ui.train.model_form import OPTIMIZERS

    data, model = dock.data_form, dock.model_form
    if "dataset" in s:
        data.kind.setCurrentText(s["dataset"])
        if s["dataset"] in IMAGE_SETS and data.source.currentIndex() == 1 \
                and not data.path.text().strip():
            data.source.setCurrentIndex(0)
    if "size" in s:
        data.size.setValue(s["size"])
    if "noise" in s:
        data.noise.setValue(s["noise"])
    if "hidden" in s:
        model.source.setCurrentIndex(0)
        model.hidden.setText(", ".join(str(h) for h in s["hidden"]))
    if "activation" in s:
        model.activation.setCurrentText(s["activation"])
    if "dropout" in s:
        model.dropout.setValue(s["dropout"])
    if "optimizer" in s:
        label = next(k for k, v in OPTIMIZERS.items() if v == s["optimizer"])
        model.optimizer.setCurrentText(label)
    for key, box in (("learning_rate", model.lr), ("batch_size", model.batch),
                     ("epochs", model.epochs), ("validation", model.val_split),
                     ("seed", model.seed)):
        if key in s:
            box.setValue(s[key])
    if "show_on_canvas" in s:
        model.show_on_canvas.setChecked(s["show_on_canvas"])
    if "speed" in s and hasattr(dock, "set_speed"):
        dock.set_speed(s["speed"])
