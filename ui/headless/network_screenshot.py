"""Make the README screenshot of the network diagram mid-training on the spiral.

    python3 -m ui.headless.network_screenshot [--out resources/screenshots/network.png]

Trains the spiral (two hidden layers of 8 tanh units, Adam) in the training dock, offscreen,
pauses mid-way, and saves the network diagram: every unit's map over the plane and every
weight as an edge, as the Train workspace shows them.
"""

from __future__ import annotations

import argparse
import sys

from ui.headless.script import run
from ui.headless.training_screenshot import _run_until, _save, _settle


def make_screenshot(out: str, width: int = 760, height: int = 420) -> str:
    """Train, pause mid-run, and save the network diagram as a PNG at ``out``."""
    from PySide6.QtWidgets import QApplication

    from ui.train.dock import TrainingDock

    app = QApplication.instance() or QApplication(["graphviz-nn"])
    dock = TrainingDock()
    dock.resize(1500, 620)
    dock.show()
    f, m = dock.data_form, dock.model_form
    f.kind.setCurrentText("spiral")
    f.size.setValue(600)
    f.noise.setValue(0.1)
    m.hidden.setText("8,8")
    m.activation.setCurrentText("tanh")
    m.optimizer.setCurrentText("Adam")
    m.lr.setValue(0.03)
    m.epochs.setValue(300)
    if hasattr(dock, "set_speed"):
        dock.set_speed(None)
    dock.train()
    _run_until(app, lambda: dock.last_epoch >= 120)
    dock.toggle_pause()
    _run_until(app, lambda: dock.worker is not None and dock.worker.is_paused())
    _settle(app)
    view = dock.network
    view.setParent(None)              # on its own, at the size of the Train workspace's dock
    view.resize(width, height)
    view.show()
    _settle(app)
    _save(view.grab(), out)
    dock.shutdown()
    view.close()
    dock.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Screenshot of the network diagram mid-training.")
    p.add_argument("--out", default="resources/screenshots/network.png")
    args = p.parse_args(argv)
    return run(lambda: [make_screenshot(args.out)])


if __name__ == "__main__":
    sys.exit(main())
