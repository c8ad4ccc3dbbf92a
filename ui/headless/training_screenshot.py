"""Make the README screenshot of training in progress.

    python3 -m ui.headless.training_screenshot [--out resources/screenshots/training.png]
                                             [--gradient-flow-out ...gradient_flow.png]

Trains the spiral twice in the training dock (offscreen): first with plain SGD, which stays on
the plots as the faded previous run, then with Adam, paused mid-way, so the picture shows live
curves, the decision boundary taking shape, and a comparison of the two optimizers. A second
picture puts a deep sigmoid network's gradient flow beside the same network with ReLU.
"""

from __future__ import annotations

import argparse
import sys
import time

from ui.headless.script import run


def _run_until(app, predicate, timeout_s: float = 120.0) -> None:
    end = time.perf_counter() + timeout_s
    while not predicate():
        if time.perf_counter() > end:
            raise TimeoutError("the training run did not get there in time")
        app.processEvents()
        time.sleep(0.005)


def _open_dock(width: int, height: int):
    """The QApplication and a shown TrainingDock of ``width`` × ``height``."""
    from PySide6.QtWidgets import QApplication

    from ui.train.dock import TrainingDock

    app = QApplication.instance() or QApplication(["graphviz-nn"])
    dock = TrainingDock()
    dock.resize(width, height)
    dock.show()
    return app, dock


def _settle(app) -> None:
    """Let the last drain and the views' redraws land."""
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def make_screenshot(out: str, width: int = 1500, height: int = 620) -> str:
    """Train, pause mid-run, and save the dock as a PNG at ``out`` (written atomically)."""
    app, dock = _open_dock(width, height)
    f, m = dock.data_form, dock.model_form
    f.kind.setCurrentText("spiral")
    f.size.setValue(600)
    f.noise.setValue(0.1)
    m.hidden.setText("32,32")
    m.activation.setCurrentText("relu")
    m.epochs.setValue(60)
    m.optimizer.setCurrentText("SGD")
    m.lr.setValue(0.1)
    dock.set_speed(None)            # full speed: the picture is of the runs, not of watching
    dock.train()
    _run_until(app, lambda: dock.state == "idle")
    m.optimizer.setCurrentText("Adam")
    m.lr.setValue(0.01)
    m.epochs.setValue(150)
    dock.train()
    _run_until(app, lambda: dock.last_epoch >= 70)
    dock.toggle_pause()
    _run_until(app, lambda: dock.worker is not None and dock.worker.is_paused())
    _settle(app)
    _save(dock.grab(), out)
    dock.shutdown()
    dock.close()
    return out


def make_gradient_flow_screenshot(out: str, width: int = 1500, height: int = 620) -> str:
    """A deep sigmoid network (faded) against the same depth with ReLU, on the gradient-flow
    tab: the sigmoid net's first layers get far smaller gradients than its last."""
    app, dock = _open_dock(width, height)
    f, m = dock.data_form, dock.model_form
    f.kind.setCurrentText("moons")
    m.hidden.setText("16,16,16,16,16")
    m.optimizer.setCurrentText("SGD")
    m.lr.setValue(0.1)
    m.epochs.setValue(40)
    dock.set_speed(None)
    dock.tabs.setCurrentWidget(dock.gradflow)
    for activation in ("sigmoid", "relu"):
        m.activation.setCurrentText(activation)
        dock.train()
        _run_until(app, lambda: dock.state == "idle")
    _settle(app)
    _save(dock.grab(), out)
    dock.close()
    return out


def _save(img, out: str) -> None:
    from ui.headless.render import save_png

    save_png(img, out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Screenshot of the training dock mid-run.")
    p.add_argument("--out", default="resources/screenshots/training.png")
    p.add_argument("--gradient-flow-out", default="resources/screenshots/gradient_flow.png")
    args = p.parse_args(argv)
    return run(lambda: [make_screenshot(args.out),
                        make_gradient_flow_screenshot(args.gradient_flow_out)])


if __name__ == "__main__":
    sys.exit(main())
