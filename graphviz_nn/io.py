"""Graph files: JSON with a format name and version, nodes, edges, leaf values and positions.

    {"format": "graphviz-nn", "version": 1, "dtype": "float64", "output": 4,
     "nodes": [{"id": 0, "op": "input", "name": "x", "attrs": {}, "pos": [0, 0],
                "value": {"dtype": "float64", "shape": [], "data": [-2.0]}}, ...],
     "edges": [{"source": 0, "target": 3, "port": 0}, ...]}

``"chosen_output": 3`` is there only when a person chose the node to differentiate
(``Graph.chosen_output``); files without it open as before.

Loading checks everything and raises one :class:`GraphError` naming the problem; the limits
(file size, nodes, numbers, ranks, ids, positions) are in ``filecheck.py``.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

import numpy as np

from . import filecheck
from .atomic import write_atomic  # noqa: F401  (re-exported: graphviz_nn.io.write_atomic)
from .filecheck import (
    check_counts,
    check_id,
    check_pos,
    check_text,
    decode_value,
    read_text,
    shown_name,
)
from .filecheck import is_int as _int
from .filecheck import need as _need
from .graph import Graph
from .messages import reason, say
from .node import GraphError
from .ops import OPS
from .ops.spec import shown

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
    data = {"format": FORMAT, "version": VERSION, "dtype": str(graph.dtype),
            "output": None if graph.output is None else graph.output.id,
            "nodes": nodes, "edges": edges}
    if graph.chosen_output is not None and graph.chosen_output in graph._by_id:
        data["chosen_output"] = graph.chosen_output
    return data


def graph_from_dict(data: Any) -> Graph:
    """Rebuild a graph from :func:`graph_to_dict` output; GraphError names what is wrong."""
    _need(isinstance(data, dict), say("file_top_level"))
    _need(data.get("format") == FORMAT, say("file_format", format=shown(data.get("format")),
                                           expected=FORMAT))
    version = data.get("version")
    _need(_int(version), say("file_version_type"))
    _need(version <= VERSION, say("file_newer", known=VERSION, version=version if version < 10 ** 6
                                  else say("far_above", version=VERSION)))
    _need(version >= 1, say("file_version_unknown", version=version))
    dtype = data.get("dtype", "float64")
    _need(dtype in ("float32", "float64"), f"unsupported graph dtype {shown(dtype)}")
    nodes, edges = data.get("nodes"), data.get("edges", [])
    _need(isinstance(nodes, list), "'nodes' must be a list")
    _need(isinstance(edges, list), "'edges' must be a list")
    check_counts(len(nodes), 0)
    graph = Graph(dtype)
    budget = filecheck.MAX_ELEMENTS                     # numbers the values may still hold
    for i, item in enumerate(nodes):
        where = say("file_node", number=i + 1)
        _need(isinstance(item, dict), f"{where} must be an object")
        nid, op, name = item.get("id"), item.get("op"), item.get("name")
        check_id(nid, where)
        _need(isinstance(op, str), f"{where}: op must be a string")
        _need(op in OPS, f"{where}: unknown op {shown(op)}")
        _need(isinstance(name, str) and name.strip() != "", f"{where}: name must be a string")
        where = say("file_node_named", number=i + 1, name=shown_name(name))
        attrs = item.get("attrs", {})
        _need(isinstance(attrs, dict), f"{where}: attrs must be an object")
        if "axis" in attrs and isinstance(attrs["axis"], list):
            attrs = {**attrs, "axis": tuple(attrs["axis"])} if attrs["axis"] else attrs
        pos = item.get("pos")
        check_pos(pos, where)
        value = item.get("value")
        _need(value is None or OPS[op].is_leaf, f"{where}: only leaves hold a value")
        try:
            node = graph.add_node(op, name, pos=pos, node_id=nid, **attrs)
        except GraphError as exc:
            raise GraphError(say("file_prefix", path=where, detail=reason(exc))) from None
        if value is not None:
            node.value = decode_value(value, where, budget)
            budget -= node.value.size
            if node.value.dtype.kind == "f":
                node.value = node.value.astype(graph.dtype)
    for i, item in enumerate(edges):
        where = say("file_edge", number=i + 1)
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
            raise GraphError(say("file_prefix", path=where, detail=reason(exc))) from None
    out = data.get("output")
    _need(out is None or (_int(out) and out in graph._by_id), "'output' is not a node id")
    graph.output = None if out is None else graph.node_by_id(out)
    chosen = data.get("chosen_output")
    _need(chosen is None or (_int(chosen) and chosen in graph._by_id),
          "'chosen_output' is not a node id")
    graph.chosen_output = chosen
    return graph


def to_json_bytes(graph: Graph) -> bytes:
    """The file's bytes; GraphError (nothing written) for a graph no file may hold, so every
    file the app writes opens again."""
    check_counts(len(graph), sum(n.value.size for n in graph.nodes
                                 if n.is_leaf and n.value is not None))
    data = json.dumps(graph_to_dict(graph), indent=1, ensure_ascii=False,
                      allow_nan=False).encode("utf-8")
    limit = filecheck.MAX_FILE_BYTES
    _need(len(data) <= limit, say("file_would_be_too_big", size=f"{len(data) / 2 ** 20:.0f}",
                                  limit=f"{limit / 2 ** 20:.0f}"))
    return data


def save(graph: Graph, path: str | os.PathLike) -> None:
    """Write ``graph`` to ``path`` atomically (temporary file in the same folder, then rename)."""
    write_atomic(path, to_json_bytes(graph))


def load(path: str | os.PathLike) -> Graph:
    """Read a graph file; one :class:`GraphError` naming the file and the problem otherwise."""
    text = read_text(path)
    check_text(text, str(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GraphError(say("file_broken_json", path=str(path), line=exc.lineno,
                             column=exc.colno, detail=exc.msg)) from None
    except RecursionError:
        raise GraphError(say("file_too_deep", path=str(path))) from None
    except ValueError as exc:                 # e.g. an integer of more than 4,300 digits
        raise GraphError(say("file_not_json", path=str(path), detail=str(exc))) from None
    try:
        return graph_from_dict(data)
    except GraphError as exc:
        raise GraphError(say("file_prefix", path=str(path), detail=reason(exc))) from None
