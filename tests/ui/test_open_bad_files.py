"""Nasty graph files opened in the window (File > Open, the command line): a message naming the
problem, the graph kept, and the view still zooms and resizes, for this file and later ones."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.test_editor_files import build
from tests.ui.windows import make_window


@pytest.fixture
def win(qtbot, tmp_path):
    return make_window(qtbot, tmp_path)


def _file(nodes):
    return {"format": "graphviz-nn", "version": 1, "nodes": nodes, "edges": []}


NASTY = {
    "nan.json": (_file([{"id": 0, "op": "input", "name": "x", "pos": [math.nan, math.inf]}]),
                 "pos must be two finite numbers"),
    "int.json": (_file([{"id": 0, "op": "input", "name": "x",
                         "value": {"dtype": "int32", "shape": [1], "data": [2 ** 40]}}]),
                 "does not fit in int32"),
    "shape.json": (_file([{"id": 0, "op": "input", "name": "x",
                           "value": {"dtype": "float64", "shape": [10 ** 6, 10 ** 6],
                                     "data": []}}]), "holds 1,000,000,000,000 numbers"),
    "surrogate.json": (_file([{"id": 0, "op": "input", "name": "x\ud800"}]), "lone surrogate"),
}


def _write(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(json.dumps(NASTY[name][0]), encoding="utf-8", errors="surrogatepass")
    return path


def _resize(win, dw: int, dh: int) -> None:
    win.resize(win.width() + dw, win.height() + dh)
    QApplication.processEvents()


@pytest.mark.parametrize("name", list(NASTY))
def test_file_open_names_the_problem_keeps_the_graph_and_the_view_works(win, tmp_path, name):
    g = build(win)
    before = g.to_dict()
    win.document.ask_open_path = lambda: str(_write(tmp_path, name))
    win.actions["open"].trigger()                                   # File > Open
    bar = win.message_bar
    assert bar.isVisibleTo(win) and NASTY[name][1] in bar.text()
    assert bar.text().count(name) == 1                              # named once, not twice
    assert win.controller.graph.to_dict() == before
    _resize(win, -60, -40)
    assert 0 < win.canvas.zoom() <= 4
    good = tmp_path / "good.json"                                   # a later file is fine too
    g.save(good)
    win.document.ask_save_changes = lambda: "discard"
    win.document.ask_open_path = lambda: str(good)
    win.actions["open"].trigger()
    _resize(win, 60, 40)
    assert 0 < win.canvas.zoom() <= 4 and win.windowTitle().startswith("good.json")


def test_the_view_survives_an_item_at_an_infinite_position(win):
    build(win)
    item = next(iter(win.scene.nodes.values()))
    item.setPos(math.inf, 0.0)                   # whatever put it there, fit must not zoom to 0
    win.canvas.fit()
    assert 0 < win.canvas.zoom() <= 4
    _resize(win, -50, -30)
    win.canvas.zoom_by(1.2)
    assert 0 < win.canvas.zoom() <= 4


def test_the_command_line_prints_one_line_and_exits(tmp_path):
    path = _write(tmp_path, "nan.json")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-m", "graphviz_nn", str(path)], env=env,
                         capture_output=True, text=True, timeout=60)
    lines = [ln for ln in out.stderr.splitlines() if "propagateSizeHints" not in ln]
    assert out.returncode != 0
    assert len(lines) == 1 and "nan.json" in lines[0] and "pos must be two finite" in lines[0]
