"""The ``graphviz-nn`` command.

    graphviz-nn                 open the window on the default example (f = (x + y) * z)
    graphviz-nn FILE            open a graph file in the window
    graphviz-nn render FILE --out view.svg|view.png [--forward] [--backward NODE]
    graphviz-nn train --dataset spiral --layers 64,64 ...
    graphviz-nn export FILE --to numpy|torch|keras --out script.py [--model]
    graphviz-nn selftest [--startup-only]
    graphviz-nn lesson [NAME]   list the lessons, or open the window on lesson NAME

The engine never imports Qt: subcommands that need the window are imported lazily by
module name, so ``import graphviz_nn`` stays light and Qt-free.
"""

from __future__ import annotations

import importlib
import sys

USAGE = __doc__.split("\n\n")[1]

# subcommand -> module whose ``main(argv) -> int`` runs it
SUBCOMMANDS = {
    "render": "ui.headless.render_cli",
    "train": "graphviz_nn.train_cli",
    "export": "graphviz_nn.export_cli",
    "selftest": "ui.headless.selftest",
    "lesson": "ui.lessons.cli",
}


def _run(module: str, argv: list[str]) -> int:
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        print(f"graphviz-nn: cannot start ({exc}); is the package installed?", file=sys.stderr)
        return 2
    return int(mod.main(argv) or 0)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print("usage:\n" + USAGE)
        return 0
    if args and args[0] in SUBCOMMANDS:
        return _run(SUBCOMMANDS[args[0]], args[1:])
    return _run("ui.start", args)


if __name__ == "__main__":
    sys.exit(main())
