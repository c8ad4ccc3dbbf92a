"""Graph files: round trip, atomic save, and one clear GraphError for every broken file."""

import json
import os

import numpy as np
import pytest

import graphviz_nn as gnn
from graphviz_nn import GraphError


def _graph():
    g = gnn.Graph()
    x = g.input("x", [[1.0, -2.0], [3.0, np.inf]])
    w = g.param("w", [0.5, -1.0])
    h = g.leaky_relu(g.mul(x, w, name="xw"), alpha=0.2, name="h")
    s = g.sum(h, axis=1, name="s")
    g.input("labels", [1, 0])
    x.pos = (10.0, -5.5)
    g.output = s
    return g


def test_round_trip(tmp_path):
    g = _graph()
    path = tmp_path / "g.json"
    g.save(path)
    h = gnn.load(path)
    assert [(n.id, n.name, n.op, n.attrs) for n in h.nodes] == \
        [(n.id, n.name, n.op, n.attrs) for n in g.nodes]
    assert h.edges and [(s.id, d.id, p) for s, d, p in h.edges] == \
        [(s.id, d.id, p) for s, d, p in g.edges]
    np.testing.assert_array_equal(h["x"].value, g["x"].value)
    assert h["labels"].value.dtype == np.int64
    assert h["x"].pos == (10.0, -5.5) and h.output is h["s"]
    data = json.loads(path.read_text())
    assert data["format"] == "graphviz-nn" and data["version"] == 1
    # new nodes get fresh ids after the loaded ones
    assert h.add_node("neg").id not in {n.id for n in g.nodes}


def test_save_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "g.json"
    _graph().save(path)
    before = path.read_text()

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        gnn.parse("f = x + 1", x=1).save(path)
    assert path.read_text() == before
    assert os.listdir(tmp_path) == ["g.json"]   # no temporary file left behind


def _good():
    return _graph().to_dict()


def _break(how):
    d = _good()
    if how == "future version":
        d["version"] = 99
    elif how == "wrong format":
        d["format"] = "something-else"
    elif how == "unknown op":
        d["nodes"][0]["op"] = "conv2d"
    elif how == "dangling edge":
        d["edges"].append({"source": 999, "target": d["nodes"][-1]["id"], "port": 0})
    elif how == "cycle":
        ids = {n["name"]: n["id"] for n in d["nodes"]}
        d["edges"] = [e for e in d["edges"] if e["target"] != ids["xw"] or e["port"] != 0]
        d["edges"].append({"source": ids["h"], "target": ids["xw"], "port": 0})
    elif how == "nodes not a list":
        d["nodes"] = {"x": 1}
    elif how == "id not an int":
        d["nodes"][0]["id"] = "zero"
    elif how == "value data wrong":
        d["nodes"][0]["value"]["data"] = ["a", "b", "c", "d"]
    elif how == "value shape wrong":
        d["nodes"][0]["value"]["shape"] = [3, 3]
    elif how == "bad port":
        d["edges"][0]["port"] = 7
    elif how == "bad attr":
        d["nodes"][3]["attrs"]["alpha"] = "big"
    elif how == "duplicate name":
        d["nodes"][1]["name"] = d["nodes"][0]["name"]
    elif how == "top level list":
        d = [d]
    return d


@pytest.mark.parametrize("how, words", [
    ("future version", "newer graphviz-nn"), ("wrong format", "format"),
    ("unknown op", "unknown op 'conv2d'"), ("dangling edge", "id 999, which does not exist"),
    ("cycle", "cycle"), ("nodes not a list", "'nodes' must be a list"),
    ("id not an int", "id must be an integer"), ("value data wrong", "must be numbers"),
    ("value shape wrong", "needs 9"), ("bad port", "no port 7"), ("bad attr", "alpha"),
    ("duplicate name", "already a node named"), ("top level list", "JSON object"),
])
def test_broken_files_raise_one_clear_error(tmp_path, how, words):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_break(how)))
    with pytest.raises(GraphError, match=words) as info:
        gnn.load(path)
    assert "bad.json" in str(info.value)


def test_truncated_and_missing_files(tmp_path):
    path = tmp_path / "t.json"
    _graph().save(path)
    path.write_text(path.read_text()[:50])
    with pytest.raises(GraphError, match="truncated"):
        gnn.load(path)
    with pytest.raises(GraphError, match="cannot read"):
        gnn.load(tmp_path / "nope.json")
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(GraphError):
        gnn.load(path)
