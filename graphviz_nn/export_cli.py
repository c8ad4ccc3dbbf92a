"""``graphviz-nn export FILE --to numpy|torch|keras --out script.py [--model]``.

FILE is a graph (``.json``) or a Keras model (``.keras``). A graph becomes a numpy or PyTorch
script that recomputes and checks every value and gradient; ``--model`` (or ``--to keras``, or
a ``.keras`` FILE) exports the model instead: a PyTorch ``nn.Sequential`` or Keras training
script with the weights and data saved beside it. Bad input gives one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROG = "graphviz-nn export"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):          # one line, not the usage block
        raise SystemExit(f"{PROG}: {message}")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Export a graph or a model as Python code.")
    p.add_argument("file", help="a graph file (.json) or a Keras model (.keras)")
    p.add_argument("--to", required=True, choices=("numpy", "torch", "keras"))
    p.add_argument("--out", required=True, help="the script to write, e.g. script.py")
    p.add_argument("--model", action="store_true",
                   help="export the model (nn.Sequential + training loop), not the graph")
    return p


def export(file: str | Path, to: str, out: str | Path, model: bool = False) -> list[Path]:
    """Write the export of ``file``; returns the paths written. GraphError on bad input."""
    from graphviz_nn import GraphError, load
    from graphviz_nn.export import from_graph, graph_script, model_files, sample_graph
    from graphviz_nn.io import write_atomic
    from graphviz_nn.keras_io import read_keras

    file, out = Path(file), Path(out)
    if file.suffix.lower() == ".keras":
        spec = read_keras(file)
        if to == "numpy":
            _, graph = sample_graph(spec, dtype="float64")
            files = {out: graph_script(graph, "numpy", title=spec.name).encode("utf-8")}
        else:
            files = model_files(spec, to, out)
    else:
        graph = load(file)
        if to == "keras" or model:
            if to == "numpy":
                raise GraphError("--model exports to torch or keras")
            try:
                spec = from_graph(graph)
            except GraphError as exc:
                raise GraphError(f"{file.name} is not a Sequential model ({exc})") from None
            files = model_files(spec, to, out)
        else:
            files = {out: graph_script(graph, to, title=file.stem).encode("utf-8")}
    for path, data in files.items():
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise GraphError(f"cannot write {path}: {exc.strerror or exc}") from None
    return list(files)


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        if exc.code not in (0, None):
            print(exc.code if isinstance(exc.code, str) else f"{PROG}: bad arguments",
                  file=sys.stderr)
            return 2
        return 0
    from graphviz_nn import GraphError
    try:
        for path in export(args.file, args.to, args.out, args.model):
            print(path)
    except (GraphError, OSError) as exc:
        print(f"{PROG}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    return 0
