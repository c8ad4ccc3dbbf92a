"""The window appears before the heavy parts load: no engine (networkx), no plots (pyqtgraph)
until after its first paint; the Train workspace's views load when it is first opened.
(The time itself is measured against a bare window by tests/bench/bench_ui.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import MainWindow
heavy = ("networkx", "pyqtgraph", "graphviz_nn")
w = MainWindow(example=None); w.show(); app.processEvents(); w.grab()
shown = [m for m in heavy if m in sys.modules]
w.load_example("cs231n")
loaded = [m for m in heavy if m in sys.modules]
w.show_workspace("train"); app.processEvents()
train = [m for m in heavy if m in sys.modules]
w.training_dock.shutdown()
print(json.dumps({"shown": shown, "example": loaded, "train": train}))
"""


def test_the_window_paints_before_the_engine_and_the_plots_load():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["shown"] == []
    assert set(got["example"]) == {"networkx", "graphviz_nn"}     # the example needs the engine
    assert "pyqtgraph" in got["train"]
