"""HiDPI (device pixel ratio 2, as QT_SCALE_FACTOR=2 gives): pictures made by the app are made at
the screen's pixel ratio, so heatmap cells and tab markers stay crisp instead of being blown up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import base64, json, re, sys
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import MainWindow
from ui.explore.equation_view import EquationView
w = MainWindow(); w.resize(1280, 720); w.show(); app.processEvents()
w.load_example("spiral")
w.actions["backward"].trigger()
w.controller.seek(w.controller.n_forward + 3)       # a backward step with tensors
app.processEvents()
images = []
for view in w.inspector.findChildren(EquationView):
    for m in re.finditer(r'<img src="data:image/png;base64,([^"]+)" width="(\d+)" height="(\d+)"',
                         view.toHtml() if not view._html else view._html):
        img = QImage.fromData(base64.b64decode(m.group(1)), "PNG")
        images.append([img.width(), img.height(), int(m.group(2)), int(m.group(3))])
w.notify("diverged", "error", workspace="train")
icon = w.workspaces.bar.tabIcon(2)
print(json.dumps({"ratio": w.devicePixelRatio(), "grab": w.grab().devicePixelRatio(),
                  "images": images,
                  "icon_sizes": [[s.width(), s.height()] for s in icon.availableSizes()]}))
"""


def test_pictures_are_made_at_the_device_pixel_ratio():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2",
               PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["ratio"] == 2.0 and got["grab"] == 2.0
    assert got["images"], "the inspector showed no heatmap"
    for width, height, shown_w, shown_h in got["images"]:
        assert (width, height) == (2 * shown_w, 2 * shown_h)     # one device pixel per pixel
    assert [20, 20] in got["icon_sizes"]                          # the marker's own 2x picture
