"""Make the README screenshots: ``python3 -m ui.headless.screenshots resources/screenshots/``.

Runs offscreen (no display needed) and drives the real window through its own actions, so the
pictures show exactly what a learner sees and can be made again after any change.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZE = (1600, 860)   # wide enough for the whole MLP example at a zoom that shows shapes


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def shoot(out_dir: str | Path) -> list[Path]:
    """Write the screenshots into ``out_dir``; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.app import MainWindow
    from ui.headless.render import save_png

    app = QApplication.instance() or QApplication(["graphviz-nn-screenshots"])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def save(window, name: str) -> None:
        _settle(app)
        written.append(save_png(window.grab(), out / name))

    from PySide6.QtWidgets import QDockWidget

    w = MainWindow()
    w.resize(*SIZE)
    for dock in w.findChildren(QDockWidget):    # the explorer's own view: canvas + inspector
        if dock is not w.inspector_dock:
            dock.hide()
    w.show()
    c = w.controller
    # f = (x + y)·z in the middle of the backward pass: the multiply gate f has sent its
    # gradients back to q and z; x and y have not heard yet
    w.actions["forward"].trigger()
    w.actions["step_forward"].trigger()
    w.canvas.fit()
    save(w, "explorer_backward.png")
    # the 2-layer MLP on the spiral batch, mid-backward, the hidden layer h1 selected,
    # at a zoom where every wire still shows its shapes
    w.load_example("spiral")
    w.actions["backward"].trigger()
    c.seek(c.n_forward + 3)
    w.scene.clearSelection()
    h1 = w.scene.node_item(c.graph["h1"].id)
    h1.setSelected(True)
    w.canvas.resetTransform()
    w.canvas.scale(0.66, 0.66)
    w.canvas.centerOn(w.scene.itemsBoundingRect().center())
    _settle(app)
    w.inspector.verticalScrollBar().setValue(w.inspector.node_box.y() - 8)
    save(w, "mlp_example.png")
    # the 784-100-10 model: the first layer's weights as one 28×28 template per hidden unit
    w.load_example("fashion")
    w.actions["backward"].trigger()
    w.scene.clearSelection()
    w.scene.node_item(c.graph["W1"].id).setSelected(True)
    w.canvas.fit()
    _settle(app)
    w.inspector.verticalScrollBar().setValue(w.inspector.node_box.y() - 8)
    save(w, "fashion_templates.png")
    w.close()
    return written


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for path in shoot(argv[0] if argv else "resources/screenshots"):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
