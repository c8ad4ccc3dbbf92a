"""Make the README screenshots of the workspaces:
``python3 -m ui.headless.workspace_screenshots [resources/screenshots/]``.

Explore, Build and Train at 1280×720 (a projector) and at 1920×1080, and presentation mode at
1280×720, each made offscreen by driving the real window through its own actions (a step of the
backward pass, a few edits, a real training run), so the pictures can be made again after any
change and never go stale. Layouts and the presentation scale kept by the learner's own runs
are not used: the window gets a settings file of its own.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from ui.headless.script import run

SIZES = ((1280, 720), (1920, 1080))
PRESENTATION = (1280, 720, 1.5)


def _settle(app, seconds: float = 0.2) -> None:
    """Let the window lay out and paint: an event loop, as the app runs (processEvents alone
    leaves deferred deletions, e.g. of a dock group's old tab bar, undone)."""
    from PySide6.QtTest import QTest

    QTest.qWait(int(seconds * 1000))


def _wait(app, predicate, timeout_s: float = 180.0) -> None:
    end = time.perf_counter() + timeout_s
    while not predicate():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.005)


def _window(app, size: tuple[int, int], settings_dir: Path):
    from PySide6.QtCore import QSettings

    from ui.app import MainWindow

    w = MainWindow()
    w.use_settings(QSettings(str(settings_dir / f"{size[0]}x{size[1]}.ini"),
                             QSettings.Format.IniFormat))
    w.resize(*size)
    w.show()
    _settle(app)
    w.workspaces.reset_layout()       # Explore laid out for this size, as if opened at it
    _settle(app)
    return w


def _explore(app, w) -> None:
    """The sigmoid neuron, three steps into the backward pass, the chain rule in the
    inspector."""
    w.show_workspace("explore")
    w.load_example("sigmoid")
    c = w.controller
    w.actions["forward"].trigger()
    c.seek(c.n_forward + 2)
    w.canvas.fit()
    _settle(app)


def _build(app, w) -> None:
    """f = (x + y)·z with a sigmoid added by hand and wired to f: the palette, the new node
    selected in the inspector, the edits in the history."""
    w.load_example("cs231n")
    w.show_workspace("build")
    c = w.controller
    f = c.graph["f"]
    node = c.add_node("sigmoid", pos=(f.pos[0] + 260, f.pos[1]))
    c.connect_ports(f.id, node, 0)
    c.rename_node(node, "s")
    c.select([node])
    w.canvas.fit()
    _settle(app)


def _train(app, w) -> None:
    """The spiral learnt by a 16-16 ReLU network, the model on the canvas, the curves in
    front."""
    w.show_workspace("train")
    dock = w.training_dock
    form, model = dock.data_form, dock.model_form
    form.kind.setCurrentText("spiral")
    form.size.setValue(400)
    model.hidden.setText("16,16")
    model.activation.setCurrentText("relu")
    model.optimizer.setCurrentText("Adam")
    model.lr.setValue(0.02)
    model.epochs.setValue(80)
    model.show_on_canvas.setChecked(True)
    dock.set_speed(None)
    dock.train()
    _wait(app, lambda: dock.state == "idle" and dock.last_step > 0)
    _settle(app, 1.0)
    w.canvas.fit()
    _settle(app)


def shoot(out_dir: str | Path) -> list[Path]:
    """Write the screenshots into ``out_dir``; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.headless.render import save_png

    app = QApplication.instance() or QApplication(["graphviz-nn-screenshots"])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(w, name: str) -> None:
        _settle(app)
        written.append(save_png(w.grab(), out / name))

    with tempfile.TemporaryDirectory() as tmp:
        for width, height in SIZES:
            w = _window(app, (width, height), Path(tmp))
            for name, stage in (("explore", _explore), ("build", _build), ("train", _train)):
                stage(app, w)
                save(w, f"workspace_{name}_{width}x{height}.png")
            w.training_dock.shutdown()
            w.close()
        width, height, scale = PRESENTATION
        w = _window(app, (width, height), Path(tmp))
        w.presentation.set_scale(scale)
        _explore(app, w)
        save(w, f"presentation_{width}x{height}.png")
        w.presentation.set_scale(1.0)
        w.close()
    return written


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    return run(lambda: shoot(argv[0] if argv else "resources/screenshots"), "screenshots")


if __name__ == "__main__":
    sys.exit(main())
