"""``graphviz-nn render FILE --out view.svg|view.png [--forward] [--backward NODE]``.

Draws the same scene as the window, headless (offscreen Qt, no window). ``--backward NODE``
differentiates NODE and implies ``--forward``. Errors are one line on stderr, exit code 1
(bad file or node) or 2 (bad arguments); never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import ui.canvas  # noqa: F401  (applies the PySide6 6.12 refcount work-around first)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        print(f"graphviz-nn render: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="graphviz-nn render",
                description="Draw a graph file as SVG or PNG, with values and gradients.")
    p.add_argument("file", help="graph file (.json)")
    p.add_argument("--out", required=True, help="view.svg or view.png")
    p.add_argument("--forward", action="store_true", help="show the values of a forward pass")
    p.add_argument("--backward", metavar="NODE", default=None,
                   help="show gradients of NODE (implies --forward)")
    return p


def render_file(file: str | Path, out: str | Path, forward: bool = False,
                backward: str | None = None) -> None:
    """Load ``file`` and write the view to ``out``; raises ValueError/OSError with a message."""
    import graphviz_nn as gnn

    render_graph(gnn.load(file), out, forward, backward, source=Path(file).name)


def render_graph(graph, out: str | Path, forward: bool = False, backward: str | None = None,
                 source: str = "the graph") -> None:
    """Draw ``graph`` as the window would (values with ``forward``, gradients of node
    ``backward`` too) into ``out`` (.svg or .png). Needs a QApplication (offscreen is fine)."""
    from ui.canvas.badge_item import sync_badges
    from ui.canvas.scene import GraphScene
    from ui.controller import GraphController
    from ui.headless.render import export_scene

    output = graph.output
    if backward is not None:
        if backward not in graph:
            names = ", ".join(n.name for n in graph.nodes)
            raise ValueError(f"no node named {backward!r} in {source} (nodes: {names})")
        output = graph[backward]
    ctl = GraphController()
    scene = GraphScene()
    ctl.load_graph(graph, output)
    scene.set_graph(ctl.graph)
    if (forward or backward) and ctl.trace is None:
        raise ValueError(f"cannot run {source}: {ctl.trace_error}")
    if backward is not None:
        ctl.run_backward()
    elif forward:
        ctl.run_forward()
    state = ctl.display_state()
    state.current, state.emphasised = None, set()     # a still picture: no current step
    scene.apply_state(state)
    sync_badges(scene, {})          # errors and where NaN/inf started, as in the window
    export_scene(scene, out)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if Path(args.out).suffix.lower() not in (".svg", ".png"):
        print(f"graphviz-nn render: --out must end in .svg or .png, not {args.out!r}",
              file=sys.stderr)
        return 2
    os.environ["QT_QPA_PLATFORM"] = "offscreen"      # headless, even on a desktop
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(["graphviz-nn-render"])  # noqa: F841
    try:
        render_file(args.file, args.out, args.forward, args.backward)
    except (OSError, ValueError) as exc:
        msg = " ".join(str(exc).split())
        print(f"graphviz-nn render: {msg}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback at the user
        print(f"graphviz-nn render: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
