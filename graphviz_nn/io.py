"""Graph files: JSON with a format name and version, nodes, edges, leaf values and positions.

    {"format": "graphviz-nn", "version": 1, "dtype": "float64", "output": 4,
     "nodes": [{"id": 0, "op": "input", "name": "x", "attrs": {}, "pos": [0, 0],
                "value": {"dtype": "float64", "shape": [], "data": [-2.0]}}, ...],
     "edges": [{"source": 0, "target": 3, "port": 0}, ...]}

Loading checks everything and raises one :class:`GraphError` naming the problem.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from .atomic import write_atomic  # noqa: F401  (re-exported: graphviz_nn.io.write_atomic)
from .graph import Graph
from .node import GraphError
from .ops import OPS

FORMAT = "graphviz-nn"
VERSION = 1


def _encode(value: np.ndarray) -> dict:
    data = value.reshape(-1).tolist()
    if value.dtype.kind == "f":
        data = [x if math.isfinite(x) else repr(x) for x in data]   # "nan", "inf", "-inf"
    return {"dtype": str(value.dtype), "shape": list(value.shape), "data": data}


def graph_to_dict(graph: Graph) -> dict:
    """The JSON-ready form of ``graph``."""
    nodes = []
    for n in graph.nodes:
        item: dict[str, Any] = {"id": n.id, "op": n.op, "name": n.name, "attrs": dict(n.attrs)}
        if n.is_leaf and n.value is not None:
            item["value"] = _encode(n.value)
        if n.pos is not None:
            item["pos"] = [n.pos[0], n.pos[1]]
        nodes.append(item)
    edges = [{"source": s.id, "target": d.id, "port": p} for s, d, p in graph.edges]
    return {"format": FORMAT, "version": VERSION, "dtype": str(graph.dtype),
            "output": None if graph.output is None else graph.output.id,
            "nodes": nodes, "edges": edges}


def _need(cond: bool, msg: str) -> None:
    if not cond:
        raise GraphError(msg)


def _int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _decode(v: Any, where: str) -> np.ndarray:
    _need(isinstance(v, dict), f"{where}: value must be an object with dtype, shape and data")
    dtype, shape, data = v.get("dtype"), v.get("shape"), v.get("data")
    _need(dtype in ("float16", "float32", "float64", "int32", "int64"),
          f"{where}: unsupported value dtype {dtype!r}")
    _need(isinstance(shape, list) and all(_int(s) and s >= 0 for s in shape),
          f"{where}: value shape must be a list of non-negative integers")
    _need(isinstance(data, list), f"{where}: value data must be a list of numbers")
    _need(len(data) == math.prod(shape),
          f"{where}: value has {len(data)} numbers but shape {tuple(shape)} needs "
          f"{math.prod(shape)}")
    clean = []
    for x in data:
        if isinstance(x, str) and x in ("nan", "inf", "-inf"):
            x = float(x)
        _need(isinstance(x, (int, float)) and not isinstance(x, bool),
              f"{where}: value data must be numbers, found {x!r}")
        clean.append(x)
    return np.array(clean, dtype=dtype).reshape(shape)


def graph_from_dict(data: Any) -> Graph:
    """Rebuild a graph from :func:`graph_to_dict` output; GraphError names what is wrong."""
    _need(isinstance(data, dict), "not a graph file: the top level must be a JSON object")
    _need(data.get("format") == FORMAT, f"not a graph file: format is {data.get('format')!r}, "
          f"expected {FORMAT!r}")
    version = data.get("version")
    _need(_int(version), "not a graph file: version must be an integer")
    _need(version <= VERSION, f"this file was written by a newer graphviz-nn (format version "
          f"{version}; this version reads up to {VERSION})")
    _need(version >= 1, f"unknown format version {version}")
    dtype = data.get("dtype", "float64")
    _need(dtype in ("float32", "float64"), f"unsupported graph dtype {dtype!r}")
    nodes, edges = data.get("nodes"), data.get("edges", [])
    _need(isinstance(nodes, list), "'nodes' must be a list")
    _need(isinstance(edges, list), "'edges' must be a list")
    graph = Graph(dtype)
    for i, item in enumerate(nodes):
        where = f"node {i + 1}"
        _need(isinstance(item, dict), f"{where} must be an object")
        nid, op, name = item.get("id"), item.get("op"), item.get("name")
        _need(_int(nid), f"{where}: id must be an integer")
        _need(isinstance(op, str), f"{where}: op must be a string")
        _need(op in OPS, f"{where}: unknown op {op!r}")
        _need(isinstance(name, str) and name.strip() != "", f"{where}: name must be a string")
        attrs = item.get("attrs", {})
        _need(isinstance(attrs, dict), f"{where} ({name}): attrs must be an object")
        if "axis" in attrs and isinstance(attrs["axis"], list):
            attrs = {**attrs, "axis": tuple(attrs["axis"])} if attrs["axis"] else attrs
        pos = item.get("pos")
        _need(pos is None or (isinstance(pos, list) and len(pos) == 2 and all(
            isinstance(c, (int, float)) and not isinstance(c, bool) for c in pos)),
            f"{where} ({name}): pos must be two numbers")
        value = item.get("value")
        _need(value is None or OPS[op].is_leaf, f"{where} ({name}): only leaves hold a value")
        try:
            node = graph.add_node(op, name, pos=pos, node_id=nid, **attrs)
        except GraphError as exc:
            raise GraphError(f"{where} ({name}): {exc}") from None
        if value is not None:
            node.value = _decode(value, f"{where} ({name})")
            if node.value.dtype.kind == "f":
                node.value = node.value.astype(graph.dtype)
    for i, item in enumerate(edges):
        where = f"edge {i + 1}"
        _need(isinstance(item, dict), f"{where} must be an object")
        src, dst, port = item.get("source"), item.get("target"), item.get("port")
        _need(_int(src) and _int(dst) and _int(port),
              f"{where}: source, target and port must be integers")
        for end in (src, dst):
            _need(end in graph._by_id, f"{where} points at node id {end}, which does not exist")
        s, d = graph.node_by_id(src), graph.node_by_id(dst)
        _need(0 <= port < len(d.spec.ports),
              f"{where}: {d.name} ({d.op}) has no port {port}")
        _need(d.inputs[port] is None, f"{where}: port {port} of {d.name} is connected twice")
        try:
            graph.connect(s, d, port)
        except GraphError as exc:
            raise GraphError(f"{where}: {exc}") from None
    out = data.get("output")
    _need(out is None or (_int(out) and out in graph._by_id), "'output' is not a node id")
    graph.output = None if out is None else graph.node_by_id(out)
    return graph


def save(graph: Graph, path: str | os.PathLike) -> None:
    """Write ``graph`` to ``path`` atomically (temporary file in the same folder, then rename)."""
    text = json.dumps(graph_to_dict(graph), indent=1, ensure_ascii=False, allow_nan=False)
    write_atomic(path, text.encode("utf-8"))


def load(path: str | os.PathLike) -> Graph:
    """Read a graph file; one :class:`GraphError` naming the file and the problem otherwise."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GraphError(f"{path} is not a graph file (broken or truncated JSON at line "
                         f"{exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise GraphError(f"{path} is not a graph file (nested too deeply)") from None
    try:
        return graph_from_dict(data)
    except GraphError as exc:
        raise GraphError(f"{path}: {exc}") from None
