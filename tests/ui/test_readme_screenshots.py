"""The README's screenshot commands, run as a reader would run them: each writes its PNGs and
prints their paths. (``python3 -m ui.headless.training_screenshot`` had failed with "'CurvesView'
object has no attribute 'hover'" since the curves' read-out became a tooltip.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _run(module: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, env=env)


def test_the_training_screenshots_are_written(tmp_path):
    out, flow = tmp_path / "training.png", tmp_path / "flow.png"
    done = _run("ui.headless.training_screenshot", "--out", str(out),
                "--gradient-flow-out", str(flow))
    assert done.returncode == 0, done.stderr[-1500:]
    assert done.stdout.split() == [str(out), str(flow)]
    for path in (out, flow):
        img = QImage(str(path))
        assert img.width() >= 1200 and img.height() >= 500, path
