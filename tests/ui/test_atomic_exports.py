"""Exports and recovery files are written atomically: a write that fails half way leaves the
file that was there before, and no temporary file behind."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtGui import QImage

import graphviz_nn as gnn
from ui.files.recovery import RecoveryStore
from ui.train.curves import CurvesView


def _view(qtbot) -> CurvesView:
    view = CurvesView()
    view.resize(600, 300)
    qtbot.addWidget(view)
    steps = np.arange(50)
    view.add_steps(steps, np.linspace(2.0, 0.5, 50), np.linspace(0.3, 0.9, 50), epoch=0)
    view.refresh()
    return view


def _fail_replace(monkeypatch):
    def boom(*args):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)


@pytest.mark.parametrize("kind", ["csv", "png"])
def test_a_failed_export_keeps_the_previous_file(qtbot, tmp_path, monkeypatch, kind):
    view = _view(qtbot)
    path = tmp_path / f"curves.{kind}"
    export = view.export_csv if kind == "csv" else view.export_png
    export(str(path))
    before = path.read_bytes()
    assert len(before) > 100
    _fail_replace(monkeypatch)
    with pytest.raises(OSError):
        export(str(path))
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [path.name]


def test_the_png_export_is_the_plots_image(qtbot, tmp_path):
    view = _view(qtbot)
    path = tmp_path / "curves.png"
    view.export_png(str(path))
    img = QImage(str(path))
    assert not img.isNull()
    # the legend (a row of its own above the plots) and the plots under it
    assert (img.width(), img.height()) == (view.plots.width(),
                                           view.legend.height() + view.plots.height())


def test_recovery_names_the_original_file_and_leaves_no_temporary_file(tmp_path):
    store = RecoveryStore(tmp_path, session="crashed")
    store.save(gnn.parse("f = x + 1", x=1), "/home/me/net.json")
    store._lock.unlock()                          # as if its process had died
    found = RecoveryStore(tmp_path, session="next").orphans()
    assert [o.path.name for o in found] == ["recovery-crashed.json"]
    assert "net.json" in found[0].describe()
    assert sorted(os.listdir(tmp_path)) == ["recovery-crashed.info", "recovery-crashed.json",
                                            "recovery-crashed.lock"]
    for o in found:
        o.lock.unlock()
