"""``graphviz-nn render`` on hostile files: one line on stderr naming the problem, a non-zero
exit, no output file, and memory bounded by the file (a declared shape or a broadcast is
refused before it is allocated)."""

from __future__ import annotations

import json
import math
import tracemalloc

import numpy as np
import pytest

import graphviz_nn as gnn
from graphviz_nn.cli import main as cli_main


def _file(nodes, edges=(), output=None):
    return {"format": "graphviz-nn", "version": 1, "nodes": nodes, "edges": list(edges),
            "output": output}


NASTY = {
    "nan position": (_file([{"id": 0, "op": "input", "name": "x", "pos": [math.nan, 1]}]),
                     "pos must be two finite numbers"),
    "huge shape": (_file([{"id": 0, "op": "input", "name": "x",
                           "value": {"dtype": "float64", "shape": [2 ** 40], "data": []}}]),
                   "has a dimension above 4,194,304"),
    "surrogate": (_file([{"id": 0, "op": "input", "name": "\udc80"}]), "lone surrogate"),
    "too many nodes": (_file([{"id": i, "op": "input", "name": f"x{i}"} for i in range(10_001)]),
                       "at most 10,000"),
}


@pytest.mark.parametrize("name", list(NASTY))
def test_a_nasty_file_gives_one_line_and_no_picture(tmp_path, capsys, name):
    data, words = NASTY[name]
    path = tmp_path / "nasty.json"
    path.write_text(json.dumps(data), encoding="utf-8", errors="surrogatepass")
    out = tmp_path / "v.png"
    assert cli_main(["render", str(path), "--out", str(out), "--forward"]) != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert words in err and "nasty.json" in err
    assert not out.exists()


def test_a_broadcast_bomb_is_refused_without_allocating_it(tmp_path, capsys):
    g = gnn.Graph()
    row, col = g.input("row", np.ones((1, 20000))), g.input("col", np.ones((20000, 1)))
    g.output = g.add(row, col, name="outer")         # 400 million numbers (3.2 GB) from 40,000
    path = tmp_path / "bomb.json"
    g.save(path)
    tracemalloc.start()
    code = cli_main(["render", str(path), "--out", str(tmp_path / "v.svg"), "--forward"])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    err = capsys.readouterr().err
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert "the result would hold 400,000,000 numbers" in err
    assert peak < 100 * 2 ** 20
