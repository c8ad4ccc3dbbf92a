"""Make the README screenshots of time travel and of a paired run.

    python3 -m ui.headless.time_travel_screenshot [--out resources/screenshots/]

time_travel.png: the spiral trained (16-16 ReLU, Adam), paused mid-run, the scrubber dragged
back to an early step: the curves' red line and "step k of N", the decision boundary and the
network diagram as they were at step k. paired_run.png: Compare… SGD vs Adam on the spiral:
both curves on one plot and both decision boundaries side by side.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ui.headless.script import run
from ui.headless.training_screenshot import _run_until, _save, _settle


def _dock(app, epochs: int):
    from ui.train.dock import TrainingDock

    dock = TrainingDock()
    dock.settings_panel.hide()            # the views, not the form
    dock.resize(1500, 560)
    dock.show()
    f, m = dock.data_form, dock.model_form
    f.kind.setCurrentText("spiral")
    f.size.setValue(600)
    f.noise.setValue(0.1)
    m.hidden.setText("16,16")
    m.epochs.setValue(epochs)
    dock.set_speed(None)
    return dock


def time_travel(app, out: str) -> str:
    dock = _dock(app, 300)
    dock.train()
    _run_until(app, lambda: dock.last_epoch >= 110)
    bar = dock.time_bar
    steps = dock.travel.record.saved_steps()
    target = next(i for i, s in enumerate(steps) if s >= 0.12 * steps[-1])
    bar.slider.setValue(target)            # pauses the run, every view at that step
    _run_until(app, lambda: dock.worker is not None and dock.worker.is_paused())
    _settle(app)
    _save(dock.grab(), out)
    dock.shutdown()
    dock.close()
    return out


def paired_run(app, out: str) -> str:
    dock = _dock(app, 100)
    dock.network.hide()
    dock.model_form.lr.setValue(0.03)
    dock.pairs.compare("optimizer")
    _run_until(app, lambda: dock.state == "idle")
    _settle(app)
    _save(dock.grab(), out)
    dock.shutdown()
    dock.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Screenshots of time travel and a paired run.")
    p.add_argument("--out", default="resources/screenshots/")
    args = p.parse_args(argv)

    def make() -> list[str]:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(["graphviz-nn"])
        folder = Path(args.out)
        return [time_travel(app, str(folder / "time_travel.png")),
                paired_run(app, str(folder / "paired_run.png"))]

    return run(make)


if __name__ == "__main__":
    sys.exit(main())
