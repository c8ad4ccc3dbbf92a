"""Code both ways: a graph as numpy or PyTorch code, a model out to PyTorch and Keras.

    listing = numpy_listing(graph.trace(out))     # the code view's lines, each tied to a step
    text = graph_script(graph, "numpy")           # a runnable script that checks every number
    files = model_files(spec, "torch", "train.py")   # {path: bytes}: script + weights beside

``graphviz-nn export FILE --to numpy|torch|keras --out script.py`` writes them from the command
line (``graphviz_nn/export_cli.py``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..node import GraphError
from .listing import CodeLine, Listing, trace_of
from .model_scripts import keras_model_files, torch_model_files
from .model_spec import ModelSpec, from_graph, from_sequential
from .numpy_code import numpy_listing, numpy_script
from .torch_script import torch_script

__all__ = ["CodeLine", "Listing", "ModelSpec", "from_graph", "from_sequential", "graph_script",
           "model_files", "numpy_listing", "numpy_script", "sample_graph", "torch_script",
           "trace_of"]


def graph_script(graph, to: str, output=None, title: str = "") -> str:
    """``graph`` as a runnable ``"numpy"`` or ``"torch"`` script (forward, backward, checks)."""
    trace = trace_of(graph, output)
    if to == "numpy":
        return numpy_script(trace, title)
    if to == "torch":
        return torch_script(trace, title)
    raise GraphError(f"a graph exports to numpy or torch, not {to!r}")


def model_files(spec: ModelSpec, to: str, script: str | Path) -> dict[Path, bytes]:
    """The ``"torch"`` or ``"keras"`` training script of ``spec`` and its weights file."""
    if to == "torch":
        return torch_model_files(spec, script)
    if to == "keras":
        return keras_model_files(spec, script)
    raise GraphError(f"a model exports to torch or keras, not {to!r}")


def sample_graph(spec: ModelSpec, rows: int = 4, seed: int = 0, dtype: str = "float32"):
    """``(model, graph)``: the compiled Sequential of ``spec`` and its graph on a small random
    batch (or the first rows of ``spec``'s data), ready to step through."""
    model = spec.to_sequential()
    graph = model.graph if dtype == "float32" else model.graph.copy(dtype=dtype)
    rng = np.random.default_rng(seed)
    if spec.x is not None and len(spec.x):
        x, y = spec.x[:rows], spec.y[:rows]
    else:
        x = rng.normal(size=(rows, spec.input_dim))
        units = spec.dense[-1].units
        y = rng.integers(0, units, rows) if spec.classifier else rng.normal(size=(rows, units))
    graph.set_value(graph["x"], np.asarray(x, dtype=graph.dtype))
    graph.set_value(graph["y"], y if spec.classifier else np.asarray(y, dtype=graph.dtype))
    graph.output = graph["loss"]
    return model, graph
