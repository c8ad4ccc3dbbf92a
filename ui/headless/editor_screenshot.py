"""The README's editor screenshot, made by building a graph by hand in the real window.

    python3 -m ui.headless.editor_screenshot [resources/screenshots/editor.png]

It places the ops of the CS231n neuron ``out = σ(w0·x0 + w1·x1 + w2)`` the way a learner does
(palette drops at points on the canvas, wires dragged from port to port through the
editor's own gesture handlers), lets auto-run compute values and gradients, and grabs the
window offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DEFAULT_OUT = Path("resources/screenshots/editor.png")

# name, op, value, (x, y) of the node's centre
NODES = [
    ("x0", "input", -1.0, (0, 0)), ("w0", "param", 2.0, (0, 110)),
    ("x1", "input", -2.0, (0, 240)), ("w1", "param", -3.0, (0, 350)),
    ("w2", "param", -3.0, (0, 470)),
    ("a", "mul", None, (260, 55)), ("b", "mul", None, (260, 295)),
    ("s", "add", None, (500, 175)), ("z", "add", None, (740, 300)),
    ("out", "sigmoid", None, (980, 300)),
]
WIRES = [("x0", "a", 0), ("w0", "a", 1), ("x1", "b", 0), ("w1", "b", 1),
         ("a", "s", 0), ("b", "s", 1), ("s", "z", 0), ("w2", "z", 1), ("z", "out", 0)]


def build_by_hand(window) -> None:
    """Drop, name, set and wire the neuron through the editor's gesture handlers."""
    from PySide6.QtCore import QPointF

    editor, ctrl = window.editor, window.controller
    ids = {}
    for name, op, value, (x, y) in NODES:
        nid = editor.canvas.place(op, QPointF(x, y))
        ctrl.rename_node(nid, name)
        if value is not None:
            ctrl.set_value(nid, value)
        ids[name] = nid
    for src, dst, port in WIRES:
        canvas = editor.canvas
        canvas._on_port_pressed(ids[src], -1, window.scene.node_item(ids[src]).out_port_pos())
        target = window.scene.node_item(ids[dst]).in_port_pos(port)
        canvas._on_port_dragged(target + QPointF(4, 3))
        canvas._on_port_released(target + QPointF(4, 3))
    ctrl.set_output(ids["out"])
    window.canvas.fit()
    window.scene.clearSelection()
    window.scene.node_item(ids["s"]).setSelected(True)


def make_screenshot(out: str | Path = DEFAULT_OUT, size: tuple[int, int] = (1500, 860)) -> Path:
    """Build the graph in a fresh window and save a PNG of the whole window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.app import MainWindow
    from ui.headless.render import save_png

    app = QApplication.instance() or QApplication([sys.argv[0]])
    tmp = Path(tempfile.mkdtemp(prefix="gnn-shot-"))
    window = MainWindow(example=None)
    window.document.use(recovery_dir=tmp / "recovery",
                        settings=QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    window.document.ask_save_changes = lambda: "discard"
    window.resize(*size)
    window.show()
    app.processEvents()
    build_by_hand(window)
    window.status("Built by hand: drag ops from the palette, wire output → input ports")
    for _ in range(3):
        app.processEvents()
    out = save_png(window.grab(), out)
    window.close()
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    path = make_screenshot(argv[0] if argv else DEFAULT_OUT)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
