"""Graph files at their boundary: any bytes give a graph or one GraphError naming the problem;
a file that opens can be saved and opens again the same; memory stays bounded by the bytes
actually in the file (a declared shape is never allocated before its numbers are there)."""

from __future__ import annotations

import json
import math
import os
import tracemalloc

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphviz_nn as gnn
from graphviz_nn import GraphError, filecheck
from graphviz_nn.io import graph_from_dict, graph_to_dict, to_json_bytes


def _file(nodes, edges=(), **top):
    return {"format": "graphviz-nn", "version": 1, "nodes": nodes, "edges": list(edges), **top}


def _leaf(value=None, name="x", **extra):
    item = {"id": 0, "op": "input", "name": name, **extra}
    if value is not None:
        item["value"] = value
    return item


def _val(dtype, shape, data):
    return {"dtype": dtype, "shape": shape, "data": data}


NASTY = {
    "int32 overflow": (_file([_leaf(_val("int32", [1], [2 ** 40]))]),
                       "1099511627776 does not fit in int32"),
    "int64 overflow": (_file([_leaf(_val("int64", [1], [2 ** 70]))]), "does not fit in int64"),
    "int64 fraction": (_file([_leaf(_val("int64", [1], [1.5]))]), "whole numbers, found 1.5"),
    "float32 overflow": (_file([_leaf(_val("float32", [], [1e300]))]),
                         r"1e\+300 does not fit in float32"),
    "400-digit float": (_file([_leaf(_val("float64", [], [10 ** 400]))]),
                        r"\(401 digits\) does not fit in float64"),
    "bool data": (_file([_leaf(_val("float64", [1], [True]))]), "must be numbers, found True"),
    "rank 40": (_file([_leaf(_val("float64", [1] * 40, [1.0]))]), "40 dimensions; at most 8"),
    "huge shape": (_file([_leaf(_val("float64", [10 ** 5, 10 ** 5], []))]),
                   "holds 10,000,000,000 numbers"),
    "zero by huge": (_file([_leaf(_val("float64", [0, 10 ** 30], []))]), "a dimension above"),
    "nan position": (_file([_leaf(pos=[math.nan, 0])]), "pos must be two finite numbers"),
    "infinite position": (_file([_leaf(pos=[0, -math.inf])]), "pos must be two finite"),
    "400-digit position": (_file([_leaf(pos=[10 ** 400, 0])]), "pos must be two finite"),
    "huge id": (_file([{"id": 10 ** 30, "op": "input", "name": "x"}]), "id must be an integer"),
    "negative id": (_file([{"id": -1, "op": "input", "name": "x"}]), "id must be an integer"),
    "nan alpha": (_file([{"id": 0, "op": "leaky_relu", "name": "r",
                          "attrs": {"alpha": math.nan}}]), "alpha must be a finite number"),
    "infinite p": (_file([{"id": 0, "op": "pow", "name": "p", "attrs": {"p": math.inf}}]),
                   "p must be a finite number"),
    "surrogate name": (_file([_leaf(name="x\ud800")]), r"lone surrogate U\+D800"),
    "control name": (_file([_leaf(name="a\x07b")]), r"control character U\+0007"),
    "long name": (_file([_leaf(name="n" * 201)]), "at most 200 characters"),
    "tiny objects": (_file([]) | {"junk": [{}] * 110_000},
                     "too big for a graph file: it holds 110,004 JSON objects and lists"),
    "too many nodes": (_file([{"id": i, "op": "input", "name": f"x{i}"}
                              for i in range(filecheck.MAX_NODES + 1)]),
                       "10,001 nodes; a graph file holds at most 10,000"),
}


@pytest.mark.parametrize("name", list(NASTY))
def test_a_nasty_file_is_refused_with_a_message_naming_the_problem(tmp_path, name):
    data, words = NASTY[name]
    path = tmp_path / "nasty.json"
    path.write_text(json.dumps(data), encoding="utf-8", errors="surrogatepass")
    with pytest.raises(GraphError, match=words) as info:
        gnn.load(path)
    msg = str(info.value)
    assert "nasty.json" in msg
    msg.encode("utf-8")                       # the message itself can be printed and saved


def test_the_values_budget_counts_every_leaf(tmp_path, monkeypatch):
    monkeypatch.setattr(filecheck, "MAX_ELEMENTS", 100)
    nodes = [_leaf(_val("int64", [51], [0] * 51), name=f"x{i}") | {"id": i} for i in range(2)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_file(nodes)))
    with pytest.raises(GraphError, match="node 2 .*51 numbers; the values of a graph file "
                                         "hold at most 100"):
        gnn.load(path)


def test_files_that_are_not_regular_files_are_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(GraphError, match="not a regular file"):
        gnn.load(fifo)                        # opening a pipe would wait for a writer forever
    with pytest.raises(GraphError, match="not a regular file"):
        gnn.load("/dev/zero")
    with pytest.raises(GraphError, match="cannot read"):
        gnn.load(tmp_path)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(filecheck, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_file([_leaf(_val("float64", [200], [1.0] * 200))])))
    with pytest.raises(GraphError, match="too large for a graph file"):
        gnn.load(path)


def _peak_while(fn) -> int:
    tracemalloc.start()
    try:
        fn()
    except GraphError:
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def test_memory_is_bounded_by_the_bytes_in_the_file(tmp_path):
    declared = tmp_path / "declared.json"      # 100 bytes declaring 8 GB of values
    declared.write_text(json.dumps(_file([_leaf(_val("float64", [2 ** 30], [1.0]))])))
    assert _peak_while(lambda: gnn.load(declared)) < 1_000_000
    objects = tmp_path / "objects.json"        # 1.2 MB of empty objects: 24x that once made
    objects.write_text('{"format": "graphviz-nn", "junk": [' + "{}," * 400_000 + "{}]}")
    size = objects.stat().st_size
    assert _peak_while(lambda: gnn.load(objects)) < 4 * size


def test_saving_refuses_a_graph_no_file_may_hold_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(filecheck, "MAX_ELEMENTS", 10)
    g = gnn.Graph()
    g.input("x", np.zeros(11))
    path = tmp_path / "g.json"
    with pytest.raises(GraphError, match="11 numbers; a graph file holds at most 10"):
        g.save(path)
    assert not path.exists()


# ---- hypothesis: JSON structures and raw bytes ----

HOSTILE = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=2 ** 31),
    st.integers(min_value=10 ** 300, max_value=10 ** 400),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.sampled_from(["nan", "inf", "-inf", "x\ud800", "\x00", "float64", "int32", "input",
                     "add", "graphviz-nn"]),
    st.lists(st.integers(min_value=-2, max_value=2 ** 40), max_size=4),
    st.dictionaries(st.sampled_from(["dtype", "shape", "data", "axis", "p", "alpha"]),
                    st.integers(), max_size=2),
)


def _good() -> dict:
    g = gnn.parse("f = leaky_relu((x + y) * z, alpha=0.2) - sum(w, axis=0)", x=-2, y=5, z=-4,
                  w=[1.0, 2.0])
    g.input("labels", [1, 0])
    g["x"].pos = (10.0, -5.5)
    return graph_to_dict(g)


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


def _replace(obj, path, value):
    if not path:
        return value
    obj[path[0]] = _replace(obj[path[0]], path[1:], value)
    return obj


def _loads_or_refuses(data) -> None:
    try:
        g = graph_from_dict(data)
    except GraphError as exc:
        assert str(exc).strip()
        str(exc).encode("utf-8")
        return
    again = graph_from_dict(json.loads(to_json_bytes(g)))   # what opens, saves and opens again
    assert graph_to_dict(again) == graph_to_dict(g)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_json_structure_loads_and_saves_again_or_is_refused(data):
    doc = _good()
    paths = list(_paths(doc))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        doc = _replace(doc, list(path), data.draw(HOSTILE))
        paths = list(_paths(doc))
    _loads_or_refuses(doc)


GOOD_BYTES = json.dumps(_good(), indent=1).encode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.binary(max_size=300),
    st.tuples(st.integers(0, len(GOOD_BYTES)), st.integers(0, len(GOOD_BYTES)),
              st.binary(max_size=20)).map(lambda t: GOOD_BYTES[:t[0]] + t[2] + GOOD_BYTES[t[1]:]),
))
def test_any_bytes_give_a_graph_or_a_graph_error(tmp_path, raw):
    path = tmp_path / "fuzz.json"
    path.write_bytes(raw)
    try:
        g = gnn.load(path)
    except GraphError as exc:
        assert "fuzz.json" in str(exc)
        str(exc).encode("utf-8")
        return
    g.save(path)
    assert graph_to_dict(gnn.load(path)) == graph_to_dict(g)
