"""The example files and screenshots in resources/ are made by scripts; these tests run the
scripts and check that what is committed matches what they make."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

import graphviz_nn as gnn
from ui.explore import examples
from ui.headless import screenshots

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("key", examples.FILES)
def test_committed_example_files_match_the_builders(key):
    path = ROOT / "resources" / "examples" / f"{key}.json"
    loaded = gnn.load(path)
    built = examples.BY_KEY[key].build()
    assert [n.name for n in loaded.nodes] == [n.name for n in built.nodes]
    assert loaded.output is not None and loaded.output.name == built.output.name
    loaded.forward()
    built.forward()
    assert np.allclose(loaded.output.value, built.output.value)


def test_examples_script_writes_files(tmp_path):
    assert examples.main([str(tmp_path)]) == 0
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(examples.FILES)


def test_screenshots_script(qtbot, tmp_path):
    paths = screenshots.shoot(tmp_path)
    assert [p.name for p in paths] == ["explorer_backward.png", "mlp_example.png",
                                       "fashion_templates.png"]
    for p in paths:
        img = QImage(str(p))
        assert (img.width(), img.height()) == screenshots.SIZE
